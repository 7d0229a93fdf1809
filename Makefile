# Every target that runs something first runs scripts/setup.sh, which creates .venv,
# installs the pinned dependencies and provides a Chromium; it does nothing when all is there.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST := $(PY) -m pytest
# Extra pytest arguments, e.g. make acceptance ARGS="-m smoke --headed"
ARGS ?=

.PHONY: help setup acceptance test test-mock lint typecheck serve bench soak clean

help:
	@echo "make acceptance   the FAQ suite against the embedded mock, reports in reports/ (main job)"
	@echo "make test         everything CI runs: static checks, the mock's tests, the FAQ suite, suite self-tests"
	@echo "make serve        the mock for people: python -m mock_site --test-mode"
	@echo "make test-mock    only the mock's own browser-free tests"
	@echo "make lint         ruff (lint and format check) and mypy"
	@echo "ARGS='...'        extra pytest arguments, e.g. ARGS='-m smoke --headed --slowmo 500'"

setup:
	@bash scripts/setup.sh

acceptance: setup
	$(PYTEST) tests/acceptance $(ARGS)

test-mock: setup
	$(PYTEST) tests/mock -q $(ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: setup lint
	$(PYTEST) tests $(ARGS)

serve: setup
	$(PY) -m mock_site --test-mode $(ARGS)

clean:
	rm -rf reports/artifacts reports/*.xml reports/*.json reports/*.html .pytest_cache .mypy_cache .ruff_cache
