"""One table-driven test over the corpus in ``bad-input/``: every mistake, one clear message.

Each case is a small YAML file: what to break in a copy of the test root, and the
message the maintainer must get, located at the data file (or page, or catalog) and
line, naming the field.  A mistake in a data file is checked against the loader
in-process, as the build reports it; one in a page or catalog by an in-process build,
which must still write every page.  A few cases also run end to end, as a user runs
the build: it fails under ``-W --keep-going``, writes every page, shows no traceback.
Cases marked ``accepted`` must build cleanly in both languages, and whatever they
``show`` must appear as written (on ``lists``, or the case's ``page``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from projects import BuildRoot, copy_root, edit, sphinx_build
from reading import found
from secsoc.data.loader import load_dataset

CASES = sorted((Path(__file__).parent / "bad-input").glob("*.yaml"))
PAGES = ("index", "lists", "figures", "other")
END_TO_END = ("unknown-organisation", "directive-unknown-list", "translation-placeholder", "schema-not-json")


def load_case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return case


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def apply(root: Path, case: dict[str, Any]) -> None:
    for change in as_list(case.get("edit", [])):
        edit(root / change["file"], change["old"], change["new"])
    if "bytes" in case:
        change = case["bytes"]
        path = root / change["file"]
        content = path.read_bytes()
        old = change["old"].encode("utf-8")
        assert old in content
        path.write_bytes(content.replace(old, change["new"], 1))
    if "write" in case:
        (root / case["write"]["file"]).write_text(case["write"]["text"], "utf-8")
    if "delete" in case:
        (root / case["delete"]).unlink()
    generator = case.get("generate")
    if generator == "alias-bomb":
        levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        for index in range(1, 10):
            previous, name = chr(96 + index), chr(97 + index)
            levels.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        (root / "data" / "figures.yaml").write_text("\n".join(levels) + "\n", "utf-8")
    elif generator == "huge-file":
        entry = "  - printed: Omega\n    organisation: omega\n    remark: " + "x" * 200 + "\n"
        text = "title: t\nlabel: l\nsource: federation-members\nentries:\n" + entry * (
            40 * 1024 * 1024 // len(entry)
        )
        (root / "data" / "lists" / "huge.yaml").write_text(text, "utf-8")
    elif generator == "deep-nesting":
        (root / "data" / "figures.yaml").write_text("figures: " + "[" * 1000 + "]" * 1000 + "\n", "utf-8")
    elif generator == "many-empty-entries":
        path = root / "data" / "lists" / "official-2030-11-05.yaml"
        head = path.read_text("utf-8").split("entries:")[0]
        path.write_text(head + "entries:\n" + "  - {}\n" * 5000, "utf-8")


def expected_line(root: Path, expect: dict[str, Any]) -> int:
    if "line" in expect:
        return int(expect["line"])
    content = (root / expect["file"]).read_text("utf-8", errors="replace")
    index = -1
    for _ in range(expect.get("occurrence", 1)):
        index = content.index(expect["line_with"], index + 1)
    return content.count("\n", 0, index) + 1


def messages_of(output: str) -> list[str]:
    return [row for row in output.splitlines() if re.search(r": (WARNING|ERROR): ", row)]


def assert_one_located_message(root: Path, case: dict[str, Any], messages: list[str]) -> None:
    expect = case["expect"]
    line = expected_line(root, expect)
    located = [row for row in messages if re.search(rf"(^|/){re.escape(expect['file'])}:{line}: ", row)]
    assert located, f"no message at {expect['file']}:{line} in:\n" + "\n".join(messages)
    message = located[0]
    # What the case says the message holds: its words, and the field, directive or
    # target it names (data messages say "<file>:<line>: WARNING: <field>: ...").
    data = expect["file"].startswith("data/")
    fields = [f": {name}: " if data else name for name in as_list(expect.get("field", []))]
    for wanted in [expect["message"], *fields]:
        assert wanted in message, (wanted, message)
    count = expect.get("count", 1)
    assert len(messages) == count, f"{count} message(s) expected:\n" + "\n".join(messages)


def is_data_only(case: dict[str, Any]) -> bool:
    return not case.get("accepted") and case["expect"]["file"].startswith("data/")


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_bad_input(secsoc_root: Path, build: BuildRoot, path: Path) -> None:
    case = load_case(path)
    apply(secsoc_root, case)
    language = case.get("language", "fr")

    if is_data_only(case):
        _, problems = load_dataset(secsoc_root / "data", secsoc_root)
        messages = [f"{problem.location}: WARNING: {problem.text}" for problem in problems]
        assert_one_located_message(secsoc_root, case, messages)
        # the located message's field exactly: none for a mistake about the whole file
        line = expected_line(secsoc_root, case["expect"])
        at = [
            p.field
            for p in problems
            if (p.location.display, p.location.line) == (case["expect"]["file"], line)
        ]
        assert at[:1] == [case["expect"].get("field", "")]
        return

    site = build(secsoc_root, language)
    for page in PAGES:  # every page is still written
        assert (site.outdir / f"{page}.html").is_file(), page
    if case.get("accepted"):
        assert site.warnings == ""
        other = build(secsoc_root, "nl" if language == "fr" else "fr")
        assert other.warnings == ""
        for outdir in (site.outdir, other.outdir):
            shown_on = outdir / f"{case.get('page', 'lists')}.html"  # where the case's data shows
            assert_shown_as_written(shown_on, case.get("shows", []))
        return
    assert_one_located_message(secsoc_root, case, messages_of(site.warnings))


def is_page_mistake(path: Path) -> bool:
    case = load_case(path)
    return not case.get("accepted") and "/" not in case["expect"]["file"]


PAGE_CASES = [path for path in CASES if is_page_mistake(path)]


@pytest.mark.parametrize("path", PAGE_CASES, ids=lambda path: path.stem)
def test_a_page_mistake_fails_every_build_until_it_is_fixed(
    secsoc_root: Path, build: BuildRoot, path: Path
) -> None:
    """The next build, with nothing changed, gives the same message: never a false success."""
    case = load_case(path)
    apply(secsoc_root, case)
    for _ in range(2):
        site = build(secsoc_root, case.get("language", "fr"))
        assert_one_located_message(secsoc_root, case, messages_of(site.warnings))


@pytest.mark.slow
@pytest.mark.parametrize("name", END_TO_END)
def test_bad_input_end_to_end(tmp_path: Path, name: str) -> None:
    """As a user runs it: the build fails, says where, writes every page, no traceback."""
    case = load_case(Path(__file__).parent / "bad-input" / f"{name}.yaml")
    root = copy_root("secsoc", tmp_path / "root")
    apply(root, case)
    outdir = tmp_path / "html"
    run = sphinx_build(root, outdir, "-D", f"language={case.get('language', 'fr')}")
    assert run.returncode != 0
    assert "Traceback" not in run.output
    assert "Exception occurred" not in run.output
    for page in PAGES:
        assert (outdir / f"{page}.html").is_file(), page
    assert_one_located_message(root, case, messages_of(run.warnings))


def assert_shown_as_written(page: Path, shown: list[str]) -> None:
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    main = found(soup.find("div", class_="body"))
    text = main.get_text("")
    for value in shown:
        assert value in text, value
    assert all("alert" not in (script.string or "") for script in soup.find_all("script"))
    assert not main.find_all("a", href=re.compile(r"^\s*javascript:", re.IGNORECASE))
    assert not main.find_all("abbr")
    assert "<em>x</em>" not in str(main)


@pytest.mark.slow
@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_bad_input_through_the_complete_build(secsoc_root: Path, build: BuildRoot, path: Path) -> None:
    """Every case through a whole build with every feature on (organisation pages,
    downloads, every event handler): the same located message, every page written,
    no traceback, and nothing written from a file that did not load."""
    case = load_case(path)
    apply(secsoc_root, case)
    language = case.get("language", "fr")
    # The test root lists no organisation page in a toctree: Sphinx's notice of that is not the case's.
    features = {"secsoc_organisation_pages": "organisations", "suppress_warnings": ["toc.not_included"]}
    site = build(secsoc_root, language, confoverrides=features)
    assert "Traceback" not in site.warnings + site.status
    assert "Extension error" not in site.warnings + site.status
    for page in PAGES:
        assert (site.outdir / f"{page}.html").is_file(), page
    if case.get("accepted"):
        assert site.warnings == ""
        return
    assert_one_located_message(secsoc_root, case, messages_of(site.warnings))
    broken = case["expect"]["file"]
    downloads = site.outdir / "_downloads" / "secsoc"
    if broken in ("data/organisations.yaml", "data/sources.yaml"):
        assert not downloads.exists()  # nothing is written from data that did not load
    if broken.startswith("data/lists/") and Path(broken).suffix == ".yaml":
        assert not (downloads / "lists" / f"{Path(broken).stem}.csv").exists()


def test_the_corpus_breaks_every_kind_of_file() -> None:
    """Every data file kind and every catalog kind has cases, so the complete build above
    meets a broken file of each (and both of its 'nothing written' checks are exercised)."""
    broken = {load_case(path).get("expect", {}).get("file", "") for path in CASES}
    kinds = {
        "organisations": "data/organisations.yaml",
        "sources": "data/sources.yaml",
        "figures": "data/figures.yaml",
        "statements": "data/statements.yaml",
        "a list": "data/lists/",
        "a schema": "data/schema/",
        "the extension's catalog": "LC_MESSAGES/secsoc.po",
        "the data's catalog": "LC_MESSAGES/data.po",
        "a page's catalog": "LC_MESSAGES/lists.po",
        "the theme's catalog": "LC_MESSAGES/sphinx.po",
        "a page": ".md",
    }
    missing = [kind for kind, where in kinds.items() if not any(where in file for file in broken)]
    assert missing == []
