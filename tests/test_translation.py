"""A translator's round trip: standard tools accept the catalogs, updates change only what
changed, a mistake costs one message (its French text), and no catalog can inject markup."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from bs4 import BeautifulSoup
from nextyear import add_next_years_list
from projects import (
    ROOT,
    TRANSLATIONS,
    BuildRoot,
    Project,
    append,
    copy_project,
    copy_root,
    edit,
    make,
    plain_environment,
)
from secsoc.i18n.catalogs import compile_theme_catalogs
from secsoc.i18n.pofile import forms_of, read_catalog
from secsoc.tools.poupdate import gettext_tool

CATALOGS = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
MSGFMT, GETTEXT_ENVIRONMENT = gettext_tool("msgfmt")  # GNU gettext, from requirements-intl.txt


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_msgfmt_accepts_every_committed_catalog(path: Path) -> None:
    """The check Poedit, Weblate and Transifex run: format strings and syntax."""
    run = subprocess.run(
        [MSGFMT, "--check", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        env=GETTEXT_ENVIRONMENT,
        text=True,
        check=False,
    )
    errors = [line for line in run.stderr.splitlines() if "initial default value" not in line]
    assert run.returncode == 0, "\n".join(errors)
    assert errors == []


def test_only_the_templates_are_format_strings() -> None:
    for path in CATALOGS:
        flagged = "python-brace-format" in path.read_text("utf-8")
        assert flagged == (path.stem in ("secsoc", "data")), path.name


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in (project / "locales").rglob("*.po")}


def changed_lines(before: bytes, after: bytes) -> list[str]:
    old, new = before.decode().splitlines(), after.decode().splitlines()
    return [f"-{line}" for line in old if line not in new] + [f"+{line}" for line in new if line not in old]


def test_intl_update_changes_nothing_on_an_unchanged_tree(templates: Path) -> None:
    """``templates`` is a copy after one ``make intl-update``; a second changes nothing either."""
    assert snapshot(templates) == snapshot(ROOT)
    run = make(templates, "intl-update", BUILDDIR=str(templates / "_build"))
    assert run.returncode == 0, run.output
    assert snapshot(templates) == snapshot(ROOT)


def test_a_new_language_starts_with_every_message_to_translate(templates: Path, tmp_path: Path) -> None:
    """TRANSLATING.md's first step for a new language: its catalogs, made by ``make
    intl-update``, hold no translation yet (GNU msginit would fill an English one with
    the French msgids), and no theme catalog for English, the theme's own language."""
    for language in ("it", "en"):
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "secsoc.tools.poupdate",
                str(templates / "_build" / "gettext"),
                str(tmp_path),
                "--languages",
                language,
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**plain_environment(), "PYTHONPATH": str(ROOT / "_ext")},
        )
        assert run.returncode == 0, run.stderr
        made = sorted(path.stem for path in (tmp_path / language / "LC_MESSAGES").glob("*.po"))
        assert ("sphinx" in made) == (language != "en"), made
        for path in (tmp_path / language / "LC_MESSAGES").glob("*.po"):
            translated = [
                message.id
                for message in read_catalog(path).catalog
                if message.id and any(forms_of(message.string))
            ]
            assert translated == [], path.name


def social_lines_changed_by_intl_update(project: Path) -> list[str]:
    """``make intl-update`` in ``project``, which must change every translation's
    ``social.po`` and nothing else: the lines it changed there (the same in each, but
    the translation), the template's creation date aside."""
    before = snapshot(project)
    run = make(project, "intl-update", BUILDDIR=str(project / "_build"))
    assert run.returncode == 0, run.output
    after = snapshot(project)
    changed = [name for name in after if after[name] != before[name]]
    assert sorted(changed) == sorted(f"locales/{language}/LC_MESSAGES/social.po" for language in TRANSLATIONS)
    return [
        line
        for name in changed
        for line in changed_lines(before[name], after[name])
        if "POT-Creation" not in line and not line.startswith(("-msgstr", "+msgstr"))
    ]


@pytest.mark.slow  # a whole make run on a copy of the project
def test_one_edited_paragraph_changes_only_its_entry(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "social.md"
    heading = next(line for line in page.read_text("utf-8").splitlines() if line.startswith("## "))
    edit(page, heading, heading + " et plus")
    lines = social_lines_changed_by_intl_update(project)
    title = heading.removeprefix("## ")
    assert sorted(set(lines)) == sorted(
        [f'-msgid "{title}"', "+#, fuzzy", f'+#| msgid "{title}"', f'+msgid "{title} et plus"']
    )
    assert len(lines) == 4 * len(TRANSLATIONS)


@pytest.mark.slow  # a whole make run on a copy of the project
def test_a_new_paragraph_and_next_years_list_add_only_the_new_message(tmp_path: Path) -> None:
    """A paragraph inserted above every other message of its page, and next year's list
    (which repeats last year's titles and reasons): the catalogs' diff is the new entry."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "social.md"
    title = next(line for line in page.read_text("utf-8").splitlines() if line.startswith("# "))
    added = "Un paragraphe ajouté en tête de la page, au-dessus de tous les autres."
    edit(page, title + "\n", f"{title}\n\n{added}\n")
    add_next_years_list(project)
    lines = social_lines_changed_by_intl_update(project)
    assert sorted(set(lines)) == sorted({f'+msgid "{added}"'})


def test_a_refused_page_message_shows_its_french_text_only(build: BuildRoot, secsoc_root: Path) -> None:
    edit(secsoc_root / "locales/nl/LC_MESSAGES/lists.po", 'msgstr "Einde"', 'msgstr "Einde<img src=x>"')
    site = build(secsoc_root, "nl")
    assert "msgid 'Fin'" in site.warnings
    main = site.main("lists")
    headings = [h.get_text("").strip("¶ ") for h in main.find_all("h2")]
    assert headings == ["Vergelijking", "Fin"]  # the refused one in French, the other in Dutch
    assert main.find("img") is None
    assert "Laatste alinea van de pagina." in main.get_text(" ")


def test_a_refused_message_is_reported_by_every_build_until_it_is_fixed(
    build: BuildRoot, secsoc_root: Path
) -> None:
    """A catalog checked without mistakes is not read again while unchanged (a no-op
    rebuild reads none); one with a mistake is checked, and reported, every time."""
    catalogs = secsoc_root / "locales/nl/LC_MESSAGES"
    build(secsoc_root, "nl")
    compiled = {path.name: path.stat().st_mtime_ns for path in catalogs.glob("*.mo")}
    assert build(secsoc_root, "nl").warnings == ""
    assert {path.name: path.stat().st_mtime_ns for path in catalogs.glob("*.mo")} == compiled
    edit(catalogs / "lists.po", 'msgstr "Einde"', 'msgstr "Einde<img src=x>"')
    for _ in range(2):
        assert "lists.po" in build(secsoc_root, "nl").warnings
    edit(catalogs / "lists.po", 'msgstr "Einde<img src=x>"', 'msgstr "Einde"')
    site = build(secsoc_root, "nl")
    assert site.warnings == ""
    assert "Einde" in [h.get_text("").strip("¶ ") for h in site.main("lists").find_all("h2")]


def test_a_refused_template_shows_its_french_text_only(build: BuildRoot, secsoc_root: Path) -> None:
    edit(
        secsoc_root / "locales/nl/LC_MESSAGES/secsoc.po",
        'msgstr "Afgeleide overeenstemming: {reason}"',
        'msgstr "Afgeleide overeenstemming"',
    )
    site = build(secsoc_root, "nl")
    assert "translation leaves out {reason}" in site.warnings
    text = site.main("lists").get_text(" ")
    assert "Correspondance déduite : SSG zijn de initialen" in text  # French template, Dutch reason
    assert "Nr." in text  # the other templates still Dutch


def test_a_page_translation_may_link_elsewhere_and_escape(build: BuildRoot, secsoc_root: Path) -> None:
    """What the structure check leaves to the translator: where a link goes (the Dutch page
    of an external site), the order of the markup, and an escaped asterisk."""
    catalog = secsoc_root / "locales/nl/LC_MESSAGES/lists.po"
    edit(catalog, '"De namen staan er **zoals ze gedrukt zijn**, zoals bij de "', '"Zoals bij de "')
    edit(
        catalog,
        '"[federatie](https://example.org/federation/)."',
        '"[federatie](https://example.org/nl/federatie/) staan de namen er **zoals ze gedrukt zijn** \\\\*."',
    )
    site = build(secsoc_root, "nl")
    assert site.warnings == ""
    paragraph = next(p for p in site.main("lists").find_all("p") if "Zoals bij de" in p.get_text())
    assert paragraph.get_text() == "Zoals bij de federatie staan de namen er zoals ze gedrukt zijn *."
    link = paragraph.find("a")
    assert link is not None and link["href"] == "https://example.org/nl/federatie/"
    assert paragraph.find("strong") is not None


MARKUP = '<img src=x onerror=\\"alert(1)\\">'  # as written in a .po file


@pytest.mark.slow  # a whole make run on a copy of the project
def test_no_catalog_can_put_markup_on_a_page(tmp_path: Path) -> None:
    """Markup in every catalog, the site title's included: shown as text, or refused."""
    project = copy_project(tmp_path / "project")
    messages = project / "locales" / "nl" / "LC_MESSAGES"
    edit(messages / "secsoc.po", 'msgstr "Erkende sociale secretariaten"', f'msgstr "Erkende {MARKUP}"')
    edit(messages / "secsoc.po", 'msgstr "Nr."', f'msgstr "Nr. {MARKUP}"')
    edit(messages / "data.po", 'msgstr "Leden"', f'msgstr "Leden {MARKUP}"')
    edit(messages / "sphinx.po", 'msgstr "Terug naar boven"', f'msgstr "Terug {MARKUP}"')
    page = next(p for p in sorted(messages.glob("*.po")) if p.stem not in ("secsoc", "data", "sphinx"))
    first = re.search(r'\nmsgstr "([^"]+)"', page.read_text("utf-8"))
    assert first
    edit(page, f'msgstr "{first.group(1)}"', f'msgstr "{first.group(1)} {MARKUP}"')
    run = make(project, "html-nl", BUILDDIR=str(project / "_build"))
    assert run.returncode != 0  # the page and theme catalogs' markup is refused, located
    refused = [line for line in run.warnings.splitlines() if "WARNING" in line]
    assert {line.split(":")[0] for line in refused} == {
        str(page.relative_to(project)),
        "locales/nl/LC_MESSAGES/sphinx.po",
    }
    for html in sorted((project / "_build" / "html" / "nl").glob("*.html")):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        assert [tag for tag in soup.find_all(True) if tag.has_attr("onerror")] == [], html.name
        assert soup.find_all("img", src="x") == [], html.name
    index = BeautifulSoup(
        (project / "_build" / "html" / "nl" / "index.html").read_text("utf-8"), "html.parser"
    )
    brand = index.select_one(".sidebar-brand-text")
    assert brand is not None
    assert brand.get_text() == 'Erkende <img src=x onerror="alert(1)">'  # the site title, as text


FURO = {
    "html_theme": "furo",
    "html_sidebars": {"**": ["sidebar/brand.html", "secsoc/languages.html", "sidebar/navigation.html"]},
}
#: Theme words whose translation would leave its HTML attribute (or add an element)
#: were it written as it is.
BREAKOUT = {
    "Language": 'Taal" onmouseover="alert(1)',
    "Toggle site navigation sidebar": "Zijbalk' onmouseover='alert(1)' x='",
    "Back to top": "Terug <b>naar</b> boven &amp; &",
}


def test_a_theme_word_cannot_leave_its_attribute(build: BuildRoot, secsoc_root: Path, tmp_path: Path) -> None:
    """Two defenses. The catalog check refuses a quote, a tag or an ampersand the English
    text lacks, at its line; and the templates escape every word they write, so that
    a compiled catalog that was never checked still cannot break out (Sphinx's Jinja
    does not escape)."""
    catalog = secsoc_root / "locales/nl/LC_MESSAGES/sphinx.po"
    append(catalog, 'msgid "Language"\nmsgstr "Taal\\" onmouseover=\\"alert(1)"\n')
    compile_theme_catalogs(secsoc_root / "locales")  # as conf.py does, before Sphinx reads them
    checked = build(secsoc_root, "nl", confoverrides=FURO)
    line = catalog.read_text("utf-8").splitlines().index('msgid "Language"') + 1
    assert f"sphinx.po:{line}: WARNING: msgid 'Language': the translation adds '\"'" in checked.warnings
    page = checked.page("lists")
    assert [tag.name for tag in page.find_all(True) if tag.has_attr("onmouseover")] == []
    languages = page.select_one("nav.secsoc-languages")
    assert languages is not None and languages["aria-label"] == "Language"  # the English word

    # Such words compiled straight into a sphinx.mo, with no sphinx.po to check (in
    # another copy: Python's gettext keeps each .mo it has read, by its path).
    root = copy_root("secsoc", tmp_path / "unchecked")
    messages = root / "locales/nl/LC_MESSAGES"
    (messages / "sphinx.po").unlink()
    unchecked = Catalog(locale="nl")
    for english, dutch in BREAKOUT.items():
        unchecked.add(english, dutch)
    with (messages / "sphinx.mo").open("wb") as stream:
        write_mo(stream, unchecked)
    page = build(root, "nl", confoverrides=FURO).page("lists")
    assert [tag.name for tag in page.find_all(True) if tag.has_attr("onmouseover")] == []
    languages = page.select_one("nav.secsoc-languages")
    assert languages is not None and languages["aria-label"] == BREAKOUT["Language"]
    toggle = page.select_one("input#__navigation")
    assert toggle is not None and toggle["aria-label"] == BREAKOUT["Toggle site navigation sidebar"]
    back = page.select_one(".back-to-top span")
    assert back is not None and back.find("b") is None
    assert back.get_text() == BREAKOUT["Back to top"]


def test_make_html_counts_the_translations_of_each_language(project: Project) -> None:
    run = project.run
    counts = re.findall(
        r"^(fr|nl): messages (\d+) translated, (\d+) fuzzy, (\d+) untranslated, (\d+) refused$",
        run.output,
        re.M,
    )
    assert [language for language, *_ in counts] == ["fr", "nl"]
    assert all(int(done) > 0 and rest == ["0", "0", "0"] for _, done, *rest in counts)


def test_translation_status_lists_what_is_left_to_translate(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    catalog = project / "locales" / "nl" / "LC_MESSAGES" / "data.po"
    edit(catalog, 'msgstr "Leden"', 'msgstr ""')
    line = catalog.read_text("utf-8").splitlines().index('msgid "Membres"') + 1
    run = make(project, "translation-status", BUILDDIR=str(project / "_build"))
    assert run.returncode == 0, run.output
    assert f"locales/nl/LC_MESSAGES/data.po:{line}: untranslated: Membres" in run.output
    assert re.search(r"^nl: messages \d+ translated, 0 fuzzy, 1 untranslated, 0 refused$", run.output, re.M)


@pytest.mark.slow  # a whole make run on a copy of the project
def test_make_html_counts_a_new_sentence_and_a_refused_translation_before_any_catalog_update(
    tmp_path: Path,
) -> None:
    """The counts follow the pages as they are now, not the catalogs: a paragraph written
    a minute ago is untranslated at its line; a translation the build refuses, refused."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "social.md"
    title = next(line for line in page.read_text("utf-8").splitlines() if line.startswith("# "))
    edit(page, title + "\n", f"{title}\n\nUne phrase écrite à l'instant.\n")
    catalog = project / "locales" / "nl" / "LC_MESSAGES" / "social.po"
    edit(catalog, 'msgstr "Wettelijke grondslag"', 'msgstr "**Wettelijke grondslag"')
    run = make(project, "html", BUILDDIR=str(project / "_build"))
    assert run.returncode != 0  # the refused translation is a warning, an error under -W
    line = page.read_text("utf-8").splitlines().index("Une phrase écrite à l'instant.") + 1
    assert f"docs/social.md:{line}: untranslated: Une phrase écrite à l'instant." in run.output
    refused = catalog.read_text("utf-8").splitlines().index('msgstr "**Wettelijke grondslag"')
    assert f"locales/nl/LC_MESSAGES/social.po:{refused}: refused: Base légale" in run.output
    assert re.search(r"^nl: messages \d+ translated, 0 fuzzy, 1 untranslated, 1 refused$", run.output, re.M)


def test_a_catalog_saved_with_a_byte_order_mark_is_read_as_written(
    build: BuildRoot, secsoc_root: Path
) -> None:
    catalog = secsoc_root / "locales/nl/LC_MESSAGES/lists.po"
    catalog.write_bytes(b"\xef\xbb\xbf" + catalog.read_bytes())
    site = build(secsoc_root, "nl")
    assert site.warnings == ""
    headings = [h.get_text("").strip("¶ ") for h in site.main("lists").find_all("h2")]
    assert headings == ["Vergelijking", "Einde"]


def test_a_blank_translation_is_untranslated(build: BuildRoot, secsoc_root: Path) -> None:
    """A msgstr of spaces would show an empty heading: the French text is shown, and
    ``make translation-status`` counts it as untranslated."""
    catalog = secsoc_root / "locales/nl/LC_MESSAGES/lists.po"
    edit(catalog, 'msgstr "Einde"', 'msgstr "   "')
    site = build(secsoc_root, "nl")
    headings = [h.get_text("").strip("¶ ") for h in site.main("lists").find_all("h2")]
    assert headings == ["Vergelijking", "Fin"]
    from secsoc.tools.postatus import State, states

    templates = build(secsoc_root, buildername="gettext").outdir
    line = catalog.read_text("utf-8").splitlines().index('msgid "Fin"') + 1
    found = list(states(templates, secsoc_root / "locales", "nl", "fr"))
    assert State("untranslated", f"{catalog.as_posix()}:{line}", "Fin") in found


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_search_page_picks_a_plural_form_its_catalog_has(project: Project, language: str) -> None:
    """Sphinx's search script picks ``messages[id][plural_expr(n)]``: an index the
    catalog lacks (French rule of three forms, two given) or a boolean (Dutch ``n != 1``)
    threw a TypeError and the search never said what it found."""
    import gettext
    import json

    script = (project.path / "locales" / language / "LC_MESSAGES" / "sphinx.js").read_text("utf-8")
    catalog = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    expression = catalog["plural_expr"]
    assert expression.startswith("+(")  # a number in JavaScript, not a boolean
    pick = gettext.c2py(expression.removeprefix("+(").removesuffix(")"))
    plurals = {key: forms for key, forms in catalog["messages"].items() if isinstance(forms, list)}
    assert plurals  # "Search finished, found one page..." at least
    for key, forms in plurals.items():
        assert all(0 <= pick(n) < len(forms) and forms[pick(n)] for n in range(0, 2001)), key
