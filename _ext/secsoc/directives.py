"""The directives and the role that pages use; thin glue around :mod:`.render`.

Each builds its nodes in ``run()``, so they exist before Sphinx's translation
step, and records every file its output depends on, so that editing a list
re-reads exactly the pages that show it.  A mistake in a page (an unknown id)
is reported at the page's line; data that failed to load was already reported
at its own file, so the directive then renders nothing and says nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from docutils import nodes
from docutils.nodes import Node, system_message
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from . import orgpages, rereads, state
from .content.elements import foreign
from .data.files import FIGURES, ORGANISATIONS, SOURCES, STATEMENTS, DataFile, list_file
from .data.lazyimport import lazy_module
from .data.model import SOURCE_LANGUAGE, PublishedList, closest
from .warning_types import SecsocWarning, warn

if TYPE_CHECKING:
    from .content import conclusions, downloads, figures, history, render, statements, summary
    from .data import comparison
else:  # imported when a page first uses one: a build that reads no page never does
    conclusions, downloads, figures, history, render, statements, summary = map(
        lazy_module,
        (
            "secsoc.content." + name
            for name in ("conclusions", "downloads", "figures", "history", "render", "statements", "summary")
        ),
    )
    comparison = lazy_module("secsoc.data.comparison")

logger = logging.getLogger(__name__)

T = TypeVar("T")


class _Host(Protocol):
    """What the helpers need from a directive or a role."""

    @property
    def env(self) -> BuildEnvironment: ...

    @property
    def name(self) -> str: ...

    def get_source_info(self) -> tuple[str, int]: ...

    def get_location(self) -> str: ...


class _DataMixin:
    """Lookup of data by id, with the page-located warning for an unknown one."""

    def build_data(self: _Host) -> state.BuildData:
        return state.of(self.env)

    def depend_on(self: _Host, *files: DataFile) -> None:
        for path in state.of(self.env).dependencies(*files):
            self.env.note_dependency(str(path))

    def context(self: _Host) -> render.Context:
        build = state.of(self.env)
        source, line = self.get_source_info()
        config = self.env.config
        link = None
        if orgpages.folder(config):
            docname = self.env.docname

            def link(organisation_id: str, children: list[Node]) -> Node:
                """A cross-reference to the organisation's page, resolved for each builder."""
                target = "/" + orgpages.docname(config, organisation_id)
                ref = addnodes.pending_xref(
                    "", *children, refdomain="std", reftype="doc", reftarget=target, refexplicit=True
                )
                ref["refdoc"] = docname
                return ref

        return render.Context(build.dataset, build.translator, build.formatter, source, line or 0, link)

    def list_id(self: _Host, argument: str) -> str:
        """A list's id, or a series' name ("moniteur"): its newest list, so that a page
        shows next year's list as soon as its file exists."""
        dataset = state.of(self.env).dataset
        if list_file(argument) in dataset.files:
            return argument
        return dataset.latest(argument) or argument

    def lookup(self: _Host, kind: str, key: str, records: Mapping[str, T], file: DataFile) -> T | None:
        """The record, or None after a warning; quiet if its own file failed to load."""
        if key in records:
            return records[key]
        if state.of(self.env).dataset.is_broken(file):
            return None
        hint = closest(key, records)
        if hint:
            help_ = f"did you mean '{hint}'?"
        else:
            help_ = (
                "known: " + (", ".join(sorted(records)[:6]) or "none") + (", ..." if len(records) > 6 else "")
            )
        where = ""
        if kind == "list":
            where = f" (no file {self.env.config.secsoc_data_dir}/{file.relative})"
        message = f"{self.name}: unknown {kind} '{key}'{where}; {help_}"
        warn(logger, SecsocWarning.REFERENCE, message, self.get_location())
        return None


class _DataDirective(_DataMixin, SphinxDirective):
    # The standard options; with a spec, MyST also reports an unknown option at its line.
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "class": directives.class_option,
        "name": directives.unchanged,
    }
    has_content = False

    def finish(self, result: list[Node]) -> list[Node]:
        """Apply ``:class:`` and ``:name:`` to the first node, as docutils' own directives do."""
        if result and isinstance(result[0], nodes.Element):
            result[0]["classes"] += self.options.get("class", [])
            if result[0].line is None:  # so that a duplicate :name: is reported at its line
                self.set_source_info(result[0])
            self.add_name(result[0])
        return result


class ListTable(_DataDirective):
    """``{secsoc-list} <list id>``: a published list as a table, with its source."""

    required_arguments = 1

    def run(self) -> list[Node]:
        list_id = self.list_id(self.arguments[0])
        files = (list_file(list_id), ORGANISATIONS, SOURCES)
        build = self.build_data()
        # and every other list: a row says whether its organisation is on the newest ones
        self.depend_on(*files, *map(list_file, build.dataset.lists))
        published = self.lookup("list", list_id, build.dataset.lists, files[0])
        if published is None or not build.usable(*files):
            return []
        folder = "../" * self.env.docname.count("/") + downloads.FOLDER
        nodes_ = render.list_table(self.context(), published)
        return self.finish([*nodes_, render.downloads(self.context(), list_id, folder)])


class AllLists(_DataDirective):
    """``{secsoc-lists}``: every published list the data keeps, newest first in each
    series, so that older years stay readable after next year's list arrives."""

    def run(self) -> list[Node]:
        build = self.build_data()
        lists = build.dataset.lists
        self.depend_on(ORGANISATIONS, SOURCES, *map(list_file, lists))
        if not build.usable(ORGANISATIONS, SOURCES):
            return []
        folder = "../" * self.env.docname.count("/") + downloads.FOLDER
        result: list[Node] = []
        ordered = sorted(lists, key=lambda key: (key.rsplit("-", 3)[0], key), reverse=True)
        for list_id, older_id in zip(ordered, [*ordered[1:], None], strict=True):
            ctx = self.context()
            result += render.list_table(ctx, lists[list_id])
            result.append(render.downloads(ctx, list_id, folder))
            published, older = lists[list_id], lists.get(older_id or "")
            if older is not None and published.series and older.series == published.series:
                # what changed since the series' previous list, under the newer one
                heading = ctx.tr.gettext("Ce qui a changé depuis la liste précédente")
                result.append(nodes.rubric("", heading, translatable=False))
                result += history.changes(ctx, comparison.changes(older, published))
        return result


class _TwoLists(_DataDirective):
    """A directive about two lists: found (series resolved), depended on, usable."""

    required_arguments = 2

    def two_lists(self) -> tuple[PublishedList, PublishedList] | None:
        first_id, second_id = (self.list_id(argument) for argument in self.arguments)
        files = (list_file(first_id), list_file(second_id), ORGANISATIONS, SOURCES)
        self.depend_on(*files)
        build = self.build_data()
        lists = build.dataset.lists
        first = self.lookup("list", first_id, lists, files[0])
        second = self.lookup("list", second_id, lists, files[1])
        if first is None or second is None or not build.usable(*files):
            return None
        return first, second


class ListComparison(_TwoLists):
    """``{secsoc-comparison} <first list> <second list>``: who is in one and not the other."""

    def run(self) -> list[Node]:
        found = self.two_lists()
        if found is None:
            return []
        return self.finish(conclusions.comparison(self.context(), comparison.compare(*found)))


class Summary(_TwoLists):
    """``{secsoc-summary} <first list> <second list>``: the answer first, at the top of a
    page: both lists' sizes and dates, who is on the first and not the second, and
    whether the first is probably out of date (``:published-yearly: <source id>``:
    the source that says a new edition appears every year)."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_DataDirective.option_spec,
        "published-yearly": directives.unchanged_required,
    }

    def run(self) -> list[Node]:
        found = self.two_lists()
        if found is None:
            return []
        yearly = None
        if "published-yearly" in self.options:
            self.depend_on(SOURCES)
            sources = self.build_data().dataset.sources
            yearly = self.lookup("source", self.options["published-yearly"], sources, SOURCES)
            if yearly is None:
                return []
        today = state.of(self.env).today
        if found[0].date:  # read again when the day comes that the list is a year old
            rereads.remember_date(self.env, found[0].date, today)
        return self.finish([summary.summary(self.context(), comparison.compare(*found), today, yearly)])


class ListChanges(_TwoLists):
    """``{secsoc-changes} <series>``: what changed, by organisation, between the series'
    two newest lists, or, while it has one, when that will show; with no page edit when
    next year's list arrives.  ``{secsoc-changes} <older list> <newer list>``: between
    those two."""

    required_arguments = 1
    optional_arguments = 1

    def run(self) -> list[Node]:
        if len(self.arguments) == 2:
            found = self.two_lists()
            if found is None:
                return []
            return self.finish(history.changes(self.context(), comparison.changes(*found)))
        build = self.build_data()
        dataset = build.dataset
        series = self.arguments[0]
        newest = [key for key in sorted(dataset.lists) if dataset.lists[key].series == series][-2:]
        self.depend_on(ORGANISATIONS, SOURCES, *map(list_file, dataset.lists))
        if not newest:
            self.lookup("list", dataset.latest(series) or series, dataset.lists, list_file(series))
            return []
        if not build.usable(ORGANISATIONS, SOURCES):
            return []
        lists = [dataset.lists[key] for key in newest]
        if len(lists) == 1:
            return self.finish([history.only_one(self.context(), lists[0])])
        return self.finish(history.changes(self.context(), comparison.changes(*lists)))


class Figures(_DataDirective):
    """``{secsoc-figures} [id ...]``: the figures as sentences, with their sources."""

    optional_arguments = 20
    final_argument_whitespace = False

    def run(self) -> list[Node]:
        files = (FIGURES, SOURCES)
        self.depend_on(*files)
        build = self.build_data()
        known = build.dataset.figures
        wanted: Sequence[str] = self.arguments or list(known)
        selected = [found for key in wanted if (found := self.lookup("figure", key, known, FIGURES))]
        if not selected or not build.usable(*files):
            return []
        return self.finish(figures.figures(self.context(), selected))


class Statements(_DataDirective):
    """``{secsoc-statements} <group>``: the group's statements of fact, in file order,
    each run from one source followed by its citation."""

    required_arguments = 1

    def run(self) -> list[Node]:
        files = (STATEMENTS, SOURCES)
        self.depend_on(*files)
        build = self.build_data()
        dataset = build.dataset
        groups = {statement.group: statement.group for statement in dataset.statements.values()}
        if self.lookup("statement group", self.arguments[0], groups, STATEMENTS) is None:
            return []
        if not build.usable(*files):
            return []
        return self.finish(statements.statements(self.context(), dataset.statements_in(self.arguments[0])))


class SourceCitation(_DataDirective):
    """``{secsoc-source} <source id>``: one citation paragraph."""

    required_arguments = 1

    def run(self) -> list[Node]:
        self.depend_on(SOURCES)
        build = self.build_data()
        source = self.lookup("source", self.arguments[0], build.dataset.sources, SOURCES)
        if source is None:
            return []
        return self.finish([render.citation(self.context(), source)])


class OrganisationRole(_DataMixin, SphinxRole):
    """``{secsoc-org}`id```: an organisation's name, from its id."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        self.depend_on(ORGANISATIONS)
        build = self.build_data()
        found = self.lookup("organisation", self.text, build.dataset.organisations, ORGANISATIONS)
        if found is None:
            return [nodes.inline(self.rawtext, self.text, classes=["secsoc-org", "secsoc-unknown"])], []
        return [render.organisation(self.context(), found.id)], []


class FrenchWords(SphinxRole):
    """``{secsoc-fr}`mots```: French words a page quotes as they are (words to type in
    a French search form): marked as French on the other editions, so that a reader's
    screen reader speaks them as French, and plain on the French one."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        if self.config.language == SOURCE_LANGUAGE:
            return [nodes.Text(self.text)], []
        return [foreign(self.rawtext, self.text, lang=SOURCE_LANGUAGE)], []


class OrganisationPage(_DataDirective):
    """``{secsoc-organisation} <id>``: an organisation's page (its stub is generated)."""

    required_arguments = 1

    def run(self) -> list[Node]:
        build = self.build_data()
        self.depend_on(ORGANISATIONS, SOURCES, *map(list_file, build.dataset.lists))
        found = self.lookup("organisation", self.arguments[0], build.dataset.organisations, ORGANISATIONS)
        if found is None or not build.usable(ORGANISATIONS, SOURCES):
            return []
        return history.organisation_page(self.context(), found.id)


class OrganisationIndex(_DataDirective):
    """``{secsoc-organisations}``: every organisation, leading to its page; with the
    pages, a hidden toctree of them in the same order (by name, not by file name),
    so that the sidebar lists them as the page does."""

    def run(self) -> list[Node]:
        self.depend_on(ORGANISATIONS)
        build = self.build_data()
        if not build.usable(ORGANISATIONS):
            return []
        result = self.finish(history.organisation_index(self.context()))
        if orgpages.folder(self.config):
            pages = [
                orgpages.docname(self.config, found.id) for found in build.dataset.organisations_by_name()
            ]
            toctree = addnodes.toctree(
                parent=self.env.docname,
                entries=[(None, page) for page in pages],
                includefiles=pages,
                maxdepth=-1,
                caption=None,
                glob=False,
                hidden=True,
                includehidden=False,
                numbered=0,
                titlesonly=False,
            )
            self.set_source_info(toctree)
            result.append(nodes.compound("", toctree, classes=["toctree-wrapper"]))
        return result
