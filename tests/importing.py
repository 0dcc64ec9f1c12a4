"""What the importer's tests share: the 2021 publication, and how to read a list file
(the data as it was before it is the fixture ``last_year``, in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
PUBLISHED = "moniteur-2021-11-05"


def entries(path: Path) -> list[dict[str, str]]:
    data: dict[str, list[dict[str, str]]] = yaml.safe_load(path.read_text("utf-8"))
    return data["entries"]
