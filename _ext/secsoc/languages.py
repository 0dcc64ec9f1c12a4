"""The FR | NL switch and the ``hreflang`` links: the same page in the other language.

Each language is built separately (locally into ``_build/html/<lang>/``, on Read
the Docs as one project per language served at ``/<lang>/<version>/``), so the
other edition's address is computed, not discovered: relative locally, absolute
from ``READTHEDOCS_CANONICAL_URL`` on Read the Docs, where the version sits
between the language and the page.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sphinx.application import Sphinx

from .data.model import is_web_address


@dataclass(frozen=True, slots=True)
class Alternate:
    language: str
    name: str  # the language's own name: "Français", "Nederlands"
    href: str
    current: bool


def alternates(
    current: str, names: Mapping[str, str], page_uri: str, canonical_url: str | None
) -> list[Alternate]:
    """The page's address in every language, ``current`` included."""
    depth = page_uri.count("/")
    result = []
    for language, name in names.items():
        root = _root_on_read_the_docs(canonical_url, current, language)
        href = root + page_uri if root else "../" * (depth + 1) + f"{language}/{page_uri}"
        result.append(Alternate(language, name, href, language == current))
    return result


def _root_on_read_the_docs(canonical_url: str | None, current: str, language: str) -> str | None:
    if not canonical_url or not is_web_address(canonical_url):
        return None  # not on Read the Docs, or an address no link may take: relative links
    parts = urlsplit(canonical_url)
    segments = parts.path.split("/")
    if current not in segments:
        return None
    segments[segments.index(current)] = language
    path = "/".join(segments)
    return urlunsplit((parts.scheme, parts.netloc, path if path.endswith("/") else path + "/", "", ""))


def add_to_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context`` handler: the switch for the sidebar, the links for the head."""
    names: Mapping[str, str] = app.config.secsoc_languages
    if app.config.language not in names:
        return
    links = alternates(
        app.config.language,
        names,
        app.builder.get_target_uri(pagename),
        os.environ.get("READTHEDOCS_CANONICAL_URL"),
    )
    context["secsoc_alternates"] = links
    head = "".join(
        f'\n<link rel="alternate" hreflang="{html.escape(link.language)}" href="{html.escape(link.href)}" />'
        for link in links
    )
    context["metatags"] = context.get("metatags", "") + head
