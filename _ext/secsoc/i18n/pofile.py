"""Reading one ``.po`` catalog, with every mistake located at its line.

Babel reads catalogs but says where only for some mistakes, and lets others pass
in silence: a byte that is not in the declared charset, an unknown charset or a
broken header come out at line 1 or as an exception of another kind; an unclosed
quote loses the last character of the line; a second ``msgid`` with the same text
replaces the first; a plural with fewer forms than the header's ``nplurals`` gets
empty ones.  Every catalog of the build's language goes through here, the pages'
catalogs included, so that a translator is sent to the line to fix, and the
faulty messages alone are left out (the French text is shown for them).
"""

from __future__ import annotations

import codecs
import inspect
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, PoFileParser

_CHARSET = re.compile(rb'^"Content-Type:.*charset=([^\s\\";]+)', re.MULTILINE)
# A PO string: a quote, then characters or escapes, then the closing quote.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    path: Path
    line: int
    message: str


class CatalogError(Exception):
    """A catalog that cannot be read at all, with where."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


@dataclass
class PoFile:
    """A catalog, its problems, and the messages left out because of them."""

    path: Path
    catalog: Catalog
    problems: list[CatalogProblem] = field(default_factory=list)
    excluded: set[tuple[str, str | None]] = field(default_factory=set)

    def refuse(self, message: Message, problem: str) -> None:
        """Report ``problem`` at the message, and leave the message out."""
        self.problems.append(CatalogProblem(self.path, message.lineno or 1, f"{_quoted(message)}: {problem}"))
        self.excluded.add(key(message))

    def usable(self) -> Iterable[Message]:
        """The translated messages that can be used: not fuzzy, not blank, not refused."""
        for message in self.catalog:
            if message.id and not message.fuzzy and translated(message) and key(message) not in self.excluded:
                yield message


def translated(message: Message) -> bool:
    """Every form of the translation written: a form of spaces only is not a translation
    (it would show a blank heading), so the French text is shown instead."""
    forms = forms_of(message.string)
    return bool(forms) and all(form.strip() for form in forms)


def key(message: Message) -> tuple[str, str | None]:
    return forms_of(message.id)[0], message.context


def forms_of(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's text as a tuple: one form, or its plural forms."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _quoted(message: Message) -> str:
    text = forms_of(message.id)[0]
    return "msgid " + repr(text if len(text) <= 60 else text[:59] + "…")


def header_line(path: Path, name: str) -> int:
    """The line of a header field, where a translator fixes it."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream, 1):
            if line.startswith(b'"' + name.encode("ascii") + b":"):
                return number
    return 1


def _babel_hooks() -> bool:
    """Whether Babel's parser has the private hooks :class:`_LocatingParser` extends,
    as Babel 2.18 has them: two methods with these parameters, and the parser's
    ``offset``, ``messages``, ``context`` and ``obsolete`` (its message being read).
    Another Babel may change them without notice; then the catalogs are read by
    Babel alone, and unclosed quotes and repeated msgids go unlocated, not wrong."""
    try:
        process = list(inspect.signature(PoFileParser._process_message_line).parameters)
        add = list(inspect.signature(PoFileParser._add_message).parameters)
        state = vars(PoFileParser(Catalog()))
    except (AttributeError, TypeError, ValueError):
        return False
    return (
        process == ["self", "lineno", "line", "obsolete"]
        and add == ["self"]
        and {"offset", "messages", "context", "obsolete"} <= state.keys()
    )


#: Checked once; a contract test asserts it holds for the pinned Babel.
BABEL_HOOKS = _babel_hooks()


class _LocatingParser(PoFileParser):
    """Babel's parser, noting what it would otherwise let pass (see :func:`_babel_hooks`)."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog, abort_invalid=True)
        self.unclosed: list[int] = []  # lines, 1-based
        self.seen: dict[tuple[str, str | None, bool], int] = {}
        self.duplicates: list[tuple[str, int, int]] = []  # msgid, line, first line
        self.line = 0  # the line being read, 1-based; 0 before any

    def _process_message_line(self, lineno: int, line: str, obsolete: bool = False) -> None:
        self.line = lineno + 1
        start = line.find('"')
        # An obsolete entry (#~) is never used: a mistake in it is left alone.
        if BABEL_HOOKS and not obsolete and start >= 0 and not _STRING.fullmatch(line[start:].rstrip()):
            self.unclosed.append(lineno + 1)
        super()._process_message_line(lineno, line, obsolete)

    def _add_message(self) -> None:
        if BABEL_HOOKS:
            msgid = self.messages[0].denormalize()
            context = self.context.denormalize() if self.context else None
            where = (msgid, context, self.obsolete)
            line = self.offset + 1
            if where in self.seen and msgid:
                self.duplicates.append((msgid, line, self.seen[where]))
            self.seen.setdefault(where, line)
        super()._add_message()


def read_catalog(path: Path) -> PoFile:
    """The catalog in ``path`` with its problems; :class:`CatalogError` if unreadable."""
    raw = path.read_bytes().removeprefix(codecs.BOM_UTF8)  # a byte order mark is accepted
    declared = _CHARSET.search(raw)
    charset = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
    if charset.replace("_", "-").lower() not in ("utf-8", "utf8"):
        # Every tool of ours and of the translators' reads and writes UTF-8; a catalog
        # that says otherwise was saved by mistake, or would be read wrongly.
        line = header_line(path, "Content-Type")
        raise CatalogError(
            line,
            f"unreadable catalog: it declares the charset {charset!r}; catalogs are UTF-8: "
            "save the file as UTF-8 and write charset=UTF-8",
        )
    try:
        text = raw.decode(charset)
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        byte = f"0x{raw[err.start]:02x}"
        raise CatalogError(
            line, f"unreadable catalog: byte {byte} is not {charset}; save it as {charset}"
        ) from None
    except (LookupError, ValueError):  # ValueError: a name Python refuses (a NUL in it)
        line = header_line(path, "Content-Type")
        raise CatalogError(line, f"unreadable catalog: unknown charset {charset!r}") from None
    catalog = Catalog(locale=None, charset=charset)
    parser = _LocatingParser(catalog)
    try:
        # Lines as editors count them: str.splitlines() would also break at a form
        # feed or U+2028, and every later line number would be off.
        parser.parse(text.replace("\r\n", "\n").split("\n"))
    except PoFileError as err:
        raise CatalogError((getattr(err, "lineno", 0) or 0) + 1, f"unreadable catalog: {err}") from None
    except (ValueError, LookupError, AttributeError, TypeError, IndexError) as err:
        # Babel raises these without a line: at the line it was reading, when known
        # (a plural index such as msgstr[x]), else at the header.
        line = parser.line or header_line(path, "Content-Type")
        raise CatalogError(line, f"unreadable catalog: {err}") from None
    if catalog.charset.replace("_", "-").lower() not in ("utf-8", "utf8"):
        # The header as Babel read it (a charset line run on into the next one).
        raise CatalogError(
            header_line(path, "Content-Type"),
            f"unreadable catalog: its Content-Type header reads as charset {catalog.charset!r}; "
            'write "Content-Type: text/plain; charset=UTF-8\\n"',
        )
    po = PoFile(path, catalog)
    by_line = sorted((message.lineno or 0, message) for message in catalog)
    for line in parser.unclosed:
        message = _message_at(by_line, line)
        if message is None or not message.id:
            po.problems.append(CatalogProblem(path, line, 'unclosed quote: a line ends without its "'))
        else:
            po.refuse(message, f'unclosed quote at line {line}: a line ends without its "')
    for msgid, line, first in parser.duplicates:
        po.problems.append(
            CatalogProblem(path, line, f"msgid {msgid!r} is also at line {first}; keep one of the two")
        )
        po.excluded.add((msgid, None))
    for message in catalog:
        forms = forms_of(message.string)
        written = [form for form in forms if form.strip()]
        if message.pluralizable and written and len(written) < len(forms) and not message.fuzzy:
            given = len(written)
            po.refuse(
                message, f"{given} plural form(s) for nplurals={catalog.num_plurals} (Plural-Forms header)"
            )
    return po


def _message_at(by_line: list[tuple[int, Message]], line: int) -> Message | None:
    """The message whose text is on ``line``: the last one starting at or before it."""
    found = None
    for start, message in by_line:
        if start > line:
            break
        found = message
    return found


def write_catalog_mo(po: PoFile, target: Path, notes: Mapping[tuple[str, str], str] | None = None) -> None:
    """Compile the usable messages, so Sphinx finds the catalog up to date and shows
    the French text for the refused ones; ``notes``, ``(context, id): text``, are
    messages of our own (a context no page message has).  Written only when its
    content changes: Sphinx re-reads every page whose ``.mo`` is newer."""
    usable = Catalog(locale=None, charset="utf-8")
    usable.mime_headers = po.catalog.mime_headers
    for message in po.usable():
        usable[message.id] = Message(message.id, message.string, context=message.context)
    for (context, key), text in (notes or {}).items():
        usable[key] = Message(key, text, context=context)
    stream = io.BytesIO()
    write_mo(stream, usable)
    compiled = stream.getvalue()
    if not target.is_file() or target.read_bytes() != compiled:
        target.write_bytes(compiled)
    elif target.stat().st_mtime < po.path.stat().st_mtime:
        target.touch()  # same content: only tell Sphinx it is up to date
