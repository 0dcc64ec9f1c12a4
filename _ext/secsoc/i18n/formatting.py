"""Numbers, shares, dates and lists written the way the reader's language writes them.

Babel carries CLDR's rules (French groups digits with narrow no-break spaces and
puts a no-break space before %; Dutch uses dots and no space), so none of that
is written by hand here.
"""

from __future__ import annotations

import datetime
import re

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

NARROW = "\u202f"
_BEFORE = re.compile(r"[ \u00a0]+([;:!?»])")
_AFTER = re.compile(r"(«)[ \u00a0]+")
_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))")  # "5 000" as typed


def french_spacing(text: str) -> str:
    """``"Source : « x »"`` -> ``"Source\\u202f: «\\u202fx\\u202f»"``."""
    spaced = _AFTER.sub(rf"\1{NARROW}", _BEFORE.sub(rf"{NARROW}\1", text))
    return _THOUSANDS.sub(NARROW, spaced)


class Formatter:
    def __init__(self, language: str, territory: str = "BE", locale: str | None = None) -> None:
        """The formats of ``locale`` if given (English for readers abroad writes
        2,814,309, where Belgian English writes 2.814.309), else of the language in the
        territory, else of the language."""
        try:
            self.locale = Locale.parse(locale or f"{language}_{territory}")
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

    def spaced(self, text: str) -> str:
        """Text as the language sets it: French spacing in French (see transforms.py,
        which does the same for the pages' text), nothing changed in Dutch."""
        return french_spacing(text) if self.locale.language == "fr" else text

    def join(self, items: list[str]) -> str:
        """``["A", "B", "C"]`` -> "A, B et C" in French, "A, B en C" in Dutch."""
        return format_list(items, locale=self.locale)
