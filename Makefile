# One command each: `make run` sets up .venv and runs the pipeline on corpus/ -> outputs/;
# `make test` sets up .venv with the test dependencies and runs the test suite.
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: run test evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt setup.cfg | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test: requirements-test.txt setup.cfg | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

run: $(VENV)/.runtime
	$(BIN)/sidegraph run corpus -o outputs

test: $(VENV)/.test
	$(BIN)/python -m pytest

evaluate: $(VENV)/.runtime
	$(BIN)/sidegraph evaluate ../shared/corpus/gold ../shared/corpus/docs

clean:
	rm -rf $(VENV)
	find outputs -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
