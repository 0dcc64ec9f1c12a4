"""The real site, in both editions, checked against its own data: true for any year.

Every expected value is read from the data files and the pages' sources, never typed
again here, and every check runs twice: on the project as it is, and after next
year's update (``nextyear.py``), with no change to this file.
"""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from projects import EDITIONS, FORMAT_LOCALES, TRANSLATIONS, Project
from reading import Site, attribute, caption, entries, found, list_table, names, numbers, text
from secsoc.data.comparison import changes as compare_changes
from secsoc.data.comparison import compare
from secsoc.data.loader import load_dataset
from secsoc.data.model import Dataset, Source, Statement
from secsoc.i18n.formatting import Formatter, french_spacing
from secsoc.i18n.pofile import forms_of, read_catalog
from secsoc.i18n.translation import Translator

LANGUAGES = EDITIONS

# Text that is the same in both languages by nature: names as printed, organisation
# names, numbers and codes. The extension marks them with these classes.
PROPER_NAMES = ".secsoc-printed, .secsoc-org, code, .headerlink"

# The links of the seed page the site was made from: each is on the site, or kept in the
# data as a source's link (a past year's publication stays in sources.yaml).
SEED_LINKS = {
    "http://www.ejustice.just.fgov.be/doc/rech_f.htm",
    "https://www.ejustice.just.fgov.be/cgi/article_body.pl?numac=2021205711&caller=list&pub_date=2021-12-15&language=fr",
    "https://www.ejustice.just.fgov.be/mopdf/2021/12/15_1.pdf#Page413",
    "http://www.uss.be/fr/home",
    "http://www.uss.be/fr/chiffres/membres1",
    "http://www.dm-p.be/",
    "http://dmenp.be/",
    "https://www.starringjane.com/",
    "http://synergie4.be/",
}


@dataclass(frozen=True)
class Directive:
    page: str
    name: str
    arguments: tuple[str, ...]


@cache
def directives(project: Path) -> tuple[Directive, ...]:
    """The extension's directives and roles as the pages use them."""
    found = []
    for path in sorted((project / "docs").glob("*.md")):
        source = path.read_text("utf-8")
        for name, arguments in re.findall(r"^```\{(secsoc-[a-z]+)\}(.*)$", source, re.MULTILINE):
            if name in ("secsoc-list", "secsoc-comparison", "secsoc-summary"):  # a series: its newest list
                data = dataset(project)
                arguments = " ".join(data.latest(argument) or argument for argument in arguments.split())
            found.append(Directive(path.stem, name, tuple(arguments.split())))
        for role, content in re.findall(r"\{(secsoc-org|secsoc-fr)\}`([^`]+)`", source):
            found.append(Directive(path.stem, role, (content,)))
    return tuple(found)


def used(project: Project, name: str) -> Iterator[Directive]:
    return (directive for directive in directives(project.path) if directive.name == name)


@cache
def dataset(project: Path) -> Dataset:
    data, problems = load_dataset(project / "data", project)
    assert problems == []
    return data


@cache
def translator(project: Path, language: str) -> Translator:
    """The extension's sentences and the data's prose in ``language``, from the catalogs."""
    return Translator([project / "locales"], language)


def formatter(language: str) -> Formatter:
    """Numbers and dates as the edition writes them (conf.py's format locales)."""
    return Formatter(language, locale=FORMAT_LOCALES.get(language))


def as_shown(language: str, sentence: str) -> str:
    """A sentence as the edition prints it: the French one with its narrow spaces."""
    return french_spacing(sentence) if language == "fr" else sentence


def quotation(tr: Translator, text: str) -> str:
    """A French text quoted as the edition quotes it: as is in French; elsewhere marked as
    French, with the data catalog's translation as a gloss when there is one."""
    if tr.language == "fr":
        return tr.gettext("« {text} »").format(text=text)
    if tr.data(text) == text:
        return tr.gettext("« {original} » (en français)").format(original=text)
    template = tr.gettext("« {original} » (en français ; notre traduction : « {gloss} »)")
    return template.format(original=text, gloss=tr.data(text))


def pages(project: Project) -> list[str]:
    return sorted(path.stem for path in (project.path / "docs").glob("*.md"))


def edition(project: Project, language: str) -> Site:
    return project.sites[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_builds_without_a_warning(project: Project, language: str) -> None:
    site = edition(project, language)
    assert "WARNING" not in site.warnings
    for page in pages(project):
        assert (site.outdir / f"{page}.html").is_file(), page


def test_the_pages_show_lists_comparisons_and_figures(project: Project) -> None:
    assert {directive.name for directive in directives(project.path)} >= {
        "secsoc-list",
        "secsoc-comparison",
        "secsoc-figures",
        "secsoc-source",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_of_every_list_is_shown_in_published_order(project: Project, language: str) -> None:
    data, fmt = dataset(project.path), formatter(language)
    for directive in used(project, "secsoc-list"):
        published = data.lists[directive.arguments[0]]
        table = list_table(edition(project, language).main(directive.page), published.id)
        shown = entries(table)
        assert [row.position for row in shown] == [fmt.number(entry.position) for entry in published.entries]
        assert [row.printed for row in shown] == [entry.printed for entry in published.entries]
        names = [data.organisations[entry.organisation].name for entry in published.entries]
        assert [row.organisation for row in shown] == names
        assert [bool(row.remark) for row in shown] == [bool(entry.remark) for entry in published.entries]
        assert [bool(row.inferred) for row in shown] == [bool(entry.inferred) for entry in published.entries]
        tr = translator(project.path, language)
        remark, reason = tr.gettext("Remarque : {remark}"), tr.gettext("Correspondance déduite : {reason}")
        # a remark is the source's words: quoted, and on another edition French, glossed
        remarks = [remark.format(remark=quotation(tr, e.remark.text)) for e in published.entries if e.remark]
        assert [row.remark for row in shown if row.remark] == [as_shown(language, r) for r in remarks]
        # and each row says whether its organisation is on the newest list of each other series
        others = [other for other in data.newest_lists() if other.series != published.series]
        columns = [
            as_shown(language, tr.gettext("Liste « {list} »").format(list=tr.data(o.label.text)))
            for o in others
        ]
        yes, no = tr.gettext("oui"), tr.gettext("non")
        expected = [
            tuple(
                (column, yes if entry.organisation in other.organisation_ids else no)
                for column, other in zip(columns, others, strict=True)
            )
            for entry in published.entries
        ]
        assert [row.statuses for row in shown] == expected
        reasons = [reason.format(reason=tr.data(e.inferred.text)) for e in published.entries if e.inferred]
        assert [row.inferred for row in shown if row.inferred] == [as_shown(language, r) for r in reasons]


@pytest.mark.parametrize("language", LANGUAGES)
def test_captions_give_the_title_the_date_and_the_count_of_each_list(project: Project, language: str) -> None:
    data, fmt, tr = dataset(project.path), formatter(language), translator(project.path, language)
    for directive in used(project, "secsoc-list"):
        published = data.lists[directive.arguments[0]]
        shown = caption(list_table(edition(project, language).main(directive.page), published.id))
        title = as_shown(language, tr.data(published.title.text))
        assert shown.startswith(title), shown
        date = data.sources[published.source].reference_date
        dates = [fmt.date(date)] if date else []  # the source's date, when it gives one
        assert all(day in shown for day in dates), shown
        # after the title, the only other number is the count of entries
        assert numbers(shown.removeprefix(title), *dates) == [fmt.number(len(published.entries))], shown


def labels(project: Project, language: str, directive: Directive) -> list[str]:
    """The names of a comparison's two lists, as its sentences quote them."""
    data, tr = dataset(project.path), translator(project.path, language)
    return [as_shown(language, tr.data(data.lists[key].label.text)) for key in directive.arguments]


def count_said(said: list[str], count: int, fmt: Formatter) -> bool:
    """A count as a sentence gives it: in figures, or in words for none or one."""
    return said == [fmt.number(count)] or (count <= 1 and said == [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparisons_count_each_list_and_name_who_is_missing_or_listed_twice(
    project: Project, language: str
) -> None:
    data, fmt = dataset(project.path), formatter(language)
    for directive, block in comparisons(project, language):
        lists = [data.lists[key] for key in directive.arguments]
        result = compare(*lists)
        quoted = labels(project, language, directive)
        # the two sentences that count the lists: the block's paragraphs with no class
        counted = block.select(":scope > p:not([class])")
        for label, sentence, published in zip(quoted, counted, lists, strict=True):
            assert label in text(sentence), directive
            # each list's date, as its source gives it: what the conclusions rest on
            source = data.sources[published.source]
            dated = source.reference_date or source.consulted or source.publication_date
            assert dated is not None, published.id  # every list's source is dated
            day = fmt.date(dated)
            assert as_shown(language, day) in text(sentence), directive
            said = numbers(text(sentence), label, as_shown(language, day))
            assert said == [fmt.number(len(published.organisation_ids))]
        # and whether the two lists are of the same day, naming both dates
        dates = text(found(block.select_one(".secsoc-dates")))
        assert all(label in dates for label in quoted), dates
        absent = block.select(".secsoc-absent")
        for sentence, missing in zip(absent, (result.only_in_first, result.only_in_second), strict=True):
            assert names(sentence) == [data.organisations[key].name for key in missing], directive
            said = numbers(text(sentence), *quoted, *names(sentence))
            assert count_said(said, len(missing), fmt), (directive, said)
        twice = block.select(".secsoc-duplicates")
        for sentence, duplicates in zip(
            twice, (result.duplicates_in_first, result.duplicates_in_second), strict=True
        ):
            assert names(sentence) == [data.organisations[d.organisation].name for d in duplicates]
            # each name is followed by the positions where the list prints it
            positions = [numbers(str(name.next_sibling)) for name in sentence.select(".secsoc-org")]
            assert positions == [[fmt.number(at) for at in d.positions] for d in duplicates], directive


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_are_the_datas_sentences_with_numbers_formatted_for_the_language(
    project: Project, language: str
) -> None:
    data, fmt, tr = dataset(project.path), formatter(language), translator(project.path, language)
    for directive in used(project, "secsoc-figures"):
        wanted = directive.arguments or tuple(data.figures)
        items = edition(project, language).main(directive.page).select(".secsoc-figures > li")
        assert len(items) == len(wanted)
        for item, key in zip(items, wanted, strict=True):
            figure = data.figures[key]
            sentence = found(item.find("p"))
            assert text(found(sentence.find("strong"))) == fmt.number(figure.count)  # the count stands out
            share = {} if figure.share is None else {"share": fmt.share(figure.share)}
            filled = tr.data(figure.statement.text).format(count=fmt.number(figure.count), **share)
            assert text(sentence) == as_shown(language, filled)


def cited_sources(project: Project, page: str) -> set[str]:
    data = dataset(project.path)
    cited: set[str] = set()
    for directive in directives(project.path):
        if directive.page != page:
            continue
        if directive.name == "secsoc-source":
            cited.add(directive.arguments[0])
        elif directive.name in ("secsoc-list", "secsoc-comparison"):
            for published in (data.lists[key] for key in directive.arguments):
                cited.add(published.source)
                if published.claim and directive.name == "secsoc-comparison":
                    cited.add(published.claim.source)
        elif directive.name == "secsoc-figures":
            cited |= {data.figures[key].source for key in directive.arguments or data.figures}
    return cited


def shown_links(source: Source, language: str) -> set[str]:
    """Per format, the links in the reader's language (or in every language), else the
    French one (the language of the titles quoted), else the first."""
    links: set[str] = set()
    for form in {link.format for link in source.links}:
        of_format = [link for link in source.links if link.format == form]
        own = [link for link in of_format if link.language in (None, language)]
        french = [link for link in of_format if link.language == "fr"]
        links |= {link.url for link in own or french[:1] or of_format[:1]}
    return links


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cited_source_has_its_links_and_numac(project: Project, language: str) -> None:
    data = dataset(project.path)
    every_numac = {source.numac for source in data.sources.values() if source.numac}
    for page in pages(project):
        main = edition(project, language).main(page)
        links = {a["href"] for a in main.find_all("a")}
        cited = [data.sources[key] for key in cited_sources(project, page)]
        for source in cited:
            assert shown_links(source, language) <= links, (page, source.id)
        # a citation shows its source's NUMAC as code, and no other code
        codes = {text(code) for code in main.select(".secsoc-citation code")}
        assert {source.numac for source in cited if source.numac} <= codes <= every_numac, page


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_no_page_links_to_another_language_s_version_of_a_source_with_one_in_its_own(
    project: Project, language: str
) -> None:
    data = dataset(project.path)
    elsewhere = {
        link.url
        for source in data.sources.values()
        for link in source.links
        if link.language not in (None, language)
        and any(other.language == language and other.format == link.format for other in source.links)
    }
    for page in pages(project):
        shown = {a["href"] for a in edition(project, language).page(page).find_all("a")}
        assert shown & elsewhere == set(), page


def test_every_link_of_the_seed_is_kept(project: Project) -> None:
    data = dataset(project.path)
    in_data = {link.url for source in data.sources.values() for link in source.links}
    on_site = {a["href"] for page in pages(project) for a in project.fr.main(page).find_all("a")}
    assert SEED_LINKS - on_site - in_data == set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_role_names_the_organisation(project: Project, language: str) -> None:
    data = dataset(project.path)
    for directive in used(project, "secsoc-org"):
        names = [text(tag) for tag in edition(project, language).main(directive.page).select(".secsoc-org")]
        assert data.organisations[directive.arguments[0]].name in names


def blocks(main: Tag) -> list[str]:
    """The readable blocks of a page (paragraphs, headings, captions, headers), names left out."""
    main = Tag.__copy__(main)
    for name in main.select(PROPER_NAMES):
        name.decompose()
    found = main.find_all(["p", "h1", "h2", "h3", "caption", "th", "li"])
    return [block for block in (text(tag) for tag in found) if re.search(r"[^\W\d_]", block)]


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_no_french_sentence_on_the_translated_pages(project: Project, language: str) -> None:
    for page in pages(project):
        main = Tag.__copy__(edition(project, language).main(page))
        for quotation in main.select('[lang="fr"]'):  # French quoted as such, and marked
            quotation.decompose()
        translated = text(main)
        leaks = [block for block in blocks(project.fr.main(page)) if block in translated]
        assert leaks == [], page


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_translated_pages_say_as_much_as_the_french(project: Project, language: str) -> None:
    for page in pages(project):
        main = edition(project, language).main(page)
        assert len(blocks(main)) == len(blocks(project.fr.main(page))), page
        # as many links; a source's page in the edition's language stands for its French one
        assert len(main.find_all("a")) == len(project.fr.main(page).find_all("a")), page


#: The theme's words as each edition shows them (English: the theme's own).
THEME = {
    "fr": ("Aller au contenu", "Retour en haut"),
    "nl": ("Naar de inhoud", "Terug naar boven"),
    "de": ("Zum Inhalt springen", "Zurück nach oben"),
    "en": ("Skip to content", "Back to top"),
}
ENGLISH = ("Skip to content", "Back to top", "On this page", "Made with")
#: Sphinx's search stemmer for each language (language_data.js).
STEMMERS = {"fr": "FrenchStemmer", "nl": "DutchStemmer", "de": "GermanStemmer", "en": "EnglishStemmer"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_language_search_and_theme_words(project: Project, language: str) -> None:
    site = edition(project, language)
    options = (site.outdir / "_static" / "documentation_options.js").read_text("utf-8")
    assert f"LANGUAGE: '{language}'" in options
    assert STEMMERS[language] in (site.outdir / "_static" / "language_data.js").read_text("utf-8")
    for page in pages(project):
        html = site.page(page)
        assert attribute(found(html.html), "lang") == language
        chrome = found(html.body).get_text(" ")
        assert all(word in chrome for word in THEME[language]), page


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_no_english_theme_word_on_another_edition(project: Project, language: str) -> None:
    for page in pages(project):
        chrome = found(edition(project, language).page(page).body).get_text(" ")
        assert not [word for word in ENGLISH if word in chrome], page


@pytest.mark.parametrize(
    ("language", "other"), [(one, other) for one in LANGUAGES for other in LANGUAGES if one != other]
)
def test_language_switch_leads_to_the_same_page(project: Project, language: str, other: str) -> None:
    site = edition(project, language)
    for page in pages(project):
        switch = found(site.page(page).select_one(".secsoc-languages"))
        link = attribute(found(switch.find("a", hreflang=other)), "href")
        assert link == f"../{other}/{page}.html"
        assert (site.outdir / link).resolve().is_file()
        assert found(switch.select_one("[aria-current]")).get_text() != other.upper()
        alternates = {
            tag["hreflang"]: tag["href"] for tag in site.page(page).find_all("link", rel="alternate")
        }
        assert alternates == {every: f"../{every}/{page}.html" for every in LANGUAGES}


def test_the_language_switch_names_the_editions_in_the_configured_order(project: Project) -> None:
    switch = found(project.fr.page("index").select_one(".secsoc-languages"))
    shown = [
        element.get_text().strip() for element in switch.find_all(["a", "span"]) if element.get_text().strip()
    ]
    assert [code.upper() for code in LANGUAGES] == [word for word in shown if word.isupper()]


PUNCTUATION = re.compile(r"(.)([;:!?])(?=\s|$)")


def test_french_prose_has_narrow_spaces_and_the_others_none(project: Project) -> None:
    """Before ; : ! ? and inside « », U+202F in French (applied by the build), none in the
    other editions."""
    for page in pages(project):
        french = text(project.fr.main(page))
        assert [m.group(0) for m in PUNCTUATION.finditer(french) if m.group(1) != "\u202f"] == [], page
        assert "« " not in french and " »" not in french, page
        for language in TRANSLATIONS:
            assert "\u202f" not in text(edition(project, language).main(page)), (language, page)


def comparisons(project: Project, language: str) -> Iterator[tuple[Directive, Tag]]:
    """Each comparison the pages make, with what it shows, in the order of the pages."""
    for page in pages(project):
        made = [directive for directive in used(project, "secsoc-comparison") if directive.page == page]
        shown = edition(project, language).main(page).select(".secsoc-comparison")
        assert len(shown) == len(made), page
        yield from zip(made, shown, strict=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_conclusions_say_how_many_matches_are_inferred(project: Project, language: str) -> None:
    """With inferred matches, the conclusions say how many; without, they say nothing of
    them (that case is the test root's, test_data_updates.py)."""
    data, fmt = dataset(project.path), formatter(language)
    for directive, block in comparisons(project, language):
        result = compare(*(data.lists[key] for key in directive.arguments))
        hedges = block.select(".secsoc-hedge, .secsoc-holds")
        if result.inferred:
            assert block.select(".secsoc-hedge"), directive
            said = [numbers(text(hedge), *labels(project, language, directive)) for hedge in hedges]
            assert all(count_said(count, len(result.inferred), fmt) for count in said), said
        else:
            assert block.select(".secsoc-hedge") == [], directive


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_french_quotations_on_translated_pages_are_marked_as_french(project: Project, language: str) -> None:
    data = dataset(project.path)
    quoted = {source.title.text for source in data.sources.values() if language not in source.official_titles}
    quoted |= {published.claim.quote.text for published in data.lists.values() if published.claim}
    for page in pages(project):
        main = edition(project, language).main(page)
        marked = {text(span) for span in main.select('span[lang="fr"]')}
        assert {quote for quote in quoted if quote in text(main)} <= marked, page
        # the French words a page quotes itself ({secsoc-fr}), wherever a translation puts them
        words = {" ".join(role.arguments) for role in used(project, "secsoc-fr") if role.page == page}
        assert words <= marked, page


def english_theme_words(project: Project, language: str) -> set[str]:
    """The theme's English words that the edition translates (sphinx.po), as shown."""
    catalog = read_catalog(project.path / "locales" / language / "LC_MESSAGES" / "sphinx.po").catalog
    words = set()
    for message in catalog:
        if message.id and not message.fuzzy:
            for english, translated in zip(forms_of(message.id), forms_of(message.string), strict=False):
                if translated and translated != english:
                    words.add(BeautifulSoup(english, "html.parser").get_text().strip())
    return words


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_no_english_theme_word_in_text_labels_or_titles(project: Project, language: str) -> None:
    english = english_theme_words(project, language)
    assert {"Back to top", "Toggle site navigation sidebar", "Link to this heading", "Contents"} <= english
    for page in [*pages(project), "search", "genindex"]:
        html = copy.copy(edition(project, language).page(page))
        shown = {
            str(value).strip()
            for tag in html.find_all(True)
            for attr in ("aria-label", "title", "alt", "placeholder")
            if (value := tag.get(attr))
        }
        for script in html.find_all(["script", "style"]):
            script.decompose()
        shown |= {line.strip() for line in html.get_text("\n").splitlines() if line.strip()}
        assert shown & english == set(), page
        assert "Made with" not in html.get_text(" ") and "'s" not in html.get_text(" ").split(), page


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translated_edition_does_not_offer_the_french_source(project: Project, language: str) -> None:
    for page in pages(project):
        assert edition(project, language).page(page).select(".view-this-page") == [], page


def test_the_root_page_sends_each_reader_to_an_edition(project: Project) -> None:
    root = BeautifulSoup((project.path / "_build" / "html" / "index.html").read_text("utf-8"), "html.parser")
    assert attribute(found(root.html), "lang") == "fr"
    links = {a["hreflang"]: a["href"] for a in root.find_all("a")}
    assert links == {language: f"{language}/index.html" for language in LANGUAGES}
    refresh = found(root.find("meta", attrs={"http-equiv": "refresh"}))
    assert attribute(refresh, "content").endswith("url=fr/index.html")
    assert "navigator.languages" in found(root.find("script")).get_text()
    # each link names its edition by the title that edition shows (conf.py's, translated)
    for link in root.find_all("a"):
        edition = project.path / "_build" / "html" / attribute(link, "href")
        title = found(BeautifulSoup(edition.read_text("utf-8"), "html.parser").head).find("title")
        assert link.get_text().startswith(found(title).get_text() + " ("), link
        # in its own language, as the heading names each edition in its own
        assert attribute(found(link.parent), "lang") == link["hreflang"]
    heading = found(root.find("h1"))
    assert {attribute(span, "lang") for span in heading.find_all("span")} == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_id_on_a_page_is_unique(project: Project, language: str) -> None:
    for page in pages(project):
        ids = [tag["id"] for tag in edition(project, language).page(page).find_all(id=True)]
        assert len(ids) == len(set(ids)), page


def read_csv(path: Path) -> list[list[str]]:
    content = path.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf"), "a byte order mark, for spreadsheets"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def in_a_spreadsheet(value: str) -> str:
    """A cell as the CSV file must hold it: a text a spreadsheet would evaluate as a
    formula is prefixed with an apostrophe (OWASP's advice against CSV injection)."""
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def test_downloads_hold_the_data_in_every_edition(project: Project) -> None:
    data = dataset(project.path)
    for directive in used(project, "secsoc-list"):
        published = data.lists[directive.arguments[0]]
        files = {}
        for language in LANGUAGES:
            site = edition(project, language)
            links = [attribute(a, "href") for a in site.main(directive.page).select(".secsoc-downloads a")]
            assert f"_downloads/secsoc/lists/{published.id}.csv" in links
            assert "_downloads/secsoc/organisations.json" in links
            files[language] = {href: site.outdir / href for href in links}
            for path in files[language].values():
                assert path.is_file(), path
        csv_fr = read_csv(files["fr"][f"_downloads/secsoc/lists/{published.id}.csv"])
        for language in TRANSLATIONS:  # only the headers differ
            translated = read_csv(files[language][f"_downloads/secsoc/lists/{published.id}.csv"])
            assert csv_fr[1:] == translated[1:] and csv_fr[0] != translated[0], language
        expected = [
            [
                str(entry.position),
                entry.printed,
                entry.organisation,
                data.organisations[entry.organisation].name,
                entry.remark.text if entry.remark else "",
                entry.inferred.text if entry.inferred else "",
            ]
            for entry in published.entries
        ]
        assert csv_fr[1:] == [[in_a_spreadsheet(cell) for cell in row] for row in expected]
        records = json.loads(
            files[TRANSLATIONS[0]][f"_downloads/secsoc/lists/{published.id}.json"].read_text("utf-8")
        )
        assert [
            [
                str(r["position"]),
                r["printed"],
                r["organisation_id"],
                r["organisation"],
                r["remark"],
                r["inferred"],
            ]
            for r in records
        ] == expected
        organisations = json.loads(files["fr"]["_downloads/secsoc/organisations.json"].read_text("utf-8"))
        by_name = data.organisations_by_name()
        assert [o["id"] for o in organisations] == [o.id for o in by_name]
        assert [o["aliases"] for o in organisations] == [list(o.aliases) for o in by_name]
        # where the newest list of each series names each organisation: its status
        newest = data.newest_lists()
        assert [{s.series: o[s.series or ""] for s in newest} for o in organisations] == [
            {s.series: list(s.positions(o.id)) for s in newest} for o in by_name
        ]
        # no column that no source fills
        with_websites = any(o.website for o in by_name)
        assert all(("website" in o) == with_websites for o in organisations)
        table = read_csv(files[TRANSLATIONS[-1]]["_downloads/secsoc/organisations.csv"])
        assert all(any(cell for cell in column) for column in zip(*table[1:], strict=True))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_organisation_has_its_page_with_every_list_it_is_in(project: Project, language: str) -> None:
    data, site = dataset(project.path), edition(project, language)
    index = {text(a): a["href"] for a in site.main("organisations").select(".secsoc-organisations a")}
    assert sorted(index) == sorted(organisation.name for organisation in data.organisations.values())
    for organisation in data.organisations.values():
        assert index[organisation.name] == f"organisations/{organisation.id}.html"
        page = site.main(f"organisations/{organisation.id}")
        assert text(found(page.find("h1"))) == organisation.name
        appearances = [e for p in data.lists.values() for e in p.entries if e.organisation == organisation.id]
        items = page.select(".secsoc-appearances > li")
        assert len(items) == len(appearances), organisation.id
        printed = sorted(
            text(span) for item in items for span in item.select("p:first-child .secsoc-printed")
        )
        assert printed == sorted(entry.printed for entry in appearances)


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_in_tables_and_sentences_lead_to_the_organisation_pages(
    project: Project, language: str
) -> None:
    data = dataset(project.path)
    for directive in used(project, "secsoc-list"):
        published = data.lists[directive.arguments[0]]
        table = list_table(edition(project, language).main(directive.page), published.id)
        links = [a["href"] for a in table.select("tbody .secsoc-org a")]
        assert links == [f"organisations/{entry.organisation}.html" for entry in published.entries]


def chart_kind(tag: Tag, prefix: str) -> str:
    """The segment a bar or a label belongs to, by its class: first, both or second."""
    (kind,) = [
        name.removeprefix(prefix) for name in tag.get_attribute_list("class") if name.startswith(prefix)
    ]
    return kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_is_also_a_figure_with_its_text_alternative(project: Project, language: str) -> None:
    data, fmt = dataset(project.path), formatter(language)
    for directive, block in comparisons(project, language):
        result = compare(*(data.lists[key] for key in directive.arguments))
        svg = found(block.select_one("svg"))
        assert svg["role"] == "img"
        assert found(svg.find("title")).get_text() and not svg.find_all("script")
        both = len(result.first.organisation_ids) - len(result.only_in_first)
        counts = {"first": len(result.only_in_first), "both": both, "second": len(result.only_in_second)}
        # each segment's label, marked with its segment's colour, says its count
        said = {}
        for label in svg.select("text.secsoc-chart-label"):
            words = "".join(label.find_all(string=True, recursive=False))  # not the colour's key
            said[chart_kind(found(label.find("tspan")), "secsoc-chart-key-")] = words.strip()
        quoted = labels(project, language, directive)
        shown = {kind: numbers(label, *quoted) for kind, label in said.items()}
        assert shown == {kind: [fmt.number(count)] for kind, count in counts.items()}, said
        # each bar is as wide as its share of the organisations; an empty segment has none
        widths = {
            chart_kind(bar, "secsoc-chart-"): float(attribute(bar, "width").removesuffix("%"))
            for bar in svg.select("rect")
        }
        assert set(widths) == {kind for kind, count in counts.items() if count}
        for kind, width in widths.items():
            assert width / sum(widths.values()) == pytest.approx(
                counts[kind] / sum(counts.values()), abs=1e-3
            )
        # the text alternative says what the labels say
        assert found(svg.find("desc")).get_text() == " ".join(f"{label}." for label in said.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_list_kept_in_the_data_stays_readable(project: Project, language: str) -> None:
    """Next year's list does not hide last year's: every list has its table on the lists page."""
    data = dataset(project.path)
    main = edition(project, language).main("listes")
    for published in data.lists.values():
        shown = entries(list_table(main, published.id))
        assert [row.printed for row in shown] == [entry.printed for entry in published.entries]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_opens_its_pages_with_the_answer(project: Project, language: str) -> None:
    """Right under the title: both lists' sizes, who is on the first and not on the second."""
    data = dataset(project.path)
    pages = list(used(project, "secsoc-summary"))
    assert {directive.page for directive in pages} >= {"index", "secretariats"}
    for directive in pages:
        main = edition(project, language).main(directive.page)
        first, second = (data.lists[key] for key in directive.arguments)
        heading = found(main.find("h1"))
        block = found(heading.find_next_sibling())
        assert "secsoc-summary" in block.get_attribute_list("class"), directive.page
        counted = block.select(":scope > p:not([class])")
        fmt, tr = formatter(language), translator(project.path, language)
        dates = [fmt.date(day) for day in (first.date, second.date) if day]
        dates += [fmt.date(d) for s in (first, second) for d in vars_dates(data.sources[s.source])]
        assert [numbers(text(p), *dates) for p in counted] == [
            [fmt.number(len(first.organisation_ids))],
            [fmt.number(len(second.organisation_ids))],
        ]
        absent = found(block.select_one(".secsoc-absent"))
        missing = compare(first, second).only_in_first
        assert names(absent) == [data.organisations[key].name for key in missing]
        assert as_shown(language, tr.data(first.label.text)) in text(absent)


def vars_dates(source: Source) -> list[datetime.date]:
    return [day for day in (source.reference_date, source.consulted, source.publication_date) if day]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_organisation_page_opens_with_its_status_on_each_newest_list(
    project: Project, language: str
) -> None:
    data, fmt, tr = dataset(project.path), formatter(language), translator(project.path, language)
    newest = data.newest_lists()
    assert len(newest) >= 2
    for organisation in data.organisations.values():
        main = edition(project, language).main(f"organisations/{organisation.id}")
        first = found(found(main.find("h1")).find_next_sibling())
        status = [first, *first.find_next_siblings("p", class_="secsoc-status")]
        assert len(status) == len(newest), organisation.id
        for line, published in zip(status, newest, strict=True):
            positions = published.positions(organisation.id)
            assert ("secsoc-yes" if positions else "secsoc-no") in line.get_attribute_list("class")
            dates = [fmt.date(d) for d in vars_dates(data.sources[published.source])]
            assert numbers(text(line), *dates) == [fmt.number(n) for n in positions], (
                organisation.id,
                text(line),
            )
            # a "yes" resting on an inferred match is followed by its reason
            reasons = [
                tr.data(e.inferred.text)
                for e in published.entries
                if e.organisation == organisation.id and e.inferred
            ]
            following = line.find_next_siblings("p")
            said = [
                text(p)
                for p in following[: len(reasons)]
                if "secsoc-inferred" in p.get_attribute_list("class")
            ]
            assert len(said) == len(reasons), organisation.id
            assert all(r in s for r, s in zip(reasons, said, strict=True)), organisation.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_navigation_toggles_are_named_in_the_pages_language(project: Project, language: str) -> None:
    site, tr = edition(project, language), translator(project.path, language)
    toggles = 0
    for path in sorted(site.outdir.rglob("*.html")):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for toggle in page.select("input.toctree-checkbox"):
            label = attribute(toggle, "aria-label")
            assert "Toggle" not in label, (path.name, label)
            template = tr.gettext("Afficher ou masquer les pages de la section « {title} »")
            assert label.startswith(as_shown(language, template.split("{")[0]).rstrip()), label
            toggles += 1
    assert toggles  # the organisations' section has one on every page


# -- statements of fact (the legal basis) -----------------------------------------------

ARTICLE_NUMBER = re.compile(r"\b(?:art\.|articles?|artikel(?:en)?)\s*\d", re.IGNORECASE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_statement_is_followed_by_the_source_it_rests_on(project: Project, language: str) -> None:
    data, tr = dataset(project.path), translator(project.path, language)
    for directive in used(project, "secsoc-statements"):
        wanted = data.statements_in(directive.arguments[0])
        main = edition(project, language).main(directive.page)
        said = main.select("p.secsoc-statement")
        assert len(said) >= len(wanted) > 0, directive
        for statement in wanted:
            # the statement's paragraph (its words translated, dates and quotes filled in)
            # and, after it, the citation of its own source, with a link a reader can follow
            source = data.sources[statement.source]
            assert source.read, statement.id
            title = source.official_titles.get(language) or source.title.text
            parts = [as_shown(language, part) for part in _fixed_parts(tr, statement)]
            matching = [p for p in said if all(part in text(p) for part in parts)]
            assert matching, (statement.id, parts, [text(p) for p in said])
            paragraph = matching[0]
            citation = found(paragraph.find_next_sibling("p", class_="secsoc-citation"))
            assert as_shown(language, title) in text(citation), (statement.id, text(citation))
            assert citation.select("a[href^='http']"), statement.id
            official = statement.official_wordings.get(language)
            if official:  # the source's own words in this language, quoted as they are
                quoted = tr.gettext("« {text} »").format(text=official)
                assert as_shown(language, quoted) in text(paragraph), statement.id


def _fixed_parts(tr: Translator, statement: Statement) -> list[str]:
    """The statement's translated words between its placeholders."""
    template = tr.data(statement.text.text)
    return [part.strip() for part in re.split(r"\{[a-z_]+\}", template) if len(part.strip()) > 3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_attaches_an_article_number_that_no_source_read_shows(
    project: Project, language: str
) -> None:
    site = edition(project, language)
    for page in pages(project):
        said = text(site.main(page))
        assert not ARTICLE_NUMBER.search(said), (page, ARTICLE_NUMBER.search(said))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_citation_links_to_its_source_or_says_why_not(project: Project, language: str) -> None:
    site, tr = edition(project, language), translator(project.path, language)
    unlinked = tr.gettext("sans lien : {reason}").split("{")[0].strip()
    for page in pages(project):
        for citation in site.main(page).select("p.secsoc-citation"):
            assert citation.select("a[href^='http']") or unlinked in text(citation), (page, text(citation))


# -- what changed between the two newest lists of a series -------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_changes_follow_the_series_with_no_page_edit(project: Project, language: str) -> None:
    """With one list, when changes will show; with two (next year), who is new, who is no
    longer listed and who moved, each list named with its date."""
    data, fmt = dataset(project.path), formatter(language)
    for directive in used(project, "secsoc-changes"):
        (series,) = directive.arguments
        lists = sorted((found for found in data.lists.values() if found.series == series), key=lambda f: f.id)
        block = found(edition(project, language).main(directive.page).find(class_="secsoc-changes"))
        said = [text(p) for p in block.find_all("p")]
        if len(lists) == 1:
            assert len(said) == 1, said
            continue
        older, newer = lists[-2:]
        result = compare_changes(older, newer)
        dates = [
            as_shown(language, fmt.date(published.date)) for published in (older, newer) if published.date
        ]
        assert len(dates) == 2 and all(day in said[1] for day in dates), said  # "no longer": both lists
        assert names(found(block.find_all("p")[0])) == [data.organisations[o].name for o in result.added]
        assert names(found(block.find_all("p")[1])) == [data.organisations[o].name for o in result.removed]
        moved = [data.organisations[org].name for org, _, _ in result.moved]
        assert [name for p in block.find_all("p") for name in names(p) if name in moved] == moved
