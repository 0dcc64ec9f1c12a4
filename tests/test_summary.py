"""The summary at the top of a page (``secsoc-summary``), on the test root: what it says,
how it follows the build's date, and its mistakes located at the page."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import BuildRoot
from projects import Built, append, edit
from reading import found, names, numbers, paragraphs, text
from secsoc.data.comparison import compare
from secsoc.data.loader import load_dataset
from secsoc.i18n.formatting import Formatter
from test_builds import reread

PAGE = """# Résumé

```{secsoc-summary} official members
:published-yearly: official-2030
```
"""
LISTED = datetime.date(2030, 11, 5)  # the date of the test root's newest "official" list


def epoch(day: datetime.date) -> str:
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))


def with_summary(root: Path, page: str = PAGE) -> Path:
    (root / "summary.md").write_text(page, "utf-8")
    append(root / "index.md", "")
    edit(root / "index.md", "other\n```", "other\nsummary\n```")
    return root


def summary(site: Built) -> list[str]:
    return paragraphs(found(site.main("summary").find(class_="secsoc-summary")))


@pytest.mark.parametrize("language", ["fr", "nl"])  # the test root's editions
def test_the_summary_counts_both_lists_and_names_who_is_not_in_the_second(
    build: BuildRoot, secsoc_root: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(LISTED + datetime.timedelta(days=30)))
    site = build(with_summary(secsoc_root), language)
    assert site.warnings == ""
    dataset, _ = load_dataset(secsoc_root / "data", secsoc_root)
    first, second = (dataset.lists[dataset.latest(series) or ""] for series in ("official", "members"))
    fmt = Formatter(language)
    block = found(site.main("summary").find(class_="secsoc-summary"))
    counted = block.select(":scope > p:not([class])")
    dates = [fmt.date(LISTED), fmt.date(datetime.date(2031, 1, 10))]
    assert [numbers(text(p), *dates) for p in counted] == [
        [fmt.number(len(first.organisation_ids))],
        [fmt.number(len(second.organisation_ids))],
    ]
    assert [day in text(p) for p, day in zip(counted, dates, strict=True)] == [True, True]
    absent = found(block.select_one(".secsoc-absent"))
    assert names(absent) == [dataset.organisations[key].name for key in compare(first, second).only_in_first]
    assert not block.select(".secsoc-stale")  # a month old: nothing said about its age


def test_a_list_over_a_year_old_is_said_to_be_probably_out_of_date_from_that_day_on(
    build: BuildRoot, secsoc_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_summary(secsoc_root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(LISTED + datetime.timedelta(days=365)))
    site = build(secsoc_root)
    assert not found(site.main("summary").find(class_="secsoc-summary")).select(".secsoc-stale")
    # the next day, nothing changed in the sources: the page is read again and says so
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(LISTED + datetime.timedelta(days=367)))
    site = build(secsoc_root)
    block = found(site.main("summary").find(class_="secsoc-summary"))
    stale = found(block.select_one(".secsoc-stale"))
    assert "probablement" in text(stale)
    # with the source that says the list is published every year, cited after it
    assert "secsoc-citation" in found(stale.find_next_sibling("p")).get_attribute_list("class")
    assert reread(site) == ["summary"]  # that page only


def test_without_a_source_for_the_yearly_publication_the_summary_does_not_guess(
    build: BuildRoot, secsoc_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(LISTED + datetime.timedelta(days=800)))
    site = build(with_summary(secsoc_root, PAGE.replace(":published-yearly: official-2030\n", "")))
    stale = found(site.main("summary").find(class_="secsoc-summary")).select_one(".secsoc-stale")
    assert "probablement" not in text(found(stale)) and "a pu" in text(found(stale))


@pytest.mark.parametrize(
    ("directive", "said"),
    [
        ("```{secsoc-summary} official nobody\n```", "secsoc-summary: unknown list 'nobody'"),
        (
            "```{secsoc-summary} official members\n:published-yearly: offical-2030\n```",
            "secsoc-summary: unknown source 'offical-2030'; did you mean 'official-2030'?",
        ),
    ],
)
def test_a_mistake_in_the_summary_is_reported_at_its_line(
    build: BuildRoot, secsoc_root: Path, directive: str, said: str
) -> None:
    site = build(with_summary(secsoc_root, f"# Résumé\n\nTexte.\n\n{directive}\n"))
    assert f"summary.md:5: WARNING: {said}" in site.warnings
    assert not site.main("summary").find(class_="secsoc-summary")
