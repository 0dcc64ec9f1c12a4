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
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from projects import ROOT, Project, build_project, copy_project

pytestmark = pytest.mark.browser

TOOLS = Path(__file__).parent / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
SCREENSHOTS = ROOT / "_build" / "screenshots"
LANGUAGES = ("fr", "nl")
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

    def visit(path: str, width: int = 1280) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 900})
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
    in_order = page.evaluate(
        "names => names.slice().sort((a, b) => a.localeCompare(b, document.documentElement.lang, "
        "{sensitivity: 'base'}))",
        names,
    )
    assert names == in_order
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


@pytest.mark.parametrize(("language", "other"), [("fr", "nl"), ("nl", "fr")])
def test_the_language_switch_lands_on_the_same_page(
    open_page: functools.partial[Page], language: str, other: str
) -> None:
    for path in ("secretariats.html", "organisations/partena.html"):
        page = open_page(f"{language}/{path}")
        page.locator(f".secsoc-languages a[hreflang={other}]").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(f"/{other}/{path}")
        assert page.locator("html").get_attribute("lang") == other


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

    catalog = read_catalog(ROOT / "locales" / language / "LC_MESSAGES" / "sphinx.po").catalog
    found = page.locator("#search-results li").count()
    forms = next(forms_of(m.string) for m in catalog if m.pluralizable and "Search finished" in m.id[0])
    assert summary in [form.replace("${resultCount}", str(found)) for form in forms]
