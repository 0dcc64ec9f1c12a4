"""The benchmark: our directives against csv-table and sphinxcontrib-datatemplates.

``make bench`` runs it and writes ``bench/RESULTS.md`` and ``bench/build-time.png``.
Every measurement is interleaved (ours, csv, datatemplates, ours, ...) so that
the machine's noise falls on all three alike; the table gives medians and the
ratios between them. ``--quick`` (N=100, P=1, one run) only checks that the
three approaches render the same rows, and is ``make bench-check`` (CI runs it).
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import APPROACHES, LISTS, generate

HERE = Path(__file__).resolve().parent
SIZES = (100, 1_000, 5_000, 20_000)
PAGES = (1, 50, 200)
FIRST_SIZES = (100, 1_000)  # first builds: what -E keeps matters most where builds are short
# Builds of at most this many organisations (N times pages) take a second or two, and
# their run-to-run noise is larger than the differences measured: SHORT_RUNS times the runs.
SHORT_ROWS, SHORT_RUNS = 1_000, 5
TARGET_N = 5_000
# Rebuilds are about which pages are read again: ten pages of a 1,000-organisation list.
REBUILD_N, REBUILD_PAGES = 1_000, 10
NOOP_SAMPLES = 5  # no-op rebuilds per run and approach
BASELINE = "baseline"  # ours, built with an earlier revision's extension (--baseline)


@dataclass
class Samples:
    time: list[float] = field(default_factory=list)  # wall
    cpu: list[float] = field(default_factory=list)  # user + system
    memory: list[float] = field(default_factory=list)  # MiB

    @property
    def median_time(self) -> float:
        return statistics.median(self.time)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def median_memory(self) -> float:
        return statistics.median(self.memory)


def sphinx(project: Path, *, fresh: bool) -> tuple[float, float, float, str]:
    """One build as a separate process: wall time, CPU time, peak memory (MiB) and output."""
    # -W: a warning means a page is not what it should be, and its time means nothing
    command = [sys.executable, "-m", "sphinx", "-W", "-b", "html", "-c", str(project)]
    command += ["-E"] if fresh else []
    command += [str(project / "docs"), str(project / "_build" / "html")]
    start = time.perf_counter()
    environment = {**os.environ, "NO_COLOR": "1"}  # the output is parsed
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{output}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def documents_read(output: str) -> int:
    found = re.search(r"updating environment: .*?(\d+) added, (\d+) changed", output)
    return int(found.group(1)) + int(found.group(2)) if found else 0


def projects(root: Path, n: int, pages: int, baseline: Path | None = None) -> dict[str, Path]:
    """One project per approach; with ``baseline`` (an earlier ``_ext``), ours built with it too."""
    made = {
        approach: generate(root / f"{approach}-{n}-{pages}", approach, n, pages) for approach in APPROACHES
    }
    if baseline is not None:
        made[BASELINE] = generate(root / f"baseline-{n}-{pages}", "ours", n, pages, baseline)
    return made


def full_builds(root: Path, n: int, pages: int, runs: int, *, first: bool = False) -> dict[str, Samples]:
    """``first``: each build in an empty build folder, as on a fresh clone or Read the Docs."""
    made = projects(root, n, pages)
    for project in made.values():  # warm-up, not counted: compiled modules, file cache
        sphinx(project, fresh=True)
    samples = {approach: Samples() for approach in APPROACHES}
    for _ in range(runs):
        for approach, project in made.items():  # interleaved: A B C A B C ...
            if first:
                shutil.rmtree(project / "_build")
            elapsed, cpu, memory, _ = sphinx(project, fresh=True)
            samples[approach].time.append(elapsed)
            samples[approach].cpu.append(cpu)
            samples[approach].memory.append(memory)
    return samples


def edited_file(approach: str, project: Path) -> Path:
    data = project / "data"
    return {
        "ours": data / "lists" / f"{LISTS[0]}.yaml",
        "csv": data / "csv" / f"{LISTS[0]}.csv",
        "datatemplates": data / "denormalised" / f"{LISTS[0]}.yaml",
    }[approach]


def rebuilds(root: Path, n: int, pages: int, runs: int) -> dict[str, dict[str, list[float]]]:
    """No-op rebuilds and rebuilds after saving one list file: time and documents read."""
    made = projects(root, n, pages)
    for project in made.values():
        sphinx(project, fresh=True)
    result: dict[str, dict[str, list[float]]] = {
        a: {"noop": [], "noop_read": [], "edit": [], "edit_read": []} for a in APPROACHES
    }
    for _ in range(runs):
        # A no-op rebuild takes under a second: the machine's noise is the size of
        # the differences, so each run takes several samples, interleaved.
        for _ in range(NOOP_SAMPLES):
            for approach, project in made.items():
                elapsed, _, _, output = sphinx(project, fresh=False)
                result[approach]["noop"].append(elapsed)
                result[approach]["noop_read"].append(documents_read(output))
        for approach, project in made.items():
            edited = edited_file(approach, project)
            edited.write_bytes(edited.read_bytes())  # saved as an editor saves it
            os.utime(edited)
            elapsed, _, _, output = sphinx(project, fresh=False)
            result[approach]["edit"].append(elapsed)
            result[approach]["edit_read"].append(documents_read(output))
    return result


def probe(project: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "probe.json"
        subprocess.run([sys.executable, str(HERE / "probe.py"), str(project), str(output)], check=True)
        result: dict[str, Any] = json.loads(output.read_text())
        return result


def shares(made: dict[str, Path], runs: int) -> dict[str, dict[str, Any]]:
    """Each approach's own parts, from ``runs`` probed builds, interleaved: medians."""
    probed: dict[str, list[dict[str, Any]]] = {approach: [] for approach in made}
    for project in made.values():
        probe(project)  # warm-up
    for _ in range(runs):
        for approach, project in made.items():
            probed[approach].append(probe(project))
    result: dict[str, dict[str, Any]] = {}
    for approach, found in probed.items():
        result[approach] = {
            "total": statistics.median(r["total"] for r in found),
            "total_cpu": statistics.median(r["total_cpu"] for r in found),
            "spent": {name: statistics.median(r["spent"][name] for r in found) for name in found[0]["spent"]},
            "cpu": {name: statistics.median(r["cpu"][name] for r in found) for name in found[0]["cpu"]},
        }
    return result


LOAD_SITE = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
try:
    from secsoc.data.loader import load_dataset
except ImportError:  # an extension from before the layers (--baseline)
    from secsoc.loader import load_dataset
root = Path(sys.argv[2])
start = time.process_time()
dataset, problems = load_dataset(root / "data", root)
assert not problems, problems
print(time.process_time() - start)
"""


def site_loading(extensions: dict[str, Path], runs: int) -> dict[str, float]:
    """CPU seconds to load the real site's data/ with each extension, interleaved: medians."""
    found: dict[str, list[float]] = {name: [] for name in extensions}
    for _ in range(runs + 1):  # the first round warms up
        for name, extension in extensions.items():
            output = subprocess.run(
                [sys.executable, "-c", LOAD_SITE, str(extension), str(HERE.parent)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            found[name].append(float(output))
    return {name: statistics.median(times[1:]) for name, times in found.items()}


def extension_at(revision: str, work: Path) -> Path:
    """The ``_ext`` directory of an earlier revision, extracted from git, with that
    revision's ``conf.py`` beside it (its imports are that extension's)."""
    target = work / f"ext-{revision}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(HERE.parent), "archive", "--format=tar", revision, "_ext", "conf.py"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / "_ext"


def body(table: Tag) -> Tag:
    found = table.find("tbody")
    assert isinstance(found, Tag)
    return found


def rendered_rows(project: Path) -> list[list[list[str]]]:
    """The body rows of every table of page 1, as cell texts: the three columns every
    approach renders (number, printed name, organisation).  Ours also labels each cell
    for phones (an attribute) and adds a status column per other series (work the
    others do not do, so it counts against ours); the column is left out of the
    comparison."""
    page = BeautifulSoup((project / "_build" / "html" / "page1.html").read_text("utf-8"), "html.parser")
    return [
        [
            [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")[:3]]
            for row in body(table).find_all("tr")
        ]
        for table in page.find_all("table")
    ]


def quick(root: Path) -> None:
    """N=100, P=1: the three approaches render the same rows; each data file is parsed once."""
    made = projects(root, 100, 1)
    rows = {}
    for approach, project in made.items():
        sphinx(project, fresh=True)
        rows[approach] = rendered_rows(project)
    assert len(rows["ours"]) == 2 and len(rows["ours"][0]) == 101, "ours: two tables, 100 + 1 rows"
    for approach in APPROACHES[1:]:
        assert rows[approach] == rows["ours"], f"{approach} renders other rows than ours"
    counts = probe(made["ours"])["opened"]
    assert counts and set(counts.values()) == {1}, counts
    print(f"quick benchmark: the three approaches render the same {sum(map(len, rows['ours']))} rows")


# -- report -------------------------------------------------------------------------


def test_suite(work: Path) -> dict[str, Any]:
    """``make test`` on a fresh clone of this checkout's last commit, as the README's
    reader runs it: the whole command (``.venv`` set up with uv's cache warm
    included) and pytest's own time, which the README points to instead of a number."""
    clone = work / "fresh-clone"
    shutil.rmtree(clone, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(HERE.parent), str(clone)], check=True)
    started = time.perf_counter()
    run = subprocess.run(
        ["make", "test"], cwd=clone, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    total = time.perf_counter() - started
    found = re.search(r"(\d+) passed.* in ([\d.]+)s", run.stdout)
    shutil.rmtree(clone, ignore_errors=True)
    return {
        "ok": run.returncode == 0,
        "total": total,
        "pytest": float(found.group(2)) if found else float("nan"),
        "passed": int(found.group(1)) if found else 0,
    }


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    packages = (
        "sphinx",
        "docutils",
        "sphinxcontrib-datatemplates",
        "pyyaml",
        "jsonschema",
        "babel",
    )
    return [
        f"- Machine: {cpu}, {os.cpu_count()} cores, {int(memory) // 1024 // 1024} GiB",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
        "- " + ", ".join(f"{name} {version(name)}" for name in packages),
    ]


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x"


def _times(samples: dict[str, Samples]) -> str:
    """The three median times (wall, then CPU) and ours against each, as table cells."""
    o, c, d = (samples[a] for a in APPROACHES)
    return (
        f"{o.median_time:.2f} | {c.median_time:.2f} | {d.median_time:.2f} "
        f"| {o.median_cpu:.2f} | {c.median_cpu:.2f} | {d.median_cpu:.2f} "
        f"| {ratio(o.median_time, c.median_time)} | {ratio(o.median_cpu, c.median_cpu)} "
        f"| {ratio(o.median_time, d.median_time)} | {ratio(o.median_cpu, d.median_cpu)}"
    )


TIMES_HEADER = (
    "ours (s) | csv-table (s) | datatemplates (s) | ours CPU (s) | csv CPU (s) | datatemplates CPU (s) "
    "| ours / csv | CPU ours / csv | ours / datatemplates | CPU ours / datatemplates"
)
TIMES_RULE = "|---" * 10


def check(label: str, value: float, limit: float) -> str:
    return f"| {label} | {value:.2f} | {limit:.2f} | {'met' if value <= limit else '**missed**'} |"


def plot(by_size: dict[int, dict[str, Samples]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5))
    sizes = sorted(by_size)
    for approach, label in zip(APPROACHES, ("secsoc (ours)", "csv-table", "datatemplates"), strict=True):
        axes.plot(sizes, [by_size[n][approach].median_time for n in sizes], marker="o", label=label)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("organisations per list (N), one page")
    axes.set_ylabel("full build, median wall time (s)")
    axes.set_title("Full build time against N")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    # No software version in the PNG: it changes only when the numbers do.
    figure.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(figure)


def report(
    runs: int,
    target: int,
    by_size: dict[int, dict[str, Samples]],
    by_pages: dict[int, dict[str, Samples]],
    first: dict[int, dict[str, Samples]],
    rebuilt: dict[str, dict[str, list[float]]],
    parses: dict[int, dict[str, dict[str, int]]],
    probed: dict[str, dict[str, Any]],
    baseline: str | None,
    site: dict[str, float],
    tests: dict[str, Any],
    elapsed: float,
) -> str:
    lines = ["# Benchmark results", "", "Produced by `make bench` (`bench/run.py`); do not edit by hand.", ""]
    lines += machine()
    lines += [
        f"- {runs} runs of every measurement after one warm-up build, interleaved (ours, csv-table, "
        f"datatemplates, ours, ...); medians. Builds of at most {SHORT_ROWS:,} organisations in all "
        f"(N times pages) take a second or two and vary more from run to run: {runs * SHORT_RUNS} "
        f"runs each. The whole benchmark took {elapsed / 60:.0f} minutes.",
        "- Each build is a separate `python -m sphinx -E -b html` process, serial. Wall time is measured "
        "around it; CPU time is its user + system time; peak memory is its maximum resident set size.",
        "- `-E` reads every page again and keeps the doctree folder, so what ours keeps there by content "
        "is reused by its full builds: the compiled templates and the verdicts of the checks, keyed by "
        "what was checked (the schemas against their draft, each data file against the schemas). The "
        "data is read at every full build, and checked again where it changed; the first builds, "
        "in an empty folder, are measured apart.",
        "- Every project is the site's own stack: its `conf.py` (MyST, furo, French, its catalogs), "
        "block-style YAML data. Every page has the same content: a title and the two lists (N and N-1 "
        "organisations) as tables with the same three columns. Organisation pages are not generated.",
        "- Every project's `_ext` is compiled to bytecode beforehand, as pip compiles the packages it "
        "installs (csv-table's and datatemplates' code among them).",
        "",
        "## Full build against N (one page)",
        "",
        f"| N | {TIMES_HEADER} | ours (MiB) | csv (MiB) | datatemplates (MiB) | memory ours / csv |",
        f"|---{TIMES_RULE}|---|---|---|---|",
    ]
    for n, samples in sorted(by_size.items()):
        o, c, d = (samples[a] for a in APPROACHES)
        lines.append(
            f"| {n:,} | {_times(samples)} | {o.median_memory:.0f} | {c.median_memory:.0f} "
            f"| {d.median_memory:.0f} | {ratio(o.median_memory, c.median_memory)} |"
        )
    lines += ["", "![Full build time against N](build-time.png)", ""]
    lines += [
        "## Full build against the number of pages (N = 100)",
        "",
        f"| pages | {TIMES_HEADER} |",
        f"|---{TIMES_RULE}|",
    ]
    lines += [f"| {pages} | {_times(samples)} |" for pages, samples in sorted(by_pages.items())]
    lines += [
        "",
        "## First build, in an empty build folder (one page)",
        "",
        "Without the doctree folder, ours compiles the templates and checks the schemas and every "
        "data file, as on a fresh clone or Read the Docs.",
        "",
        f"| N | {TIMES_HEADER} |",
        f"|---{TIMES_RULE}|",
    ]
    lines += [f"| {n:,} | {_times(samples)} |" for n, samples in sorted(first.items())]
    lines += [
        "",
        f"## Rebuilds (N = {REBUILD_N:,}, {REBUILD_PAGES} pages)",
        "",
        f"A no-op rebuild: building again with nothing changed ({NOOP_SAMPLES} samples a run, "
        "interleaved, the first after the last run's rebuild below). Then saving one list file "
        "again (same content, new modification time), and building.",
        "",
        "| approach | no-op rebuild (s) | documents read | after saving one list (s) | documents read |",
        "|---|---|---|---|---|",
    ]
    for approach in APPROACHES:
        r = rebuilt[approach]
        lines.append(
            f"| {approach} | {statistics.median(r['noop']):.2f} | {int(statistics.median(r['noop_read']))} "
            f"| {statistics.median(r['edit']):.2f} | {int(statistics.median(r['edit_read']))} |"
        )
    lines += [
        "",
        "## How many times each data file is read in one build (N = 100)",
        "",
        "| pages | ours | csv-table | datatemplates |",
        "|---|---|---|---|",
    ]
    for pages, counts in sorted(parses.items()):
        cells = [
            ", ".join(f"{name}: {count}" for name, count in sorted(counts[a].items())) for a in APPROACHES
        ]
        lines.append(f"| {pages} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"## Each approach's own share (N = {target:,}, one page)",
        "",
        f"From an instrumenting profile of {runs} in-process builds per approach (medians): time inside "
        "each approach's entry points (ours: the data loader and each directive's `run()`; csv-table "
        "and datatemplates: their directive's `run()`, which reads, parses and builds the same table), "
        "against that whole build. Reading YAML is part of ours' loading, shown apart.",
        "",
        "| approach | part | wall (s) | CPU (s) | share of its build (CPU) |",
        "|---|---|---|---|---|",
    ]
    for approach in APPROACHES:
        result = probed[approach]
        for name, seconds in sorted(result["spent"].items()):
            cpu = result["cpu"][name]
            lines.append(
                f"| {approach} | {name} | {seconds:.3f} | {cpu:.3f} | {cpu / result['total_cpu']:.1%} |"
            )
        lines.append(
            f"| {approach} | **whole build** | {result['total']:.3f} | {result['total_cpu']:.3f} | 100% |"
        )
    own = _own_cpu(probed["ours"]) / probed["ours"]["total_cpu"]
    if baseline is not None:
        lines += _against(baseline, target, probed, site)

    five = by_size[target]
    o, c, d = (five[a] for a in APPROACHES)
    largest = max(by_size)
    growth = by_size[largest]["ours"].median_time / o.median_time
    lines += [
        "",
        "## `make test` on a fresh clone",
        "",
        "A clone of the last commit, then `make test` (the quick suite, on every core): the whole "
        "command, setting up `.venv` with uv's cache warm included, and pytest's own time.",
        "",
        "| whole command (s) | pytest (s) | tests passed | succeeded |",
        "|---|---|---|---|",
        f"| {tests['total']:.0f} | {tests['pytest']:.0f} | {tests['passed']} "
        f"| {'yes' if tests['ok'] else '**no**'} |",
    ]
    once = all(set(counts["ours"].values()) == {1} for counts in parses.values())
    lines += [
        "",
        f"## Targets (N = {target:,})",
        "",
        "| target | measured | limit | |",
        "|---|---|---|---|",
        check("full build, ours / csv-table", o.median_time / c.median_time, 0.95),
        check("full build, ours / datatemplates", o.median_time / d.median_time, 0.55),
        check("peak memory, ours / csv-table", o.median_memory / c.median_memory, 1.10),
        check("extension's own share of the build (CPU)", own, 0.10),
        check(f"linear growth, ours at {largest:,} / at {target:,}", growth, 4.4 * largest / 20_000),
        check("`make test` on a fresh clone, pytest's own time (s)", tests["pytest"], 60),
        check("`make test` on a fresh clone, the whole command (s)", tests["total"], 60),
        f"| each data file read once per build, whatever the pages | {'yes' if once else 'no'} | once "
        f"| {'met' if once else '**missed**'} |",
        "",
    ]
    return "\n".join(lines)


def _own_cpu(result: dict[str, Any]) -> float:
    """Ours' own CPU time: its top-level parts (reading YAML is inside loading)."""
    return float(sum(cpu for name, cpu in result["cpu"].items() if name != "reading YAML"))


def _against(
    revision: str, target: int, probed: dict[str, dict[str, Any]], site: dict[str, float]
) -> list[str]:
    """Ours now against ours at an earlier revision, same data, probed side by side."""
    now, before = probed["ours"], probed[BASELINE]
    lines = [
        "",
        f"## Ours against revision {revision} (N = {target:,}, one page)",
        "",
        f"The same project built with the extension of revision {revision} and with this one, "
        "probed side by side as above (CPU seconds, medians).",
        "",
        f"| part | {revision} | now | now / {revision} |",
        "|---|---|---|---|",
    ]
    for name in sorted(now["cpu"]):
        first, second = before["cpu"].get(name, 0.0), now["cpu"][name]
        lines.append(f"| {name} | {first:.3f} | {second:.3f} | {ratio(second, first) if first else '-'} |")
    lines.append(
        f"| **whole build** | {before['total_cpu']:.3f} | {now['total_cpu']:.3f} "
        f"| {ratio(now['total_cpu'], before['total_cpu'])} |"
    )
    lines.append(
        f"| loading the real site's `data/` (milliseconds) | {site[BASELINE] * 1000:.1f} "
        f"| {site['ours'] * 1000:.1f} | {ratio(site['ours'], site[BASELINE])} |"
    )
    return lines


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="N=100, P=1: same rows from all three, no timing"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="N values (for a trial run)")
    parser.add_argument("--pages", type=int, nargs="+", default=PAGES, help="P values (for a trial run)")
    parser.add_argument("--work", type=Path, default=HERE.parent / "_build" / "bench")
    parser.add_argument(
        "--baseline", metavar="REVISION", help="also probe ours as built by this git revision's extension"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.quick:
        quick(args.work)
        return
    started = time.perf_counter()
    target = TARGET_N if TARGET_N in args.sizes else max(args.sizes)

    @functools.cache
    def measured(n: int, pages: int, first: bool = False) -> dict[str, Samples]:
        """Each project measured once (N = 100 on one page is in two tables)."""
        runs = args.runs * (SHORT_RUNS if n * pages <= SHORT_ROWS else 1)
        return full_builds(args.work, n, pages, runs, first=first)

    by_size = {n: measured(n, 1) for n in args.sizes}
    by_pages = {p: measured(100, p) for p in args.pages}
    first = {n: measured(n, 1, first=True) for n in FIRST_SIZES if n in args.sizes}
    rebuilt = rebuilds(args.work, REBUILD_N, REBUILD_PAGES, args.runs)
    parses = {
        p: {a: probe(project)["opened"] for a, project in projects(args.work, 100, p).items()}
        for p in args.pages
    }
    earlier = extension_at(args.baseline, args.work) if args.baseline else None
    probed = shares(projects(args.work, target, 1, earlier), args.runs)
    site = site_loading({"ours": HERE.parent / "_ext", BASELINE: earlier}, 10) if earlier else {}
    tests = test_suite(args.work)
    plot(by_size, HERE / "build-time.png")
    text = report(
        args.runs,
        target,
        by_size,
        by_pages,
        first,
        rebuilt,
        parses,
        probed,
        args.baseline,
        site,
        tests,
        time.perf_counter() - started,
    )
    (HERE / "RESULTS.md").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
