"""Statements of fact (``data/statements.yaml``, ``secsoc-statements``) and the sources
they rest on, on the test root: what a reader gets in each edition, and what the build
refuses, located at the data file's line and naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BuildRoot
from projects import append, edit
from reading import found, text
from secsoc.data.loader import load_dataset
from secsoc.i18n.formatting import french_spacing

STATEMENTS = "data/statements.yaml"
SOURCES = "data/sources.yaml"


def line_of(root: Path, name: str, wanted: str) -> int:
    lines = (root / name).read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if wanted in line)


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in load_dataset(root / "data", root)[1]]


def rules(root: Path, build: BuildRoot, language: str) -> list[tuple[str, str]]:
    """The section's paragraphs as (class, text): statements and citations in order."""
    site = build(root, language)
    assert site.warnings == ""
    section = found(site.main("figures").find(id="les-regles"))
    return [(" ".join(p.get_attribute_list("class")), text(p)) for p in section.find_all("p")]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_statements_read_as_written_in_each_language(
    build: BuildRoot, secsoc_root: Path, language: str
) -> None:
    expected = {
        "fr": [
            "Seuls les secrétariats agréés peuvent faire usage de la dénomination « secrétariat social ».",
            "Selon la fédération, chaque secrétariat verse une « caution ».",
            "Source : Fédération des secrétariats, « Site de la fédération », HTML, "
            "consultation : 12 janvier 2031.",
            "La liste officielle paraît chaque année depuis le 15 décembre 2030.",
            "Source : Moniteur belge, « Liste des secrétariats sociaux agréés », "
            "à la date du 5 novembre 2030, publication : 15 décembre 2030, NUMAC 2030205711, "
            "HTML, PDF, page 7.",
        ],
        # the source's Dutch words quoted as they are; French words without a Dutch
        # version quoted in French, with our gloss said to be ours; dates as Dutch writes them
        "nl": [
            "Alleen erkende secretariaten mogen de titel “sociaal secretariaat” gebruiken.",
            "Volgens de federatie stort elk secretariaat een “caution” "
            "(in het Frans; onze vertaling: “borgsom”).",
            "Bron: Federatie van de secretariaten, “Site de la fédération” (in het Frans; onze vertaling: "
            "“Website van de federatie”), HTML, geraadpleegd: 12 januari 2031.",
            "De officiële lijst verschijnt elk jaar sinds 15 december 2030.",
        ],
    }[language]
    found_ = rules(secsoc_root, build, language)
    said = [entry for _, entry in found_]
    if language == "fr":
        expected = [french_spacing(sentence) for sentence in expected]
    assert said[: len(expected)] == expected
    kinds = [kind for kind, _ in found_]
    assert kinds == [
        "secsoc-statement",
        "secsoc-statement",
        "secsoc-citation",
        "secsoc-statement",
        "secsoc-citation",
    ]


def test_a_quoted_french_word_is_marked_as_french_on_the_dutch_page(
    build: BuildRoot, secsoc_root: Path
) -> None:
    site = build(secsoc_root, "nl")
    section = found(site.main("figures").find(id="les-regles"))
    assert [text(span) for span in section.select('p.secsoc-statement span[lang="fr"]')] == ["caution"]


def test_a_statement_without_a_source_is_refused_at_its_line(build: BuildRoot, secsoc_root: Path) -> None:
    edit(secsoc_root / STATEMENTS, "    source: official-2030\n", "")
    line = line_of(secsoc_root, STATEMENTS, "id: yearly")
    assert problems(secsoc_root) == [f"{STATEMENTS}:{line}: statements[2].source: required field is missing"]
    # through the complete build: a warning at the data file, no traceback, the rest built
    site = build(secsoc_root)
    assert f"{STATEMENTS}:{line}: WARNING: statements[2].source: required field is missing" in site.warnings
    assert "Traceback" not in site.warnings
    assert site.main("figures").find(class_="secsoc-figures") is not None
    assert site.main("figures").find(class_="secsoc-statement") is None


@pytest.mark.parametrize(
    ("old", "new", "at", "message"),
    [
        (
            "source: federation-site\n  - id: deposit",
            "source: federation-sit\n  - id: deposit",
            "federation-sit",
            "statements[0].source: unknown source 'federation-sit'; did you mean 'federation-site'?",
        ),
        (
            "verse une {wording}.",
            "verse une {wording} depuis le {depuis}.",
            "verse une",
            "statements[1].text: placeholder {depuis} has no value: add it to 'dates' (depuis: YYYY-MM-DD), "
            "or remove it",
        ),
        (
            "depuis le {since}.",
            "depuis longtemps.",
            "depuis longtemps",
            "statements[2].text: {since} is given a value but the text does not use it",
        ),
        (
            "    wording: caution\n",
            "",
            "verse une",
            "statements[1].text: placeholder {wording} has no value: add it to 'wording', or remove it",
        ),
        (
            "since: 2030-12-15",
            "since: 2030-12-45",
            "2030-12-45",
            "statements[2].dates.since: '2030-12-45' must be a real date written YYYY-MM-DD",
        ),
    ],
    ids=["unknown-source", "unknown-date", "unused-date", "no-wording", "bad-date"],
)
def test_a_mistake_in_a_statement_is_located_and_named(
    secsoc_root: Path, old: str, new: str, at: str, message: str
) -> None:
    edit(secsoc_root / STATEMENTS, old, new)
    assert problems(secsoc_root) == [f"{STATEMENTS}:{line_of(secsoc_root, STATEMENTS, at)}: {message}"]


def test_no_statement_rests_on_a_source_this_site_has_not_read(secsoc_root: Path) -> None:
    edit(secsoc_root / SOURCES, "    consulted: 2031-01-12\n", "    read: false\n")
    at = line_of(secsoc_root, STATEMENTS, "source: federation-site")
    source = line_of(secsoc_root, SOURCES, "id: federation-site")
    found_ = problems(secsoc_root)
    assert found_[0] == (
        f"{STATEMENTS}:{at}: statements[0].source: source 'federation-site' was not read for this site "
        f"(read: false, {SOURCES}:{source}): a statement rests only on a source that was read"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    links:\n      - format: html\n        url: https://example.org/federation/\n",
            "",
            "sources[2].links: a source needs links, or 'unlinked' saying why a reader cannot follow one",
        ),
        (
            "    consulted: 2031-01-12\n",
            "",
            "sources[2].consulted: a web page may change: give the date it was read ('consulted'), unless "
            "the source is dated ('publication_date', 'reference_date')",
        ),
    ],
    ids=["no-link", "undated-page"],
)
def test_every_source_has_a_link_and_a_web_page_its_date(
    secsoc_root: Path, old: str, new: str, message: str
) -> None:
    edit(secsoc_root / SOURCES, old, new)
    line = line_of(secsoc_root, SOURCES, "id: federation-site")
    assert problems(secsoc_root) == [f"{SOURCES}:{line}: {message}"]


DECREE = """  - id: decree-2030
    publisher: Moniteur belge
    title: Arrêté royal relatif aux secrétariats sociaux
    act_date: 2030-03-01
    read: false
    links:
      - format: html
        url: https://example.org/justel/2030
      - format: pdf
        url: https://example.org/moniteur/2030-03-15.pdf#Page98765
        page: 98765
  - id: printed-only
    publisher: Fédération des secrétariats
    title: Rapport annuel
    publication_date: 2031-06-30
    unlinked: le rapport n'existe qu'imprimé
"""


def test_a_citation_puts_an_acts_date_after_its_title_and_says_what_was_not_read_or_linked(
    build: BuildRoot,
    secsoc_root: Path,
) -> None:
    """And a PDF's page is a page number, never grouped like a quantity ("98 765")."""
    append(secsoc_root / SOURCES, DECREE)
    append(
        secsoc_root / "figures.md",
        "\n```{secsoc-source} decree-2030\n```\n\n```{secsoc-source} printed-only\n```\n",
    )
    site = build(secsoc_root)
    assert site.warnings == ""
    citations = [text(p) for p in site.main("figures").select("p.secsoc-citation")][-2:]
    assert citations == [
        french_spacing(
            "Source : Moniteur belge, « Arrêté royal relatif aux secrétariats sociaux » du 1er mars 2030, "
            "HTML, PDF, page 98765, texte que ce site n'a pas lu."
        ),
        french_spacing(
            "Source : Fédération des secrétariats, « Rapport annuel », publication : 30 juin 2031, "
            "sans lien : le rapport n'existe qu'imprimé."
        ),
    ]


def test_an_unknown_group_is_reported_at_the_page(build: BuildRoot, secsoc_root: Path) -> None:
    append(secsoc_root / "figures.md", "\n```{secsoc-statements} regles\n```\n")
    site = build(secsoc_root)
    line = line_of(secsoc_root, "figures.md", "secsoc-statements} regles")
    assert (
        f"figures.md:{line}: WARNING: secsoc-statements: unknown statement group 'regles'; "
        "did you mean 'rules'?" in site.warnings
    )
