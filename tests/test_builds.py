"""Incremental, parallel and reproducible builds give exactly what a clean build gives."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_project
from sitebuild import Build, sphinx_build

pytestmark = pytest.mark.slow


def tree(outdir: Path) -> dict[str, bytes]:
    """Every output file; .buildinfo.bak is Sphinx's note that the settings changed."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.name != ".buildinfo.bak"
    }


def search_index(files: dict[str, bytes]) -> dict[str, object]:
    """The search index, less the terms an incremental build leaves with no document.

    Sphinx's incremental indexer keeps a word that a re-read page no longer has as
    ``"word": []``; it finds nothing, so it is not stale content.
    """
    text = files.pop("searchindex.js").decode("utf-8")
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)", text.strip(), re.DOTALL).group(1))
    for key in ("terms", "titleterms"):
        index[key] = {term: docs for term, docs in index[key].items() if docs != []}
    return index


def same_site(incremental: Build, clean: Build) -> None:
    left, right = tree(incremental.outdir), tree(clean.outdir)
    assert search_index(left) == search_index(right)
    assert sorted(left) == sorted(right)
    differing = [name for name in left if left[name] != right[name]]
    assert differing == []


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text("utf-8")
    assert old in content, (path, old)
    path.write_text(content.replace(old, new, 1), "utf-8")


def reread(build: Build) -> list[str]:
    """The documents a build read, from Sphinx's own progress lines."""
    return re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", build.output)


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    (
        "data file",
        lambda p: edit(
            p / "data/lists/moniteur-2021-11-05.yaml",
            "  - printed: Paycover\n    organisation: paycover\n",
            "",
        ),
    ),
    (
        "Dutch page catalog",
        lambda p: edit(
            p / "locales/nl/LC_MESSAGES/secretariats.po",
            'msgstr "Volgens de USS:"',
            'msgstr "Volgens de Unie:"',
        ),
    ),
    ("page", lambda p: edit(p / "docs/social.md", "## La liste annuelle", "## La liste de chaque année")),
    (
        "extension catalog",
        lambda p: edit(p / "locales/nl/LC_MESSAGES/secsoc.po", 'msgstr "Nr."', 'msgstr "Nummer"'),
    ),
    (
        "data catalog",
        lambda p: edit(p / "locales/nl/LC_MESSAGES/data.po", 'msgstr "Leden"', 'msgstr "Ledenlijst"'),
    ),
    (
        "theme catalog",
        lambda p: edit(
            p / "locales/nl/LC_MESSAGES/sphinx.po", 'msgstr "Terug naar boven"', 'msgstr "Naar boven"'
        ),
    ),
    (
        "schema",
        lambda p: edit(
            p / "data/schema/common.schema.json", '"minLength": 1,', '"minLength": 1, "maxLength": 500,'
        ),
    ),
    (
        "organisation",
        lambda p: edit(p / "data/organisations.yaml", "    name: Paycover", "    name: Paycover SRL"),
    ),
]


def test_every_incremental_build_equals_a_clean_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    incremental = tmp_path / "incremental"
    first = sphinx_build(project, incremental, language="nl")
    assert first.returncode == 0, first.output
    for number, (what, change) in enumerate(EDITS):
        change(project)
        build = sphinx_build(project, incremental, language="nl")
        clean = sphinx_build(project, tmp_path / f"clean-{number}", language="nl")
        assert build.returncode == clean.returncode == 0, (what, build.output)
        same_site(build, clean)


def test_rebuilds_read_only_what_changed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "build"
    assert reread(sphinx_build(project, out)) == ["index", "secretariats", "social"]
    assert reread(sphinx_build(project, out)) == []
    edit(project / "data/lists/uss-2022-12-17.yaml", "printed: SALAR", "printed: Salar")
    edit(project / "data/organisations.yaml", "aliases: [SALAR]", "aliases: [SALAR, Salar]")
    assert reread(sphinx_build(project, out)) == ["secretariats"]
    edit(project / "data/lists/uss-2022-12-17.yaml", "printed: Salar", "printed: SALAR")
    assert reread(sphinx_build(project, out)) == ["secretariats"]
    edit(project / "data/sources.yaml", "title: Membres", "title: Liste des membres")
    assert reread(sphinx_build(project, out)) == ["secretariats", "social"]
    assert reread(sphinx_build(project, out)) == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_parallel_build_equals_serial_build(tmp_path: Path, language: str) -> None:
    project = copy_project(tmp_path / "project")
    serial = sphinx_build(project, tmp_path / "serial", language=language)
    parallel = sphinx_build(
        project, tmp_path / "parallel", language=language, options=("-W", "--keep-going", "-j", "2")
    )
    assert serial.returncode == parallel.returncode == 0, parallel.output
    # Sphinx names the documents of each parallel chunk "first .. last"
    assert re.search(r"writing output\.\.\. \[\s*\d+%\] \S+ \.\. \S+", parallel.output), parallel.output
    assert tree(serial.outdir) == tree(parallel.outdir)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_clean_builds_are_byte_identical(tmp_path: Path, language: str) -> None:
    project = copy_project(tmp_path / "project")
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = sphinx_build(project, tmp_path / "first", language=language, env=epoch)
    second = sphinx_build(project, tmp_path / "second", language=language, env=epoch)
    assert first.returncode == second.returncode == 0
    assert tree(first.outdir) == tree(second.outdir)


def test_a_data_mistake_fails_every_build_until_it_is_fixed(tmp_path: Path) -> None:
    """Data is checked at every build, not only when a page is re-read: no stale success."""
    project = copy_project(tmp_path / "project")
    out = tmp_path / "build"
    assert sphinx_build(project, out).returncode == 0
    edit(project / "data/figures.yaml", "count: 209085", "count: beaucoup")
    for _ in range(2):  # the second build re-reads nothing, and still fails
        build = sphinx_build(project, out)
        assert build.returncode != 0
        assert "figures[1].count: must be a whole number, not text ('beaucoup')" in build.warnings
    assert reread(build) == []
    edit(project / "data/figures.yaml", "count: beaucoup", "count: 209085")
    assert sphinx_build(project, out).returncode == 0
