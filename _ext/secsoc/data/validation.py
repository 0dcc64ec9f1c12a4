"""Check a parsed data file against its JSON Schema and word the errors for people.

The schemas in ``data/schema`` are the single description of the data: editors
use them while typing, and this module uses the same files at build time.  The
messages say which field is wrong, at which line, in words a maintainer who has
never read a JSON Schema understands.
"""

from __future__ import annotations

import datetime
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .model import closest
from .yamlsource import line_of

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "object": "a mapping (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


#: How many schema errors of one file are worded; the loader shows fewer still.
MAX_ERRORS = 100


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    line: int
    field: str
    message: str
    implies_missing: str | None = None  # the required field a typo stands for


class Schemas:
    """The data schemas of one project, checked and prepared once per build.

    One engine, jsonschema, implements the schemas' declared draft (2020-12)
    fully, as editors do: what an editor refuses, the build refuses.  It checks
    the schemas themselves, then each data file, and its errors say which keyword
    failed and where, which the messages below put in a maintainer's words.
    """

    def __init__(self, directory: Path, kinds: tuple[str, ...] = (), checked: bool = False) -> None:
        """``checked``: these very schemas passed their own checks before (the loader
        remembers it), so they are not checked against their draft again."""
        from jsonschema import Draft202012Validator, FormatChecker
        from referencing import Registry, Resource

        self.files = tuple(sorted(directory.glob("*.schema.json")))
        for kind in kinds:  # the schemas the loader needs
            path = directory / f"{kind}.schema.json"
            if not path.is_file():
                raise SchemaFileError(path, 1, "schema file is missing")
        texts = {path: _read_text(path) for path in self.files}
        documents = {path.name: _parse_json(path, text) for path, text in texts.items()}
        for path, text in texts.items():
            _check_dialect(path, text, documents[path.name])
        if not checked:
            invalid = _invalid_schema(texts, documents)
            if invalid:
                raise invalid
        formats = FormatChecker()
        formats.checks("date")(_is_date)
        registry: Registry[Any] = Registry().with_resources(
            (name, Resource.from_contents(document)) for name, document in documents.items()
        )
        if not checked:
            for path, text in texts.items():
                _check_references(path, text, documents[path.name], registry)
        self._validators = {
            name.removesuffix(".schema.json"): Draft202012Validator(
                _inlined(document, name, documents), registry=registry, format_checker=formats
            )
            for name, document in documents.items()
        }

    def check(self, kind: str, data: Any) -> list[SchemaProblem]:
        """The schema errors of ``data`` (at most :data:`MAX_ERRORS`), in line order.

        A misspelt field ('nmae') is one mistake, not two: the 'required field
        is missing' that it causes is dropped when the typo suggests that field.
        """
        # A file of a million broken entries must not cost a million messages: the
        # errors are produced lazily and only the first ones are worded.
        leaves = itertools.islice(_leaves(self._validators[kind].iter_errors(data)), MAX_ERRORS)
        found = {_describe(error, data) for error in leaves}
        explained = {error.implies_missing for error in found if error.implies_missing}
        return sorted(
            (error for error in found if error.field not in explained),
            key=lambda error: (error.line, error.field),
        )


class SchemaFileError(Exception):
    """A schema file that cannot be used, with where."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(message)
        self.path, self.line, self.message = path, line, message


def _shorten(text: str, limit: int) -> str:
    """A message quotes a short excerpt of a long value, not a pasted page of text."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _excerpt(value: object) -> str:
    return _shorten(repr(value), 60)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(value: object) -> bool:
    """JSON Schema's "date" (RFC 3339 full-date): YYYY-MM-DD, a day that exists.

    Python's ``date.fromisoformat`` alone also takes ISO week dates ("2021-W45-5")
    and other forms editors refuse; both validation passes use this one test.
    """
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return not isinstance(value, str)  # formats apply to text only
    try:
        return bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SchemaFileError(path, 1, f"cannot read the schema: {err}") from None


def _parse_json(path: Path, text: str) -> Any:
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        line = err.lineno if isinstance(err, json.JSONDecodeError) else 1
        raise SchemaFileError(path, line, f"invalid JSON: {getattr(err, 'msg', err)}") from None
    if not isinstance(document, dict):
        raise SchemaFileError(path, 1, "a schema must be a JSON object ({ ... }), not a list or a value")
    return document


#: The draft the schemas are written in, as editors read it from ``$schema``.
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _check_dialect(path: Path, text: str, document: Any) -> None:
    """A schema declares the draft it follows; another (or a mistyped one) would be read
    by other rules than the build's, or not at all."""
    declared = document.get("$schema") if isinstance(document, dict) else None
    if declared != DIALECT:
        line = _line_in_json(text, ("$schema",), declared) if declared is not None else 1
        raise SchemaFileError(path, line, f'$schema: write "$schema": "{DIALECT}" (found {declared!r})')


def _references(node: Any, where: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield (*where, key), value
            else:
                yield from _references(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _references(value, (*where, index))


def _check_references(path: Path, text: str, document: Any, registry: Any) -> None:
    """Every ``$ref`` leads somewhere: jsonschema follows one only when a data file
    reaches it, and a broken one would then stop the check of that file."""
    from referencing.exceptions import Unresolvable

    resolver = registry.resolver(base_uri=path.name)
    for where, reference in _references(document):
        try:
            resolver.lookup(reference)
        except Unresolvable:
            line = _line_in_json(text, where, reference)
            message = f"{field_name(where)}: {reference!r} leads to no definition in the schemas"
            raise SchemaFileError(path, line, message) from None


def _invalid_schema(texts: dict[Path, str], documents: dict[str, Any]) -> SchemaFileError | None:
    """The first schema that breaks the rules of its draft (2020-12), where and why."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    for path, text in texts.items():
        try:
            Draft202012Validator.check_schema(documents[path.name])
        except SchemaError as found:
            line = _line_in_json(text, tuple(found.absolute_path), found.instance)
            where = field_name(tuple(found.absolute_path))
            return SchemaFileError(path, line, f"{where}: not a valid JSON Schema: {found.message}")
    return None


#: Keywords that describe a schema without changing what it accepts: beside a
#: ``$ref``, they may stand in for the definition's own.
_ANNOTATIONS = frozenset({"title", "description", "$comment", "examples", "default", "deprecated"})
#: A definition that declares these depends on where it sits: it keeps its ``$ref``.
_PLACED = frozenset({"$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$schema"})


def _inlined(node: Any, base: str, documents: dict[str, Any], following: frozenset[str] = frozenset()) -> Any:
    """``node`` with each ``$ref`` to a definition of the schema files replaced by
    the definition itself, for the validation of the data only.

    jsonschema looks a ``$ref`` up again for every value it checks against it (an
    id, a text: several times per entry of a list), which is most of the time a
    list's validation takes; a definition written in place is checked at once.
    The keywords are the same, so is every error (its field, its keyword, its
    ``x-message``); a ``$ref`` that cannot be written in place (a loop, a
    definition with an ``$id`` or an anchor, an address outside the schema
    files) stays, written so that it still resolves from where it now sits.
    """
    if isinstance(node, list):
        return [_inlined(value, base, documents, following) for value in node]
    if not isinstance(node, dict):
        return node
    rest = {key: _inlined(value, base, documents, following) for key, value in node.items() if key != "$ref"}
    reference = node.get("$ref")
    if not isinstance(reference, str):
        return rest if "$ref" not in node else {**rest, "$ref": reference}
    file, _, fragment = reference.partition("#")
    address = f"{file or base}#{fragment}"
    target = _pointed(documents.get(file or base), fragment)
    if target is None or address in following or (isinstance(target, dict) and _PLACED & target.keys()):
        return {**rest, "$ref": address}
    definition = _inlined(target, file or base, documents, following | {address})
    if isinstance(definition, dict) and not (definition.keys() & rest.keys()) - _ANNOTATIONS:
        return {**definition, **rest}
    return {**rest, "allOf": [definition, *rest.get("allOf", [])]}


def _pointed(document: Any, fragment: str) -> Any:
    """The value a JSON pointer fragment (``/$defs/id``) points to, or None."""
    if document is None or (fragment and not fragment.startswith("/")):
        return None
    value = document
    for step in fragment.split("/")[1:] if fragment else []:
        step = unquote(step).replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        else:
            return None
    return value


def _line_in_json(text: str, path: tuple[str | int, ...], value: Any) -> int:
    """The line of ``value`` at ``path`` in a JSON text: json keeps no positions, so
    the key and its value are looked for in the text, then the value alone."""
    written = re.escape(json.dumps(value, ensure_ascii=False))
    patterns = [written]
    if path and isinstance(path[-1], str):
        patterns.insert(0, re.escape(json.dumps(path[-1], ensure_ascii=False)) + r"\s*:\s*" + written)
    for pattern in patterns:
        found = re.search(pattern, text)
        if found:
            return text.count("\n", 0, found.start()) + 1
    return 1


def _leaves(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    for error in errors:
        if error.context:
            yield from _leaves(iter(error.context))
        else:
            yield error


def field_name(path: tuple[str | int, ...]) -> str:
    """``('entries', 7, 'remark')`` -> ``entries[7].remark``."""
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else step)
    return name or "(top level)"


def _describe(error: ValidationError, data: Any) -> SchemaProblem:
    # jsonschema types these as possibly unset; an error from iter_errors has them all.
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    instance: Any = error.instance
    validator_value: Any = error.validator_value
    path = tuple(error.absolute_path)
    keyword = error.validator
    custom = schema.get("x-message")
    if keyword == "required":
        missing = _quoted_name(error.message)
        return SchemaProblem(line_of(data, path), field_name((*path, missing)), "required field is missing")
    if keyword == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        name = extra[0]
        hint = closest(name, allowed)
        required = schema.get("required", [])
        absent = [str(key) for key in required if isinstance(instance, dict) and key not in instance]
        if not hint and len(extra) == 1 and len(absent) == 1:
            hint = absent[0]  # one field renamed ('name' -> 'nom'): one mistake, one message
        message = "unknown field" + (f"; did you mean '{hint}'?" if hint else "")
        message += f" (allowed: {', '.join(allowed)})"
        return SchemaProblem(
            line_of(data, (*path, name)),
            field_name((*path, name)),
            message,
            field_name((*path, hint)) if hint else None,
        )
    line = line_of(data, path)
    if keyword == "type":
        expected = validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(name, name) for name in names)
        return SchemaProblem(line, field_name(path), f"must be {wanted}, not {_kind_of(instance)}")
    if keyword == "maxLength" and isinstance(instance, str):
        message = (
            f"{_excerpt(instance)} is {len(instance)} characters long, over the {validator_value} allowed"
        )
        return SchemaProblem(line, field_name(path), message)
    if custom and keyword in ("pattern", "format", "minimum", "maximum"):
        return SchemaProblem(line, field_name(path), f"{_excerpt(instance)} {custom}")
    if keyword in ("minLength", "pattern") and isinstance(instance, str):
        return SchemaProblem(line, field_name(path), "must not be empty")
    if keyword == "minItems" and validator_value == 1:
        return SchemaProblem(line, field_name(path), "must hold at least one item")
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in validator_value)
        return SchemaProblem(line, field_name(path), f"{_excerpt(instance)} must be one of: {choices}")
    if keyword == "uniqueItems":
        return SchemaProblem(line, field_name(path), "lists the same value twice")
    return SchemaProblem(line, field_name(path), _shorten(error.message, 200))


def _quoted_name(message: str) -> str:
    # jsonschema words it "'name' is a required property"
    return message.split("'")[1] if message.count("'") >= 2 else message


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text ({_excerpt(value)})"
    return _excerpt(value)
