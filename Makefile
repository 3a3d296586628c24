# Quick start: `make lint` lints the seeds, `make test` runs the whole test suite.
# Both create .venv (with Python 3.11) and install qtlint and its dependencies when missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: lint test venv bench clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

lint: venv
	$(BIN)/qtlint check seeds/

test: venv
	@bash scripts/install-chromium.sh || echo "qtlint: could not install Chromium (needs apt); the browser tests will be skipped (in CI they fail)"
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .qtlint_cache .pytest_cache build *.egg-info
