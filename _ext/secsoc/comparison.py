"""Compare two published lists by organisation, never by spelling.

"SD" in the Moniteur belge and "SD WORX" at the USS are one organisation: the
data says so through organisation ids, and this module only counts ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Claim, PublishedList


@dataclass(frozen=True, slots=True)
class Duplicate:
    organisation: str
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A claim of ``holder`` that all of ``other`` but ``claim.exceptions`` are in it."""

    holder: PublishedList
    other: PublishedList
    claim: Claim
    missing: tuple[str, ...]  # organisations of ``other`` absent from ``holder``

    @property
    def holds(self) -> bool:
        return len(self.missing) == self.claim.exceptions


@dataclass(frozen=True, slots=True)
class Comparison:
    first: PublishedList
    second: PublishedList
    only_in_first: tuple[str, ...]
    only_in_second: tuple[str, ...]
    duplicates_in_first: tuple[Duplicate, ...]
    duplicates_in_second: tuple[Duplicate, ...]
    claims: tuple[ClaimCheck, ...]
    #: Organisations found in both lists through an inferred match in one of them:
    #: every conclusion about who is in both rests on these too.
    inferred: tuple[str, ...] = ()


def compare(first: PublishedList, second: PublishedList) -> Comparison:
    in_first = first.organisation_ids
    in_second = second.organisation_ids
    frozenset_first, frozenset_second = frozenset(in_first), frozenset(in_second)
    only_in_first = tuple(org for org in in_first if org not in frozenset_second)
    only_in_second = tuple(org for org in in_second if org not in frozenset_first)
    claims = tuple(
        ClaimCheck(holder, other, holder.claim, missing)
        for holder, other, missing in (
            (second, first, only_in_first),
            (first, second, only_in_second),
        )
        if holder.claim is not None
    )
    inferred_ids = {entry.organisation for entry in (*first.entries, *second.entries) if entry.inferred}
    inferred = tuple(org for org in in_first if org in frozenset_second and org in inferred_ids)
    return Comparison(
        first,
        second,
        only_in_first,
        only_in_second,
        duplicates(first),
        duplicates(second),
        claims,
        inferred,
    )


def duplicates(published: PublishedList) -> tuple[Duplicate, ...]:
    """Organisations with more than one entry, in order of first appearance."""
    positions: dict[str, list[int]] = {}
    for entry in published.entries:
        positions.setdefault(entry.organisation, []).append(entry.position)
    return tuple(Duplicate(org, tuple(found)) for org, found in positions.items() if len(found) > 1)
