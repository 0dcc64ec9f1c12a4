"""Fixtures: test roots built in-process with ``sphinx.testing``, and the real site built
as ``make html`` builds it, once as it is and once after next year's update."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from importing import PUBLISHED
from nextyear import add_next_years_list
from projects import EXTENSION, ROOT, BuildRoot, Built, Project, build_project, copy_project, copy_root, make
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

sys.path.insert(0, str(EXTENSION))

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.fixture
def secsoc_root(tmp_path: Path) -> Path:
    """A fresh copy of ``tests/roots/test-secsoc`` that a test may change freely."""
    return copy_root("secsoc", tmp_path / "root")


#: What a build keeps beside its doctrees that depends on nothing but its own key: the
#: compiled templates (keyed by name and file, checked against the source) and the
#: loader's verdicts (keyed by the content checked).
SHARED = ("templates", "secsoc-verdicts")


@pytest.fixture(scope="session")
def shared_caches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder per worker for :data:`SHARED`: each test's build would otherwise compile
    the theme's templates and check the schemas again, a fifth of the quick suite's time."""
    caches = tmp_path_factory.mktemp("caches")
    (caches / "templates").mkdir()
    return caches


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], shared_caches: Path) -> BuildRoot:
    """Build a test root in-process, as ``sphinx-build -b html -D language=<language>`` would.

    Each language has its own build directory; building the same directory again is
    an incremental build.  A test that names its build directory gets its own caches;
    the others share :func:`shared_caches`.
    """

    def run(srcdir: Path, language: str = "fr", **options: Any) -> Built:
        builder = options.pop("buildername", "html")
        builddir = options.pop("builddir", None)
        if builddir is None:
            builddir = srcdir / "_build" / language
            (builddir / "doctrees").mkdir(parents=True, exist_ok=True)
            for name in SHARED:
                link = builddir / "doctrees" / name
                if not link.is_symlink():
                    link.symlink_to(shared_caches / name)
        overrides = {"language": language, **options.pop("confoverrides", {})}
        prepare = options.pop("prepare", None)
        app = make_app(builder, srcdir=srcdir, builddir=builddir, confoverrides=overrides, **options)
        if prepare:
            prepare(app)
        try:
            app.build()
        finally:
            app.cleanup()  # so that the test may build again, another language or after an edit
        return Built(
            Path(app.outdir),
            strip_escape_sequences(app.warning.getvalue()),
            strip_escape_sequences(app.status.getvalue()),
        )

    return run


# -- the real site ---------------------------------------------------------------------


@pytest.fixture(scope="session", params=["this-year", "next-year"])
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The project as it is, and as next year's maintainer leaves it after MAINTAINING.md's steps.

    The real-site checks run on both: they must hold for any year's data.
    """
    path = copy_project(tmp_path_factory.mktemp(request.param) / "project")
    if request.param == "next-year":
        add_next_years_list(path)
    return build_project(path)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make gettext`` then ``make intl-update`` on a copy of the project, once a session."""
    project = copy_project(tmp_path_factory.mktemp("gettext") / "project")
    run = make(project, "intl-update", BUILDDIR=str(project / "_build"))
    assert run.returncode == 0, run.output
    return project


@pytest.fixture
def last_year(tmp_path: Path) -> Path:
    """The data as the maintainer has it before importing: the 2021 list as last year's."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    lists = root / "data" / "lists"
    (lists / f"{PUBLISHED}.yaml").rename(lists / "moniteur-2020-11-05.yaml")
    return root


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's, which reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With pytest-xdist (``-n 2 --dist loadgroup``), the tests of each session-wide
    project (this year's copy of the real site, next year's, the catalogs' templates)
    share a worker, so that each is made once per session, side by side with the others."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "project" in fixtures:
            copy = getattr(item, "callspec", None)
            which = copy.params.get("project", "") if copy is not None else ""
            item.add_marker(pytest.mark.xdist_group(f"real-site-{which}"))
        elif "templates" in fixtures:
            item.add_marker(pytest.mark.xdist_group("templates"))
