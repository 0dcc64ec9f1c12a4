"""Property-based mutations of the real data files and catalogs: never a traceback.

Whatever a maintainer or translator does to a file, as bytes (a paste, a deletion, a
stray byte) or as structure (a value of another type in any field), loading either
succeeds or gives located messages, at most the per-file cap; a catalog either
translates or reports its problems at a line.  Run in the slow suite (``make
test-slow``): 2 x 1,200 examples, about a minute.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from projects import ROOT
from secsoc.data.loader import MAX_MESSAGES, load_dataset
from secsoc.i18n.translation import Translator

pytestmark = pytest.mark.slow

DATA_FILES = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "data").rglob("*.yaml"))
CATALOGS = sorted(
    path.relative_to(ROOT).as_posix() for path in (ROOT / "locales").glob("nl/LC_MESSAGES/*.po")
)
EXAMPLES = settings(
    max_examples=1200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz")
    for name in ("data", "locales"):
        shutil.copytree(ROOT / name, path / name, ignore=shutil.ignore_patterns("*.mo"))
    return path


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


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30) | st.dates().map(str),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def replace_a_value(document: Any, draw: st.DrawFn) -> Any:
    """The document with one value, anywhere in it, replaced by a value of any type."""
    if isinstance(document, dict) and document and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(document, key=str)))
        return {**document, key: replace_a_value(document[key], draw)}
    if isinstance(document, list) and document and draw(st.booleans()):
        index = draw(st.integers(0, len(document) - 1))
        return [*document[:index], replace_a_value(document[index], draw), *document[index + 1 :]]
    return draw(VALUES)


@contextmanager
def replaced(path: Path, content: bytes) -> Iterator[None]:
    """The file holds ``content`` for the block, and its own content again after it."""
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        yield
    finally:
        path.write_bytes(original)


def assert_loads_or_locates(workdir: Path) -> None:
    _, problems = load_dataset(workdir / "data", workdir)
    files = {problem.location.display for problem in problems}
    assert len(problems) <= len(files) * (MAX_MESSAGES + 1)
    for problem in problems:
        assert problem.location.line >= 1
        assert problem.text


@EXAMPLES
@given(data=st.data())
def test_data_files_mutated(workdir: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(DATA_FILES))
    original = (ROOT / name).read_bytes()
    if data.draw(st.booleans()):
        mutated = data.draw(byte_mutation(original))
    else:
        document = yaml.safe_load(original)
        changed = data.draw(st.composite(lambda draw: replace_a_value(document, draw))())
        mutated = yaml.safe_dump(changed, allow_unicode=True).encode("utf-8")
    with replaced(workdir / name, mutated):
        assert_loads_or_locates(workdir)


@EXAMPLES
@given(data=st.data())
def test_catalogs_mutated(workdir: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(CATALOGS))
    with replaced(workdir / name, data.draw(byte_mutation((ROOT / name).read_bytes()))):
        translator = Translator([workdir / "locales"], "nl")
        for problem in translator.problems:
            assert problem.line >= 1
            assert problem.message
        translator.ngettext("{count} a", "{count} b", data.draw(st.integers(0, 10**6)))
