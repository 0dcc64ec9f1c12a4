"""What a translation must keep of its French text, by kind of catalog.

* Sentence templates (``secsoc.po``, ``data.po``): exactly the French text's
  placeholders, in any order, each written ``{name}``; a plural form may leave
  out ``{count}`` only, where the language says the number in words ("één").
* Page messages (one catalog per page): the same structure once parsed as MyST
  parses it: the same blocks, roles (by name), links, bold, emphasis, code and
  footnote references, the same images and HTML exactly (MyST would pass HTML to
  the page as it is), and no markup that failed to parse (``** Artikel 44**``
  would show its asterisks).  A link may point elsewhere than the French one, to
  an ``http(s)://`` address or to one of the site's pages when the French text
  links within the site.
* The theme's words (``sphinx.po``): no HTML tag the English text does not have,
  and no ``"``, ``<``, ``>`` or ``&`` beyond the English text's (the theme writes
  its words into HTML attributes and text as they are).

Each refused message is reported at its line, naming its msgid, and left out: the
French (or English) text is shown for that message only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from ..data import placeholders
from ..data.model import is_web_address
from .pofile import PoFile, forms_of

_TAG = re.compile(r"</?([a-zA-Z][\w-]*)[^>]*>?")


def check_templates(po: PoFile) -> None:
    for message in list(po.usable()):
        sources, translated = forms_of(message.id), forms_of(message.string)
        problem = _placeholder_problem(sources, translated, plural=message.pluralizable)
        if problem:
            po.refuse(message, problem)


def _placeholder_problem(sources: tuple[str, ...], translated: tuple[str, ...], plural: bool) -> str | None:
    """What is wrong with a translation's placeholders; of a plural, which form
    (``msgstr[1]``), so that a translator finds the one to fix."""

    def form(index: int) -> str:
        return f"msgstr[{index}]: " if plural else ""

    for index, text in enumerate(translated):
        written = placeholders.formatted(text)
        if written:
            return (
                f"{form(index)}translation writes {written}; a placeholder is written {{name}} only, with no "
                "conversion, format, attribute or index"
            )
    try:
        wanted = frozenset[str]().union(*(placeholders.names(text) for text in sources))
    except ValueError:
        return "translation has unmatched braces { }"
    optional = frozenset({"count"} if plural else ())
    for index, text in enumerate(translated):
        try:
            names = placeholders.names(text)
        except ValueError:
            return f"{form(index)}translation has unmatched braces {{ }}"
        extra, missing = sorted(names - wanted), sorted(wanted - names - optional)
        if extra:
            return f"{form(index)}translation uses {{{extra[0]}}}, which the French text does not have"
        if missing:
            return f"{form(index)}translation leaves out {{{missing[0]}}}, which the French text fills in"
    return None


# -- page messages: the structure MyST gives them --------------------------------------


@cache
def markdown_parser() -> MarkdownIt:
    """The parser MyST builds with this project's settings (myst-parser's
    ``create_md_parser`` with no ``myst_enable_extensions``), from the same plain
    libraries, markdown-it-py and mdit-py-plugins (myst-parser's own requirements,
    pinned with it): MyST itself imports docutils, which this layer does not.
    ``tests/test_seams.py`` asserts both have the same rules.  Two differences, on
    purpose: every link is accepted, so that a ``javascript:`` target is named
    rather than shown as text, and escapes (``\\*``) and entities stay apart from
    the text, so that an escaped asterisk is not taken for a failed one."""
    md = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(myst_block_plugin)
        .use(myst_role_plugin)
        .use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
        .disable("text_join")
    )
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


@dataclass(frozen=True, slots=True)
class _Kind:
    """One kind of structural element, as a translator is told about it."""

    article: str  # "a"
    noun: str  # "link"
    many: str  # "links"
    written: str = ""  # "[text](address)"

    def count(self, number: int) -> str:
        if number == 0:
            return f"no {self.noun}"
        return f"{self.article} {self.noun}".lstrip() if number == 1 else f"{number} {self.many}"

    def described(self, number: int) -> str:
        return self.count(number) + (f" ({self.written})" if self.written else "")


_KINDS = {
    "link_open": _Kind("a", "link", "links", "[text](address)"),
    "image": _Kind("an", "image", "images", "![...](...)"),
    "strong_open": _Kind("a", "passage in bold", "passages in bold", "**text**"),
    "em_open": _Kind("a", "passage in italics", "passages in italics", "*text*"),
    "code_inline": _Kind("a", "code span", "code spans", "`text`"),
    "paragraph_open": _Kind("a", "paragraph", "paragraphs"),
    "heading_open": _Kind("a", "heading", "headings", "# ..."),
    "bullet_list_open": _Kind("a", "list", "lists", "- ..."),
    "ordered_list_open": _Kind("a", "numbered list", "numbered lists", "1. ..."),
    "blockquote_open": _Kind("a", "quotation", "quotations", "> ..."),
    "code_block": _Kind("a", "code block", "code blocks", "indented by 4 spaces"),
    "fence": _Kind("a", "code block", "code blocks", "```"),
    "hr": _Kind("a", "horizontal line", "horizontal lines", "---"),
    "table_open": _Kind("a", "table", "tables", "| ... |"),
    "front_matter": _Kind("a", "front matter", "front matters", "---"),
    "myst_target": _Kind("a", "target", "targets", "(name)="),
    "myst_line_comment": _Kind("a", "comment", "comments", "% ..."),
    "myst_block_break": _Kind("a", "block break", "block breaks", "+++"),
    "footnote_reference_open": _Kind("a", "footnote", "footnotes", "[^name]: ..."),
}
#: Parts of a block already counted.
_IMPLIED = frozenset(
    {"inline", "list_item_open", "thead_open", "tbody_open", "tr_open", "th_open", "td_open"}
)
_TEXT = frozenset({"text", "softbreak", "hardbreak", "text_special"})


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _kind(token: Token) -> tuple[str, _Kind] | None:
    """The structural element a token opens, keyed for comparison; None for text."""
    if token.nesting == -1 or token.type in _IMPLIED or token.type in _TEXT:
        return None
    if token.type == "myst_role":
        # What a role points at is not translated: an organisation's id, a page, a
        # label; only a title written before it, `Title <target>`, is.
        name = str(token.meta.get("name", ""))
        titled = re.fullmatch(r"(?s).*<([^<>]+)>\s*", token.content)
        target = (titled.group(1) if titled else token.content).strip()
        written = f"{{{name}}}`{target}`"
        return f"role {name} {target}", _Kind("a", f"role {written}", f"roles {written}", f"{{{name}}}`text`")
    if token.type in ("html_inline", "html_block"):
        html = _shorten(token.content)
        return f"html {token.content.strip()}", _Kind("", f"HTML {html}", f"times HTML {html}")
    if token.type == "footnote_ref":
        label = str(token.meta.get("label", ""))
        return f"footnote {label}", _Kind(
            "a", f"footnote reference [^{label}]", f"footnote references [^{label}]"
        )
    if token.type == "image":  # the same image: a translation shows no other
        return f"image {token.attrGet('src')}", _KINDS["image"]
    kind = _KINDS.get(token.type)
    if kind is None:  # a token of a MyST plugin not described above
        name = token.type.removesuffix("_open").replace("_", " ")
        kind = _Kind("a", name, name)
    return token.type, kind


def _tokens(text: str) -> Iterator[Token]:
    for block in markdown_parser().parse(text):
        yield block
        yield from block.children or ()


@dataclass
class _Structure:
    """A text as MyST parses it: its elements, link targets and literal text."""

    elements: Counter[str]
    kinds: dict[str, _Kind]
    order: list[str]
    targets: list[str]
    text: str

    @classmethod
    def of(cls, source: str) -> _Structure:
        elements: Counter[str] = Counter()
        kinds: dict[str, _Kind] = {}
        order: list[str] = []
        targets: list[str] = []
        text: list[str] = []
        for token in _tokens(source):
            if token.type == "text":
                text.append(token.content)
            elif token.type in ("softbreak", "hardbreak", "text_special"):
                text.append(" ")  # an escaped character is meant as written
            if token.type == "link_open":
                targets.append(str(token.attrGet("href") or ""))
            found = _kind(token)
            if found is not None:
                key, kind = found
                elements[key] += 1
                kinds.setdefault(key, kind)
                if key not in order:
                    order.append(key)
        # NUL (never in parsed text) between the pieces, so that no marker spans two.
        return cls(elements, kinds, order, targets, "\0".join(text))


#: Markers left as text where MyST did not recognise the markup: what is shown, the
#: rule.  Counted in this order, each removed before the next is counted.
_LEFTOVERS = (
    (
        re.compile(r"\*\*|__"),
        "bold is written **text**, both pairs of asterisks, with no space just inside them",
    ),
    (
        re.compile(r"\*|(?<![^\W_])_|_(?![^\W_])"),
        "emphasis is written *text*, both asterisks, with no space just inside them (\\* for an asterisk)",
    ),
    (
        re.compile(r"\{[\w:.+-]+\}"),
        "a role is written {name}`text`, with nothing between the } and the backquote",
    ),
    (re.compile(r"`"), "code is written `text` and a role {name}`text`, each backquote closed"),
    (
        re.compile(r"\]\s*\("),
        "a link is written [text](address), with no space between ] and ( nor in the address",
    ),
)


def _leftovers(text: str) -> list[list[str]]:
    found = []
    for pattern, _rule in _LEFTOVERS:
        found.append(pattern.findall(text))
        text = pattern.sub(" ", text)
    return found


def _relative(target: str) -> bool:
    """A link within the site: no scheme, no host, nothing a browser reads as one."""
    parts = urlsplit(target)
    return (
        bool(target)
        and not parts.scheme
        and not parts.netloc
        and not target.startswith(("//", "/\\"))
        and not any(c.isspace() or c == "\\" or ord(c) < 32 for c in target)
    )


def _markup_problem(original: _Structure, translated: _Structure) -> str | None:
    wanted, used = original.elements, translated.elements
    # Markup that did not parse, which the page would show as text.
    for shown, french, (_, rule) in zip(
        _leftovers(translated.text), _leftovers(original.text), _LEFTOVERS, strict=True
    ):
        if len(shown) > len(french):
            return f"the translation shows {shown[0]!r} as text: {rule}"
    # What the French text does not have (an image or HTML would reach the page).
    for key in translated.order:
        if used[key] > wanted[key]:
            if key.startswith("image "):
                images = [other for other in original.order if other.startswith("image ")]
                if images:
                    return (
                        f"the translation shows the image {key.removeprefix('image ')!r}; "
                        f"keep the French text's image {images[0].removeprefix('image ')!r}"
                    )
            has, kind = str(wanted[key]) if wanted[key] else "none", translated.kinds[key]
            return f"the translation has {kind.described(used[key])} where the French text has {has}"
    # Where the links go: the web, or the site's pages if the French text links to them.
    within_site = [target for target in original.targets if _relative(target)]
    for target in translated.targets:
        if is_web_address(target) or target in original.targets or (within_site and _relative(target)):
            continue
        problem = f"the link target {target!r} is not an http:// or https:// address"
        if within_site:
            problem += f" nor a page of the site (as the French text's {within_site[0]!r})"
        return problem
    # What the translation leaves out.
    for key in original.order:
        if used[key] < wanted[key]:
            kind = original.kinds[key]
            return (
                f"the translation has {kind.described(used[key])} where the French text has "
                f"{wanted[key]}; keep the French text's roles, links, bold and emphasis"
            )
    return None


def check_markup(po: PoFile) -> None:
    for message in list(po.usable()):
        original = _Structure.of(forms_of(message.id)[0])
        for form in forms_of(message.string):
            problem = _markup_problem(original, _Structure.of(form))
            if problem:
                po.refuse(message, problem)
                break


# -- the theme's words: written into the page's HTML as they are -----------------------

_TAG = re.compile(r"<[^<>]*>")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")
#: What ends an attribute's value or starts markup where the theme writes its words.
_HTML_SPECIAL = {
    '"': "ends the HTML attribute the theme writes the words into; use “ ” instead",
    "<": "starts an HTML tag where the theme writes the words",
    ">": "ends an HTML tag where the theme writes the words",
    "&": "starts an HTML entity where the theme writes the words",
}


def _theme_problem(source: str, form: str) -> str | None:
    allowed = Counter(_TAG.findall(source))
    names = {match.group(1).lower() for match in map(_TAG_NAME.match, allowed) if match}
    text = form
    for tag in _TAG.findall(form):
        name = _TAG_NAME.match(tag)
        if allowed[tag]:
            allowed[tag] -= 1
            text = text.replace(tag, "", 1)
        elif name and name.group(1).lower() in names:
            return f"the translation writes the English text's HTML otherwise: {_shorten(tag)}; keep its tags"
        elif name:
            return f"the translation adds HTML <{name.group(1).lower()}>, which the theme would show as is"
    english = _TAG.sub("", source)
    for character, why in _HTML_SPECIAL.items():
        if text.count(character) > english.count(character):
            return f"the translation adds {character!r}, which the English text does not have: it {why}"
    return None


def check_theme(po: PoFile) -> None:
    for message in list(po.usable()):
        source = " ".join(forms_of(message.id))
        for form in forms_of(message.string):
            problem = _theme_problem(source, form)
            if problem:
                po.refuse(message, problem)
                break
