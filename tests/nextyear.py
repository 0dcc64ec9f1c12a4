"""Next year's maintainer, following MAINTAINING.md's "Adding next year's list" step by step.

Starting from whatever the newest Moniteur list is, so that it works every year: the
new publication goes at the top of ``sources.yaml``; the new list is last year's with
one organisation gone, one new organisation and one new spelling of a known one; the
pages are pointed at it.  The real-site checks must then pass unchanged.
"""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path
from typing import Any

import yaml

NEW_ORGANISATION = {"id": "nouveau-secretariat", "name": "Nouveau Secrétariat Social"}


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def _write(path: Path, value: Any, schema: str) -> None:
    header = f"# yaml-language-server: $schema={schema}\n"
    path.write_text(header + yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=200), "utf-8")


def _next_year(value: Any) -> str:
    day = datetime.date.fromisoformat(str(value))
    return day.replace(year=day.year + 1).isoformat()


def add_next_years_list(project: Path) -> str:
    """Apply the yearly update to ``project``; return the new list's id."""
    data = project / "data"
    old_file = sorted((data / "lists").glob("moniteur-*.yaml"))[-1]
    old_id, old_list = old_file.stem, _read(old_file)

    # 1. The new publication, at the top of sources.yaml.
    sources_text = (data / "sources.yaml").read_text("utf-8")
    old_source = next(s for s in _read(data / "sources.yaml")["sources"] if s["id"] == old_list["source"])
    source = copy.deepcopy(old_source)
    new_date = _next_year(source["reference_date"])
    new_id = f"moniteur-{new_date}"
    source["id"] = new_id
    source["reference_date"] = new_date
    source["publication_date"] = _next_year(source["publication_date"])
    numac = f"{int(source['numac']) + 1000000:010d}"
    for link in source.get("links", []):
        link["url"] = link["url"].replace(source["numac"], numac)
    source["numac"] = numac
    entry = yaml.safe_dump([source], allow_unicode=True, sort_keys=False, width=200)
    indented = "".join(f"  {line}" for line in entry.splitlines(keepends=True))
    sources_text = re.sub(r"(?m)^sources:\n", lambda m: m.group(0) + indented, sources_text, count=1)
    (data / "sources.yaml").write_text(sources_text, "utf-8")

    # 2. The new list: last year's, one organisation gone, one new, one new spelling.
    organisations = _read(data / "organisations.yaml")
    by_id = {organisation["id"]: organisation for organisation in organisations["organisations"]}
    entries = old_list["entries"]
    counts = {
        e["organisation"]: [x["organisation"] for x in entries].count(e["organisation"]) for e in entries
    }
    plain = [e for e in entries if counts[e["organisation"]] == 1 and not e.get("inferred")]
    removed, respelt = plain[-1], plain[0]
    new_list = copy.deepcopy(old_list)
    new_list["source"] = new_id
    new_list["entries"] = [copy.deepcopy(e) for e in entries if e is not removed]
    for item in new_list["entries"]:
        if item["organisation"] == respelt["organisation"]:
            item["printed"] = respelt["printed"] + " ASBL"
    new_list["entries"].append({"printed": NEW_ORGANISATION["name"], "organisation": NEW_ORGANISATION["id"]})
    _write(data / "lists" / f"{new_id}.yaml", new_list, "../schema/list.schema.json")

    # 3. A new organisation, and the new spelling among the aliases of a known one.
    organisations["organisations"].append(dict(NEW_ORGANISATION))
    known = by_id[respelt["organisation"]]
    known["aliases"] = [*known.get("aliases", []), respelt["printed"] + " ASBL"]
    _write(data / "organisations.yaml", organisations, "schema/organisations.schema.json")

    # 4. The pages show the new list: nothing to do where they name the series
    #    ("moniteur"); explicit ids are pointed at the new list.
    for page in (project / "docs").glob("*.md"):
        content = page.read_text("utf-8")
        if old_id in content:
            page.write_text(content.replace(old_id, new_id), "utf-8")
    return new_id
