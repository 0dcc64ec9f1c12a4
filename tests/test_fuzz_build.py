"""Mutations through the complete build: every data file and catalog kind, every handler.

``test_fuzz.py`` mutates the real files and checks the loader's and the catalogs'
messages against each mutation; this file takes the same mutations through what a
maintainer runs, a whole Sphinx build of the test root with every feature on
(organisation pages, downloads, the theme's words, every event handler), in both
languages in turn.  Whatever the mutation: no traceback, every page written, and never
a green build with a broken file: when the file gives a problem on its own, the build
reports it, located in that file.  Incremental builds of one copy, as ``make serve``
runs them.  Slow suite: 2 x 150 builds, about two minutes; with the 2 x 1,200 examples
of ``test_fuzz.py``, 2,700 mutations in ``make test-slow``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from projects import ROOT, copy_root
from secsoc.data.loader import load_dataset
from secsoc.i18n.catalogs import compile_catalog
from secsoc.i18n.translation import DOMAINS, Translator
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences
from test_fuzz import byte_mutation, replaced

pytestmark = pytest.mark.slow

BUILDS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PAGES = ("index", "lists", "figures", "other")
FEATURES = {"secsoc_organisation_pages": "organisations", "suppress_warnings": ["toc.not_included"]}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root with the real theme catalog too, built once in each language."""
    root = copy_root("secsoc", tmp_path_factory.mktemp("fuzz-build") / "root")
    shutil.copy2(ROOT / "locales/nl/LC_MESSAGES/sphinx.po", root / "locales/nl/LC_MESSAGES/sphinx.po")
    for language in ("fr", "nl"):
        assert build(root, language) == ""
    return root


def build(root: Path, language: str) -> str:
    """An incremental build, in process; its warnings. Fails on a traceback or a missing page."""
    warnings = StringIO()
    app = SphinxTestApp(
        "html",
        srcdir=root,
        builddir=root / "_build" / language,
        confoverrides={"language": language, **FEATURES},
        status=StringIO(),
        warning=warnings,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    text = strip_escape_sequences(warnings.getvalue())
    assert "Traceback" not in text and "Extension error" not in text, text
    for page in PAGES:
        assert (root / "_build" / language / "html" / f"{page}.html").is_file(), page
    return text


def files(root: Path, pattern: str) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.glob(pattern))


def mutate(
    root: Path, name: str, data: st.DataObject, language: str, own_problems: Callable[[Path], list[object]]
) -> None:
    path = root / name
    mutated = data.draw(byte_mutation(path.read_bytes()))
    with replaced(path, mutated):
        problems = own_problems(path)
        warnings = build(root, language)
        if problems:  # never green with a broken file: its problem is reported, in it
            assert any(name in line for line in warnings.splitlines()), (name, problems, warnings)
    assert build(root, language) == ""  # and restored, the build is clean again


DATA = [
    "data/organisations.yaml",
    "data/sources.yaml",
    "data/figures.yaml",
    "data/lists/official-2030-11-05.yaml",
]


@BUILDS
@given(data=st.data())
def test_a_mutated_data_file_through_the_whole_build(site: Path, data: st.DataObject) -> None:
    name = data.draw(
        st.sampled_from(
            sorted({*DATA, *files(site, "data/lists/*.yaml"), *files(site, "data/schema/*.json")})
        )
    )
    language = data.draw(st.sampled_from(["fr", "nl"]))

    def own_problems(path: Path) -> list[object]:
        _, problems = load_dataset(site / "data", site)
        return [problem for problem in problems if problem.location.path == path]

    mutate(site, name, data, language, own_problems)


@BUILDS
@given(data=st.data())
def test_a_mutated_catalog_through_the_whole_build(site: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(files(site, "locales/nl/LC_MESSAGES/*.po")))

    def own_problems(path: Path) -> list[object]:
        if path.stem in DOMAINS:
            return list(Translator([site / "locales"], "nl").problems)
        problems: list[object] = list(compile_catalog(path))
        return problems

    mutate(site, name, data, "nl", own_problems)
