"""What one build knows: the dataset, the translator and the formatter.

Loaded once per build, in the main process, when the builder is set up: before
any document is found or read and before parallel readers fork, so every
data file is parsed at most once however many pages (or processes) use it, and
data problems are reported at every build, located at the data file, even when
no page needs re-reading.  Files unchanged since the last build are not read
again: their outcome is kept in the domain's data (see :mod:`.data.loader`).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import orgpages, rereads
from .catalogs import catalogs
from .data.files import ORGANISATIONS, SCHEMAS, DataFile
from .data.freshness import build_date
from .data.loader import Summary, load_dataset, load_summary
from .data.model import Dataset, display_path
from .domain import domain_of
from .i18n.formatting import Formatter
from .i18n.translation import Translator
from .warning_types import SecsocWarning, warn

logger = logging.getLogger(__name__)


class BuildData:
    """The build's data, translator and formatter.

    The dataset is loaded when first used: a build that reads no page and writes no
    download (a no-op rebuild) needs only what the loader's summary says."""

    def __init__(
        self, app: Sphinx, summary: Summary, translator: Translator, dataset: Dataset | None
    ) -> None:
        root = Path(app.confdir)
        self.dataset_dir = root / app.config.secsoc_data_dir
        self._root = root
        self._cache = domain_of(app.env).data["files"]
        self._verdicts = verdicts(app)
        self.summary = summary
        self.translator = translator
        self.formatter = Formatter(
            translator.language,
            app.config.secsoc_territory,
            app.config.secsoc_format_locales.get(translator.language),
        )
        self.schema_files = tuple(sorted((self.dataset_dir / SCHEMAS).glob("*.json")))
        self._dataset = dataset
        #: The build's date, against which the newest list's age is told.
        self.today = build_date()

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset, _ = load_dataset(self.dataset_dir, self._root, self._cache, self._verdicts)
        return self._dataset

    def dependencies(self, *files: DataFile) -> list[Path]:
        """What a rendering of these files depends on; a missing file too, so that
        adding the list a page names reads the page again."""
        data = [self.dataset_dir / file.relative for file in files]
        return data + list(self.schema_files) + self.translator.catalog_files

    def usable(self, *files: DataFile) -> bool:
        return not any(self.summary.files.get(file) in self.summary.broken for file in files)


def of(env: BuildEnvironment) -> BuildData:
    build = domain_of(env).build
    if build is None:
        raise RuntimeError("the secsoc data is loaded when the builder is set up (builder-inited)")
    return build


def verdicts(app: Sphinx) -> Path:
    """Beside the doctrees, as Jinja's compiled templates: kept by a full build (-E)
    as Python keeps its compiled code, gone with the build folder."""
    return Path(app.doctreedir) / "secsoc-verdicts"


def translator_for(app: Sphinx) -> Translator:
    """The extension's catalogs for the build's language."""
    locale_dirs = [Path(app.srcdir, directory) for directory in app.config.locale_dirs]
    return Translator(locale_dirs, app.config.language or "en")


def load(app: Sphinx) -> None:
    """``builder-inited`` handler: load the data and report its problems, at every build."""
    root = Path(app.confdir)
    data_dir = root / app.config.secsoc_data_dir
    cache = domain_of(app.env).data["files"]
    summary, dataset = load_summary(data_dir, root, cache, verdicts(app))
    for problem in summary.problems:
        warn(logger, SecsocWarning.DATA, problem.text, str(problem.location))
    translator = translator_for(app)
    for bad in translator.problems:
        warn(logger, SecsocWarning.TRANSLATION, bad.message, f"{display_path(bad.path, root)}:{bad.line}")
    build = domain_of(app.env).build = BuildData(app, summary, translator, dataset)
    # No pages wanted, or no organisations known: the stubs are left as they are.
    if orgpages.folder(app.config) and build.usable(ORGANISATIONS):
        orgpages.write_stubs(app, build.dataset.organisations)


def outdated(app: Sphinx, env: BuildEnvironment, *_: object) -> list[str]:
    """``env-get-outdated`` handler: the pages to read again that Sphinx would not."""
    root = Path(app.confdir)
    # A catalog or a data file that appears (a new list) is something no page
    # depended on yet: every page is read again.
    build = of(env)
    files = [*catalogs(app), *build.summary.files.values()]
    return rereads.outdated(app, env, frozenset(display_path(path, root) for path in files), build.today)
