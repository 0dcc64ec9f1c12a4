"""One table-driven test over the corpus in ``bad-input/``: every mistake, one clear message.

Each case is a small YAML file: what to break in a copy of the project, and the
message the maintainer must get, located at the data file (or page) and line,
naming the field. The build under ``-W --keep-going`` must fail, still write
the other pages, and never show a Python traceback. Cases marked ``accepted``
must build cleanly, and whatever they ``show`` must appear as written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import copy_project
from sitebuild import sphinx_build

CASES = sorted((Path(__file__).parent / "bad-input").glob("*.yaml"))
PAGES = ("index", "social", "secretariats")


def load_case(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text("utf-8"))


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def apply(project: Path, case: dict[str, Any]) -> None:
    for edit in as_list(case.get("edit", [])):
        path = project / edit["file"]
        content = path.read_text("utf-8")
        assert edit["old"] in content, f"{edit['old']!r} not in {edit['file']}"
        path.write_text(content.replace(edit["old"], edit["new"], 1), "utf-8")
    if "bytes" in case:
        edit = case["bytes"]
        path = project / edit["file"]
        content = path.read_bytes()
        old = edit["old"].encode("utf-8")
        assert old in content
        path.write_bytes(content.replace(old, edit["new"], 1))
    if "write" in case:
        (project / case["write"]["file"]).write_text(case["write"]["text"], "utf-8")
    if "delete" in case:
        (project / case["delete"]).unlink()
    generator = case.get("generate")
    if generator == "alias-bomb":
        levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        for index in range(1, 10):
            previous, name = chr(96 + index), chr(97 + index)
            levels.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        (project / "data" / "figures.yaml").write_text("\n".join(levels) + "\n", "utf-8")
    elif generator == "huge-file":
        entry = "  - printed: Paycover\n    organisation: paycover\n    remark: " + "x" * 200 + "\n"
        text = "title: t\nlabel: l\nsource: uss-members\nentries:\n" + entry * (
            40 * 1024 * 1024 // len(entry)
        )
        (project / "data" / "lists" / "huge.yaml").write_text(text, "utf-8")


def expected_line(project: Path, expect: dict[str, Any]) -> int:
    if "line" in expect:
        return int(expect["line"])
    content = (project / expect["file"]).read_text("utf-8", errors="replace")
    index = content.index(expect["line_with"])
    return content.count("\n", 0, index) + 1


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_bad_input(tmp_path: Path, path: Path) -> None:
    case = load_case(path)
    project = copy_project(tmp_path / "project")
    apply(project, case)
    language = case.get("language", "fr")
    build = sphinx_build(project, tmp_path / "build", language=language)

    assert "Traceback" not in build.output
    assert "Exception occurred" not in build.output
    for page in PAGES:  # --keep-going: every page is still written
        assert (build.outdir / f"{page}.html").is_file(), page

    if case.get("accepted"):
        assert build.returncode == 0, build.output
        for language in ("fr", "nl"):
            other = (
                build
                if language == case.get("language", "fr")
                else sphinx_build(project, tmp_path / "build", language=language)
            )
            assert other.returncode == 0, other.output
            assert_shown_as_written(other.outdir / "secretariats.html", case.get("shows", []))
        return

    assert build.returncode != 0
    expect = case["expect"]
    line = expected_line(project, expect)
    messages = [row for row in build.warnings.splitlines() if re.search(r": (WARNING|ERROR): ", row)]
    located = [row for row in messages if re.search(rf"(^|/){re.escape(expect['file'])}:{line}: ", row)]
    assert located, f"no message at {expect['file']}:{line} in:\n" + "\n".join(messages)
    (message,) = located
    assert expect["message"] in message
    if "field" in expect:  # data messages say "<file>:<line>: WARNING: <field>: ..."
        data = not expect["file"].startswith("docs/")
        assert (f": {expect['field']}: " if data else expect["field"]) in message
    assert len(messages) == 1, "one mistake, one message:\n" + "\n".join(messages)


def assert_shown_as_written(page: Path, shown: list[str]) -> None:
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    main = soup.find("article", attrs={"role": "main"})
    text = main.get_text("")
    for value in shown:
        assert value in text, value
    assert all("alert" not in (script.string or "") for script in soup.find_all("script"))
    assert not main.find_all("a", href=re.compile(r"^\s*javascript:", re.IGNORECASE))
    assert not main.find_all("abbr")
    assert "<em>x</em>" not in str(main)


def test_the_corpus_covers_the_maintainers_mistakes() -> None:
    """The README states this number; keep the two in step."""
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert f"{len(CASES)} cases" in readme
