"""Snapshots of what the test root builds: each page's doctree, and the translators' templates.

A change to the extension's markup (a node, a class, an id, a ``foreign`` with its
``lang``, a table's structure, a translated sentence) or to what the translators are
given (a msgid, its ``#:`` location, its flags) shows up here as a diff to review.

``tests/snapshots/<language>/<page>.xml``
    The pseudo-XML (docutils' ``pformat()``) of each page of ``tests/roots/test-secsoc``,
    built in-process with the HTML builder, in French and in Dutch, as
    ``env.get_and_resolve_doctree()`` gives it: toctrees expanded, references resolved
    and the post-transforms applied (the French spacing among them), as the writer
    receives it.
``tests/snapshots/gettext/<name>.pot``
    Every template the gettext builder writes for the test root: the pages' and those
    the extension adds (its sentences, the data's texts, the theme's).

Normalised before comparing, so that the snapshots are the same on every machine:
the temporary copy's absolute path becomes ``<srcdir>``; in the templates, the creation
date, the copyright year Babel writes and Babel's version become placeholders; and
characters one cannot see (the narrow no-break space U+202F, the no-break space U+00A0,
any other space, format or control character but the plain space and the newline,
and a plain space that ends a line) are written ``⟨U+202F⟩``, so that a change of
spacing is a visible diff.

To regenerate after a change you mean (from the repository's root), then review
``git diff tests/snapshots`` and commit the snapshots with the change::

    SECSOC_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py

With the variable set the tests write the snapshots (and remove those of pages or
templates that no longer exist) instead of comparing, and pass.  Without it a missing
snapshot is a failure that says how to create it, and a different one a failure
that shows the unified diff, stored against built now.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docutils import nodes
from projects import copy_root
from sphinx.testing.util import SphinxTestApp

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("SECSOC_UPDATE_SNAPSHOTS") == "1"
REGENERATE = "SECSOC_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py"

LANGUAGES = ("fr", "nl")
PAGES = ("index", "lists", "figures", "other")
TEMPLATES = ("data", "figures", "index", "lists", "other", "secsoc", "sphinx")

_HEADER = [
    (re.compile(r'^"POT-Creation-Date: .*\\n"$', re.M), r'"POT-Creation-Date: <date>\\n"'),
    (re.compile(r"^(# Copyright \(C\) )\d{4}\b", re.M), r"\1<year>"),
    (re.compile(r"^(# FIRST AUTHOR <EMAIL@ADDRESS>, )\d{4}\.$", re.M), r"\1<year>."),
    (re.compile(r'^"Generated-By: Babel .*\\n"$', re.M), r'"Generated-By: Babel <version>\\n"'),
]
_TRAILING = re.compile(r" +$", re.M)


@dataclass(frozen=True)
class Build:
    """What one build of a fresh copy of the test root gave, normalised."""

    files: dict[str, str]  # a page's doctree or a template, by name
    warnings: str


def visible(text: str) -> str:
    """Characters one cannot tell from a space, or cannot see at all, as ``⟨U+XXXX⟩``.

    Spaces that end a line too: they are part of a text node (``Source : `` before a
    link), and an editor that trims lines would otherwise change the snapshot unseen.
    """
    text = "".join(
        f"⟨U+{ord(char):04X}⟩"
        if char not in " \n" and unicodedata.category(char) in {"Zs", "Zl", "Zp", "Cc", "Cf"}
        else char
        for char in text
    )
    return _TRAILING.sub(lambda spaces: "⟨U+0020⟩" * len(spaces[0]), text)


def normalise(text: str, srcdir: Path) -> str:
    text = text.replace(str(srcdir), "<srcdir>")
    for pattern, replacement in _HEADER:
        text = pattern.sub(replacement, text)
    assert str(srcdir.parent) not in text, "an absolute path of the build is left in the snapshot"
    return visible(text)


def resolved(app: SphinxTestApp, docname: str) -> nodes.document:
    """The page as the writer receives it, from the pickle the build left (not from a cache)."""
    doctree = app.env.get_doctree(docname)
    return app.env.get_and_resolve_doctree(docname, app.builder, tags=app.tags, doctree=doctree)


def build_root(base: Path, buildername: str, language: str = "fr") -> Build:
    """Build a fresh copy of the test root, laid out as the ``build`` fixture lays it out."""
    srcdir = copy_root("secsoc", base / "root")
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=srcdir / "_build" / language,
        confoverrides={"language": language},
    )
    try:
        app.build()
        if buildername == "gettext":
            files = {path.stem: path.read_text("utf-8") for path in Path(app.outdir).glob("*.pot")}
        else:
            files = {docname: resolved(app, docname).pformat() for docname in sorted(app.env.found_docs)}
        warnings = app.warning.getvalue()
    finally:
        app.cleanup()
    return Build({name: normalise(text, srcdir) for name, text in files.items()}, warnings)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Build]:
    """Each build at most once a module: ``built("fr")``, ``built("nl")``, ``built("gettext")``."""
    builds: dict[str, Build] = {}

    def get(name: str) -> Build:
        if name not in builds:
            base = tmp_path_factory.mktemp(f"snapshot-{name}")
            builder = "gettext" if name == "gettext" else "html"
            builds[name] = build_root(base, builder, "fr" if name == "gettext" else name)
        return builds[name]

    return get


def compare(actual: str, snapshot: Path) -> None:
    """Compare with the stored snapshot, or write it when ``SECSOC_UPDATE_SNAPSHOTS=1``."""
    name = snapshot.relative_to(SNAPSHOTS.parent.parent).as_posix()
    if UPDATE:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(actual, "utf-8")
        return
    if not snapshot.exists():
        message = f"no snapshot {name}: write it with `{REGENERATE}`, then review and commit it"
        pytest.fail(message, pytrace=False)
    expected = snapshot.read_text("utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"{name} (stored)",
            f"{name} (built now)",
        )
        pytest.fail(
            f"the build no longer gives {name}:\n{''.join(diff)}\n"
            f"If the change is meant, regenerate with `{REGENERATE}` and review the diff.",
            pytrace=False,
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_build_without_warnings(built: Callable[[str], Build], language: str) -> None:
    assert built(language).warnings == ""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_doctree(built: Callable[[str], Build], language: str, page: str) -> None:
    compare(built(language).files[page], SNAPSHOTS / language / f"{page}.xml")


def test_gettext_builds_without_warnings(built: Callable[[str], Build]) -> None:
    assert built("gettext").warnings == ""


@pytest.mark.parametrize("name", TEMPLATES)
def test_template(built: Callable[[str], Build], name: str) -> None:
    compare(built("gettext").files[name], SNAPSHOTS / "gettext" / f"{name}.pot")


def test_every_page_and_template_has_a_snapshot_and_no_other(built: Callable[[str], Build]) -> None:
    """A page or template added to the test root must be added here; one removed loses its file."""
    for language in LANGUAGES:
        assert sorted(built(language).files) == sorted(PAGES), f"update PAGES in {__name__}"
    assert sorted(built("gettext").files) == sorted(TEMPLATES), f"update TEMPLATES in {__name__}"
    expected = {SNAPSHOTS / language / f"{page}.xml" for language in LANGUAGES for page in PAGES}
    expected |= {SNAPSHOTS / "gettext" / f"{name}.pot" for name in TEMPLATES}
    stored = {
        *SNAPSHOTS.glob("gettext/*.pot"),
        *(p for lang in LANGUAGES for p in SNAPSHOTS.glob(f"{lang}/*.xml")),
    }
    stale = sorted(stored - expected)
    if UPDATE:
        for path in stale:
            path.unlink()
    elif stale:
        names = ", ".join(path.relative_to(SNAPSHOTS).as_posix() for path in stale)
        pytest.fail(f"snapshots of nothing built: {names}; remove them or run `{REGENERATE}`", pytrace=False)
