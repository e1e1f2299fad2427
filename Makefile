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

.PHONY: run test test-all lint format bench screenshots check-system install-system install-cjk-fonts clean dist dist-check

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
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not long"

# Everything make test runs, plus the tests marked ``long`` (minutes of multi-process and
# large-input stress; short versions of each run in make test).
test-all: check-system $(STAMP)
	$(BIN)/ruff check src tests bench migrations
	$(BIN)/ruff format --check src tests bench migrations
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

# The installable app (packaging/README.md). PyInstaller runs in its own environment with a
# regular (not editable) install of pmjournal and no test tools, so the bundle can only pick up
# what the app imports. The bundle is rebuilt when a file it is made from changes.
DIST_VENV := build/dist-venv
DIST_STAMP := $(DIST_VENV)/.installed
BUNDLE := dist/pmjournal/pmjournal
BUNDLE_SOURCES := pyproject.toml $(shell find src resources migrations packaging -type f \
	-not -path '*/__pycache__/*' 2>/dev/null)

$(DIST_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pmjournal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/pip install --quiet ".[dist]"
	@touch $(DIST_STAMP)

$(BUNDLE): $(DIST_STAMP) $(BUNDLE_SOURCES)
	@$(CHECK) --install
	$(DIST_VENV)/bin/pip install --quiet --no-deps --force-reinstall .
	$(DIST_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/pmjournal.spec
	@touch $(BUNDLE)
	@du -sh dist/pmjournal

dist: $(BUNDLE)

# Not part of make test: runs the bundle in a clean environment and validates its desktop files.
dist-check: $(BUNDLE)
	$(PYTHON) packaging/dist_check.py dist/pmjournal

# The desktop app's screenshots in docs/img/ (every view, search, welcome, outputs with a
# portfolio preview; light and dark).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/screenshots.py --out docs/img

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
