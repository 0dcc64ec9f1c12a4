"""Sphinx configuration: one source (French), one build per language.

``make html`` builds French into ``_build/html/fr`` and every other edition of
``secsoc_languages`` into ``_build/html/<language>`` with ``-D language=<language>``;
Read the Docs does the same for the project's own language (see ``.readthedocs.yaml``).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).parent.resolve()
sys.path.insert(0, str(ROOT / "_ext"))

from secsoc.i18n.catalogs import compile_theme_catalogs  # noqa: E402  (after the path)


def _(message: str) -> str:
    """Marks a configuration text for the extension's catalog (translated per language)."""
    return message


project = _("Secrétariats sociaux agréés")
html_title = project
author = project
copyright = "2026"

language = "fr"
extensions = ["myst_parser", "secsoc"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns: list[str] = []

myst_heading_anchors = 3
smartquotes = False  # printed names must stay exactly as printed

# Translation: one catalog per page, next to the extension's own catalogs.
locale_dirs = [str(ROOT / "locales")]
# Sphinx reads the theme's words (sphinx.po) before any extension runs: they are
# checked and compiled now, so that a refused translation never reaches a page.
compile_theme_catalogs(ROOT / "locales")
gettext_compact = False
gettext_uuid = False
gettext_auto_build = True
gettext_additional_targets: list[str] = []

html_theme = "furo"
html_favicon = "_ext/secsoc/static/favicon.svg"
# On Read the Docs, every page names its canonical address (each edition its own).
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
html_show_copyright = False
html_sidebars = {
    "**": [
        "sidebar/scroll-start.html",
        "sidebar/brand.html",
        "secsoc/languages.html",
        "sidebar/search.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}

# The secsoc extension: where the data lives, and where each organisation's page is
# generated (docs/organisations/, not in version control).
secsoc_data_dir = "data"
secsoc_organisation_pages = "organisations"
secsoc_translated_settings = ["project", "html_title"]
secsoc_theme_packages = ["furo", "sphinx_basic_ng"]
# The editions, in the language switch's order, each named in its own language: one
# line a language, beside its catalogs in locales/<language>/ (TRANSLATING.md).
secsoc_languages = {
    "fr": "Français",
    "nl": "Nederlands",
    "de": "Deutsch",
    "en": "English",
}
# English for readers abroad writes 2,814,309 and 74% (Belgian English: 2.814.309).
secsoc_format_locales = {"en": "en_150"}
