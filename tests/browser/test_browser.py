"""The site in a real browser (Chromium, driven by Playwright): ``make test-browser``.

The site is built as ``make html`` builds it and served on the loopback address;
nothing is fetched from anywhere else.  Screenshots of the lists page, at 1280 and
390 pixels in both editions, are written to ``_build/screenshots/`` for review.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from projects import EDITIONS, ROOT, Project, build_project, copy_project

pytestmark = pytest.mark.browser

TOOLS = Path(__file__).parent / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
SCREENSHOTS = ROOT / "_build" / "screenshots"
LANGUAGES = EDITIONS
#: Each edition with the next one (the last with the first): every switch link is used once.
NEIGHBOURS = [(language, LANGUAGES[(index + 1) % len(LANGUAGES)]) for index, language in enumerate(LANGUAGES)]
#: A desktop's first screen and a phone's (CSS pixels).
SCREENS = {"desktop": (1280, 900), "phone": (390, 844)}
Scheme = Literal["light", "dark"]
# Without these, Chromium tries the network at start-up (updates, sync...).
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return build_project(copy_project(tmp_path_factory.mktemp("browser") / "project"))


@pytest.fixture(scope="module")
def address(site: Project) -> Iterator[str]:
    """The built site, served on 127.0.0.1 (a free port) while the tests run."""
    root = site.path / "_build" / "html"

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser, address: str) -> Iterator[functools.partial[Page]]:
    errors: list[str] = []
    contexts = []

    def visit(path: str, width: int = 1280, height: int = 900, scheme: Scheme = "light") -> Page:
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{address}/{path}")
        page.wait_for_load_state("load")
        return page

    yield functools.partial(visit)
    for context in contexts:
        context.close()
    assert errors == [], "console errors"


def in_reading_order(page: Page, names: list[str]) -> list[str]:
    """Names as the page's language orders them (accents and capitals aside)."""
    return list(
        page.evaluate(
            "names => names.slice().sort((a, b) => a.localeCompare(b, document.documentElement.lang, "
            "{sensitivity: 'base'}))",
            names,
        )
    )


def texts(page: Page, selector: str) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(selector).all_inner_texts()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_list_sorts_by_column_and_says_so(open_page: functools.partial[Page], language: str) -> None:
    page = open_page(f"{language}/secretariats.html")
    table = page.locator("table.secsoc-list").first
    headers = table.locator("thead th")
    expect(headers.first).to_have_attribute("aria-sort", "ascending")
    name_column = headers.nth(1)
    name_column.locator("button").click()
    expect(name_column).to_have_attribute("aria-sort", "ascending")
    names = texts(page, "table.secsoc-list >> nth=0 >> tbody tr td:nth-child(2)")
    assert names == in_reading_order(page, names)
    name_column.locator("button").press("Enter")  # the keyboard works as the mouse does
    expect(name_column).to_have_attribute("aria-sort", "descending")
    assert texts(page, "table.secsoc-list >> nth=0 >> tbody tr td:nth-child(2)") == names[::-1]
    expect(headers.first).to_have_attribute("aria-sort", "none")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_list_filters_by_typing_and_announces_the_count(
    open_page: functools.partial[Page], language: str
) -> None:
    page = open_page(f"{language}/secretariats.html")
    block = page.locator(".secsoc-list-block").first
    status = block.locator("[role=status]")
    total = block.locator("tbody tr").count()
    expect(status).to_contain_text(str(total))
    block.locator("input.secsoc-filter").fill("PARTENA")
    visible = block.locator("tbody tr:visible")
    expect(visible).not_to_have_count(total)
    shown = visible.count()
    assert shown >= 1 and all("partena" in row.lower() for row in visible.all_inner_texts())
    expect(status).to_contain_text(f"{shown} ")
    block.locator("input.secsoc-filter").fill("")
    expect(block.locator("tbody tr:visible")).to_have_count(total)


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_nothing_is_wider_than_the_screen(
    open_page: functools.partial[Page], language: str
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = {width: open_page(f"{language}/secretariats.html", width=width) for width in (1280, 390)}
    for width, page in pages.items():
        page.screenshot(path=str(SCREENSHOTS / f"secretariats-{language}-{width}.png"), full_page=True)
    phone = pages[390]
    too_wide = phone.evaluate(
        """() => Array.from(document.querySelectorAll('article *'))
             .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
             .map(e => e.tagName + '.' + e.className)"""
    )
    assert too_wide == []
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(("language", "other"), NEIGHBOURS)
def test_the_language_switch_lands_on_the_same_page(
    open_page: functools.partial[Page], language: str, other: str
) -> None:
    for path in ("secretariats.html", "organisations/partena.html"):
        page = open_page(f"{language}/{path}")
        page.locator(f".secsoc-languages a[hreflang={other}]").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(f"/{other}/{path}")
        assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize(
    ("accepted", "edition"), [*((f"{language}-BE", language) for language in LANGUAGES), ("es-ES", "fr")]
)
def test_the_root_page_opens_the_edition_of_the_browser_s_language(
    browser: Browser, address: str, accepted: str, edition: str
) -> None:
    context = browser.new_context(locale=accepted)
    try:
        page = context.new_page()
        page.goto(f"{address}/index.html")
        page.wait_for_url(f"{address}/{edition}/index.html")
        assert page.locator("html").get_attribute("lang") == edition
    finally:
        context.close()


def test_downloads_are_served(open_page: functools.partial[Page], address: str) -> None:
    page = open_page("fr/secretariats.html")
    for href in page.locator(".secsoc-downloads a").evaluate_all("links => links.map(a => a.href)"):
        response = page.request.get(href)
        assert response.ok, href
        assert response.body(), href


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation(open_page: functools.partial[Page], language: str) -> None:
    for path in (
        "index.html",
        "social.html",
        "secretariats.html",
        "organisations.html",
        "organisations/partena.html",
    ):
        page = open_page(f"{language}/{path}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        serious = [
            (v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], path
        ours = [
            v["id"]
            for v in result["violations"]
            for node in v["nodes"]
            if re.search(r"secsoc", " ".join(node["target"]) + node["html"])
        ]
        assert ours == [], path


def test_every_page_is_valid_html(site: Project) -> None:
    pages = sorted(str(p) for p in (site.path / "_build" / "html").rglob("*.html"))
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    assert [(m.get("url", "").rsplit("/", 2)[-2:], m["message"]) for m in messages] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_an_organisation_and_says_so(
    open_page: functools.partial[Page], language: str, site: Project
) -> None:
    """As a reader searches: a name from the data, the results listed, the summary in the
    edition's language (and no script error on the way: see ``open_page``)."""
    from secsoc.data.loader import load_dataset

    dataset, _ = load_dataset(site.path / "data", site.path)
    name = next(iter(dataset.organisations.values())).name.split()[0]
    page = open_page(f"{language}/search.html?q={name}")
    status = page.locator("#search-results p.search-summary")
    expect(status).not_to_be_empty(timeout=15000)
    assert page.locator("#search-results li").count() >= 1
    summary = status.inner_text()
    assert "${" not in summary and summary not in ("", "undefined")
    from secsoc.i18n.pofile import forms_of, read_catalog

    # the theme's words in the edition's catalog; English is their own language (French's msgids)
    own = ROOT / "locales" / language / "LC_MESSAGES" / "sphinx.po"
    catalog = read_catalog(own if own.is_file() else ROOT / "locales" / "fr" / "LC_MESSAGES" / "sphinx.po")
    found = page.locator("#search-results li").count()
    forms = next(
        forms_of(m.string if own.is_file() else m.id)
        for m in catalog.catalog
        if m.pluralizable and "Search finished" in m.id[0]
    )
    assert summary in [form.replace("${resultCount}", str(found)) for form in forms]


# -- the answer first, on every device ----------------------------------------------------


def not_in_the_second_list(site: Project) -> str:
    """An organisation of the summary's answer: on the newest Moniteur list, not the USS's
    (today Paycover; read from the data, so any year has its own)."""
    from secsoc.data.comparison import compare
    from secsoc.data.loader import load_dataset

    dataset, _ = load_dataset(site.path / "data", site.path)
    moniteur, uss = (dataset.lists[dataset.latest(series) or ""] for series in ("moniteur", "uss"))
    missing = compare(moniteur, uss).only_in_first
    return missing[0] if missing else moniteur.entries[-1].organisation


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_is_read_before_any_scrolling(
    open_page: functools.partial[Page], language: str, screen: str, site: Project
) -> None:
    """Who is approved and who is not in the USS: on the first screen of the home page and
    of the secretariats page, in both editions, on a desktop and on a phone."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width, height = SCREENS[screen]
    organisation = not_in_the_second_list(site)
    for path in ("index.html", "secretariats.html", f"organisations/{organisation}.html"):
        page = open_page(f"{language}/{path}", width=width, height=height)
        name = path.removesuffix(".html").replace("/", "-")
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{language}-{width}.png"))
        if path.startswith("organisations/"):
            # an organisation's page opens with its status on each newest list
            status = page.locator("article .secsoc-status")
            expect(status.first).to_be_visible()
            assert status.count() >= 2
            assert all(box["y"] + box["height"] <= height for box in map(bounding, status.all()))
            continue
        for sentence in ("p:not([class])", ".secsoc-absent"):
            found = page.locator(f".secsoc-summary > {sentence}").first
            expect(found).to_be_visible()
            box = bounding(found)
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, (path, sentence, box)


def bounding(locator: Any) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return dict(box)


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_each_row_is_a_short_card_with_its_column_names(
    open_page: functools.partial[Page], language: str
) -> None:
    width, height = SCREENS["phone"]
    page = open_page(f"{language}/secretariats.html", width=width, height=height)
    table = page.locator("table.secsoc-list").first
    heights = table.evaluate(
        """t => Array.from(t.tBodies[0].rows).filter(r => !r.querySelector('.secsoc-note'))
                .map(r => r.getBoundingClientRect().height)"""
    )
    heights.sort()
    assert heights and heights[len(heights) // 2] <= 100, heights
    # the column names: as sort buttons above the cards, and as each cell's label
    buttons = table.locator("thead button")
    assert buttons.count() == table.locator("thead th").count()
    for button in buttons.all():
        expect(button).to_be_visible()
        assert bounding(button)["width"] > 10
    # each cell's label is drawn before it (CSS, from its data-label), the printed
    # name's excepted: it heads the card
    drawn = table.evaluate(
        """t => Array.from(t.tBodies[0].rows[0].cells, c => getComputedStyle(c, '::before').content)"""
    )
    columns = [button.inner_text().rstrip(" ↑↓↕") for button in buttons.all()]
    assert drawn[0].startswith(f'"{columns[0]}'), drawn
    assert drawn[1] == "none", drawn
    for column, content in zip(columns[2:], drawn[2:], strict=True):
        assert content.startswith(f'"{column}'), (column, content)
    # sorting works on a phone: by organisation, as the reader's language orders names
    buttons.nth(2).click()
    names = texts(page, "table.secsoc-list >> nth=0 >> tbody tr td:nth-child(3) .secsoc-org")
    assert names == in_reading_order(page, names)


@pytest.mark.parametrize("screen", SCREENS)
def test_nothing_invisible_takes_the_keyboards_focus(open_page: functools.partial[Page], screen: str) -> None:
    width, height = SCREENS[screen]
    page = open_page("fr/secretariats.html", width=width, height=height)
    hidden = page.evaluate(
        """() => Array.from(document.querySelectorAll('article a[href], article button, article input'))
             .filter(e => !e.closest('[hidden]') && e.tabIndex >= 0)
             .filter(e => { e.focus();  // what the keyboard reaches (not what the browser skips)
                            const r = e.getBoundingClientRect();
                            const head = e.closest('thead');  // a header row clipped out of sight
                            const clipped = head && getComputedStyle(head).clip !== 'auto';
                            const tiny = r.width < 2 || r.height < 2;
                            return document.activeElement === e && (tiny || clipped); })
             .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert hidden == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_sort_buttons_keep_the_column_name_and_show_the_direction(
    open_page: functools.partial[Page], language: str
) -> None:
    page = open_page(f"{language}/secretariats.html")
    header = page.locator("table.secsoc-list").first.locator("thead th").nth(1)
    button = header.locator("button")
    name = button.inner_text()
    assert name and button.get_attribute("aria-label") is None  # its name is the column's
    arrow = "b => getComputedStyle(b, '::after').content"
    before = button.evaluate(arrow)
    button.click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    ascending = button.evaluate(arrow)
    button.click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert len({before, ascending, button.evaluate(arrow)}) == 3  # unsorted, up, down: each its own


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_paper_no_control_prints_and_links_give_their_address(
    open_page: functools.partial[Page], language: str
) -> None:
    page = open_page(f"{language}/secretariats.html")
    page.emulate_media(media="print")
    for selector in (".skip-to-content", ".secsoc-tools", ".secsoc-languages"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert (
        page.locator("button.secsoc-sort").first.evaluate("b => getComputedStyle(b, '::after').content")
        == "none"
    )
    wrapper = page.locator(".table-wrapper:has(table.secsoc-list)").first
    assert wrapper.evaluate("e => getComputedStyle(e).overflow") == "visible"  # the table may break
    rows = page.locator("table.secsoc-list tr").first.evaluate("e => getComputedStyle(e).breakInside")
    assert rows == "avoid"
    for link in page.locator("article .secsoc-citation a.reference.external").all():
        href = link.get_attribute("href") or ""
        assert href in link.evaluate("a => getComputedStyle(a, '::after').content"), href


def luminance(colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"[\d.]+", colour)[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
def test_figures_read_on_a_phone_and_in_both_modes(
    open_page: functools.partial[Page], scheme: str, screen: str
) -> None:
    width, height = SCREENS[screen]
    page = open_page("fr/secretariats.html", width=width, height=height, scheme=scheme)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    charts = page.locator("svg.secsoc-chart")
    assert charts.count() >= 2
    texts_ = page.evaluate(
        """() => Array.from(document.querySelectorAll('svg.secsoc-chart text')).map(t =>
             [t.getBoundingClientRect().height, getComputedStyle(t).fill, t.getBoundingClientRect().right,
              t.closest('svg').getBoundingClientRect().right, t.textContent])"""
    )
    for rendered, fill, right, edge, said in texts_:
        assert rendered >= 12, said  # as large as the page's small print, never shrunk
        assert right <= edge + 1, said  # and whole
        assert contrast(fill, background) >= 4.5, (said, fill, background)
    shapes = page.evaluate(
        """() => Array.from(document.querySelectorAll('svg.secsoc-chart rect')).map(r => {
             const s = getComputedStyle(r);
             return [r.getAttribute('class'), s.fill, s.stroke, s.strokeWidth]; })"""
    )
    for kind, fill, stroke, stroke_width in shapes:
        # a bar stands out from the page; the track (an outline) too, so 74 % never looks full
        shown = stroke if kind == "secsoc-chart-track" else fill
        assert float(stroke_width.removesuffix("px")) >= 1 or kind != "secsoc-chart-track"
        assert contrast(shown, background) >= 3, (kind, shown, background)


@pytest.mark.parametrize(("language", "other"), NEIGHBOURS)
def test_the_language_switch_keeps_the_section_and_the_search(
    open_page: functools.partial[Page], language: str, other: str
) -> None:
    page = open_page(f"{language}/secretariats.html")
    section = page.locator("article section[id]").nth(1).get_attribute("id")
    page = open_page(f"{language}/secretariats.html?q=x#{section}")
    page.locator(f".secsoc-languages a[hreflang={other}]").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/{other}/secretariats.html?q=x#{section}")
    expect(page.locator(f"[id='{section}']")).to_have_count(1)
