# Every target that runs something first runs scripts/setup.sh, which creates .venv,
# installs the pinned dependencies and provides a Chromium; it does nothing when all is there.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST := $(PY) -m pytest
# Extra pytest arguments, e.g. make acceptance ARGS="-m smoke --headed"
ARGS ?=
# make soak: how many times the whole suite runs, serially and with -n 2
SOAK_RUNS ?= 20
# make test, make test-quick: how many pytest-xdist workers: two per core. Most of the
# integration tests' time is waiting (their child runs, time-outs they provoke, a real clock's
# 30-second passcode steps), so a second worker per core keeps the cores busy: on 2 cores,
# make test took 17 min 50 s with 2 workers and 14 min 18 s with 4 (2026-12-07).
JOBS ?= $(shell echo $$(( $$(nproc) * 2 )))
# The suite's own tests in parallel; tests that read one shared nested run stay on one worker.
XDIST := -n $(JOBS) --dist loadgroup

.PHONY: help setup acceptance acceptance-alt acceptance-plain test test-quick test-mock lint typecheck serve bench soak clean reports-check steps phrases durations fresh-check

help:
	@echo "make setup        .venv, the pinned dependencies and a Chromium (the targets that run something run it first)"
	@echo "make acceptance   the FAQ suite against the embedded mock, reports in reports/ (main job)"
	@echo "make acceptance-alt  the FAQ suite against the mock's alt dialect with its profile (--env alt)"
	@echo "make acceptance-plain  the same against the plain dialect (contacts in one section, ...: --env plain)"
	@echo "make test         everything CI runs: static checks, the mock's tests, the FAQ suite (both dialects), suite self-tests; ends with the slowest tests and the time budget"
	@echo "make test-quick   before every commit (under 2 min): static and report checks, the mock's, unit and report tests, the smoke scenarios"
	@echo "make serve        the mock for people: python -m mock_site --test-mode"
	@echo "make test-mock    only the mock's own browser-free tests"
	@echo "make lint         ruff (lint and format check), mypy and lint-imports (the import layers)"
	@echo "make typecheck    only mypy"
	@echo "make reports-check  FAQ traceability, dry run of the steps, Gherkin lint (no browser)"
	@echo "make steps        the step catalogue, reports/steps.md (python -m suite.authoring.steps_catalogue --profile NAME: a target's values)"
	@echo "make phrases      rewrite steps/phrases.txt, the checked-in list of step phrases (commit it with the step)"
	@echo "make durations    refresh .test_durations (pytest-split's shard balance) after adding or renaming scenarios"
	@echo "make bench        speed: suite vs bare Playwright, start-up, mock latency, -n 2, scaling over cores, memory (benchmarks/results.md)"
	@echo "make soak         the suite SOAK_RUNS times (default 20) in random order, serial and -n 2; fails on any flake"
	@echo "make fresh-check  (root) the README's two commands on a minimal Debian (debootstrap minbase, cached in /var/tmp)"
	@echo "make clean        delete the reports and artefacts in reports/, and the tools' caches (keeps .venv)"
	@echo "ARGS='...'        extra pytest arguments, e.g. ARGS='-m smoke --headed --slowmo 500'"
	@echo "JOBS=N            pytest-xdist workers for make test and make test-quick (default: two per core)"

setup:
	@bash scripts/setup.sh

acceptance: setup
	$(PYTEST) tests/acceptance $(ARGS)

# The same suite against the mock's second dialect, checked with its own profile
# (profiles/alt.toml): proof that a target is a profile. Reports in reports/alt/.
acceptance-alt: setup
	$(PYTEST) tests/acceptance --env alt --reports-dir reports/alt $(ARGS)

# The alt portal with plainer markup and its own words for the FAQ's sentences
# (docs/plain-dialect.md): the checks hold no stricter than the sources. Reports in reports/plain/.
acceptance-plain: setup
	$(PYTEST) tests/acceptance --env plain --reports-dir reports/plain $(ARGS)

test-mock: setup
	$(PYTEST) tests/mock -q $(ARGS)

# lint-imports: the import graph's contracts in pyproject.toml (layers, no circle), in a second.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo

typecheck: setup
	$(VENV)/bin/mypy

# Every test under tests/ in parallel (JOBS workers, the longest first: tests/longest_first.py)
# and, beside them, the FAQ suite against the mock's alt dialect (serially: the cores are busy
# with the tests, and a second worker's browser and mock would only add to their work; it
# still ends minutes before them), its output shown once the tests end (Ctrl-C stops it too:
# a shell's background job ignores SIGINT, hence the trap). Both run before the
# target fails, and it ends with the ten slowest tests and the integration tests' total beside
# their budget (tests/time_budget.toml), which warns and never fails. How to keep a new
# integration test cheap: docs/developers.md "Integration tests that stay cheap".
test: setup lint reports-check
	@status=0; mkdir -p reports; \
	$(PYTEST) tests/acceptance --env alt --reports-dir reports/alt $(ARGS) \
		> reports/alt-run.log 2>&1 & alt=$$!; \
	trap 'kill $$alt 2>/dev/null; exit 130' INT TERM; \
	$(PYTEST) tests $(XDIST) $(ARGS) || status=1; \
	wait $$alt || status=1; \
	echo "--- the FAQ suite against the mock's alt dialect, run beside the tests (reports/alt-run.log) ---"; \
	cat reports/alt-run.log; \
	$(PY) -m tests.time_budget reports/junit.xml reports/alt/junit.xml; \
	exit $$status

# The loop before every commit: the static and report checks, the mock's own tests, the unit
# and report tests, and the smoke scenarios. make test runs all of it again, and the rest.
test-quick: setup lint reports-check
	$(PYTEST) tests/mock tests/unit tests/reports $(XDIST) -q $(ARGS)
	$(PYTEST) tests/acceptance -m smoke -q $(ARGS)

# Browser-free checks of the feature files: every FAQ question and answer sentence covered,
# every step defined, the house layout. Each prints what is wrong as file:line; all three run
# before the target fails, so one run shows every problem.
reports-check: setup steps
	@status=0; \
	$(PY) -m suite.reporting.traceability || status=1; \
	$(PY) -m suite.authoring.dry_run || status=1; \
	$(PY) -m suite.authoring.gherkin_lint || status=1; \
	exit $$status

steps: setup
	$(PY) -m suite.authoring.steps_catalogue

# pytest-split's record of each scenario's duration, which balances CI's shards: the whole
# suite, serially, keeping no name that is gone. Its reports go to reports/durations, so the
# last run's reports/ stays. (An out-of-date file only warns: python -m suite.run.durations.)
durations: setup
	$(PYTEST) tests/acceptance --store-durations --clean-durations --reports-dir reports/durations

# The analysts' contract: refuses to drop a phrase that steps/old_phrases.py does not keep.
phrases: setup
	$(PY) -m suite.authoring.steps_catalogue --update-snapshot

bench: setup
	$(PY) benchmarks/bench.py $(ARGS)

soak: setup
	$(PY) benchmarks/soak.py --runs $(SOAK_RUNS) $(ARGS)

serve: setup
	$(PY) -m mock_site --test-mode $(ARGS)

# Not part of make test: needs root, and runs make acceptance and make test again inside.
fresh-check:
	@bash scripts/fresh_check.sh

clean:
	rm -rf reports/alt reports/alt-run.log reports/plain reports/durations reports/artifacts reports/allure-results reports/.results reports/*.xml reports/*.json reports/*.html reports/steps.md .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
