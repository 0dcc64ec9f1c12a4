"""Mistakes the oracle of ``test_fuzz.py`` found, each kept as the case that found it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from projects import ROOT
from secsoc.data.yamlsource import YamlError, read_yaml
from secsoc.i18n.catalogs import compile_catalog
from secsoc.i18n.translation import Translator


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    path = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", path, ignore=shutil.ignore_patterns("*.mo", "*.js"))
    return path


def change(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in the file; the line it was on, as an editor counts."""
    content = path.read_text("utf-8")
    assert old in content, old
    path.write_text(content.replace(old, new, 1), "utf-8")
    return content[: content.index(old)].count("\n") + 1


def line_of(path: Path, text: str) -> int:
    content = path.read_text("utf-8")
    return content[: content.index(text)].count("\n") + 1


def test_a_broken_plural_index_is_reported_at_its_line(locales: Path) -> None:
    catalog = locales / "nl" / "LC_MESSAGES" / "secsoc.po"
    line = change(catalog, "msgstr[1]", "msgstr[x]")
    assert [problem.line for problem in Translator([locales], "nl").problems] == [line]


def test_a_broken_obsolete_entry_leaves_the_live_ones_alone(locales: Path) -> None:
    """``make intl-update`` writes no obsolete entry, but an editor may keep one."""
    catalog = locales / "nl" / "LC_MESSAGES" / "data.po"
    with catalog.open("rb") as stream:  # the one-form live messages
        live = [(m.id, m.string) for m in read_po(stream) if isinstance(m.id, str) and m.id and m.string]
    with catalog.open("a", encoding="utf-8") as stream:
        stream.write('\n#~ msgid "Un texte retiré"\n#~ msgstr "Een verwijderde tekst\n')  # an unclosed quote
    line = len(catalog.read_text("utf-8").splitlines())
    translator = Translator([locales], "nl")
    assert [source for source, translated in live if translator.data(source) != translated] == []
    assert [problem.line for problem in translator.problems] in ([], [line])


def test_a_form_feed_does_not_shift_the_lines_after_it(locales: Path) -> None:
    catalog = locales / "nl" / "LC_MESSAGES" / "secsoc.po"
    change(catalog, "#\n", "#\x0c\n")  # in the header's comments, as a paste leaves it
    message = line_of(catalog, 'msgid "N°"')
    change(catalog, 'msgstr "Nr."', 'msgstr "Nr.')
    assert [problem.line for problem in Translator([locales], "nl").problems] == [message]


def test_a_nul_in_the_declared_charset_is_reported(locales: Path) -> None:
    catalog = locales / "nl" / "LC_MESSAGES" / "secsoc.po"
    line = change(catalog, "charset=UTF-8", "charset=\x00UTF-8")
    assert [problem.line for problem in Translator([locales], "nl").problems] == [line]


def test_a_page_catalog_whose_charset_runs_on_is_reported(locales: Path) -> None:
    catalog = locales / "nl" / "LC_MESSAGES" / "listes.po"
    line = change(catalog, 'charset=UTF-8\\n"', 'charset=UTF-8"')  # the header line's \n left out
    assert [problem.line for problem in compile_catalog(catalog)] == [line]


def test_a_mistake_at_the_end_of_a_file_without_a_final_line_break_is_on_its_last_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("title: t\nentries: [a, b", "utf-8")
    with pytest.raises(YamlError) as caught:
        read_yaml(path)
    assert caught.value.line == 2
