"""The comparison of two lists as a reader gets it: counts, who is missing, who appears
twice, whether a publisher's claim holds (and how many inferred matches it rests
on), and the same counts as a small figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..data.comparison import ClaimCheck, Comparison, Duplicate
from ..data.model import PublishedList
from . import charts
from .render import Context, Value, chart, citation, dated, label, names, organisation, quoted


def comparison(ctx: Context, result: Comparison) -> list[nodes.Node]:
    first, second = result.first, result.second
    inferred = len(result.inferred)
    paragraphs: list[nodes.Node] = [
        _counted(ctx, first),
        _counted(ctx, second),
        absent(ctx, result.only_in_first, first, second),
        absent(ctx, result.only_in_second, second, first),
    ]
    paragraphs.append(_dates(ctx, first, second))
    if inferred:
        paragraphs.append(_hedge(ctx, inferred))
    paragraphs += [
        _duplicates(ctx, result.duplicates_in_first, first),
        _duplicates(ctx, result.duplicates_in_second, second),
    ]
    paragraphs.append(_comparisonchart(ctx, result))
    for check in result.claims:
        paragraphs += _claim(ctx, check, inferred)
    container = nodes.container("", *paragraphs, classes=["secsoc-comparison"])
    container.source, container.line = ctx.source, ctx.line
    return [container]


def _comparisonchart(ctx: Context, result: Comparison) -> nodes.Node:
    """The same counts as the sentences, as a bar: who is in both lists, who in one."""
    tr, fmt = ctx.tr, ctx.fmt
    first, second = label(ctx, result.first), label(ctx, result.second)
    both = len(result.first.organisation_ids) - len(result.only_in_first)
    segments = [
        charts.Segment(
            len(result.only_in_first),
            tr.gettext("Seulement dans la liste « {list} » : {count}").format(
                list=first, count=fmt.number(len(result.only_in_first))
            ),
            "first",
        ),
        charts.Segment(
            both, tr.gettext("Dans les deux listes : {count}").format(count=fmt.number(both)), "both"
        ),
        charts.Segment(
            len(result.only_in_second),
            tr.gettext("Seulement dans la liste « {list} » : {count}").format(
                list=second, count=fmt.number(len(result.only_in_second))
            ),
            "second",
        ),
    ]
    title = tr.gettext("Organismes des listes « {first} » et « {second} »").format(first=first, second=second)
    segments = [charts.Segment(s.count, fmt.spaced(s.label), s.kind) for s in segments]
    description = "".join(f"{segment.label}. " for segment in segments).strip()
    return chart(charts.comparison(fmt.spaced(title), description, segments))


def _counted(ctx: Context, published: PublishedList) -> nodes.paragraph:
    count = len(published.organisation_ids)  # at least one: a list has entries
    template = ctx.tr.ngettext(
        "La liste « {list} » ({when}) compte {count} organisme.",
        "La liste « {list} » ({when}) compte {count} organismes distincts.",
        count,
    )
    return ctx.sentence(
        template, list=label(ctx, published), when=dated(ctx, published), count=ctx.fmt.number(count)
    )


def _dates(ctx: Context, first: PublishedList, second: PublishedList) -> nodes.paragraph:
    """What a conclusion about two lists rests on: their dates, and whether they differ."""
    tr = ctx.tr
    values: dict[str, Value] = {"first": label(ctx, first), "second": label(ctx, second)}
    if first.date is not None and first.date == second.date:
        template = tr.gettext("Les listes « {first} » et « {second} » datent du même jour ({when}).")
        return ctx.sentence(template, ["secsoc-dates"], when=dated(ctx, first), **values)
    template = tr.gettext(
        "La liste « {first} » ({first_when}) et la liste « {second} » ({second_when}) ne sont pas "
        "de la même date : un organisme a pu entrer dans l'une ou en sortir entre ces deux dates."
    )
    return ctx.sentence(
        template,
        ["secsoc-dates"],
        first_when=dated(ctx, first),
        second_when=dated(ctx, second),
        **values,
    )


def _hedge(ctx: Context, inferred: int) -> nodes.paragraph:
    """What the conclusions about who is in both lists rest on, besides evident names."""
    template = ctx.tr.ngettext(
        "Ces constats tiennent compte d'une correspondance déduite, indiquée dans le tableau.",
        "Ces constats tiennent compte de {count} correspondances déduites, indiquées dans le tableau.",
        inferred,
    )
    return ctx.sentence(template, ["secsoc-hedge"], count=ctx.fmt.number(inferred))


def absent(
    ctx: Context, missing: Sequence[str], present_in: PublishedList, absent_from: PublishedList
) -> nodes.paragraph:
    tr = ctx.tr
    values: dict[str, Value] = {"first": label(ctx, present_in), "second": label(ctx, absent_from)}
    if not missing:
        return ctx.sentence(
            tr.gettext("Tous les organismes de la liste « {first} » figurent dans la liste « {second} »."),
            ["secsoc-absent"],
            **values,
        )
    template = tr.ngettext(
        "Un seul organisme de la liste « {first} » est absent de la liste « {second} » : {names}.",
        "{count} organismes de la liste « {first} » sont absents de la liste « {second} » : {names}.",
        len(missing),
    )
    return ctx.sentence(
        template,
        ["secsoc-absent"],
        count=ctx.fmt.number(len(missing)),
        names=names(ctx, missing),
        **values,
    )


def _duplicates(ctx: Context, found: Sequence[Duplicate], published: PublishedList) -> nodes.paragraph:
    tr, fmt = ctx.tr, ctx.fmt
    name = label(ctx, published)
    if not found:
        return ctx.sentence(
            tr.gettext("Aucun organisme n'apparaît plus d'une fois dans la liste « {list} »."),
            ["secsoc-duplicates"],
            list=name,
        )
    items = [
        ctx.fill(
            tr.gettext("{name} (inscriptions {positions})"),
            name=organisation(ctx, duplicate.organisation),
            positions=fmt.join([fmt.number(position) for position in duplicate.positions]),
        )
        for duplicate in found
    ]
    template = tr.ngettext(
        "Un organisme apparaît plusieurs fois dans la liste « {list} » : {items}.",
        "{count} organismes apparaissent plusieurs fois dans la liste « {list} » : {items}.",
        len(found),
    )
    return ctx.sentence(
        template, ["secsoc-duplicates"], list=name, count=fmt.number(len(found)), items=ctx.join(items)
    )


def _claim(ctx: Context, check: ClaimCheck, inferred: int) -> list[nodes.Node]:
    tr = ctx.tr
    values: dict[str, Value] = {"first": label(ctx, check.other), "second": label(ctx, check.holder)}
    quote = ctx.sentence(
        tr.gettext("La liste « {list} » s'accompagne de cette affirmation : {quote}"),
        ["secsoc-claim"],
        list=label(ctx, check.holder),
        quote=quoted(ctx, check.claim.quote.text),
    )
    missing = len(check.missing)
    hedged = False
    # "concorde avec", not "confirme": the lists may be of different dates (said above,
    # with _dates) and the claim of neither.
    if check.holds and inferred:
        verdict = tr.ngettext(
            "La comparaison par organisme concorde avec cette affirmation, en tenant compte d'une "
            "correspondance déduite (voir le tableau).",
            "La comparaison par organisme concorde avec cette affirmation, en tenant compte de {count} "
            "correspondances déduites (voir le tableau).",
            inferred,
        )
        hedged = True
    elif check.holds:
        verdict = tr.gettext("La comparaison par organisme concorde avec cette affirmation.")
    elif not missing:
        verdict = tr.gettext(
            "La comparaison par organisme ne concorde pas avec cette affirmation telle quelle : "
            "tous les organismes de la liste « {first} » figurent dans la liste « {second} »."
        )
    else:
        verdict = tr.ngettext(
            "La comparaison par organisme ne concorde pas avec cette affirmation : "
            "{count} organisme de la liste « {first} » manque dans la liste « {second} ».",
            "La comparaison par organisme ne concorde pas avec cette affirmation : "
            "{count} organismes de la liste « {first} » manquent dans la liste « {second} ».",
            missing,
        )
    classes = ["secsoc-verdict", "secsoc-holds" if check.holds else "secsoc-fails"]
    result: list[nodes.Node] = [quote]
    if check.claim.source in ctx.dataset.sources:
        result.append(citation(ctx, ctx.dataset.sources[check.claim.source]))
    count = ctx.fmt.number(inferred if hedged else missing)
    result.append(ctx.sentence(verdict, classes, count=count, **values))
    if inferred and not hedged:
        result.append(_hedge(ctx, inferred))
    return result
