# Quick start: `make demo` (set up, then run the main job on samples/), `make test` (the test suite).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test setup system bench clean

system:
	@bash scripts/setup-system.sh

$(BIN)/localize: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip
	@$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@

setup: system $(BIN)/localize

demo: setup
	$(BIN)/localize detect samples/ --no-blocks
	$(BIN)/localize translate samples/ --to es,ca --skip-unsupported
	$(BIN)/localize build samples/ --to es,ca --out-dir out/ --skip-missing
	$(BIN)/localize status

test: setup
	@bash scripts/setup-system.sh --browser
	$(BIN)/python -m pytest -q

bench: setup
	@bash scripts/fetch-corpora.sh
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/detect_bench.py --split test --per-language 40 --snippets 100
	$(BIN)/python benchmarks/detect_bench.py --split test --per-language 40 --snippets 100 --corpus debian
	$(BIN)/python benchmarks/segment_bench.py --split test
	$(BIN)/python benchmarks/names_bench.py --news
	$(BIN)/python benchmarks/translationese_corpus.py
	$(BIN)/python benchmarks/translationese_bench.py
	$(BIN)/python benchmarks/checks_bench.py --split test
	$(BIN)/python benchmarks/glossary_bench.py
	$(BIN)/python benchmarks/exchange_bench.py
	$(BIN)/python benchmarks/mixed_bench.py --split test
	$(BIN)/python benchmarks/speed_bench.py all

clean:
	rm -rf out/ .pytest_cache .hypothesis
