"""``make import-list FILE=...``: a draft list file from the Moniteur belge's publication.

Reads the list as published, the HTML page saved from the website or its text
copied from the PDF or the page, and writes ``data/lists/<series>-YYYY-MM-DD.yaml``
with the entries in published order, each name exactly as printed (lines joined,
PDF hyphenation undone), remarks kept, and each printed name matched to an
organisation:

1. a name or alias of exactly one organisation: matched; if an earlier list gave
   the same printed name an inferred match, its reason comes along;
2. the same after folding case, accents, punctuation and legal-form words
   ("ASBL", "Secrétariat social", "Sociaal secretariaat"...): matched, and the
   printed name must become an alias (the command says which);
3. the closest name by rapidfuzz above a threshold: written as ``inferred:`` with
   the score, for a human to confirm;
4. otherwise left for the maintainer (``organisation: ?``) with the best
   candidates: nothing is guessed and no organisation is created.

It never overwrites a file, prints the source entry to add, and says whether the
draft passes the build's checks, and if not why.
"""

from __future__ import annotations

import argparse
import html.parser
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from ..data.loader import load_dataset
from ..data.model import Dataset, display_path

THRESHOLD = 85  # rapidfuzz score (0-100) from which a name is proposed as an inferred match
_LEGAL_WORDS = re.compile(
    r"\b(asbl|vzw|secretariat social( agree)?( d employeurs)?|sociaal secretariaat|agree|erkend)\b"
)
_NUMBERED = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s+(\S.*)$")
_REMARK = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_DATE = re.compile(r"(?:à la date du|op datum van)\s+(\d{2})/(\d{2})/(\d{4})", re.IGNORECASE)
_NUMAC = re.compile(r"numac[=\s:]*(\d{10})", re.IGNORECASE)


class ImportError_(Exception):
    """Input the command cannot read as a published list: nothing is written."""


@dataclass
class Entry:
    printed: str
    remark: str | None = None
    organisation: str | None = None
    inferred: str | None = None
    candidates: list[tuple[str, float]] = field(default_factory=list)
    new_alias: bool = False


@dataclass
class Publication:
    reference_date: str  # YYYY-MM-DD
    numac: str | None
    entries: list[Entry]


class _Text(html.parser.HTMLParser):
    """The text of an HTML page, one line per line break or block."""

    BLOCKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "table"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", " "))


def text_of(raw: str) -> str:
    """The publication's text: an HTML page's text, or the text as given."""
    if re.search(r"<(html|body|p|br|table)\b", raw, re.IGNORECASE):
        parser = _Text()
        parser.feed(raw)
        return "".join(parser.parts)
    return raw


def parse(raw: str) -> Publication:
    text = text_of(raw)
    if not text.strip():
        raise ImportError_("the file is empty")
    date = _DATE.search(text)
    if not date:
        raise ImportError_(
            "no 'à la date du DD/MM/YYYY' in the title: is this the Moniteur belge's list "
            "of approved social secretariats?"
        )
    day, month, year = date.groups()
    numac = _NUMAC.search(text)
    lines = [line.strip() for line in text[date.end() :].splitlines()]
    entries: list[list[str]] = []
    expected, open_entry = 1, False
    for line in lines:
        numbered = _NUMBERED.match(line)
        if numbered and int(numbered.group(1)) == expected:
            entries.append([numbered.group(2)])
            expected, open_entry = expected + 1, True
        elif open_entry and line:
            entries[-1].append(line)  # a name broken over two lines
        else:
            open_entry = False  # a blank line ends an entry: what follows is not a name
    if not entries:
        raise ImportError_("no numbered entries (1., 2., ...) after the title: nothing to import")
    return Publication(
        f"{year}-{month}-{day}", numac.group(1) if numac else None, [_entry(parts) for parts in entries]
    )


def _entry(parts: list[str]) -> Entry:
    joined = ""
    for part in parts:
        if joined.endswith("-") and part[:1].islower():
            joined = joined[:-1] + part  # PDF hyphenation: "Secré-" + "tariat"
        else:
            joined = f"{joined} {part}" if joined else part
    joined = " ".join(joined.split())
    remark = _REMARK.match(joined)
    if remark:
        return Entry(remark.group(1), remark.group(2))
    return Entry(joined)


def fold(name: str) -> str:
    """A name without case, accents, punctuation or legal-form words."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = re.sub(r"[^\w]+", " ", plain)
    return " ".join(_LEGAL_WORDS.sub(" ", plain).split())


def match(publication: Publication, dataset: Dataset) -> None:
    """Give each entry its organisation, as well as can be told without a human."""
    exact: dict[str, str] = {}
    folded: dict[str, set[str]] = {}
    for organisation in dataset.organisations.values():
        for name in organisation.names:
            exact[name] = organisation.id
            folded.setdefault(fold(name), set()).add(organisation.id)
    reasons = {
        entry.printed: entry.inferred.text
        for published in dataset.lists.values()
        for entry in published.entries
        if entry.inferred
    }
    choices = {key: ids for key, ids in folded.items() if key and len(ids) == 1}
    for entry in publication.entries:
        if entry.printed in exact:
            entry.organisation = exact[entry.printed]
            entry.inferred = reasons.get(entry.printed)
            continue
        ids = folded.get(fold(entry.printed), set())
        if len(ids) == 1:
            entry.organisation, entry.new_alias = next(iter(ids)), True
            continue
        found = process.extract(fold(entry.printed), list(choices), scorer=fuzz.token_set_ratio, limit=3)
        entry.candidates = [(next(iter(choices[key])), score) for key, score, _ in found]
        if found and found[0][1] >= THRESHOLD:
            best = entry.candidates[0]
            entry.organisation, entry.new_alias = best[0], True
            name = dataset.organisations[best[0]].name
            entry.inferred = (
                f"Correspondance proposée par l'import (score {best[1]:.0f} avec {name}), à confirmer."
            )


def draft(publication: Publication, previous: dict[str, object], series: str) -> dict[str, object]:
    entries = []
    for entry in publication.entries:
        item: dict[str, object] = {"printed": entry.printed, "organisation": entry.organisation or "?"}
        if entry.remark:
            item["remark"] = entry.remark
        if entry.inferred:
            item["inferred"] = entry.inferred
        entries.append(item)
    return {
        "title": previous.get("title", "Secrétariats sociaux agréés d'employeurs selon le Moniteur belge"),
        "label": previous.get("label", "Moniteur belge"),
        "source": f"{series}-{publication.reference_date}",
        "entries": entries,
    }


def run(source: Path, data_dir: Path, project_root: Path, series: str = "moniteur") -> int:
    """The command: 0 when the draft passes the build's checks, 1 when it needs work, 2 on bad input."""
    try:
        publication = parse(source.read_text("utf-8", errors="replace"))
    except (ImportError_, OSError) as err:
        print(f"{source}: {err}; nothing written.", file=sys.stderr)
        return 2
    dataset, _ = load_dataset(data_dir, project_root)
    match(publication, dataset)
    list_id = f"{series}-{publication.reference_date}"
    target = data_dir / "lists" / f"{list_id}.yaml"
    if target.exists():
        print(f"{target} already exists: nothing written (remove it to import again).", file=sys.stderr)
        return 2
    latest = dataset.latest(series)
    previous = yaml.safe_load((data_dir / "lists" / f"{latest}.yaml").read_text("utf-8")) if latest else {}
    header = (
        "# yaml-language-server: $schema=../schema/list.schema.json\n"
        "# Draft written by make import-list: check every entry, and every inferred match.\n"
    )
    body = yaml.safe_dump(
        draft(publication, previous, series), allow_unicode=True, sort_keys=False, width=100
    )
    target.write_text(header + body, "utf-8")
    print(f"wrote {display_path(target, project_root)}: {len(publication.entries)} entries")
    for number, entry in enumerate(publication.entries, 1):
        if entry.organisation is None:
            proposals = ", ".join(f"{org} ({score:.0f})" for org, score in entry.candidates) or "none"
            print(f"  entry {number} {entry.printed!r}: unknown organisation; closest: {proposals}")
        elif entry.new_alias:
            print(f"  entry {number} {entry.printed!r}: add it to the aliases of '{entry.organisation}'")
        if entry.inferred:
            match_ = f"inferred match to '{entry.organisation}'"
            print(f"  entry {number} {entry.printed!r}: {match_}: {entry.inferred}")
    print("\nAdd the source to data/sources.yaml (complete the links):\n")
    source_entry = {
        "id": list_id,
        "publisher": "Moniteur belge",
        "title": "Liste des secrétariats sociaux agréés d'employeurs et de leurs succursales",
        "reference_date": publication.reference_date,
        **({"numac": publication.numac} if publication.numac else {}),
    }
    print(yaml.safe_dump([source_entry], allow_unicode=True, sort_keys=False))
    _, problems = load_dataset(data_dir, project_root)
    own = [problem for problem in problems if problem.location.path == target]
    if own:
        print("The draft does not pass the build's checks yet:")
        for problem in own:
            print(f"  {problem}")
        return 1
    print("The draft passes the build's checks.")
    return 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m secsoc.tools.importer", description=__doc__.splitlines()[0]
    )
    parser.add_argument("file", type=Path, help="the list as published: a saved HTML page or its text")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data directory (default: data)")
    parser.add_argument("--series", default="moniteur", help="the list's series, its id's prefix")
    args = parser.parse_args(argv)
    sys.exit(run(args.file, args.data, Path.cwd(), args.series))


if __name__ == "__main__":
    main()
