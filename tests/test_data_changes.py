"""Next year's data: the pages follow the data, with ``sphinx.testing``'s make_app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuild import paragraphs
from sphinx.testing.util import SphinxTestApp

MONITEUR = "data/lists/moniteur-2021-11-05.yaml"
USS = "data/lists/uss-2022-12-17.yaml"

NEW_ORGANISATION = """  - id: nouveau
    name: Secrétariat Social Nouveau
"""
NEW_ENTRY = """  - printed: Secrétariat Social Nouveau
    organisation: nouveau
"""


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    content = path.read_text("utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), "utf-8")


def append(root: Path, name: str, text: str) -> None:
    with (root / name).open("a", encoding="utf-8") as stream:
        stream.write(text)


def comparison(make_app: Callable[..., SphinxTestApp], srcdir: Path, language: str = "fr") -> list[str]:
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"language": language})
    app.build()
    assert app.warning.getvalue() == ""
    page = BeautifulSoup((app.outdir / "secretariats.html").read_text("utf-8"), "html.parser")
    return paragraphs(page.find(class_="secsoc-comparison"))


def test_an_organisation_only_in_the_moniteur_list(
    make_app: Callable[..., SphinxTestApp], testroot: Path
) -> None:
    append(testroot, "data/organisations.yaml", NEW_ORGANISATION)
    append(testroot, MONITEUR, NEW_ENTRY)
    sentences = comparison(make_app, testroot)
    assert (
        "2 organismes de la liste du Moniteur belge sont absents de la liste des membres de l'USS : "
        "Paycover et Secrétariat Social Nouveau."
    ) in sentences
    assert (
        "La comparaison par organisme ne confirme pas cette affirmation : 2 organismes de la liste du "
        "Moniteur belge manquent dans la liste des membres de l'USS."
    ) in sentences


def test_without_paycover_every_approved_secretariat_is_a_member(
    make_app: Callable[..., SphinxTestApp], testroot: Path
) -> None:
    edit(testroot, MONITEUR, "  - printed: Paycover\n    organisation: paycover\n", "")
    sentences = comparison(make_app, testroot)
    assert (
        "Tous les organismes de la liste du Moniteur belge figurent dans la liste des membres de l'USS."
        in (sentences)
    )
    assert (
        "La comparaison par organisme ne confirme pas cette affirmation telle quelle : tous les organismes "
        "de la liste du Moniteur belge figurent dans la liste des membres de l'USS."
    ) in sentences
    assert "La comparaison par organisme confirme cette affirmation." not in sentences


def test_a_member_missing_from_the_moniteur_list(
    make_app: Callable[..., SphinxTestApp], testroot: Path
) -> None:
    edit(testroot, MONITEUR, "  - printed: Sodalis\n    organisation: sodalis\n", "")
    sentences = comparison(make_app, testroot)
    assert (
        "Un seul organisme de la liste des membres de l'USS est absent de la liste du Moniteur belge : "
        "Sodalis."
    ) in sentences


def test_table_follows_the_list_file(make_app: Callable[..., SphinxTestApp], testroot: Path) -> None:
    append(testroot, "data/organisations.yaml", NEW_ORGANISATION)
    append(testroot, MONITEUR, NEW_ENTRY)
    app = make_app("html", srcdir=testroot, freshenv=True, confoverrides={"language": "fr"})
    app.build()
    page = BeautifulSoup((app.outdir / "secretariats.html").read_text("utf-8"), "html.parser")
    caption = page.find("caption").get_text("")
    assert ": 28 inscriptions à la date du 5 novembre 2021" in caption
