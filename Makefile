# LMEC platform — the two commands: `make demo` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install lint format vendor bench clean system-deps

## demo: install everything, create the SQLite database, load the strategy and demo data, serve
demo: install
	$(BIN)/lmec demo --host $(HOST) --port $(PORT)

## test: install everything and run the whole suite (lint, SQLite, PostgreSQL, browser)
test: install
	scripts/test_all.sh

## install: the project's own virtualenv with pinned dependencies and compiled translations,
## and the system libraries and fonts the PDFs need (Pango, Noto CJK; only what is missing)
install: system-deps $(VENV)/.installed $(VENV)/.translations
# On CI, what the tests need as well (PostgreSQL, Chromium), in the same apt run; with
# `make -j2` (.ci/run) it downloads while pip installs the virtualenv.
system-deps:
	scripts/install_system_deps.sh $(if $(filter true,$(CI)),all,pdf)
$(VENV)/.installed: pyproject.toml constraints.txt
	@python=$$(scripts/find_python.sh) && { [ -x $(BIN)/python ] || $$python -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@
# compiled again whenever a catalogue changes (after a pull, too)
$(VENV)/.translations: $(VENV)/.installed $(wildcard lmec/locale/*/LC_MESSAGES/*.po lmec/locale_admin/*/LC_MESSAGES/*.po)
	$(BIN)/lmec compiletranslations
	@touch $@

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## vendor: refresh lmec/static/vendor from the pinned npm packages (then commit it)
vendor:
	npm ci --no-audit --no-fund --ignore-scripts
	$(BIN)/python scripts/vendor_static.py

## bench: run the benchmarks (results tables in benchmarks/README.md)
bench: install
	$(BIN)/python benchmarks/aqi.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/knowledge_import.py
	benchmarks/monitoring_api.sh
	$(BIN)/python benchmarks/search.py

clean:
	rm -rf $(VENV) var test-artefacts .pytest_cache
