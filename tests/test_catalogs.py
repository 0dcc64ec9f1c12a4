"""The translators' side: complete catalogs, clean templates, and data changes that break nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from conftest import ROOT, copy_project
from secsoc.loader import load_dataset
from sitebuild import make, paragraphs, sphinx_build

CATALOGS = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def unfinished(path: Path) -> list[str]:
    """Messages a reader would see untranslated: empty, partly empty, or fuzzy."""
    result = []
    for message in read(path):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            result.append(message.id if isinstance(message.id, str) else message.id[0])
    return result


def test_there_are_catalogs_for_pages_extension_data_and_theme() -> None:
    names = {path.relative_to(ROOT / "locales").as_posix() for path in CATALOGS}
    assert names == {
        "fr/LC_MESSAGES/sphinx.po",
        *(
            f"nl/LC_MESSAGES/{name}.po"
            for name in ("index", "social", "secretariats", "secsoc", "data", "sphinx")
        ),
    }


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_catalog_is_complete(path: Path) -> None:
    assert unfinished(path) == []


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make gettext`` then ``make intl-update`` on a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("gettext") / "project")
    run = make(project, "intl-update", BUILDDIR=str(project / "_build"))
    assert run.returncode == 0, run.output
    return project


def test_one_command_writes_every_template(templates: Path) -> None:
    pots = {path.name for path in (templates / "_build" / "gettext").glob("*.pot")}
    assert pots == {"index.pot", "social.pot", "secretariats.pot", "secsoc.pot", "data.pot", "sphinx.pot"}


def test_committed_catalogs_match_the_sources(templates: Path) -> None:
    """After make intl-update nothing is new or fuzzy: the committed .po files are up to date."""
    for path in sorted((templates / "locales").glob("*/LC_MESSAGES/*.po")):
        assert unfinished(path) == [], path.name
    updated = {p.relative_to(templates).as_posix() for p in (templates / "locales").glob("*/*/*.po")}
    assert updated == {p.relative_to(ROOT).as_posix() for p in CATALOGS}


def test_data_texts_show_where_they_come_from(templates: Path) -> None:
    catalog = read(templates / "_build" / "gettext" / "data.pot")
    remark = catalog["première occurrence, repris à 300"]
    (location,) = remark.locations
    path, line = location
    assert path == "data/lists/moniteur-2021-11-05.yaml"
    assert "première occurrence" in (ROOT / path).read_text("utf-8").splitlines()[line - 1]
    template = catalog[
        "{count} travailleurs ({share}) du secteur privé voient leur salaire calculé par un "
        "secrétariat social agréé."
    ]
    assert "python-brace-format" in template.flags


def test_no_name_number_code_or_address_becomes_a_message(templates: Path) -> None:
    dataset, _ = load_dataset(ROOT / "data", ROOT)
    names = {name for org in dataset.organisations.values() for name in org.names}
    names |= {entry.printed for published in dataset.lists.values() for entry in published.entries}
    codes = {source.numac for source in dataset.sources.values() if source.numac}
    urls = {link.url for source in dataset.sources.values() for link in source.links}
    for pot in sorted((templates / "_build" / "gettext").glob("*.pot")):
        for message in read(pot):
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            if not msgid:
                continue
            assert msgid not in names | codes | urls, (pot.name, msgid)
            assert re.search(r"[^\W\d_]", msgid), (pot.name, msgid)
            assert not re.fullmatch(r"https?://\S+", msgid), (pot.name, msgid)


def test_extension_sentences_are_templates_with_plurals(templates: Path) -> None:
    catalog = read(templates / "_build" / "gettext" / "secsoc.pot")
    absent = catalog["Un seul organisme de la {first} est absent de la {second} : {names}."]
    assert absent.pluralizable
    assert all("Paycover" not in (m.id if isinstance(m.id, str) else m.id[0]) for m in catalog)


NEW_ORGANISATION = "  - id: nouveau\n    name: Secrétariat Social Nouveau\n"
NEW_ENTRY = "  - printed: Secrétariat Social Nouveau\n    organisation: nouveau\n"
PAYCOVER = "  - printed: Paycover\n    organisation: paycover\n"
SODALIS_AT_USS = "  - printed: SODALIS\n    organisation: sodalis\n"


def change_data(project: Path, *, remove_paycover: bool) -> None:
    """Next year's list: one more organisation at the Moniteur belge, one member less at the USS."""
    with (project / "data" / "organisations.yaml").open("a", encoding="utf-8") as stream:
        stream.write(NEW_ORGANISATION)
    moniteur = project / "data" / "lists" / "moniteur-2021-11-05.yaml"
    content = moniteur.read_text("utf-8") + NEW_ENTRY
    moniteur.write_text(content.replace(PAYCOVER, "") if remove_paycover else content, "utf-8")
    uss = project / "data" / "lists" / "uss-2022-12-17.yaml"
    if not remove_paycover:
        uss.write_text(uss.read_text("utf-8").replace(SODALIS_AT_USS, ""), "utf-8")


@pytest.mark.parametrize(
    ("remove_paycover", "expected"),
    [
        (
            False,
            [
                "3 organisaties van de lijst van het Belgisch Staatsblad ontbreken op de ledenlijst "
                "van de USS: Sodalis, Paycover en Secrétariat Social Nouveau.",
                "De vergelijking per organisatie bevestigt deze bewering niet: 3 organisaties van de "
                "lijst van het Belgisch Staatsblad ontbreken op de ledenlijst van de USS.",
            ],
        ),
        (
            True,
            [
                "Eén organisatie van de lijst van het Belgisch Staatsblad ontbreekt op de ledenlijst "
                "van de USS: Secrétariat Social Nouveau.",
                "De vergelijking per organisatie bevestigt deze bewering.",
            ],
        ),
    ],
    ids=["plural", "singular"],
)
def test_a_data_update_needs_no_translation(
    tmp_path: Path, remove_paycover: bool, expected: list[str]
) -> None:
    project = copy_project(tmp_path / "project")
    change_data(project, remove_paycover=remove_paycover)
    build = sphinx_build(project, project / "_build", language="nl")
    assert build.returncode == 0, build.output
    sentences = paragraphs(build.main("secretariats").find(class_="secsoc-comparison"))
    for sentence in expected:
        assert sentence in sentences
    run = make(project, "intl-update", BUILDDIR=str(project / "_build"))
    assert run.returncode == 0, run.output
    for path in sorted((project / "locales").glob("*/LC_MESSAGES/*.po")):
        assert unfinished(path) == [], path.name
