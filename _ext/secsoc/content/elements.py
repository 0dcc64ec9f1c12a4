"""The extension's own node classes, apart from what builds them: Sphinx needs the
classes when the extension is set up, the builders only when a page is read."""

from __future__ import annotations

from docutils import nodes


class foreign(nodes.inline):
    """Text in another language than the page's: ``<span lang="fr">`` in HTML."""


TOOL_WORDS = ("filter_label", "count_one", "count_other", "sort_label")


class table_tools(nodes.General, nodes.Element):
    """Where the script of the HTML edition puts a list's sort and filter controls,
    with their words, already translated; nothing in other formats."""
