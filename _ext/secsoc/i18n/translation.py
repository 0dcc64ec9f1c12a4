"""The extension's own gettext catalogs, read for one build language.

Two domains: ``secsoc`` holds the extension's words (column headers, sentence
templates with placeholders and plural forms) and ``data`` holds the French prose
of the data files.  Both are translated here, in the directive, because Sphinx's
own translation step only sees the page's catalog.

The .po files are read directly with Babel rather than through compiled .mo
files: there is no stale .mo to trip over (a fresh checkout gives .po and .mo the
same time), and each message keeps its line, so a translation whose placeholders
do not match the French text is reported at ``locales/.../secsoc.po:N`` and left
out (:mod:`.pocheck`) instead of crashing the build or showing a wrong number.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .pocheck import check_templates
from .pofile import CatalogError, CatalogProblem, forms_of, header_line, read_catalog

DOMAINS = ("secsoc", "data")


@dataclass
class _Catalog:
    messages: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int]


def _english_plural(count: int) -> int:
    return int(count != 1)


class Translator:
    """Translations of one language; the source language (French) has none."""

    def __init__(self, locale_dirs: Iterable[Path], language: str) -> None:
        self.language = language
        self.catalog_files: list[Path] = []
        self.problems: list[CatalogProblem] = []
        self._catalogs = {domain: self._load(list(locale_dirs), domain) for domain in DOMAINS}

    def _load(self, locale_dirs: list[Path], domain: str) -> _Catalog:
        found = _Catalog({}, _english_plural)
        for directory in reversed(locale_dirs):  # the first directory wins, as in Sphinx
            path = directory / self.language / "LC_MESSAGES" / f"{domain}.po"
            if not path.is_file():
                continue
            self.catalog_files.append(path)
            try:
                po = read_catalog(path)
            except CatalogError as err:
                self.problems.append(CatalogProblem(path, err.line, err.message))
                continue
            catalog = po.catalog
            plural, problem = _plural_function(catalog.plural_expr, catalog.num_plurals)
            if problem:
                self.problems.append(CatalogProblem(path, header_line(path, "Plural-Forms"), problem))
            found.plural = plural
            check_templates(po)
            self.problems += po.problems
            for message in po.usable():
                source, translated = forms_of(message.id), forms_of(message.string)
                found.messages[source[0]] = translated[0] if isinstance(message.id, str) else translated
        return found

    def gettext(self, message: str) -> str:
        translated = self._catalogs["secsoc"].messages.get(message)
        return translated if isinstance(translated, str) else message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        catalog = self._catalogs["secsoc"]
        forms = catalog.messages.get(singular)
        if isinstance(forms, tuple):
            index = catalog.plural(count)
            if 0 <= index < len(forms):
                return forms[index]
        return singular if count == 1 else plural

    def data(self, text: str) -> str:
        """The translation of a French text from a data file."""
        translated = self._catalogs["data"].messages.get(text)
        return translated if isinstance(translated, str) else text


def _plural_function(expression: str, count: int) -> tuple[Callable[[int], int], str | None]:
    """The catalog's plural rule, checked on every count a page can show.

    ``gettext.c2py`` compiles the C expression of the ``Plural-Forms`` header; a rule
    that does not compile, fails for some count (``1/(n-1)``) or names a form the
    catalog does not have is refused, and the French text is used for plurals.
    """
    try:
        function = gettext.c2py(expression)
        for number in range(1000):
            if not 0 <= function(number) < count:
                raise ValueError(f"gives form {function(number)} for n={number}, out of {count} forms")
    except (ValueError, ArithmeticError, SyntaxError, RecursionError) as err:
        return _english_plural, (
            f"Plural-Forms: the rule 'plural={expression}' cannot be used ({err}); "
            "the French texts are shown for plural messages"
        )
    return function, None
