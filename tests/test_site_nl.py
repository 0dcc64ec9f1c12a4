"""The Dutch edition: every fact of the French pages, in Dutch, and not one French sentence."""

from __future__ import annotations

import re

import pytest
from bs4 import Tag
from sitebuild import Build, paragraphs, table_rows, text

pytestmark = pytest.mark.slow

PAGES = ("index", "social", "secretariats")
MONITEUR_CAPTION = "Erkende sociale secretariaten van werkgevers, bekendgemaakt in het Belgisch Staatsblad"
USS_CAPTION = "Leden van de Unie Sociale Secretariaten"

# Text that is the same in both languages by nature: names as printed, organisation names,
# numbers and codes. The extension marks them with these classes.
PROPER_NAMES = ".secsoc-printed, .secsoc-org, code, .headerlink"


def blocks(main: Tag) -> list[str]:
    """The readable blocks of a page (paragraphs, headings, captions, headers), names left out."""
    main = Tag.__copy__(main)
    for name in main.select(PROPER_NAMES):
        name.decompose()
    found = main.find_all(["p", "h1", "h2", "h3", "caption", "th", "li"])
    return [block for block in (text(tag) for tag in found) if re.search(r"[^\W\d_]{3}", block)]


def test_builds_without_a_single_warning(site_nl: Build) -> None:
    assert "WARNING" not in site_nl.warnings


@pytest.mark.parametrize("page", PAGES)
def test_no_french_sentence_in_the_dutch_pages(site_fr: Build, site_nl: Build, page: str) -> None:
    dutch = text(site_nl.main(page))
    leaks = [block for block in blocks(site_fr.main(page)) if block in dutch]
    assert leaks == []


@pytest.mark.parametrize("page", PAGES)
def test_the_dutch_pages_say_as_much_as_the_french(site_fr: Build, site_nl: Build, page: str) -> None:
    assert len(blocks(site_nl.main(page))) == len(blocks(site_fr.main(page)))
    french_links = [a["href"] for a in site_fr.main(page).find_all("a")]
    dutch_links = [a["href"] for a in site_nl.main(page).find_all("a")]
    assert sorted(dutch_links) == sorted(french_links)


def test_tables_in_dutch(site_nl: Build) -> None:
    main = site_nl.main("secretariats")
    assert [text(th) for th in main.find("table").find_all("th")] == [
        "Nr.",
        "Gepubliceerde naam",
        "Organisatie",
        "Opmerking",
        "Overeenstemming",
    ]
    captions = [text(caption) for caption in main.find_all("caption")]
    assert captions == [
        f"{MONITEUR_CAPTION}: 27 inschrijvingen op datum van 5 november 2021",
        f"{USS_CAPTION}: 25 inschrijvingen op datum van 17 december 2022",
    ]
    rows = table_rows(main, MONITEUR_CAPTION)
    assert len(rows) == 27
    assert rows[7][1:4] == [
        "Partena, Secrétariat Social d'Employeurs",
        "Partena",
        "eerste vermelding, opgenomen onder 300",
    ]
    assert rows[12][4] == "Afgeleid: SD is het begin van de naam SD Worx, lid van de USS."
    assert len(table_rows(main, USS_CAPTION)) == 25


def test_comparison_in_dutch(site_nl: Build) -> None:
    sentences = paragraphs(site_nl.main("secretariats").find(class_="secsoc-comparison"))
    assert sentences == [
        "De lijst van het Belgisch Staatsblad telt 26 verschillende organisaties.",
        "De ledenlijst van de USS telt 25 verschillende organisaties.",
        "Eén organisatie van de lijst van het Belgisch Staatsblad ontbreekt op de ledenlijst van de USS: "
        "Paycover.",
        "Alle organisaties van de ledenlijst van de USS staan ook op de lijst van het Belgisch Staatsblad.",
        "Eén organisatie komt meermaals voor op de lijst van het Belgisch Staatsblad: "
        "Partena (inschrijvingen 8 en 16).",
        "Geen enkele organisatie komt meer dan één keer voor op de ledenlijst van de USS.",
        "Bij de ledenlijst van de USS staat deze bewering: “Op één uitzondering na zijn alle erkende "
        "sociale secretariaten aangesloten bij de USS.”",
        "Bron: Unie Sociale Secretariaten (USS), “Leden”, op datum van 17 december 2022, HTML.",
        "De vergelijking per organisatie bevestigt deze bewering.",
    ]


def test_numbers_and_dates_in_dutch(site_nl: Build) -> None:
    main = site_nl.main("secretariats")
    items = [text(item) for item in main.select(".secsoc-figures li")]
    assert items == [
        "2.814.309 werknemers (74%) uit de privésector krijgen hun loon berekend door een erkend "
        "sociaal secretariaat.",
        "209.085 werkgevers (90%) uit de privésector werken met een erkend sociaal secretariaat.",
    ]
    assert text(main.find(class_="secsoc-citation")) == (
        "Bron: Belgisch Staatsblad, “Lijst van de erkende sociale secretariaten van werkgevers en hun "
        "bijkantoren”, op datum van 5 november 2021, bekendgemaakt op 15 december 2021, NUMAC 2021205711, "
        "HTML, PDF, pagina 413."
    )


def test_official_dutch_terms(site_nl: Build) -> None:
    social = text(site_nl.main("social"))
    for term in ("erkend sociaal secretariaat", "Belgisch Staatsblad", "RSZ", "vzw", "koninklijk besluit"):
        assert term in social
    assert "FOD Sociale Zekerheid" in text(site_nl.main("secretariats"))


def test_html_lang_search_and_theme_are_dutch(site_nl: Build) -> None:
    page = site_nl.page("secretariats")
    assert page.html["lang"] == "nl"
    assert page.title.get_text() == "Sociale secretariaten - Erkende sociale secretariaten"
    options = (site_nl.outdir / "_static" / "documentation_options.js").read_text("utf-8")
    assert "LANGUAGE: 'nl'" in options
    assert "DutchStemmer" in (site_nl.outdir / "_static" / "language_data.js").read_text("utf-8")
    chrome = page.body.get_text(" ")
    for dutch in ("Naar de inhoud", "Terug naar boven", "Op deze pagina", "Vorige", "Gemaakt met"):
        assert dutch in chrome
    for english in ("Skip to content", "Back to top", "On this page", "Previous", "Made with"):
        assert english not in chrome


def test_theme_is_french_on_french_pages(site_fr: Build) -> None:
    chrome = site_fr.page("secretariats").body.get_text(" ")
    for french in ("Aller au contenu", "Retour en haut", "Sur cette page", "Précédent"):
        assert french in chrome
    assert "Back to top" not in chrome


@pytest.mark.parametrize(("site", "other"), [("site_fr", "nl"), ("site_nl", "fr")])
def test_language_switch_leads_to_the_same_page(
    request: pytest.FixtureRequest, site: str, other: str
) -> None:
    build: Build = request.getfixturevalue(site)
    for page in PAGES:
        switch = build.page(page).select_one(".secsoc-languages")
        link = switch.find("a", hreflang=other)
        assert link["href"] == f"../{other}/{page}.html"
        assert (build.outdir / link["href"]).resolve().is_file()
        current = switch.select_one("[aria-current]")
        assert current.get_text() != other.upper()
        alternates = {
            tag["hreflang"]: tag["href"] for tag in build.page(page).find_all("link", rel="alternate")
        }
        assert alternates == {"fr": f"../fr/{page}.html", "nl": f"../nl/{page}.html"}


def test_role_in_a_translated_sentence(site_nl: Build) -> None:
    """The role survives translation: the msgstr keeps it, the name comes from the data."""
    assert (
        "De vergelijking gaat over de organisaties en niet over de spelling van de namen: “SD” in het "
        "Belgisch Staatsblad en “SD WORX” bij de USS zijn dezelfde organisatie, SD Worx."
    ) in paragraphs(site_nl.main("secretariats"))
