"""`python -m bench [extraction|load|query|http|dump|incremental ...] [--quick]`.

Runs the chosen benchmarks (all by default) one after the other, prints each one's tables as
Markdown, and writes them to bench/out/<name>.md and .json; bench/out/report.md gathers the latest
result of every benchmark with the machine and versions (what bench/README.md is written from).

The long benchmarks of issues 9 and 12 run on their own, each with its own options (`--help`) and
its own section in bench/README.md:

    python -m bench.memory -n 2000     peak RSS and articles/s of streaming builds by corpus size
    python -m bench.warc               a 10,000-page WARC built in chunks
    python -m bench.driver -n 400      the driver's cost per article in a --dask build
    python -m bench.bulk               Virtuoso bulk loader against SPARQL UPDATE
    python -m bench.listings           first pages of every canned listing at 5M triples
    python -m bench.safety             the public endpoint under load and attack
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import OUT, REPO, Result, log, machine, versions

BENCHMARKS = ("extraction", "load", "query", "http", "dump", "incremental")
REQUIREMENTS = REPO / "bench" / "requirements.txt"
# import name -> why the benchmarks need it (the pins are in bench/requirements.txt)
NEEDED = {"psutil": "RSS sampling", "rdflib_endpoint": "HTTP peer", "uvicorn": "HTTP peer server",
          "fastapi": "HTTP peer"}

# Sizes for a full run and for --quick (a smoke run of a couple of minutes).
DEFAULTS = {
    "full": {
        "extraction": {"articles": 200, "repeat": 3},
        "load": {"sizes": [100_000, 1_000_000, 5_000_000], "repeat": 3},
        "query": {"sizes": [100_000, 1_000_000, 5_000_000], "repeat": 30, "budget_s": 5.0, "single_timeout_s": 15.0,
                  "rdflib_budget_s": 420.0},
        "http": {"size": 100_000, "clients": [1, 8, 32], "duration_s": 5.0, "repeat": 2},
        "dump": {"size": 1_000_000},
        "incremental": {"sizes": [100, 1_000], "add": 10, "repeat": 3},
    },
    "quick": {
        "extraction": {"articles": 20, "repeat": 1},
        "load": {"sizes": [20_000], "repeat": 1},
        "query": {"sizes": [20_000], "repeat": 5, "budget_s": 1.0, "single_timeout_s": 5.0},
        "http": {"size": 20_000, "clients": [1, 8], "duration_s": 1.5, "repeat": 1},
        "dump": {"size": 20_000},
        "incremental": {"sizes": [20], "add": 10, "repeat": 1},
    },
}


def ensure_requirements() -> None:
    """Install bench/requirements.txt into the running interpreter's environment when one of the
    packages the benchmarks need is missing (e.g. after a fresh `make setup`)."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if not missing:
        return
    log(f"installing bench requirements ({', '.join(missing)} missing)")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)], check=True)
    importlib.invalidate_caches()


def loadavg() -> str:
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def write_outputs(result: Result, settings: dict, seconds: float, quick: bool, load_before: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    md = [f"### {result.name}", "",
          f"_{time.strftime('%Y-%m-%d %H:%M')}, {seconds:.0f} s, {'--quick' if quick else 'full'} run, "
          f"settings {json.dumps(settings)}, load average before {load_before}, after {loadavg()}_", ""]
    for table in result.tables:
        md.append(table.markdown())
    if result.targets:
        md += ["#### Targets", "", "| target | measured | verdict |", "|---|---|---|"]
        md += [f"| {t} | {m} | {v} |" for t, m, v in result.targets]
        md.append("")
    text = "\n".join(md)
    print("\n" + text, flush=True)
    suffix = "-quick" if quick else ""
    (OUT / f"{result.name}{suffix}.md").write_text(text)
    (OUT / f"{result.name}{suffix}.json").write_text(json.dumps(
        {"name": result.name, "settings": settings, "seconds": seconds, "quick": quick,
         "tables": [t.__dict__ for t in result.tables], "targets": result.targets, "raw": result.raw},
        indent=1, default=str))


def write_report(quick: bool) -> Path:
    suffix = "-quick" if quick else ""
    info = machine()
    lines = ["# relgraph benchmark report", "",
             f"Machine: {info['cpu']}, {info['nproc']} cores, {info['ram_gib']} GiB RAM, {info['os']}, "
             f"Python {info['python']}.", "",
             "Versions: " + ", ".join(f"{k} {v}" for k, v in versions().items()) + ".", ""]
    for name in BENCHMARKS:
        path = OUT / f"{name}{suffix}.md"
        if path.exists():
            lines.append(path.read_text())
    report = OUT / f"report{suffix}.md"
    report.write_text("\n".join(lines))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmarks", nargs="*", choices=[[], *BENCHMARKS], metavar="BENCHMARK",
                        help=f"any of {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes and single runs: a smoke test")
    parser.add_argument("--set", action="append", default=[], metavar="BENCH.KEY=JSON",
                        help='override a setting, e.g. --set query.sizes=[100000] --set incremental.sizes=[100,1000,10000]')
    args = parser.parse_args(argv)
    chosen = args.benchmarks or list(BENCHMARKS)
    settings = json.loads(json.dumps(DEFAULTS["quick" if args.quick else "full"]))
    for item in args.set:
        key, _, value = item.partition("=")
        bench_name, _, field = key.partition(".")
        settings[bench_name][field] = json.loads(value)

    ensure_requirements()
    OUT.mkdir(parents=True, exist_ok=True)
    info = machine()
    log(f"{info['cpu']}, {info['nproc']} cores, {info['ram_gib']} GiB; load average {loadavg()}")
    failed = []
    for name in chosen:
        module = importlib.import_module(f"bench.{name}")
        before = loadavg()
        log(f"== {name} ({json.dumps(settings[name])}); load average {before}")
        t0 = time.perf_counter()
        try:
            result = module.run(**settings[name], workdir=OUT, quick=args.quick)
        except Exception as exc:  # one benchmark failing must not lose the others
            import traceback

            traceback.print_exc()
            failed.append(name)
            log(f"{name} failed: {exc!r}")
            continue
        write_outputs(result, settings[name], time.perf_counter() - t0, args.quick, before)
    report = write_report(args.quick)
    log(f"report: {report.relative_to(REPO)}" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
