"""make import-list on what a maintainer may really have: a page saved in Windows-1252,
broken data files, names ending in brackets, a list file already there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from importing import FIXTURES, PUBLISHED, entries
from projects import ROOT, copy_project
from secsoc.data.loader import load_dataset
from secsoc.tools import importer
from secsoc.tools.importer import run

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def committed() -> list[dict[str, str]]:
    return entries(ROOT / "data" / "lists" / f"{PUBLISHED}.yaml")


def files(project: Path) -> dict[Path, bytes]:
    """Every data file and its bytes: what a command that writes nothing leaves as it was."""
    return {path: path.read_bytes() for path in sorted((project / "data").rglob("*")) if path.is_file()}


def publication(tmp_path: Path, text: str, name: str = "published.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def with_entries(*names: str) -> str:
    """The 2021 publication's text, for 2022, with entries added after the last one."""
    text = (FIXTURES / "moniteur-2021.txt").read_text("utf-8").replace("05/11/2021", "05/11/2022")
    added = "".join(f"{number}. {name}\n" for number, name in enumerate(names, 28))
    return text.replace("27. Paycover\n", "27. Paycover\n" + added)


# 1. The page's encoding


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        "<meta http-equiv=Content-Type content='text/html;charset=ISO-8859-1'>",
    ],
    ids=["meta charset", "http-equiv", "latin-1 label"],
)
def test_a_page_saved_in_windows_1252_is_read_in_the_charset_it_declares(
    last_year: Path, tmp_path: Path, declaration: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (FIXTURES / "moniteur-2021.html").read_text("utf-8").replace("<head>", "<head>" + declaration)
    source = tmp_path / "moniteur.html"
    source.write_bytes(page.encode("cp1252"))
    assert run(source, last_year / "data", last_year) == 0
    written = last_year / "data" / "lists" / f"{PUBLISHED}.yaml"
    assert REPLACEMENT not in written.read_text("utf-8")
    assert entries(written) == committed()
    out = capsys.readouterr().out
    assert "read as Windows-1252" in out
    assert "score 100" not in out


def test_a_text_file_that_is_not_utf8_is_read_as_windows_1252_and_says_so(
    last_year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "moniteur.txt"
    source.write_bytes((FIXTURES / "moniteur-2021.txt").read_text("utf-8").encode("cp1252"))
    assert run(source, last_year / "data", last_year) == 0
    written = last_year / "data" / "lists" / f"{PUBLISHED}.yaml"
    assert entries(written) == committed()
    assert "read as Windows-1252" in capsys.readouterr().out


def test_a_page_whose_bytes_are_utf8_is_read_as_utf8_whatever_it_declares(
    last_year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page re-encoded on saving keeps its old declaration: the bytes tell."""
    page = (FIXTURES / "moniteur-2021.html").read_text("utf-8")
    source = publication(tmp_path, page.replace("<head>", '<head><meta charset="windows-1252">'), "m.html")
    assert run(source, last_year / "data", last_year) == 0
    assert entries(last_year / "data" / "lists" / f"{PUBLISHED}.yaml") == committed()
    assert "read as UTF-8, not windows-1252" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "name"),
    [
        # a byte that is neither UTF-8 nor Windows-1252 (0x81 is unassigned in both)
        ("Secr\x81tariat Social Horizon".encode("latin-1"), "published.txt"),
        # a character lost before the file was saved
        ("Secr\ufffdtariat Social Horizon".encode(), "published.txt"),
        (b"Secr&#65533;tariat Social Horizon<br>", "published.html"),
    ],
    ids=["undecodable byte", "replacement character", "replacement character reference"],
)
def test_a_lost_character_is_refused_at_its_entry_and_nothing_is_written(
    tmp_path: Path, content: bytes, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    before = files(project)
    text = with_entries("PLACEHOLDER").encode("utf-8")
    if name.endswith(".html"):
        text = b"<html><body><p>" + text.replace(b"\n", b"<br>\n") + b"</p></body></html>"
    source = tmp_path / name
    source.write_bytes(text.replace(b"PLACEHOLDER", content))
    assert run(source, project / "data", project) == 2
    err = capsys.readouterr().err
    assert files(project) == before
    if b"\x81" in content:
        assert "neither UTF-8 nor Windows-1252" in err
    else:
        assert "entry 28 'Secr\ufffdtariat Social Horizon'" in err
    assert "nothing written" in err


# 2. A broken list


@pytest.mark.parametrize(
    "content",
    ["- title: a list\n- entries: []\n", "title: [unclosed\n", "title: A list\n"],
    ids=["sequence", "YAML syntax", "schema"],
)
def test_a_broken_newest_list_is_named_and_the_draft_made_without_it(
    last_year: Path, tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = last_year / "data" / "lists"
    shutil.copy(lists / "moniteur-2020-11-05.yaml", lists / "moniteur-2019-11-05.yaml")
    (lists / "moniteur-2020-11-05.yaml").write_text(content, "utf-8")
    _, problems = load_dataset(last_year / "data", last_year)
    assert problems
    assert run(FIXTURES / "moniteur-2021.txt", last_year / "data", last_year) == 1
    out = capsys.readouterr().out
    for problem in problems:
        assert f"  {problem}" in out
    assert "the newest moniteur list, data/lists/moniteur-2020-11-05.yaml, does not load" in out
    assert "moniteur-2019-11-05" in out
    assert entries(lists / f"{PUBLISHED}.yaml") == committed()
    assert "The draft passes the build's checks, but other data files do not" in out


def test_with_the_only_list_broken_the_draft_has_the_usual_title(
    last_year: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = last_year / "data" / "lists"
    (lists / "moniteur-2020-11-05.yaml").write_text("- not\n- a mapping\n", "utf-8")
    assert run(FIXTURES / "moniteur-2021.txt", last_year / "data", last_year) == 1
    draft = yaml.safe_load((lists / f"{PUBLISHED}.yaml").read_text("utf-8"))
    assert draft["title"] == "Secrétariats sociaux agréés d'employeurs selon le Moniteur belge"
    assert draft["label"] == "Moniteur belge"
    assert "does not load" in capsys.readouterr().out


# 3. Broken organisations


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("organisations:\n", "organisations: [\n"),
        ("    name: Group S\n", ""),
        ("organisations:\n", "- organisations\n"),
    ],
    ids=["YAML syntax", "schema", "sequence"],
)
def test_broken_organisations_are_named_and_nothing_is_matched_or_written(
    tmp_path: Path, old: str, new: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    organisations = project / "data" / "organisations.yaml"
    organisations.write_text(organisations.read_text("utf-8").replace(old, new, 1), "utf-8")
    _, problems = load_dataset(project / "data", project)
    own = [problem for problem in problems if problem.location.path == organisations]
    assert own
    before = files(project)
    source = publication(tmp_path, with_entries("Secrétariat Social Horizon"))
    assert run(source, project / "data", project) == 2
    out, err = capsys.readouterr()
    assert files(project) == before
    for problem in own:
        assert f"  {problem.location}: {problem.text}" in err
    assert "nothing can be matched without the organisations" in err
    assert "unknown organisation" not in out + err


# 4. Brackets that end a name


def test_a_trailing_bracket_taken_as_a_remark_is_said_at_its_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    source = publication(tmp_path, with_entries("Secrétariat Social (Liège)", "Liantis SSA (doublon)"))
    run(source, project / "data", project)
    out = capsys.readouterr().out
    assert (
        "entry 28 'Secrétariat Social': '(Liège)' taken as a remark; if it is part of the name, "
        "move it back" in out
    )
    assert "entry 29 'Liantis SSA': '(doublon)' taken as a remark" in out
    draft = entries(project / "data" / "lists" / "moniteur-2022-11-05.yaml")
    assert draft[27]["remark"] == "Liège"


def test_a_name_known_with_its_brackets_keeps_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    organisations = project / "data" / "organisations.yaml"
    organisations.write_text(
        organisations.read_text("utf-8").replace(
            "aliases: [SD, SD WORX]", "aliases: [SD, SD WORX, SD Worx (Belgium)]"
        ),
        "utf-8",
    )
    source = publication(tmp_path, with_entries("SD Worx (Belgium)"))
    run(source, project / "data", project)
    out = capsys.readouterr().out
    draft = entries(project / "data" / "lists" / "moniteur-2022-11-05.yaml")
    assert draft[27] == {"printed": "SD Worx (Belgium)", "organisation": "sd-worx"}
    assert "'(Belgium)' taken as a remark" not in out
    assert "entry 28 'SD Worx'" not in out


# Writing: never over a file, every message at its entry


def test_a_dangling_link_in_place_of_the_list_is_not_written_through(
    last_year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere.yaml"
    (last_year / "data" / "lists" / f"{PUBLISHED}.yaml").symlink_to(elsewhere)
    assert run(FIXTURES / "moniteur-2021.txt", last_year / "data", last_year) == 2
    assert "already exists" in capsys.readouterr().err
    assert not elsewhere.exists()


def test_a_list_file_that_appears_while_importing_is_not_overwritten(
    last_year: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = last_year / "data" / "lists" / f"{PUBLISHED}.yaml"
    original = importer.draft

    def meanwhile(*args: object, **kwargs: object) -> dict[str, object]:
        target.write_text("written meanwhile\n", "utf-8")  # another import, an editor's save
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "draft", meanwhile)
    assert run(FIXTURES / "moniteur-2021.txt", last_year / "data", last_year) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text("utf-8") == "written meanwhile\n"


def test_the_drafts_problems_are_given_at_their_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    source = publication(tmp_path, with_entries("Secrétariat Social Horizon"))
    assert run(source, project / "data", project) == 1
    out = capsys.readouterr().out
    report = out.split("The draft does not pass the build's checks yet:\n", 1)[1].splitlines()
    located = [line for line in report if "entries[" in line]
    assert located
    assert all(line.startswith("  entry ") for line in located), located
    assert any(
        line.startswith("  entry 28 'Secrétariat Social Horizon' (data/lists/moniteur-2022-11-05.yaml:")
        and "entries[27].organisation" in line
        for line in located
    ), located


def test_a_series_that_is_not_an_id_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path / "project")
    before = files(project)
    source = publication(tmp_path, with_entries())
    assert run(source, project / "data", project, series="../moniteur") == 2
    assert "not a valid series" in capsys.readouterr().err
    assert files(project) == before
    assert not list(tmp_path.glob("*.yaml"))
