"""The French site as a reader sees it, built like ``make html``."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT
from sitebuild import Build, paragraphs, table_rows, text

pytestmark = pytest.mark.slow

MONITEUR_CAPTION = "Secrétariats sociaux agréés d'employeurs publiés au Moniteur belge"
USS_CAPTION = "Membres de l'Union des Secrétariats Sociaux"


@pytest.fixture
def site(site_fr: Build) -> Build:
    return site_fr


def printed_names(list_file: str) -> list[str]:
    data = yaml.safe_load((ROOT / "data" / "lists" / list_file).read_text("utf-8"))
    return [entry["printed"] for entry in data["entries"]]


def test_builds_without_a_single_warning(site: Build) -> None:
    assert "WARNING" not in site.warnings
    assert {p.name for p in site.outdir.glob("*.html")} >= {"index.html", "social.html", "secretariats.html"}


def test_moniteur_table_has_27_rows_in_published_order(site: Build) -> None:
    rows = table_rows(site.main("secretariats"), MONITEUR_CAPTION)
    assert len(rows) == 27
    assert [row[0] for row in rows] == [str(n) for n in range(1, 28)]
    assert [row[1] for row in rows] == printed_names("moniteur-2021-11-05.yaml")
    assert rows[0][1] == "Group S - Secrétariat Social"
    assert rows[26][1:3] == ["Paycover", "Paycover"]


def test_partena_twice_with_its_remarks(site: Build) -> None:
    rows = table_rows(site.main("secretariats"), MONITEUR_CAPTION)
    partena = [(row[0], row[3]) for row in rows if row[2] == "Partena"]
    assert partena == [("8", "première occurrence, repris à 300"), ("16", "doublon, repris à 740")]


def test_caption_counts_and_dates_the_lists(site: Build) -> None:
    main = site.main("secretariats")
    captions = [text(caption) for caption in main.find_all("caption")]
    assert captions == [
        f"{MONITEUR_CAPTION} : 27 inscriptions à la date du 5 novembre 2021",
        f"{USS_CAPTION} : 25 inscriptions à la date du 17 décembre 2022",
    ]
    assert len(table_rows(main, USS_CAPTION)) == 25


def test_inferred_matches_are_marked_with_their_reason(site: Build) -> None:
    rows = table_rows(site.main("secretariats"), MONITEUR_CAPTION)
    inferred = {row[1]: row[4] for row in rows if row[4]}
    assert list(inferred) == ["SST", "SD", "Centrum voor Loonbeheer", "Handel, Diensten en Industrie"]
    assert inferred["SST"].startswith("Déduite : SST sont les initiales de Secrétariat Social du Tournaisis")
    assert rows[6][2] == "Secrétariat Social du Tournaisis"
    assert rows[12][2] == "SD Worx"
    assert rows[21][2] == "CLB Group"
    assert rows[25][2] == "HDI Aalst"


def test_comparison_sentences(site: Build) -> None:
    sentences = paragraphs(site.main("secretariats").find(class_="secsoc-comparison"))
    assert sentences == [
        "La liste du Moniteur belge compte 26 organismes distincts.",
        "La liste des membres de l'USS compte 25 organismes distincts.",
        "Un seul organisme de la liste du Moniteur belge est absent de la liste des membres de l'USS : "
        "Paycover.",
        "Tous les organismes de la liste des membres de l'USS figurent dans la liste du Moniteur belge.",
        "Un organisme apparaît plusieurs fois dans la liste du Moniteur belge : "
        "Partena (inscriptions 8 et 16).",
        "Aucun organisme n'apparaît plus d'une fois dans la liste des membres de l'USS.",
        "La liste des membres de l'USS s'accompagne de cette affirmation : « A une exception près, tous les "
        "secrétariats sociaux agréés sont affiliés à l'USS. »",
        "Source : Union des Secrétariats Sociaux (USS), « Membres », à la date du 17 décembre 2022, HTML.",
        "La comparaison par organisme confirme cette affirmation.",
    ]


def test_figures_are_formatted_for_french(site: Build) -> None:
    items = [text(item) for item in site.main("secretariats").select(".secsoc-figures li")]
    assert items == [
        "2\u202f814\u202f309 travailleurs (74\u00a0%) du secteur privé voient leur salaire calculé par un "
        "secrétariat social agréé.",
        "209\u202f085 employeurs (90\u00a0%) du secteur privé travaillent avec un secrétariat social agréé.",
    ]


def test_moniteur_citation_with_numac_and_both_links(site: Build) -> None:
    main = site.main("secretariats")
    citation = main.find(class_="secsoc-citation")
    assert text(citation) == (
        "Source : Moniteur belge, « Liste des secrétariats sociaux agréés d'employeurs et de leurs "
        "succursales », à la date du 5 novembre 2021, publié le 15 décembre 2021, NUMAC 2021205711, "
        "HTML, PDF, page 413."
    )
    links = {a.get_text(): a["href"] for a in citation.find_all("a")}
    assert links == {
        "HTML": "https://www.ejustice.just.fgov.be/cgi/article_body.pl?numac=2021205711&caller=list"
        "&pub_date=2021-12-15&language=fr",
        "PDF, page 413": "https://www.ejustice.just.fgov.be/mopdf/2021/12/15_1.pdf#Page413",
    }


def test_every_link_of_the_seed_is_on_the_site(site: Build) -> None:
    seed = (ROOT.parent / "shared" / "seed" / "000_b902abcfcd116f00.txt").read_text("utf-8")
    wanted = set(re.findall(r"\((https?://[^)\s]+)\)", seed))
    assert wanted, "the seed has links"
    found = {a["href"] for page in ("secretariats", "social", "index") for a in site.main(page).find_all("a")}
    assert wanted - found == set()


def test_legal_basis_page(site: Build) -> None:
    main = site.main("social")
    body = text(main)
    assert "articles 44 à 53" in body
    assert "NUMAC 1969112813" in body
    links = [a["href"] for a in main.find_all("a")]
    assert "https://www.ejustice.just.fgov.be/eli/arrete/1969/11/28/1969112813/justel" in links
    assert "secretariats.html" in links


def test_organisation_names_link_nothing_they_do_not_have(site: Build) -> None:
    """No website is known for any organisation: none is invented."""
    assert site.main("secretariats").select("a.secsoc-org") == []


def test_pages_live_at_the_root_of_the_language(site: Build) -> None:
    assert not (site.outdir / "docs").exists()
    assert (site.outdir / "secretariats.html").is_file()


def test_role_names_an_organisation_from_its_id(site: Build) -> None:
    sentences = paragraphs(site.main("secretariats"))
    assert (
        "La comparaison porte sur les organismes et non sur l'orthographe des noms : « SD » au Moniteur "
        "belge et « SD WORX » à l'USS désignent le même organisme, SD Worx."
    ) in sentences
