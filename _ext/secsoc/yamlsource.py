"""Read one YAML data file into plain Python values that remember their lines.

PyYAML's ``safe_load`` silently keeps the last of two equal keys, expands
aliases without bound and turns ``2021-13-45`` into a traceback.  Data files are
edited by hand every year, so this reader composes the node graph with libyaml
(fast, and it keeps every node's position) and builds the values itself, refusing
what a data file never needs: duplicate keys, aliases, non-text keys, exotic tags.
Dates stay text so that the JSON Schema reports a bad one at its own line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
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

#: Data files are a few levels deep (a list of entries with their fields); a deeper
#: file is a mistake, and refusing it early keeps every later step from recursing.
MAX_DEPTH = 20

_SCALAR_TAGS = "tag:yaml.org,2002:"
_COLLECTION_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
# Characters a text editor does not show as such, or that libyaml counts as a line
# break where editors do not (which would shift every later line number): C0 and C1
# controls but tab, line feed and carriage return, and the Unicode line separators.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
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
    _refuse_invisible(text)
    try:
        parser = _Loader(text)
        try:
            data = _Builder().build(iter(parser.get_event, None))
        finally:
            parser.dispose()
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
    return YamlDocument(path, data)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise YamlError(
            line, f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})"
        ) from None


def _refuse_invisible(text: str, line: int | None = None, path: tuple[str | int, ...] = ()) -> None:
    found = _INVISIBLE.search(text)
    if found is None:
        return
    char = found.group()
    if line is None:
        line = text.count("\n", 0, found.start()) + 1
    name = unicodedata.name(char, "control character").lower()
    raise YamlError(
        line,
        f"character U+{ord(char):04X} ({name}) is not allowed in a data file; "
        "it is invisible in most editors (often pasted from a PDF): delete it",
        path,
    )


class _Frame:
    """An open mapping or sequence, and (for a mapping) the key waiting for its value."""

    __slots__ = ("container", "key", "key_line", "path")

    def __init__(self, container: LocatedDict | LocatedList, path: tuple[str | int, ...]) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None
        self.key_line = 0

    def next_path(self) -> tuple[str | int, ...]:
        """Where the next value goes, for error messages."""
        if isinstance(self.container, LocatedList):
            return (*self.path, len(self.container))
        return (*self.path, self.key) if self.key is not None else self.path


class _Builder:
    """Builds located values straight from libyaml's events.

    No node graph is composed: each event is used once and dropped, so a file
    costs the memory of its values, not several times that.  Anchors are refused
    where they are defined, before any alias could reuse (and multiply) them.
    The loop dispatches on the event's exact type and computes paths only for
    containers and errors: it runs once per value of every data file.
    """

    def __init__(self) -> None:
        self._stack: list[_Frame] = []

    def build(self, events: Iterator[Any]) -> Any:  # libyaml's events, loosely typed in PyYAML
        stack = self._stack
        root: Any = _NOTHING
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                line = event.start_mark.line + 1
                if event.anchor is not None:
                    raise YamlError(line, _NO_ANCHORS, stack[-1].next_path() if stack else ())
                if kind is yaml.ScalarEvent:
                    value = _scalar(event, line, stack)
                else:
                    if event.tag not in _COLLECTION_TAGS:
                        where = stack[-1].next_path() if stack else ()
                        raise YamlError(line, f"unsupported YAML tag {event.tag}", where)
                    if len(stack) >= MAX_DEPTH:
                        where = stack[-1].next_path()
                        raise YamlError(line, f"values nested more than {MAX_DEPTH} levels deep", where)
                    value = LocatedDict(line) if kind is yaml.MappingStartEvent else LocatedList(line)
                if stack:
                    self._put(stack[-1], value, line)
                elif root is _NOTHING:
                    root = value
                if kind is not yaml.ScalarEvent:
                    path = stack[-1].next_path() if stack else ()
                    if stack and isinstance(stack[-1].container, LocatedList):
                        path = (*stack[-1].path, len(stack[-1].container) - 1)
                    stack.append(_Frame(value, path))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                if stack:
                    frame = stack[-1]
                    if isinstance(frame.container, LocatedDict) and frame.key is not None:
                        frame.container.key_lines[frame.key] = frame.key_line
                        frame.key = None
            elif kind is yaml.AliasEvent:
                line = event.start_mark.line + 1
                raise YamlError(line, _NO_ANCHORS, stack[-1].next_path() if stack else ())
            elif kind is yaml.DocumentStartEvent and root is not _NOTHING:
                line = event.start_mark.line + 1
                raise YamlError(line, "a data file holds one YAML document; remove this '---'")
        if root is _NOTHING:
            raise YamlError(1, "file is empty")
        return root

    @staticmethod
    def _put(frame: _Frame, value: Any, line: int) -> None:
        container = frame.container
        if isinstance(container, LocatedList):
            container.append(value)
            container.item_lines.append(line)
            return
        key = frame.key
        if key is None:  # this value is a key
            if type(value) is not str:
                raise YamlError(line, "mapping keys must be plain text", frame.path)
            if value in container:
                raise YamlError(
                    line,
                    f"key '{value}' appears twice in the same mapping "
                    f"(first at line {container.key_lines[value]})",
                    (*frame.path, value),
                )
            frame.key, frame.key_line = value, line
            return
        container[key] = value
        if type(value) is LocatedDict or type(value) is LocatedList:
            return  # its key line is recorded when it closes, so that errors inside name the key
        container.key_lines[key] = frame.key_line
        frame.key = None


_NO_ANCHORS = "anchors and aliases (&name, *name) are not allowed in data files; write the value out"
_NOTHING = object()
_RESOLVER = yaml.resolver.Resolver()


def _scalar(event: Any, line: int, stack: list[_Frame]) -> Any:
    tag = event.tag
    path = stack[-1].next_path() if stack else ()
    if event.style == '"':  # escapes such as \0 make characters the file does not show
        _refuse_invisible(event.value, line, path)
    if tag is None or tag == "!":
        if event.style is not None and event.implicit[1]:
            return event.value  # quoted: text, whatever it looks like
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    if not tag.startswith(_SCALAR_TAGS):
        raise YamlError(line, f"unsupported YAML tag {tag}", path)
    kind = tag[len(_SCALAR_TAGS) :]
    if kind in ("str", "timestamp"):
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        if kind == "int":
            return _CONSTRUCTOR.construct_yaml_int(node)
        if kind == "float":
            number = _CONSTRUCTOR.construct_yaml_float(node)
            if not math.isfinite(number):
                raise YamlError(line, f"{event.value} is not a number a reader can be shown", path)
            return number
        if kind == "bool":
            return _CONSTRUCTOR.construct_yaml_bool(node)
        if kind == "null":
            return None
    except ValueError:
        pass
    raise YamlError(line, f"unsupported YAML value of type {kind}", path)
