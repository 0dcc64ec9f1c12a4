"""Building the site as ``make html`` does, and reading what a reader sees."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str  # stdout and stderr: the warnings are on stderr
    warnings: str
    outdir: Path

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / f"{name}.html").read_text("utf-8"), "html.parser")

    def main(self, name: str) -> Tag:
        """The page's main content: what the reader reads, without theme chrome."""
        article = self.page(name).find("article", attrs={"role": "main"})
        assert isinstance(article, Tag)
        return article


def sphinx_build(
    project: Path,
    out: Path,
    *,
    language: str = "fr",
    builder: str = "html",
    options: tuple[str, ...] = ("-W", "--keep-going"),
    env: dict[str, str] | None = None,
) -> Build:
    """One ``python -m sphinx`` run, with the arguments the Makefile uses."""
    outdir = out / builder / language
    command = [
        sys.executable,
        "-m",
        "sphinx",
        *options,
        "-c",
        str(project),
        "-b",
        builder,
        "-d",
        str(out / "doctrees" / language),
        "-D",
        f"language={language}",
        str(project / "docs"),
        str(outdir),
    ]
    run = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return Build(run.returncode, run.stdout + run.stderr, run.stderr, outdir)


def table_rows(main: Tag, caption_start: str) -> list[list[str]]:
    """The body rows of the table whose caption starts with ``caption_start``, as cell texts."""
    for table in main.find_all("table"):
        caption = table.find("caption")
        if caption and text(caption).startswith(caption_start):
            return [[text(cell) for cell in row.find_all("td")] for row in table.find("tbody").find_all("tr")]
    raise AssertionError(f"no table captioned {caption_start!r}")


def text(tag: Tag) -> str:
    """Text as read: ASCII whitespace folded, no-break spaces kept, pilcrows dropped."""
    return re.sub(r"[ \t\r\n]+", " ", tag.get_text("")).replace("¶", "").strip()


def paragraphs(tag: Tag) -> list[str]:
    return [text(paragraph) for paragraph in tag.find_all("p")]
