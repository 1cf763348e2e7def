# kursk-notebooks: one environment (.venv, from requirements.lock), two commands that matter.
#   make report   run every notebook into reports/ (charts, HTML, index); the only target that
#                 writes reports/
#   make test     ruff + pytest (unit tests, data validation, nbval on every notebook), writing
#                 what the notebooks export into a temporary folder
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
ARTICLES ?= data/articles
REVIEWS ?=
START ?= 2024-06-01
END ?= 2026-12-31
STAMP := $(VENV)/.installed

NOTEBOOKS := $(wildcard notebooks/0*.ipynb)

export PYTHONHASHSEED := 0
# No MPLBACKEND here: notebook kernels must draw with the inline backend, as when the committed
# outputs were made (nbval compares them); matplotlib picks Agg by itself where there is no display.
unexport MPLBACKEND
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

.PHONY: help env report test lint unit nbval notebooks lock lab clean benchmarks

help:
	@echo "make report   - set up .venv if needed, run every notebook, write reports/"
	@echo "make test     - set up .venv if needed, ruff + pytest (unit, data, nbval, browser)"
	@echo "make lab      - start JupyterLab with the project's kernel on localhost"
	@echo "make notebooks- re-execute notebooks in place (after a change of code or data)"
	@echo "make lock     - re-pin requirements.lock from pyproject.toml"
	@echo "make env      - only set up .venv (make lint, unit, nbval: parts of make test)"
	@echo "make benchmarks - speed and memory figures (by hand; minutes)"
	@echo "make clean    - remove generated reports"

env: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (kursk)" >/dev/null
	touch $(STAMP)

lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

report: $(STAMP)
	$(BIN)/python -m kursk.report --articles "$(ARTICLES)" --reviews "$(REVIEWS)" --start "$(START)" --end "$(END)"

lint: $(STAMP)
	$(BIN)/ruff check lib tests notebooks scripts benchmarks

# Tests write what the notebooks export (figures, the interactive map, browser screenshots) into
# a temporary folder, removed afterwards (KURSK_REPORTS, read by kursk.paths.reports_dir): only
# `make report` writes reports/, so a test run never replaces the charts of your last report.
# (tests/conftest.py also fails the run if reports/ changed.)
# (A command prefix: it runs the rest of the line with KURSK_REPORTS set, then removes the folder
# and exits with the command's status; variables set before it, such as KURSK_ARTICLES, pass on.)
TMP_REPORTS = sh -c 'tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/kursk-test-reports.XXXXXX") || exit 1; KURSK_REPORTS="$$tmp" "$$@"; status=$$?; rm -rf "$$tmp"; exit $$status' with-temporary-reports

unit: $(STAMP)
	$(TMP_REPORTS) $(BIN)/pytest tests

# The notebooks' stored outputs show the seed article alone: tests and re-execution point them at
# an empty articles folder, so articles of your own in data/articles do not make nbval fail.
NO_ARTICLES := KURSK_ARTICLES=tests/fixtures/no_articles KURSK_REVIEWS=tests/fixtures/no_reviews.csv

nbval: $(STAMP)
	$(NO_ARTICLES) $(TMP_REPORTS) $(BIN)/pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $(NOTEBOOKS)

test: lint $(STAMP)
	$(NO_ARTICLES) $(TMP_REPORTS) $(BIN)/pytest tests --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $(NOTEBOOKS)

# Re-executes the committed notebooks in place; what they export goes to a temporary folder.
notebooks: $(STAMP)
	$(NO_ARTICLES) $(BIN)/python -m kursk.report --in-place

# JupyterLab on the whole repository (notebooks/ open first). The project's notebooks are trusted
# first (`jupyter trust`, in your own Jupyter data folder), so notebook 02's interactive map and
# the sortable tables show on first open: JupyterLab runs no script of an untrusted notebook.
lab: $(STAMP)
	$(BIN)/jupyter trust $(NOTEBOOKS)
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser $(if $(filter 0,$(shell id -u)),--allow-root,) \
		--ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_claims.py
	$(BIN)/python benchmarks/bench_dask.py

clean:
	rm -rf reports/figures reports/notebooks reports/*.html reports/screenshots
