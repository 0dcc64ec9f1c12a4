"""A fix to the theme's HTML: furo wraps each table in a ``div`` that copies all of
the table's attributes, its ``id`` included, so every table's id came out twice
on the page (invalid HTML, and a link to it could land on either)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class UniqueTableIds(SphinxPostTransform):
    formats = ("html",)
    default_priority = 510  # after furo's wrapper (500)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if "table-wrapper" in wrapper["classes"]:
                inner = {id_ for table in wrapper.findall(nodes.table) for id_ in table["ids"]}
                wrapper["ids"] = [id_ for id_ in wrapper["ids"] if id_ not in inner]
