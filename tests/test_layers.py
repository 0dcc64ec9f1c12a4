"""The extension's layers hold: ``make lint`` fails on an import that breaks one.

Each case adds one import that a maintainer could plausibly write to a copy of
the extension, and runs the check ``make lint`` runs (import-linter, with the
contracts of ``pyproject.toml``): it must fail, naming the broken contract and
the offending import with its file and line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from projects import ROOT, plain_environment

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        capture_output=True,
        text=True,
        env=plain_environment({"PYTHONPATH": str(project / "_ext")}),
        check=False,
    )


@pytest.fixture
def extension(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "_ext", tmp_path / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_architecture_md_names_every_module_and_its_layer() -> None:
    """The module table of ARCHITECTURE.md, against the package: none missing or stale."""
    package = ROOT / "_ext" / "secsoc"
    table = re.findall(r"^\| `([\w/]+\.py)` \| (\w+)", (ROOT / "ARCHITECTURE.md").read_text("utf-8"), re.M)
    modules = {path.relative_to(package).as_posix() for path in package.rglob("*.py")}
    assert {name for name, _ in table} == modules
    for name, layer in table:
        assert layer == (name.split("/")[0] if "/" in name else "glue"), name


def test_the_extension_keeps_its_layers(extension: Path) -> None:
    run = lint_imports(extension)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract", "imported"),
    [
        ("data/model.py", "from sphinx.util import logging", "data and i18n import neither", "sphinx"),
        ("i18n/pofile.py", "from docutils import nodes", "data and i18n import neither", "docutils"),
        ("data/records.py", "from ..state import of", "only the Sphinx glue", "secsoc.state"),
        ("i18n/formatting.py", "from ..content import render", "no layer imports a higher one", "render"),
        ("content/render.py", "from ..data.loader import load_dataset", "content builds nodes", "loader"),
        ("content/charts.py", "import yaml", "content builds nodes", "yaml"),
    ],
    ids=["data-sphinx", "i18n-docutils", "data-glue", "i18n-content", "content-loader", "content-yaml"],
)
def test_an_import_across_a_layer_fails_lint(
    extension: Path, module: str, line: str, contract: str, imported: str
) -> None:
    path = extension / "_ext" / "secsoc" / module
    text = path.read_text("utf-8")
    anchor = "from __future__ import annotations\n"
    path.write_text(text.replace(anchor, f"{anchor}\n{line}  # noqa\n", 1), "utf-8")
    added_at = text[: text.index(anchor)].count("\n") + 3
    run = lint_imports(extension)
    assert run.returncode != 0
    broken = [row for row in run.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(contract in row for row in broken), run.stdout
    dotted = "secsoc." + module.removesuffix(".py").replace("/", ".")
    (offending,) = {row.strip(" -") for row in run.stdout.splitlines() if f"(l.{added_at})" in row}
    assert offending.startswith(f"{dotted} -> ") and imported in offending, run.stdout
