"""The translators' side: complete catalogs, located templates, no data as messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from projects import ROOT, TRANSLATIONS, BuildRoot
from secsoc.data.loader import load_dataset
from secsoc.i18n.potfiles import shown_in

CATALOGS = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
PAGES = sorted(path.stem for path in (ROOT / "docs").glob("*.md"))


def read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def msgid(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def unfinished(path: Path) -> list[str]:
    """Messages a reader would see untranslated: empty, partly empty, or fuzzy."""
    result = []
    for message in read(path):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            result.append(f"{path.name}:{message.lineno}: {msgid(message)}")
    return result


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_catalog_holds_a_message_its_edition_never_shows(path: Path) -> None:
    """A gloss of a title the source gives in this language is left out of its catalog."""
    hidden = [msgid(m) for m in read(path) if m.id and not shown_in(m.auto_comments, path.parent.parent.name)]
    assert hidden == []


def test_there_are_catalogs_for_pages_extension_data_and_theme() -> None:
    names = {path.relative_to(ROOT / "locales").as_posix() for path in CATALOGS}
    # every edition but French translates everything; the theme's words are English
    assert names == {
        "fr/LC_MESSAGES/sphinx.po",
        *(
            f"{language}/LC_MESSAGES/{name}.po"
            for language in TRANSLATIONS
            for name in (*PAGES, "secsoc", "data", *(["sphinx"] if language != "en" else []))
        ),
    }


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_catalog_is_complete(path: Path) -> None:
    assert unfinished(path) == []


def test_one_command_writes_every_template(templates: Path) -> None:
    pots = {path.stem for path in (templates / "_build" / "gettext").glob("*.pot")}
    assert pots == {*PAGES, "secsoc", "data", "sphinx"}


def test_committed_catalogs_match_the_sources(templates: Path) -> None:
    """After make intl-update nothing is new or fuzzy: the committed .po files are up to date."""
    for path in sorted((templates / "locales").glob("*/LC_MESSAGES/*.po")):
        assert unfinished(path) == [], path.name
    updated = {p.relative_to(templates).as_posix() for p in (templates / "locales").glob("*/*/*.po")}
    assert updated == {p.relative_to(ROOT).as_posix() for p in CATALOGS}


def test_no_name_number_code_or_address_becomes_a_message(templates: Path) -> None:
    dataset, _ = load_dataset(ROOT / "data", ROOT)
    names = {name for org in dataset.organisations.values() for name in org.names}
    names |= {entry.printed for published in dataset.lists.values() for entry in published.entries}
    codes = {source.numac for source in dataset.sources.values() if source.numac}
    urls = {link.url for source in dataset.sources.values() for link in source.links}
    for pot in sorted((templates / "_build" / "gettext").glob("*.pot")):
        for message in read(pot):
            if not message.id:
                continue
            assert msgid(message) not in names | codes | urls, (pot.name, msgid(message))
            assert re.search(r"[^\W\d_]", msgid(message)), (pot.name, msgid(message))
            assert not re.fullmatch(r"https?://\S+", msgid(message)), (pot.name, msgid(message))


def test_extension_sentences_are_templates_with_plurals(templates: Path) -> None:
    catalog = read(templates / "_build" / "gettext" / "secsoc.pot")
    absent = catalog[
        "Un seul organisme de la liste « {first} » est absent de la liste « {second} » : {names}."
    ]
    assert absent.pluralizable
    assert "python-brace-format" in absent.flags
    (location,) = absent.locations
    assert location[0] == "_ext/secsoc/content/conclusions.py"


def test_data_texts_show_where_they_come_from(build: BuildRoot, secsoc_root: Path) -> None:
    site = build(secsoc_root, buildername="gettext")
    catalog = read(site.outdir / "data.pot")
    remark = catalog["première occurrence"]
    ((path, line),) = remark.locations
    assert path == "data/lists/official-2030-11-05.yaml"
    assert "première occurrence" in (secsoc_root / path).read_text("utf-8").splitlines()[line - 1]
    template = catalog["{count} employeurs travaillent avec un secrétariat social."]
    assert "python-brace-format" in template.flags


def test_the_extension_catalog_is_located_for_a_project_that_installs_the_extension(
    build: BuildRoot, secsoc_root: Path
) -> None:
    site = build(secsoc_root, buildername="gettext")
    catalog = read(site.outdir / "secsoc.pot")
    locations = {path for message in catalog for path, _ in message.locations}
    assert "secsoc/content/render.py" in locations
    assert not [path for path in locations if path.startswith("/")]


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_catalog_keeps_a_former_previous_msgid_as_a_comment(path: Path) -> None:
    """A previous msgid is ``#|`` (msgmerge writes it with a fuzzy entry); ``# |`` is a
    translator's comment left by an old round trip, a second 'previous' text for nothing."""
    stale = [
        number
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if line.startswith("# | ")
    ]
    assert stale == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_catalog_keeps_obsolete_entries_or_line_numbers(path: Path) -> None:
    """``make intl-update`` drops what the site no longer shows (``#~``) and gives each
    message its files, not lines: a paragraph inserted above moves no other entry."""
    lines = path.read_text("utf-8").splitlines()
    assert [number for number, line in enumerate(lines, 1) if line.startswith("#~")] == []
    located = [line for line in lines if line.startswith("#: ")]
    assert located, path  # every catalog says where its messages come from
    assert [line for line in located if re.search(r":\d+(\s|$)", line)] == []
