"""What the extension keeps in Sphinx's environment, in a :class:`~sphinx.domains.Domain`
as ``sphinx.ext.todo`` and sphinxcontrib-bibtex keep theirs.

The domain's ``data`` is saved with the environment between builds: the pages to
read again (see :mod:`.rereads`) and the loaded data files (see
:mod:`.data.loader`'s cache).  Sphinx drops a page's entries through
:meth:`clear_doc` when it reads the page again and merges parallel readers'
entries through :meth:`merge_domaindata`.  The build's loaded state
(:class:`.state.BuildData`) lives on the domain object, which Sphinx makes anew
for each build and never saves.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

if TYPE_CHECKING:
    from .state import BuildData

NAME = "secsoc"


class SecsocDomain(Domain):
    name = NAME
    label = "Social secretariats"
    # Bumped when the shape of ``data`` changes: Sphinx then starts from a fresh environment.
    data_version = 2
    initial_data: ClassVar[dict[str, Any]] = {
        "broken": set(),  # pages that gave a warning when last read
        "catalogs": None,  # the catalogs and data files seen by the last build (None: first build)
        "token": "",  # the build that last read pages
        "pending": frozenset(),  # the pages it read
        "files": {},  # the data files as last loaded (data.loader.Cache)
        "dated": {},  # page -> (a list's date, whether the page said it was over a year old)
    }
    #: This build's data, translator and formatter; set when the builder is set up.
    build: BuildData | None = None

    def clear_doc(self, docname: str) -> None:
        self.data["broken"].discard(docname)
        self.data["dated"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.data["broken"] |= otherdata["broken"] & set(docnames)
        self.data["dated"].update(
            (doc, dated) for doc, dated in otherdata["dated"].items() if doc in docnames
        )


def domain_of(env: BuildEnvironment) -> SecsocDomain:
    return cast(SecsocDomain, env.get_domain(NAME))
