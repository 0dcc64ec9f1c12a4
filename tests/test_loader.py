"""Loading and cross-checking a data directory, without Sphinx, on the test root's data."""

from __future__ import annotations

from pathlib import Path

import pytest
from projects import edit
from secsoc.data.files import ORGANISATIONS
from secsoc.data.loader import load_dataset
from secsoc.data.model import Dataset, Problem

OFFICIAL = "data/lists/official-2030-11-05.yaml"
MEMBERS = "data/lists/members-2031-01-10.yaml"


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
