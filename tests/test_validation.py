"""The schemas as the build applies them: their definitions written in place (faster),
and the same verdicts as the schema files."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from projects import ROOT
from referencing import Registry, Resource
from secsoc.data import validation

SCHEMAS = ROOT / "data" / "schema"
DOCUMENTS = {path.name: json.loads(path.read_text("utf-8")) for path in SCHEMAS.glob("*.schema.json")}
REGISTRY: Registry[Any] = Registry().with_resources(
    (name, Resource.from_contents(document)) for name, document in DOCUMENTS.items()
)
# Every data file of the site, whatever the year, with the schema it follows.
DATA = sorted(
    (path, "list" if path.parent.name == "lists" else path.stem)
    for path in (ROOT / "data").rglob("*.yaml")
    if path.parent.name != "schema"
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10**6),
    st.text(max_size=12),
    st.sampled_from(["2021-02-30", "https://example.org/", "org-x", "", "nmae"]),
    st.lists(st.text(max_size=4), max_size=2),
    st.dictionaries(st.sampled_from(["name", "nmae", "id", "url", "fr"]), st.text(max_size=4), max_size=2),
)


def errors(validator: Draft202012Validator, data: Any) -> list[tuple[Any, ...]]:
    """What the build's messages are made of: each error's place, keyword, message and
    the schema's own message for it."""
    return sorted(
        (
            tuple(map(str, error.absolute_path)),
            error.validator,
            error.message,
            error.schema.get("x-message") if isinstance(error.schema, dict) else None,
        )
        for error in validation._leaves(validator.iter_errors(data))
    )


@cache
def validators(kind: str) -> tuple[Draft202012Validator, Draft202012Validator]:
    """The schema file as written, and as the build applies it."""
    name = f"{kind}.schema.json"
    formats = validation.Schemas(SCHEMAS)._validators[kind].format_checker
    written = Draft202012Validator(DOCUMENTS[name], registry=REGISTRY, format_checker=formats)
    inlined = validation._inlined(DOCUMENTS[name], name, DOCUMENTS)
    return written, Draft202012Validator(inlined, registry=REGISTRY, format_checker=formats)


@cache
def parsed(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def paths(node: Any, where: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [where]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*where, index))
    return found


def replaced(node: Any, where: tuple[str | int, ...], value: Any) -> Any:
    if not where:
        return value
    head, *tail = where
    copy = dict(node) if isinstance(node, dict) else list(node)
    copy[head] = replaced(node[head], tuple(tail), value)  # type: ignore[index]
    return copy


def test_every_definition_is_written_in_place() -> None:
    """A reference left in place would keep the slow look-up this is for."""
    for name, document in DOCUMENTS.items():
        inlined = validation._inlined(document, name, DOCUMENTS)
        assert '"$ref"' not in json.dumps(inlined), name


@pytest.mark.parametrize(("path", "kind"), DATA, ids=[path.name for path, _ in DATA])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_build_refuses_what_the_schema_files_refuse(path: Path, kind: str, data: st.DataObject) -> None:
    document = parsed(path)
    where = data.draw(st.sampled_from(paths(document)))
    mutated = replaced(document, where, data.draw(VALUES))
    written, inlined = validators(kind)
    assert errors(inlined, mutated) == errors(written, mutated)


def test_a_reference_in_a_loop_stays_a_reference() -> None:
    tree = {
        "$schema": validation.DIALECT,
        "$defs": {
            "node": {"type": "object", "properties": {"children": {"items": {"$ref": "#/$defs/node"}}}}
        },
        "$ref": "#/$defs/node",
    }
    inlined = validation._inlined(tree, "tree.schema.json", {"tree.schema.json": tree})
    assert inlined["properties"]["children"]["items"] == {"$ref": "tree.schema.json#/$defs/node"}
    registry: Registry[Any] = Registry().with_resource("tree.schema.json", Resource.from_contents(tree))
    validator = Draft202012Validator(inlined, registry=registry)
    assert not validator.is_valid({"children": [{"children": [3]}]})
    assert validator.is_valid({"children": [{"children": []}]})
