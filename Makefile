# Quick start: `make site` builds site/ from the shipped data; `make test` runs every test; `make test-unit` the fast ones.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: site test test-unit lint test-deps check serve lighthouse clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The browser assets the site ships (plotly.js basic bundle) and the test tools (axe-core, Lighthouse,
# the Nu Html Checker), exactly as locked in package-lock.json. No install scripts: the only one
# (vnu-jar's) would download a Java runtime, which comes from Debian's packages instead.
$(NODE_STAMP): package.json package-lock.json
	@.ci/system-deps node
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

site: $(NODE_STAMP) $(STAMP)
	$(BIN)/python build_site.py build

check: $(STAMP)
	$(BIN)/python build_site.py check

serve: $(NODE_STAMP) $(STAMP)
	$(BIN)/python build_site.py serve

# Chromium, a Korean font and Java for the tests (Node.js for npm): installed from Debian's packages
# when root, otherwise one line says what to install, before anything else runs (.ci/system-deps).
test-deps:
	@.ci/system-deps node browser java

# The tests run side by side in one worker process per core (pytest-xdist); the shipped data is built once for all.
test: test-deps $(STAMP) $(NODE_STAMP) lint
	$(BIN)/python -m pytest -n auto --dist worksteal

# Style kept by a tool (ruff, pinned in the test extras): formatting and lint, part of `make test`.
lint: $(STAMP)
	$(BIN)/ruff format --check sitegen tests benchmarks build_site.py
	$(BIN)/ruff check sitegen tests benchmarks build_site.py

# The fast tests alone (tests/unit/, marker unit): the Python packages only; no Node.js, no build, no browser, no Java.
test-unit: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist worksteal tests/unit

lighthouse: site
	@.ci/system-deps browser
	$(BIN)/python benchmarks/lighthouse.py

clean:
	rm -rf $(VENV) site build node_modules test-artifacts
