"""Load the whole ``data/`` directory once into a :class:`Dataset`.

Each file is parsed once, checked against its schema and turned into records
(:mod:`records`), in an order that lets each file's references be checked
against the ids the files before it define.  Every problem becomes a
:class:`Problem` located at a file and line; a file with a problem is left out
of the dataset and marked broken, so that the pages that depend on it stay quiet
instead of repeating the same mistake in other words.

A build passes the :data:`Cache` it kept from the last one: a file whose bytes,
schemas, the files it refers to and this package's code are all unchanged is
not read again, and its outcome (records and problems alike) is taken as it
was.  A no-op rebuild reads no YAML, and editing one list reads that list only.

What was found valid is also remembered from one build to the next by :class:`Verdicts`,
beside the doctrees: a full build (``-E``) reads every file again but does not check
unchanged files against unchanged schemas again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .files import (
    FIGURES,
    LIST_ID,
    LISTS,
    MAX_FILE_BYTES,
    MAX_ID_LENGTH,
    ORGANISATIONS,
    SCHEMAS,
    SOURCES,
    STATEMENTS,
    TOP_LEVEL,
    DataFile,
    Kind,
    list_file,
)
from .lazyimport import lazy_module
from .model import Dataset, Location, Problem, PublishedList, display_path

if TYPE_CHECKING:
    from . import records, validation, yamlsource
else:  # needed only when a file is read: a build whose data is cached never imports them
    records, validation, yamlsource = map(
        lazy_module, ("secsoc.data." + name for name in ("records", "validation", "yamlsource"))
    )

#: The messages shown for one file; past that, one line says there are more.
MAX_MESSAGES = 20

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What loading one file gave, and what it depended on.

    The records are kept pickled: the cache is saved with Sphinx's environment and
    loaded at every build, and a build that reads no page never needs them."""

    key: str
    pickled: bytes
    problems: tuple[Problem, ...]
    broken: frozenset[Path]

    @property
    def records(self) -> dict[str, Any]:
        records: dict[str, Any] = pickle.loads(self.pickled)
        return records


@dataclass(frozen=True, slots=True)
class Summary:
    """What a load reports, without the records: enough for a build that reads no page."""

    problems: list[Problem]
    files: dict[DataFile, Path]
    broken: frozenset[Path]
    digest: str


#: One outcome per file (and one for the schemas), by the file's path.
Cache = dict[str, Any]


def _digest(*parts: bytes) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


@functools.cache
def _code_digest() -> str:
    """This package's code: an outcome kept by an older version of it is not used."""
    return _digest(*(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py"))))


class Verdicts:
    """The keys of what earlier loads found valid: the schemas against their draft, each
    data file against its schema, kept in a file as Python keeps compiled code.

    A key is made of everything the check depends on (the file's bytes, every schema,
    this package's code, jsonschema's release), so a kept verdict is the verdict the
    check would give again; a full build of unchanged data then neither checks it nor
    imports jsonschema.  Only success is kept: a mistake is checked, and reported, at
    every build until it is fixed.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        try:
            text = path.read_text("ascii") if path is not None else ""
        except (OSError, UnicodeDecodeError):
            text = ""  # a damaged file only means checking again
        self.earlier = frozenset(text.split())
        self.now: set[str] = set()

    def known(self, key: str) -> bool:
        """Whether an earlier load found this valid (then it stays kept)."""
        if key in self.earlier:
            self.now.add(key)
        return key in self.now

    def add(self, key: str) -> None:
        self.now.add(key)

    def save(self) -> None:
        """Keeps this load's verdicts: those of files that are gone go with them."""
        if self.path is not None and self.now != self.earlier:
            with contextlib.suppress(OSError):  # not written: checked again next time
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_text("".join(f"{key}\n" for key in sorted(self.now)), "ascii")


def load_dataset(
    data_dir: Path, project_root: Path, cache: Cache | None = None, verdicts: Path | None = None
) -> tuple[Dataset, list[Problem]]:
    """Read, validate and cross-check every data file under ``data_dir``.

    ``cache`` (changed in place) keeps each file's outcome for the next call;
    ``verdicts`` is the file of :class:`Verdicts`, from one build to the next.
    """
    cache = {} if cache is None else cache
    return _Loading(data_dir, project_root, cache, verdicts=Verdicts(verdicts)).run()


def load_summary(
    data_dir: Path, project_root: Path, cache: Cache, verdicts: Path | None = None
) -> tuple[Summary, Dataset | None]:
    """What a build needs at its start: the problems, the files and their digest.

    When every file's outcome is in ``cache`` unchanged, only that (the dataset is then
    :func:`load_dataset`'s, from the cache, when a page needs it); else the files that
    changed are read, once each, and the dataset comes with the summary."""
    contents: dict[Path, bytes] = {}
    summary = _Loading(data_dir, project_root, cache, contents=contents).summary()
    if summary is not None:
        return summary, None
    loading = _Loading(data_dir, project_root, cache, contents=contents, verdicts=Verdicts(verdicts))
    dataset, problems = loading.run()
    return Summary(problems, dict(dataset.files), dataset.broken, dataset.digest), dataset


@dataclass
class _Loading:
    data_dir: Path
    project_root: Path
    cache: Cache
    problems: list[Problem] = field(default_factory=list)
    broken: set[Path] = field(default_factory=set)
    # Each file's bytes, read once for its key and its parsing (shared by a summary
    # and the load that follows it).
    contents: dict[Path, bytes] = field(default_factory=dict)
    files: dict[DataFile, Path] = field(default_factory=dict)
    verdicts: Verdicts = field(default_factory=lambda: Verdicts(None))
    schemas: validation.Schemas | None = None
    schemas_ok: dict[str, Any] = field(default_factory=dict)
    # What every file's outcome depends on: the schemas and this code; then, for the
    # files that refer to others, the organisations and the sources.
    common: str = ""
    referred: str = ""

    def content(self, path: Path) -> bytes:
        """The file's bytes, read once; a file over the size limit is not read: its
        size stands for it in the key, and the YAML reader refuses it."""
        if path not in self.contents:
            try:
                size = path.stat().st_size
                self.contents[path] = path.read_bytes() if size <= MAX_FILE_BYTES else b"%d bytes" % size
            except OSError:
                self.contents[path] = b""  # read again, and reported, by the loader
        return self.contents[path]

    def prepare(self) -> None:
        """The digests every file's key is made of (see :meth:`key`)."""
        schema_files = sorted((self.data_dir / SCHEMAS).glob("*.json"))
        parts = [path.name.encode() + b"\0" + self.content(path) for path in schema_files]
        self.common = _digest(_code_digest().encode(), *parts)
        self.referred = _digest(
            self.common.encode(),
            self.content(self.data_dir / ORGANISATIONS.relative),
            self.content(self.data_dir / SOURCES.relative),
        )

    def key(self, file: DataFile, path: Path) -> str:
        """A file's outcome depends on its bytes, the schemas, this code and, for the
        files that refer to others, the organisations and the sources."""
        depends = self.referred if file.kind in (Kind.FIGURES, Kind.STATEMENTS, Kind.LIST) else self.common
        return _digest(depends.encode(), str(path.is_file()).encode(), self.content(path))

    def list_files(self) -> list[DataFile]:
        """The lists, by file name; a name that is not a list id is reported, and so is
        a file that would not be read (``.yml``, a stray YAML file beside the lists)."""
        for path in sorted(self.data_dir.glob("*.y*ml")):
            if path.name not in TOP_LEVEL:
                self.report(
                    path,
                    1,
                    "",
                    "this file is not read: the data files are "
                    + ", ".join(TOP_LEVEL)
                    + f" and the lists, {LISTS}/<list id>.yaml",
                )
        found = []
        folder = self.data_dir / LISTS
        for path in sorted(folder.iterdir() if folder.is_dir() else ()):
            if path.name.startswith(".") or path.name.endswith("~"):
                continue  # hidden files and editors' backups
            if path.suffix != ".yaml":
                self.report(path, 1, "", "this file is not read: a list's file name ends in .yaml")
            elif LIST_ID.fullmatch(path.stem) and len(path.stem) <= MAX_ID_LENGTH:
                found.append(list_file(path.stem))
            else:
                self.report(
                    path,
                    1,
                    "",
                    f"'{path.stem}' is not a valid list id, and a list's file name is its id: use "
                    f"lower-case letters, digits and hyphens, at most {MAX_ID_LENGTH} characters "
                    "(for example moniteur-2022-11-05.yaml)",
                )
        return found

    def finish(self) -> tuple[list[Problem], str]:
        """The problems in order, and the digest of what was loaded; stale entries dropped."""
        kept = sorted(str(path) for path in [self.data_dir / SCHEMAS, *self.files.values()])
        for stale in set(self.cache) - set(kept):
            del self.cache[stale]
        digest = _digest(*(f"{path}={self.cache[path].key}".encode() for path in kept))
        return sorted(self.problems, key=lambda p: (p.location.display, p.location.line)), digest

    def summary(self) -> Summary | None:
        self.prepare()
        schema_dir = self.data_dir / SCHEMAS
        planned = [(schema_dir, self.common)]
        for file in (ORGANISATIONS, SOURCES, FIGURES, STATEMENTS, *self.list_files()):
            self.files[file] = self.data_dir / file.relative
            planned.append((self.files[file], self.key(file, self.files[file])))
        for path, key in planned:
            outcome = self.cache.get(str(path))
            if not isinstance(outcome, _Outcome) or outcome.key != key:
                return None
            self.problems += outcome.problems
            self.broken |= outcome.broken
        problems, digest = self.finish()
        return Summary(problems, dict(self.files), frozenset(self.broken), digest)

    def run(self) -> tuple[Dataset, list[Problem]]:
        self.prepare()
        schema_dir = self.data_dir / SCHEMAS
        self.schemas_ok = self.cached(schema_dir, self.common, self.check_schemas).records
        nothing = records.Known(organisations=None, sources=None)
        organisations = self.load(ORGANISATIONS, nothing, records.organisations)
        sources = self.load(SOURCES, nothing, records.sources)
        known = records.Known(
            organisations=self.usable(ORGANISATIONS, organisations),
            sources=self.usable(SOURCES, sources),
        )
        figures = self.load(FIGURES, known, records.figures)
        statements = self.load(STATEMENTS, known, records.statements)
        lists: dict[str, PublishedList] = {}
        for file in self.list_files():
            lists |= self.load(file, known, records.published_list)
        problems, digest = self.finish()
        self.verdicts.save()
        dataset = Dataset(
            organisations=organisations,
            sources=sources,
            lists=lists,
            figures=figures,
            statements=statements,
            files=self.files,
            broken=frozenset(self.broken),
            digest=digest,
        )
        return dataset, problems

    def check_schemas(self) -> dict[str, Any]:
        """The schemas' outcome: ``{"ok": True}`` when they are usable."""
        if not self.verdicts.known(self.verdict_key(b"schemas")):
            self.schemas = self.prepared_schemas()
            if self.schemas is None:
                return {}
        return {"ok": True}

    def cached(self, path: Path, key: str, load: Callable[[], dict[str, Any]]) -> _Outcome:
        """The outcome of ``load`` for ``path``, from the cache when ``key`` is unchanged."""
        outcome = self.cache.get(str(path))
        if isinstance(outcome, _Outcome) and outcome.key == key:
            self.problems += outcome.problems
            self.broken |= outcome.broken
            return outcome
        problems, broken = len(self.problems), set(self.broken)
        records = load()
        pickled = pickle.dumps(records, pickle.HIGHEST_PROTOCOL)
        outcome = _Outcome(key, pickled, tuple(self.problems[problems:]), frozenset(self.broken - broken))
        self.cache[str(path)] = outcome
        return outcome

    def validator(self) -> validation.Schemas | None:
        """The schemas, prepared for the first file to check (none if they are not usable)."""
        if self.schemas is None and self.schemas_ok:
            self.schemas = self.prepared_schemas()
            if self.schemas is None:
                self.schemas_ok = {}
        return self.schemas

    def prepared_schemas(self) -> validation.Schemas | None:
        """The schemas, checked against their draft unless a verdict says these very
        schemas passed; None, and reported, if they are not usable."""
        key = self.verdict_key(b"schemas")
        try:
            schemas = validation.Schemas(
                self.data_dir / SCHEMAS, tuple(Kind), checked=self.verdicts.known(key)
            )
        except validation.SchemaFileError as err:
            self.report(err.path, err.line, "", err.message)
            return None
        self.verdicts.add(key)
        return schemas

    def verdict_key(self, *checked: bytes) -> str:
        """What a check of the schemas, or of a file against them, depends on."""
        return _digest(self.common.encode(), self.jsonschema_release, *checked)

    @functools.cached_property
    def jsonschema_release(self) -> bytes:
        return version("jsonschema").encode()

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
        return self.cached(path, self.key(file, path), lambda: self.read(file, path, known, build)).records

    def read(
        self,
        file: DataFile,
        path: Path,
        known: records.Known,
        build: Callable[[records.Reader], dict[str, T]],
    ) -> dict[str, T]:
        if not path.is_file():
            self.report(path, 1, "", "data file is missing")
            return {}
        if not self.schemas_ok:
            self.broken.add(path)
            return {}
        try:
            oversized = path.stat().st_size > MAX_FILE_BYTES
            data = yamlsource.read_yaml(path, content=None if oversized else self.content(path))
        except yamlsource.YamlError as err:
            self.report(path, err.line, validation.field_name(err.path) if err.path else "", err.message)
            return {}
        verdict = self.verdict_key(file.kind.encode(), self.content(path))
        if not self.verdicts.known(verdict):
            schemas = self.validator()
            if schemas is None:
                self.broken.add(path)
                return {}
            errors = schemas.check(file.kind, data)
            if errors:
                self.report_capped(path, [(error.line, error.field, error.message) for error in errors])
                return {}
            self.verdicts.add(verdict)
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
