"""The changes we make to furo's templates, as one patch file kept beside our copies.

``_ext/secsoc/templates/furo/`` holds copies of some of furo's templates with its
words put through the theme catalog.  ``templates/furo.patch`` is the difference
between the installed furo's templates and our copies; a test compares it with the
difference computed anew, so that editing a copy or upgrading furo fails the tests
until the patch is written again, and the diff shows exactly what changed.  After an
upgrade: copy furo's new templates over ours, ``patch -p1 < furo.patch`` in the
templates folder, check the result, then ``make theme-patch``.

Usage: ``python -m secsoc.tools.themepatch [--check]``.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from importlib.util import find_spec
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
COPIES = TEMPLATES / "furo"
PATCH = TEMPLATES / "furo.patch"


def installed_theme() -> Path:
    """furo's own templates, located without importing Sphinx."""
    spec = find_spec("furo")
    if spec is None or spec.origin is None:
        raise SystemExit("furo is not installed: make html installs it")
    return Path(spec.origin).parent / "theme" / "furo"


def theme_patch(original: Path, copies: Path) -> str:
    """A unified diff from each original template to its copy (``patch -p1`` applies it)."""
    parts: list[str] = []
    for copy in sorted(path for path in copies.rglob("*") if path.is_file()):
        name = copy.relative_to(copies).as_posix()
        source = original / name
        before = source.read_text("utf-8").splitlines(keepends=True) if source.is_file() else []
        after = copy.read_text("utf-8").splitlines(keepends=True)
        parts += difflib.unified_diff(before, after, f"a/{name}", f"b/{name}")
    return "".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m secsoc.tools.themepatch", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--check", action="store_true", help="fail if the patch is not up to date")
    options = parser.parse_args(argv)
    patch = theme_patch(installed_theme(), COPIES)
    if options.check:
        if PATCH.read_text("utf-8") != patch:
            sys.exit(f"{PATCH}: not the difference between furo's templates and our copies")
        return
    PATCH.write_text(patch, "utf-8")
    print(f"wrote {PATCH}")


if __name__ == "__main__":
    main()
