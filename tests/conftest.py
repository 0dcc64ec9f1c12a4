"""Shared fixtures: a disposable copy of the project, and builds of it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from sitebuild import Build, sphinx_build

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

pytest_plugins = ["sphinx.testing.fixtures"]

_IGNORED = shutil.ignore_patterns("*.mo", "__pycache__", "_build")


def copy_project(destination: Path) -> Path:
    """A copy of the project as it is laid out in the repository."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "data", "locales", "_ext"):
        shutil.copytree(ROOT / name, destination / name, ignore=_IGNORED)
    for name in ("conf.py", "Makefile", ".readthedocs.yaml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, destination / name)
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def testroot(tmp_path: Path) -> Path:
    """The project flattened for ``sphinx.testing``, whose source and conf dirs are one.

    conf.py finds ``data/`` and ``locales/`` next to itself, so the pages can sit
    beside it; the data and catalogs are copies that a test may change freely.
    """
    srcdir = tmp_path / "testroot"
    shutil.copytree(ROOT / "docs", srcdir, ignore=_IGNORED)
    for name in ("data", "locales"):
        shutil.copytree(ROOT / name, srcdir / name, ignore=_IGNORED)
    shutil.copy2(ROOT / "conf.py", srcdir / "conf.py")
    return srcdir


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("site") / "project")


def _site(project: Path, language: str) -> Build:
    build = sphinx_build(project, project / "_build", language=language)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def site_fr(built_project: Path) -> Build:
    """The French site, built once per test session as ``make html`` builds it."""
    return _site(built_project, "fr")


@pytest.fixture(scope="session")
def site_nl(built_project: Path) -> Build:
    """The Dutch site, built once per test session as ``make html`` builds it."""
    return _site(built_project, "nl")
