"""The downloads as a spreadsheet opens them: no cell is evaluated as a formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from projects import BuildRoot, edit

FOLDER = "_downloads/secsoc"


def cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("https://evil.example","x")', "+32 2 000 00 00", "-première occurrence", "@SUM(1)"]
)
def test_a_value_a_spreadsheet_would_evaluate_is_written_as_text(
    build: BuildRoot, secsoc_root: Path, value: str
) -> None:
    quoted = json.dumps(value)
    edit(
        secsoc_root / "data/lists/official-2030-11-05.yaml",
        "remark: première occurrence",
        f"remark: {quoted}",
    )
    edit(secsoc_root / "data/organisations.yaml", "aliases: [DELTA]", f"aliases: [{quoted}, DELTA]")
    site = build(secsoc_root)
    assert site.warnings == ""
    rows = cells(site.outdir / FOLDER / "lists/official-2030-11-05.csv")
    first = rows[1]
    assert first[4] == "'" + value  # the remark column
    organisations = cells(site.outdir / FOLDER / "organisations.csv")
    assert [row[2] for row in organisations if row[0] == "delta"] == [f"'{value} | DELTA"]
    # The JSON files are data, not spreadsheets: the value as it is.
    records = json.loads((site.outdir / FOLDER / "lists/official-2030-11-05.json").read_text("utf-8"))
    assert records[0]["remark"] == value


def test_a_list_whose_id_is_organisations_has_files_of_its_own(build: BuildRoot, secsoc_root: Path) -> None:
    lists = secsoc_root / "data" / "lists"
    (lists / "members-2031-01-10.yaml").rename(lists / "organisations.yaml")
    page = secsoc_root / "lists.md"
    page.write_text(page.read_text("utf-8").replace("members-2031-01-10", "organisations"), "utf-8")
    site = build(secsoc_root)
    links = [a["href"] for a in site.main("lists").select(".secsoc-downloads a")]
    assert f"{FOLDER}/lists/organisations.csv" in links and f"{FOLDER}/organisations.csv" in links
    organisations = cells(site.outdir / FOLDER / "organisations.csv")
    assert sorted(row[0] for row in organisations[1:]) == ["alpha", "beta", "delta", "gamma", "omega"]
    listed = cells(site.outdir / FOLDER / "lists/organisations.csv")
    assert [row[0] for row in listed[1:]] == [str(n) for n in range(1, len(listed))]  # positions
