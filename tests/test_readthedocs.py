"""Read the Docs builds the same site as ``make html``, and the language switch follows it there."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from projects import ROOT, TRANSLATIONS, BuildRoot, Project, append, plain_environment
from reading import Site, attribute, found
from secsoc.languages import alternates

NAMES = {"fr": "Français", "nl": "Nederlands"}
CANONICAL = "https://secretariats-sociaux.readthedocs.io/{language}/latest/"


def read_the_docs_command() -> list[str]:
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text("utf-8"))
    assert config["version"] == 2
    assert config["sphinx"]["fail_on_warning"] is True
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]
    (command,) = config["build"]["jobs"]["build"]["html"]
    return shlex.split(command)


@pytest.mark.slow
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_read_the_docs_translation_build_matches_make_html(
    tmp_path: Path, project: Project, language: str
) -> None:
    output = tmp_path / "readthedocs-output"
    canonical = CANONICAL.format(language=language)
    environment = plain_environment(
        {
            "READTHEDOCS": "True",
            "READTHEDOCS_LANGUAGE": language,
            "READTHEDOCS_OUTPUT": str(output),
            "READTHEDOCS_CANONICAL_URL": canonical,
        }
    )
    command = read_the_docs_command()
    for name in ("READTHEDOCS_LANGUAGE", "READTHEDOCS_OUTPUT"):
        command = [part.replace(f"${name}", environment[name]) for part in command]
    assert command[:3] == ["python", "-m", "sphinx"]
    assert {"-W", "--keep-going", f"language={language}"} <= set(command)
    command = [part.replace("_build/", str(tmp_path / "rtd-build") + "/") for part in command]
    run = subprocess.run(
        [sys.executable, *command[1:]],
        cwd=project.path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    published = Site(output / "html", run.stderr)
    pages = sorted(path.stem for path in (project.path / "docs").glob("*.md"))
    for page in pages:
        assert str(published.main(page)) == str(project.sites[language].main(page)), page
        link = published.page(page).find("link", rel="canonical")
        assert attribute(found(link), "href") == f"{canonical}{page}.html"
        switch = published.page(page).select_one(".secsoc-languages a[hreflang=fr]")
        expected = f"https://secretariats-sociaux.readthedocs.io/fr/latest/{page}.html"
        assert attribute(found(switch), "href") == expected


@pytest.mark.parametrize(
    ("canonical", "expected"),
    [
        (None, {"fr": "../../fr/guide/page.html", "nl": "../../nl/guide/page.html"}),
        (
            "https://x.readthedocs.io/fr/stable/",
            {
                "fr": "https://x.readthedocs.io/fr/stable/guide/page.html",
                "nl": "https://x.readthedocs.io/nl/stable/guide/page.html",
            },
        ),
        # an address no link may take is not used: the links stay relative
        ("javascript:alert(1)//fr/", {"fr": "../../fr/guide/page.html", "nl": "../../nl/guide/page.html"}),
        (
            "https://x.example/fr/ onmouseover=alert(1)",
            {"fr": "../../fr/guide/page.html", "nl": "../../nl/guide/page.html"},
        ),
    ],
    ids=["local", "read-the-docs", "javascript", "space"],
)
def test_alternates_locally_and_on_read_the_docs(canonical: str | None, expected: dict[str, str]) -> None:
    links = alternates("fr", NAMES, "guide/page.html", canonical)
    assert {link.language: link.href for link in links} == expected
    assert [link.current for link in links] == [True, False]


def test_a_canonical_address_no_link_may_take_is_refused(build: BuildRoot, secsoc_root: Path) -> None:
    """READTHEDOCS_CANONICAL_URL reaches html_baseurl in conf.py: checked like any address."""
    append(secsoc_root / "conf.py", '\nhtml_baseurl = "javascript:alert(1)//"\n')
    site = build(secsoc_root)
    (message,) = [row for row in site.warnings.splitlines() if "WARNING" in row]
    assert "html_baseurl: 'javascript:alert(1)//' is not an http:// or https:// address" in message
    assert message.endswith("[secsoc.config]")
    assert "javascript:" not in (site.outdir / "lists.html").read_text("utf-8")
