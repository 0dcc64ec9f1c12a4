"""Post-transforms at writing time: French typography, and a fix to furo's tables."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .i18n.formatting import french_spacing

# Code, raw markup and addresses are written exactly as they are.
_VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.math)


class FrenchSpacing(SphinxPostTransform):
    """Narrow no-break spaces (U+202F) in the text of every French page.

    French sets one before ``;`` ``:`` ``!`` ``?``, inside « » and between the
    groups of digits of a number; Dutch sets none.  Pages, data and the extension's
    sentences are written with ordinary spaces, in both languages, and the French
    edition gets the right ones here: nobody types them, and no Dutch sentence
    inherits them.
    """

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


class UniqueTableIds(SphinxPostTransform):
    """furo wraps each table in a ``div`` that copies all of the table's attributes,
    its ``id`` included, so every table's id came out twice on the page (invalid
    HTML, and a link to it could land on either)."""

    formats = ("html",)
    default_priority = 510  # after furo's wrapper (500)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "table-wrapper" in wrapper["classes"]:
                inner = {id_ for table in wrapper.findall(nodes.table) for id_ in table["ids"]}
                wrapper["ids"] = [id_ for id_ in wrapper["ids"] if id_ not in inner]
