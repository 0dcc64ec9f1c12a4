"""Modules imported when first used, with the standard library's :class:`importlib.util.LazyLoader`.

Sphinx imports the extension at every build, a no-op rebuild included; the node
builders (``content/``) are only needed when a page is read, and the YAML reader,
the schemas and the records only when a data file changed.  Importing them is most
of the extension's start-up time (``make bench``'s no-op rebuild measures it).
Kept in the lowest layer, with the standard library only, so every layer may use it.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, executed on its first attribute access (the recipe of
    the ``importlib`` documentation)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}")
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
