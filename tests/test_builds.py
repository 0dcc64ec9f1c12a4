"""Incremental, parallel and reproducible builds give exactly what a clean build gives."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from projects import EDITIONS, BuildRoot, Built, Project, append, copy_project, edit, make
from reading import found
from sphinx.testing.util import SphinxTestApp

OFFICIAL = "data/lists/official-2030-11-05.yaml"
MEMBERS = "data/lists/members-2031-01-10.yaml"


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
    match = re.fullmatch(r"Search\.setIndex\((.*)\)", text.strip(), re.DOTALL)
    assert match
    index: dict[str, dict[str, object]] = json.loads(match.group(1))
    for key in ("terms", "titleterms"):
        index[key] = {term: docs for term, docs in index[key].items() if docs != []}
    return dict(index)


def same_site(incremental: Path, clean: Path) -> None:
    left, right = tree(incremental), tree(clean)
    assert search_index(left) == search_index(right)
    assert sorted(left) == sorted(right)
    assert [name for name in left if left[name] != right[name]] == []


def reread(build: Built) -> list[str]:
    """The documents a build read, from Sphinx's own progress lines."""
    return sorted(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", build.status))


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("data file", lambda p: edit(p / OFFICIAL, "  - printed: Omega\n    organisation: omega\n", "")),
    ("page catalog", lambda p: edit(p / "locales/nl/LC_MESSAGES/lists.po", '"Einde"', '"Het einde"')),
    ("page", lambda p: edit(p / "other.md", "Rien ici", "Rien du tout ici")),
    ("extension catalog", lambda p: edit(p / "locales/nl/LC_MESSAGES/secsoc.po", '"Nr."', '"Nummer"')),
    ("data catalog", lambda p: edit(p / "locales/nl/LC_MESSAGES/data.po", '"Leden"', '"Ledenlijst"')),
    ("theme catalog", lambda p: edit(p / "locales/nl/LC_MESSAGES/sphinx.po", '"Navigatie"', '"Menu"')),
    (
        "schema",
        lambda p: edit(
            p / "data/schema/common.schema.json", '"minLength": 1,', '"minLength": 1, "maxLength": 500,'
        ),
    ),
    (
        "organisation",
        lambda p: edit(
            p / "data/organisations.yaml",
            "name: Beta\n    aliases: [BETA Secrétariat Social]",
            "name: Beta SA\n    aliases: [BETA Secrétariat Social, Beta]",
        ),
    ),
]


@pytest.mark.slow
def test_every_incremental_build_equals_a_clean_build(
    build: BuildRoot, secsoc_root: Path, tmp_path: Path
) -> None:
    assert build(secsoc_root, "nl").warnings == ""
    for number, (what, change) in enumerate(EDITS):
        change(secsoc_root)
        incremental = build(secsoc_root, "nl")
        clean = build(secsoc_root, "nl", builddir=tmp_path / f"clean-{number}")
        assert incremental.warnings == clean.warnings == "", what
        same_site(incremental.outdir, clean.outdir)


def test_rebuilds_read_only_what_changed(build: BuildRoot, secsoc_root: Path) -> None:
    assert reread(build(secsoc_root)) == ["figures", "index", "lists", "other"]
    assert reread(build(secsoc_root)) == []
    edit(secsoc_root / MEMBERS, "printed: Beta", "printed: BETA")
    edit(secsoc_root / "data/organisations.yaml", "aliases: [BETA Secrétariat Social]", "aliases: [BETA]")
    edit(secsoc_root / OFFICIAL, "printed: BETA Secrétariat Social", "printed: Beta")
    assert reread(build(secsoc_root)) == ["lists"]
    edit(secsoc_root / "data/sources.yaml", "title: Membres", "title: Liste des membres")
    assert reread(build(secsoc_root)) == ["figures", "lists"]
    edit(secsoc_root / "data/figures.yaml", "count: 4321", "count: 4322")
    assert reread(build(secsoc_root)) == ["figures"]
    assert reread(build(secsoc_root)) == []


def many_pages(root: Path, count: int = 12) -> None:
    """Enough pages using the data for Sphinx to read and write them in parallel."""
    for number in range(count):
        (root / f"page{number}.md").write_text(
            f"# Page {number}\n\n```{{secsoc-list}} official-2030-11-05\n```\n\n"
            "```{secsoc-comparison} official-2030-11-05 members-2031-01-10\n```\n",
            "utf-8",
        )
    append(root / "index.md", "\n```{toctree}\n:glob:\npage*\n```\n")


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_parallel_build_equals_serial_build(
    build: BuildRoot, secsoc_root: Path, tmp_path: Path, language: str
) -> None:
    many_pages(secsoc_root)
    serial = build(secsoc_root, language, builddir=tmp_path / "serial")
    parallel = build(secsoc_root, language, builddir=tmp_path / "parallel", parallel=2)
    assert serial.warnings == parallel.warnings == ""
    # Sphinx names the documents of each parallel chunk "first .. last"
    assert re.search(r"\[\s*\d+%\] \S+ \.\. \S+", parallel.status), parallel.status
    assert tree(serial.outdir) == tree(parallel.outdir)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_clean_builds_are_byte_identical(
    build: BuildRoot, secsoc_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build(secsoc_root, language, builddir=tmp_path / "first")
    second = build(secsoc_root, language, builddir=tmp_path / "second")
    assert first.warnings == second.warnings == ""
    assert tree(first.outdir) == tree(second.outdir)


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full (-E)"])
def test_a_data_mistake_fails_every_build_until_it_is_fixed(
    build: BuildRoot, secsoc_root: Path, full: bool
) -> None:
    """Data is checked at every build, not only when a page is re-read: no stale success;
    and a full build, which keeps what earlier builds found valid, checks what changed."""
    assert build(secsoc_root, freshenv=full).warnings == ""
    edit(secsoc_root / "data/figures.yaml", "count: 4321", "count: beaucoup")
    for _ in range(2):  # an incremental second build re-reads no page, and still warns
        again = build(secsoc_root, freshenv=full)
        assert "figures[1].count: must be a whole number, not text ('beaucoup')" in again.warnings
    assert bool(reread(again)) is full  # a full build reads every page again, the other none
    edit(secsoc_root / "data/figures.yaml", "count: beaucoup", "count: 4321")
    assert build(secsoc_root, freshenv=full).warnings == ""


def test_make_html_is_quiet_when_it_succeeds(project: Project) -> None:
    run = project.run
    assert str(project.path) not in run.output
    assert "MdParserConfig" not in run.output
    assert "Writing evaluated template" not in run.output
    assert "fr: _build/html/fr/index.html" in run.output
    assert "nl: _build/html/nl/index.html" in run.output


@pytest.mark.slow  # a whole make run on a copy of the project
def test_make_html_builds_every_language_then_fails_with_the_messages_first(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = next(iter(sorted((project / "docs").glob("*.md"))))
    append(page, "\n```{secsoc-list} no-such-list\n```\n")
    run = make(project, "html", BUILDDIR="_build")
    assert run.returncode != 0
    messages = [line for line in run.output.splitlines() if "WARNING" in line]
    assert len(messages) == len(EDITIONS)  # one a language
    assert all(
        f"{page.name}:" in message and "unknown list 'no-such-list'" in message for message in messages
    )
    assert run.warnings.splitlines()[0] == messages[0]
    for language in EDITIONS:
        assert (project / "_build" / "html" / language / f"{page.stem}.html").is_file()
    failed = re.search(r"the build failed for: ([a-z ]+) \(", run.output)
    assert failed is not None and set(failed.group(1).split()) == set(EDITIONS), run.output


def test_templates_are_compiled_once_and_again_when_edited(
    build: BuildRoot, secsoc_root: Path, tmp_path: Path
) -> None:
    """Jinja's bytecode cache, beside the doctrees: an edited template shows at once."""
    append(secsoc_root / "conf.py", '\ntemplates_path = ["_templates"]\n')
    layout = secsoc_root / "_templates" / "layout.html"
    layout.parent.mkdir()
    layout.write_text('{% extends "!layout.html" %}{% block footer %}<p id="mark">first</p>{% endblock %}')
    first = build(secsoc_root, builddir=tmp_path / "site")
    assert list((tmp_path / "site" / "doctrees" / "templates").glob("*.cache"))
    assert found(first.page("index").find(id="mark")).get_text() == "first"
    edit(layout, ">first<", ">second<")
    second = build(secsoc_root, builddir=tmp_path / "site")
    assert found(second.page("index").find(id="mark")).get_text() == "second"


def test_a_page_mistake_fails_every_build_until_the_list_exists(build: BuildRoot, secsoc_root: Path) -> None:
    """A page naming a list not yet written keeps failing, then shows it once the file is added."""
    assert build(secsoc_root).warnings == ""
    edit(secsoc_root / "lists.md", "{secsoc-list} members-2031-01-10", "{secsoc-list} members-2032-01-10")
    for _ in range(2):  # the second build changes nothing, and still warns
        again = build(secsoc_root)
        assert "unknown list 'members-2032-01-10'" in again.warnings
        assert again.warnings.count("WARNING") == 1
    (secsoc_root / "data/lists/members-2032-01-10.yaml").write_bytes((secsoc_root / MEMBERS).read_bytes())
    fixed = build(secsoc_root)
    assert fixed.warnings == ""
    assert "lists" in reread(fixed)  # a new data file: every page is read again
    assert fixed.main("lists").find("table", class_="secsoc-list-members-2032-01-10")


def interrupt_when_writing(app: SphinxTestApp) -> None:
    """As Ctrl-C after "pickling environment": the pages read are not all written."""

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    app.connect("write-started", interrupt)


def test_a_build_interrupted_after_saving_the_environment_is_finished_by_the_next(
    build: BuildRoot, secsoc_root: Path, tmp_path: Path
) -> None:
    assert build(secsoc_root).warnings == ""
    edit(secsoc_root / OFFICIAL, "  - printed: Omega\n    organisation: omega\n", "")
    with pytest.raises(KeyboardInterrupt):
        build(secsoc_root, prepare=interrupt_when_writing)
    finished = build(secsoc_root)
    assert reread(finished) == ["lists"]
    assert reread(build(secsoc_root)) == []
    same_site(finished.outdir, build(secsoc_root, builddir=tmp_path / "clean").outdir)


def test_a_catalog_that_appears_is_used_by_the_next_build(
    build: BuildRoot, secsoc_root: Path, tmp_path: Path
) -> None:
    catalog = secsoc_root / "locales/nl/LC_MESSAGES/data.po"
    content = catalog.read_bytes()
    catalog.unlink()
    before = build(secsoc_root, "nl")
    assert "Leden van de federatie" not in before.main("lists").get_text()
    catalog.write_bytes(content)  # restored, or written for the first time
    after = build(secsoc_root, "nl")
    assert "Leden van de federatie" in after.main("lists").get_text()
    assert reread(after) == ["figures", "index", "lists", "other"]
    same_site(after.outdir, build(secsoc_root, "nl", builddir=tmp_path / "clean").outdir)


@pytest.mark.slow
def test_make_serve_rebuilds_each_edition_on_a_data_edit(tmp_path: Path) -> None:
    """The live preview: both editions served, and a list edit shows without restarting."""
    project = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        "make",
        "--no-print-directory",
        "-C",
        str(project),
        "serve",
        f"PORT={port}",
        f"PY={sys.executable}",
    ]
    server = subprocess.Popen(
        [*command, "SETUP="], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        for language, offset in (("fr", 0), ("nl", 1)):
            assert fetch(f"http://127.0.0.1:{port + offset}/secretariats.html", "</html>"), language
        path = next((project / "data" / "lists").glob("uss-*.yaml"))
        content = path.read_text("utf-8")
        title = re.search(r"^title: (.*)$", content, re.MULTILINE)
        assert title
        path.write_text(content.replace(title.group(0), "title: Membres, édition d'essai"), "utf-8")
        for offset in (0, 1):
            assert fetch(f"http://127.0.0.1:{port + offset}/secretariats.html", "Membres, édition d'essai")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def fetch(url: str, wanted: str, within: float = 60.0) -> bool:
    """Whether the page at ``url`` contains ``wanted`` before ``within`` seconds pass."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if wanted in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False
