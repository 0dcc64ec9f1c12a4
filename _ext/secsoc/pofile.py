"""Reading one ``.po`` catalog, with every reason it cannot be read located at its line.

Babel reads catalogs but says where only for some mistakes: a byte that is not in
the declared charset, an unknown charset or a broken header come out at line 1 or
as an exception of another kind.  Every catalog of the build's language goes
through here, the pages' catalogs included, so that a translator is sent to the
line to fix; Sphinx's own unlocated "reading error" is then redundant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

_CHARSET = re.compile(rb'^"Content-Type:.*charset=([^\s\\";]+)', re.MULTILINE)


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    path: Path
    line: int
    message: str


class CatalogError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def header_line(path: Path, field: str) -> int:
    """The line of a header field, where a translator fixes it."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream, 1):
            if line.startswith(b'"' + field.encode("ascii") + b":"):
                return number
    return 1


def read_catalog(path: Path) -> Catalog:
    """The catalog in ``path``; :class:`CatalogError` with a line if it cannot be read."""
    raw = path.read_bytes()
    declared = _CHARSET.search(raw)
    charset = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
    try:
        text = raw.decode(charset)
    except LookupError:
        line = header_line(path, "Content-Type")
        raise CatalogError(line, f"unreadable catalog: unknown charset {charset!r}") from None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise CatalogError(
            line,
            f"unreadable catalog: byte 0x{raw[err.start]:02x} is not {charset} (save the file as {charset})",
        ) from None
    try:
        return read_po(text.splitlines(keepends=True), locale=None, abort_invalid=True)
    except PoFileError as err:
        raise CatalogError(getattr(err, "lineno", 1) or 1, f"unreadable catalog: {err}") from None
    except (ValueError, LookupError, AttributeError, TypeError, IndexError) as err:
        # Babel raises these on some broken headers, without a line.
        raise CatalogError(header_line(path, "Content-Type"), f"unreadable catalog: {err}") from None


def unreadable(paths: Iterable[Path]) -> list[CatalogProblem]:
    """The catalogs among ``paths`` that cannot be read, each at its line."""
    problems = []
    for path in paths:
        try:
            read_catalog(path)
        except CatalogError as err:
            problems.append(CatalogProblem(path, err.line, err.message))
    return problems
