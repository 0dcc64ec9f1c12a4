"""The figures of the sector as sentences, with a chart of their shares and their sources.

A figure's sentence is the data's own French text (translated through the
``data`` catalog) with its number put in; the chart says the same in bars.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..data.model import Figure
from . import charts
from .render import Context, Value, chart, citation


def figures(ctx: Context, selected: Sequence[Figure]) -> list[nodes.Node]:
    """Each figure's sentence; under a share, a bar of it, labelled by that sentence."""
    tr, fmt = ctx.tr, ctx.fmt
    items = nodes.bullet_list(classes=["secsoc-figures"])
    for figure in selected:
        values: dict[str, Value] = {"count": nodes.strong("", fmt.number(figure.count))}
        if figure.share is not None:
            values["share"] = fmt.share(figure.share)
        paragraphs: list[nodes.Node] = [ctx.sentence(tr.data(figure.statement.text), **values)]
        if figure.share is not None:
            said = tr.data(figure.statement.text).format(
                count=fmt.number(figure.count), share=fmt.share(figure.share)
            )
            paragraphs.append(chart(charts.share(fmt.spaced(said), fmt.share(figure.share), figure.share)))
        if figure.reference_date:
            paragraphs.append(
                ctx.sentence(tr.gettext("Chiffre à la date du {date}."), date=fmt.date(figure.reference_date))
            )
        items += nodes.list_item("", *paragraphs)
    sources = dict.fromkeys(figure.source for figure in selected)
    undated = [figure for figure in selected if figure.reference_date is None]
    result: list[nodes.Node] = [items]
    if undated:
        result.append(
            ctx.sentence(
                tr.ngettext(
                    "La source ne précise pas à quelle date ce chiffre se rapporte.",
                    "La source ne précise pas à quelle date ces chiffres se rapportent.",
                    len(undated),
                ),
                ["secsoc-undated"],
            )
        )
    result += [citation(ctx, ctx.dataset.sources[source]) for source in sources]
    return result
