"""Docutils nodes for the data: list tables, citations, and what the sentence
modules (conclusions.py, history.py, figures.py) share.  About 300 lines: those
shared helpers live here so that the sentence modules need not import each other.

Everything here is already in the reader's language when it leaves: templates
come from the ``secsoc`` catalog, data prose from the ``data`` catalog, numbers
and dates from Babel.  So every node is marked ``translatable=False`` and
Sphinx's page catalogs never see a name, a number or a URL.  Values are put in
nodes as text, never parsed as markup, so a name like ``*x*`` stays ``*x*``.

A text quoted in another language than the page's (a French title or claim on
a Dutch page) is marked with its language (:class:`foreign`), and our translation
follows it as a gloss that says so: a quotation is never our translation.

Nothing here needs Sphinx: the HTML writer of :class:`foreign` is in
``extension.py``.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from docutils import nodes

from ..data.model import SOURCE_LANGUAGE, Dataset, Link, PublishedList, Source
from ..i18n.formatting import Formatter
from ..i18n.translation import Translator
from .downloads import ORGANISATIONS, list_name
from .elements import foreign, table_tools

Value: TypeAlias = str | nodes.Node | Sequence[nodes.Node]

#: The attribute of a table cell that holds its column's name (see :func:`table`).
CELL_LABEL = "secsoc_label"


@dataclass(frozen=True)
class Context:
    """What a directive renders with: the data, the language, and where it stands."""

    dataset: Dataset
    tr: Translator
    fmt: Formatter
    source: str  # the page, for locations
    line: int
    #: Links a name to its organisation's page, where there are such pages.
    link: Callable[[str, list[nodes.Node]], nodes.Node] | None = None

    def paragraph(self, children: Iterable[nodes.Node], classes: Sequence[str] = ()) -> nodes.paragraph:
        node = nodes.paragraph("", "", *children, classes=list(classes), translatable=False)
        node.source, node.line = self.source, self.line
        return node

    def fill(self, template: str, **values: Value) -> list[nodes.Node]:
        """Nodes for ``template``, with each ``{name}`` replaced by its value.

        Splitting the translated template around the placeholders keeps the whole
        sentence in one message, so a translator can reorder it freely.
        """
        result: list[nodes.Node] = []
        for literal, name, _, _ in string.Formatter().parse(template):
            if literal:
                result.append(nodes.Text(literal))
            if name is None:
                continue
            value = values[name]
            if isinstance(value, str):
                result.append(nodes.Text(value))
            elif isinstance(value, nodes.Node):
                result.append(value)
            else:
                result.extend(value)
        return result

    def sentence(self, template: str, classes: Sequence[str] = (), /, **values: Value) -> nodes.paragraph:
        # Positional only: a placeholder may be called {classes} or {template}.
        return self.paragraph(self.fill(template, **values), classes)

    def join(self, items: Sequence[Sequence[nodes.Node]]) -> list[nodes.Node]:
        """Items joined the way the language lists things ("A, B et C")."""
        markers = [f"\x00{index}\x00" for index in range(len(items))]
        joined = self.fmt.join(markers)
        result: list[nodes.Node] = []
        for index, part in enumerate(joined.split("\x00")):
            if index % 2:
                result.extend(items[int(part)])
            elif part:
                result.append(nodes.Text(part))
        return result


# -- organisations -----------------------------------------------------------------


def organisation(ctx: Context, organisation_id: str) -> nodes.Node:
    """An organisation's name, leading to its page (or, without pages, its website)."""
    record = ctx.dataset.organisations.get(organisation_id)
    name = record.name if record else organisation_id
    if record and ctx.link:
        # Sphinx replaces a cross-reference's content when it resolves it: the class
        # that marks the name goes around the link.
        return nodes.inline("", "", ctx.link(organisation_id, [nodes.Text(name)]), classes=["secsoc-org"])
    if record and record.website:
        return nodes.reference("", name, refuri=record.website, classes=["secsoc-org"])
    return nodes.inline("", name, classes=["secsoc-org"])


def _organisation_cell(ctx: Context, organisation_id: str) -> nodes.paragraph:
    """A table cell holds the name alone: the class goes on the paragraph, one node less a row."""
    record = ctx.dataset.organisations.get(organisation_id)
    if record and (record.website or ctx.link):
        return ctx.paragraph([organisation(ctx, organisation_id)])
    return ctx.paragraph([nodes.Text(record.name if record else organisation_id)], ["secsoc-org"])


# -- citations ---------------------------------------------------------------------


def quoted(ctx: Context, text: str, official: str | None = None) -> list[nodes.Node]:
    """A title or a statement in quotation marks, as its author wrote it.

    In French, or where the author gives an official text in the page's language,
    that text; otherwise the French original, marked as French, with our
    translation (from the data catalog) as a gloss marked as ours.
    """
    tr = ctx.tr
    if official is not None or tr.language == SOURCE_LANGUAGE:
        return ctx.fill(tr.gettext("« {text} »"), text=official if official is not None else text)
    original = foreign("", text, lang=SOURCE_LANGUAGE)
    gloss = tr.data(text)
    if gloss == text:
        return ctx.fill(tr.gettext("« {original} » (en français)"), original=original)
    return ctx.fill(
        tr.gettext("« {original} » (en français ; notre traduction : « {gloss} »)"),
        original=original,
        gloss=gloss,
    )


def citation(ctx: Context, source: Source) -> nodes.paragraph:
    tr, fmt = ctx.tr, ctx.fmt
    title = quoted(ctx, source.title.text, source.official_titles.get(tr.language))
    if source.act_date:  # "« Arrêté royal modifiant … » du 20 juillet 1998": the date outside
        title = ctx.fill(tr.gettext("{title} du {date}"), title=title, date=fmt.date(source.act_date))
    parts: list[list[nodes.Node]] = [[nodes.Text(tr.data(source.publisher.text))], title]
    if source.reference_date:
        parts.append(ctx.fill(tr.gettext("à la date du {date}"), date=fmt.date(source.reference_date)))
    if source.publication_date:
        parts.append(ctx.fill(tr.gettext("publication : {date}"), date=fmt.date(source.publication_date)))
    if source.numac:
        parts.append(ctx.fill(tr.gettext("NUMAC {numac}"), numac=nodes.literal("", source.numac)))
    for link in _links_for(source, tr.language):
        label = "HTML" if link.format == "html" else "PDF"
        if link.page is not None:
            # a page number, not a quantity: "page 98765", never "page 98 765"
            label = tr.gettext("{format}, page {page}").format(format=label, page=str(link.page))
        if link.language not in (None, tr.language):
            label += f" ({link.language.upper()})"  # a page in another language, said so
        parts.append([nodes.reference("", label, refuri=link.url)])
    if source.unlinked:
        parts.append(ctx.fill(tr.gettext("sans lien : {reason}"), reason=tr.data(source.unlinked.text)))
    if source.consulted:
        parts.append(ctx.fill(tr.gettext("consultation : {date}"), date=fmt.date(source.consulted)))
    if not source.read:
        parts.append([nodes.Text(tr.gettext("texte que ce site n'a pas lu"))])
    body: list[nodes.Node] = []
    for index, part in enumerate(parts):
        body += ([nodes.Text(", ")] if index else []) + part
    return ctx.sentence(tr.gettext("Source : {citation}."), ["secsoc-citation"], citation=body)


def _links_for(source: Source, language: str) -> list[Link]:
    """Per format, the link in the reader's language; else the French one, the language
    of the titles quoted; else the first there is."""

    def rank(link: Link) -> int:
        return 0 if link.language in (None, language) else 1 if link.language == SOURCE_LANGUAGE else 2

    chosen: dict[str, Link] = {}
    for link in source.links:
        current = chosen.get(link.format)
        if current is None or rank(link) < rank(current):
            chosen[link.format] = link
    return list(chosen.values())


# -- list tables -------------------------------------------------------------------


def list_table(ctx: Context, published: PublishedList) -> list[nodes.Node]:
    tr, fmt = ctx.tr, ctx.fmt
    source = ctx.dataset.sources[published.source]
    count = len(published.entries)
    caption_values: dict[str, Value] = {"title": tr.data(published.title.text), "count": fmt.number(count)}
    # A list has at least one entry (its schema says so): no sentence for none.
    if source.reference_date:
        caption_values["date"] = fmt.date(source.reference_date)
        caption = tr.ngettext(
            "{title}, situation au {date} : {count} inscription",
            "{title}, situation au {date} : {count} inscriptions",
            count,
        )
    else:
        caption = tr.ngettext("{title} : {count} inscription", "{title} : {count} inscriptions", count)
    title = nodes.title("", "", *ctx.fill(caption, **caption_values), translatable=False)
    title.source, title.line = ctx.source, ctx.line

    # Whether each organisation is on the newest list of every other series (on the
    # Moniteur belge's table: a member of the USS?), so a row answers the question.
    others = [other for other in ctx.dataset.newest_lists() if other.series != published.series]
    statuses = [set(other.organisation_ids) for other in others]
    headers = [
        tr.gettext("N°"),
        tr.gettext("Nom publié"),
        tr.gettext("Organisme"),
        *(tr.gettext("Liste « {list} »").format(list=label(ctx, other)) for other in others),
    ]
    yes, no = tr.gettext("oui"), tr.gettext("non")
    # "N° 12", "Organisme : Acerta": the number's label reads as its prefix.
    labels = [
        headers[0],
        *(fmt.spaced(tr.gettext("{column} :").format(column=header)) for header in headers[1:]),
    ]
    rows: list[list[list[nodes.Node]]] = []
    for entry in published.entries:
        # A remark or an inferred match is a note of its row, under the organisation:
        # most rows have neither, so neither gets a column of its own.
        notes: list[nodes.Node] = []
        if entry.remark:
            remark = tr.gettext("Remarque : {remark}")
            # the source's own words: quoted, marked as French on another edition
            notes.append(
                ctx.sentence(remark, ["secsoc-note", "secsoc-remark"], remark=quoted(ctx, entry.remark.text))
            )
        if entry.inferred:
            reason = tr.data(entry.inferred.text)
            inferred = tr.gettext("Correspondance déduite : {reason}")
            notes.append(ctx.sentence(inferred, ["secsoc-note", "secsoc-inferred"], reason=reason))
        cells: list[list[nodes.Node]] = [
            [ctx.paragraph([nodes.Text(fmt.number(entry.position))])],
            [ctx.paragraph([nodes.Text(entry.printed)], ["secsoc-printed"])],
            [_organisation_cell(ctx, entry.organisation), *notes],
        ]
        for listed in statuses:
            kind = "yes" if entry.organisation in listed else "no"
            cells.append([ctx.paragraph([nodes.Text(yes if kind == "yes" else no)], [f"secsoc-{kind}"])])
        rows.append(cells)
    status_width = 14 * len(others)
    name_width = (92 - status_width) // 2
    shown = table(ctx, headers, rows, widths=[8, name_width, name_width, *[14] * len(others)], labels=labels)
    shown.insert(0, title)
    shown["classes"] += ["secsoc-list", f"secsoc-list-{published.id}"]
    # Words the script writes into the page and its attributes, set as the language sets them.
    tools = table_tools(
        filter_label=fmt.spaced(tr.gettext("Filtrer la liste :")),
        count_one=fmt.spaced(tr.gettext("{shown} inscription affichée sur {total}")),
        count_other=fmt.spaced(tr.gettext("{shown} inscriptions affichées sur {total}")),
        sort_label=fmt.spaced(tr.gettext("Trier par « {column} »")),
    )
    return [nodes.container("", tools, shown, classes=["secsoc-list-block"]), citation(ctx, source)]


def downloads(ctx: Context, list_id: str, folder: str) -> nodes.paragraph:
    """Links to the files of :mod:`.downloads`, ``folder`` relative to the page."""

    def links(name: str) -> list[nodes.Node]:
        return [
            nodes.reference("", "CSV", refuri=f"{folder}/{name}.csv"),
            nodes.Text(", "),
            nodes.reference("", "JSON", refuri=f"{folder}/{name}.json"),
        ]

    return ctx.sentence(
        ctx.tr.gettext("Télécharger cette liste : {list} ; tous les organismes : {organisations}."),
        ["secsoc-downloads"],
        list=links(list_name(list_id)),
        organisations=links(ORGANISATIONS),
    )


def download_headers(tr: Translator) -> tuple[list[str], list[str]]:
    """The column headers of the downloaded lists and organisations, in the edition's
    language; a column whose texts stay in French (remarks, reasons) says so."""

    def french(column: str) -> str:
        if tr.language == SOURCE_LANGUAGE:
            return column
        return tr.gettext("{column} (en français)").format(column=column)

    in_lists = [
        tr.gettext("N°"),
        tr.gettext("Nom publié"),
        tr.gettext("ID"),
        tr.gettext("Organisme"),
        french(tr.gettext("Remarque")),
        french(tr.gettext("Correspondance déduite")),
    ]
    in_organisations = [tr.gettext("ID"), tr.gettext("Nom"), tr.gettext("Autres noms")]
    return in_lists, in_organisations


def status_headers(ctx: Context, with_websites: bool) -> list[str]:
    """The organisations' columns after the names: website, then where the newest list
    of each series names it (see :func:`.downloads.organisation_records`)."""
    tr = ctx.tr
    headers = [tr.gettext("Site web")] if with_websites else []
    for published in ctx.dataset.newest_lists():
        template = tr.gettext("N° dans la liste « {list} » ({when})")
        headers.append(
            ctx.fmt.spaced(template.format(list=label(ctx, published), when=dated(ctx, published)))
        )
    return headers


def table(
    ctx: Context,
    headers: list[str],
    rows: list[list[list[nodes.Node]]],
    widths: list[int],
    labels: Sequence[str] = (),
) -> nodes.table:
    """A table; with ``labels``, each body cell carries its column's name as an
    attribute (:data:`CELL_LABEL`), which the HTML writer turns into ``data-label``
    for the layout as cards on a phone, where the header row is not above the cell.
    An attribute, not a node: a node per cell would double a long list's doctree,
    which every Sphinx transform walks."""
    group = nodes.tgroup(cols=len(headers))
    group += [nodes.colspec(colwidth=width) for width in widths]
    head = nodes.thead()
    head += _row([[ctx.paragraph([nodes.Text(text)])] for text in headers])
    body = nodes.tbody()
    body += [_row(cells, labels) for cells in rows]
    group += [head, body]
    table = nodes.table("", group)
    table.source, table.line = ctx.source, ctx.line
    return table


def _row(cells: list[list[nodes.Node]], labels: Sequence[str] = ()) -> nodes.row:
    entries = [nodes.entry("", *cell) for cell in cells]
    if labels:
        for entry, name in zip(entries, labels, strict=True):
            entry[CELL_LABEL] = name
    row = nodes.row()
    row += entries
    return row


# -- shared by the sentence modules (conclusions.py, history.py) ---------------------


def chart(svg: str) -> nodes.Node:
    figure = nodes.container("", nodes.raw("", svg, format="html"), classes=["secsoc-chart-figure"])
    return figure


def label(ctx: Context, published: PublishedList) -> str:
    """The list's name, quoted by the templates ("la liste « {list} »"): a name does
    not agree in gender or number with anything, in any language."""
    return ctx.tr.data(published.label.text)


def names(ctx: Context, organisation_ids: Sequence[str]) -> list[nodes.Node]:
    return ctx.join([[organisation(ctx, org)] for org in organisation_ids])


def dated(ctx: Context, published: PublishedList) -> str:
    """How old a list is, as its source dates it: the day it describes, the day it was
    read on a website, or the day it was published; the reader knows which."""
    tr, fmt = ctx.tr, ctx.fmt
    source = ctx.dataset.sources[published.source]
    if source.reference_date:
        return tr.gettext("situation au {date}").format(date=fmt.date(source.reference_date))
    if source.consulted:
        return tr.gettext("consultée le {date}").format(date=fmt.date(source.consulted))
    if source.publication_date:
        return tr.gettext("publiée le {date}").format(date=fmt.date(source.publication_date))
    if published.date:
        return tr.gettext("datée du {date}").format(date=fmt.date(published.date))
    return tr.gettext("non datée")
