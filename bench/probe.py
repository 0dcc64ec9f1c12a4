"""One Sphinx build inside this process, watched: what the data files cost.

Run by ``bench/run.py`` as ``python bench/probe.py PROJECT OUTPUT.json``. It
counts every time a data file (under ``data/``) is opened for reading, and
times the secsoc extension's entry points (loading and validating the data,
each directive's run) with an instrumenting profiler, then writes both as JSON.
Serial on purpose: counts from forked readers would not come back.
"""

from __future__ import annotations

import builtins
import functools
import importlib
import io
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any


def main(project: Path, output: Path) -> None:
    data = (project / "data").resolve()
    opened: Counter[str] = Counter()
    real_open = builtins.open

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, Path)) and "r" in mode:
            path = Path(file).resolve()
            if path.is_relative_to(data) and path.suffix in (".yaml", ".csv"):
                opened[path.relative_to(data).as_posix()] += 1
        return real_open(file, mode, *args, **kwargs)

    builtins.open = io.open = counting_open

    spent: defaultdict[str, float] = defaultdict(float)
    cpu: defaultdict[str, float] = defaultdict(float)
    sys.path.insert(0, str(project / "_ext"))  # the extension the project is built with
    _instrument(spent, cpu)

    from sphinx.cmd.build import build_main

    start, start_cpu = time.perf_counter(), time.process_time()
    status = build_main(
        [
            "-q",
            "-W",
            "-E",
            "-b",
            "html",
            "-c",
            str(project),
            str(project / "docs"),
            str(project / "_build" / "html"),
        ]
    )
    total, total_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    result = {"status": status, "total": total, "total_cpu": total_cpu, "opened": opened}
    output.write_text(json.dumps({**result, "spent": spent, "cpu": cpu}))


def _instrument(spent: defaultdict[str, float], cpu: defaultdict[str, float]) -> None:
    """Wrap each approach's entry points, timing wall and CPU time.

    Ours: the data loader and every directive's ``run()``; csv-table and
    datatemplates: their directive's ``run()``, which reads the file, parses it
    and builds the nodes, the same work as ours.  Nested calls are not counted
    twice, except "reading YAML", a detail of ours' loading, kept apart.
    """
    import secsoc.directives as directives
    import secsoc.state as state

    try:
        yamlsource = importlib.import_module("secsoc.data.yamlsource")
    except ImportError:  # an extension from before the layers (--baseline): the loader held read_yaml
        yamlsource = importlib.import_module("secsoc.loader")
    from docutils.parsers.rst.directives.tables import CSVTable
    from sphinxcontrib.datatemplates.directive import DataTemplateBase

    depth = [0]

    def timed(name: str, function: Callable[..., Any], detail: bool = False) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            depth[0] += 0 if detail else 1
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                depth[0] -= 0 if detail else 1
                if detail or depth[0] == 0:
                    spent[name] += time.perf_counter() - start
                    cpu[name] += time.process_time() - start_cpu

        return wrapper

    state.load = timed("loading and validating", state.load)
    setattr(yamlsource, "read_yaml", timed("reading YAML", yamlsource.read_yaml, detail=True))  # noqa: B010
    for directive in (
        directives.ListTable,
        directives.ListComparison,
        directives.Figures,
        directives.SourceCitation,
        directives.OrganisationRole,
    ):
        directive.run = timed("building nodes", directive.run)  # type: ignore[method-assign]
    CSVTable.run = timed("csv-table directive", CSVTable.run)  # type: ignore[method-assign]
    DataTemplateBase.run = timed("datatemplate directive", DataTemplateBase.run)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
