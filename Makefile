# Quick start: `make site` builds site/ from the shipped data; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test check serve clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python build_site.py build

check: $(STAMP)
	$(BIN)/python build_site.py check

serve: $(STAMP)
	$(BIN)/python build_site.py serve

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site build
