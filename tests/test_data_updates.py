"""A data update changes the pages, in both languages, with no page or catalog edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Tag
from projects import BuildRoot, append, edit
from reading import caption, comparison, entries, found, list_table, text
from secsoc.i18n.formatting import french_spacing

OFFICIAL = "data/lists/official-2030-11-05.yaml"
DELTA = "  - printed: DELTA\n    organisation: delta\n"
OMEGA = "  - printed: Omega\n    organisation: omega\n"
BETA = "  - printed: BETA Secrétariat Social\n    organisation: beta\n"


def french(expected: list[str]) -> list[str]:
    """As the French edition prints them: narrow no-break spaces before : ; ! ? and in « »."""
    return [french_spacing(sentence) for sentence in expected]


def sentences(build: BuildRoot, root: Path, language: str = "fr") -> list[str]:
    site = build(root, language)
    assert site.warnings == ""
    return comparison(site.main("lists"))


# The test root's comparison, as the two cases below read it, around their difference.
COUNTS = [
    "La liste « Officielle » (situation au 5 novembre 2030) compte 4 organismes distincts.",
    "La liste « Fédération » (situation au 10 janvier 2031) compte 3 organismes distincts.",
    "Un seul organisme de la liste « Officielle » est absent de la liste « Fédération » : Omega.",
    "Tous les organismes de la liste « Fédération » figurent dans la liste « Officielle ».",
    # what the conclusions rest on: two lists of different dates
    "La liste « Officielle » (situation au 5 novembre 2030) et la liste « Fédération » (situation au "
    "10 janvier 2031) ne sont pas de la même date : un organisme a pu entrer dans l'une ou en sortir "
    "entre ces deux dates.",
]
DUPLICATES_AND_CLAIM = [
    "Un organisme apparaît plusieurs fois dans la liste « Officielle » : Alpha (inscriptions 1 et 4).",
    "Aucun organisme n'apparaît plus d'une fois dans la liste « Fédération ».",
    "La liste « Fédération » s'accompagne de cette affirmation : "
    "« Tous les secrétariats agréés sauf un sont nos membres. »",
    "Source : Fédération des secrétariats, « Membres », à la date du 10 janvier 2031, HTML.",
]


def test_the_published_comparison(build: BuildRoot, secsoc_root: Path) -> None:
    assert sentences(build, secsoc_root) == french(
        [
            *COUNTS,
            "Ces constats tiennent compte d'une correspondance déduite, indiquée dans le tableau.",
            *DUPLICATES_AND_CLAIM,
            "La comparaison par organisme concorde avec cette affirmation, en tenant compte d'une "
            "correspondance déduite (voir le tableau).",
        ]
    )


def test_without_an_inferred_match_the_conclusions_say_nothing_of_them(
    build: BuildRoot, secsoc_root: Path
) -> None:
    """The other case of test_site's test_conclusions_say_how_many_matches_are_inferred."""
    edit(
        secsoc_root / OFFICIAL,
        "    inferred: >-\n      SSG sont les initiales de Secrétariat Social Gamma.\n",
        "",
    )
    site = build(secsoc_root)
    assert site.warnings == ""
    block = found(site.main("lists").find(class_="secsoc-comparison"))
    assert block.select(".secsoc-hedge") == []
    assert [text(paragraph) for paragraph in block.find_all("p")] == french(
        [
            *COUNTS,
            *DUPLICATES_AND_CLAIM,
            "La comparaison par organisme concorde avec cette affirmation.",
        ]
    )


def test_lists_of_the_same_day_are_said_to_be_so(build: BuildRoot, secsoc_root: Path) -> None:
    """The members' list made of the official list's day: no warning about dates."""
    lists = secsoc_root / "data/lists"
    (lists / "members-2031-01-10.yaml").rename(lists / "members-2030-11-05.yaml")
    edit(secsoc_root / "data/sources.yaml", "reference_date: 2031-01-10", "reference_date: 2030-11-05")
    (secsoc_root / "lists.md").write_text(
        (secsoc_root / "lists.md").read_text("utf-8").replace("members-2031-01-10", "members-2030-11-05"),
        "utf-8",
    )
    found = sentences(build, secsoc_root)
    assert (
        french_spacing(
            "Les listes « Officielle » et « Fédération » datent du même jour (situation au 5 novembre 2030)."
        )
        in found
    )
    assert not [sentence for sentence in found if "pas de la même date" in sentence]


def test_a_second_organisation_only_in_the_official_list(build: BuildRoot, secsoc_root: Path) -> None:
    append(secsoc_root / OFFICIAL, DELTA)
    found = sentences(build, secsoc_root)
    assert (
        french_spacing(
            "2 organismes de la liste « Officielle » sont absents de la liste « Fédération » : "
            "Omega et Delta."
        )
        in found
    )
    assert (
        french_spacing(
            "La comparaison par organisme ne concorde pas avec cette affirmation : 2 organismes de la liste "
            "« Officielle » manquent dans la liste « Fédération »."
        )
        in found
    )


def test_without_an_outsider_the_claim_is_not_confirmed_as_stated(
    build: BuildRoot, secsoc_root: Path
) -> None:
    edit(secsoc_root / OFFICIAL, OMEGA, "")
    found = sentences(build, secsoc_root)
    assert (
        french_spacing(
            "Tous les organismes de la liste « Officielle » figurent dans la liste « Fédération »."
        )
        in found
    )
    assert (
        french_spacing(
            "La comparaison par organisme ne concorde pas avec cette affirmation telle quelle : tous les "
            "organismes de la liste « Officielle » figurent dans la liste « Fédération »."
        )
        in found
    )


def test_a_member_missing_from_the_official_list(build: BuildRoot, secsoc_root: Path) -> None:
    edit(secsoc_root / OFFICIAL, BETA, "")
    assert french_spacing(
        "Un seul organisme de la liste « Fédération » est absent de la liste « Officielle » : Beta."
    ) in sentences(build, secsoc_root)


def test_the_table_follows_the_list_file(build: BuildRoot, secsoc_root: Path) -> None:
    append(secsoc_root / OFFICIAL, DELTA)
    site = build(secsoc_root)
    table = list_table(site.main("lists"), "official-2030-11-05")
    assert caption(table).endswith(french_spacing(", situation au 5 novembre 2030 : 6 inscriptions"))
    last = entries(table)[-1]
    assert (last.position, last.printed, last.organisation) == ("6", "DELTA", "Delta")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            (DELTA, ""),
            [
                "2 organisaties van de lijst “Officieel” ontbreken op de lijst “Federatie”: Omega en Delta.",
                "De vergelijking per organisatie strookt niet met deze bewering: 2 organisaties van de "
                "lijst “Officieel” ontbreken op de lijst “Federatie”.",
            ],
        ),
        (
            ("", OMEGA),
            [
                "Alle organisaties van de lijst “Officieel” staan ook op de lijst “Federatie”.",
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


def test_a_list_name_of_any_gender_or_number_reads_well_in_both_languages(
    build: BuildRoot, secsoc_root: Path
) -> None:
    """A masculine plural, vowel-initial name in French; a het-word in Dutch."""
    edit(secsoc_root / OFFICIAL, "label: Officielle", "label: Annuaires officiels")
    edit(
        secsoc_root / "locales/nl/LC_MESSAGES/data.po",
        'msgid "Officielle"\nmsgstr "Officieel"',
        'msgid "Annuaires officiels"\nmsgstr "Jaarboek"',
    )
    assert sentences(build, secsoc_root)[:3:2] == french(
        [
            "La liste « Annuaires officiels » (situation au 5 novembre 2030) compte 4 organismes distincts.",
            "Un seul organisme de la liste « Annuaires officiels » est absent de la liste « Fédération » : "
            "Omega.",
        ]
    )
    assert sentences(build, secsoc_root, "nl")[:3:2] == [
        "De lijst “Jaarboek” (toestand op 5 november 2030) telt 4 verschillende organisaties.",
        "Eén organisatie van de lijst “Jaarboek” ontbreekt op de lijst “Federatie”: Omega.",
    ]


NEXT_YEAR = """title: Secrétariats sociaux agréés publiés au Moniteur belge
label: Officielle
source: official-2030
entries:
  - printed: BETA Secrétariat Social
    organisation: beta
  - printed: Alpha, Secrétariat Social
    organisation: alpha
  - printed: GAMMA
    organisation: gamma
  - printed: DELTA
    organisation: delta
"""


def test_a_page_names_a_series_and_shows_its_newest_list_and_what_changed(
    build: BuildRoot, secsoc_root: Path
) -> None:
    """Next year's file is enough: the page follows, and says what changed, in both languages."""
    (secsoc_root / "data/lists/official-2031-11-05.yaml").write_text(NEXT_YEAR, "utf-8")
    edit(secsoc_root / "lists.md", "{secsoc-list} official-2030-11-05", "{secsoc-list} official")
    append(secsoc_root / "lists.md", "\n```{secsoc-changes} official\n```\n")
    site = build(secsoc_root)
    assert site.warnings == ""
    main = site.main("lists")
    assert main.find("table", class_="secsoc-list-official-2031-11-05")
    # each list named with its date; one move (Beta before Alpha), not every shifted row
    assert comparison_of(main, "secsoc-changes") == french(
        [
            "Un organisme est nouveau dans la liste « Officielle, 5 novembre 2031 » : Delta.",
            "Un organisme de la liste « Officielle, 5 novembre 2030 » ne figure plus dans la liste "
            "« Officielle, 5 novembre 2031 » : Omega.",
            "2 organismes sont publiés sous un autre nom : Alpha et Secrétariat Social Gamma.",
            "Un organisme a changé de place par rapport aux autres : Beta.",
        ]
    )
    dutch = build(secsoc_root, "nl")
    assert dutch.warnings == ""
    assert comparison_of(dutch.main("lists"), "secsoc-changes") == [
        "Eén organisatie is nieuw op de lijst “Officieel, 5 november 2031”: Delta.",
        "Eén organisatie van de lijst “Officieel, 5 november 2030” wordt niet meer vermeld op de lijst "
        "“Officieel, 5 november 2031”: Omega.",
        "2 organisaties zijn onder een andere naam gepubliceerd: Alpha en Secrétariat Social Gamma.",
        "Eén organisatie staat op een andere plaats ten opzichte van de overige organisaties: Beta.",
    ]
    # the table: the names as printed are marked as the source's, in the French of the list
    table = found(dutch.main("lists").find("table", class_="secsoc-changes-table"))
    headers = [text(cell) for cell in table.select("thead th")]
    assert headers == ["Organisatie", "Wijziging", "Vorige lijst", "Nieuwe lijst"]
    printed = [text(cell) for cell in table.select("tbody p.secsoc-printed")]
    assert "Alpha, Secrétariat Social" in printed


def test_a_series_with_one_list_says_when_its_changes_will_show(build: BuildRoot, secsoc_root: Path) -> None:
    append(secsoc_root / "lists.md", "\n```{secsoc-changes} official\n```\n")
    site = build(secsoc_root)
    assert site.warnings == ""
    assert comparison_of(site.main("lists"), "secsoc-changes") == french(
        [
            "Ce site ne reprend qu'une liste « Officielle » (situation au 5 novembre 2030) : ce qui a "
            "changé s'affichera ici quand il en reprendra une plus récente."
        ]
    )


def comparison_of(main: Tag, css_class: str) -> list[str]:
    return [text(p) for p in found(main.find(class_=css_class)).find_all("p")]


def test_the_page_of_every_list_says_what_changed_since_the_series_previous_one(
    build: BuildRoot, secsoc_root: Path
) -> None:
    (secsoc_root / "data/lists/official-2031-11-05.yaml").write_text(NEXT_YEAR, "utf-8")
    append(secsoc_root / "other.md", "\n```{secsoc-lists}\n```\n")
    site = build(secsoc_root)
    assert site.warnings == ""
    main = site.main("other")
    # one pair of consecutive lists (official 2030 -> 2031); the members' series has one list
    assert [text(rubric) for rubric in main.select("p.rubric")] == [
        "Ce qui a changé depuis la liste précédente"
    ]
    rubric = found(main.select_one("p.rubric"))
    assert "secsoc-list-official-2031-11-05" in found(rubric.find_previous("table")).get_attribute_list(
        "class"
    )
    assert "Delta" in text(found(rubric.find_next(class_="secsoc-changes")))
