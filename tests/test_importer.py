"""make import-list: a draft list from the Moniteur belge's publication (text or HTML)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from importing import FIXTURES, PUBLISHED, entries
from projects import ROOT, append, copy_project, edit, make
from reading import found, names, text
from secsoc.data.loader import load_dataset
from secsoc.tools.importer import run


@pytest.mark.parametrize("fixture", ["moniteur-2021.txt", "moniteur-2021.html"])
def test_importing_the_2021_publication_gives_back_the_committed_list(
    last_year: Path, fixture: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(FIXTURES / fixture, last_year / "data", last_year) == 0
    written = last_year / "data" / "lists" / f"{PUBLISHED}.yaml"
    assert entries(written) == entries(ROOT / "data" / "lists" / f"{PUBLISHED}.yaml")
    out = capsys.readouterr().out
    assert out.count("inferred match to") == 4
    assert "The draft passes the build's checks." in out
    # the source entry to paste: what the saved page gives, as sources.yaml has it
    (printed,) = yaml.safe_load(out[out.index("- id: ") : out.index("The draft passes")])
    committed = next(
        s
        for s in yaml.safe_load((ROOT / "data/sources.yaml").read_text("utf-8"))["sources"]
        if s["id"] == PUBLISHED
    )
    given = {"id", "publisher", "title", "reference_date"}
    if fixture.endswith(".html"):  # the page gives its NUMAC, and its addresses the date and links
        given |= {"numac", "publication_date", "links"}
    else:
        assert "copy them from the publication's page" in out  # the text gives none of them
    assert {key: str(value) for key, value in printed.items()} == {
        key: str(value) for key, value in committed.items() if key in given
    }


def next_year_publication(tmp_path: Path) -> Path:
    """2022: Paycover withdrawn, a new secretariat, Acerta renamed, a duplicate entry."""
    text = (FIXTURES / "moniteur-2021.txt").read_text("utf-8").replace("05/11/2021", "05/11/2022")
    text = text.replace("27. Paycover\n", "27. Secrétariat Social Horizon\n28. Liantis SSA (doublon)\n")
    text = text.replace("6. Acerta\n", "6. Acerta Secrétariat Social ASBL\n")
    path = tmp_path / "moniteur-2022.txt"
    path.write_text(text, "utf-8")
    return path


def test_a_new_years_draft_reports_what_needs_a_human(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    assert run(next_year_publication(tmp_path), project / "data", project) == 1
    out = capsys.readouterr().out
    assert "entry 27 'Secrétariat Social Horizon': unknown organisation; closest:" in out
    assert "entry 6 'Acerta Secrétariat Social ASBL': add it to the aliases of 'acerta'" in out
    assert "The draft does not pass the build's checks yet:" in out
    # the draft's '?' in plain words, not the schema's pattern
    assert "entry 27 'Secrétariat Social Horizon' (data/lists/moniteur-2022-11-05.yaml:" in out
    assert "no organisation yet; give the id of a known one" in out
    assert "must be lower-case letters" not in out
    draft = entries(project / "data" / "lists" / "moniteur-2022-11-05.yaml")
    assert [entry["organisation"] for entry in draft][26:] == ["?", "liantis"]
    assert draft[27]["remark"] == "doublon"
    assert "paycover" not in {entry["organisation"] for entry in draft}


def complete(project: Path) -> None:
    """What the maintainer does after reading the command's report."""
    lists = project / "data" / "lists" / "moniteur-2022-11-05.yaml"
    content = lists.read_text("utf-8").replace("organisation: '?'", "organisation: horizon")
    lists.write_text(
        content.replace("organisation: liantis\n", "organisation: liantis\n  remark: premier\n", 1), "utf-8"
    )
    append(project / "data" / "organisations.yaml", "  - id: horizon\n    name: Secrétariat Social Horizon\n")
    edit(
        project / "data" / "organisations.yaml",
        "aliases: [ACERTA",
        "aliases: [Acerta Secrétariat Social ASBL, ACERTA",
    )
    source = (
        "  - id: moniteur-2022-11-05\n    publisher: Moniteur belge\n    title: Liste des secrétariats "
        "sociaux agréés d'employeurs et de leurs succursales\n    reference_date: 2022-11-05\n"
        "    links:\n      - format: pdf\n        url: https://www.ejustice.just.fgov.be/mopdf/2022/12/15_1.pdf\n"
    )
    sources = project / "data" / "sources.yaml"
    sources.write_text(sources.read_text("utf-8").replace("sources:\n", "sources:\n" + source, 1), "utf-8")


@pytest.mark.slow  # a whole make run on a copy of the project
def test_once_completed_the_pages_say_what_changed_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    run(next_year_publication(tmp_path), project / "data", project)
    complete(project)
    _, problems = load_dataset(project / "data", project)
    assert [str(problem) for problem in problems] == []
    built = make(project, "html", BUILDDIR=str(project / "_build"))
    assert built.returncode == 0, built.output
    for language, new, gone in (
        ("fr", "nouveau dans la liste", "ne figure plus dans la liste"),
        ("nl", "nieuw op de lijst", "wordt niet meer vermeld op de lijst"),
    ):
        page = BeautifulSoup(
            (project / "_build" / "html" / language / "secretariats.html").read_text("utf-8"), "html.parser"
        )
        # the first sentences of what changed: who is new, who is gone
        added, removed, *_ = found(page.select_one(".secsoc-changes")).find_all("p")
        assert new in text(added) and names(added) == ["Secrétariat Social Horizon"]
        assert gone in text(removed) and names(removed) == ["Paycover"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("<html><body><p>Arrêté royal du 1er janvier 2022</p></body></html>", "no 'à la date du DD/MM/YYYY'"),
        (
            "Liste des secrétariats sociaux agréés à la date du 05/11/2022\nGroup S\nAcerta\n",
            "no numbered entries",
        ),
    ],
    ids=["empty", "wrong page", "no numbering"],
)
def test_bad_input_says_why_and_writes_nothing(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    before = sorted((project / "data").rglob("*"))
    source = tmp_path / "published.txt"
    source.write_text(content, "utf-8")
    assert run(source, project / "data", project) == 2
    assert message in capsys.readouterr().err
    assert sorted((project / "data").rglob("*")) == before


def test_an_existing_list_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path / "project")
    existing = project / "data" / "lists" / f"{PUBLISHED}.yaml"
    before = existing.read_bytes()
    assert run(FIXTURES / "moniteur-2021.txt", project / "data", project) == 2
    assert "already exists" in capsys.readouterr().err
    assert existing.read_bytes() == before
