"""A list's history and an organisation's: what changed from one edition of a list
to the next (sentences and a table), and an organisation's page (every list it is
in).

By organisation, never by spelling: newly listed, no longer listed, printed
differently, moved.  Every sentence is a template of the ``secsoc`` catalog, so a
new year's data needs no translation.
"""

from __future__ import annotations

from docutils import nodes

from ..data.comparison import Changes
from ..data.model import PublishedList
from .render import Context, citation, dated, label, names, organisation, quoted, table


def changes(ctx: Context, found: Changes) -> list[nodes.Node]:
    """What changed between two lists of a series, each named with its date: both lists
    of a series carry the same label."""
    tr = ctx.tr
    values = {"older": dated_label(ctx, found.older), "newer": dated_label(ctx, found.newer)}
    sentences: list[nodes.Node] = []
    # Each template is written out in its call: the catalog's extraction reads calls.
    if found.added:
        template = tr.ngettext(
            "Un organisme est nouveau dans la liste « {newer} » : {names}.",
            "{count} organismes sont nouveaux dans la liste « {newer} » : {names}.",
            len(found.added),
        )
    else:
        template = tr.gettext("Aucun organisme n'est nouveau dans la liste « {newer} ».")
    sentences.append(_sentence(ctx, template, found.added, values))
    # "ne figure plus", not "retiré": the list no longer names it, which says nothing
    # of its approval (a withdrawal is a decision of its own)
    if found.removed:
        template = tr.ngettext(
            "Un organisme de la liste « {older} » ne figure plus dans la liste « {newer} » : {names}.",
            "{count} organismes de la liste « {older} » ne figurent plus dans la liste « {newer} » : "
            "{names}.",
            len(found.removed),
        )
    else:
        template = tr.gettext(
            "Tous les organismes de la liste « {older} » figurent encore dans la liste « {newer} »."
        )
    sentences.append(_sentence(ctx, template, found.removed, values))
    renamed = tuple(org for org, _, _ in found.renamed)
    moved = tuple(org for org, _, _ in found.moved)
    said_if_any = (
        (
            renamed,
            tr.ngettext(
                "Un organisme est publié sous un autre nom : {names}.",
                "{count} organismes sont publiés sous un autre nom : {names}.",
                len(renamed),
            ),
        ),
        (
            moved,
            tr.ngettext(
                "Un organisme a changé de place par rapport aux autres : {names}.",
                "{count} organismes ont changé de place par rapport aux autres : {names}.",
                len(moved),
            ),
        ),
    )
    sentences += [_sentence(ctx, template, ids, values) for ids, template in said_if_any if ids]
    rows = _rows(ctx, found)
    result: list[nodes.Node] = [nodes.container("", *sentences, classes=["secsoc-changes"])]
    if rows:
        headers = [
            tr.gettext("Organisme"),
            tr.gettext("Changement"),
            tr.gettext("Liste précédente"),
            tr.gettext("Nouvelle liste"),
        ]
        changed = table(ctx, headers, rows, widths=[30, 20, 25, 25])
        changed["classes"] += ["secsoc-changes-table"]
        result.append(changed)
    return result


def only_one(ctx: Context, published: PublishedList) -> nodes.container:
    """What a series with a single list has to say about changes: when they will show."""
    template = ctx.tr.gettext(
        "Ce site ne reprend qu'une liste « {list} » ({when}) : ce qui a changé s'affichera ici "
        "quand il en reprendra une plus récente."
    )
    said = ctx.sentence(template, list=label(ctx, published), when=dated(ctx, published))
    return nodes.container("", said, classes=["secsoc-changes"])


def dated_label(ctx: Context, published: PublishedList) -> str:
    """A list's label with its date ("Moniteur belge, 5 novembre 2021"): what tells apart
    two lists of one series in a sentence."""
    source = ctx.dataset.sources.get(published.source)
    day = published.date  # the day in its id, which the series' lists never share
    if day is None and source is not None:
        day = source.reference_date or source.consulted or source.publication_date
    if day is None:
        return label(ctx, published)
    return ctx.tr.gettext("{list}, {date}").format(list=label(ctx, published), date=ctx.fmt.date(day))


def _sentence(ctx: Context, template: str, ids: tuple[str, ...], values: dict[str, str]) -> nodes.paragraph:
    return ctx.sentence(template, count=ctx.fmt.number(len(ids)), names=names(ctx, ids), **values)


def _rows(ctx: Context, found: Changes) -> list[list[list[nodes.Node]]]:
    """One row per change; the names as printed are marked as such (they are the
    source's, in its language, whatever the page's)."""
    tr, fmt = ctx.tr, ctx.fmt

    def cell(text: str, classes: list[str] | None = None) -> list[nodes.Node]:
        return [ctx.paragraph([nodes.Text(text)], classes or [])] if text else []

    def printed(names: tuple[str, ...]) -> list[nodes.Node]:
        return [ctx.paragraph(ctx.join([[nodes.Text(name)] for name in names]), ["secsoc-printed"])]

    def named(org: str) -> list[nodes.Node]:
        return [ctx.paragraph([organisation(ctx, org)])]

    rows: list[list[list[nodes.Node]]] = []
    for org in found.added:
        rows.append([named(org), cell(tr.gettext("nouveau")), [], []])
    for org in found.removed:
        rows.append([named(org), cell(tr.gettext("ne figure plus")), [], []])
    for org, before, after in found.renamed:
        rows.append([named(org), cell(tr.gettext("autre nom")), printed(before), printed(after)])
    for org, before_position, after_position in found.moved:
        where = tr.gettext("inscription {position}")
        rows.append(
            [
                named(org),
                cell(tr.gettext("autre place")),
                cell(where.format(position=fmt.number(before_position))),
                cell(where.format(position=fmt.number(after_position))),
            ]
        )
    return rows


def organisation_page(ctx: Context, organisation_id: str) -> list[nodes.Node]:
    """An organisation's page: its names, and every list it appears in, with the source."""
    tr, fmt = ctx.tr, ctx.fmt
    record = ctx.dataset.organisations[organisation_id]
    title = nodes.title("", record.name, translatable=False)
    section = nodes.section("", title, ids=[f"organisation-{organisation_id}"], names=[organisation_id])
    section += _status(ctx, organisation_id)
    if record.aliases:
        # quoted: a name may hold a comma ("Partena, Secrétariat Social d'Employeurs")
        quote = tr.gettext("« {text} »")
        names = ctx.join(
            [
                ctx.fill(quote, text=nodes.inline("", alias, classes=["secsoc-printed"]))
                for alias in record.aliases
            ]
        )
        section += ctx.sentence(tr.gettext("Autres noms publiés : {names}."), ["secsoc-aliases"], names=names)
    items = nodes.bullet_list(classes=["secsoc-appearances"])
    for published in sorted(ctx.dataset.lists.values(), key=lambda found: found.id):
        for entry in (entry for entry in published.entries if entry.organisation == organisation_id):
            template = tr.gettext("Liste « {list} » : inscription {position}, nom publié : {printed}.")
            printed = nodes.inline("", entry.printed, classes=["secsoc-printed"])
            paragraphs: list[nodes.Node] = [
                ctx.sentence(
                    template,
                    list=label(ctx, published),
                    position=fmt.number(entry.position),
                    printed=printed,
                )
            ]
            if entry.remark:
                remark = quoted(ctx, entry.remark.text)
                paragraphs.append(
                    ctx.sentence(tr.gettext("Remarque : {remark}"), ["secsoc-note"], remark=remark)
                )
            if entry.inferred:
                reason = tr.data(entry.inferred.text)
                template = tr.gettext("Correspondance déduite : {reason}")
                paragraphs.append(ctx.sentence(template, ["secsoc-note", "secsoc-inferred"], reason=reason))
            paragraphs.append(citation(ctx, ctx.dataset.sources[published.source]))
            items += nodes.list_item("", *paragraphs)
    if len(items):
        section += items
    else:
        section += ctx.sentence(tr.gettext("Cet organisme ne figure dans aucune des listes de ce site."))
    return [section]


def _status(ctx: Context, organisation_id: str) -> list[nodes.Node]:
    """One line per series, first on the page: is the organisation on its newest list?"""
    tr, fmt = ctx.tr, ctx.fmt
    lines: list[nodes.Node] = []
    for newest in ctx.dataset.newest_lists():
        positions = newest.positions(organisation_id)
        values = {"list": label(ctx, newest), "when": dated(ctx, newest)}
        if positions:
            template = tr.ngettext(
                "Liste « {list} » la plus récente sur ce site ({when}) : oui, inscription {positions}.",
                "Liste « {list} » la plus récente sur ce site ({when}) : oui, inscriptions {positions}.",
                len(positions),
            )
            joined = fmt.join([fmt.number(position) for position in positions])
            lines.append(ctx.sentence(template, ["secsoc-status", "secsoc-yes"], positions=joined, **values))
            # a "yes" that rests on an inferred match says so, with its reason
            for entry in newest.entries:
                if entry.organisation == organisation_id and entry.inferred:
                    reason = tr.data(entry.inferred.text)
                    inferred = tr.gettext("Correspondance déduite : {reason}")
                    lines.append(ctx.sentence(inferred, ["secsoc-note", "secsoc-inferred"], reason=reason))
        else:
            template = tr.gettext("Liste « {list} » la plus récente sur ce site ({when}) : non.")
            lines.append(ctx.sentence(template, ["secsoc-status", "secsoc-no"], **values))
    return lines


def organisation_index(ctx: Context) -> list[nodes.Node]:
    """Every organisation, by name, leading to its page."""
    items = nodes.bullet_list(classes=["secsoc-organisations"])
    for record in ctx.dataset.organisations_by_name():
        items += nodes.list_item("", ctx.paragraph([organisation(ctx, record.id)]))
    return [items]
