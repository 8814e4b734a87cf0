# Two commands do all the set-up on a fresh machine: `make site` and `make test`.
# Both create .venv and install the exactly pinned, hash-checked dependencies from requirements.lock.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# pip's own configuration decides where packages come from; the hashes in requirements.lock decide what is accepted.
PIP_ENV := PIP_DISABLE_PIP_VERSION_CHECK=1
export NO_MKDOCS_2_WARNING := 1

.PHONY: site check test lint typecheck unit lock schema clean serve pango

# The project is installed editable in setuptools' «compat» mode: a .pth file puts the repository on sys.path, instead
# of an import finder that every import of every command asks first (a few hundredths of a second per command).
$(BIN)/plan: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_ENV) $(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PIP_ENV) $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . --config-settings editable_mode=compat
	touch $(BIN)/plan
	$(EDITOR_SCHEMAS)

# VS Code's JSON Schema files with the plan's ids (.vscode/schema/, not committed: they change with the plan), written
# whenever the tools are set up and before a build or a preview, so that a new actor, measure or indicator is known.
EDITOR_SCHEMAS = @$(BIN)/plan schema --editor > /dev/null

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# THE list of Debian packages the project needs, installed with apt-get from the machine's own Debian sources
# (never a download from elsewhere). tests/tools.py maps every program the tests start to one of these packages,
# and tests/test_debian_packages.py checks the map against this list.
# The site: WeasyPrint (the PDF) needs Pango, and HarfBuzz's subsetter: without it WeasyPrint subsets fonts with
# fontTools, which stamps each font with the time of the build, and two builds of one commit differ.
SITE_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# The tests: chromium (the browser tests drive Debian's chromium, never a browser downloaded by a test tool), a Java
# runtime (the Nu HTML Checker), faketime (a build at another time of day must give the same bytes), LibreOffice
# Calc without its desktop parts (a status workbook re-saved by Calc must import as the original; soffice), Node.js
# (Lighthouse, see below), poppler-utils (pdftotext, pdffonts, pdftoppm read the PDFs back), git (plan diff, plan
# new, adopted editions) and bash (the pull-request comment's script from .github/workflows/pr.yml runs as GitHub
# runs it).
TEST_PACKAGES := bash chromium default-jre-headless faketime git libreoffice-calc-nogui nodejs poppler-utils
DEBIAN_PACKAGES := $(SITE_PACKAGES) $(TEST_PACKAGES)

# `$(call apt_install,PACKAGES)`: installs those of PACKAGES that dpkg does not know as installed, in one apt-get
# call; when the package lists are stale (a fresh machine or container), once more after apt-get update. apt-get
# waits up to ten minutes for another apt-get to finish instead of failing at once.
APT_GET := $(SUDO) apt-get -o DPkg::Lock::Timeout=600
apt_install = missing="$$(for p in $(1); do dpkg-query -W -f='$${db:Status-Status}\n' $$p 2>/dev/null | \
	  grep -qx installed || echo $$p; done)"; \
	[ -z "$$missing" ] || $(APT_GET) install -y --no-install-recommends $$missing || \
	  ($(APT_GET) update && $(APT_GET) install -y --no-install-recommends $$missing)

.PHONY: debian-packages
pango:
	@$(call apt_install,$(SITE_PACKAGES))
debian-packages:
	@$(call apt_install,$(DEBIAN_PACKAGES))

site: $(BIN)/plan pango
	$(EDITOR_SCHEMAS)
	$(BIN)/plan build --out site
	@echo "Forhåndsvisning som bygges på nytt når du lagrer: $(BIN)/plan serve"

# The Nu HTML Checker, as the W3C runs it: the vnu-jar release, fetched by npm's own client (`npm pack`, from the
# registry npm is configured with), pinned and checked against its sha512.
VNU_VERSION := 26.9.27
VNU_SHA512 := 4e441de4315f39a582f5e6edbe8cd3b2b1f655aa1dde3620faface791133217c417b12f3f7ead2d8336d8e7efe44f5226618258b44a0860057e9125135e6b428
VNU := $(VENV)/share/vnu-$(VNU_VERSION)/vnu.jar
$(VNU):
	mkdir -p $(@D)
	cd $(@D) && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null
	echo "$(VNU_SHA512)  $(@D)/vnu-jar-$(VNU_VERSION).tgz" | sha512sum --check --quiet
	tar -xzf $(@D)/vnu-jar-$(VNU_VERSION).tgz -C $(@D) --strip-components=3 package/build/dist/vnu.jar
	rm $(@D)/vnu-jar-$(VNU_VERSION).tgz
	touch $@

# Lighthouse (Google's audit of a page: accessibility, best practices, SEO, performance), for the test of five pages
# of the shipped plan (tests/test_lighthouse.py) and `python -m scripts.dev.lighthouse`. Installed by npm's own client
# (from the registry npm is configured with), the exact version pinned, without its development dependencies; it
# drives Debian's chromium (CHROME_PATH), never a browser of its own.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := $(VENV)/share/lighthouse-$(LIGHTHOUSE_VERSION)/node_modules/lighthouse/cli/index.js
$(LIGHTHOUSE):
	mkdir -p $(VENV)/share/lighthouse-$(LIGHTHOUSE_VERSION)
	npm install --silent --prefix $(VENV)/share/lighthouse-$(LIGHTHOUSE_VERSION) --no-save --omit=dev \
	  --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@

# Make expands prerequisites as it reads them, so this comes after $(VNU) and $(LIGHTHOUSE) above.
test: $(BIN)/plan debian-packages $(VNU) $(LIGHTHOUSE) lint typecheck unit

lint: $(BIN)/plan
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/plan
	$(BIN)/mypy

# The tests in parallel (pytest-xdist, a worker a core, a test file per worker at a time so that a file's fixtures
# are made once), then those marked `serial` alone: they time something, send signals or take a port.
PYTEST_PARALLEL := -n auto --dist loadfile
unit: $(BIN)/plan
	VNU_JAR=$(abspath $(VNU)) $(BIN)/pytest -q $(PYTEST_PARALLEL) -m "not serial"
	VNU_JAR=$(abspath $(VNU)) $(BIN)/pytest -q -m serial

# Lint, types and every test that needs no browser and no full build (under a minute on two cores); `make test`
# runs everything, as CI does.
check: $(BIN)/plan pango lint typecheck
	$(BIN)/pytest -q $(PYTEST_PARALLEL) -m "not browser and not slow and not serial"
	$(BIN)/pytest -q -m "serial and not browser and not slow" || [ $$? -eq 5 ]  # 5: no such test (yet)

# Regenerate requirements.lock after editing the dependencies in pyproject.toml (needs the package index).
lock: $(BIN)/plan
	$(PIP_ENV) $(BIN)/python -m pip install --quiet pip-tools
	$(PIP_ENV) $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --extra test --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Regenerate the JSON Schema files: the shape in docs/schema/ (committed), with the plan's ids in .vscode/schema/.
schema: $(BIN)/plan
	$(BIN)/plan schema --out docs/schema

# Time every stage for the shipped plan and synthetic plans of 100, 1 000 and 5 000 measures, measure a first visit
# to a measure page in chromium and how fast `plan serve` shows an edit; writes BENCHMARKS.md (about 15 minutes on
# two cores).
.PHONY: bench
bench: $(BIN)/plan debian-packages
	$(BIN)/python -m scripts.dev.bench

# Only how fast `plan serve` shows a save in the shipped plan (median of 9 saves; under a minute).
.PHONY: bench-serve
bench-serve: $(BIN)/plan
	$(BIN)/python -m scripts.dev.bench --serve-only --serve-edits 9

# The picture of the status workbook on the guide page «Statusrunden» (needs LibreOffice Calc and pdftoppm).
.PHONY: guide-picture
guide-picture: $(BIN)/plan debian-packages
	$(BIN)/python -m scripts.dev.workbook_picture

serve: $(BIN)/plan
	$(EDITOR_SCHEMAS)
	$(BIN)/plan serve

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .ruff_cache .hypothesis
