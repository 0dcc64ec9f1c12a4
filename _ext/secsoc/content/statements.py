"""Statements of fact as a reader gets them: our words, the source's own words
quoted where they matter, and after each run of statements from one source, its
citation, so that no sentence stands without the source it rests on.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from docutils import nodes

from ..data.model import Statement
from .render import Context, Value, citation, quoted


def statements(ctx: Context, selected: Sequence[Statement]) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for source, run in groupby(selected, key=lambda statement: statement.source):
        result += [_statement(ctx, statement) for statement in run]
        result.append(citation(ctx, ctx.dataset.sources[source]))
    return result


def _statement(ctx: Context, statement: Statement) -> nodes.paragraph:
    values: dict[str, Value] = {name: ctx.fmt.date(date) for name, date in statement.dates.items()}
    if statement.wording:
        official = statement.official_wordings.get(ctx.tr.language)
        values["wording"] = quoted(ctx, statement.wording.text, official)
    return ctx.sentence(ctx.tr.data(statement.text.text), ["secsoc-statement"], **values)
