"""The ``{name}`` placeholders of a sentence template, the one way they are read.

Templates are the extension's sentences (``secsoc.po``) and the data's figure
statements (``data.po``); a translation may reorder their placeholders, and a
placeholder is written ``{name}`` only: no conversion, format, attribute or index,
which would crash the build or print something else than the number.
"""

from __future__ import annotations

import string


def names(template: str) -> frozenset[str]:
    """The placeholder names; :class:`ValueError` if the braces do not match."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)


def formatted(template: str) -> str | None:
    """The first placeholder written with more than its name (``{page:d}``, ``{a.b}``, ``{}``)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None  # unmatched braces are reported by whoever calls names()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            return "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
    return None
