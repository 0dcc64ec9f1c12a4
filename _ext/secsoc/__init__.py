"""Sphinx extension rendering the social secretariats data (``data/``) in MyST pages.

Directives: ``secsoc-summary``, ``secsoc-list``, ``secsoc-lists``, ``secsoc-comparison``,
``secsoc-changes``, ``secsoc-figures``, ``secsoc-statements``, ``secsoc-source``,
``secsoc-organisation``, ``secsoc-organisations``; role: ``secsoc-org``.

Sphinx is imported only when Sphinx loads the extension: the data, language and
content layers, and the command-line tools, run without it (ARCHITECTURE.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from .extension import setup

    return setup(app)
