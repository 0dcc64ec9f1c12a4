"""Post-transforms at writing time: French typography, and a fix to furo's tables."""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .i18n.formatting import french_spacing

# Code, raw markup and addresses are written exactly as they are.
_VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.comment, nodes.math)
#: What french_spacing() may change: a space before ; : ! ? », after «, or between digits.
_MAY_NEED_SPACING = re.compile(r"[;:!?«»]|\d[ \u00a0]\d")


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
        # One walk down the tree, not one climb up it per text: a list of thousands
        # of rows has hundreds of thousands of nodes.  Verbatim elements are skipped
        # whole; a text with nothing to space (most cells) is only searched.
        elements: list[nodes.Element] = [self.document]
        while elements:
            element = elements.pop()
            for index, child in enumerate(element.children):
                if isinstance(child, nodes.Text):
                    if _MAY_NEED_SPACING.search(child):
                        spaced = french_spacing(str(child))
                        if spaced != str(child):
                            element[index] = nodes.Text(spaced)
                elif isinstance(child, nodes.Element) and not isinstance(child, _VERBATIM):
                    elements.append(child)


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
