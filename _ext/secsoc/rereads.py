"""Pages Sphinx would leave unread that must be read again, so no build is stale or falsely green.

Sphinx re-reads a page when its source or a noted dependency changes.  Three cases
escape that, and each would let a build pass with a stale or broken page:

* a page with a mistake (unknown data, a misused directive or role, any warning
  while it is read): the warning is given only when the page is read, so the
  next build would pass without it.  It is read at every build until it is fixed;
* a catalog or a data file that appears (a new or restored ``.po``, next year's
  list): nothing depended on a file that did not exist.  Every page is read again
  when the set of those files changes;
* a build stopped after Sphinx saved the environment but before every page was
  written: the next build would find nothing to read.  The pages read by a build
  stay pending until that build has finished;
* a page that says whether a list is over a year old (the summary): nothing in
  the sources changes on the day it becomes true.  The page is read again on the
  first build after that day.

And one case where pages need writing again, not reading: the theme's words
(``sphinx.po``), which Sphinx loads at start-up but does not track as it tracks
templates.  Every page is written again when they changed since the last build
that wrote every page.

What is remembered lives in the extension's domain (:mod:`.domain`).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets
import weakref
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.build_phase import BuildPhase
from sphinx.util.logging import NAMESPACE, is_suppressed_warning

from .catalogs import catalogs
from .data.freshness import is_stale
from .domain import domain_of
from .i18n.catalogs import THEME

# In the doctree directory: the last build that wrote every page (its token, then
# the digest of the theme's words it wrote them with).
_MARKER = "secsoc-written"


def _memory(env: BuildEnvironment) -> dict[str, Any]:
    return domain_of(env).data


class _PageWarnings(logging.Handler):
    """Notes the page being read when a warning is logged (one not suppressed)."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(logging.WARNING)
        self._app = weakref.ref(app)

    def emit(self, record: logging.LogRecord) -> None:
        app = self._app()
        builder: Builder | None = getattr(app, "builder", None)
        if app is None or builder is None or builder.phase != BuildPhase.READING:
            return
        kind, subtype = getattr(record, "type", None), getattr(record, "subtype", None)
        if is_suppressed_warning(kind or "", subtype or "", app.config.suppress_warnings):
            return
        docname = app.env.current_document.docname
        if docname:
            _memory(app.env)["broken"].add(docname)


def watch_warnings(app: Sphinx) -> None:
    """``builder-inited`` handler: listen to warnings until the build finishes."""
    handler = _PageWarnings(app)
    logging.getLogger(NAMESPACE).addHandler(handler)
    app.connect("build-finished", lambda *_: logging.getLogger(NAMESPACE).removeHandler(handler))


def before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs`` handler: these pages are pending until the build finishes."""
    if docnames:  # a build that reads nothing does not save the environment
        memory = _memory(env)
        memory["token"] = secrets.token_hex(8)
        memory["pending"] = frozenset(docnames)


def after_writing(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished`` handler: every page read was written."""
    if exception is None:
        text = f"{_memory(app.env)['token']}\n{_theme_digest(app)}\n"
        Path(app.doctreedir, _MARKER).write_text(text, "utf-8")


def _written(app: Sphinx) -> tuple[str, str]:
    """The token and theme digest of the last build that wrote every page."""
    marker = Path(app.doctreedir, _MARKER)
    token, _, theme = marker.read_text("utf-8").partition("\n") if marker.is_file() else ("", "", "")
    return token, theme.strip()


def _theme_digest(app: Sphinx) -> str:
    digest = hashlib.sha256()
    for path in catalogs(app):
        if path.stem == THEME:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def rewrite_all(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated`` handler: every page, when the theme's words changed."""
    return sorted(env.found_docs) if _written(app)[1] != _theme_digest(app) else []


def remember_date(env: BuildEnvironment, listed: datetime.date, today: datetime.date) -> None:
    """The page being read says whether a list of this date is over a year old today."""
    _memory(env)["dated"][env.docname] = (listed, is_stale(listed, today))


def outdated(app: Sphinx, env: BuildEnvironment, catalogs: frozenset[str], today: datetime.date) -> list[str]:
    """The pages to read again, given the catalogs and data files that exist now."""
    memory = _memory(env)
    found = set(env.found_docs)
    again = memory["broken"] & found
    again |= {
        doc for doc, (listed, said) in memory["dated"].items() if is_stale(listed, today) != said
    } & found
    if memory["catalogs"] is not None and memory["catalogs"] != catalogs:
        again |= found
    memory["catalogs"] = catalogs
    if memory["token"] and _written(app)[0] != memory["token"]:
        again |= memory["pending"] & found
    return sorted(again)
