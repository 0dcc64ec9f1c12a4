"""How old the newest list is, against the day the site is built.

The Moniteur belge publishes the list every year (the social security portal says
so), so a list more than a year older than the build is probably no longer the
newest published: the summary says so.  The build date follows the
reproducible-builds convention (``SOURCE_DATE_EPOCH``), as Sphinx's own dates do,
so that a build can be repeated byte for byte and tested on any day.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping


def build_date(environ: Mapping[str, str] = os.environ) -> datetime.date:
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.lstrip("-").isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def a_year_after(day: datetime.date) -> datetime.date:
    """The same day a year later (28 February after a 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def is_stale(listed: datetime.date, today: datetime.date) -> bool:
    """More than a year older than ``today``: a newer edition has probably been published."""
    return today > a_year_after(listed)
