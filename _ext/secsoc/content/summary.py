"""The answer first: a short summary at the top of a page, from the newest lists.

How many organisations each list names and how old it is, who is on the first
and not on the second (hedged as the comparison is), and, when the first list is
more than a year old, that a newer one has probably been published since.
"""

from __future__ import annotations

import datetime

from docutils import nodes

from ..data.comparison import Comparison
from ..data.freshness import is_stale
from ..data.model import PublishedList, Source
from .conclusions import absent
from .render import Context, citation, dated, label


def summary(ctx: Context, result: Comparison, today: datetime.date, yearly: Source | None) -> nodes.container:
    """``yearly``: the source that says the first list is published every year, if any."""
    tr = ctx.tr
    first, second = result.first, result.second
    paragraphs: list[nodes.Node] = [
        nodes.rubric("", tr.gettext("En bref"), translatable=False),
        _listed(ctx, first),
        _listed(ctx, second),
        absent(ctx, result.only_in_first, first, second),
    ]
    if result.only_in_second:
        paragraphs.append(absent(ctx, result.only_in_second, second, first))
    if result.inferred:
        template = tr.ngettext(
            "Ce constat tient compte d'une correspondance déduite entre des noms publiés différemment.",
            "Ce constat tient compte de {count} correspondances déduites entre des noms publiés "
            "différemment.",
            len(result.inferred),
        )
        paragraphs.append(
            ctx.sentence(template, ["secsoc-hedge"], count=ctx.fmt.number(len(result.inferred)))
        )
    if first.date and is_stale(first.date, today):
        paragraphs += _stale(ctx, first, yearly)
    container = nodes.container("", *paragraphs, classes=["secsoc-summary"])
    container.source, container.line = ctx.source, ctx.line
    return container


def _listed(ctx: Context, published: PublishedList) -> nodes.paragraph:
    """A list's size, and that it is the newest this site holds: newer ones may exist."""
    count = len(published.organisation_ids)
    if published.series and ctx.dataset.latest(published.series) == published.id:
        template = ctx.tr.ngettext(
            "La liste « {list} » la plus récente que reprend ce site ({when}) compte {count} organisme.",
            "La liste « {list} » la plus récente que reprend ce site ({when}) compte {count} organismes.",
            count,
        )
    else:
        template = ctx.tr.ngettext(  # the comparison's sentence, for a list given by its id
            "La liste « {list} » ({when}) compte {count} organisme.",
            "La liste « {list} » ({when}) compte {count} organismes distincts.",
            count,
        )
    return ctx.sentence(
        template, list=label(ctx, published), when=dated(ctx, published), count=ctx.fmt.number(count)
    )


def _stale(ctx: Context, published: PublishedList, yearly: Source | None) -> list[nodes.Node]:
    tr = ctx.tr
    if yearly is None:  # no source says how often the list appears: no "probably"
        template = tr.gettext(
            "La liste « {list} » a plus d'un an : une liste plus récente a pu être publiée depuis."
        )
        return [ctx.sentence(template, ["secsoc-stale"], list=label(ctx, published))]
    template = tr.gettext(
        "La liste « {list} » a plus d'un an : une liste plus récente a probablement été publiée "
        "depuis, car la liste paraît chaque année."
    )
    return [ctx.sentence(template, ["secsoc-stale"], list=label(ctx, published)), citation(ctx, yearly)]
