"""Compare two published lists by organisation, never by spelling.

"SD" in the Moniteur belge and "SD WORX" at the USS are one organisation: the
data says so through organisation ids, and this module only counts ids.
"""

from __future__ import annotations

import bisect
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


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed, by organisation, from one edition of a list to the next."""

    older: PublishedList
    newer: PublishedList
    added: tuple[str, ...]  # in the newer list only: newly listed
    removed: tuple[str, ...]  # in the older list only: no longer listed
    renamed: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # id, printed before, after
    #: id, first position before, after: the organisations whose order relative to the
    #: others changed, not every one shifted by an organisation added or removed above it
    moved: tuple[tuple[str, int, int], ...]


def changes(older: PublishedList, newer: PublishedList) -> Changes:
    def printed(published: PublishedList, organisation: str) -> tuple[str, ...]:
        return tuple(e.printed for e in published.entries if e.organisation == organisation)

    def first(published: PublishedList, organisation: str) -> int:
        return next(e.position for e in published.entries if e.organisation == organisation)

    before, after = set(older.organisation_ids), set(newer.organisation_ids)
    kept = [org for org in newer.organisation_ids if org in before]
    return Changes(
        older,
        newer,
        added=tuple(org for org in newer.organisation_ids if org not in before),
        removed=tuple(org for org in older.organisation_ids if org not in after),
        renamed=tuple(
            (org, printed(older, org), printed(newer, org))
            for org in kept
            if printed(older, org) != printed(newer, org)
        ),
        moved=tuple((org, first(older, org), first(newer, org)) for org in _out_of_order(older, kept)),
    )


def _out_of_order(older: PublishedList, kept: list[str]) -> list[str]:
    """The organisations of ``kept`` (in the newer list's order) that are not part of the
    longest run the two lists keep in the same relative order: the fewest organisations
    that, moved, turn the older order into the newer one.

    Both orders hold the same organisations once each, so their longest common
    subsequence is the longest increasing subsequence of the older positions taken in
    the newer order (patience sorting, n log n)."""
    rank = {org: index for index, org in enumerate(dict.fromkeys(older.organisation_ids))}
    ranks = [rank[org] for org in kept]
    tails: list[int] = []  # tails[k]: where the smallest last rank of a run of length k+1 is
    smallest: list[int] = []  # and that rank
    previous: list[int | None] = [None] * len(ranks)
    for index, value in enumerate(ranks):
        length = bisect.bisect_left(smallest, value)
        previous[index] = tails[length - 1] if length else None
        if length == len(tails):
            tails.append(index)
            smallest.append(value)
        else:
            tails[length], smallest[length] = index, value
    in_order: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        in_order.add(at)
        at = previous[at]
    return [org for index, org in enumerate(kept) if index not in in_order]
