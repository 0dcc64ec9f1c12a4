"""Load the whole ``data/`` directory once into a :class:`Dataset`.

Each file is parsed once, checked against its schema, turned into records, and
then the files are checked against each other (ids, references, printed names).
Every problem becomes a :class:`Problem` located at a file and line; a file with
a problem is left out of the dataset and marked broken, so that the pages that
depend on it stay quiet instead of repeating the same mistake in other words.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import placeholders
from .model import (
    Claim,
    Dataset,
    Entry,
    Figure,
    Link,
    Location,
    Organisation,
    Problem,
    Prose,
    PublishedList,
    Source,
    closest,
    display_path,
)
from .validation import SchemaFileError, Schemas, field_name
from .yamlsource import LocatedDict, YamlError, line_of, read_yaml

#: The files of a data directory; every list is a file in ``lists/``.
ORGANISATIONS = "organisations.yaml"
SOURCES = "sources.yaml"
FIGURES = "figures.yaml"
LISTS = "lists"
SCHEMAS = "schema"

FIGURE_PLACEHOLDERS = frozenset({"count", "share"})

#: The messages shown for one file; past that, one line says there are more.
MAX_MESSAGES = 20

#: The kinds of data file, each with its schema ``schema/<kind>.schema.json``.
KINDS = ("organisations", "sources", "figures", "list")

#: A list's id is its file name: the schemas' id pattern (common.schema.json),
#: checked here because a file name is not part of the data the schema sees.
LIST_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

T = TypeVar("T")


@dataclass
class _Reader:
    """Turns located values of one file into records, collecting problems."""

    path: Path
    display: str
    problems: list[Problem] = field(default_factory=list)

    def at(self, line: int) -> Location:
        return Location(self.path, line, self.display)

    def problem(self, line: int, path: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(self.at(line), field_name(path) if path else "", message))

    def prose(self, item: LocatedDict, key: str) -> Prose | None:
        if key not in item:
            return None
        return Prose(" ".join(item[key].split()), self.at(item.key_lines[key]))


def load_dataset(data_dir: Path, project_root: Path) -> tuple[Dataset, list[Problem]]:
    """Read, validate and cross-check every data file under ``data_dir``."""
    loading = _Loading(data_dir, project_root)
    return loading.run()


class _Loading:
    def __init__(self, data_dir: Path, project_root: Path) -> None:
        self.data_dir = data_dir
        self.project_root = project_root
        self.problems: list[Problem] = []
        self.broken: set[Path] = set()
        self.files: dict[str, Path] = {}
        self.organisations_by_id: dict[str, Organisation] = {}
        self.sources_by_id: dict[str, Source] = {}

    def display(self, path: Path) -> str:
        return display_path(path, self.project_root)

    def run(self) -> tuple[Dataset, list[Problem]]:
        schemas = self.schemas()
        organisations = self.load(ORGANISATIONS, "organisations", schemas, self.organisations)
        self.organisations_by_id = organisations
        sources = self.load(SOURCES, "sources", schemas, self.sources)
        self.sources_by_id = sources
        figures = self.load(FIGURES, "figures", schemas, self.figures)
        lists: dict[str, PublishedList] = {}
        for path in sorted((self.data_dir / LISTS).glob("*.yaml")):
            if not LIST_ID.fullmatch(path.stem):
                self.report(
                    path,
                    1,
                    "",
                    f"'{path.stem}' is not a valid list id, and a list's file name is its id: "
                    "use lower-case letters, digits and hyphens (for example moniteur-2022-11-05.yaml)",
                )
                continue
            relative = path.relative_to(self.data_dir).as_posix()
            lists |= self.load(relative, "list", schemas, self.published_list)
        dataset = Dataset(
            organisations=organisations,
            sources=sources,
            lists=lists,
            figures=figures,
            files=self.files,
            broken=frozenset(self.broken),
        )
        return dataset, sorted(self.problems, key=lambda p: (p.location.display, p.location.line))

    # -- files -------------------------------------------------------------------

    def schemas(self) -> Schemas | None:
        directory = self.data_dir / SCHEMAS
        try:
            return Schemas(directory, KINDS)
        except SchemaFileError as err:
            self.report(err.path, err.line, "", err.message)
        return None

    def report(self, path: Path, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(Location(path, line, self.display(path)), name, message))
        self.broken.add(path)

    def report_capped(self, path: Path, found: list[tuple[int, str, str]]) -> None:
        """The first problems of one file, then one line if there are more."""
        for line, name, message in found[:MAX_MESSAGES]:
            self.report(path, line, name, message)
        if len(found) > MAX_MESSAGES:
            more = f"... and more mistakes in this file: only the first {MAX_MESSAGES} are shown"
            self.report(path, found[MAX_MESSAGES][0], "", more)

    def load(
        self,
        relative: str,
        kind: str,
        schemas: Schemas | None,
        build: Callable[[_Reader, Any], dict[str, T]],
    ) -> dict[str, T]:
        path = self.data_dir / relative
        key = kind if kind != "list" else f"list:{path.stem}"
        self.files[key] = path
        if not path.is_file():
            self.report(path, 1, "", "data file is missing")
            return {}
        if schemas is None:
            self.broken.add(path)
            return {}
        try:
            data = read_yaml(path)
        except YamlError as err:
            self.report(path, err.line, field_name(err.path) if err.path else "", err.message)
            return {}
        errors = schemas.check(kind, data)
        if errors:
            self.report_capped(path, [(error.line, error.field, error.message) for error in errors])
            return {}
        reader = _Reader(path, self.display(path))
        try:
            records = build(reader, data)
        except (KeyError, TypeError, AttributeError, IndexError) as err:
            # Valid against a schema that no longer describes what the site reads.
            schema = self.data_dir / SCHEMAS / f"{kind}.schema.json"
            self.report(
                schema,
                1,
                "",
                f"the site reads {err} from every {kind} record, but this schema lets "
                f"{self.display(path)} leave it out; restore the schema's 'required' and types",
            )
            self.broken.add(path)
            return {}
        if reader.problems:
            self.report_capped(path, [(p.location.line, p.field, p.message) for p in reader.problems])
            return {}
        return records

    # -- records -----------------------------------------------------------------

    def organisations(self, reader: _Reader, data: Any) -> dict[str, Organisation]:
        records: dict[str, Organisation] = {}
        owners: dict[str, Organisation] = {}
        for index, item in enumerate(data["organisations"]):
            record = Organisation(
                id=item["id"],
                name=item["name"],
                aliases=tuple(item.get("aliases", ())),
                website=item.get("website"),
                note=reader.prose(item, "note"),
                location=reader.at(item.line),
            )
            path = ("organisations", index)
            if _unique(reader, records, record.id, item, path):
                records[record.id] = record
            for name in record.names:
                other = owners.setdefault(name, record)
                if other.id != record.id:
                    reader.problem(
                        item.line,
                        (*path, "aliases"),
                        f"name {name!r} already belongs to organisation '{other.id}' "
                        f"(line {other.location.line}): a printed name must identify one organisation",
                    )
        return records

    def sources(self, reader: _Reader, data: Any) -> dict[str, Source]:
        records: dict[str, Source] = {}
        for index, item in enumerate(data["sources"]):
            record = Source(
                id=item["id"],
                publisher=_required(reader.prose(item, "publisher")),
                title=_required(reader.prose(item, "title")),
                reference_date=_date(item.get("reference_date")),
                publication_date=_date(item.get("publication_date")),
                consulted=_date(item.get("consulted")),
                numac=item.get("numac"),
                official_titles=dict(item.get("official_titles", {})),
                links=tuple(
                    Link(link["format"], link["url"], link.get("page"), link.get("language"))
                    for link in item.get("links", ())
                ),
                location=reader.at(item.line),
            )
            if _unique(reader, records, record.id, item, ("sources", index)):
                records[record.id] = record
        return records

    def figures(self, reader: _Reader, data: Any) -> dict[str, Figure]:
        records: dict[str, Figure] = {}
        for index, item in enumerate(data["figures"]):
            record = Figure(
                id=item["id"],
                statement=_required(reader.prose(item, "statement")),
                count=item["count"],
                share=item.get("share"),
                source=item["source"],
                reference_date=_date(item.get("reference_date")),
                location=reader.at(item.line),
            )
            path: tuple[str | int, ...] = ("figures", index)
            if _unique(reader, records, record.id, item, path):
                records[record.id] = record
            self.check_reference(reader, data, (*path, "source"), "source", self.sources_by_id)
            problem = _placeholder_problem(record)
            if problem:
                reader.problem(item.key_lines["statement"], (*path, "statement"), problem)
        return records

    def published_list(self, reader: _Reader, data: Any) -> dict[str, PublishedList]:
        claim = data.get("claim")
        record = PublishedList(
            id=reader.path.stem,
            title=_required(reader.prose(data, "title")),
            label=_required(reader.prose(data, "label")),
            source=data["source"],
            claim=Claim(
                quote=_required(reader.prose(claim, "quote")),
                exceptions=claim["exceptions"],
                source=claim["source"],
                location=reader.at(claim.line),
            )
            if claim
            else None,
            entries=tuple(
                Entry(
                    position=index + 1,
                    printed=item["printed"],
                    organisation=item["organisation"],
                    remark=reader.prose(item, "remark"),
                    inferred=reader.prose(item, "inferred"),
                    location=reader.at(item.line),
                )
                for index, item in enumerate(data["entries"])
            ),
            location=reader.at(data.line),
        )
        self.check_reference(reader, data, ("source",), "source", self.sources_by_id)
        if claim:
            self.check_reference(reader, data, ("claim", "source"), "source", self.sources_by_id)
        self.check_entries(reader, data, record.entries)
        return {record.id: record}

    # -- across files --------------------------------------------------------------

    def check_reference(
        self, reader: _Reader, data: Any, path: tuple[str | int, ...], kind: str, known: dict[str, Any]
    ) -> bool:
        """Report an unknown id; stay quiet when the file defining ids is itself broken."""
        value = line_value(data, path)
        if value in known or self.files[kind + "s"] in self.broken:
            return True
        hint = closest(value, known)
        reader.problem(
            line_of(data, path),
            path,
            f"unknown {kind} '{value}'" + (f"; did you mean '{hint}'?" if hint else ""),
        )
        return False

    def check_entries(self, reader: _Reader, data: Any, entries: tuple[Entry, ...]) -> None:
        seen: dict[str, Entry] = {}
        for index, entry in enumerate(entries):
            path: tuple[str | int, ...] = ("entries", index)
            if not self.check_reference(
                reader, data, (*path, "organisation"), "organisation", self.organisations_by_id
            ):
                continue
            organisation = self.organisations_by_id.get(entry.organisation)
            if organisation and entry.printed not in organisation.names:
                reader.problem(
                    line_of(data, (*path, "printed")),
                    (*path, "printed"),
                    f"{entry.printed!r} is not a name of organisation '{organisation.id}' "
                    f"({organisation.location}); add it to that organisation's aliases",
                )
            first = seen.setdefault(entry.organisation, entry)
            if first is not entry and not (first.remark and entry.remark):
                reader.problem(
                    entry.location.line,
                    path,
                    f"organisation '{entry.organisation}' is already entry {first.position} "
                    f"(line {first.location.line}); an organisation listed twice needs a remark "
                    "on both entries saying why",
                )


def line_value(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _unique(
    reader: _Reader, records: dict[str, Any], key: str, item: LocatedDict, path: tuple[str | int, ...]
) -> bool:
    if key in records:
        first = records[key].location.line
        reader.problem(item.key_lines["id"], (*path, "id"), f"id '{key}' is already used at line {first}")
        return False
    return True


def _required(value: T | None) -> T:
    """A field the schema requires; missing only when the schema was changed."""
    if value is None:
        raise KeyError("a required text")
    return value


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _placeholder_problem(figure: Figure) -> str | None:
    statement = figure.statement.text
    try:
        fields = placeholders.names(statement)
    except ValueError as err:
        return f"braces do not match ({err}); write {{count}} and {{share}} for the numbers"
    written = placeholders.formatted(statement)
    if written:
        return f"{written}: a placeholder is written {{count}} or {{share}}, nothing more"
    unknown = fields - FIGURE_PLACEHOLDERS
    if unknown:
        return f"unknown placeholder {{{sorted(unknown)[0]}}}; only {{count}} and {{share}} are filled in"
    if "count" not in fields:
        return "the sentence must contain {count}, where the number goes"
    if ("share" in fields) != (figure.share is not None):
        return "{share} and the 'share' field go together: give both or neither"
    return None
