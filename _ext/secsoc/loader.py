"""Load the whole ``data/`` directory once into a :class:`Dataset`.

Each file is parsed once, checked against its schema and turned into records
(:mod:`records`), in an order that lets each file's references be checked
against the ids the files before it define.  Every problem becomes a
:class:`Problem` located at a file and line; a file with a problem is left out
of the dataset and marked broken, so that the pages that depend on it stay quiet
instead of repeating the same mistake in other words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from . import records
from .datafiles import FIGURES, LIST_ID, LISTS, ORGANISATIONS, SCHEMAS, SOURCES, DataFile, Kind, list_file
from .model import Dataset, Location, Problem, PublishedList, display_path
from .validation import SchemaFileError, Schemas, field_name
from .yamlsource import YamlError, read_yaml

#: The messages shown for one file; past that, one line says there are more.
MAX_MESSAGES = 20

T = TypeVar("T")


def load_dataset(data_dir: Path, project_root: Path) -> tuple[Dataset, list[Problem]]:
    """Read, validate and cross-check every data file under ``data_dir``."""
    return _Loading(data_dir, project_root).run()


@dataclass
class _Loading:
    data_dir: Path
    project_root: Path
    problems: list[Problem] = field(default_factory=list)
    broken: set[Path] = field(default_factory=set)
    files: dict[DataFile, Path] = field(default_factory=dict)
    schemas: Schemas | None = None

    def run(self) -> tuple[Dataset, list[Problem]]:
        try:
            self.schemas = Schemas(self.data_dir / SCHEMAS, tuple(Kind))
        except SchemaFileError as err:
            self.report(err.path, err.line, "", err.message)
        nothing = records.Known(organisations=None, sources=None)
        organisations = self.load(ORGANISATIONS, nothing, records.organisations)
        sources = self.load(SOURCES, nothing, records.sources)
        known = records.Known(
            organisations=self.usable(ORGANISATIONS, organisations),
            sources=self.usable(SOURCES, sources),
        )
        figures = self.load(FIGURES, known, records.figures)
        lists: dict[str, PublishedList] = {}
        for path in sorted((self.data_dir / LISTS).glob("*.yaml")):
            if LIST_ID.fullmatch(path.stem):
                lists |= self.load(list_file(path.stem), known, records.published_list)
            else:
                self.report(
                    path,
                    1,
                    "",
                    f"'{path.stem}' is not a valid list id, and a list's file name is its id: "
                    "use lower-case letters, digits and hyphens (for example moniteur-2022-11-05.yaml)",
                )
        dataset = Dataset(
            organisations=organisations,
            sources=sources,
            lists=lists,
            figures=figures,
            files=self.files,
            broken=frozenset(self.broken),
        )
        return dataset, sorted(self.problems, key=lambda p: (p.location.display, p.location.line))

    def usable(self, file: DataFile, loaded: Mapping[str, T]) -> Mapping[str, T] | None:
        """The ids a file defines, or None if it did not load (see :class:`records.Known`)."""
        return None if self.files[file] in self.broken else loaded

    def report(self, path: Path, line: int, name: str, message: str) -> None:
        location = Location(path, line, display_path(path, self.project_root))
        self.problems.append(Problem(location, name, message))
        self.broken.add(path)

    def report_capped(self, path: Path, found: list[tuple[int, str, str]]) -> None:
        """The first problems of one file, then one line if there are more."""
        for line, name, message in found[:MAX_MESSAGES]:
            self.report(path, line, name, message)
        if len(found) > MAX_MESSAGES:
            more = f"... and more mistakes in this file: only the first {MAX_MESSAGES} are shown"
            self.report(path, found[MAX_MESSAGES][0], "", more)

    def load(
        self, file: DataFile, known: records.Known, build: Callable[[records.Reader], dict[str, T]]
    ) -> dict[str, T]:
        path = self.data_dir / file.relative
        self.files[file] = path
        if not path.is_file():
            self.report(path, 1, "", "data file is missing")
            return {}
        if self.schemas is None:
            self.broken.add(path)
            return {}
        try:
            data = read_yaml(path)
        except YamlError as err:
            self.report(path, err.line, field_name(err.path) if err.path else "", err.message)
            return {}
        errors = self.schemas.check(file.kind, data)
        if errors:
            self.report_capped(path, [(error.line, error.field, error.message) for error in errors])
            return {}
        reader = records.Reader(path, display_path(path, self.project_root), data, known)
        try:
            built = build(reader)
        except (KeyError, TypeError, AttributeError, IndexError) as err:
            self.schema_too_loose(file, path, err)
            return {}
        if reader.problems:
            self.report_capped(path, [(p.location.line, p.field, p.message) for p in reader.problems])
            return {}
        return built

    def schema_too_loose(self, file: DataFile, path: Path, err: Exception) -> None:
        """A file valid against a schema that no longer describes what the site reads."""
        self.report(
            self.data_dir / file.schema,
            1,
            "",
            f"the site reads {err} from every {file.kind} record, but this schema lets "
            f"{display_path(path, self.project_root)} leave it out; "
            "restore the schema's 'required' and types",
        )
        self.broken.add(path)
