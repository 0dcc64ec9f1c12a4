"""What a translation must keep of its French text, by kind of catalog.

* Sentence templates (``secsoc.po``, ``data.po``): exactly the French text's
  placeholders, in any order, each written ``{name}``; a plural form may leave
  out ``{count}`` only, where the language says the number in words ("één").
* Page messages (one catalog per page): the same MyST roles, links, bold and
  emphasis, and no HTML the French text does not have (MyST would pass it through
  to the page as it is).
* The theme's words (``sphinx.po``): no HTML tag the English text does not have.

Each refused message is reported at its line, naming its msgid, and left out: the
French (or English) text is shown for that message only.
"""

from __future__ import annotations

import re
from collections import Counter

from ..data import placeholders
from .pofile import PoFile, forms_of

_ROLE = re.compile(r"\{([\w:.-]+)\}`")
_LINK = re.compile(r"\]\(|<https?://")
_STRONG = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?!\*)|(?<![_\w])_(?!_)")
_TAG = re.compile(r"</?([a-zA-Z][\w-]*)")


def check_templates(po: PoFile) -> None:
    for message in list(po.usable()):
        sources, translated = forms_of(message.id), forms_of(message.string)
        problem = _placeholder_problem(sources, translated, plural=message.pluralizable)
        if problem:
            po.refuse(message, problem)


def _placeholder_problem(sources: tuple[str, ...], translated: tuple[str, ...], plural: bool) -> str | None:
    for form in translated:
        written = placeholders.formatted(form)
        if written:
            return (
                f"translation writes {written}; a placeholder is written {{name}} only, with no "
                "conversion, format, attribute or index"
            )
    try:
        wanted = frozenset[str]().union(*(placeholders.names(text) for text in sources))
        used = [placeholders.names(form) for form in translated]
    except ValueError:
        return "translation has unmatched braces { }"
    optional = frozenset({"count"} if plural else ())
    for names in used:
        extra = names - wanted
        if extra:
            return f"translation uses {{{sorted(extra)[0]}}}, which the French text does not have"
        missing = wanted - names - optional
        if missing:
            return f"translation leaves out {{{sorted(missing)[0]}}}, which the French text fills in"
    return None


def _markup(text: str) -> Counter[str]:
    without_roles = _ROLE.sub("", text)
    found: Counter[str] = Counter(f"role {{{name}}}" for name in _ROLE.findall(text))
    found["link"] = len(_LINK.findall(text))
    found["bold (**)"] = len(_STRONG.findall(without_roles))
    found["emphasis (*)"] = len(_EMPHASIS.findall(_STRONG.sub("", without_roles)))
    found.update(f"HTML <{tag.lower()}>" for tag in _TAG.findall(text))
    return +found  # drop the zero counts


def check_markup(po: PoFile) -> None:
    for message in list(po.usable()):
        original = _markup(forms_of(message.id)[0])
        for form in forms_of(message.string):
            translated = _markup(form)
            if translated != original:
                what = sorted(kind for kind in original | translated if original[kind] != translated[kind])[0]
                po.refuse(
                    message,
                    f"the translation has {translated[what]} {what} where the French text has "
                    f"{original[what]}; keep the roles, links, bold and emphasis of the French text",
                )
                break


def check_theme(po: PoFile) -> None:
    for message in list(po.usable()):
        allowed = Counter(tag.lower() for tag in _TAG.findall(" ".join(forms_of(message.id))))
        for form in forms_of(message.string):
            added = Counter(tag.lower() for tag in _TAG.findall(form)) - allowed
            if added:
                po.refuse(
                    message,
                    f"the translation adds HTML <{sorted(added)[0]}>, which the theme would show as is",
                )
                break
