"""Turn the located values of one valid data file into frozen records.

The schema has already checked each file's shape; what is left is what a schema
cannot say: ids unique in their file, a printed name that belongs to one
organisation, placeholders that match their numbers, and references to the ids
that the files read before this one define.  Each mistake is a :class:`Problem`
at its line.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import placeholders
from .model import (
    Claim,
    Entry,
    Figure,
    Link,
    Location,
    Organisation,
    Problem,
    Prose,
    PublishedList,
    Source,
    Statement,
    closest,
    folded,
    shown,
)
from .validation import field_name
from .yamlsource import LocatedDict, line_of

FIGURE_PLACEHOLDERS = frozenset({"count", "share"})

T = TypeVar("T")
Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Known:
    """The ids other files define, for the references of the file being read.

    A mapping is None when its file did not load: its mistake was reported
    there, and every reference to it stays quiet instead of repeating it.
    """

    organisations: Mapping[str, Organisation] | None
    sources: Mapping[str, Source] | None


@dataclass
class Reader:
    """One file's records being built, and the problems found on the way."""

    path: Path
    display: str
    data: LocatedDict
    known: Known
    problems: list[Problem] = field(default_factory=list)

    def at(self, line: int) -> Location:
        return Location(self.path, line, self.display)

    def problem(self, line: int, where: Where, message: str) -> None:
        self.problems.append(Problem(self.at(line), field_name(where) if where else "", message))

    def prose(self, item: LocatedDict, key: str) -> Prose | None:
        if key not in item:
            return None
        return Prose(" ".join(item[key].split()), self.at(item.key_lines[key]))

    def unique(self, records: Mapping[str, Any], item: LocatedDict, where: Where) -> bool:
        key = item["id"]
        if key in records:
            first = records[key].location.line
            self.problem(item.key_lines["id"], (*where, "id"), f"id '{key}' is already used at line {first}")
            return False
        return True

    def reference(self, where: Where, kind: str, known: Mapping[str, Any] | None) -> bool:
        """Report an id that ``known`` lacks; quiet when its file did not load."""
        value: Any = self.data
        for step in where:
            value = value[step]
        if known is None or value in known:
            return True
        hint = closest(value, known)
        self.problem(
            line_of(self.data, where),
            where,
            f"unknown {kind} '{value}'" + (f"; did you mean '{hint}'?" if hint else ""),
        )
        return False


def organisations(reader: Reader) -> dict[str, Organisation]:
    records: dict[str, Organisation] = {}
    owners: dict[str, Organisation] = {}
    for index, item in enumerate(reader.data["organisations"]):
        record = Organisation(
            id=item["id"],
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            website=item.get("website"),
            note=reader.prose(item, "note"),
            location=reader.at(item.line),
        )
        where = ("organisations", index)
        if reader.unique(records, item, where):
            records[record.id] = record
        spelled: list[tuple[Where, str]] = [((*where, "name"), record.name)]
        spelled += [((*where, "aliases", number), alias) for number, alias in enumerate(record.aliases)]
        for at, name in spelled:
            other = owners.setdefault(folded(name), record)
            if other.id != record.id:
                reader.problem(
                    line_of(reader.data, at),
                    at,
                    f"name {shown(name)} already belongs to organisation '{other.id}' "
                    f"(line {other.location.line}; names are compared ignoring capitals and how accents "
                    "are encoded): a printed name must identify one organisation",
                )
    return records


def sources(reader: Reader) -> dict[str, Source]:
    records: dict[str, Source] = {}
    for index, item in enumerate(reader.data["sources"]):
        record = Source(
            id=item["id"],
            publisher=_required(reader.prose(item, "publisher")),
            title=_required(reader.prose(item, "title")),
            reference_date=_date(item.get("reference_date")),
            act_date=_date(item.get("act_date")),
            publication_date=_date(item.get("publication_date")),
            consulted=_date(item.get("consulted")),
            read=item.get("read", True),
            unlinked=reader.prose(item, "unlinked"),
            numac=item.get("numac"),
            official_titles=dict(item.get("official_titles", {})),
            links=tuple(
                Link(link["format"], link["url"], link.get("page"), link.get("language"))
                for link in item.get("links", ())
            ),
            location=reader.at(item.line),
        )
        where: Where = ("sources", index)
        if reader.unique(records, item, where):
            records[record.id] = record
        if bool(record.links) == bool(record.unlinked):
            reader.problem(
                item.line,
                (*where, "links"),
                "give the source's links, or say in 'unlinked' why it has none; not both"
                if record.links
                else "a source needs links, or 'unlinked' saying why a reader cannot follow one",
            )
        web_page = any(link.format == "html" for link in record.links)
        dated = record.publication_date or record.reference_date or record.consulted
        if web_page and record.read and not dated:
            reader.problem(
                item.line,
                (*where, "consulted"),
                "a web page may change: give the date it was read ('consulted'), unless the "
                "source is dated ('publication_date', 'reference_date')",
            )
    return records


def statements(reader: Reader) -> dict[str, Statement]:
    records: dict[str, Statement] = {}
    sources = reader.known.sources
    for index, item in enumerate(reader.data["statements"]):
        record = Statement(
            id=item["id"],
            group=item["group"],
            text=_required(reader.prose(item, "text")),
            source=item["source"],
            wording=reader.prose(item, "wording"),
            official_wordings=dict(item.get("official_wordings", {})),
            dates={name: datetime.date.fromisoformat(value) for name, value in item.get("dates", {}).items()},
            location=reader.at(item.line),
        )
        where: Where = ("statements", index)
        if reader.unique(records, item, where):
            records[record.id] = record
        if reader.reference((*where, "source"), "source", sources) and sources:
            source = sources[record.source]
            if not source.read:
                reader.problem(
                    item.key_lines["source"],
                    (*where, "source"),
                    f"source '{source.id}' was not read for this site (read: false, "
                    f"{source.location}): a statement rests only on a source that was read",
                )
        if record.official_wordings and record.wording is None:
            reader.problem(
                item.key_lines["official_wordings"],
                (*where, "official_wordings"),
                "the French 'wording' is missing: official wordings are its versions in other languages",
            )
        problem = _statement_placeholder_problem(record)
        if problem:
            reader.problem(item.key_lines["text"], (*where, "text"), problem)
    return records


def figures(reader: Reader) -> dict[str, Figure]:
    records: dict[str, Figure] = {}
    for index, item in enumerate(reader.data["figures"]):
        record = Figure(
            id=item["id"],
            statement=_required(reader.prose(item, "statement")),
            count=item["count"],
            share=item.get("share"),
            source=item["source"],
            reference_date=_date(item.get("reference_date")),
            location=reader.at(item.line),
        )
        where: Where = ("figures", index)
        if reader.unique(records, item, where):
            records[record.id] = record
        reader.reference((*where, "source"), "source", reader.known.sources)
        problem = _placeholder_problem(record)
        if problem:
            reader.problem(item.key_lines["statement"], (*where, "statement"), problem)
    return records


def published_list(reader: Reader) -> dict[str, PublishedList]:
    data = reader.data
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
    reader.reference(("source",), "source", reader.known.sources)
    if claim:
        reader.reference(("claim", "source"), "source", reader.known.sources)
    _check_entries(reader, record.entries)
    return {record.id: record}


def _check_entries(reader: Reader, entries: tuple[Entry, ...]) -> None:
    known = reader.known.organisations
    seen: dict[str, Entry] = {}
    names_of = functools.cache(lambda organisation: frozenset(map(folded, organisation.names)))
    for index, entry in enumerate(entries):
        where: Where = ("entries", index)
        if not reader.reference((*where, "organisation"), "organisation", known):
            continue
        organisation = known.get(entry.organisation) if known else None
        if organisation and folded(entry.printed) not in names_of(organisation):
            reader.problem(
                line_of(reader.data, (*where, "printed")),
                (*where, "printed"),
                f"{shown(entry.printed)} is not a name of organisation '{organisation.id}' "
                f"({organisation.location}); add it to that organisation's aliases",
            )
        first = seen.setdefault(entry.organisation, entry)
        if first is not entry and not (first.remark and entry.remark):
            reader.problem(
                entry.location.line,
                where,
                f"organisation '{entry.organisation}' is already entry {first.position} "
                f"(line {first.location.line}); an organisation listed twice needs a remark "
                "on both entries saying why",
            )


def _required(value: T | None) -> T:
    """A field the schema requires; missing only when the schema was changed."""
    if value is None:
        raise KeyError("a required text")
    return value


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _fields(text: str, remedy: str, form: str) -> frozenset[str] | str:
    """The text's placeholder names, or what is wrong with its braces: ``remedy`` says
    which placeholders this kind of text has, ``form`` how one is written."""
    try:
        fields = placeholders.names(text)
    except ValueError as err:
        return f"braces do not match ({err}); {remedy}"
    written = placeholders.formatted(text)
    if written:
        return f"{written}: a placeholder is written {form}, nothing more"
    return fields


def _statement_placeholder_problem(statement: Statement) -> str | None:
    """The text's placeholders are exactly {wording} (with a wording) and the dates."""
    expected = set(statement.dates) | ({"wording"} if statement.wording else set())
    listed = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "none"
    fields = _fields(statement.text.text, f"the placeholders here are {listed}", "{name}")
    if isinstance(fields, str):
        return fields
    unknown = fields - expected
    if unknown:
        name = sorted(unknown)[0]
        where = "'wording'" if name == "wording" else f"'dates' ({name}: YYYY-MM-DD)"
        return f"placeholder {{{name}}} has no value: add it to {where}, or remove it"
    unused = expected - fields
    if unused:
        return f"{{{sorted(unused)[0]}}} is given a value but the text does not use it"
    return None


def _placeholder_problem(figure: Figure) -> str | None:
    fields = _fields(figure.statement.text, "write {count} and {share} for the numbers", "{count} or {share}")
    if isinstance(fields, str):
        return fields
    unknown = fields - FIGURE_PLACEHOLDERS
    if unknown:
        return f"unknown placeholder {{{sorted(unknown)[0]}}}; only {{count}} and {{share}} are filled in"
    if "count" not in fields:
        return "the sentence must contain {count}, where the number goes"
    if ("share" in fields) != (figure.share is not None):
        return "{share} and the 'share' field go together: give both or neither"
    return None
