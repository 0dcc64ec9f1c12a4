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
    tr, fmt = ctx.tr, ctx.fmt
    items = nodes.bullet_list(classes=["secsoc-figures"])
    for figure in selected:
        values: dict[str, Value] = {"count": nodes.strong("", fmt.number(figure.count))}
        if figure.share is not None:
            values["share"] = fmt.share(figure.share)
        paragraphs = [ctx.sentence(tr.data(figure.statement.text), **values)]
        if figure.reference_date:
            paragraphs.append(
                ctx.sentence(tr.gettext("Chiffre à la date du {date}."), date=fmt.date(figure.reference_date))
            )
        items += nodes.list_item("", *paragraphs)
    with_share = [figure for figure in selected if figure.share is not None]
    bars = [
        (figure.share or 0.0, f"{fmt.share(figure.share or 0.0)} ({fmt.number(figure.count)})")
        for figure in with_share
    ]
    sentences = [
        tr.data(figure.statement.text).format(
            count=fmt.number(figure.count), share=fmt.share(figure.share or 0.0)
        )
        for figure in with_share
    ]
    sources = dict.fromkeys(figure.source for figure in selected)
    undated = [figure for figure in selected if figure.reference_date is None]
    result: list[nodes.Node] = [items]
    if bars:
        title = tr.gettext("Les parts ci-dessus, en proportion")
        result.append(chart(charts.shares(title, fmt.spaced(" ".join(sentences)), bars)))
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
