"""Disposable copies of the project and of the test roots, edits to them, and builds.

Every test works on a copy: the repository is never written to.  Two kinds of copy:
the whole project (what ``make html`` builds, for the real-site checks) and a test
root from ``tests/roots/`` (a small site made for one mechanism), which gets the
real schemas and the extension's real catalog, the parts of the extension it tests.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reading import Site

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "_ext"
ROOTS = Path(__file__).resolve().parent / "roots"

_IGNORED = shutil.ignore_patterns("*.mo", "sphinx.js", "__pycache__", "_build")


def copy_project(destination: Path) -> Path:
    """A copy of the project as it is laid out in the repository."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "data", "locales", "_ext"):
        shutil.copytree(ROOT / name, destination / name, ignore=_IGNORED)
    for name in ("conf.py", "Makefile", ".readthedocs.yaml"):
        shutil.copy2(ROOT / name, destination / name)
    return destination


def copy_root(name: str, destination: Path) -> Path:
    """A copy of ``tests/roots/test-<name>``, with the real schemas and extension catalogs."""
    shutil.copytree(ROOTS / f"test-{name}", destination, ignore=_IGNORED)
    shutil.copytree(ROOT / "data" / "schema", destination / "data" / "schema")
    for catalog in (ROOT / "locales").glob("*/LC_MESSAGES/secsoc.po"):
        target = destination / catalog.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(catalog, target)
    return destination


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file; a test whose edit no longer applies fails here."""
    content = path.read_text("utf-8")
    assert old in content, f"{old!r} not in {path}"
    path.write_text(content.replace(old, new, 1), "utf-8")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as stream:
        stream.write(text)


@dataclass(frozen=True)
class Run:
    returncode: int
    output: str  # stdout and stderr
    warnings: str  # stderr, where Sphinx writes its warnings


def plain_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a command whose output is read: no colour codes, even under CI=true."""
    return {**os.environ, "NO_COLOR": "1", **(extra or {})}


def make(project: Path, *targets: str, env: dict[str, str] | None = None, **variables: str) -> Run:
    """``make <targets>`` in a copy of the project, with this interpreter and no set-up step."""
    settings = {"PY": sys.executable, "SETUP": "", **variables}
    command = ["make", "--no-print-directory", "-C", str(project), *targets]
    command += [f"{name}={value}" for name, value in settings.items()]
    run = subprocess.run(command, capture_output=True, text=True, env=plain_environment(env), check=False)
    return Run(run.returncode, run.stdout + run.stderr, run.stderr)


def sphinx_build(srcdir: Path, outdir: Path, *options: str) -> Run:
    """``python -m sphinx`` in a fresh process, for a test root: what a user's command line sees."""
    env = plain_environment({"PYTHONPATH": str(EXTENSION)})
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", *options, str(srcdir), str(outdir)]
    run = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return Run(run.returncode, run.stdout + run.stderr, run.stderr)


@dataclass(frozen=True)
class Built(Site):
    status: str  # Sphinx's progress output: which documents it read


class BuildRoot(Protocol):
    def __call__(self, srcdir: Path, language: str = "fr", **options: Any) -> Built: ...


def configured(name: str, conf: Path = ROOT / "conf.py") -> Any:
    """A literal setting of ``conf.py``, read without running it."""
    for statement in ast.parse(conf.read_text("utf-8")).body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in statement.targets
        ):
            return ast.literal_eval(statement.value)
    raise AssertionError(f"{conf} sets no {name}")


#: The editions conf.py names, in its order: the tests run on every one, so a new
#: language is tested as soon as it is configured.
EDITIONS: tuple[str, ...] = tuple(configured("secsoc_languages"))
#: Per language, the locale whose formats an edition uses where it is not the language's in Belgium.
FORMAT_LOCALES: dict[str, str] = configured("secsoc_format_locales")
#: Every edition but the source's (French): the translations.
TRANSLATIONS = tuple(language for language in EDITIONS if language != "fr")


@dataclass(frozen=True)
class Project:
    """A copy of the project, its built editions and what ``make html`` printed."""

    path: Path
    sites: dict[str, Site]
    run: Run

    @property
    def fr(self) -> Site:
        return self.sites["fr"]


def build_project(path: Path) -> Project:
    """``make html`` in the copy: every edition and the root page."""
    run = make(path, "html", BUILDDIR="_build")
    assert run.returncode == 0, run.output
    sites = {language: Site(path / "_build" / "html" / language, run.warnings) for language in EDITIONS}
    return Project(path, sites, run)
