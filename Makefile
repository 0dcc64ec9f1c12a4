# make html   builds the site in every language (French and Dutch) into _build/html/<lang>/
# make test   runs the tests
# Both create .venv from the pinned requirements on first use.

PYTHON      ?= python3
VENV        ?= .venv
PY          := $(VENV)/bin/python
BUILDDIR    ?= _build
LANGUAGES   ?= fr nl
SPHINXOPTS  ?= -W --keep-going
SPHINXBUILD := $(PY) -m sphinx $(SPHINXOPTS) -c .
STAMP       := $(VENV)/.installed
# What every target needs first; the tests run targets with SETUP= and PY=their python.
SETUP       ?= $(STAMP)

.PHONY: html $(addprefix html-,$(LANGUAGES)) gettext intl-update test bench lint format clean

$(STAMP): requirements.txt requirements-dev.txt bench/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

html: $(addprefix html-,$(LANGUAGES))
	@printf '<!DOCTYPE html>\n<meta charset="utf-8">\n<meta http-equiv="refresh" content="0; url=fr/index.html">\n<link rel="canonical" href="fr/index.html">\n<title>Secrétariats sociaux agréés</title>\n<a href="fr/index.html">Français</a> | <a href="nl/index.html">Nederlands</a>\n' > $(BUILDDIR)/html/index.html

# Each language has its own doctree directory: switching language would otherwise
# force a full re-read.
$(addprefix html-,$(LANGUAGES)): html-%: $(SETUP)
	$(SPHINXBUILD) -b html -d $(BUILDDIR)/doctrees/$* -D language=$* docs $(BUILDDIR)/html/$*

# The .pot files of the pages, of the extension's own words and of the data's prose.
gettext: $(SETUP)
	$(SPHINXBUILD) -b gettext -d $(BUILDDIR)/doctrees/gettext docs $(BUILDDIR)/gettext

# Translations of the pages, the extension and the data go to every language but the
# source (French); the theme's words (sphinx.pot) go to every language, French included.
intl-update: gettext
	$(PY) -m sphinx_intl update --pot-dir $(BUILDDIR)/gettext --locale-dir locales $(addprefix -l ,$(filter-out fr,$(LANGUAGES)))
	rm -rf $(BUILDDIR)/gettext-theme && mkdir -p $(BUILDDIR)/gettext-theme
	cp $(BUILDDIR)/gettext/sphinx.pot $(BUILDDIR)/gettext-theme/
	$(PY) -m sphinx_intl update --pot-dir $(BUILDDIR)/gettext-theme --locale-dir locales -l fr

test: $(SETUP)
	$(PY) -m pytest

# The benchmark (about 35 minutes): writes bench/RESULTS.md and bench/build-time.png.
bench: $(SETUP)
	$(PY) bench/run.py

lint: $(SETUP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy --ignore-missing-imports _ext/secsoc

format: $(SETUP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(BUILDDIR)
