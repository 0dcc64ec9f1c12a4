"""``build-finished``: the files written beside the pages, from the same dataset.

With the gettext builder, the extension's and the data's templates (``secsoc.pot``,
``data.pot``, ``sphinx.pot``); with an HTML builder, the downloads (CSV and JSON).
Nothing is written when the data it would come from did not load: a broken
file's records are not in the dataset, and a half-written download would be
worse than last build's.
"""

from __future__ import annotations

import hashlib
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx

from . import state
from .data.files import ORGANISATIONS, SOURCES, list_file
from .data.lazyimport import lazy_module
from .data.model import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from .content import downloads, render
    from .i18n import potfiles
else:  # used at the end of a build: imported then, if at all (see lazyimport.py)
    downloads, render, potfiles = map(
        lazy_module, ("secsoc.content.downloads", "secsoc.content.render", "secsoc.i18n.potfiles")
    )

PACKAGE = Path(__file__).parent


def write_templates(app: Sphinx, exception: Exception | None) -> None:
    """With the gettext builder, also write the extension's and the data's .pot files."""
    if exception is not None or app.builder.name != "gettext":
        return
    outdir = Path(app.builder.outdir)
    root = Path(app.confdir)
    # The package's files are located from the project when it holds the package
    # (_ext/secsoc/...), else from the package's parent (a project that installs it).
    base = root if PACKAGE.resolve().is_relative_to(root.resolve()) else PACKAGE.parent
    sources = [(path, path.relative_to(base).as_posix()) for path in sorted(PACKAGE.rglob("*.py"))]
    sources.append((root / "conf.py", "conf.py"))
    project = app.config.project
    potfiles.write_pot(potfiles.extension_catalog(sources), outdir / "secsoc.pot", project)
    editions = [language for language in app.config.secsoc_languages if language != SOURCE_LANGUAGE]
    potfiles.write_pot(
        potfiles.data_catalog(state.of(app.env).dataset, editions), outdir / "data.pot", project
    )
    themes = [Path(import_module(name).__file__ or "").parent for name in app.config.secsoc_theme_packages]
    potfiles.write_pot(
        potfiles.theme_catalog([*themes, PACKAGE / "templates"]), outdir / "sphinx.pot", project
    )


def write_downloads(app: Sphinx, exception: Exception | None) -> None:
    """With an HTML builder, the lists and the organisations as CSV and JSON files."""
    if exception is not None or app.builder.format != "html":
        return
    build = state.of(app.env)
    outdir = Path(app.builder.outdir)
    if not build.usable(ORGANISATIONS, SOURCES):
        return
    list_headers, organisation_headers = render.download_headers(build.translator)
    # What the files are written from; when it is what the last build wrote them from,
    # they are left as they are (a no-op rebuild writes nothing).
    # (the catalogs too: the status columns' headers are made from the data and them)
    words = hashlib.sha256(b"".join(path.read_bytes() for path in build.translator.catalog_files)).hexdigest()
    made_from = "\n".join([build.summary.digest, words, *list_headers, *organisation_headers, ""])
    marker = outdir / downloads.FOLDER / ".made-from"  # not linked from any page
    if marker.is_file() and marker.read_text("utf-8") == made_from:
        return
    dataset = build.dataset
    for list_id, published in dataset.lists.items():
        if build.usable(list_file(list_id)):
            records = downloads.list_records(dataset, published)
            downloads.write(outdir, downloads.list_name(list_id), list_headers, records)
    records = downloads.organisation_records(dataset)
    ctx = render.Context(dataset, build.translator, build.formatter, "", 0)
    with_websites = any("website" in record for record in records)
    organisation_headers += render.status_headers(ctx, with_websites)
    downloads.write(outdir, downloads.ORGANISATIONS, organisation_headers, records)
    marker.write_text(made_from, "utf-8")
