"""Where the extension relies on another library's internals, a test says so first.

Each seam has a guard in the code and a contract here: Babel's private PO parser
hooks (``pofile.py``), and furo's templates, copied and patched
(``templates/furo.patch``).  libyaml's parser and its pure-Python fallback are
compared in ``test_yamlsource.py``.  An upgrade that moves a seam fails here,
saying what to re-check, instead of quietly changing what translators are told.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from projects import ROOT
from secsoc.i18n import pofile
from secsoc.i18n.pofile import read_catalog
from secsoc.tools.themepatch import COPIES, PATCH, installed_theme, theme_patch

CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Membres"
msgstr "Leden"

msgid "Fin"
msgstr "Einde

msgid "Membres"
msgstr "Leden bis"
"""


def test_babel_has_the_hooks_the_catalog_reader_extends() -> None:
    assert pofile.BABEL_HOOKS, "Babel's PoFileParser changed: see pofile._babel_hooks"


def test_the_catalog_reader_locates_what_babel_lets_pass(tmp_path: Path) -> None:
    path = tmp_path / "nl.po"
    path.write_text(CATALOG, "utf-8")
    po = read_catalog(path)
    problems = sorted((problem.line, problem.message) for problem in po.problems)
    assert problems == [
        (8, "msgid 'Fin': unclosed quote at line 9: a line ends without its \""),
        (11, "msgid 'Membres' is also at line 5; keep one of the two"),
    ]
    assert [message.id for message in po.usable()] == []


def test_without_the_hooks_catalogs_are_still_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard's fallback: Babel alone, nothing located that it does not locate."""
    monkeypatch.setattr(pofile, "BABEL_HOOKS", False)
    path = tmp_path / "nl.po"
    path.write_text(CATALOG.replace('"Einde\n', '"Einde"\n'), "utf-8")
    po = read_catalog(path)
    assert po.problems == []
    assert {message.id for message in po.usable()} == {"Membres", "Fin"}


def test_the_furo_patch_is_the_difference_between_furo_and_our_copies() -> None:
    """Fails when a copy is edited or furo upgraded: ``make theme-patch`` after checking."""
    assert PATCH.read_text("utf-8") == theme_patch(installed_theme(), COPIES)


def test_an_edited_copy_no_longer_matches_the_patch(tmp_path: Path) -> None:
    copies = tmp_path / "furo"
    shutil.copytree(COPIES, copies)
    page = copies / "page.html"
    page.write_text(
        page.read_text("utf-8").replace('class="theme-toggle" aria', 'class="theme-switch" aria', 1), "utf-8"
    )
    changed = theme_patch(installed_theme(), copies)
    assert changed != PATCH.read_text("utf-8")
    assert '+        <button class="theme-switch"' in changed


def test_every_copied_template_is_one_of_furos() -> None:
    theme = installed_theme()
    copies = [path.relative_to(COPIES) for path in COPIES.rglob("*.html")]
    assert copies and all((theme / name).is_file() for name in copies)
    assert PATCH.parent == ROOT / "_ext" / "secsoc" / "templates"
