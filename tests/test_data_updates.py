"""A data update changes the pages, in both languages, with no page or catalog edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from projects import BuildRoot, append, edit
from reading import caption, comparison, list_table

OFFICIAL = "data/lists/official-2030-11-05.yaml"
DELTA = "  - printed: DELTA\n    organisation: delta\n"
OMEGA = "  - printed: Omega\n    organisation: omega\n"
BETA = "  - printed: BETA Secrétariat Social\n    organisation: beta\n"


def sentences(build: BuildRoot, root: Path, language: str = "fr") -> list[str]:
    site = build(root, language)
    assert site.warnings == ""
    return comparison(site.main("lists"))


def test_the_published_comparison(build: BuildRoot, secsoc_root: Path) -> None:
    assert sentences(build, secsoc_root) == [
        "La liste officielle compte 4 organismes distincts.",
        "La liste des membres compte 3 organismes distincts.",
        "Un seul organisme de la liste officielle est absent de la liste des membres : Omega.",
        "Tous les organismes de la liste des membres figurent dans la liste officielle.",
        "Un organisme apparaît plusieurs fois dans la liste officielle : Alpha (inscriptions 1 et 4).",
        "Aucun organisme n'apparaît plus d'une fois dans la liste des membres.",
        "La liste des membres s'accompagne de cette affirmation : « Tous les secrétariats agréés sauf un "
        "sont nos membres. »",
        "Source : Fédération des secrétariats, « Membres », à la date du 10 janvier 2031, HTML.",
        "La comparaison par organisme confirme cette affirmation.",
    ]


def test_a_second_organisation_only_in_the_official_list(build: BuildRoot, secsoc_root: Path) -> None:
    append(secsoc_root / OFFICIAL, DELTA)
    found = sentences(build, secsoc_root)
    assert (
        "2 organismes de la liste officielle sont absents de la liste des membres : Omega et Delta."
    ) in found
    assert (
        "La comparaison par organisme ne confirme pas cette affirmation : 2 organismes de la liste "
        "officielle manquent dans la liste des membres."
    ) in found


def test_without_an_outsider_the_claim_is_not_confirmed_as_stated(
    build: BuildRoot, secsoc_root: Path
) -> None:
    edit(secsoc_root / OFFICIAL, OMEGA, "")
    found = sentences(build, secsoc_root)
    assert "Tous les organismes de la liste officielle figurent dans la liste des membres." in found
    assert (
        "La comparaison par organisme ne confirme pas cette affirmation telle quelle : tous les "
        "organismes de la liste officielle figurent dans la liste des membres."
    ) in found


def test_a_member_missing_from_the_official_list(build: BuildRoot, secsoc_root: Path) -> None:
    edit(secsoc_root / OFFICIAL, BETA, "")
    assert (
        "Un seul organisme de la liste des membres est absent de la liste officielle : Beta."
    ) in sentences(build, secsoc_root)


def test_the_table_follows_the_list_file(build: BuildRoot, secsoc_root: Path) -> None:
    append(secsoc_root / OFFICIAL, DELTA)
    site = build(secsoc_root)
    table = caption(list_table(site.main("lists"), "official-2030-11-05"))
    assert table.endswith(" : 6 inscriptions à la date du 5 novembre 2030")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            (DELTA, ""),
            [
                "2 organisaties van de officiële lijst ontbreken op de ledenlijst: Omega en Delta.",
                "De vergelijking per organisatie bevestigt deze bewering niet: 2 organisaties van de "
                "officiële lijst ontbreken op de ledenlijst.",
            ],
        ),
        (
            ("", OMEGA),
            [
                "Alle organisaties van de officiële lijst staan ook op de ledenlijst.",
            ],
        ),
    ],
    ids=["plural", "none"],
)
def test_a_data_update_needs_no_translation(
    build: BuildRoot, secsoc_root: Path, change: tuple[str, str], expected: list[str]
) -> None:
    added, removed = change
    if added:
        append(secsoc_root / OFFICIAL, added)
    if removed:
        edit(secsoc_root / OFFICIAL, removed, "")
    found = sentences(build, secsoc_root, "nl")
    for sentence in expected:
        assert sentence in found
