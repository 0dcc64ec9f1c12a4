"""German, where the claim that no sentence glues an article to a data value is tested:
a list's label is a noun that needs an article in every case („das Register“, „dem
Register“, „des Registers“), and the sentences quote it after a noun that carries the
article instead („die Liste „LSS-Register““), so any label reads right."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from projects import append, copy_project, make
from reading import text

#: German articles, every gender, number and case, definite and indefinite.
ARTICLES = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"}
LABEL, TITLE = "Registre de l'ONSS", "Registre des employeurs de l'ONSS"
GERMAN_LABEL = "LSS-Register"  # neuter: das Register, dem Register, des Registers


def add_a_list_with_a_new_label(project: Path) -> None:
    """A list of a new series, its source, and the German words for its new prose."""
    data = project / "data"
    uss = yaml.safe_load(next((data / "lists").glob("uss-*.yaml")).read_text("utf-8"))
    listed = {"title": TITLE, "label": LABEL, "source": "onss-register", "entries": uss["entries"][:5]}
    (data / "lists" / "onss-2023-01-31.yaml").write_text(yaml.safe_dump(listed, allow_unicode=True), "utf-8")
    sources = (data / "sources.yaml").read_text("utf-8")
    entry = (
        "  - id: onss-register\n    publisher: Office national de sécurité sociale\n"
        "    title: Registre\n    consulted: 2023-01-31\n    links:\n      - format: html\n"
        "        language: fr\n        url: https://www.example.org/registre\n"
    )
    (data / "sources.yaml").write_text(sources.replace("sources:\n", "sources:\n" + entry, 1), "utf-8")
    words = {LABEL: GERMAN_LABEL, TITLE: "Arbeitgeberregister des LSS", "Registre": "Register"}
    words["Office national de sécurité sociale"] = "Landesamt für soziale Sicherheit"
    append(
        project / "locales" / "de" / "LC_MESSAGES" / "data.po",
        "".join(f'\nmsgid "{french}"\nmsgstr "{german}"\n' for french, german in words.items()),
    )


def test_no_german_sentence_glues_an_article_to_a_list_s_label(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_a_list_with_a_new_label(project)
    run = make(project, "html-de", BUILDDIR=str(project / "_build"), COUNTS="")
    assert run.returncode == 0, run.output
    quoted = re.compile(rf"(\S+)\s+„{re.escape(GERMAN_LABEL)}“")
    before = []
    for page in sorted((project / "_build" / "html" / "de").rglob("*.html")):
        article = BeautifulSoup(page.read_text("utf-8"), "html.parser").find("article")
        if article is not None:
            before += [found.group(1) for found in quoted.finditer(text(article))]
    # the summary, the tables' status columns and the organisations' pages quote it
    assert len(before) >= 3, before
    assert [word for word in before if word.lower().strip("(") in ARTICLES] == []
