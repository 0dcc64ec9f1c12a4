"""Comparing the lists by organisation, and formatting numbers, without Sphinx."""

from __future__ import annotations

import dataclasses
import datetime

from conftest import ROOT
from secsoc.comparison import Duplicate, compare
from secsoc.formatting import Formatter
from secsoc.loader import load_dataset
from secsoc.model import Entry, PublishedList

DATASET, _ = load_dataset(ROOT / "data", ROOT)
MONITEUR = DATASET.lists["moniteur-2021-11-05"]
USS = DATASET.lists["uss-2022-12-17"]


def without(published: PublishedList, organisation: str) -> PublishedList:
    kept = tuple(entry for entry in published.entries if entry.organisation != organisation)
    return dataclasses.replace(published, entries=kept)


def with_entry(published: PublishedList, organisation: str) -> PublishedList:
    last = published.entries[-1]
    entry = dataclasses.replace(
        last, position=last.position + 1, printed=organisation, organisation=organisation
    )
    return dataclasses.replace(published, entries=(*published.entries, entry))


def test_the_published_lists_differ_by_paycover_only() -> None:
    result = compare(MONITEUR, USS)
    assert result.only_in_first == ("paycover",)
    assert result.only_in_second == ()
    assert result.duplicates_in_first == (Duplicate("partena", (8, 16)),)
    assert result.duplicates_in_second == ()
    (claim,) = result.claims
    assert claim.holder is USS
    assert claim.missing == ("paycover",)
    assert claim.holds


def test_spelling_does_not_matter_only_the_organisation() -> None:
    respelt = dataclasses.replace(
        USS, entries=tuple(dataclasses.replace(e, printed=e.printed.lower()) for e in USS.entries)
    )
    assert compare(MONITEUR, respelt).only_in_second == ()


def test_without_paycover_the_claim_no_longer_holds_as_stated() -> None:
    result = compare(without(MONITEUR, "paycover"), USS)
    assert result.only_in_first == ()
    (claim,) = result.claims
    assert not claim.holds
    assert claim.missing == ()


def test_a_second_outsider_breaks_the_claim() -> None:
    result = compare(with_entry(MONITEUR, "nouveau-secretariat"), USS)
    assert result.only_in_first == ("paycover", "nouveau-secretariat")
    assert not result.claims[0].holds


def test_a_member_missing_from_the_moniteur_list_is_found() -> None:
    result = compare(without(MONITEUR, "sodalis"), USS)
    assert result.only_in_second == ("sodalis",)


def test_entry_positions_are_published_order() -> None:
    assert [entry.position for entry in MONITEUR.entries] == list(range(1, 28))
    assert isinstance(MONITEUR.entries[0], Entry)


def test_numbers_follow_the_language() -> None:
    fr, nl = Formatter("fr"), Formatter("nl")
    assert fr.number(2814309) == "2\u202f814\u202f309"
    assert fr.share(0.74) == "74\u00a0%"
    assert nl.number(2814309) == "2.814.309"
    assert nl.share(0.74) == "74%"
    assert fr.date(datetime.date(2021, 11, 5)) == "5 novembre 2021"
    assert nl.date(datetime.date(2021, 11, 5)) == "5 november 2021"
    assert fr.join(["A", "B", "C"]) == "A, B et C"
    assert nl.join(["A", "B"]) == "A en B"
