"""How complete the translations are: one line per language, or every message to do.

``make html`` ends each language with the counts; ``make translation-status``
lists each untranslated or fuzzy message as ``file:line: msgid``, where a
translator (or an editor's "go to line") finds it.

Usage: ``python -m secsoc.tools.postatus LOCALE_DIR LANGUAGE ... [--list]``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..i18n.pofile import CatalogError, forms_of, read_catalog, translated


def states(locale_dir: Path, language: str) -> Iterator[tuple[str, Path, int, str]]:
    """(state, file, line, msgid) of every message: translated, fuzzy, untranslated or unreadable."""
    for path in sorted((locale_dir / language / "LC_MESSAGES").rglob("*.po")):
        try:
            catalog = read_catalog(path).catalog
        except CatalogError as err:
            yield "unreadable", path, err.line, err.message
            continue
        for message in catalog:
            if not message.id:
                continue
            state = "fuzzy" if message.fuzzy else "translated" if translated(message) else "untranslated"
            yield state, path, message.lineno or 1, forms_of(message.id)[0]


def summary(locale_dir: Path, language: str) -> str:
    counts = Counter(state for state, *_ in states(locale_dir, language))
    parts = [f"{counts[state]} {state}" for state in ("translated", "fuzzy", "untranslated")]
    if counts["unreadable"]:
        parts.append(f"{counts['unreadable']} unreadable catalog(s)")
    return f"{language}: catalogs {', '.join(parts)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m secsoc.tools.postatus", description=__doc__.splitlines()[0]
    )
    parser.add_argument("locale_dir", type=Path)
    parser.add_argument("languages", nargs="+")
    parser.add_argument("--list", action="store_true", help="list every message still to translate")
    args = parser.parse_args(argv)
    for language in args.languages:
        if args.list:
            for state, path, line, msgid in states(args.locale_dir, language):
                if state != "translated":
                    print(f"{path}:{line}: {state}: {msgid}")
        print(summary(args.locale_dir, language))


if __name__ == "__main__":
    main()
