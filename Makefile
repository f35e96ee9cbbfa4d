# podium: two commands do everything on a fresh machine.
#   make run    set up, load the built-in 2004 ALMS season into the SQLite database,
#               then serve it at http://127.0.0.1:8000
#   make test   set up, then lint, type-check and run the whole test suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup run test lint typecheck unit bench bench-http golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/podium db load
	$(BIN)/podium serve --host 127.0.0.1 --port 8000

lint: setup
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

bench: setup
	$(BIN)/python bench/bench_scoring.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/store_read.py
	$(BIN)/python bench/http_standings.py
	$(BIN)/python bench/import_bench.py --files 200
	$(BIN)/python bench/f1_bench.py
	$(BIN)/python bench/title_bench.py

bench-http: setup
	$(BIN)/python bench/http_standings.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis build dist artifacts
