"""Loading and cross-checking the data directory, without Sphinx."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from secsoc.loader import load_dataset
from secsoc.model import Dataset, Problem

MONITEUR = "lists/moniteur-2021-11-05.yaml"
USS = "lists/uss-2022-12-17.yaml"


def load(root: Path) -> tuple[Dataset, list[Problem]]:
    return load_dataset(root / "data", root)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "data" / name
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_containing(root: Path, name: str, text: str) -> int:
    lines = (root / "data" / name).read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def only_problem(root: Path) -> str:
    _, problems = load(root)
    assert len(problems) == 1, problems
    return str(problems[0])


def test_the_real_data_loads_cleanly() -> None:
    dataset, problems = load(ROOT)
    assert problems == []
    moniteur = dataset.lists["moniteur-2021-11-05"]
    uss = dataset.lists["uss-2022-12-17"]
    assert len(moniteur.entries) == 27
    assert len(moniteur.organisation_ids) == 26
    assert len(uss.entries) == 25
    assert [e.remark.text for e in moniteur.entries if e.remark] == [
        "première occurrence, repris à 300",
        "doublon, repris à 740",
    ]
    inferred = [e.printed for e in moniteur.entries if e.inferred]
    assert inferred == ["SST", "SD", "Centrum voor Loonbeheer", "Handel, Diensten en Industrie"]
    assert dataset.sources["moniteur-2021-11-05"].numac == "2021205711"


def test_every_prose_text_knows_its_line() -> None:
    dataset, _ = load(ROOT)
    remark = dataset.lists["moniteur-2021-11-05"].entries[7].remark
    assert remark is not None
    line = (ROOT / "data" / MONITEUR).read_text("utf-8").splitlines()[remark.location.line - 1]
    assert "première occurrence" in line
    assert str(remark.location).startswith(f"data/{MONITEUR}:")


def test_unknown_organisation_is_located_with_a_suggestion(data_copy: Path) -> None:
    edit(data_copy, MONITEUR, "organisation: paycover", "organisation: paycoverr")
    dataset, problems = load(data_copy)
    line = line_containing(data_copy, MONITEUR, "paycoverr")
    assert [str(p) for p in problems] == [
        f"data/{MONITEUR}:{line}: entries[26].organisation: unknown organisation 'paycoverr'; "
        "did you mean 'paycover'?"
    ]
    # the broken list is left out; the rest still loads
    assert "moniteur-2021-11-05" not in dataset.lists
    assert "uss-2022-12-17" in dataset.lists


def test_unknown_field_names_the_field_and_the_likely_one(data_copy: Path) -> None:
    edit(data_copy, "organisations.yaml", "    name: Paycover", "    nmae: Paycover")
    line = line_containing(data_copy, "organisations.yaml", "nmae")
    assert only_problem(data_copy) == (
        f"data/organisations.yaml:{line}: organisations[25].nmae: unknown field; did you mean 'name'? "
        "(allowed: aliases, id, name, note, website)"
    )


def test_missing_required_field(data_copy: Path) -> None:
    edit(data_copy, USS, "source: uss-members\nclaim:", "claim:")
    line = line_containing(data_copy, USS, "title:")  # the mapping where it belongs starts here
    assert only_problem(data_copy) == f"data/{USS}:{line}: source: required field is missing"


def test_wrong_type(data_copy: Path) -> None:
    edit(data_copy, "figures.yaml", "count: 209085", "count: beaucoup")
    line = line_containing(data_copy, "figures.yaml", "beaucoup")
    assert only_problem(data_copy) == (
        f"data/figures.yaml:{line}: figures[1].count: must be a whole number, not text ('beaucoup')"
    )


def test_impossible_date(data_copy: Path) -> None:
    edit(data_copy, "sources.yaml", "reference_date: 2021-11-05", "reference_date: 2021-13-45")
    line = line_containing(data_copy, "sources.yaml", "2021-13-45")
    assert only_problem(data_copy) == (
        f"data/sources.yaml:{line}: sources[0].reference_date: '2021-13-45' must be a real date "
        "written YYYY-MM-DD"
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"])
def test_only_http_links(data_copy: Path, url: str) -> None:
    edit(data_copy, "sources.yaml", "url: http://www.uss.be/fr/home", f'url: "{url}"')
    assert only_problem(data_copy).endswith(f"url: {url!r} must be an http:// or https:// address")


def test_duplicate_id(data_copy: Path) -> None:
    edit(data_copy, "organisations.yaml", "  - id: besox", "  - id: salar")
    message = only_problem(data_copy)
    assert "organisations[23].id: id 'salar' is already used at line" in message


def test_one_organisation_twice_needs_a_remark(data_copy: Path) -> None:
    edit(data_copy, MONITEUR, "    remark: doublon, repris à 740\n", "")
    message = only_problem(data_copy)
    assert "entries[15]: organisation 'partena' is already entry 8" in message


def test_printed_name_must_be_a_name_of_the_organisation(data_copy: Path) -> None:
    edit(data_copy, USS, "printed: SALAR", "printed: SALARR")
    message = only_problem(data_copy)
    assert "entries[12].printed: 'SALARR' is not a name of organisation 'salar'" in message
    assert "add it to that organisation's aliases" in message


def test_unknown_source(data_copy: Path) -> None:
    edit(data_copy, "figures.yaml", "source: uss-site", "source: uss-sit")
    assert only_problem(data_copy).endswith(
        "figures[0].source: unknown source 'uss-sit'; did you mean 'uss-site'?"
    )


def test_a_broken_file_does_not_cascade(data_copy: Path) -> None:
    """With organisations.yaml unreadable, the lists do not add 50 'unknown organisation'."""
    edit(data_copy, "organisations.yaml", "  - id: besox", "  - id: besox\n\t")
    dataset, problems = load(data_copy)
    assert len(problems) == 1
    assert str(problems[0]).startswith("data/organisations.yaml:")
    assert dataset.files["organisations"] in dataset.broken


def test_figure_placeholders_are_checked(data_copy: Path) -> None:
    edit(data_copy, "figures.yaml", "{count} employeurs ({share})", "{nombre} employeurs ({share})")
    message = only_problem(data_copy)
    assert "figures[1].statement: unknown placeholder {nombre}" in message
