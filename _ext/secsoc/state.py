"""What one build knows: the dataset, the translator and the formatter.

Loaded once per build, in the main process, when the builder is set up: before
any document is found or read and before parallel readers fork, so every
data file is parsed at most once however many pages (or processes) use it, and
data problems are reported at every build, located at the data file, even when
no page needs re-reading.  Files unchanged since the last build are not read
again: their outcome is kept in the domain's data (see :mod:`.data.loader`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import orgpages, rereads
from .catalogs import catalogs
from .data.files import DataFile
from .data.loader import load_dataset
from .data.model import Dataset, display_path
from .domain import domain_of
from .i18n.formatting import Formatter
from .i18n.translation import Translator
from .warning_types import SecsocWarning, warn

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildData:
    dataset: Dataset
    translator: Translator
    formatter: Formatter
    schema_files: tuple[Path, ...]
    dataset_dir: Path

    def dependencies(self, *files: DataFile) -> list[Path]:
        """What a rendering of these files depends on; a missing file too, so that
        adding the list a page names reads the page again."""
        data = [self.dataset_dir / file.relative for file in files]
        return data + list(self.schema_files) + self.translator.catalog_files

    def usable(self, *files: DataFile) -> bool:
        return not any(self.dataset.is_broken(file) for file in files)


def of(env: BuildEnvironment) -> BuildData:
    build = domain_of(env).build
    if build is None:
        raise RuntimeError("the secsoc data is loaded when the builder is set up (builder-inited)")
    return build


def translator_for(app: Sphinx) -> Translator:
    """The extension's catalogs for the build's language."""
    locale_dirs = [Path(app.srcdir, directory) for directory in app.config.locale_dirs]
    return Translator(locale_dirs, app.config.language or "en")


def load(app: Sphinx) -> None:
    """``builder-inited`` handler: load the data and report its problems, at every build."""
    root = Path(app.confdir)
    data_dir = root / app.config.secsoc_data_dir
    domain = domain_of(app.env)
    dataset, problems = load_dataset(data_dir, root, cache=domain.data["files"])
    for problem in problems:
        warn(logger, SecsocWarning.DATA, problem.text, str(problem.location))
    translator = translator_for(app)
    for bad in translator.problems:
        warn(logger, SecsocWarning.TRANSLATION, bad.message, f"{display_path(bad.path, root)}:{bad.line}")
    domain.build = BuildData(
        dataset=dataset,
        translator=translator,
        formatter=Formatter(translator.language, app.config.secsoc_territory),
        schema_files=tuple(sorted((data_dir / "schema").glob("*.json"))),
        dataset_dir=data_dir,
    )
    orgpages.write_stubs(app, dataset)


def outdated(app: Sphinx, env: BuildEnvironment, *_: object) -> list[str]:
    """``env-get-outdated`` handler: the pages to read again that Sphinx would not."""
    root = Path(app.confdir)
    # A catalog or a data file that appears (a new list) is something no page
    # depended on yet: every page is read again.
    files = [*catalogs(app), *of(env).dataset.files.values()]
    return rereads.outdated(app, env, frozenset(display_path(path, root) for path in files))
