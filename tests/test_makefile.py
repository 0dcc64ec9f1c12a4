"""The set-up each user gets from the Makefile: only what the target needs, the right Python.

Read from ``make -n`` (what make would run), so no package is installed.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from projects import ROOT, plain_environment


def plan(tmp_path: Path, target: str, **variables: str) -> subprocess.CompletedProcess[str]:
    settings = {"VENV": str(tmp_path / "venv"), "BUILDDIR": str(tmp_path / "build"), **variables}
    command = ["make", "--no-print-directory", "-n", "-C", str(ROOT), target]
    command += [f"{name}={value}" for name, value in settings.items()]
    return subprocess.run(command, capture_output=True, text=True, env=plain_environment(), check=False)


def installs(output: str) -> list[str]:
    """The pin files installed, in order: each from uv's cache first, then the index."""
    found = re.findall(
        r"uv pip install .* --offline -r (\S+) 2>/dev/null \|\| \S+ pip install .* -r (\S+)", output
    )
    assert len(found) == sum("uv pip install" in line for line in output.splitlines()), output
    assert all(cached == online for cached, online in found), found
    return [cached for cached, _ in found]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("html-fr", ["requirements.txt"]),
        ("intl-update", ["requirements.txt", "requirements-intl.txt"]),
        ("test", ["requirements.txt", "requirements-intl.txt", "requirements-test.txt"]),
        (
            "lint",
            ["requirements.txt", "requirements-intl.txt", "requirements-test.txt", "requirements-lint.txt"],
        ),
        (
            "bench",
            ["requirements.txt", "requirements-intl.txt", "requirements-test.txt", "bench/requirements.txt"],
        ),
    ],
)
def test_each_target_installs_only_what_it_needs(tmp_path: Path, target: str, expected: list[str]) -> None:
    run = plan(tmp_path, target)
    assert run.returncode == 0, run.stderr
    assert installs(run.stdout) == expected


def made_by(output: str) -> str:
    match = re.search(r"echo '(.*)' > \S+/made-by", output)
    assert match, output
    return match.group(1)


def test_a_venv_made_by_another_python_or_other_pins_is_made_anew(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    identity = made_by(plan(tmp_path, "html-fr").stdout)
    venv.mkdir()
    (venv / "made-by").write_text(identity + "\n")
    (venv / ".site").touch()
    assert plan(tmp_path, "html-fr").stdout.count("pip install") == 0  # up to date: nothing to do
    for other in (identity.replace("3.", "2.", 1), re.sub(r"pins \d+", "pins 1", identity)):
        (venv / "made-by").write_text(other + "\n")
        steps = plan(tmp_path, "html-fr").stdout
        assert f"rm -rf {venv}" in steps
        assert "-r requirements-setup.txt" in steps  # uv, first
        assert installs(steps) == ["requirements.txt"]


def test_an_old_python_is_refused_with_the_version_needed(tmp_path: Path) -> None:
    fake = tmp_path / "python3.9"
    fake.write_text("#!/bin/sh\necho False 3.9.18 /usr/bin/python3.9\n")
    fake.chmod(0o755)
    run = plan(tmp_path, "html-fr", PYTHON=str(fake))
    assert run.returncode != 0
    assert "is Python 3.9.18; this project needs Python 3.11 or newer" in run.stderr
    missing = plan(tmp_path, "html-fr", PYTHON=str(tmp_path / "nowhere"))
    assert missing.returncode != 0
    assert "not found: install Python 3.11 or newer" in missing.stderr


def test_make_clean_says_how_to_remove_the_venv(tmp_path: Path) -> None:
    run = plan(tmp_path, "clean")
    assert "rm -rf" in run.stdout
    assert f"remove it with: rm -rf {tmp_path / 'venv'}" in run.stdout
