"""A small site made for the extension's tests: its own pages, data and catalogs.

The tests copy it with the real schemas (``data/schema``) and the extension's real
catalogs (``secsoc.po``), so the mechanism is tested without this year's data.
"""

from pathlib import Path

from secsoc.i18n.catalogs import compile_theme_catalogs

project = "Essai"
language = "fr"
extensions = ["myst_parser", "secsoc"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["data", "locales"]
smartquotes = False
locale_dirs = ["locales"]
gettext_compact = False
gettext_uuid = False
gettext_auto_build = True
html_theme = "basic"
secsoc_data_dir = "data"
# As the real conf.py: the theme's words are checked and compiled before Sphinx reads them.
compile_theme_catalogs(Path(__file__).parent / "locales")
