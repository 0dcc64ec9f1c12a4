"""What one build knows: the dataset, the translator and the formatter.

Loaded once per build, in the main process, when the builder is set up: before
any document is found or read and before parallel readers fork, so every
data file is parsed exactly once however many pages (or processes) use it, and
data problems are reported once per build, located at the data file, even when
no page needs re-reading.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from . import orgpages, pagecatalogs, rereads
from .datafiles import DataFile
from .formatting import Formatter
from .loader import load_dataset
from .model import Dataset, display_path
from .translation import Translator

logger = logging.getLogger(__name__)

_BUILDS: weakref.WeakKeyDictionary[BuildEnvironment, BuildData] = weakref.WeakKeyDictionary()
_TRANSLATORS: weakref.WeakKeyDictionary[Sphinx, Translator] = weakref.WeakKeyDictionary()


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
    return _BUILDS[env]


def translator_of(app: Sphinx) -> Translator:
    """The extension's catalogs for this application, read once: the site title needs
    them at configuration time, the directives later in the same build."""
    if app not in _TRANSLATORS:
        locale_dirs = [Path(app.srcdir, directory) for directory in app.config.locale_dirs]
        _TRANSLATORS[app] = Translator(locale_dirs, app.config.language or "en")
    return _TRANSLATORS[app]


def load(app: Sphinx) -> None:
    """``builder-inited`` handler: load the data and report its problems, once a build."""
    root = Path(app.confdir)
    data_dir = root / app.config.secsoc_data_dir
    dataset, problems = load_dataset(data_dir, root)
    for problem in problems:
        logger.warning(problem.text, location=str(problem.location), type="secsoc", subtype="data")
    translator = translator_of(app)
    for bad in translator.problems:
        where = f"{display_path(bad.path, root)}:{bad.line}"
        logger.warning(bad.message, location=where, type="secsoc", subtype="translation")
    _BUILDS[app.env] = BuildData(
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
    files = [*pagecatalogs.catalogs(app), *of(env).dataset.files.values()]
    return rereads.outdated(app, env, frozenset(display_path(path, root) for path in files))
