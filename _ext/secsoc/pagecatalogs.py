"""The pages' and the theme's catalogs, checked and compiled before Sphinx would.

Sphinx compiles a ``.po`` into the ``.mo`` it reads when the ``.mo`` is older,
and uses every message it can read.  Compiling them here first, with the checks
of :mod:`.pocheck`, lets each mistake be reported at its ``.po`` line and keeps
the faulty message out: the page shows the French text for it and nothing else
changes.  The extension's own catalogs are read by :mod:`.translation` instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sphinx
from sphinx.application import Sphinx
from sphinx.util import logging

from .model import display_path
from .pocheck import check_markup, check_theme
from .pofile import CatalogError, CatalogProblem, PoFile, forms_of, read_catalog, write_catalog_mo
from .translation import DOMAINS

logger = logging.getLogger(__name__)

THEME = "sphinx"


def catalogs(app: Sphinx) -> list[Path]:
    """Every ``.po`` file of the build's language, in the order Sphinx finds them."""
    language = app.config.language or "en"
    return sorted(
        path
        for directory in app.config.locale_dirs
        for path in Path(app.srcdir, directory, language, "LC_MESSAGES").rglob("*.po")
    )


def compile_theme_catalogs(locale_dir: Path) -> None:
    """For conf.py: Sphinx loads the theme's words before any extension runs, so their
    catalogs are compiled (without refused messages) when conf.py is read.  Their
    mistakes are reported by :func:`compile_catalogs`, once logging is set up."""
    for path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{THEME}.po")):
        try:
            po = read_catalog(path)
        except CatalogError:
            continue
        check_theme(po)
        write_catalog_mo(po, path.with_suffix(".mo"))
        write_search_words(po, path.with_suffix(".js"))


def write_search_words(po: PoFile, target: Path) -> None:
    """The search page's words: Sphinx's own JavaScript catalog for the language, with
    our translations on top (Sphinx's Dutch one leaves "Search finished..." empty).
    Sphinx takes a ``sphinx.js`` from our locale directory before its own."""
    language = target.parent.parent.name
    bundled = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    data: dict[str, Any] = {"locale": language, "messages": {}, "plural_expr": "(n != 1)"}
    if bundled.is_file():
        text = bundled.read_text("utf-8")
        data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for message in po.usable():
        ids, forms = forms_of(message.id), forms_of(message.string)
        data["messages"][ids[0]] = list(forms) if message.pluralizable else forms[0]
    written = f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False, sort_keys=True)});\n"
    if not target.is_file() or target.read_text("utf-8") != written:
        target.write_text(written, "utf-8")


def compile_catalogs(app: Sphinx) -> None:
    """``builder-inited`` handler: check and compile the pages' and the theme's catalogs."""
    root = Path(app.confdir)
    for path in catalogs(app):
        if path.stem in DOMAINS:
            continue
        try:
            po = read_catalog(path)
        except CatalogError as err:
            problems = [CatalogProblem(path, err.line, err.message)]
        else:
            (check_theme if path.stem == THEME else check_markup)(po)
            write_catalog_mo(po, path.with_suffix(".mo"))
            problems = po.problems
        for problem in problems:
            where = f"{display_path(problem.path, root)}:{problem.line}"
            logger.warning(problem.message, location=where, type="secsoc", subtype="translation")
