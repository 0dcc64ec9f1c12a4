"""French typography, applied by the build to French output only.

French sets a narrow no-break space (U+202F) before ``;`` ``:`` ``!`` ``?``,
inside « » and between the groups of digits of a number; Dutch sets none.
Pages, data and the extension's sentences are written with ordinary spaces, in
both languages, and the French edition gets the right ones here: nobody types
them, and no Dutch sentence inherits them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .formatting import french_spacing

# Code, raw markup and addresses are written exactly as they are.
_VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.math)


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
