"""Check a parsed data file against its JSON Schema and word the errors for people.

The schemas in ``data/schema`` are the single description of the data: editors
use them while typing, and this module uses the same files at build time.  The
messages say which field is wrong, at which line, in words a maintainer who has
never read a JSON Schema understands.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .yamlsource import line_of

_TYPE_NAMES = {
    "object": "a mapping (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


@dataclass(frozen=True, slots=True)
class SchemaError:
    line: int
    field: str
    message: str
    implies_missing: str | None = None  # the required field a typo stands for


class Schemas:
    """The data schemas of one project, compiled once per build."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.files = tuple(sorted(directory.glob("*.schema.json")))
        documents = {path.name: json.loads(path.read_text("utf-8")) for path in self.files}
        registry: Registry[Any] = Registry().with_resources(
            (name, Resource.from_contents(document)) for name, document in documents.items()
        )
        self._validators = {
            name.removesuffix(".schema.json"): Draft202012Validator(
                document,
                registry=registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
            for name, document in documents.items()
        }

    def check(self, kind: str, data: Any) -> list[SchemaError]:
        """All schema errors of ``data``, in line order.

        A misspelt field ('nmae') is one mistake, not two: the 'required field
        is missing' that it causes is dropped when the typo suggests that field.
        """
        found = {_describe(error, data) for error in _leaves(self._validators[kind].iter_errors(data))}
        explained = {error.implies_missing for error in found if error.implies_missing}
        return sorted(
            (error for error in found if error.field not in explained),
            key=lambda error: (error.line, error.field),
        )


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


def _describe(error: ValidationError, data: Any) -> SchemaError:
    path = tuple(error.absolute_path)
    keyword = error.validator
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    if keyword == "required":
        missing = _quoted_name(error.message)
        return SchemaError(line_of(data, path), field_name((*path, missing)), "required field is missing")
    if keyword == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        name = extra[0]
        hint = difflib.get_close_matches(name, allowed, n=1)
        message = "unknown field" + (f"; did you mean '{hint[0]}'?" if hint else "")
        message += f" (allowed: {', '.join(allowed)})"
        return SchemaError(
            line_of(data, (*path, name)),
            field_name((*path, name)),
            message,
            field_name((*path, hint[0])) if hint else None,
        )
    line = line_of(data, path)
    if keyword == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(name, name) for name in names)
        return SchemaError(line, field_name(path), f"must be {wanted}, not {_kind_of(error.instance)}")
    if custom and keyword in ("pattern", "format"):
        return SchemaError(line, field_name(path), f"{error.instance!r} {custom}")
    if keyword in ("minLength", "pattern") and isinstance(error.instance, str):
        return SchemaError(line, field_name(path), "must not be empty")
    if keyword == "minItems" and error.validator_value == 1:
        return SchemaError(line, field_name(path), "must hold at least one item")
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        return SchemaError(line, field_name(path), f"{error.instance!r} must be one of: {choices}")
    if keyword == "uniqueItems":
        return SchemaError(line, field_name(path), "lists the same value twice")
    return SchemaError(line, field_name(path), error.message)


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
        return f"text ({value!r})"
    return f"{value!r}"
