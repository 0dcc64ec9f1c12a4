"""Reading built pages as a reader does: the main text, tables, sentences."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag


@dataclass(frozen=True)
class Site:
    """One built language of a site."""

    outdir: Path
    warnings: str

    def page(self, name: str) -> BeautifulSoup:
        """The parsed page, shared by the tests that read it: copy it before changing it."""
        path = self.outdir / f"{name}.html"
        return _parse(path, path.stat().st_mtime_ns)

    def main(self, name: str) -> Tag:
        """The page's main content: what the reader reads, without theme chrome."""
        page = self.page(name)
        article = page.find("article", attrs={"role": "main"}) or page.find("div", class_="body")
        assert isinstance(article, Tag), name
        return article


@functools.lru_cache(maxsize=512)
def _parse(path: Path, mtime_ns: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def found(value: object) -> Tag:
    """An element the page must have (BeautifulSoup's lookups may return None)."""
    assert isinstance(value, Tag), f"no such element: {value!r}"
    return value


def attribute(tag: Tag, name: str) -> str:
    value = tag.get(name)
    assert isinstance(value, str), (name, value)
    return value


def text(tag: Tag) -> str:
    """Text as read: ASCII whitespace folded, no-break spaces kept, pilcrows dropped."""
    return re.sub(r"[ \t\r\n]+", " ", tag.get_text("")).replace("¶", "").strip()


#: A number as the editions write it: digits, grouped by three after the first with a
#: narrow no-break space (French) or a dot (Dutch).
NUMBER = re.compile(r"\d+(?:[\u202f\u00a0.]\d{3})*")


def numbers(said: str, *leaving_out: str) -> list[str]:
    """The numbers a text states, once the parts known to hold digits of their own (a
    title, a date, names) are left out: a sentence's count, and nothing else."""
    for part in sorted(leaving_out, key=len, reverse=True):
        said = said.replace(part, " ")
    return NUMBER.findall(said)


def names(tag: Tag) -> list[str]:
    """The organisations a sentence or a cell names, in order."""
    return [text(name) for name in tag.select(".secsoc-org")]


def paragraphs(tag: Tag) -> list[str]:
    return [text(paragraph) for paragraph in tag.find_all("p")]


def list_table(main: Tag, list_id: str) -> Tag:
    table = main.find("table", class_=f"secsoc-list-{list_id}")
    assert isinstance(table, Tag), f"no table of list {list_id!r}"
    return table


@dataclass(frozen=True)
class Row:
    """One entry of a list table, as a reader sees it."""

    position: str
    printed: str
    organisation: str
    remark: str  # "" when the entry has none
    inferred: str
    #: (column, cell) for each status column: is the organisation on another list?
    statuses: tuple[tuple[str, str], ...] = ()


def headers(table: Tag) -> list[str]:
    return [text(header) for header in found(table.find("thead")).find_all("th")]


def entries(table: Tag) -> list[Row]:
    rows = []
    columns = headers(table)
    for row in found(table.find("tbody")).find_all("tr"):
        position, printed, organisation, *statuses = row.find_all("td")
        notes = {kind: organisation.select_one(f".secsoc-{kind}") for kind in ("remark", "inferred")}
        name = organisation.select_one(".secsoc-org")
        assert name is not None
        rows.append(
            Row(
                text(position),
                text(printed),
                text(name),
                text(notes["remark"]) if notes["remark"] else "",
                text(notes["inferred"]) if notes["inferred"] else "",
                tuple(zip(columns[3:], map(text, statuses), strict=True)),
            )
        )
    return rows


def caption(table: Tag) -> str:
    return text(found(table.find("caption")))


def comparison(main: Tag) -> list[str]:
    return paragraphs(found(main.find(class_="secsoc-comparison")))
