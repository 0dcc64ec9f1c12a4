"""The page at the top of ``_build/html``, sending each reader to an edition.

Read the Docs serves each language as its own project, with its own redirect;
this page does the same for the local build.  Its titles are the site's title
(``project`` in conf.py) through the same catalogs the editions use, so the
title is written in one place only.

Usage: ``python -m secsoc.tools.rootpage CONFDIR OUTDIR LANGUAGE ...`` (``make html``).
"""

from __future__ import annotations

import argparse
import html
import json
import re
from pathlib import Path
from string import Template

from babel import Locale
from sphinx.config import Config
from sphinx.errors import SphinxError
from sphinx.util.tags import Tags

from ..i18n.translation import Translator

TEMPLATE = Path(__file__).with_suffix(".html")


def render(confdir: Path, languages: list[str]) -> str:
    config = Config.read(confdir, overrides={}, tags=Tags())
    locale_dirs = [Path(confdir, directory) for directory in config.locale_dirs]
    titles = {language: Translator(locale_dirs, language).gettext(config.project) for language in languages}

    def link(language: str, element: str) -> str:
        name = Locale.parse(language).display_name
        return element.format(language=language, title=html.escape(titles[language]), name=name)

    return Template(TEMPLATE.read_text("utf-8")).substitute(
        language=languages[0],
        editions=json.dumps(languages),
        title=html.escape(" — ".join(titles.values())),
        alternates="\n".join(
            link(lang, '<link rel="alternate" hreflang="{language}" href="{language}/index.html">')
            for lang in languages
        ),
        # each title in its own language, so that a screen reader speaks it as such
        heading=" — ".join(link(lang, '<span lang="{language}">{title}</span>') for lang in languages),
        links="\n".join(
            link(lang, '<p lang="{language}"><a href="{language}/index.html" hreflang="{language}">')
            + link(lang, "{title} ({name})</a></p>")
            for lang in languages
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("confdir", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("languages", nargs="+")
    args = parser.parse_args()
    # each code goes into the page's script and addresses: a language code, nothing else
    odd = [language for language in args.languages if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", language)]
    if odd:
        raise SystemExit(f"the root page was not written: {', '.join(map(repr, odd))} is not a language code")
    try:
        page = render(args.confdir, args.languages)
    except SphinxError as err:
        raise SystemExit(f"the root page was not written: {err}") from None
    (args.outdir / "index.html").write_text(page, "utf-8")


if __name__ == "__main__":
    main()
