"""claimcheck: cross-check numeric claims between news sources.

    >>> import claimcheck
    >>> report = claimcheck.check([doc_a, doc_b])      # Report: claims, groups, discrepancies
    >>> report = claimcheck.check(claimcheck.read_documents("docs/"))
    >>> claims = claimcheck.extract("At least 14 people were injured.")
    >>> claimcheck.to_jsonl(report.claim_rows(), "claims.jsonl")  # one record a line
    >>> for item in claimcheck.check_stream(documents_in_publication_order):
    ...     print(item)                      # groups, checks, diagnostics as they settle
"""

from claimcheck.errors import ClaimcheckError
from claimcheck.io import read_documents, read_jsonl, to_jsonl
from claimcheck.models import Claim, Document
from claimcheck.pipeline import Pipeline, check, extract
from claimcheck.policy import Policy
from claimcheck.report import Report
from claimcheck.stream import check_stream

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimcheckError",
    "Document",
    "Pipeline",
    "Policy",
    "Report",
    "check",
    "check_stream",
    "extract",
    "read_documents",
    "read_jsonl",
    "to_jsonl",
]
