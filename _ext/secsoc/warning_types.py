"""Every warning the extension gives, as one documented enum.

Each is logged as ``type="secsoc"`` with its member as subtype, so Sphinx prints
``[secsoc.data]`` after the message and a project silences one kind with
``suppress_warnings = ["secsoc.data"]`` (or all with ``["secsoc"]``).
ARCHITECTURE.md lists them; a test builds with each suppressed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sphinx.util import logging

#: The ``type`` of every warning of this extension.
TYPE = "secsoc"


class SecsocWarning(StrEnum):
    """The subtypes: what kind of mistake, and where to fix it."""

    DATA = "data"
    """A data file or a schema: reported at its file and line, naming the field."""
    REFERENCE = "reference"
    """A page names a list, a source or an organisation the data does not have."""
    TRANSLATION = "translation"
    """A catalog (``.po``): a refused message, reported at its line; the French text shows."""
    CONFIG = "config"
    """A ``secsoc_*`` setting in ``conf.py`` that the extension cannot use."""

    @property
    def label(self) -> str:
        """What ``suppress_warnings`` takes to silence this kind."""
        return f"{TYPE}.{self.value}"


def warn(logger: logging.SphinxLoggerAdapter, kind: SecsocWarning, message: str, location: Any) -> None:
    """Log one located warning of this kind."""
    logger.warning(message, location=location, type=TYPE, subtype=kind.value)
