"""Read one YAML data file into plain Python values that remember their lines.

PyYAML's ``safe_load`` silently keeps the last of two equal keys, expands
aliases without bound and turns ``2021-13-45`` into a traceback.  Data files are
edited by hand every year, so :class:`_DataLoader` is PyYAML's own loader with
three changes: it refuses what a data file never needs (aliases, exotic tags,
deep nesting), its mappings and sequences remember their lines, and two equal
keys are an error.  Dates stay text so that the JSON Schema reports a bad one at
its own line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

#: A data file larger than this is refused before it is parsed: the yearly lists
#: hold a few dozen entries and the benchmark's largest file (20,000 organisations)
#: is 2.4 MiB, so anything bigger is a mistake (a wrong file, a generated dump)
#: that would only cost time and memory: PyYAML's composer holds a node for
#: every value while it reads (README, "Limits on data files").
MAX_FILE_BYTES = 4 * 1024 * 1024

#: Data files are a few levels deep (a list of entries with their fields); a deeper
#: file is a mistake, and refusing it before composing keeps every step from
#: recursing into it.
MAX_DEPTH = 20

Where = tuple[str | int, ...]

_SCALARS = "tag:yaml.org,2002:"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
# Characters a text editor does not show as such, or that libyaml counts as a line
# break where editors do not (which would shift every later line number): C0 and C1
# controls but tab, line feed and carriage return, and the Unicode line separators.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
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


def read_yaml(path: Path) -> Any:
    """Parse ``path`` into located values; raise :class:`YamlError` for anything wrong."""
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
    loader = _DataLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlError(1, "file is empty")
        return loader.located(node, ())
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
    finally:
        loader.dispose()


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


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


# PyYAML's loaders are mixins; this order puts the Python composer (which
# this class extends) before libyaml's, whose recursion has no depth limit.
class _DataLoader(Composer, CParser, SafeConstructor, Resolver):
    """PyYAML's safe loader on libyaml's parser, made strict for hand-edited data."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        # Anchors are refused where they are defined, before any alias could reuse
        # (and multiply) them; nesting is refused before it recurses further.
        event: Any = self.peek_event()  # libyaml's events, untyped
        line = int(event.start_mark.line) + 1
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise YamlError(line, _NO_ANCHORS)
        if isinstance(event, yaml.ScalarEvent):
            return super().compose_node(parent, index)
        if self.depth >= MAX_DEPTH:
            raise YamlError(line, f"values nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def get_single_node(self) -> Node | None:
        try:
            return super().get_single_node()
        except yaml.composer.ComposerError as err:
            if err.problem != "but found another document" or err.problem_mark is None:
                raise
            line = int(err.problem_mark.line) + 1
            raise YamlError(line, "a data file holds one YAML document; remove this '---'") from None

    def located(self, node: Node, path: Where) -> Any:
        """The value of ``node``, its containers remembering their lines."""
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if node.tag not in (_MAP, _SEQ):
            raise YamlError(_line(node), f"unsupported YAML tag {node.tag}", path)
        if isinstance(node, SequenceNode):
            items = LocatedList(_line(node))
            for index, item in enumerate(node.value):
                items.append(self.located(item, (*path, index)))
                items.item_lines.append(_line(item))
            return items
        assert isinstance(node, MappingNode)
        mapping = LocatedDict(_line(node))
        for key_node, value_node in node.value:
            line = _line(key_node)
            if not isinstance(key_node, ScalarNode) or key_node.tag != _SCALARS + "str":
                raise YamlError(line, "mapping keys must be plain text", path)
            key = key_node.value
            if key in mapping:
                raise YamlError(
                    line,
                    f"key '{key}' appears twice in the same mapping (first at line {mapping.key_lines[key]})",
                    (*path, key),
                )
            mapping[key] = self.located(value_node, (*path, key))
            mapping.key_lines[key] = line
        return mapping

    def scalar(self, node: ScalarNode, path: Where) -> Any:
        line = _line(node)
        if node.style == '"':  # escapes such as \0 make characters the file does not show
            _refuse_invisible(node.value, line, path)
        if not node.tag.startswith(_SCALARS):
            raise YamlError(line, f"unsupported YAML tag {node.tag}", path)
        kind = node.tag[len(_SCALARS) :]
        if kind in ("str", "timestamp"):
            return node.value
        try:
            if kind == "float":
                number = self.construct_yaml_float(node)
                if not math.isfinite(number):
                    raise YamlError(line, f"{node.value} is not a number a reader can be shown", path)
                return number
            if kind in ("int", "bool", "null"):
                return self.construct_object(node)
        except (ValueError, yaml.constructor.ConstructorError):
            pass
        raise YamlError(line, f"unsupported YAML value of type {kind}", path)
