# Quick start: `make site` builds site/ from the shipped data; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: site test check serve lighthouse clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The browser assets the site ships (plotly.js basic bundle) and the test tools (axe-core, Lighthouse),
# exactly as locked in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

site: $(STAMP) $(NODE_STAMP)
	$(BIN)/python build_site.py build

check: $(STAMP)
	$(BIN)/python build_site.py check

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/python build_site.py serve

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

lighthouse: site
	$(BIN)/python benchmarks/lighthouse.py

clean:
	rm -rf $(VENV) site build node_modules test-artifacts
