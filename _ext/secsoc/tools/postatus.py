"""How complete the translations are, counted against what the site says *now*.

The messages are those of the templates (``make gettext``: the pages, the extension's
sentences, the data's prose, the theme's words) as the sources are at this moment,
not those the catalogs happen to hold: a French sentence written a minute ago counts
as untranslated, at its ``file:line`` in the page or data file, before any ``make
intl-update``.  A translation the build refuses (:mod:`..i18n.pocheck`) counts as
refused, at its ``.po`` line: the page shows the French text for it.

``make html`` ends each language with the counts; ``make translation-status`` lists
every message still to do as ``file:line: state: msgid``, where a translator (or an
editor's "go to line") finds it.

Usage: ``python -m secsoc.tools.postatus POT_DIR LOCALE_DIR LANGUAGE ... --source fr
[--list]``.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from ..i18n.catalogs import THEME, THEME_LANGUAGE, checked_catalog
from ..i18n.pofile import CatalogError, PoFile, forms_of, key, translated
from ..i18n.potfiles import shown_in

STATES = ("translated", "fuzzy", "untranslated", "refused")


@dataclass(frozen=True, slots=True)
class State:
    state: str  # one of STATES, or "unreadable" for a catalog that cannot be read
    where: str  # file:line
    msgid: str

    def __str__(self) -> str:
        return f"{self.where}: {self.state}: {self.msgid}"


def _shown(path: Path) -> str:
    """A path as a maintainer types it: relative to the current directory when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _source_of(message: Message, template: Path) -> str:
    """Where a message is written: the page or data file and line the template gives."""
    if not message.locations:
        return _shown(template)
    name, line = message.locations[0]
    # Sphinx writes pages relative to the template's folder; data.pot, to the project
    path = (template.parent / name).resolve() if name.startswith("..") else Path(name)
    return f"{_shown(path)}:{line}" if line else _shown(path)


def _state(message: Message, po: PoFile | None, template: Path, catalog: Path) -> State:
    msgid = forms_of(message.id)[0]
    found = po.catalog.get(message.id, message.context) if po else None
    if found is None:  # new since the last make intl-update: where it is written
        return State("untranslated", _source_of(message, template), msgid)
    where = f"{_shown(catalog)}:{found.lineno or 1}"  # where to translate it
    if not translated(found) and not found.fuzzy:
        return State("untranslated", where, msgid)
    if found.fuzzy:
        return State("fuzzy", where, msgid)
    if po is not None and key(found) in po.excluded:
        return State("refused", where, msgid)
    return State("translated", where, msgid)


def states(pot_dir: Path, locale_dir: Path, language: str, source: str) -> Iterator[State]:
    """Every message of the templates, in ``language``: the source language has only
    the theme's words to translate, English (the theme's own language) all but them."""
    for template in sorted(pot_dir.glob("*.pot")):
        if language == source and template.stem != THEME:
            continue
        if language == THEME_LANGUAGE and template.stem == THEME:
            continue
        catalog = locale_dir / language / "LC_MESSAGES" / f"{template.stem}.po"
        po: PoFile | None = None
        if catalog.is_file():
            try:
                po = checked_catalog(catalog)
            except CatalogError as err:
                yield State("unreadable", f"{_shown(catalog)}:{err.line}", err.message)
                continue
        with template.open("rb") as stream:
            messages = read_po(stream)
        for message in messages:
            if message.id and shown_in(message.auto_comments, language):
                yield _state(message, po, template, catalog)


def summary(found: list[State], language: str) -> str:
    counts = Counter(state.state for state in found)
    parts = [f"{counts[state]} {state}" for state in STATES]
    if counts["unreadable"]:
        parts.append(f"{counts['unreadable']} unreadable catalog(s)")
    return f"{language}: messages {', '.join(parts)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m secsoc.tools.postatus", description=__doc__.splitlines()[0]
    )
    parser.add_argument("pot_dir", type=Path, help="the templates of `make gettext`")
    parser.add_argument("locale_dir", type=Path)
    parser.add_argument("languages", nargs="+")
    parser.add_argument("--source", default="fr", help="the source language (default: fr)")
    parser.add_argument("--list", action="store_true", help="list every message still to translate")
    parser.add_argument("--most", type=int, help="list at most this many, then say how many more")
    args = parser.parse_args(argv)
    for language in args.languages:
        found = list(states(args.pot_dir, args.locale_dir, language, args.source))
        if args.list:
            todo = [state for state in found if state.state != "translated"]
            for state in todo[: args.most]:
                print(state)
            if args.most is not None and len(todo) > args.most:
                print(f"... and {len(todo) - args.most} more: make translation-status lists them all")
        print(summary(found, language))


if __name__ == "__main__":
    main()
