# counterdesk: `make run` starts the desk app, `make test` runs every check.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck contracts pytest pytest-clocks bench clean translations dist check-dist

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Qt translations: resources/translations/*.ts -> .qm (built, not committed).
translations: $(STAMP)
	$(BIN)/python -m counterdesk.gui.build_translations

run: $(STAMP) translations
	$(BIN)/counterdesk gui --training-if-empty

test: $(STAMP) translations lint typecheck contracts pytest pytest-clocks

lint: $(STAMP)
	$(BIN)/ruff check src tests bench packaging
	$(BIN)/ruff format --check src tests bench packaging

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

# The sync suite again with every desk's clock 10 years ahead, 10 years behind, and jumping
# between those while in use (tests/sync/conftest.py): sync must not depend on the clock.
pytest-clocks: $(STAMP)
	for clock in +10y -10y jump; do \
		COUNTERDESK_TEST_DESK_CLOCK=$$clock $(BIN)/python -m pytest -q -p no:warnings tests/sync \
			|| exit 1; \
	done

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# A one-folder build of the desk app (PyInstaller) and its archive, in dist/.
dist: $(STAMP) translations
	$(BIN)/python packaging/build_dist.py

# Moves the build, runs its --self-test under env -i and opens its window under Xvfb.
check-dist:
	$(BIN)/python packaging/check_dist.py

clean:
	rm -rf $(VENV) build dist
