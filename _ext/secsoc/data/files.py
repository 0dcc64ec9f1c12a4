"""The files of a data directory, named by what they hold.

A page depends on files (the list it shows, the organisations it names), and a
mistake in one file must silence whatever depends on it.  Both speak of a file
by its kind and, for a list, its id, which is also its file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

#: Where the lists live in a data directory, and the JSON Schemas.
LISTS = "lists"
SCHEMAS = "schema"

#: A list's id is its file name: the schemas' id pattern (common.schema.json),
#: checked here because a file name is not part of the data the schema sees.
LIST_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
#: A data file larger than this is refused before it is parsed: the yearly lists
#: hold a few dozen entries and the benchmark's largest file (20,000 organisations)
#: is 2.4 MiB, so anything bigger is a mistake (a wrong file, a generated dump)
#: that would only cost time and memory (MAINTAINING.md, "Limits on data files").
MAX_FILE_BYTES = 4 * 1024 * 1024
#: Ids name files and pages (an organisation's page, a list's downloads): the schemas'
#: maxLength, checked here too for a list's file name.
MAX_ID_LENGTH = 64
#: The files of a data directory besides the lists; any other YAML file there is a
#: mistake (a misspelt name, a list saved in the wrong folder) and is reported.
TOP_LEVEL = ("organisations.yaml", "sources.yaml", "figures.yaml", "statements.yaml")


class Kind(StrEnum):
    """What a file holds; each kind has its schema, ``schema/<kind>.schema.json``."""

    ORGANISATIONS = "organisations"
    SOURCES = "sources"
    FIGURES = "figures"
    STATEMENTS = "statements"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class DataFile:
    kind: Kind
    list_id: str = ""  # a list's id; empty for the other kinds, which have one file each

    @property
    def relative(self) -> str:
        """The file's path in the data directory."""
        if self.kind is Kind.LIST:
            return f"{LISTS}/{self.list_id}.yaml"
        return f"{self.kind}.yaml"

    @property
    def schema(self) -> str:
        return f"{SCHEMAS}/{self.kind}.schema.json"


ORGANISATIONS = DataFile(Kind.ORGANISATIONS)
SOURCES = DataFile(Kind.SOURCES)
FIGURES = DataFile(Kind.FIGURES)
STATEMENTS = DataFile(Kind.STATEMENTS)


def list_file(list_id: str) -> DataFile:
    return DataFile(Kind.LIST, list_id)
