"""``builder-inited``: the build's own pass over the pages' and the theme's catalogs,
reporting each mistake at its ``.po`` line (see :mod:`.i18n.catalogs`)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .data.model import display_path
from .i18n.catalogs import compile_catalog
from .i18n.translation import DOMAINS
from .warning_types import SecsocWarning, warn

logger = logging.getLogger(__name__)


def catalogs(app: Sphinx) -> list[Path]:
    """Every ``.po`` file of the build's language, in the order Sphinx finds them."""
    language = app.config.language or "en"
    return sorted(
        path
        for directory in app.config.locale_dirs
        for path in Path(app.srcdir, directory, language, "LC_MESSAGES").rglob("*.po")
    )


def compile_catalogs(app: Sphinx) -> None:
    """``builder-inited`` handler: check and compile the pages' and the theme's catalogs."""
    root = Path(app.confdir)
    for path in catalogs(app):
        if path.stem in DOMAINS:
            continue
        for problem in compile_catalog(path):
            warn(
                logger,
                SecsocWarning.TRANSLATION,
                problem.message,
                f"{display_path(problem.path, root)}:{problem.line}",
            )
