# GateKeeper — the two commands are `make run` and `make test`; both set up what is missing.
# Set-up is idempotent: a second run installs nothing and takes about a second.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMPS := $(VENV)/.stamps

.PHONY: setup run test lint bench bench-quick mutation screenshots package clean-venv help
.DEFAULT_GOAL := help

help:
	@echo "make run     open the GateKeeper kiosk on the default ledger (sets up first)"
	@echo "make test    run lint, the import contract and the tests (sets up first)"
	@echo "make setup   only the set-up: system packages, .venv, the project"
	@echo "make bench   run the benchmarks and print their figures"
	@echo "make screenshots  render every screen (offscreen) to docs/screenshots/"
	@echo "make package  build the one-folder app dist/gatekeeper/ (PyInstaller, about a minute)"

$(STAMPS)/system: packaging/apt-packages.txt packaging/ensure-system-deps.sh
	@bash packaging/ensure-system-deps.sh
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/venv: $(STAMPS)/system
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/project: pyproject.toml $(STAMPS)/venv
	@echo "GateKeeper set-up: installing the project into $(VENV)"
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

setup: $(STAMPS)/project
	@bash packaging/ensure-system-deps.sh
	@$(PY) -m gatekeeper.ui.translations

run: setup
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$QT_QPA_PLATFORM" = offscreen ]; then \
		$(VENV)/bin/gatekeeper gui $(ARGS); \
	else \
		echo "No screen found: starting GateKeeper on a virtual X screen (xvfb-run)."; \
		xvfb-run -a -s "-screen 0 1280x800x24" $(VENV)/bin/gatekeeper gui $(ARGS); \
	fi

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy gatekeeper/domain gatekeeper/scanner gatekeeper/ledger gatekeeper/hub gatekeeper/services gatekeeper/devices
	$(VENV)/bin/pytest $(PYTEST_ARGS)

bench: setup
	$(PY) tests/bench/run_all.py

# Delete each gate rule in turn and check the fast tests catch it (docs/mutation.md; about
# 5 minutes on 2 cores, not part of `make test`). ARGS: e.g. --only NAME, --source HEAD.
mutation: setup
	$(PY) tests/mutation/run_mutations.py $(ARGS)

screenshots: setup
	$(PY) packaging/screenshots.py

$(STAMPS)/package: pyproject.toml $(STAMPS)/project
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,package]'
	@touch $@

package: setup $(STAMPS)/package
	$(VENV)/bin/pyinstaller --noconfirm packaging/gatekeeper.spec
	@echo "Built dist/gatekeeper/ ($$(du -sh dist/gatekeeper | cut -f1)). Smoke test: $(VENV)/bin/pytest -m packaging tests/packaging"

clean-venv:
	rm -rf $(VENV)
