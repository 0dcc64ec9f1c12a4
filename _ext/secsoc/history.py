"""What changed from one edition of a list to the next: sentences and a table.

By organisation, never by spelling: newly listed, no longer listed, printed
differently, moved.  Every sentence is a template of the ``secsoc`` catalog, so a
new year's data needs no translation.
"""

from __future__ import annotations

from docutils import nodes

from .comparison import Changes
from .render import Context, _label, _names, _table, organisation


def changes(ctx: Context, found: Changes) -> list[nodes.Node]:
    tr, fmt = ctx.tr, ctx.fmt
    values = {"older": _label(ctx, found.older), "newer": _label(ctx, found.newer)}
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
    if found.removed:
        template = tr.ngettext(
            "Un organisme de la liste « {older} » n'est plus dans la liste « {newer} » : {names}.",
            "{count} organismes de la liste « {older} » ne sont plus dans la liste « {newer} » : {names}.",
            len(found.removed),
        )
    else:
        template = tr.gettext(
            "Tous les organismes de la liste « {older} » sont encore dans la liste « {newer} »."
        )
    sentences.append(_sentence(ctx, template, found.removed, values))
    renamed = [org for org, _, _ in found.renamed]
    if renamed:
        template = tr.ngettext(
            "Un organisme est publié sous un autre nom : {names}.",
            "{count} organismes sont publiés sous un autre nom : {names}.",
            len(renamed),
        )
        sentences.append(ctx.sentence(template, count=fmt.number(len(renamed)), names=_names(ctx, renamed)))
    if found.moved:
        template = tr.ngettext(
            "Un organisme a changé de place dans la liste.",
            "{count} organismes ont changé de place dans la liste.",
            len(found.moved),
        )
        sentences.append(ctx.sentence(template, count=fmt.number(len(found.moved))))
    rows = _rows(ctx, found)
    result: list[nodes.Node] = [nodes.container("", *sentences, classes=["secsoc-changes"])]
    if rows:
        headers = [
            tr.gettext("Organisme"),
            tr.gettext("Changement"),
            tr.gettext("Avant"),
            tr.gettext("Après"),
        ]
        table = _table(ctx, headers, rows, widths=[30, 20, 25, 25])
        table["classes"] += ["secsoc-changes-table"]
        result.append(table)
    return result


def _sentence(ctx: Context, template: str, ids: tuple[str, ...], values: dict[str, str]) -> nodes.paragraph:
    return ctx.sentence(template, count=ctx.fmt.number(len(ids)), names=_names(ctx, ids), **values)


def _rows(ctx: Context, found: Changes) -> list[list[list[nodes.Node]]]:
    tr, fmt = ctx.tr, ctx.fmt

    def cell(text: str) -> list[nodes.Node]:
        return [ctx.paragraph([nodes.Text(text)])] if text else []

    def names(printed: tuple[str, ...]) -> str:
        return fmt.join(list(printed))

    rows: list[list[list[nodes.Node]]] = []
    for org in found.added:
        rows.append([[ctx.paragraph([organisation(ctx, org)])], cell(tr.gettext("nouveau")), [], []])
    for org in found.removed:
        rows.append([[ctx.paragraph([organisation(ctx, org)])], cell(tr.gettext("retiré")), [], []])
    for org, before, after in found.renamed:
        rows.append(
            [
                [ctx.paragraph([organisation(ctx, org)])],
                cell(tr.gettext("autre nom")),
                cell(names(before)),
                cell(names(after)),
            ]
        )
    for org, before_position, after_position in found.moved:
        rows.append(
            [
                [ctx.paragraph([organisation(ctx, org)])],
                cell(tr.gettext("autre place")),
                cell(fmt.number(before_position)),
                cell(fmt.number(after_position)),
            ]
        )
    return rows
