"""MAINTAINING.md's "Adding next year's list", run literally, on a publication of our own.

A realistic 2022 publication (one organisation gone, one new, two new spellings, moves),
saved as the Moniteur belge's HTML page and as text: ``make import-list``, the fixes the
command's report asks for, the source entry it prints (completed from the publication
where a text file lacks it), ``make html``, then the project's own checks on the result.
No catalog, page or test is edited: a data-only year needs none.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from projects import ROOT, TRANSLATIONS, copy_project, make, plain_environment

LIST_ID = "moniteur-2022-11-05"
NUMAC = "2022206543"
PUBLISHED = "2022-12-20"
PDF = "https://www.ejustice.just.fgov.be/mopdf/2022/12/20_2.pdf#Page98765"

# Last year's list with Paycover gone, a new secretariat, Acerta and Liantis printed
# otherwise, and two pairs of entries in the other order (Sodalis/Orbiss, Salar/Besox).
NAMES = [
    "Group S - Secrétariat Social",
    "Attentia, Secrétariat Social Agréé",
    "Securex, Secrétariat Social",
    "Secrétariat Social des Notaires de Belgique",
    "UCM - Secrétariat Social",
    "Acerta Secrétariat Social ASBL",
    "SST",
    "Partena, Secrétariat Social d'Employeurs (première occurrence, repris à 300)",
    "Secrétariat Social le Cap",
    "Liantis Secrétariat Social",
    "Orbiss",
    "Sociaal Secretariaat EASYPAY",
    "SD",
    "Nationale Patroonsdienst, Sociaal Secretariaat voor Kleine en Middelgrote Ondernemingen",
    "Sodalis",
    "Partena, Secrétariat Social d'Employeurs (doublon, repris à 740)",
    "Sodibe, Sociale Dienst voor het Bedrijfsleven",
    "Wij Helpen, Sociaal Secretariaat",
    "Sociaal Secretariaat voor Handel en Ambacht",
    "Sociaal Secretariaat - Sociaal Dienstbetoon voor Werkgevers - Sodiwe",
    "Secretariat Social Agréé Accuria",
    "Centrum voor Loonbeheer",
    "SSE — Secrétariat Social",
    "Besox",
    "Salar",
    "Handel, Diensten en Industrie",
    "Secrétariat Social Horizon",
]
TITLE = "Liste des secrétariats sociaux agréés d'employeurs et de leurs succursales à la date du 05/11/2022"


def as_text() -> str:
    entries = "".join(f"{number}. {name}\n" for number, name in enumerate(NAMES, 1))
    return f"MONITEUR BELGE — 20.12.2022 — BELGISCH STAATSBLAD\n\n{TITLE}\n\n{entries}"


def as_html() -> str:
    entries = "".join(f"{number}. {name}<br>\n" for number, name in enumerate(NAMES, 1))
    page = (
        f"https://www.ejustice.just.fgov.be/cgi/article_body.pl?numac={NUMAC}&amp;caller=list"
        f"&amp;pub_date={PUBLISHED}&amp;language=fr"
    )
    return (
        "<html><head><meta charset='utf-8'><title>Moniteur belge</title></head><body>\n"
        f"<p>numac : {NUMAC}</p>\n<p><a href='{page}'>Publié le {PUBLISHED}</a> - "
        f"<a href='{PDF}'>version PDF</a></p>\n<p>{TITLE}</p>\n<p>\n{entries}</p></body></html>\n"
    )


def the_procedure(project: Path, publication: Path) -> str:
    """Steps 1 to 5, as a maintainer follows them: what ``make html`` printed."""
    data = project / "data"
    # 1. Import: the command writes the draft and says what needs a human.
    imported = make(project, "import-list", f"FILE={publication}")
    report = imported.output
    assert imported.returncode != 0, report  # an unknown organisation is left to us
    # 3. A new organisation, new spellings among the aliases of known ones.
    organisations = yaml.safe_load((data / "organisations.yaml").read_text("utf-8"))
    by_id = {found["id"]: found for found in organisations["organisations"]}
    for printed, known in re.findall(r"entry \d+ '([^']*)': add it to the aliases of '([\w-]+)'", report):
        by_id[known].setdefault("aliases", []).append(printed)
    unknown = re.findall(r"entry (\d+) '([^']*)': unknown organisation", report)
    assert [name for _, name in unknown] == ["Secrétariat Social Horizon"], report
    organisations["organisations"].append({"id": "horizon", "name": "Secrétariat Social Horizon"})
    header = "# yaml-language-server: $schema=schema/organisations.schema.json\n"
    (data / "organisations.yaml").write_text(
        header + yaml.safe_dump(organisations, allow_unicode=True, sort_keys=False, width=200), "utf-8"
    )
    draft = data / "lists" / f"{LIST_ID}.yaml"
    draft.write_text(draft.read_text("utf-8").replace("organisation: '?'", "organisation: horizon"), "utf-8")
    # 4. The source entry as printed, completed from the publication where the file lacked it.
    printed_source = report[report.index("- id: ") : report.index("\nThe draft")]
    (source,) = yaml.safe_load(printed_source)
    missing = {
        "publication_date": PUBLISHED,
        "numac": NUMAC,
        "links": [
            {
                "format": "html",
                "language": language,
                "url": f"https://www.ejustice.just.fgov.be/cgi/article_body.pl?numac={NUMAC}"
                f"&caller=list&pub_date={PUBLISHED}&language={language}",
            }
            for language in ("fr", "nl")
        ]
        + [{"format": "pdf", "url": PDF, "page": 98765}],
    }
    for name, value in missing.items():
        source.setdefault(name, value)
    assert source == {
        "id": LIST_ID,
        "publisher": "Moniteur belge",
        "title": "Liste des secrétariats sociaux agréés d'employeurs et de leurs succursales",
        "reference_date": "2022-11-05",
        **missing,
    }
    entry = yaml.safe_dump([source], allow_unicode=True, sort_keys=False, width=200)
    indented = "".join(f"  {line}" for line in entry.splitlines(keepends=True))
    sources = data / "sources.yaml"
    sources.write_text(sources.read_text("utf-8").replace("sources:\n", "sources:\n" + indented, 1), "utf-8")
    # 5. make html.
    built = make(project, "html", BUILDDIR=str(project / "_build"))
    assert built.returncode == 0, built.output
    return built.output


@pytest.mark.slow  # the whole procedure on a copy of the project, and its checks
@pytest.mark.parametrize("form", ["html", "txt"])
def test_the_yearly_procedure_needs_no_catalog_page_or_test_edit(tmp_path: Path, form: str) -> None:
    project = copy_project(tmp_path / "project")
    publication = tmp_path / f"moniteur-2022.{form}"
    publication.write_text(as_html() if form == "html" else as_text(), "utf-8")
    output = the_procedure(project, publication)
    # nothing new to translate: the new list repeats last year's texts
    for language in TRANSLATIONS:
        counts = rf"^{language}: messages \d+ translated, 0 fuzzy, 0 untranslated, 0 refused$"
        assert re.search(counts, output, re.M), output
    page = (project / "_build" / "html" / "fr" / "secretariats.html").read_text("utf-8")
    assert "Secrétariat Social Horizon" in page and "ne figure plus dans la liste" in page
    assert "PDF, page 98765" in page
    if form == "txt":
        return
    # the project's own checks, on the updated copy, as `make test` runs pytest: the
    # real site's (this year's data, and next year's after it) and the catalogs' currency
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    checks = [
        "tests/test_site.py",
        "tests/test_translation.py::test_intl_update_changes_nothing_on_an_unchanged_tree",
    ]
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--ignore=tests/browser",
        *checks,
    ]
    tested = subprocess.run(
        command, cwd=project, capture_output=True, text=True, env=plain_environment(), check=False
    )
    assert tested.returncode == 0, tested.stdout[-3000:]
    passed = re.search(r"(\d+) passed", tested.stdout)
    assert passed and int(passed.group(1)) > 50, tested.stdout[-500:]  # the real-site checks ran
