"""Read one YAML data file into plain Python values that remember their lines.

PyYAML's ``safe_load`` silently keeps the last of two equal keys, expands
aliases without bound and turns ``2021-13-45`` into a traceback.  Data files are
edited by hand every year, so this reader composes the node graph with libyaml
(fast, and it keeps every node's position) and builds the values itself, refusing
what a data file never needs: duplicate keys, aliases, non-text keys, exotic tags.
Dates stay text so that the JSON Schema reports a bad one at its own line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in every PyYAML wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: A data file larger than this is refused before it is parsed: the yearly lists
#: hold a few dozen entries and the benchmark's largest file is about 3 MiB, so
#: anything bigger is a mistake (a wrong file, a generated dump) that would only
#: cost memory.
MAX_FILE_BYTES = 8 * 1024 * 1024

_SCALAR_TAGS = "tag:yaml.org,2002:"
_CONSTRUCTOR = yaml.SafeLoader("")  # only its scalar methods are used


class YamlError(Exception):
    """A file that cannot be read as data, with the line where reading stopped."""

    def __init__(self, line: int, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path  # where in the document, when known


class LocatedDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each of its keys."""

    __slots__ = ("key_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}


class LocatedList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    __slots__ = ("item_lines", "line")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


@dataclass(frozen=True, slots=True)
class YamlDocument:
    path: Path
    data: Any


def line_of(data: Any, path: tuple[str | int, ...]) -> int:
    """The line of the deepest value on ``path`` that still exists.

    A missing key is reported at its parent mapping, which is where the user
    has to add it.
    """
    line = getattr(data, "line", 1)
    node = data
    for step in path:
        if isinstance(node, LocatedDict) and isinstance(step, str) and step in node:
            line = node.key_lines[step]
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
        line = getattr(node, "line", line)
    return line


def read_yaml(path: Path) -> YamlDocument:
    """Parse ``path``; raise :class:`YamlError` with a line for anything wrong."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlError(
                1,
                f"file is {size / 1024 / 1024:.1f} MiB, over the limit of "
                f"{MAX_FILE_BYTES // 1024 // 1024} MiB for a data file",
            )
        raw = path.read_bytes()
    except OSError as err:
        raise YamlError(1, f"cannot read file: {err.strerror}") from None
    text = _decode(raw)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        # Located where the parser gave up; an unclosed bracket is noticed far below
        # it, so the message also says where the construct being read began.
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        problem = err.problem or "invalid YAML"
        context = ""
        if err.context and err.context_mark and err.context_mark.line + 1 != line:
            context = f" ({err.context} started at line {err.context_mark.line + 1})"
        raise YamlError(line, f"YAML syntax error: {problem}{context}") from None
    except yaml.YAMLError as err:
        raise YamlError(1, f"YAML syntax error: {err}") from None
    if root is None:
        raise YamlError(1, "file is empty")
    return YamlDocument(path, _Builder().build(root))


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise YamlError(
            line, f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})"
        ) from None


class _Builder:
    """Turns a composed node graph into located values, one node visit each."""

    def __init__(self) -> None:
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: tuple[str | int, ...] = ()) -> Any:
        if id(node) in self._seen:
            raise YamlError(
                node.start_mark.line + 1,
                "the value defined here is reused through a YAML alias (*name); "
                "anchors and aliases are not allowed in data files",
                path,
            )
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            result = LocatedList(node.start_mark.line + 1)
            for index, item in enumerate(node.value):
                result.append(self.build(item, (*path, index)))
                result.item_lines.append(item.start_mark.line + 1)
            return result
        return _scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple[str | int, ...]) -> LocatedDict:
        result = LocatedDict(node.start_mark.line + 1)
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag.endswith(":str")):
                raise YamlError(line, "mapping keys must be plain text", path)
            key = key_node.value
            if key in result:
                raise YamlError(
                    line,
                    f"key '{key}' appears twice in the same mapping (first at line {result.key_lines[key]})",
                    (*path, key),
                )
            result[key] = self.build(value_node, (*path, key))
            result.key_lines[key] = line
        return result


def _scalar(node: yaml.Node, path: tuple[str | int, ...]) -> Any:
    tag = node.tag
    if not tag.startswith(_SCALAR_TAGS):
        raise YamlError(node.start_mark.line + 1, f"unsupported YAML tag {tag}", path)
    kind = tag[len(_SCALAR_TAGS) :]
    if kind in ("str", "timestamp"):
        return node.value
    try:
        if kind == "int":
            return _CONSTRUCTOR.construct_yaml_int(node)
        if kind == "float":
            return _CONSTRUCTOR.construct_yaml_float(node)
        if kind == "bool":
            return _CONSTRUCTOR.construct_yaml_bool(node)
        if kind == "null":
            return None
    except ValueError:
        pass
    raise YamlError(node.start_mark.line + 1, f"unsupported YAML value of type {kind}", path)
