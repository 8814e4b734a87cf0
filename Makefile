# Two commands do all the set-up on a fresh machine: `make site` and `make test`.
# Both create .venv and install the exactly pinned, hash-checked dependencies from requirements.lock.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Install from PyPI only, so that the hashes in requirements.lock always match what pip downloads.
PIP_ENV := PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= PIP_DISABLE_PIP_VERSION_CHECK=1
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint typecheck unit lock schema clean serve pango

$(BIN)/plan: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_ENV) $(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PIP_ENV) $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(BIN)/plan

# The browser tests drive Debian's chromium (never a browser downloaded by a test tool).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

site: $(BIN)/plan pango
	$(BIN)/plan build --out site
	@echo "Forhåndsvisning som bygges på nytt når du lagrer: $(BIN)/plan serve"

test: $(BIN)/plan $(CHROMIUM) pango lint typecheck unit

$(CHROMIUM):
	$(SUDO) apt-get install -y --no-install-recommends chromium || \
	  ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium)

# WeasyPrint (the PDF) needs Pango from Debian.
pango:
	@ldconfig -p | grep -q libpangoft2-1.0 || $(SUDO) apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 || \
	  ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0)

lint: $(BIN)/plan
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/plan
	$(BIN)/mypy

unit: $(BIN)/plan
	$(BIN)/pytest -q

# Regenerate requirements.lock after editing requirements.in (needs network access to PyPI).
lock: $(BIN)/plan
	$(PIP_ENV) $(BIN)/python -m pip install --quiet pip-tools
	$(PIP_ENV) $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

# Regenerate the JSON Schema files for editors in docs/schema/.
schema: $(BIN)/plan
	$(BIN)/plan schema --out docs/schema

# Time every stage for the shipped plan and synthetic plans of 100, 1 000 and 5 000 measures; writes BENCHMARKS.md
# (about 15 minutes on two cores).
.PHONY: bench
bench: $(BIN)/plan pango
	$(BIN)/python scripts/bench.py

serve: $(BIN)/plan
	$(BIN)/plan serve

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .ruff_cache .hypothesis
