"""The directives and the role that pages use; thin glue around :mod:`.render`.

Each builds its nodes in ``run()``, so they exist before Sphinx's translation
step, and records every file its output depends on, so that editing a list
re-reads exactly the pages that show it.  A mistake in a page (an unknown id)
is reported at the page's line; data that failed to load was already reported
at its own file, so the directive then renders nothing and says nothing more.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import ClassVar, TypeVar

from docutils import nodes
from docutils.nodes import Node, system_message
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from . import render, state
from .comparison import compare
from .gcpause import no_gc_pauses

logger = logging.getLogger(__name__)

T = TypeVar("T")


class _DataMixin:
    """Lookup of data by id, with the page-located warning for an unknown one."""

    env: object
    options: dict[str, object]
    # The standard options; with a spec, MyST also reports an unknown option at its line.
    option_spec: ClassVar[dict[str, object]] = {
        "class": directives.class_option,
        "name": directives.unchanged,
    }
    has_content = False

    def finish(self, result: list[Node]) -> list[Node]:
        """Apply ``:class:`` and ``:name:`` to the first node, as docutils' own directives do."""
        if result and isinstance(result[0], nodes.Element):
            result[0]["classes"] += self.options.get("class", [])
            self.add_name(result[0])  # type: ignore[attr-defined]
        return result

    def build_data(self) -> state.BuildData:
        return state.of(self.env)  # type: ignore[arg-type]

    def depend_on(self, *kinds: str) -> None:
        for path in self.build_data().dependencies(*kinds):
            self.env.note_dependency(str(path))  # type: ignore[attr-defined]

    def context(self) -> render.Context:
        build = self.build_data()
        source, line = self.get_source_info()  # type: ignore[attr-defined]
        return render.Context(build.dataset, build.translator, build.formatter, source, line or 0)

    def lookup(self, kind: str, key: str, records: Mapping[str, T], file_key: str | None = None) -> T | None:
        """The record, or None after a warning; quiet if its own file failed to load."""
        if key in records:
            return records[key]
        dataset = self.build_data().dataset
        if dataset.files.get(file_key or kind) in dataset.broken:
            return None
        hint = difflib.get_close_matches(key, list(records), n=1)
        if hint:
            help_ = f"did you mean '{hint[0]}'?"
        else:
            help_ = (
                "known: " + (", ".join(sorted(records)[:6]) or "none") + (", ..." if len(records) > 6 else "")
            )
        where = ""
        if kind == "list":
            data_dir = self.env.config.secsoc_data_dir  # type: ignore[attr-defined]
            where = f" (no file {data_dir}/lists/{key}.yaml)"
        logger.warning(
            f"{self.name}: unknown {kind} '{key}'{where}; {help_}",  # type: ignore[attr-defined]
            location=self.get_location(),  # type: ignore[attr-defined]
            type="secsoc",
            subtype="reference",
        )
        return None


class ListTable(_DataMixin, SphinxDirective):
    """``{secsoc-list} <list id>``: a published list as a table, with its source."""

    required_arguments = 1

    def run(self) -> list[Node]:
        list_id = self.arguments[0]
        kinds = (f"list:{list_id}", "organisations", "sources")
        self.depend_on(*kinds)
        build = self.build_data()
        published = self.lookup("list", list_id, build.dataset.lists, f"list:{list_id}")
        if published is None or not build.usable(*kinds):
            return []
        with no_gc_pauses():
            return self.finish(render.list_table(self.context(), published))


class ListComparison(_DataMixin, SphinxDirective):
    """``{secsoc-comparison} <first list> <second list>``: who is in one and not the other."""

    required_arguments = 2

    def run(self) -> list[Node]:
        first_id, second_id = self.arguments
        kinds = (f"list:{first_id}", f"list:{second_id}", "organisations", "sources")
        self.depend_on(*kinds)
        build = self.build_data()
        lists = build.dataset.lists
        first = self.lookup("list", first_id, lists, f"list:{first_id}")
        second = self.lookup("list", second_id, lists, f"list:{second_id}")
        if first is None or second is None or not build.usable(*kinds):
            return []
        with no_gc_pauses():
            return self.finish(render.comparison(self.context(), compare(first, second)))


class Figures(_DataMixin, SphinxDirective):
    """``{secsoc-figures} [id ...]``: the figures as sentences, with their sources."""

    optional_arguments = 20
    final_argument_whitespace = False

    def run(self) -> list[Node]:
        kinds = ("figures", "sources")
        self.depend_on(*kinds)
        build = self.build_data()
        figures = build.dataset.figures
        wanted: Sequence[str] = self.arguments or list(figures)
        selected = [found for key in wanted if (found := self.lookup("figure", key, figures, "figures"))]
        if not selected or not build.usable(*kinds):
            return []
        return self.finish(render.figures(self.context(), selected))


class SourceCitation(_DataMixin, SphinxDirective):
    """``{secsoc-source} <source id>``: one citation paragraph."""

    required_arguments = 1

    def run(self) -> list[Node]:
        self.depend_on("sources")
        build = self.build_data()
        source = self.lookup("source", self.arguments[0], build.dataset.sources, "sources")
        if source is None:
            return []
        return self.finish([render.citation(self.context(), source)])


class OrganisationRole(_DataMixin, SphinxRole):
    """``{secsoc-org}`id```: an organisation's name, from its id."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        self.depend_on("organisations")
        build = self.build_data()
        found = self.lookup("organisation", self.text, build.dataset.organisations, "organisations")
        if found is None:
            return [nodes.inline(self.rawtext, self.text, classes=["secsoc-org", "secsoc-unknown"])], []
        return [render.organisation(self.context(), found.id)], []
