"""The extension's settings (``secsoc_*`` in ``conf.py``), declared and checked once.

Checked at ``config-inited``, before anything reads data or writes a file: a
setting the extension cannot use gets one ``[secsoc.config]`` warning naming it,
and the build goes on with its default, so one mistake never becomes a traceback
or a file written where it must not be.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from babel import Locale, UnknownLocaleError
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .data.model import is_web_address
from .i18n.translation import Translator
from .warning_types import SecsocWarning, warn

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).parent

_FOLDER_PART = re.compile(r"[A-Za-z0-9_-]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


@cache
def _territories() -> frozenset[str]:
    """The territories whose formats Babel has (two capital letters; not its regions,
    "150"); read when a territory is checked, not at every build's start."""
    return frozenset(
        code
        for code in map(str, Locale("en").territories)
        if re.fullmatch(r"[A-Z]{2}", code) and code not in ("EU", "EZ", "QO", "UN", "XA", "XB", "ZZ")
    )


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    rebuild: str
    type_: type[Any]
    help: str


SETTINGS = (
    Setting("secsoc_data_dir", "data", "env", str, "the data directory, relative to conf.py"),
    Setting("secsoc_territory", "BE", "env", str, "the territory whose number formats are used"),
    Setting(
        "secsoc_organisation_pages",
        "",
        "env",
        str,
        "the folder (under the source directory) where each organisation's page is generated; '' for none",
    ),
    Setting("secsoc_translated_settings", [], "env", list, "settings whose text is translated per language"),
    Setting("secsoc_theme_packages", [], "", list, "Python packages whose templates hold words to translate"),
    Setting("secsoc_languages", {"fr": "Français", "nl": "Nederlands"}, "html", dict, "the editions"),
    Setting(
        "secsoc_format_locales",
        {},
        "env",
        dict,
        "per language, the locale whose number and date formats an edition uses instead of "
        "<language>_<territory> (English readers abroad: {'en': 'en_150'})",
    ),
)


def add_settings(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(
            setting.name,
            setting.default,
            setting.rebuild,  # type: ignore[arg-type]
            types=frozenset({setting.type_}),
            description=setting.help,
        )


def _problem(config: Config, setting: Setting) -> str | None:
    """Why a setting cannot be used, if it cannot."""
    name = setting.name
    value: Any = config[name]
    if not isinstance(value, setting.type_):
        return f"{value!r} is {type(value).__name__}, not {setting.type_.__name__}"
    if name == "secsoc_territory" and value != setting.default and value not in _territories():
        return f"{value!r} is not a territory code such as 'BE' (ISO 3166, as Babel knows them)"
    if name == "secsoc_organisation_pages" and value.strip("/"):
        parts = PurePosixPath(value.strip("/")).parts
        if not parts or not all(_FOLDER_PART.fullmatch(part) for part in parts):
            return (
                f"{value!r} is not a folder name made of letters, digits, '-' and '_' "
                "(the pages are generated there, under the source directory)"
            )
    if name == "secsoc_translated_settings":
        unusable = [
            item
            for item in value
            if not (isinstance(item, str) and item in config and isinstance(config[item], str))
        ]
        if unusable:
            return f"{unusable!r}: not the names of settings holding text"
    if name == "secsoc_languages" and not all(
        isinstance(code, str) and _LANGUAGE.fullmatch(code) and isinstance(label, str) and label
        for code, label in value.items()
    ):
        return "expected language codes mapped to each language's own name, such as {'fr': 'Français'}"
    if name == "secsoc_format_locales":
        unknown = [f"{code}: {locale!r}" for code, locale in value.items() if not _is_locale(locale)]
        if unknown:
            return f"{', '.join(unknown)}: not a locale Babel has, such as 'en_150'"
    return None


def _is_locale(name: object) -> bool:
    try:
        return isinstance(name, str) and Locale.parse(name) is not None
    except (ValueError, TypeError, UnknownLocaleError):
        return False


def _line_of(conf_py: Path, name: str) -> str | None:
    """Where ``conf.py`` sets ``name``, as ``path:line``; None when it is set elsewhere (-D)."""
    try:
        lines = conf_py.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    assignment = re.compile(rf"{name}\s*(:[^=]*)?=")
    found = [number for number, line in enumerate(lines, 1) if assignment.match(line)]
    return f"{conf_py}:{found[-1]}" if found else None


def check(app: Sphinx, config: Config) -> None:
    """``config-inited`` handler: each unusable setting reported, its default used."""
    for setting in SETTINGS:
        problem = _problem(config, setting)
        if problem is not None:
            message = f"{setting.name}: {problem}; using {setting.default!r}"
            warn(logger, SecsocWarning.CONFIG, message, _line_of(Path(app.confdir, "conf.py"), setting.name))
            config[setting.name] = setting.default
    if config.language not in config.secsoc_languages:
        message = (
            f"language {config.language!r} is not an edition of secsoc_languages "
            f"({', '.join(config.secsoc_languages)}): its pages link to no other edition, and none to it"
        )
        warn(
            logger, SecsocWarning.CONFIG, message, _line_of(Path(app.confdir, "conf.py"), "secsoc_languages")
        )
    # Sphinx writes html_baseurl into every page's canonical link (conf.py takes it from
    # READTHEDOCS_CANONICAL_URL): it passes the same check as every other address.
    baseurl = config.html_baseurl if "html_baseurl" in config else ""
    if baseurl and not is_web_address(baseurl):
        message = (
            f"html_baseurl: {baseurl!r} is not an http:// or https:// address; no canonical link is written"
        )
        warn(logger, SecsocWarning.CONFIG, message, _line_of(Path(app.confdir, "conf.py"), "html_baseurl"))
        config.html_baseurl = ""


def configure(app: Sphinx, config: Config) -> None:
    """``config-inited`` handler: our templates, static files and translated settings."""
    # New lists: the defaults are shared objects, which appending would change for
    # every later application in the same process.
    config.templates_path = [*config.templates_path, str(PACKAGE / "templates")]
    if config.html_theme == "furo":  # its words through our catalogs (templates/furo/)
        config.templates_path = [*config.templates_path, str(PACKAGE / "templates" / "furo")]
    config.html_static_path = [*config.html_static_path, str(PACKAGE / "static")]
    # Every catalog is read, and a broken one reported at its line, by the extension;
    # Sphinx's unlocated "reading error" for the same file would only repeat it.
    config.suppress_warnings = [*config.suppress_warnings, "i18n.not_readable"]
    # Settings such as the site title are French in conf.py, marked with _().
    locale_dirs = [Path(app.srcdir, directory) for directory in config.locale_dirs]
    translator = Translator(locale_dirs, config.language or "en")
    # The HTML builder's settings hold HTML (the theme writes html_title as it is):
    # a translation is text, so it is escaped there, and markup in a catalog stays text.
    for name in config.secsoc_translated_settings:
        translated = translator.gettext(config[name])
        config[name] = html.escape(translated) if name.startswith("html_") else translated
