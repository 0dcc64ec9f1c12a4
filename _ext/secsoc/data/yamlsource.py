"""Read one YAML data file into plain Python values that remember their lines.

PyYAML's ``safe_load`` silently keeps the last of two equal keys, expands
aliases without bound and turns ``2021-13-45`` into a traceback.  Data files are
edited by hand every year, so :data:`LOADER` is PyYAML's own loader with
three changes: it refuses what a data file never needs (aliases, exotic tags,
deep nesting), its mappings and sequences remember their lines, and two equal
keys are an error.  Dates stay text so that the JSON Schema reports a bad one at
its own line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from .files import MAX_FILE_BYTES

#: Data files are a few levels deep (a list of entries with their fields); a deeper
#: file is a mistake, and refusing it before composing keeps every step from
#: recursing into it.
MAX_DEPTH = 20

Where = tuple[str | int, ...]

_SCALARS = "tag:yaml.org,2002:"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
# Characters a text editor does not show as such, or that libyaml counts as a line
# break where editors do not (which would shift every later line number): C0 and C1
# controls but tab, line feed and carriage return, the Unicode line separators, the
# soft hyphen, zero-width characters, bidirectional controls (which reorder what the
# reader sees, U+202E among them) and a byte order mark inside the text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff]"
)
# Numbers as YAML 1.2 and JSON write them.  YAML 1.1, which PyYAML follows, also reads
# 0413 as octal (267), 1:00 as sixty and 1_000 as a thousand: anything but these plain
# forms is refused rather than read one way or the other.
_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_PLAIN_BOOL = ("true", "True", "TRUE", "false", "False", "FALSE")
_NO_ANCHORS = "anchors and aliases (&name, *name) are not allowed in data files; write the value out"


class YamlError(Exception):
    """A file that cannot be read as data, with the line where reading stopped."""

    def __init__(self, line: int, message: str, path: Where = ()) -> None:
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


def line_of(data: Any, path: Where) -> int:
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


def read_yaml(path: Path, loader: Callable[[str], Any] | None = None, content: bytes | None = None) -> Any:
    """Parse ``path`` into located values; raise :class:`YamlError` for anything wrong.

    ``content`` is the file's bytes when the caller has read them already (the loader
    does, for its cache); ``loader`` is :data:`LOADER` unless a test compares the two
    parsers."""
    try:
        size = path.stat().st_size if content is None else len(content)
        if size > MAX_FILE_BYTES:
            raise YamlError(
                1,
                f"file is {size / 1024 / 1024:.1f} MiB, over the limit of "
                f"{MAX_FILE_BYTES // 1024 // 1024} MiB for a data file",
            )
        raw = path.read_bytes() if content is None else content
    except OSError as err:
        raise YamlError(1, f"cannot read file: {err.strerror}") from None
    text = _decode(raw)
    _refuse_invisible(text)
    parsing: Any = (loader or LOADER)(text)
    try:
        return parsing.document()
    except yaml.MarkedYAMLError as err:
        # Located where the parser gave up; an unclosed bracket is noticed far below
        # it, so the message also says where the construct being read began.
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        # At the end of a file without a final line break, libyaml's mark is on the
        # line after the last: the mistake is on the last line there is.
        line = min(line, text.count("\n") + (0 if text.endswith("\n") else 1) or 1)
        problem = err.problem or "invalid YAML"
        context = ""
        if err.context and err.context_mark and err.context_mark.line + 1 != line:
            context = f" ({err.context} started at line {err.context_mark.line + 1})"
        raise YamlError(line, f"YAML syntax error: {problem}{context}") from None
    except yaml.YAMLError as err:
        raise YamlError(1, f"YAML syntax error: {err}") from None
    finally:
        parsing.dispose()


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise YamlError(
            line, f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})"
        ) from None


def _refuse_invisible(text: str, line: int | None = None, path: Where = ()) -> None:
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


def _line(event: Any) -> int:
    """The line where an event of libyaml's (untyped in PyYAML) starts."""
    return int(event.start_mark.line) + 1


class _Composing(SafeConstructor, Resolver):
    """PyYAML's safe loader (a parser, PyYAML's resolver and constructor), made
    strict for hand-edited data.

    PyYAML's composers are replaced by :meth:`value`, which builds the located
    values straight from the parser's events.  Composing a node for every value
    first cost three times the time of reading at N = 5,000, twice the memory,
    and a sixth more for the whole build (bench/RESULTS.md at commit 27e3b98); libyaml's own
    composer also recurses without limit, and crashes the process on deep input.

    The parser's events are PyYAML's public API (``get_event``, ``peek_event``,
    ``check_event``, marks with a ``line``): libyaml's parser gives them fast, and
    PyYAML's pure-Python parser gives the same where PyYAML was built without libyaml.
    """

    where: list[str | int]  # the value being composed, for messages

    # The parser's methods, given by the parser class each loader below adds.
    get_event: Any
    peek_event: Any
    check_event: Any

    def document(self) -> Any:
        self.get_event()  # stream start
        if self.check_event(yaml.StreamEndEvent):
            raise YamlError(1, "file is empty")
        self.get_event()  # document start
        value = self.value()
        self.get_event()  # document end
        if not self.check_event(yaml.StreamEndEvent):
            line = _line(self.get_event())
            raise YamlError(line, "a data file holds one YAML document; remove this '---'")
        return value

    def value(self) -> Any:
        # Anchors are refused where they are defined, before any alias could reuse
        # (and multiply) them; nesting is refused before it recurses further.
        event: Any = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise YamlError(_line(event), _NO_ANCHORS, tuple(self.where))
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar()
        if len(self.where) >= MAX_DEPTH:
            raise YamlError(
                _line(event), f"values nested more than {MAX_DEPTH} levels deep", tuple(self.where)
            )
        if event.tag not in (None, "!", _MAP, _SEQ):
            raise YamlError(_line(event), f"unsupported YAML tag {event.tag}", tuple(self.where))
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence()
        return self.mapping()

    def sequence(self) -> LocatedList:
        items = LocatedList(_line(self.get_event()))
        while not self.check_event(yaml.SequenceEndEvent):
            items.item_lines.append(_line(self.peek_event()))
            self.where.append(len(items))
            items.append(self.value())
            self.where.pop()
        self.get_event()
        return items

    def mapping(self) -> LocatedDict:
        mapping = LocatedDict(_line(self.get_event()))
        while not self.check_event(yaml.MappingEndEvent):
            event: Any = self.peek_event()
            line = _line(event)
            if not isinstance(event, yaml.ScalarEvent) or self.tag_of(event) != _SCALARS + "str":
                raise YamlError(line, "mapping keys must be plain text", tuple(self.where))
            key = self.scalar()
            if key in mapping:
                raise YamlError(
                    line,
                    f"key '{key}' appears twice in the same mapping (first at line {mapping.key_lines[key]})",
                    (*self.where, key),
                )
            self.where.append(key)
            mapping[key] = self.value()
            mapping.key_lines[key] = line
            self.where.pop()
        self.get_event()
        return mapping

    def tag_of(self, event: Any) -> str:
        if event.tag is None or event.tag == "!":
            return str(self.resolve(ScalarNode, event.value, event.implicit))
        return str(event.tag)

    def scalar(self) -> Any:
        event: Any = self.get_event()
        line, tag = _line(event), self.tag_of(event)
        if event.style == '"':  # escapes such as \0 make characters the file does not show
            _refuse_invisible(event.value, line, tuple(self.where))
        if not tag.startswith(_SCALARS):
            raise YamlError(line, f"unsupported YAML tag {tag}", tuple(self.where))
        kind = tag[len(_SCALARS) :]
        if kind in ("str", "timestamp"):
            return event.value
        if event.implicit[0]:  # plain, not quoted: quoted values are text, as written
            self.refuse_ambiguous(kind, event.value, line)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            if kind == "float":
                number = self.construct_yaml_float(node)
                if not math.isfinite(number):
                    raise YamlError(
                        line, f"{event.value} is not a number a reader can be shown", tuple(self.where)
                    )
                return number
            if kind in ("int", "bool", "null"):
                return self.construct_object(node)
        except (ValueError, yaml.constructor.ConstructorError):
            pass
        raise YamlError(line, f"unsupported YAML value of type {kind}", tuple(self.where))

    def refuse_ambiguous(self, kind: str, value: str, line: int) -> None:
        """A plain value that YAML 1.1 and YAML 1.2 read differently is refused."""
        if kind == "int" and not _PLAIN_INT.fullmatch(value):
            ambiguous = "the number in plain digits (no leading 0, no '+', '_', ':' or 0x)"
        elif (
            kind == "float"
            and not _PLAIN_FLOAT.fullmatch(value)
            and value.lower() not in (".nan", ".inf", "-.inf", "+.inf")
        ):
            ambiguous = "the number as digits with a decimal point, such as 12.5"
        elif kind == "bool" and value not in _PLAIN_BOOL:
            ambiguous = "true or false"
        else:
            return
        raise YamlError(
            line,
            f"{value} is read differently by YAML 1.1 and YAML 1.2; write {ambiguous}, "
            f"or put it in quotes if it is text",
            tuple(self.where),
        )


class PurePythonLoader(Reader, Scanner, Parser, _Composing):
    """With PyYAML's pure-Python parser: slower, and always there."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.where = []


LOADER: Callable[[str], Any] = PurePythonLoader
if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class CLoader(CParser, _Composing):
        """With libyaml's parser, when PyYAML was built with it (its wheels are)."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self.where = []

    LOADER = CLoader
