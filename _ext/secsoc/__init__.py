"""Sphinx extension rendering the social secretariats data (``data/``) in MyST pages.

Directives: ``secsoc-list``, ``secsoc-lists``, ``secsoc-comparison``,
``secsoc-changes``, ``secsoc-figures``, ``secsoc-source``, ``secsoc-organisation``,
``secsoc-organisations``; role: ``secsoc-org``.  See the README for how pages use them.
"""

from __future__ import annotations

import html
from importlib import import_module
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.html5 import HTML5Translator

from . import (
    directives,
    downloads,
    htmlfixes,
    languages,
    pagecatalogs,
    potfiles,
    render,
    rereads,
    state,
    typography,
)

PACKAGE = Path(__file__).parent


def _configure(app: Sphinx, config: Config) -> None:
    # New lists: the defaults are shared objects, which appending would change for
    # every later application in the same process.
    config.templates_path = [*config.templates_path, str(PACKAGE / "templates")]
    if config.html_theme == "furo":  # its words through our catalogs (templates/furo/)
        config.templates_path = [*config.templates_path, str(PACKAGE / "templates" / "furo")]
    config.html_static_path = [*config.html_static_path, str(PACKAGE / "static")]
    # Every catalog is read, and a broken one reported at its line, by pofile.py;
    # Sphinx's unlocated "reading error" for the same file would only repeat it.
    config.suppress_warnings = [*config.suppress_warnings, "i18n.not_readable"]
    # Settings such as the site title are French in conf.py, marked with _().
    translator = state.translator_of(app)
    # The HTML builder's settings hold HTML (the theme writes html_title as it is):
    # a translation is text, so it is escaped there, and markup in a catalog stays text.
    for name in config.secsoc_translated_settings:
        translated = translator.gettext(config[name])
        config[name] = html.escape(translated) if name.startswith("html_") else translated


def _write_templates(app: Sphinx, exception: Exception | None) -> None:
    """With the gettext builder, also write the extension's and the data's .pot files."""
    if exception is not None or app.builder.name != "gettext":
        return
    outdir = Path(app.builder.outdir)
    root = Path(app.confdir)
    # The package's files are located from the project when it holds the package
    # (_ext/secsoc/...), else from the package's parent (a project that installs it).
    base = root if PACKAGE.resolve().is_relative_to(root.resolve()) else PACKAGE.parent
    sources = [(path, path.relative_to(base).as_posix()) for path in sorted(PACKAGE.glob("*.py"))]
    sources.append((root / "conf.py", "conf.py"))
    potfiles.write_pot(potfiles.extension_catalog(sources), outdir / "secsoc.pot", app.config.project)
    potfiles.write_pot(
        potfiles.data_catalog(state.of(app.env).dataset), outdir / "data.pot", app.config.project
    )
    themes = [Path(import_module(name).__file__ or "").parent for name in app.config.secsoc_theme_packages]
    potfiles.write_pot(
        potfiles.theme_catalog([*themes, PACKAGE / "templates"]), outdir / "sphinx.pot", app.config.project
    )


def _write_downloads(app: Sphinx, exception: Exception | None) -> None:
    """With an HTML builder, the lists and the organisations as CSV and JSON files."""
    if exception is not None or app.builder.format != "html":
        return
    build = state.of(app.env)
    dataset, outdir = build.dataset, Path(app.builder.outdir)
    list_headers, organisation_headers = render.download_headers(build.translator)
    for published in dataset.lists.values():
        downloads.write(outdir, published.id, list_headers, downloads.list_records(dataset, published))
    records = downloads.organisation_records(dataset)
    downloads.write(outdir, downloads.ORGANISATIONS, organisation_headers, records)


def _visit_foreign(translator: HTML5Translator, node: render.foreign) -> None:
    translator.body.append(translator.starttag(node, "span", "", lang=node["lang"]))


def _depart_foreign(translator: HTML5Translator, node: render.foreign) -> None:
    translator.body.append("</span>")


def _visit_tools(translator: HTML5Translator, node: render.table_tools) -> None:
    words = {f"data-{name.replace('_', '-')}": node[name] for name in render.TOOL_WORDS}
    translator.body.append(
        translator.starttag(node, "div", "", CLASS="secsoc-tools", hidden="hidden", **words)
    )
    translator.body.append("</div>")
    raise nodes.SkipNode


def _skip(translator: object, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("secsoc_data_dir", "data", "env", types=frozenset({str}))
    app.add_config_value("secsoc_territory", "BE", "env", types=frozenset({str}))
    # Where each organisation's page is generated, under the source directory ("" for none).
    app.add_config_value("secsoc_organisation_pages", "", "env", types=frozenset({str}))
    app.add_config_value("secsoc_translated_settings", [], "env", types=frozenset({list}))
    # Python packages whose HTML templates hold words to translate (make gettext -> sphinx.pot)
    app.add_config_value("secsoc_theme_packages", [], "", types=frozenset({list}))
    app.add_config_value(
        "secsoc_languages", {"fr": "Français", "nl": "Nederlands"}, "html", types=frozenset({dict})
    )
    app.add_directive("secsoc-list", directives.ListTable)
    app.add_directive("secsoc-comparison", directives.ListComparison)
    app.add_directive("secsoc-changes", directives.ListChanges)
    app.add_directive("secsoc-lists", directives.AllLists)
    app.add_directive("secsoc-figures", directives.Figures)
    app.add_directive("secsoc-source", directives.SourceCitation)
    app.add_directive("secsoc-organisation", directives.OrganisationPage)
    app.add_directive("secsoc-organisations", directives.OrganisationIndex)
    app.add_role("secsoc-org", directives.OrganisationRole())
    app.add_node(render.foreign, html=(_visit_foreign, _depart_foreign))
    app.add_node(
        render.table_tools,
        html=(_visit_tools, None),
        text=(_skip, None),
        latex=(_skip, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
    app.add_js_file("secsoc-tables.js", defer="defer")
    app.add_post_transform(typography.FrenchSpacing)
    app.add_post_transform(htmlfixes.UniqueTableIds)
    app.add_css_file("secsoc.css")
    app.connect("config-inited", _configure)
    app.connect("builder-inited", state.load)
    app.connect("env-get-outdated", state.outdated)
    app.connect("env-purge-doc", rereads.purge_page)
    app.connect("env-merge-info", rereads.merge_pages)
    app.connect("env-before-read-docs", rereads.before_reading)
    app.connect("env-get-updated", rereads.rewrite_all)
    app.connect("builder-inited", rereads.watch_warnings)
    app.connect("builder-inited", pagecatalogs.compile_catalogs)
    app.connect("html-page-context", languages.add_to_page)
    app.connect("build-finished", _write_templates)
    app.connect("build-finished", _write_downloads)
    app.connect("build-finished", rereads.after_writing)
    return {
        "version": "1.0",
        "env_version": 4,
        # The data is loaded before readers fork; the environment keeps only what
        # says which pages to read again (rereads.py), merged from parallel readers.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
