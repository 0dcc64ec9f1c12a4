"""The pages' and the theme's catalogs, checked and compiled before Sphinx would.

Sphinx compiles a ``.po`` into the ``.mo`` it reads when the ``.mo`` is older,
and uses every message it can read.  Compiling them here first, with the checks
of :mod:`.pocheck`, lets each mistake be reported at its ``.po`` line and keeps
the faulty message out: the page shows the French text for it and nothing else
changes.  The extension's own catalogs are read by :mod:`.translation` instead.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .pocheck import check_markup, check_templates, check_theme
from .pofile import CatalogError, CatalogProblem, PoFile, forms_of, read_catalog, write_catalog_mo
from .translation import DOMAINS

#: The theme's words: Sphinx's own domain name, so Sphinx loads our catalog for it.
THEME = "sphinx"
#: The language the theme's words are written in (its templates'): an edition in it
#: has no theme catalog to translate.
THEME_LANGUAGE = "en"

_C_EXPRESSION = re.compile(r"[n0-9\s()!=<>&|?:%+*/-]+")


def checked_catalog(path: Path) -> PoFile:
    """A catalog read and checked by the rules of its kind: the extension's sentences
    and the data's prose, the theme's words, or a page's; :class:`CatalogError` if it
    cannot be read at all."""
    po = read_catalog(path)
    if path.stem in DOMAINS:
        check_templates(po)
    else:
        (check_theme if path.stem == THEME else check_markup)(po)
    return po


#: A message of a ``.mo`` compiled from a catalog that had no mistake, in a gettext
#: context of its own: which checks it passed (:func:`_checks`).  A catalog with a
#: mistake gets none, so that every build reports the mistake until it is fixed.
CHECKED = ("secsoc", "checked")


def compile_catalog(path: Path) -> list[CatalogProblem]:
    """Check a page's or the theme's catalog and compile what passes; its mistakes.
    A catalog compiled without mistakes by these checks, and not edited since, is
    left as it is: a no-op rebuild reads no catalog."""
    if _up_to_date(path):
        return []
    try:
        po = checked_catalog(path)
    except CatalogError as err:
        return [CatalogProblem(path, err.line, err.message)]
    write_catalog_mo(po, path.with_suffix(".mo"), None if po.problems else {CHECKED: _checks()})
    if path.stem == THEME:
        write_search_words(po, path.with_suffix(".js"))
    return po.problems


@cache
def _checks() -> str:
    """The checks' own version: a digest of the modules that read, check and compile."""
    digest = hashlib.sha256()
    for module in ("pofile.py", "pocheck.py", "catalogs.py", "../data/placeholders.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:16]


def _up_to_date(path: Path) -> bool:
    compiled = path.with_suffix(".mo")
    try:
        if compiled.stat().st_mtime_ns < path.stat().st_mtime_ns:
            return False
        if path.stem == THEME and not path.with_suffix(".js").is_file():
            return False
        with compiled.open("rb") as stream:
            checked = gettext.GNUTranslations(stream).pgettext(*CHECKED)
    except (OSError, UnicodeError, ValueError):  # missing, unreadable or not a .mo
        return False
    return checked == _checks()


def compile_theme_catalogs(locale_dir: Path) -> None:
    """For conf.py: Sphinx loads the theme's words before any extension runs, so their
    catalogs are compiled (without refused messages) when conf.py is read.  Their
    mistakes are reported by the build's own pass over the catalogs, once logging is
    set up."""
    for path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{THEME}.po")):
        compile_catalog(path)


def write_search_words(po: PoFile, target: Path) -> None:
    """The search page's words: Sphinx's own JavaScript catalog for the language, with
    our translations on top (Sphinx's Dutch one leaves "Search finished..." empty).
    Sphinx takes a ``sphinx.js`` from our locale directory before its own."""
    language = target.parent.parent.name
    data: dict[str, Any] = {"locale": language, "messages": {}, "plural_expr": "(n != 1)"}
    spec = find_spec("sphinx")  # located, not imported: this layer stays free of Sphinx
    if spec is not None and spec.origin is not None:
        bundled = Path(spec.origin).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
        if bundled.is_file():
            text = bundled.read_text("utf-8")
            data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for message in po.usable():
        ids, forms = forms_of(message.id), forms_of(message.string)
        data["messages"][ids[0]] = list(forms) if message.pluralizable else forms[0]
    # The search page picks a plural form with this expression: ours, so that it picks
    # one of the forms our catalog gives (Sphinx's French rule asks for three where the
    # catalog has two), made a number (JavaScript's n != 1 is true, not 1).  Only the
    # characters of a C expression in n reach the page's script.
    expression = po.catalog.plural_expr
    if _C_EXPRESSION.fullmatch(expression):
        data["plural_expr"] = f"+({expression})"
    written = f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False, sort_keys=True)});\n"
    if not target.is_file() or target.read_text("utf-8") != written:
        target.write_text(written, "utf-8")
