"""Where the extension relies on another library's internals, a test says so first.

Each seam has a guard in the code and a contract here: Babel's private PO parser
hooks (``pofile.py``), furo's templates, copied and patched
(``templates/furo.patch``), and MyST's Markdown parser, rebuilt without MyST to
check the page catalogs (``pocheck.py``).  libyaml's parser and its pure-Python fallback are
compared in ``test_yamlsource.py``.  ``make intl-update`` runs GNU gettext's programs
as cmeel's launchers run them (``poupdate.py``).  The test suite itself relies on
pytest-xdist's ``--dist loadgroup`` keeping each copy of the real site on one worker.
An upgrade that moves a seam fails here,
saying what to re-check, instead of quietly changing what translators are told.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from projects import ROOT
from secsoc.i18n import pofile
from secsoc.i18n.pocheck import markdown_parser
from secsoc.i18n.pofile import read_catalog
from secsoc.tools import poupdate
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


OBSOLETE = CATALOG.replace('"Einde\n', '"Einde"\n').replace(
    'msgid "Membres"\nmsgstr "Leden bis"', '#~ msgid "Oud"\n#~ msgstr "Oud"'
)


def test_gettext_programs_run_as_cmeel_s_launchers_run_them(tmp_path: Path) -> None:
    """The pinned cmeel: ``make intl-update`` calls each program in cmeel's prefix, not
    its launcher (a Python start-up each), and the program does what the launcher does."""
    program, environment = poupdate.gettext_tool("msgattrib")
    assert "cmeel.prefix" in Path(program).parts, program
    catalog = tmp_path / "nl.po"
    catalog.write_text(OBSOLETE, "utf-8")
    arguments = ["--no-obsolete", str(catalog)]
    direct = subprocess.run([program, *arguments], capture_output=True, env=environment, check=True)
    launcher = Path(sys.executable).parent / "msgattrib"
    through = subprocess.run([str(launcher), *arguments], capture_output=True, check=True)
    assert direct.stdout == through.stdout
    assert b'msgstr "Einde"' in direct.stdout and b"#~" not in direct.stdout


def test_another_cmeel_means_the_launchers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard's fallback: another cmeel release, with the same files, or no cmeel,
    runs the launcher; the pinned release (the control) runs the program itself."""
    pinned = poupdate.distribution("cmeel")
    launcher = str(Path(sys.executable).parent / "msgattrib")
    for release, expected in ((None, launcher), ("0.63.0", launcher), (pinned.version, "cmeel.prefix")):

        def distribution(name: str, release: str | None = release) -> object:
            if release is None:
                raise poupdate.PackageNotFoundError(name)
            located = {"version": release, "locate_file": lambda self, path: pinned.locate_file(path)}
            return type("Distribution", (), located)()

        monkeypatch.setattr(poupdate, "distribution", distribution)
        poupdate._cmeel_prefix.cache_clear()
        try:
            program, _ = poupdate.gettext_tool("msgattrib")
        finally:
            poupdate._cmeel_prefix.cache_clear()
        found = program if expected == launcher else next(p for p in Path(program).parts if "cmeel" in p)
        assert found == expected, (release, program)


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


def myst_settings(conf: Path) -> dict[str, object]:
    """The ``myst_*`` settings of a ``conf.py``, read without running it."""
    settings = {}
    for node in ast.parse(conf.read_text("utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id.startswith("myst_") and node.value:
                    settings[target.id.removeprefix("myst_")] = ast.literal_eval(node.value)
    return settings


SAMPLES = (
    "Les noms **tels qu'ils sont** et *imprimés*, comme la [fédération](https://example.org/).",
    "Le même organisme : {secsoc-org}`gamma` et `code`, <https://example.org> ![i](p.png) [^1]",
    "<b>gras</b> \\* &amp; ** pas gras** [lien] (https://example.org) [a](https://e.org/a b)",
    "# Titre\n\n- liste\n\n1. liste\n\n> citation\n\n% commentaire\n\n(cible)=\n\n+++\n\n---",
)


@pytest.mark.parametrize("conf", [ROOT / "conf.py", ROOT / "tests" / "roots" / "test-secsoc" / "conf.py"])
def test_the_page_catalogs_are_parsed_as_myst_parses_them(conf: Path) -> None:
    """``pocheck.markdown_parser`` rebuilds MyST's parser (MyST itself imports docutils):
    the same rules for the project's ``myst_*`` settings, the same structure.  Fails
    when myst-parser changes its parser or ``conf.py`` enables a MyST extension."""
    myst = create_md_parser(MdParserConfig(**myst_settings(conf)), RendererHTML)  # type: ignore[arg-type]
    ours = markdown_parser()
    theirs = myst.get_active_rules()
    theirs["core"] = [rule for rule in theirs["core"] if rule not in ("text_join", "wordcount")]
    assert ours.get_active_rules() == theirs
    assert {key: ours.options.get(key) for key in ("typographer", "linkify", "html")} == {
        key: myst.options.get(key) for key in ("typographer", "linkify", "html")
    }

    def structure(md: MarkdownIt, text: str) -> list[str]:
        tokens = [t for block in md.parse(text) for t in (block, *(block.children or ()))]
        return [t.type for t in tokens if t.type not in ("text", "text_special")]

    for sample in SAMPLES:
        assert structure(ours, sample) == structure(myst, sample), sample


@pytest.mark.slow  # two pytest workers started
def test_pytest_xdist_keeps_a_group_on_one_worker(tmp_path: Path) -> None:
    """``make test`` marks the tests of each copy of the real site with a group
    (``conftest.py``); were the groups ignored, as pytest 9.2 with pytest-xdist 3.8
    ignores them (pytest-xdist#1386), each copy would be built on both workers."""
    (tmp_path / "test_groups.py").write_text(
        "import pytest\n"
        "@pytest.mark.parametrize('copy', ['a', 'b'])\n"
        "@pytest.mark.parametrize('n', range(6))\n"
        "def test_one(copy, n):\n"
        "    pass\n",
        "utf-8",
    )
    (tmp_path / "conftest.py").write_text(
        "import pytest\n"
        "@pytest.hookimpl(tryfirst=True)\n"
        "def pytest_collection_modifyitems(items):\n"
        "    for item in items:\n"
        "        item.add_marker(pytest.mark.xdist_group(item.callspec.params['copy']))\n",
        "utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-n",
        "2",
        "--dist",
        "loadgroup",
        "-v",
        "-p",
        "no:cacheprovider",
    ]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout
    workers: dict[str, set[str]] = {}
    for worker, copy in re.findall(r"\[(gw\d)\].*?PASSED \S+\[\d+-([ab])\]", run.stdout):
        workers.setdefault(copy, set()).add(worker)
    assert sorted(workers) == ["a", "b"], run.stdout
    assert all(len(found) == 1 for found in workers.values()), workers
