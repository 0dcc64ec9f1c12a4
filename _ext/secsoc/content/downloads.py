"""The data as files to download: each list and the organisations, in CSV and JSON.

Written at every build from the validated data, never committed.  The CSV file is
made for a spreadsheet in a Belgian locale: UTF-8 with a byte order mark (so that
accents survive), ``;`` between fields (the comma is the decimal separator there)
and CRLF line ends.  Both editions write the same content; only the CSV's column
headers are in the edition's language.  Names, remarks and reasons are given as
the source publishes them (in French), as in the tables.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..data.model import Dataset, PublishedList

#: Where the files go, in the HTML output: ``_downloads/secsoc/organisations.csv|json``
#: and ``_downloads/secsoc/lists/<list id>.csv|json``: the lists in a folder of their
#: own, so that no list id (``organisations`` included) can name another file.
FOLDER = "_downloads/secsoc"
ORGANISATIONS = "organisations"


def list_name(list_id: str) -> str:
    """A list's files, without their suffix, under :data:`FOLDER`."""
    return f"lists/{list_id}"


def list_records(dataset: Dataset, published: PublishedList) -> list[dict[str, Any]]:
    return [
        {
            "position": entry.position,
            "printed": entry.printed,
            "organisation_id": entry.organisation,
            "organisation": dataset.organisations[entry.organisation].name,
            "remark": entry.remark.text if entry.remark else "",
            "inferred": entry.inferred.text if entry.inferred else "",
        }
        for entry in published.entries
    ]


def organisation_records(dataset: Dataset) -> list[dict[str, Any]]:
    """Each organisation, with where the newest list of each series names it (by series:
    ``"moniteur": [8, 21]``, ``"uss": []`` when it is not on it), so that the status
    columns keep their names from year to year.  A website column only when the data
    gives a website: no column that no source fills."""
    newest = dataset.newest_lists()
    with_websites = any(organisation.website for organisation in dataset.organisations.values())
    records = []
    for organisation in dataset.organisations_by_name():
        record: dict[str, Any] = {
            "id": organisation.id,
            "name": organisation.name,
            "aliases": list(organisation.aliases),
        }
        if with_websites:
            record["website"] = organisation.website or ""
        for published in newest:
            record[published.series or published.id] = list(published.positions(organisation.id))
        records.append(record)
    return records


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would evaluate as a formula (``=HYPERLINK(...)``,
    or a remark starting with ``-`` that Excel shows as ``#NAME?``), prefixed with an
    apostrophe as OWASP recommends, so it is shown as the text it is.  Numbers are
    written as numbers; the JSON files keep every value as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(headers: Sequence[str], records: list[dict[str, Any]]) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for record in records:
        writer.writerow(
            [spreadsheet_safe(" | ".join(map(str, v)) if isinstance(v, list) else v) for v in record.values()]
        )
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def to_json(records: list[dict[str, Any]]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write(outdir: Path, name: str, headers: Sequence[str], records: list[dict[str, Any]]) -> None:
    """``name``.csv and ``name``.json under :data:`FOLDER`, rewritten only when they change."""
    for suffix, content in ((".csv", to_csv(headers, records)), (".json", to_json(records))):
        target = outdir / FOLDER / f"{name}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != content:
            target.write_bytes(content)
