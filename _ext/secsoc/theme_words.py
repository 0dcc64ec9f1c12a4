"""Words the theme writes in English outside its templates, put in the page's language.

furo names each navigation toggle "Toggle navigation of <title>" in its Python
code (``furo/navigation.py``), where no catalog reaches it: every page with a
collapsible section carried an English accessible name.  The words come from our
catalog instead, set as the language sets them.
"""

from __future__ import annotations

import html
import re
from typing import Any

from sphinx.application import Sphinx

from . import state

_TOGGLE = re.compile(r'aria-label="Toggle navigation of ([^"]*)"')


def translate_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context`` handler, run after furo's (which builds the tree)."""
    tree = context.get("furo_navigation_tree")
    if not isinstance(tree, str) or "Toggle navigation of " not in tree:
        return
    build = state.of(app.env)
    template = build.translator.gettext("Afficher ou masquer les pages de la section « {title} »")

    def named(found: re.Match[str]) -> str:
        label = build.formatter.spaced(template.format(title=html.unescape(found[1])))
        return f'aria-label="{html.escape(label)}"'

    context["furo_navigation_tree"] = _TOGGLE.sub(named, tree)
