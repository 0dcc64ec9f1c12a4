"""The extension's ``setup()``: every directive, node, transform and event handler,
connected to Sphinx in one place.  ARCHITECTURE.md says which handler runs on
which event, and why."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator

from . import (
    catalogs,
    config,
    directives,
    languages,
    outputs,
    rereads,
    state,
    templatecache,
    theme_words,
    transforms,
)
from .content.elements import TOOL_WORDS, foreign, table_tools
from .content.render import CELL_LABEL
from .domain import SecsocDomain


def _visit_foreign(translator: HTML5Translator, node: foreign) -> None:
    translator.body.append(translator.starttag(node, "span", "", lang=node["lang"]))


def _depart_foreign(translator: HTML5Translator, node: foreign) -> None:
    translator.body.append("</span>")


def _visit_tools(translator: HTML5Translator, node: table_tools) -> None:
    words = {f"data-{name.replace('_', '-')}": node[name] for name in TOOL_WORDS}
    translator.body.append(
        translator.starttag(node, "div", "", CLASS="secsoc-tools", hidden="hidden", **words)
    )
    translator.body.append("</div>")
    raise nodes.SkipNode


def _visit_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    """The writer's own cell, with the column's name of a list's cell as ``data-label``
    (shown on a phone by CSS, secsoc.css): every other table is left as it was."""
    type(translator).visit_entry(translator, node)
    if CELL_LABEL in node:
        tag = translator.body[-1]  # the start tag just written, "<td ...>", with no suffix
        translator.body[-1] = f'{tag.removesuffix(">")} data-label="{translator.attval(node[CELL_LABEL])}">'


def _depart_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    type(translator).depart_entry(translator, node)


def _skip(translator: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> ExtensionMetadata:
    config.add_settings(app)
    app.add_domain(SecsocDomain)
    app.add_directive("secsoc-list", directives.ListTable)
    app.add_directive("secsoc-comparison", directives.ListComparison)
    app.add_directive("secsoc-changes", directives.ListChanges)
    app.add_directive("secsoc-summary", directives.Summary)
    app.add_directive("secsoc-lists", directives.AllLists)
    app.add_directive("secsoc-figures", directives.Figures)
    app.add_directive("secsoc-statements", directives.Statements)
    app.add_directive("secsoc-source", directives.SourceCitation)
    app.add_directive("secsoc-organisation", directives.OrganisationPage)
    app.add_directive("secsoc-organisations", directives.OrganisationIndex)
    app.add_role("secsoc-org", directives.OrganisationRole())
    app.add_role("secsoc-fr", directives.FrenchWords())
    app.add_node(foreign, html=(_visit_foreign, _depart_foreign))
    app.add_node(nodes.entry, override=True, html=(_visit_entry, _depart_entry))
    app.add_node(
        table_tools,
        html=(_visit_tools, None),
        text=(_skip, None),
        latex=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_js_file("secsoc-tables.js", defer="defer")
    app.add_js_file("secsoc-languages.js", defer="defer")
    app.add_post_transform(transforms.FrenchSpacing)
    app.add_post_transform(transforms.UniqueTableIds)
    app.add_css_file("secsoc.css")
    app.connect("config-inited", config.check, priority=400)
    app.connect("config-inited", config.configure)
    app.connect("builder-inited", state.load)
    app.connect("builder-inited", rereads.watch_warnings)
    app.connect("builder-inited", catalogs.compile_catalogs)
    app.connect("builder-inited", templatecache.cache_templates)
    app.connect("env-get-outdated", state.outdated)
    app.connect("env-before-read-docs", rereads.before_reading)
    app.connect("env-get-updated", rereads.rewrite_all)
    app.connect("html-page-context", languages.add_to_page)
    app.connect("html-page-context", theme_words.translate_navigation, priority=600)
    app.connect("build-finished", outputs.write_templates)
    app.connect("build-finished", outputs.write_downloads)
    app.connect("build-finished", rereads.after_writing)
    return {
        "version": "1.0",
        "env_version": 6,
        # The data is loaded before readers fork; the domain's per-page data is
        # merged from parallel readers (domain.py).
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
