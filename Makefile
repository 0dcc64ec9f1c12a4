# make html   builds the site in every language (French, Dutch, German, English) into _build/html/<lang>/
# make test   runs the tests
# Each sets up .venv with what it needs, and only that: `make html` the site's
# requirements, `make test` adds the test tools, `make lint` and `make bench` their own.

PYTHON      ?= python3
VENV        ?= .venv
PY          := $(VENV)/bin/python
BUILDDIR    ?= _build
DATA        ?= data
# The editions: French, the source, and every language with catalogs in locales/.
LANGUAGES   ?= fr $(sort $(filter-out fr,$(patsubst locales/%/LC_MESSAGES,%,$(wildcard locales/*/LC_MESSAGES))))
# -q: a successful build prints no progress, paths or configuration; a failing
# one prints its located messages and nothing else.
SPHINXOPTS  ?= -W --keep-going -q
SPHINXBUILD := $(PY) -m sphinx $(SPHINXOPTS) -c .
# uv installs the pins: a test set-up in a few seconds where pip takes about fifteen.
# --compile-bytecode, as pip does: with PYTHONDONTWRITEBYTECODE set, nothing would
# ever be compiled, and every build would compile Sphinx again.
PIP         := $(VENV)/bin/uv pip install --quiet --python $(PY) --compile-bytecode
# A pin file's packages: from uv's cache alone first (the pins are exact versions, so
# a cached wheel is the one the index would give, and asking the index again for each
# of them can take longer than installing), then from the index for what it lacks.
install      = $(PIP) --offline -r $(1) 2>/dev/null || $(PIP) -r $(1)
# The Python versions the pinned requirements install on (Sphinx 9.0 needs 3.11).
PYTHON_MIN  := 3.11
# What each target needs first; the tests run targets with SETUP= and PY=their python.
SETUP       ?= $(VENV)/.site
PYTEST      ?= -m "not slow"
# The translators' tools (GNU gettext) on top of the site's; none when SETUP is empty.
INTL_SETUP  ?= $(if $(SETUP),$(VENV)/.intl)

.PHONY: html $(addprefix html-,$(LANGUAGES)) gettext intl-update import-list serve translation-status theme-patch test test-slow test-browser test-all \
	bench bench-check lint format requirements clean FORCE

# --- the virtual environment -------------------------------------------------------
# .venv is made anew when it was made by another Python than $(PYTHON) (an upgrade,
# another machine's checkout) or from other pins: no venv keeps a package, or an
# interpreter, that the requirements no longer name.
comma := ,
PINS      := requirements-setup.txt requirements.txt requirements-intl.txt requirements-test.txt requirements-lint.txt \
             requirements-browser.txt \
             bench/requirements.txt
PYTHON_ID := $(shell $(PYTHON) -c 'import sys; print(sys.version_info >= ($(subst .,$(comma),$(PYTHON_MIN)),), sys.version.split()[0], sys.executable)' 2>/dev/null)
VENV_ID   := $(PYTHON_ID) pins $(firstword $(shell cat $(PINS) 2>/dev/null | cksum))
ifneq ($(filter $(MAKECMDGOALS),clean requirements),$(MAKECMDGOALS))
ifeq ($(PYTHON_ID),)
$(error $(PYTHON) not found: install Python $(PYTHON_MIN) or newer, or run make PYTHON=/path/to/python3)
endif
ifeq ($(word 1,$(PYTHON_ID)),False)
$(error $(PYTHON) is Python $(word 2,$(PYTHON_ID)); this project needs Python $(PYTHON_MIN) or newer (make PYTHON=python3.12, for example))
endif
endif
ifneq ($(VENV_ID),$(file < $(VENV)/made-by))
$(VENV)/made-by: FORCE
endif

# The venv starts with uv alone (requirements-setup.txt), installed by $(PYTHON)'s own
# pip; a Python without pip (Debian's without python3-pip) gives the venv pip first.
BOOTSTRAP := install --quiet --disable-pip-version-check -r requirements-setup.txt
$(VENV)/made-by:
	rm -rf $(VENV)
	$(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(PY) $(BOOTSTRAP) 2>/dev/null \
		|| { $(PY) -m ensurepip --default-pip >/dev/null && $(PY) -m pip $(BOOTSTRAP); }
	echo '$(VENV_ID)' > $@

$(VENV)/.site: $(VENV)/made-by
	$(call install,requirements.txt)
	touch $@

$(VENV)/.intl: $(VENV)/.site
	$(call install,requirements-intl.txt)
	touch $@

$(VENV)/.test: $(VENV)/.intl
	$(call install,requirements-test.txt)
	touch $@

$(VENV)/.lint: $(VENV)/.test
	$(call install,requirements-lint.txt)
	touch $@

$(VENV)/.bench: $(VENV)/.test
	$(call install,bench/requirements.txt)
	touch $@

# The pins are generated from the short *.in lists; run after editing one of them.
requirements: $(VENV)/.site
	$(PIP) pip-tools==7.6.2
	for input in requirements.in requirements-intl.in requirements-test.in requirements-lint.in \
		requirements-browser.in bench/requirements.in; do \
		(cd $$(dirname $$input) && CUSTOM_COMPILE_COMMAND="make requirements" $(abspath $(VENV))/bin/pip-compile \
			--quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
			$$(basename $$input) -o $$(basename $$input .in).txt) || exit 1; \
	done

# --- the site ----------------------------------------------------------------------
# Every language is built even when one fails; the target fails at the end.
html: $(SETUP)
	@failed=; for lang in $(LANGUAGES); do \
		$(MAKE) --no-print-directory html-$$lang SETUP= COUNTS= || failed="$$failed $$lang"; \
	done; \
	PYTHONPATH=_ext $(PY) -m secsoc.tools.rootpage . $(BUILDDIR)/html $(LANGUAGES) || failed="$$failed root-page"; \
	$(TEMPLATES) >/dev/null 2>&1; $(COUNT) $(LANGUAGES); \
	if [ -n "$$failed" ]; then echo "make html: the build failed for:$$failed (messages above)" >&2; exit 1; fi

# Each language has its own doctree directory: switching language would otherwise
# force a full re-read.
# Then the translations' counts against the messages the pages and data have now
# (the templates, made again quietly: their build's warnings are the html build's);
# `make html` counts every language once, after the last build.
COUNTS ?= yes
COUNT   = PYTHONPATH=_ext $(PY) -m secsoc.tools.postatus $(BUILDDIR)/gettext locales --source fr --list --most 10
$(addprefix html-,$(LANGUAGES)): html-%: $(SETUP)
	@mkdir -p $(BUILDDIR)/html
	@echo "$(SPHINXBUILD) -b html -d $(BUILDDIR)/doctrees/$* -D language=$* docs $(BUILDDIR)/html/$*"; \
	$(SPHINXBUILD) -b html -d $(BUILDDIR)/doctrees/$* -D language=$* docs $(BUILDDIR)/html/$*; built=$$?; \
	echo "$*: $(BUILDDIR)/html/$*/index.html"; \
	if [ -n "$(COUNTS)" ]; then $(TEMPLATES) >/dev/null 2>&1; $(COUNT) $*; fi; \
	exit $$built

# The .pot files of the pages, of the extension's own words and of the data's prose.
TEMPLATES = $(PY) -m sphinx -Q -c . -b gettext -d $(BUILDDIR)/doctrees/gettext docs $(BUILDDIR)/gettext
gettext: $(SETUP)
	$(SPHINXBUILD) -b gettext -d $(BUILDDIR)/doctrees/gettext docs $(BUILDDIR)/gettext

# Translations of the pages, the extension and the data go to every language but the
# source (French); the theme's words (sphinx.pot) go to every language, French included.
# GNU msgmerge merges; only what changed is rewritten (see _ext/secsoc/tools/poupdate.py).
intl-update: gettext $(INTL_SETUP)
	PYTHONPATH=_ext $(PY) -m secsoc.tools.poupdate $(BUILDDIR)/gettext locales \
		--languages $(filter-out fr,$(LANGUAGES)) --theme-languages fr

# A draft list from the Moniteur belge's publication (a saved HTML page or its text):
# make import-list FILE=path/to/list.html (see _ext/secsoc/tools/importer.py).
import-list: $(INTL_SETUP)
	@test -n "$(FILE)" || { echo "usage: make import-list FILE=path/to/the/list.html (or .txt)" >&2; exit 2; }
	PYTHONPATH=_ext $(PY) -m secsoc.tools.importer "$(FILE)" --data $(DATA)

# A live preview while editing: each edition rebuilt on every change of a page, a
# data file, a schema, a catalog or the extension, and reloaded in the browser.
PORT        ?= 8000
SERVE       = $(PY) -m sphinx_autobuild -q -c . --host 127.0.0.1 --watch data --watch locales \
              --watch _ext --ignore '*.mo' --ignore '*/sphinx.js' --ignore '*/docs/organisations/*'
serve: $(INTL_SETUP)
	@trap 'kill 0' INT TERM; port=$(PORT); \
	for lang in $(LANGUAGES); do \
		echo "$$lang: http://127.0.0.1:$$port/"; \
		$(SERVE) --port $$port -d $(BUILDDIR)/serve/doctrees/$$lang -D language=$$lang docs $(BUILDDIR)/serve/$$lang & \
		port=$$((port + 1)); \
	done; echo "(Ctrl-C stops them all)"; wait

# Every message left to translate (new, fuzzy or refused), as file:line: state: msgid,
# counted against what the pages and data say now.
translation-status: gettext
	PYTHONPATH=_ext $(PY) -m secsoc.tools.postatus $(BUILDDIR)/gettext locales $(LANGUAGES) --source fr --list

# After upgrading furo (see _ext/secsoc/tools/themepatch.py): write the patch that
# turns furo's templates into our copies in _ext/secsoc/templates/furo/.
theme-patch: $(SETUP)
	PYTHONPATH=_ext $(PY) -m secsoc.tools.themepatch

# --- checks ------------------------------------------------------------------------
# make test: the quick suite; make test-slow: the whole-site builds that take longer;
# make test PYTEST= runs both in one pytest process (CI); PYTEST="..." passes options to pytest.
# XDIST: every core (pytest-xdist); the real site's tests share one worker, so that
# each copy of the site is built once (tests/conftest.py). XDIST= runs in one process.
XDIST ?= -n auto --dist loadgroup
test: $(VENV)/.test
	$(PY) -m pytest --ignore=tests/browser $(XDIST) $(PYTEST)

test-slow: $(VENV)/.test
	$(PY) -m pytest --ignore=tests/browser $(XDIST) -m slow

# The site in a real browser: Chromium from the system (Debian: apt-get install
# chromium; CHROMIUM=/path/to/chrome to use another), a Java runtime for the HTML
# validator; Playwright, vnu and axe-core are installed here.
test-browser: $(VENV)/.browser tests/browser/node_modules/.installed
	@command -v java >/dev/null || { echo "test-browser needs a Java runtime (apt-get install default-jre-headless)" >&2; exit 1; }
	@test -x "$${CHROMIUM:-$$(command -v chromium || echo /usr/bin/chromium)}" || { echo "test-browser needs Chromium (apt-get install chromium, or CHROMIUM=/path/to/chrome)" >&2; exit 1; }
	$(PY) -m pytest tests/browser

$(VENV)/.browser: $(VENV)/.test
	$(call install,requirements-browser.txt)
	touch $@

tests/browser/node_modules/.installed: tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --silent
	touch $@

test-all: $(VENV)/.browser tests/browser/node_modules/.installed
	$(PY) -m pytest

# The benchmark (about 40 minutes): writes bench/RESULTS.md and bench/build-time.png.
# BENCH_ARGS="--baseline REV" also compares ours with the extension of an earlier revision.
bench: $(VENV)/.bench
	$(PY) bench/run.py $(BENCH_ARGS)

# Its quick mode: the three approaches render the same rows (CI runs it).
bench-check: $(VENV)/.bench
	$(PY) bench/run.py --quick --work $(BUILDDIR)/bench-check

# The extension's layers (ARCHITECTURE.md) are contracts in pyproject.toml, checked by
# import-linter: an import that breaks one fails here, naming the contract and the line.
lint: $(VENV)/.lint
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	PYTHONPATH=_ext $(dir $(PY))lint-imports --no-cache

format: $(VENV)/.lint
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(BUILDDIR)
	@echo "The virtual environment $(VENV) is kept; remove it with: rm -rf $(VENV)"

FORCE:
