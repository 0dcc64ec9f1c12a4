"""Comparing two lists by organisation, and formatting numbers, without Sphinx."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from projects import FORMAT_LOCALES
from secsoc.data.comparison import Duplicate, compare
from secsoc.data.loader import load_dataset
from secsoc.data.model import PublishedList
from secsoc.i18n.formatting import Formatter


@pytest.fixture
def lists(secsoc_root: Path) -> tuple[PublishedList, PublishedList]:
    dataset, problems = load_dataset(secsoc_root / "data", secsoc_root)
    assert problems == []
    return dataset.lists["official-2030-11-05"], dataset.lists["members-2031-01-10"]


def without(published: PublishedList, organisation: str) -> PublishedList:
    kept = tuple(entry for entry in published.entries if entry.organisation != organisation)
    return dataclasses.replace(published, entries=kept)


def with_entry(published: PublishedList, organisation: str) -> PublishedList:
    last = published.entries[-1]
    entry = dataclasses.replace(
        last, position=last.position + 1, printed=organisation, organisation=organisation
    )
    return dataclasses.replace(published, entries=(*published.entries, entry))


def test_by_organisation_with_duplicates_and_a_claim(lists: tuple[PublishedList, PublishedList]) -> None:
    official, members = lists
    result = compare(official, members)
    assert result.only_in_first == ("omega",)
    assert result.only_in_second == ()
    assert result.duplicates_in_first == (Duplicate("alpha", (1, 4)),)
    assert result.duplicates_in_second == ()
    (claim,) = result.claims
    assert claim.holder is members
    assert claim.missing == ("omega",)
    assert claim.holds


def test_spelling_does_not_matter_only_the_organisation(lists: tuple[PublishedList, PublishedList]) -> None:
    official, members = lists
    respelt = dataclasses.replace(
        members, entries=tuple(dataclasses.replace(e, printed=e.printed.lower()) for e in members.entries)
    )
    assert compare(official, respelt).only_in_second == ()


def test_with_no_outsider_the_claim_no_longer_holds_as_stated(
    lists: tuple[PublishedList, PublishedList],
) -> None:
    official, members = lists
    result = compare(without(official, "omega"), members)
    assert result.only_in_first == ()
    (claim,) = result.claims
    assert not claim.holds
    assert claim.missing == ()


def test_a_second_outsider_breaks_the_claim(lists: tuple[PublishedList, PublishedList]) -> None:
    official, members = lists
    result = compare(with_entry(official, "delta"), members)
    assert result.only_in_first == ("omega", "delta")
    assert not result.claims[0].holds


def test_a_member_missing_from_the_official_list_is_found(lists: tuple[PublishedList, PublishedList]) -> None:
    official, members = lists
    assert compare(without(official, "beta"), members).only_in_second == ("beta",)


def test_numbers_and_dates_follow_the_language() -> None:
    fr, nl = Formatter("fr"), Formatter("nl")
    assert fr.number(2814309) == "2\u202f814\u202f309"
    assert fr.share(0.74) == "74\u00a0%"
    assert nl.number(2814309) == "2.814.309"
    assert nl.share(0.74) == "74%"
    assert fr.date(datetime.date(2021, 11, 5)) == "5 novembre 2021"
    assert nl.date(datetime.date(2021, 11, 5)) == "5 november 2021"
    assert fr.join(["A", "B", "C"]) == "A, B et C"
    assert nl.join(["A", "B"]) == "A en B"


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("de", ("2.814.309", "74\u00a0%", "5. November 2021", "A, B und C")),
        # English for readers abroad (conf.py: en_150), not Belgian English's 2.814.309
        ("en", ("2,814,309", "74%", "5 November 2021", "A, B and C")),
    ],
)
def test_each_edition_writes_numbers_and_dates_as_its_readers_do(
    language: str, written: tuple[str, ...]
) -> None:
    fmt = Formatter(language, locale=FORMAT_LOCALES.get(language))
    day = datetime.date(2021, 11, 5)
    assert (fmt.number(2814309), fmt.share(0.74), fmt.date(day), fmt.join(["A", "B", "C"])) == written
