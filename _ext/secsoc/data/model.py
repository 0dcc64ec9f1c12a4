"""The validated data as frozen records: what the directives are allowed to see.

Every record keeps where it came from, so that a later check (an unknown
organisation, a translation with a bad placeholder) can still point the
maintainer at the right line, and so that translators see ``#: data/...:N``.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .files import DataFile, Kind

#: A list's id: its series and the date it describes ("moniteur-2021-11-05").
DATED_ID = re.compile(r"(?P<series>.+)-(?P<date>\d{4}-\d{2}-\d{2})")


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known name a mistyped one most likely stands for, if any is close: the
    "did you mean" of every message about an unknown field, id or list."""
    found = difflib.get_close_matches(value, list(known), n=1)
    return found[0] if found else None


def folded(name: str) -> str:
    """A name as compared: Unicode-normalised (NFC) and case-folded, so that a copy
    typed with decomposed accents or in capitals is the same name."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def name_order(name: str) -> tuple[str, str]:
    """Alphabetical order as a reader expects it, accents and capitals aside
    ("Sécurex" between "SD" and "Sodalis"), the name itself breaking ties."""
    letters = unicodedata.normalize("NFKD", name)
    return "".join(char for char in letters if not unicodedata.combining(char)).casefold(), name


def shown(text: str) -> str:
    """Text quoted in a message, with what a reader cannot see written out: combining
    marks, format and control characters and unusual spaces as ``\\uXXXX``, so that
    two names that look alike are seen to differ."""
    visible = "".join(
        f"\\u{ord(char):04x}"
        if unicodedata.category(char) in ("Mn", "Cf", "Cc", "Zl", "Zp") or (char.isspace() and char != " ")
        else char
        for char in text
    )
    return repr(visible).replace("\\\\u", "\\u")


def is_web_address(url: str) -> bool:
    """The one check of every address that reaches a link: ``http`` or ``https``, a
    host, no spaces (the schemas' url pattern says the same for the data)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in url)


def display_path(path: Path, root: Path) -> str:
    """A path as maintainers type it: relative to the project when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


#: The language of the data's prose and of the titles the sources give.
SOURCE_LANGUAGE = "fr"


@dataclass(frozen=True, slots=True)
class Location:
    path: Path
    line: int
    display: str  # the path as shown to maintainers, relative to the project

    def __str__(self) -> str:
        return f"{self.display}:{self.line}"


@dataclass(frozen=True, slots=True)
class Prose:
    """French text from a data file that readers see and translators translate."""

    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    website: str | None
    note: Prose | None
    location: Location

    @property
    def names(self) -> frozenset[str]:
        return frozenset((self.name, *self.aliases))


@dataclass(frozen=True, slots=True)
class Link:
    format: str  # "html" or "pdf"
    url: str
    page: int | None
    language: str | None = None  # the page's language; None for one in every language


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    publisher: Prose
    title: Prose  # as published, in French; its translation is only a gloss
    official_titles: Mapping[str, str]  # language -> the title the publisher gives, verbatim
    act_date: datetime.date | None  # an act's own date, cited after its title
    reference_date: datetime.date | None
    publication_date: datetime.date | None
    consulted: datetime.date | None
    read: bool  # False: linked for readers, never read for this site, so no statement rests on it
    unlinked: Prose | None  # why there is no link
    numac: str | None
    links: tuple[Link, ...]
    location: Location


@dataclass(frozen=True, slots=True)
class Entry:
    position: int  # 1-based, in published order
    printed: str
    organisation: str
    remark: Prose | None
    inferred: Prose | None
    location: Location


@dataclass(frozen=True, slots=True)
class Claim:
    """A publisher's statement that all of another list but ``exceptions`` are here."""

    quote: Prose
    exceptions: int
    source: str
    location: Location


@dataclass(frozen=True, slots=True)
class PublishedList:
    id: str
    title: Prose
    label: Prose
    source: str
    claim: Claim | None
    entries: tuple[Entry, ...]
    location: Location

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        """Distinct organisations in order of first appearance."""
        return tuple(dict.fromkeys(entry.organisation for entry in self.entries))

    @property
    def series(self) -> str | None:
        """The series of a dated id ("moniteur-2021-11-05" -> "moniteur"): its editions
        over the years, of which pages show the newest."""
        found = DATED_ID.fullmatch(self.id)
        return found["series"] if found else None

    @property
    def date(self) -> datetime.date | None:
        """The date in a dated id: the day the list describes."""
        found = DATED_ID.fullmatch(self.id)
        try:
            return datetime.date.fromisoformat(found["date"]) if found else None
        except ValueError:  # "2021-02-30"
            return None

    def positions(self, organisation_id: str) -> tuple[int, ...]:
        """Where the list names an organisation (an organisation may be listed twice)."""
        return tuple(entry.position for entry in self.entries if entry.organisation == organisation_id)


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    statement: Prose
    count: int
    share: float | None
    source: str
    reference_date: datetime.date | None
    location: Location


@dataclass(frozen=True, slots=True)
class Statement:
    """A fact as a source says it, in our words, with the source's own words quoted
    where they matter (``{wording}``): the site's prose that is not computed."""

    id: str
    group: str
    text: Prose
    source: str
    wording: Prose | None  # the source's words, in French, verbatim
    official_wordings: Mapping[str, str]  # language -> the same words as the source gives them
    dates: Mapping[str, datetime.date]
    location: Location


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the data, where it is and which field it concerns."""

    location: Location
    field: str
    message: str

    @property
    def text(self) -> str:
        """The message as a maintainer reads it after the location: "field: what is wrong"."""
        return f"{self.field}: {self.message}" if self.field else self.message

    def __str__(self) -> str:
        return f"{self.location}: {self.text}"


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything that loaded cleanly, plus which files did not.

    ``broken`` holds the files that had a problem: whatever depends on them is
    left out quietly, since the problem itself was already reported once.
    """

    organisations: Mapping[str, Organisation]
    sources: Mapping[str, Source]
    lists: Mapping[str, PublishedList]
    figures: Mapping[str, Figure]
    statements: Mapping[str, Statement]
    files: Mapping[DataFile, Path]  # every file looked for, loaded or not
    broken: frozenset[Path] = field(default_factory=frozenset)
    #: Changes when anything the dataset was read from changes (content, schemas, code).
    digest: str = ""

    def is_broken(self, file: DataFile) -> bool:
        return self.files.get(file) in self.broken

    def latest(self, series: str) -> str | None:
        """The newest list of a series ("moniteur" -> "moniteur-2022-11-05"), by the date
        in its id; broken files count, so that a mistake in the newest list never
        shows last year's instead."""
        pattern = re.compile(rf"{re.escape(series)}-\d{{4}}-\d{{2}}-\d{{2}}")
        ids = [file.list_id for file in self.files if file.kind is Kind.LIST]
        return max((found for found in ids if pattern.fullmatch(found)), default=None)

    def organisations_by_name(self) -> list[Organisation]:
        return sorted(self.organisations.values(), key=lambda found: name_order(found.name))

    def statements_in(self, group: str) -> list[Statement]:
        return [found for found in self.statements.values() if found.group == group]

    def newest_lists(self) -> list[PublishedList]:
        """The newest loaded list of each series, by series name: what an organisation's
        status (listed, member) is read from.  A series whose newest file is broken
        has none, rather than last year's."""
        series = sorted({found.series for found in self.lists.values() if found.series})
        newest = [self.lists.get(self.latest(name) or "") for name in series]
        return [found for found in newest if found is not None]

    def prose(self, editions: Collection[str] = ()) -> list[tuple[Prose, tuple[str, ...]]]:
        """Every translatable text, in file order: the content of the 'data' catalog;
        each with the editions of ``editions`` that show it as a gloss only because the
        source gives no official version in their language (none: every edition)."""
        texts: list[tuple[Prose, tuple[str, ...]]] = []

        def add(*found: Prose | None) -> None:
            texts.extend((text, ()) for text in found if text)

        def gloss(text: Prose | None, official: Mapping[str, str]) -> None:
            # quoted as the source words it; glossed where it gives no version of its own
            lacking = tuple(language for language in editions if language not in official)
            if text and (lacking or not official):
                texts.append((text, () if not official else lacking))

        for organisation in self.organisations.values():
            add(organisation.note)
        for source in self.sources.values():
            add(source.publisher)
            gloss(source.title, source.official_titles)
            add(source.unlinked)
        for published in self.lists.values():
            add(published.title, published.label, published.claim.quote if published.claim else None)
            for entry in published.entries:
                add(entry.remark, entry.inferred)
        add(*(figure.statement for figure in self.figures.values()))
        for statement in self.statements.values():
            add(statement.text)
            gloss(statement.wording, statement.official_wordings)
        return texts


def _pickled_as_arguments(*classes: type) -> None:
    """Records are kept between builds in Sphinx's pickled environment (the loader's
    cache): pickled as their constructor's arguments, they load about three times as
    fast as through the generic ``__setstate__`` of frozen dataclasses with slots."""
    for cls in classes:
        names = tuple(item.name for item in fields(cls))

        def reduce(self: Any, names: tuple[str, ...] = names) -> tuple[Any, ...]:
            return (type(self), tuple(getattr(self, name) for name in names))

        cls.__reduce__ = reduce  # type: ignore[method-assign,assignment]


_pickled_as_arguments(
    Location, Prose, Organisation, Link, Source, Entry, Claim, PublishedList, Figure, Statement, Problem
)
