# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian/Ubuntu packages the app needs at run time: WeasyPrint's Pango and HarfBuzz subsetting
# (without it, embedding fonts in a PDF is ten times slower), and Qt's shared libraries.
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0

.PHONY: run test test-all lint format bench check-system install-system install-cjk-fonts clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pmjournal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

check-system:
	@$(PYTHON) packaging/check_system.py $(APT_PACKAGES)

install-system:
	apt-get update -qq && apt-get install -y -qq $(APT_PACKAGES)

# Optional: a CJK font, so Chinese, Japanese and Korean text renders in the portfolio (and its
# test runs instead of being skipped).
install-cjk-fonts:
	apt-get update -qq && apt-get install -y -qq fonts-noto-cjk

run: check-system $(STAMP)
	$(BIN)/pmjournal

test: check-system $(STAMP)
	$(BIN)/ruff check src tests bench migrations
	$(BIN)/ruff format --check src tests bench migrations
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not long"

# Everything make test runs, plus the tests marked ``long`` (minutes of multi-process and
# large-input stress; short versions of each run in make test).
test-all: check-system $(STAMP)
	$(BIN)/ruff check src tests bench migrations
	$(BIN)/ruff format --check src tests bench migrations
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench migrations
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests bench migrations
	$(BIN)/ruff check --fix src tests bench migrations

bench: $(STAMP)
	$(BIN)/python bench/store.py
	$(BIN)/python bench/portfolio.py

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
