"""Property-based mutations of the real data files and catalogs: never a traceback, and
every message where the mutation is.

Whatever a maintainer or translator does to a file, as bytes (a paste, a deletion, a
stray byte) or as structure (a value of another type in any field), loading either
succeeds or gives messages, at most the per-file cap, each of which the mutation
explains (the files as they are give none):

* A message about the mutated file is at a line the mutation touched.  For a value
  replaced at a known path (``organisations[3].name``), the lines the new value takes,
  from its key's line, and the message names that field, one inside it or one around
  it (``organisations[3]``, ``organisations[3].name[0]``), or none (a character refused
  before the file is parsed).  For changed bytes, whose field cannot be predicted, from
  the first line of the record holding the first changed byte (an item of a top-level
  list, or a top-level value: a missing field and a clash between two records are
  reported at a record's first line) to the last line of the file.
* A message about another file is at a reference the mutation broke, at that
  reference's own line and field: a list naming an organisation, or a list or figure
  citing a source, that the mutated file no longer defines; or a printed name that its
  organisation, in the record the mutation touched, no longer has.

A catalog the Translator reads either translates or reports its problems in that
catalog only, from the entry holding the first changed byte to the last line.

Every catalog kind is mutated: the extension's and the data's through the Translator,
the pages' and the theme's through the build's own compiler (``i18n.catalogs``).
The mistakes this oracle found are tests of their own in ``test_fuzz_findings.py``.

Run in the slow suite (``make test-slow``): 2 x 1,200 examples, about a minute.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from projects import ROOT
from secsoc.data.loader import MAX_MESSAGES, load_dataset
from secsoc.data.model import Dataset, Problem
from secsoc.i18n.catalogs import compile_catalog
from secsoc.i18n.translation import DOMAINS, Translator

pytestmark = pytest.mark.slow

Where = tuple[str | int, ...]

DATA_FILES = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "data").rglob("*.yaml"))
# Every catalog: the Translator reads the extension's and the data's, the build's
# compiler (i18n.catalogs) the pages' and the theme's.
CATALOGS = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
# The files others refer to: their ids, and the fields that refer to them.
DEFINING = {"data/organisations.yaml": "organisations", "data/sources.yaml": "sources"}
EXAMPLES = settings(
    max_examples=1200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LINE_BREAK = re.compile(rb"\r\n|\r|\n")  # as editors break lines


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz")
    for name in ("data", "locales"):
        shutil.copytree(ROOT / name, path / name, ignore=shutil.ignore_patterns("*.mo"))
    # Every message must come from the mutation: the files as they are give none.
    assert load_dataset(path / "data", path)[1] == []
    assert Translator([path / "locales"], "nl").problems == []
    return path


@contextmanager
def replaced(path: Path, content: bytes) -> Iterator[None]:
    """The file holds ``content`` for the block, and its own content again after it."""
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        yield
    finally:
        path.write_bytes(original)


# -- lines ------------------------------------------------------------------------------


def line_at(content: bytes, offset: int) -> int:
    return len(LINE_BREAK.findall(content[:offset])) + 1


def first_change(original: bytes, mutated: bytes) -> int:
    """The offset of the first byte that differs."""
    pairs = zip(original, mutated, strict=False)
    return next((index for index, (a, b) in enumerate(pairs) if a != b), min(len(original), len(mutated)))


def last_data_line(content: bytes) -> int:
    """The last line a data file's message may name."""
    return line_at(content, len(content))


def field(path: Where) -> str:
    """A path as messages name it: ``('entries', 7, 'remark')`` -> ``entries[7].remark``."""
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else step)
    return name


def related(name: str, path: Where) -> bool:
    """``name`` is the field at ``path``, one inside it, one around it, or none."""
    wanted = field(path)
    if not name or not wanted:
        return True
    inner, outer = sorted((name, wanted), key=len, reverse=True)
    return inner == outer or inner.startswith((outer + ".", outer + "["))


def compose(content: bytes) -> Any:
    return yaml.compose(content.decode("utf-8-sig"), Loader=COMPOSER)


def children(node: Any) -> list[tuple[str | int, Any, Any]]:
    """(step, the node where the item's line begins, the item) of a mapping or a sequence."""
    if isinstance(node, yaml.MappingNode):
        return [(key.value, key, value) for key, value in node.value]
    if isinstance(node, yaml.SequenceNode):
        return [(index, item, item) for index, item in enumerate(node.value)]
    return []


def step_into(node: Any, step: str | int) -> tuple[Any, Any]:
    return next((start, item) for name, start, item in children(node) if name == step)


def end_line(node: Any) -> int:
    """The last line a node's text is on."""
    if isinstance(node, yaml.ScalarNode) or node.flow_style:
        return int(node.end_mark.line) + (1 if node.end_mark.column else 0)
    last = [end_line(item) for _, _, item in children(node)]
    return max([node.start_mark.line + 1, *last])


def lines_of(root: Any, path: Where) -> tuple[int, int]:
    """The lines the value at ``path`` takes, from its key's (or its item's) line; the
    whole file for the document itself."""
    if not path:
        return 1, end_line(root)
    start, node = root, root
    for step in path:
        start, node = step_into(node, step)
    return int(start.start_mark.line) + 1, max(int(start.start_mark.line) + 1, end_line(node))


def record_start(original: bytes, offset: int) -> int:
    """The first line of the record holding the byte at ``offset``: an item of a
    top-level list, or a top-level value; else where the document starts (line 1 for
    the comments before it)."""
    node = compose(original)
    index = len(original[:offset].decode("utf-8-sig", "ignore"))
    if index < node.start_mark.index:
        return 1
    line = int(node.start_mark.line) + 1
    for _ in range(2):  # the top-level value, then its item
        holding = [
            (start, item)
            for _, start, item in children(node)
            if start.start_mark.index <= index < item.end_mark.index and children(item)
        ]
        if not holding:
            break
        start, node = holding[0]
        line = int(start.start_mark.line) + 1
    return line


# -- what other files refer to ---------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """A field of one data file that names a record of another."""

    line: int
    kind: str  # "organisations" or "sources"
    id: str
    printed: str | None = None  # for a printed name: the name, its organisation in ``id``


def scalars(node: Any, path: Where = ()) -> Iterator[tuple[Where, int, str]]:
    """(path, line of its key or item, text) of every scalar value under ``node``."""
    for step, start, item in children(node):
        if isinstance(item, yaml.ScalarNode):
            yield (*path, step), int(start.start_mark.line) + 1, item.value
        else:
            yield from scalars(item, (*path, step))


@cache
def references() -> dict[tuple[str, str], Reference]:
    """Every reference of the data as it is, by (display path, field)."""
    found = {}
    for name in DATA_FILES:
        values = {path: (line, text) for path, line, text in scalars(compose((ROOT / name).read_bytes()))}
        for path, (line, text) in values.items():
            if path[-1] == "source" and len(path) <= 3:
                found[name, field(path)] = Reference(line, "sources", text)
            elif path[0] == "entries" and path[-1] == "organisation":
                found[name, field(path)] = Reference(line, "organisations", text)
            elif path[0] == "entries" and path[-1] == "printed":
                owner = values[(*path[:-1], "organisation")][1]
                found[name, field(path)] = Reference(line, "organisations", owner, text)
    return found


@cache
def defined(name: str) -> dict[str, tuple[int, int]]:
    """The ids a file defines, with the index and first line of each one's record."""
    root = compose((ROOT / name).read_bytes())
    ids: dict[str, tuple[int, int]] = {}
    for index, _, item in children(step_into(root, DEFINING[name])[1]):
        ids[step_into(item, "id")[1].value] = (int(index), int(item.start_mark.line) + 1)
    return ids


# -- data files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DataMutation:
    name: str  # the file's display path
    original: bytes
    content: bytes
    lines: tuple[int, int]  # where a message about this file may be
    record: tuple[int, int]  # the lines of the record(s) changed, in ``content``
    original_record: tuple[int, int]  # the same records' lines in ``original``
    path: Where | None  # the replaced value's path, for a structural mutation


def byte_mutation(original: bytes) -> st.SearchStrategy[bytes]:
    """Replace, delete or repeat a slice, or insert random bytes, somewhere in the file."""
    size = len(original)

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, min(size, start + 200)))
        kind = draw(st.sampled_from(["replace", "delete", "repeat"]))
        if kind == "replace":
            return original[:start] + draw(st.binary(max_size=40)) + original[end:]
        if kind == "delete":
            return original[:start] + original[end:]
        return original[:end] + original[start:end] * draw(st.integers(2, 50)) + original[end:]

    return mutate()


def changed_bytes(name: str, original: bytes, mutated: bytes) -> DataMutation:
    first = record_start(original, first_change(original, mutated))
    lines = (first, last_data_line(mutated))
    before = (first, line_at(original, len(original)))
    return DataMutation(name, original, mutated, lines, lines, before, None)


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | st.dates().map(str),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def replace_a_value(document: Any, draw: st.DrawFn, where: Where = ()) -> tuple[Any, Where]:
    """The document with one value, anywhere in it, replaced by a value of any type; and
    that value's path."""
    if isinstance(document, dict) and document and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(document, key=str)))
        value, path = replace_a_value(document[key], draw, (*where, key))
        return {**document, key: value}, path
    if isinstance(document, list) and document and draw(st.booleans()):
        index = draw(st.integers(0, len(document) - 1))
        value, path = replace_a_value(document[index], draw, (*where, index))
        return [*document[:index], value, *document[index + 1 :]], path
    return draw(VALUES), where


def replaced_value(name: str, original: bytes, draw: st.DrawFn) -> DataMutation:
    changed, path = replace_a_value(yaml.safe_load(original), draw)
    mutated = yaml.safe_dump(changed, allow_unicode=True).encode("utf-8")
    root = compose(mutated)
    record = path[:2]  # organisations[3], entries[3], claim...
    return DataMutation(
        name,
        original,
        mutated,
        lines_of(root, path),
        lines_of(root, record),
        lines_of(compose(original), record),
        path,
    )


def within(line: int, lines: tuple[int, int]) -> bool:
    return lines[0] <= line <= lines[1]


def assert_explained_here(problem: Problem, mutation: DataMutation) -> None:
    where = (problem.location.line, problem.field, mutation.lines, mutation.path)
    assert within(problem.location.line, mutation.lines), where
    if mutation.path is not None:
        assert related(problem.field, mutation.path), where


def assert_explained_elsewhere(
    problem: Problem, mutation: DataMutation, dataset: Dataset, workdir: Path
) -> None:
    """A reference of another file that the mutation broke, at that reference."""
    display, name = problem.location.display, problem.field
    # References are checked against a file that loaded only.
    assert mutation.name in DEFINING and workdir / mutation.name not in dataset.broken, (display, name)
    reference = references().get((display, name))
    assert reference is not None and reference.kind == DEFINING[mutation.name], (display, name)
    assert problem.location.line == reference.line, (display, name)
    records: Any = getattr(dataset, reference.kind)
    if reference.printed is None:  # an id no longer defined
        assert reference.id not in records, (display, name)
        index, line = defined(mutation.name)[reference.id]
        assert mutation.path is None or len(mutation.path) < 2 or mutation.path[1] == index, (display, name)
        assert within(line, mutation.original_record), (display, name)
    else:  # a printed name no longer its organisation's
        organisation = records[reference.id]  # (an unknown one is reported instead)
        assert reference.printed not in organisation.names, (display, name)
        assert within(organisation.location.line, mutation.record), (display, name)


def assert_loads_or_locates(workdir: Path, mutation: DataMutation) -> None:
    dataset, problems = load_dataset(workdir / "data", workdir)
    files = {problem.location.display for problem in problems}
    assert len(problems) <= len(files) * (MAX_MESSAGES + 1)
    if mutation.content == mutation.original:
        assert problems == []
    for problem in problems:
        assert problem.text
        if problem.location.display == mutation.name:
            assert_explained_here(problem, mutation)
        else:
            assert_explained_elsewhere(problem, mutation, dataset, workdir)


@EXAMPLES
@given(data=st.data())
def test_data_files_mutated(workdir: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(DATA_FILES))
    original = (ROOT / name).read_bytes()
    if data.draw(st.booleans()):
        mutation = changed_bytes(name, original, data.draw(byte_mutation(original)))
    else:
        mutation = data.draw(st.composite(lambda draw: replaced_value(name, original, draw))())
    with replaced(workdir / name, mutation.content):
        assert_loads_or_locates(workdir, mutation)


# -- catalogs -----------------------------------------------------------------------------

KEYWORD = re.compile(rb"msg(?:id|ctxt)\b")
CHARSET = re.compile(rb'^"Content-Type:.*charset=([^\s\\";]+)', re.MULTILINE)  # as pofile reads it


def entry_start(original: bytes, line: int) -> int:
    """The line of the last ``msgid`` or ``msgctxt`` before ``line``: the entry Babel
    adds what follows to (a change may take away its own line's keyword, and join that
    line to the entry before).  Obsolete entries (``#~ msgid``) are not counted: a
    change that turns one into a live entry joins it to the entry before."""
    start = 1
    for number, text in enumerate(original.splitlines()[: line - 1], 1):
        if KEYWORD.match(text):
            start = number
    return start


def header_end(original: bytes) -> int:
    """The last line of the header entry (``msgid ""``), before the first blank line."""
    return original.splitlines().index(b"") if b"" in original.splitlines() else 1


@EXAMPLES
@given(data=st.data())
def test_catalogs_mutated(workdir: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(CATALOGS))
    original = (ROOT / name).read_bytes()
    mutated = data.draw(byte_mutation(original))
    first = entry_start(original, line_at(mutated, first_change(original, mutated)))
    last = line_at(mutated, len(mutated))
    path = workdir / name
    with replaced(path, mutated):
        if path.stem in DOMAINS:
            translator = Translator([workdir / "locales"], path.parent.parent.name)
            problems = translator.problems
            translator.ngettext("{count} a", "{count} b", data.draw(st.integers(0, 10**6)))
        else:
            problems = compile_catalog(path)
        if mutated == original:
            assert problems == []
        for problem in problems:
            assert problem.path == path
            assert problem.message
            if problems == [problem] and problem.line <= header_end(original):
                continue  # a catalog that cannot be read at all: its header says why (charset...)
            assert first <= problem.line <= last, (problem.line, first, last, problem.message)
