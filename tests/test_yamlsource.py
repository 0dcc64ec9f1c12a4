"""Reading one data file: located values and refusals, without Sphinx.

Every test runs twice: with libyaml's parser (PyYAML's wheels have it) and with
PyYAML's pure-Python one, which the reader falls back to without libyaml: both
must give the same values, lines and messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from projects import ROOT
from secsoc.data import yamlsource
from secsoc.data.yamlsource import (
    MAX_FILE_BYTES,
    LocatedDict,
    LocatedList,
    PurePythonLoader,
    YamlError,
    line_of,
    read_yaml,
)


@pytest.fixture(autouse=True, params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "libyaml":
        assert yaml.__with_libyaml__, "PyYAML without libyaml: the pinned wheels have it"
        assert yamlsource.LOADER is not PurePythonLoader
    else:
        monkeypatch.setattr(yamlsource, "LOADER", PurePythonLoader)
    return str(request.param)


def located(value: Any) -> Any:
    """A value with every line it remembers, to compare two readings."""
    if isinstance(value, LocatedDict):
        return (
            "map",
            value.line,
            {key: (value.key_lines[key], located(item)) for key, item in value.items()},
        )
    if isinstance(value, LocatedList):
        return (
            "seq",
            value.line,
            [(line, located(item)) for line, item in zip(value.item_lines, value, strict=True)],
        )
    return value


DATA_FILES = sorted((ROOT / "data").rglob("*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_both_parsers_read_the_real_data_alike(path: Path, parser: str) -> None:
    assert located(read_yaml(path)) == located(read_yaml(path, PurePythonLoader))


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "data.yaml"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def error_of(path: Path) -> YamlError:
    with pytest.raises(YamlError) as caught:
        read_yaml(path)
    return caught.value


def test_values_remember_their_lines(tmp_path: Path) -> None:
    data = read_yaml(write(tmp_path, "a: 1\nitems:\n  - name: x\n    date: 2021-11-05\n  - name: y\n"))
    assert data == {"a": 1, "items": [{"name": "x", "date": "2021-11-05"}, {"name": "y"}]}
    assert line_of(data, ("items", 1, "name")) == 5
    assert line_of(data, ("items", 0, "date")) == 4
    # a missing key is located at its mapping, where it has to be added
    assert line_of(data, ("items", 1, "missing")) == 5


def test_duplicate_key_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "name: a\nid: x\nname: b\n"))
    assert error.line == 3
    assert "key 'name' appears twice" in error.message
    assert "first at line 1" in error.message


def test_aliases_are_refused_so_an_alias_bomb_costs_nothing(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
    error = error_of(write(tmp_path, "\n".join(levels) + "\n"))
    assert "anchors and aliases (&name, *name) are not allowed" in error.message
    assert error.line == 1  # refused at the first anchor, before anything is expanded


def test_tab_indentation_is_located(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "a:\n\t- b\n"))
    assert error.line == 2
    assert error.message.startswith("YAML syntax error")


def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, b"a: 1\nb: caf\xe9\n"))
    assert error.line == 2
    assert "not valid UTF-8" in error.message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert read_yaml(write(tmp_path, "\ufeffa: 1\n")) == {"a": 1}


def test_empty_file(tmp_path: Path) -> None:
    assert error_of(write(tmp_path, "# only a comment\n")).message == "file is empty"


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, "a: " + "x" * (MAX_FILE_BYTES + 1))
    error = error_of(path)
    assert "over the limit of 4 MiB" in error.message


def test_one_document_per_file(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "a: 1\n---\nb: 2\n"))
    assert error.line == 2
    assert "one YAML document" in error.message


def test_keys_must_be_text(tmp_path: Path) -> None:
    assert error_of(write(tmp_path, "a:\n  ? [x]\n  : 1\n")).message == "mapping keys must be plain text"
    assert error_of(write(tmp_path, "1: x\n")).message == "mapping keys must be plain text"


def test_dates_stay_text_even_when_impossible(tmp_path: Path) -> None:
    assert read_yaml(write(tmp_path, "d: 2021-13-45\n")) == {"d": "2021-13-45"}


def test_deep_flow_nesting_is_refused_before_it_is_composed(tmp_path: Path) -> None:
    # libyaml's own composer would recurse into this without limit and crash the process
    error = error_of(write(tmp_path, "a:\n  b: " + "[" * 200_000 + "]" * 200_000 + "\n"))
    assert error.line == 2
    assert error.message == "values nested more than 20 levels deep"


def test_an_anchor_is_refused_where_it_is_defined(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "a: 1\nb: &x 2\n"))
    assert (error.line, error.message.split(";")[0]) == (
        2,
        "anchors and aliases (&name, *name) are not allowed in data files",
    )
