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
class Run:
    returncode: int
    output: str  # stdout and stderr
    warnings: str  # stderr, where Sphinx writes its warnings


@dataclass(frozen=True)
class Build(Run):
    outdir: Path

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / f"{name}.html").read_text("utf-8"), "html.parser")

    def main(self, name: str) -> Tag:
        """The page's main content: what the reader reads, without theme chrome."""
        article = self.page(name).find("article", attrs={"role": "main"})
        assert isinstance(article, Tag)
        return article


def plain_output(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a build whose output is read: no colour codes, even under CI=true."""
    return {**os.environ, "NO_COLOR": "1", **(extra or {})}


def make(project: Path, *targets: str, env: dict[str, str] | None = None, **variables: str) -> Run:
    """``make <targets>`` in a copy of the project, with this interpreter and no set-up step."""
    settings = {"PY": sys.executable, "SETUP": "", **variables}
    command = ["make", "--no-print-directory", "-C", str(project), *targets]
    command += [f"{name}={value}" for name, value in settings.items()]
    run = subprocess.run(command, capture_output=True, text=True, env=plain_output(env), check=False)
    return Run(run.returncode, run.stdout + run.stderr, run.stderr)


def sphinx_build(
    project: Path,
    out: Path,
    *,
    language: str = "fr",
    options: tuple[str, ...] = ("-W", "--keep-going"),
    env: dict[str, str] | None = None,
) -> Build:
    """``make html-<language>``, the way ``make html`` builds each language."""
    run = make(project, f"html-{language}", env=env, BUILDDIR=str(out), SPHINXOPTS=" ".join(options))
    return Build(run.returncode, run.output, run.warnings, out / "html" / language)


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
