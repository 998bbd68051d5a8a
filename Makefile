# Stop tienerpooiers — the commands. `make serve` to preview, `make test` to run every test.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup serve build release check translations test test-fast lint test-deps system-deps bench clean

help:
	@echo "make serve   preview the site on http://127.0.0.1:8000 (reloads on save)"
	@echo "make build   build the whole site into site/ (kept as it was if the build fails)"
	@echo "make release build to publish: as make build, but refuses while an owner setting is missing"
	@echo "make check   check all content: file:line messages and a summary"
	@echo "make translations  which pages exist in fr/en, which are missing or outdated"
	@echo "make test    install what the tests need and run all tests (lint, check, every test: what CI runs)"
	@echo "make test-fast  lint and the unit tests (about a minute, for editing)"
	@echo "make lint    ruff and mypy (strict on the generator)"
	@echo "make bench   compare build time, page weight, Lighthouse and search with plain Material (BENCH_ARGS=--quick)"

$(VENV)/.stamp-site: requirements.txt generator/pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.stamp-test: requirements-test.txt $(VENV)/.stamp-site
	$(PY) -m pip install -q -r requirements-test.txt
	touch $@

setup: $(VENV)/.stamp-site

serve: setup
	$(VENV)/bin/sitekit serve

build: setup
	$(VENV)/bin/sitekit build

release: setup
	$(VENV)/bin/sitekit release

check: setup
	$(VENV)/bin/sitekit check

translations: setup
	$(VENV)/bin/sitekit translations

# Debian packages the tests use: chromium (never a downloaded browser build), nginx, pdftoppm.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || missing="$$missing nginx-light"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

test-deps: $(VENV)/.stamp-test system-deps node_modules/.stamp

# ruff over everything, mypy --strict over the generator (its settings: ruff.toml, generator/pyproject.toml)
lint: $(VENV)/.stamp-test
	$(VENV)/bin/ruff check .
	cd generator && ../$(VENV)/bin/mypy

test: test-deps lint
	$(VENV)/bin/sitekit check
	$(PY) -m pytest

# For editing: lint and the unit tests, no browser and no full builds. CI runs `make test`.
test-fast: $(VENV)/.stamp-test lint
	$(PY) -m pytest tests/unit -q

bench/node_modules/.stamp: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --silent
	touch $@

# Figures, not pass/fail: prints a table, writes bench/results.json and docs/benchmark.md.
bench: test-deps bench/node_modules/.stamp
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf site site.old .site-new-* .pytest_cache
