# Entry points that work on a fresh machine with only python3: `make demo` and `make test`.
# `make fuzz` runs the long seeded fuzz (benchmarks/fuzz.py; FUZZ_ARGS="--n 5000" for less).
# The virtual environment is created on first use; claimcheck is (re)installed into it only
# when pyproject.toml is newer than the stamp file of that install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STAMP_TEST := $(VENV)/.installed-test
STAMP_DEV := $(VENV)/.installed-dev
STAMP_BENCH := $(VENV)/.installed-bench
# `make bench BENCH_ARGS=--quick` for the few-minute version; see benchmarks/bench.py --help
BENCH_ARGS ?=
EXAMPLES := examples/flood-toll.jsonl examples/txt/

.PHONY: demo test lint docs fuzz bench bench-quick profile clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# the test extra includes the package itself, so it satisfies the plain install too; dask too,
# so that tests/test_distributed.py runs its two-worker LocalCluster instead of skipping it
$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $@ $(STAMP)

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_TEST) $(STAMP)

$(STAMP_BENCH): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/claimcheck check $(EXAMPLES) --format table

test: $(STAMP_TEST)
	$(BIN)/python -m pytest

# rewrite the generated samples in README.md and docs/*.md ([[[cog ... ]]] blocks, helpers in
# docs/samples.py); tests/test_docs.py fails until they are regenerated
docs: $(STAMP_TEST)
	$(BIN)/cog -r -I docs README.md docs/*.md

fuzz: $(STAMP_TEST)
	$(BIN)/python benchmarks/fuzz.py $(FUZZ_ARGS)

# performance figures as markdown tables, each measured in the same run (printed, never asserted)
bench: $(STAMP_BENCH)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

bench-quick: $(STAMP_BENCH)
	$(BIN)/python benchmarks/bench.py --quick $(BENCH_ARGS)

# pyinstrument summaries of the hot path (docs/performance.md quotes them)
profile: $(STAMP_BENCH)
	$(BIN)/python benchmarks/profile_hot.py $(BENCH_ARGS)

lint: $(STAMP_DEV)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .hypothesis .mypy_cache .ruff_cache
