"""Synthetic projects for the benchmark: the same lists rendered three ways.

``ours`` uses the secsoc directives on YAML data that follows our schemas;
``csv`` uses Sphinx's own csv-table on an equivalent CSV file; ``datatemplates``
uses sphinxcontrib-datatemplates with an equivalent Jinja template. Each project
is the real site's stack (its conf.py, MyST pages, furo, French), and every page
shows the same content, the two lists as tables with the same three columns, so
the rows can be compared.
"""

from __future__ import annotations

import compileall
import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
APPROACHES = ("ours", "csv", "datatemplates")
LISTS = ("moniteur-bench", "uss-bench")
HEADERS = ("N°", "Nom publié", "Organisme")


@dataclass(frozen=True)
class Row:
    position: int
    printed: str
    organisation: str  # the organisation's name, then its row's notes, as the table shows them


def organisations(n: int) -> list[dict[str, object]]:
    return [
        {
            "id": f"org-{i:05d}",
            "name": f"Secrétariat social {i:05d}",
            "aliases": [f"Secrétariat social {i:05d} ASBL", f"SECRETARIAT SOCIAL {i:05d}"],
        }
        for i in range(1, n + 1)
    ]


def entries(n: int, which: str) -> list[dict[str, str]]:
    """The first list names every organisation (one twice); the second all but the last."""
    result: list[dict[str, str]] = []
    if which == LISTS[0]:
        for i in range(1, n + 1):
            entry = {"printed": f"Secrétariat social {i:05d} ASBL", "organisation": f"org-{i:05d}"}
            if i % 50 == 0:
                entry["inferred"] = f"Déduit du numéro {i:05d}."
            result.append(entry)
        result[0]["remark"] = "première occurrence"
        result.append({**result[0], "remark": "doublon"})
    else:
        result = [
            {"printed": f"SECRETARIAT SOCIAL {i:05d}", "organisation": f"org-{i:05d}"} for i in range(1, n)
        ]
    return result


def rows(n: int, which: str) -> list[Row]:
    def notes(entry: dict[str, str]) -> str:
        # a remark is the source's words, quoted as ours quotes them
        found = [f"Remarque : « {entry['remark']} »"] if "remark" in entry else []
        found += [f"Correspondance déduite : {entry['inferred']}"] if "inferred" in entry else []
        return "".join(f" {note}" for note in found)

    return [
        Row(index, entry["printed"], f"Secrétariat social {entry['organisation'][4:]}{notes(entry)}")
        for index, entry in enumerate(entries(n, which), 1)
    ]


def _dump(path: Path, schema: str, data: object) -> None:
    """Block-style YAML, as maintainers write the site's data (libyaml's dumper: quick)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"# yaml-language-server: $schema={schema}\n{text}", "utf-8")


def write_data(root: Path, n: int) -> None:
    data = root / "data"
    shutil.copytree(REPO / "data" / "schema", data / "schema")
    _dump(
        data / "organisations.yaml", "schema/organisations.schema.json", {"organisations": organisations(n)}
    )
    sources = [
        {
            "id": name,
            "publisher": "Moniteur belge",
            "title": f"Liste {name}",
            "reference_date": "2021-11-05",
            "links": [{"format": "html", "url": f"https://example.org/{name}"}],
        }
        for name in LISTS
    ]
    _dump(data / "sources.yaml", "schema/sources.schema.json", {"sources": sources})
    figures = [{"id": "f", "statement": "{count} travailleurs.", "count": n, "source": LISTS[0]}]
    _dump(data / "figures.yaml", "schema/figures.schema.json", {"figures": figures})
    statements = [{"id": "s", "group": "g", "text": "La liste paraît chaque année.", "source": LISTS[0]}]
    _dump(data / "statements.yaml", "schema/statements.schema.json", {"statements": statements})
    for name in LISTS:
        listed = {
            "title": f"Liste {name}",
            "label": f"liste {name}",
            "source": name,
            "entries": entries(n, name),
        }
        _dump(data / "lists" / f"{name}.yaml", "../schema/list.schema.json", listed)
        (data / "csv").mkdir(exist_ok=True)
        with (data / "csv" / f"{name}.csv").open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            for row in rows(n, name):
                writer.writerow([row.position, row.printed, row.organisation])
        table = {"title": f"Liste {name}", "rows": [row.__dict__ for row in rows(n, name)]}
        _dump(data / "denormalised" / f"{name}.yaml", "none", table)


# The site's own conf.py (MyST, furo, French, its locale directory), with what a
# bench project changes: no generated organisation pages (the page content is the
# same for every approach), and the other approaches without our extension.
CONF_CHANGES = {
    "ours": 'secsoc_organisation_pages = ""\n',
    "csv": 'extensions = ["myst_parser"]\n',
    "datatemplates": (
        'extensions = ["myst_parser", "sphinxcontrib.datatemplates"]\ntemplates_path = ["_templates"]\n'
    ),
}
WITHOUT_OURS = """\
html_sidebars = {"**": [name for name in html_sidebars["**"] if not name.startswith("secsoc/")]}
"""

TEMPLATE = """\
```{list-table} {{ data.title }}
:header-rows: 1

* - N°
  - Nom publié
  - Organisme
{% for row in data.rows %}* - {{ row.position }}
  - {{ row.printed }}
  - {{ row.organisation }}
{% endfor %}```
"""


def page(approach: str, number: int) -> str:
    """The same content for every approach: a title and the two lists as tables."""
    blocks = [f"# Page {number}\n"]
    for name in LISTS:
        if approach == "csv":
            headers = ", ".join(f'"{header}"' for header in HEADERS)
            body = f"csv-table}} Liste {name}\n:file: ../data/csv/{name}.csv\n:header: '{headers}'"
        elif approach == "datatemplates":
            body = f"datatemplate:yaml}} ../data/denormalised/{name}.yaml\n:template: list.tmpl"
        else:
            body = f"secsoc-list}} {name}"
        blocks.append(f"```{{{body}\n```\n")
    return "\n".join(blocks)


def generate(root: Path, approach: str, n: int, pages: int, extension: Path | None = None) -> Path:
    """A complete Sphinx project in ``root`` (source dir ``root/docs``, conf in ``root``).

    ``extension`` is the ``_ext`` directory to build ours with: the working tree's
    by default, or an earlier revision's for a comparison with it.
    """
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    write_data(root, n)
    shutil.copytree(extension or REPO / "_ext", root / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    # Compiled as pip compiles every installed package (Sphinx, docutils, csv-table's
    # code): a machine with PYTHONDONTWRITEBYTECODE set would otherwise compile the
    # extension's source again at every build, and time that instead of the build.
    compileall.compile_dir(root / "_ext", quiet=1)
    shutil.copytree(REPO / "locales", root / "locales", ignore=shutil.ignore_patterns("*.mo", "*.js"))
    own_conf = extension.parent / "conf.py" if extension else REPO / "conf.py"
    conf = own_conf.read_text("utf-8") + "\n# --- the benchmark's changes ---\n"
    conf += CONF_CHANGES["ours" if approach.startswith("ours") else approach]
    conf += "" if approach.startswith("ours") else WITHOUT_OURS
    (root / "conf.py").write_text(conf, "utf-8")
    (root / "_templates").mkdir()
    (root / "_templates" / "list.tmpl").write_text(TEMPLATE, "utf-8")
    docs = root / "docs"
    docs.mkdir()
    toctree = "\n".join(f"page{number}" for number in range(1, pages + 1))
    (docs / "index.md").write_text(f"# Bench\n\n```{{toctree}}\n{toctree}\n```\n", "utf-8")
    for number in range(1, pages + 1):
        (docs / f"page{number}.md").write_text(page(approach, number), "utf-8")
    return root
