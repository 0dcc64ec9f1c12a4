"""Loading and cross-checking a data directory, without Sphinx, on the test root's data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from projects import edit
from secsoc.data.files import ORGANISATIONS
from secsoc.data.loader import load_dataset
from secsoc.data.model import Dataset, Problem

OFFICIAL = "data/lists/official-2030-11-05.yaml"
MEMBERS = "data/lists/members-2031-01-10.yaml"
ORGANISATIONS_FILE = "data/organisations.yaml"


def load(root: Path) -> tuple[Dataset, list[Problem]]:
    return load_dataset(root / "data", root)


def line_containing(root: Path, name: str, text: str) -> int:
    lines = (root / name).read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def only_problem(root: Path) -> str:
    _, problems = load(root)
    assert len(problems) == 1, problems
    return str(problems[0])


def test_the_data_loads_into_records(secsoc_root: Path) -> None:
    dataset, problems = load(secsoc_root)
    assert problems == []
    official = dataset.lists["official-2030-11-05"]
    assert [entry.position for entry in official.entries] == [1, 2, 3, 4, 5]
    assert [entry.printed for entry in official.entries][:2] == [
        "Alpha, Secrétariat Social",
        "BETA Secrétariat Social",
    ]
    assert official.organisation_ids == ("alpha", "beta", "gamma", "omega")
    assert [e.remark.text for e in official.entries if e.remark] == ["première occurrence", "doublon"]
    assert [e.printed for e in official.entries if e.inferred] == ["SSG"]
    assert dataset.sources["official-2030"].numac == "2030205711"
    assert dataset.lists["members-2031-01-10"].claim is not None


def test_prose_is_folded_and_knows_its_line(secsoc_root: Path) -> None:
    dataset, _ = load(secsoc_root)
    (inferred,) = [e.inferred for e in dataset.lists["official-2030-11-05"].entries if e.inferred]
    assert inferred.text == "SSG sont les initiales de Secrétariat Social Gamma."
    assert str(inferred.location) == f"{OFFICIAL}:{line_containing(secsoc_root, OFFICIAL, 'inferred:')}"


def test_unknown_organisation_is_located_with_a_suggestion(secsoc_root: Path) -> None:
    edit(secsoc_root / OFFICIAL, "organisation: omega", "organisation: omegaa")
    dataset, problems = load(secsoc_root)
    line = line_containing(secsoc_root, OFFICIAL, "omegaa")
    assert [str(p) for p in problems] == [
        f"{OFFICIAL}:{line}: entries[4].organisation: unknown organisation 'omegaa'; did you mean 'omega'?"
    ]
    # the broken list is left out; the rest still loads
    assert "official-2030-11-05" not in dataset.lists
    assert "members-2031-01-10" in dataset.lists


def test_unknown_field_names_the_field_and_the_likely_one(secsoc_root: Path) -> None:
    edit(secsoc_root / "data/organisations.yaml", "    name: Omega", "    nmae: Omega")
    line = line_containing(secsoc_root, "data/organisations.yaml", "nmae")
    assert only_problem(secsoc_root) == (
        f"data/organisations.yaml:{line}: organisations[4].nmae: unknown field; did you mean 'name'? "
        "(allowed: aliases, id, name, note, website)"
    )


def test_missing_required_field_is_located_at_its_mapping(secsoc_root: Path) -> None:
    edit(secsoc_root / MEMBERS, "source: federation-members\nclaim:", "claim:")
    line = line_containing(secsoc_root, MEMBERS, "title:")
    assert only_problem(secsoc_root) == f"{MEMBERS}:{line}: source: required field is missing"


def test_wrong_type(secsoc_root: Path) -> None:
    edit(secsoc_root / "data/figures.yaml", "count: 4321", "count: beaucoup")
    line = line_containing(secsoc_root, "data/figures.yaml", "beaucoup")
    assert only_problem(secsoc_root) == (
        f"data/figures.yaml:{line}: figures[1].count: must be a whole number, not text ('beaucoup')"
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"])
def test_only_http_links(secsoc_root: Path, url: str) -> None:
    edit(secsoc_root / "data/sources.yaml", "url: https://example.org/federation/\n", f'url: "{url}"\n')
    assert only_problem(secsoc_root).endswith(f"url: {url!r} must be an http:// or https:// address")


def test_one_organisation_twice_needs_a_remark_on_both(secsoc_root: Path) -> None:
    edit(secsoc_root / OFFICIAL, "    remark: doublon\n", "")
    assert "entries[3]: organisation 'alpha' is already entry 1" in only_problem(secsoc_root)


def test_printed_name_must_be_a_name_of_the_organisation(secsoc_root: Path) -> None:
    edit(secsoc_root / MEMBERS, "printed: Beta", "printed: Betta")
    message = only_problem(secsoc_root)
    assert "entries[1].printed: 'Betta' is not a name of organisation 'beta'" in message
    assert "add it to that organisation's aliases" in message


def test_a_name_may_identify_one_organisation_only(secsoc_root: Path) -> None:
    edit(secsoc_root / "data/organisations.yaml", "aliases: [DELTA]", "aliases: [DELTA, GAMMA]")
    assert "name 'GAMMA' already belongs to organisation 'gamma'" in only_problem(secsoc_root)


def test_unknown_source(secsoc_root: Path) -> None:
    edit(secsoc_root / "data/figures.yaml", "source: federation-site", "source: federation-sit")
    assert only_problem(secsoc_root).endswith(
        "figures[0].source: unknown source 'federation-sit'; did you mean 'federation-site'?"
    )


def test_a_broken_file_does_not_cascade(secsoc_root: Path) -> None:
    """With organisations.yaml unreadable, the lists do not add an 'unknown organisation' each."""
    edit(secsoc_root / "data/organisations.yaml", "  - id: omega", "  - id: omega\n\t")
    dataset, problems = load(secsoc_root)
    assert len(problems) == 1
    assert str(problems[0]).startswith("data/organisations.yaml:")
    assert dataset.is_broken(ORGANISATIONS)
    assert dataset.lists  # the lists loaded, their organisations unchecked


def test_figure_placeholders_are_checked(secsoc_root: Path) -> None:
    edit(secsoc_root / "data/figures.yaml", "{count} employeurs", "{nombre} employeurs")
    assert "figures[1].statement: unknown placeholder {nombre}" in only_problem(secsoc_root)


def test_share_and_its_placeholder_go_together(secsoc_root: Path) -> None:
    edit(secsoc_root / "data/figures.yaml", "    share: 0.5\n", "")
    assert "{share} and the 'share' field go together" in only_problem(secsoc_root)


# -- the cache kept between builds ------------------------------------------------------


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data files parsed, by name, as the loader parses them."""
    from secsoc.data import yamlsource

    parsed: list[str] = []
    original = yamlsource.read_yaml

    def counting(path: Path, *args: object, **options: object) -> object:
        parsed.append(
            path.relative_to(path.parents[1] if path.parent.name == "lists" else path.parent).as_posix()
        )
        return original(path, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlsource, "read_yaml", counting)
    return parsed


def test_an_unchanged_data_directory_is_not_read_again(secsoc_root: Path, reads: list[str]) -> None:
    cache: dict[str, object] = {}
    first = load_dataset(secsoc_root / "data", secsoc_root, cache)
    assert len(reads) == len(list((secsoc_root / "data").rglob("*.yaml")))
    reads.clear()
    again = load_dataset(secsoc_root / "data", secsoc_root, cache)
    assert reads == []
    assert again == first


@pytest.mark.parametrize(
    ("edited", "read_again"),
    [
        (OFFICIAL, ["lists/official-2030-11-05.yaml"]),
        ("data/figures.yaml", ["figures.yaml"]),
        # the lists, figures and statements refer to the organisations and sources: checked again
        (
            "data/organisations.yaml",
            [
                "organisations.yaml",
                "figures.yaml",
                "statements.yaml",
                "lists/members-2031-01-10.yaml",
                "lists/official-2030-11-05.yaml",
            ],
        ),
    ],
    ids=["one-list", "figures", "organisations"],
)
def test_an_edit_reads_again_what_depends_on_the_file_only(
    secsoc_root: Path, reads: list[str], edited: str, read_again: list[str]
) -> None:
    cache: dict[str, object] = {}
    load_dataset(secsoc_root / "data", secsoc_root, cache)
    reads.clear()
    with (secsoc_root / edited).open("a", encoding="utf-8") as stream:
        stream.write("# an edit\n")
    dataset, problems = load_dataset(secsoc_root / "data", secsoc_root, cache)
    assert sorted(reads) == sorted(read_again)
    assert (dataset, problems) == load(secsoc_root)  # as a load without the cache


def test_a_schema_edit_reads_everything_again(secsoc_root: Path, reads: list[str]) -> None:
    cache: dict[str, object] = {}
    load_dataset(secsoc_root / "data", secsoc_root, cache)
    reads.clear()
    schema = next((secsoc_root / "data" / "schema").glob("*.json"))
    schema.write_text(schema.read_text("utf-8") + "\n", "utf-8")
    load_dataset(secsoc_root / "data", secsoc_root, cache)
    assert len(reads) == len(list((secsoc_root / "data").rglob("*.yaml")))


def test_a_mistake_is_reported_again_from_the_cache(secsoc_root: Path, reads: list[str]) -> None:
    edit(secsoc_root / ORGANISATIONS_FILE, "name: Omega", "nmae: Omega")
    cache: dict[str, object] = {}
    _, first = load_dataset(secsoc_root / "data", secsoc_root, cache)
    reads.clear()
    dataset, again = load_dataset(secsoc_root / "data", secsoc_root, cache)
    assert reads == []
    assert again == first and [problem.field for problem in again] == ["organisations[4].nmae"]
    assert dataset.is_broken(ORGANISATIONS)


def test_schemas_found_valid_are_not_checked_again_until_they_change(
    secsoc_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schemas found valid against their draft are remembered beside the doctrees, as
    Python keeps compiled code: a full build (a new cache) of unchanged schemas skips
    it; an edited schema is checked, and reported, at every build until fixed."""
    from secsoc.data import validation

    checks: list[int] = []
    check = validation._invalid_schema

    def counted(*args: Any) -> Any:
        checks.append(1)
        return check(*args)

    monkeypatch.setattr(validation, "_invalid_schema", counted)
    stamp = tmp_path / "doctrees" / "secsoc-verdicts"
    for _ in range(2):
        assert load_dataset(secsoc_root / "data", secsoc_root, {}, stamp)[1] == []
    assert checks == [1]
    stamp.write_bytes(b"\xff damaged")  # a damaged stamp only means checking again
    assert load_dataset(secsoc_root / "data", secsoc_root, {}, stamp)[1] == []
    assert checks == [1, 1]
    edit(secsoc_root / "data/schema/common.schema.json", '"type": "string"', '"type": "strng"')
    for _ in range(2):
        _, problems = load_dataset(secsoc_root / "data", secsoc_root, {}, stamp)
        assert any("not a valid JSON Schema" in str(problem) for problem in problems), problems
    assert checks == [1, 1, 1, 1]


def test_data_found_valid_is_read_again_but_not_checked_again_until_it_changes(
    secsoc_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full build (a new cache) reads every file again; a file a build found valid is
    checked against its schema again only once it (or a schema) changed, and a file
    with a mistake is checked, and reported, at every build until it is fixed."""
    from secsoc.data import validation

    checked: list[str] = []
    check = validation.Schemas.check

    def counted(self: validation.Schemas, kind: str, data: Any) -> Any:
        checked.append(kind)
        return check(self, kind, data)

    monkeypatch.setattr(validation.Schemas, "check", counted)
    verdicts = tmp_path / "doctrees" / "secsoc-verdicts"
    first, problems = load_dataset(secsoc_root / "data", secsoc_root, {}, verdicts)
    assert problems == []
    assert sorted(set(checked)) == ["figures", "list", "organisations", "sources", "statements"]
    checked.clear()
    again, problems = load_dataset(secsoc_root / "data", secsoc_root, {}, verdicts)
    assert (problems, checked) == ([], [])
    assert again.lists == first.lists and again.organisations == first.organisations

    edit(secsoc_root / OFFICIAL, "    remark: doublon\n", "    remark: 7\n")
    line = line_containing(secsoc_root, OFFICIAL, "remark: 7")
    for _ in range(2):
        _, problems = load_dataset(secsoc_root / "data", secsoc_root, {}, verdicts)
        assert [(p.location.display, p.location.line, p.field) for p in problems] == [
            (OFFICIAL, line, "entries[3].remark")
        ], problems
    assert checked == ["list", "list"]
    checked.clear()
    edit(
        secsoc_root / "data/schema/common.schema.json", '"description"', '"$comment": "edited", "description"'
    )
    edit(secsoc_root / OFFICIAL, "    remark: 7\n", "    remark: doublon\n")
    assert load_dataset(secsoc_root / "data", secsoc_root, {}, verdicts)[1] == []
    assert "organisations" in checked  # every file checked again against the edited schemas


def test_a_full_build_of_data_found_valid_does_not_import_jsonschema(
    secsoc_root: Path, tmp_path: Path
) -> None:
    """What makes a full build of unchanged data cheap: jsonschema (about 35 ms to import)
    is imported only when something has to be checked."""
    script = (
        "import sys; from pathlib import Path; from secsoc.data.loader import load_dataset\n"
        "root, verdicts = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "assert load_dataset(root / 'data', root, {}, verdicts)[1] == []\n"
        "print('jsonschema' in sys.modules)\n"
    )
    extension = Path(__file__).parents[1] / "_ext"
    environment = {**os.environ, "PYTHONPATH": str(extension)}
    verdicts = tmp_path / "secsoc-verdicts"
    imported = [
        subprocess.run(
            [sys.executable, "-c", script, str(secsoc_root), str(verdicts)],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert imported == ["True", "False"]
