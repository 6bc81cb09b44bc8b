"""Shared pytest setup: hypothesis profiles sized so the whole suite runs in well under two minutes.

`HYPOTHESIS_PROFILE=thorough pytest` runs every property with many more examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=40,
    deadline=None,  # the first call loads the gazetteer; timing belongs to benchmarks/
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
