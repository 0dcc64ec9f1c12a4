"""Numbers, shares, dates and lists written the way the reader's language writes them.

Babel carries CLDR's rules (French groups digits with narrow no-break spaces and
puts a no-break space before %; Dutch uses dots and no space), so none of that
is written by hand here.
"""

from __future__ import annotations

import datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent


class Formatter:
    def __init__(self, language: str, territory: str = "BE") -> None:
        try:
            self.locale = Locale.parse(f"{language}_{territory}")
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse(language)
        self._numbers: dict[int, str] = {}

    def number(self, value: int) -> str:
        # Positions repeat on every page that shows a list: format each one once.
        if value not in self._numbers:
            self._numbers[value] = format_decimal(value, locale=self.locale)
        return self._numbers[value]

    def share(self, value: float) -> str:
        return format_percent(value, locale=self.locale)

    def date(self, value: datetime.date) -> str:
        written = format_date(value, format="long", locale=self.locale)
        if self.locale.language == "fr" and value.day == 1:
            written = "1er" + written[1:]  # French writes the first of a month as an ordinal
        return written

    def join(self, items: list[str]) -> str:
        """``["A", "B", "C"]`` -> "A, B et C" in French, "A, B en C" in Dutch."""
        return format_list(items, locale=self.locale)
