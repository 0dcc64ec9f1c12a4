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

A file saved in another encoding than UTF-8 is read in the charset its page
declares, or else as Windows-1252, and the command says so; a character lost
before the file was saved (U+FFFD) is refused at its entry. A trailing bracket
is taken as a remark, and the command says so at the entry, unless the name with
its bracket is a known name. A data file that does not load is named with its
own errors: without the organisations nothing is matched, and nothing is
written; without a list, the draft is made with the lists that loaded.

It never overwrites a file (nor writes through a link), prints the source entry
to add, and says whether the draft passes the build's checks, and if not why,
each message at its entry: number and printed name.
"""

from __future__ import annotations

import argparse
import codecs
import html.parser
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from ..data.files import LIST_ID, LISTS, MAX_ID_LENGTH, ORGANISATIONS
from ..data.loader import load_dataset
from ..data.model import Dataset, Problem, display_path

THRESHOLD = 85  # rapidfuzz score (0-100) from which a name is proposed as an inferred match
_LEGAL_WORDS = re.compile(
    r"\b(asbl|vzw|secretariat social( agree)?( d employeurs)?|sociaal secretariaat|agree|erkend)\b"
)
_NUMBERED = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s+(\S.*)$")
_REMARK = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_DATE = re.compile(r"(?:à la date du|op datum van)\s+(\d{2})/(\d{2})/(\d{4})", re.IGNORECASE)
_NUMAC = re.compile(r"numac[=\s:]*(\d{10})", re.IGNORECASE)
#: What a page saved from the Moniteur belge's website carries besides the list: the
#: publication's date in its addresses (pub_date=2021-12-15) and the PDF issue, with
#: the page where the list starts (mopdf/2021/12/15_1.pdf#Page413).
_PUB_DATE = re.compile(r"pub_date=(\d{4}-\d{2}-\d{2})")
_PDF = re.compile(r"https?://www\.ejustice\.just\.fgov\.be/mopdf/\d{4}/\d{2}/\d{2}_\d+\.pdf#Page(\d+)")
#: The HTML page of a publication, in each language of the Moniteur belge.
ARTICLE_URL = (
    "https://www.ejustice.just.fgov.be/cgi/article_body.pl"
    "?numac={numac}&caller=list&pub_date={date}&language={language}"
)
_HTML = re.compile(r"<(html|body|p|br|table)\b", re.IGNORECASE)
_DECLARED = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([-\w.:]+)|<\?xml\b[^>]*?\bencoding\s*=\s*["']([-\w.:]+)""",
    re.IGNORECASE,
)
#: What browsers read as Windows-1252 (the WHATWG Encoding Standard): a page declared
#: ISO-8859-1 or ASCII is Windows-1252, whose letters Python's latin-1 reads as controls.
_WINDOWS_1252 = frozenset({"cp1252", "iso8859-1", "ascii"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_LOST = "\N{REPLACEMENT CHARACTER}"
_ENTRY_FIELD = re.compile(r"entries\[(\d+)\]")
DEFAULT_TITLE = "Secrétariats sociaux agréés d'employeurs selon le Moniteur belge"
DEFAULT_LABEL = "Moniteur belge"


class ImportError_(Exception):
    """Input the command cannot read as a published list: nothing is written."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


@dataclass
class Entry:
    printed: str
    remark: str | None = None
    whole: str = ""  # the text as printed, a trailing bracket included
    organisation: str | None = None
    inferred: str | None = None
    candidates: list[tuple[str, float]] = field(default_factory=list)
    new_alias: bool = False


@dataclass
class Publication:
    reference_date: str  # YYYY-MM-DD
    numac: str | None
    entries: list[Entry]
    publication_date: str | None = None  # YYYY-MM-DD, when the saved page gives it
    pdf: tuple[str, int] | None = None  # the PDF issue's address and the list's page

    def source(self, list_id: str) -> dict[str, object]:
        """The entry of data/sources.yaml, with what the page gives: its links per
        language once the NUMAC and the publication's date are known, the PDF's page."""
        entry: dict[str, object] = {
            "id": list_id,
            "publisher": "Moniteur belge",
            "title": "Liste des secrétariats sociaux agréés d'employeurs et de leurs succursales",
            "reference_date": self.reference_date,
        }
        if self.publication_date:
            entry["publication_date"] = self.publication_date
        if self.numac:
            entry["numac"] = self.numac
        links: list[dict[str, object]] = []
        if self.numac and self.publication_date:
            for language in ("fr", "nl"):
                url = ARTICLE_URL.format(numac=self.numac, date=self.publication_date, language=language)
                links.append({"format": "html", "language": language, "url": url})
        if self.pdf:
            links.append({"format": "pdf", "url": self.pdf[0], "page": self.pdf[1]})
        if links:
            entry["links"] = links
        return entry


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


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _declared(raw: bytes) -> str | None:
    """The charset an HTML page declares (``<meta charset>``, ``http-equiv``, XML), if any."""
    if not _HTML.search(raw.decode("latin-1")):
        return None
    found = _DECLARED.search(raw)
    return (found.group(1) or found.group(2)).decode("ascii") if found else None


def _codec(label: str) -> str | None:
    """Python's codec for a declared charset, as a browser reads it; None if unknown."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252 else name


def decode(raw: bytes) -> tuple[str, str | None]:
    """The file's text, and, when it was not read as UTF-8, in what and why.

    UTF-8 first (a byte order mark says which Unicode encoding), since bytes that are
    valid UTF-8 are UTF-8 whatever the page declares (a browser re-encodes a page it
    saves); then the charset the page declares; then Windows-1252, in which the
    Moniteur belge's pages were long served. Nothing is replaced: bytes that none of
    these reads are refused."""
    for bom, unicode, name in _BOMS:
        if raw.startswith(bom):
            try:
                marked = raw[len(bom) :].decode(unicode)
            except UnicodeDecodeError as err:
                line = _line_of(raw, err.start + len(bom))
                raise ImportError_(
                    f"the file starts with a {name} byte order mark but is not {name} (line {line})"
                ) from None
            return marked, None if unicode == "utf-8" else f"read as {name} (its byte order mark says so)"
    declared = _declared(raw)
    codec = _codec(declared) if declared else None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = _line_of(raw, err.start)
    else:
        if declared and codec != "utf-8" and not raw.isascii():
            return text, f"read as UTF-8, not {declared} as the page declares: its bytes are UTF-8"
        return text, None
    why = f"it is not valid UTF-8 (line {line})"
    if declared and codec is None:
        why += f", and its declared charset {declared!r} is unknown"
    elif declared and codec and not codec.startswith("utf"):
        shown = "Windows-1252" if codec == "cp1252" else declared
        try:
            return raw.decode(codec), f"read as {shown}, the charset the page declares ({declared})"
        except UnicodeDecodeError as err:
            why += f", nor {declared} as the page declares (line {_line_of(raw, err.start)})"
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as err:
        raise ImportError_(
            f"the file is neither UTF-8 nor Windows-1252 (line {_line_of(raw, err.start)} has a byte "
            "that is neither): save the page again from the website, or copy its text into a file "
            "saved as UTF-8"
        ) from None
    return text, f"read as Windows-1252: {why}; check the accented letters of the draft"


def read_publication(source: Path) -> tuple[str, str | None]:
    """The text of the file as saved (see :func:`decode`)."""
    return decode(source.read_bytes())


def text_of(raw: str) -> str:
    """The publication's text: an HTML page's text, or the text as given."""
    if _HTML.search(raw):
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
    published = [_entry(parts) for parts in entries]
    lost = [
        f"entry {number} {entry.whole!r}" for number, entry in enumerate(published, 1) if _LOST in entry.whole
    ]
    if lost:
        raise ImportError_(
            f"a character was lost before the file was saved ({_LOST!r}, U+FFFD, stands in its place): "
            "save the page again from the website, or copy its text again",
            lost,
        )
    published_on = _PUB_DATE.search(raw)
    pdf = _PDF.search(raw)
    return Publication(
        f"{year}-{month}-{day}",
        numac.group(1) if numac else None,
        published,
        publication_date=published_on.group(1) if published_on else None,
        pdf=(pdf.group(0), int(pdf.group(1))) if pdf else None,
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
    if remark and remark.group(1):
        return Entry(remark.group(1), remark.group(2), joined)
    return Entry(joined, whole=joined)


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
        whole = fold(entry.whole)
        if entry.remark and (
            entry.whole in exact or (entry.printed not in exact and whole and len(folded.get(whole, ())) == 1)
        ):
            entry.printed, entry.remark = entry.whole, None  # "SD Worx (Belgium)": the bracket is the name's
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


def draft(publication: Publication, previous: Mapping[str, object], series: str) -> dict[str, object]:
    entries = []
    for entry in publication.entries:
        item: dict[str, object] = {"printed": entry.printed, "organisation": entry.organisation or "?"}
        if entry.remark:
            item["remark"] = entry.remark
        if entry.inferred:
            item["inferred"] = entry.inferred
        entries.append(item)
    return {
        "title": previous.get("title", DEFAULT_TITLE),
        "label": previous.get("label", DEFAULT_LABEL),
        "source": f"{series}-{publication.reference_date}",
        "entries": entries,
    }


def _fail(message: str, details: list[str] | None = None) -> int:
    """Say why nothing was written; the command's status for bad input."""
    print(message, file=sys.stderr)
    for line in details or []:
        print(f"  {line}", file=sys.stderr)
    return 2


def _series_lists(ids: Iterable[str], series: str) -> list[str]:
    """The ids of a series' lists, oldest first (as :meth:`Dataset.latest` tells them)."""
    pattern = re.compile(rf"{re.escape(series)}-\d{{4}}-\d{{2}}-\d{{2}}")
    return sorted(found for found in ids if pattern.fullmatch(found))


def _previous(
    dataset: Dataset, series: str, data_dir: Path, project_root: Path
) -> tuple[dict[str, object], str | None]:
    """The title and label of the newest list of the series that loaded, and, when the
    newest list of all did not, the sentence that says what the draft did without it."""
    newest = dataset.latest(series)
    loaded = _series_lists(dataset.lists, series)
    previous: dict[str, object] = {}
    if loaded:
        published = dataset.lists[loaded[-1]]
        previous = {"title": published.title.text, "label": published.label.text}
    if newest is None or newest in dataset.lists:
        return previous, None
    shown = display_path(data_dir / LISTS / f"{newest}.yaml", project_root)
    instead = f"from {loaded[-1]}" if loaded else "as usual (no list of the series loaded)"
    return previous, (
        f"As the newest {series} list, {shown}, does not load (see above), the draft's title and label "
        f"are {instead}, and inferred reasons come from the lists that loaded: check them."
    )


def _located(problem: Problem, publication: Publication) -> str:
    """A problem of the draft, at its entry (number and printed name) when it is one's."""
    found = _ENTRY_FIELD.match(problem.field)
    if found and int(found.group(1)) < len(publication.entries):
        number = int(found.group(1)) + 1
        entry = publication.entries[number - 1]
        if entry.organisation is None and problem.field.endswith(".organisation"):
            # the draft's '?': no schema wording, but what to do
            return (
                f"entry {number} {entry.printed!r} ({problem.location}): {problem.field}: "
                "no organisation yet; give the id "
                "of a known one (see the closest above), or add a new organisation to "
                "data/organisations.yaml and put its id here"
            )
        return f"entry {number} {entry.printed!r} ({problem.location}): {problem.text}"
    return str(problem)


def _write_new(target: Path, content: str) -> str | None:
    """Write a file that does not exist, never over one nor through a link; why not, if not."""
    try:
        target.parent.mkdir(exist_ok=True)
        stream = target.open("x", encoding="utf-8")  # O_EXCL: fails on any file or link there
    except FileExistsError:
        return "already exists"
    except OSError as err:
        return f"cannot be written ({err.strerror or err})"
    try:
        with stream:
            stream.write(content)
    except OSError as err:
        target.unlink(missing_ok=True)
        return f"cannot be written ({err.strerror or err})"
    return None


def run(source: Path, data_dir: Path, project_root: Path, series: str = "moniteur") -> int:
    """The command: 0 when the draft and the data pass the build's checks, 1 when they need
    work, 2 when nothing was written (bad input, an existing list, no organisations)."""
    if not LIST_ID.fullmatch(series):
        return _fail(
            f"{series!r} is not a valid series: a list's id, its file name, is <series>-YYYY-MM-DD, "
            "in lower-case letters, digits and hyphens; nothing written."
        )
    try:
        text, encoding = read_publication(source)
        if encoding:
            print(f"{source}: {encoding}.")
        publication = parse(text)
    except ImportError_ as err:
        return _fail(f"{source}: {err}; nothing written.", err.details)
    except OSError as err:
        return _fail(f"{source}: {err.strerror or err}; nothing written.")
    list_id = f"{series}-{publication.reference_date}"
    if len(list_id) > MAX_ID_LENGTH:
        return _fail(f"the list's id {list_id!r} is longer than {MAX_ID_LENGTH} characters; nothing written.")
    target = data_dir / LISTS / f"{list_id}.yaml"
    shown = display_path(target, project_root)
    if target.exists() or target.is_symlink():
        return _fail(f"{shown} already exists: nothing written (remove it to import again).")
    dataset, problems = load_dataset(data_dir, project_root)
    organisations = data_dir / ORGANISATIONS.relative
    if organisations in dataset.broken:
        own = [problem for problem in problems if problem.location.path == organisations] or problems
        return _fail(
            f"{display_path(organisations, project_root)} does not load, and nothing can be matched "
            "without the organisations: fix these mistakes and run the command again; nothing written.",
            [str(problem) for problem in own],
        )
    if problems:
        print("The data does not pass the build's checks: the draft is made with what loaded.")
        for problem in problems:
            print(f"  {problem}")
    previous, without = _previous(dataset, series, data_dir, project_root)
    if without:
        print(without)
    match(publication, dataset)
    header = (
        "# yaml-language-server: $schema=../schema/list.schema.json\n"
        "# Draft written by make import-list: check every entry, and every inferred match.\n"
    )
    body = yaml.safe_dump(
        draft(publication, previous, series), allow_unicode=True, sort_keys=False, width=100
    )
    failed = _write_new(target, header + body)
    if failed == "already exists":
        return _fail(f"{shown} already exists: nothing written (remove it to import again).")
    if failed:
        return _fail(f"{shown} {failed}: nothing written.")
    print(f"wrote {shown}: {len(publication.entries)} entries")
    for number, entry in enumerate(publication.entries, 1):
        at = f"  entry {number} {entry.printed!r}"
        if entry.remark:
            print(f"{at}: '({entry.remark})' taken as a remark; if it is part of the name, move it back")
        if entry.organisation is None:
            proposals = ", ".join(f"{org} ({score:.0f})" for org, score in entry.candidates) or "none"
            print(f"{at}: unknown organisation; closest: {proposals}")
        elif entry.new_alias:
            print(f"{at}: add it to the aliases of '{entry.organisation}'")
        if entry.inferred:
            print(f"{at}: inferred match to '{entry.organisation}': {entry.inferred}")
    source_entry = publication.source(list_id)
    missing = [name for name in ("publication_date", "numac", "links") if name not in source_entry]
    if missing:
        print(
            "\nAdd the source to data/sources.yaml; the page does not give "
            + ", ".join(missing)
            + ": copy them from the publication's page on www.ejustice.just.fgov.be:\n"
        )
    else:
        print("\nAdd the source to data/sources.yaml (check the PDF's page):\n")
    print(yaml.safe_dump([source_entry], allow_unicode=True, sort_keys=False, width=200))
    _, after = load_dataset(data_dir, project_root)
    own = [problem for problem in after if problem.location.path == target]
    others = [problem for problem in after if problem.location.path != target]
    new = [problem for problem in others if problem not in problems]
    if own:
        print("The draft does not pass the build's checks yet:")
        for problem in own:
            print(f"  {_located(problem, publication)}")
    if new:
        print("Other data files do not pass the build's checks:")
        for problem in new:
            print(f"  {problem}")
    if own:
        if others and not new:
            print("Other data files do not pass them either (see above).")
        return 1
    if others:
        print(
            "The draft passes the build's checks, but other data files do not (see above): "
            "make html fails until they are fixed."
        )
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
