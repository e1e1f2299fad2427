# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINTED := src tests bench migrations packaging
# Checks that the system libraries pmjournal loads (Pango and HarfBuzz for the PDF, Qt and its
# xcb plugin for the window) really load. It runs with the venv's Python once there is one, so
# that ldd can look at the installed Qt's plugin too; --install installs what is missing.
CHECK = $(firstword $(wildcard $(BIN)/python) $(PYTHON)) packaging/check_system.py

.PHONY: run test lint format bench check-system install-system install-cjk-fonts clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pmjournal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

check-system:
	@$(CHECK)

install-system:
	@$(CHECK) --install

# Optional: a CJK font, so Chinese, Japanese and Korean text renders in the portfolio (and its
# test runs instead of being skipped).
install-cjk-fonts:
	apt-get update -qq && apt-get install -y -qq fonts-noto-cjk

run: $(STAMP)
	@$(CHECK) --install
	$(BIN)/pmjournal

test: $(STAMP)
	@$(CHECK) --install
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

bench: $(STAMP)
	$(BIN)/python bench/store.py
	$(BIN)/python bench/portfolio.py

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
