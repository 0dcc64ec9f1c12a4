"""French typography, applied by the build to French output only.

French sets a narrow no-break space (U+202F) before ``;`` ``:`` ``!`` ``?``,
inside « » and between the groups of digits of a number; Dutch sets none.
Pages, data and the extension's sentences are written with ordinary spaces, in
both languages, and the French edition gets the right ones here: nobody types
them, and no Dutch sentence inherits them.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

NARROW = "\u202f"
_BEFORE = re.compile(r"[ \u00a0]+([;:!?»])")
_AFTER = re.compile(r"(«)[ \u00a0]+")
_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))")  # "5 000" as typed
# Code, raw markup and addresses are written exactly as they are.
_VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.math)


def french_spacing(text: str) -> str:
    """``"Source : « x »"`` -> ``"Source\\u202f: «\\u202fx\\u202f»"``."""
    spaced = _AFTER.sub(rf"\1{NARROW}", _BEFORE.sub(rf"{NARROW}\1", text))
    return _THOUSANDS.sub(NARROW, spaced)


class FrenchSpacing(SphinxPostTransform):
    """Narrow no-break spaces in the text of every French page, at writing time."""

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        if (self.config.language or "").split("_")[0] != "fr":
            return
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or any(isinstance(node, _VERBATIM) for node in _lineage(parent)):
                continue
            spaced = french_spacing(str(text))
            if spaced != str(text):
                parent.replace(text, nodes.Text(spaced))


def _lineage(node: nodes.Node) -> list[nodes.Node]:
    found = []
    current: nodes.Node | None = node
    while current is not None:
        found.append(current)
        current = current.parent
    return found
