"""``builder-inited``: the HTML templates compiled once, then read from a cache.

Sphinx's Jinja environment compiles every template it renders at every build: the
theme's page, its partials, the index and search pages.  On a rebuild that reads no
document, that compilation is most of the time spent outside Sphinx's start-up.
Jinja's own bytecode cache keeps each compiled template beside the doctrees (one
folder per language, as the doctrees), keyed by the template's name and checked
against its source: an edited template, ours or the theme's after an upgrade, is
compiled again.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from sphinx.application import Sphinx


def cache_templates(app: Sphinx) -> None:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if not isinstance(environment, Environment) or environment.bytecode_cache is not None:
        return  # not a builder that renders Jinja templates, or one that caches already
    folder = Path(app.doctreedir) / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
