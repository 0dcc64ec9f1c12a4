"""The message templates (.pot) of the extension's two catalogs.

``secsoc.pot`` is extracted from this package's source by Babel, the way
``pybabel extract`` would; ``data.pot`` lists the prose of the data files with
``#: data/...yaml:N`` so translators and ``make translation-status`` see where each
text comes from (the catalogs keep files only: see :mod:`..tools.poupdate`).  Both
land next to Sphinx's own page templates, so one ``make intl-update`` covers all.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Collection, Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import write_po
from jinja2.ext import babel_extract

from ..data.model import Dataset


def _catalog() -> Catalog:
    # SOURCE_DATE_EPOCH keeps the header stable, so that a .pot diff shows only messages.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    created = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch
        else datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    )
    return Catalog(creation_date=created, charset="utf-8", fuzzy=False)


def _flags(message: str | tuple[str, ...]) -> set[str]:
    text = message if isinstance(message, str) else "".join(message)
    return {"python-brace-format"} if "{" in text else set()


def extension_catalog(sources: list[tuple[Path, str]]) -> Catalog:
    """The messages of ``sources``, given as (file, location shown to translators)."""
    catalog = _catalog()
    for path, location in sources:
        for _line, message, _comments, _context in extract_from_file(
            "python", path, keywords=DEFAULT_KEYWORDS
        ):
            # The file without the line: an edit of the code moves lines, and the
            # catalogs would change with every edit though no message did.
            catalog.add(message, locations=[(location, None)], flags=_flags(message))  # type: ignore[list-item]
    return catalog


#: How the data catalog says a text is shown in some editions only (a gloss); the
#: counts and checks of the others leave it out (:func:`shown_in`).
SHOWN_ONLY_IN = "Shown only in: "


def shown_in(comments: Iterable[str], language: str) -> bool:
    """Whether a message with these extracted comments is shown in ``language``."""
    for comment in comments:
        if comment.startswith(SHOWN_ONLY_IN):
            languages = comment.removeprefix(SHOWN_ONLY_IN).split(" (")[0]
            return language in languages.split(", ")
    return True


def data_catalog(dataset: Dataset, editions: Collection[str] = ()) -> Catalog:
    """The data's prose, for the translations of ``editions``; a text that only some
    of them show (a gloss, where the source gives no official version in their
    language) says which, so that the others know it is not shown to their readers."""
    catalog = _catalog()
    for prose, only in dataset.prose(editions):
        location = prose.location
        comments = (
            [f"{SHOWN_ONLY_IN}{', '.join(only)} (the others quote the source's own version)"] if only else []
        )
        catalog.add(
            prose.text,
            locations=[(location.display, location.line)],
            flags=_flags(prose.text),
            auto_comments=comments,
        )
    return catalog


#: Words Sphinx's HTML writer puts on the page itself (link titles beside headings
#: and captions), in the 'sphinx' domain; Sphinx's own Dutch catalog lacks them.
SPHINX_PAGE_WORDS = (
    "Link to this heading",
    "Link to this table",
    "Link to this image",
    "Link to this definition",
)


#: What Sphinx's search script says (searchtools.js), from the 'sphinx' domain's
#: JavaScript catalog; pagecatalogs.py writes ours (sphinx.js) from sphinx.po.
SPHINX_SEARCH_WORDS: tuple[str | tuple[str, str], ...] = (
    "Search Results",
    "Searching",
    "Preparing search...",
    "Your search did not match any documents. Please make sure that all words are spelled correctly "
    "and that you've selected enough categories.",
    (
        "Search finished, found one page matching the search query.",
        "Search finished, found ${resultCount} pages matching the search query.",
    ),
)


def theme_catalog(template_dirs: list[Path]) -> Catalog:
    """The HTML theme's own words ("Back to top", "On this page"...), as the 'sphinx' domain.

    Furo ships no translations, and Sphinx's catalogs lack most of its words;
    a ``sphinx.po`` in our locale directory is read before Sphinx's own.  The
    messages are extracted untrimmed, exactly as Jinja looks them up at run time.
    """
    catalog = _catalog()
    for directory in template_dirs:
        for path in sorted(directory.rglob("*.html")):
            location = path.relative_to(directory.parent).as_posix()
            with path.open("rb") as stream:
                for line, _function, message, _comments in babel_extract(
                    stream, list(DEFAULT_KEYWORDS), [], {}
                ):
                    # plurals: the singular
                    text = message if isinstance(message, str) else next(iter(message or ()), None)
                    if text:
                        catalog.add(text, locations=[(location, line)])
    for word in SPHINX_PAGE_WORDS:
        catalog.add(word, auto_comments=["written by Sphinx's HTML writer"])
    for words in SPHINX_SEARCH_WORDS:
        added = catalog.add(words, auto_comments=["said by Sphinx's search page (searchtools.js)"])
        added.flags.discard("python-brace-format")  # ${resultCount} is JavaScript's
    return catalog


def write_pot(catalog: Catalog, path: Path, project: str) -> None:
    """Write ``catalog``, its header naming the site (``project`` in conf.py) as Sphinx's do."""
    catalog.project = project
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        write_po(stream, catalog, width=79, sort_by_file=True)
