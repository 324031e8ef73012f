"""HTTP benchmark: requests/s and p50/p99 latency on loopback at several client counts, for a cheap
query (entity lookup) and a medium one (2-hop join), against rdflib-endpoint serving the same data.

Servers (each started fresh, in its own process group, stopped afterwards):
- relgraph: `relgraph serve` (the supervisor and its server processes behind the asynchronous
  front, the default workers/threads, the per-query time limit on: queries run in the executor's
  killable query processes). Every load client connects from 127.0.0.1, one address, so the
  per-address fairness limit (`RELGRAPH_QUERY_PER_CLIENT`, 1 by default: more queries from one
  address in the pool get 429) and the queue length are raised to the largest client count, as an
  operator would for a trusted load generator; everything else is the default;
- relgraph without the worker-process limit: bench.servers nolimit (same server, queries run in
  the web worker threads; a benchmark-only patch, relgraph has no such setting);
- rdflib-endpoint (FastAPI under uvicorn, one process) over an rdflib Dataset of the same quads.

The load generator (bench.loadgen) is a separate process of client threads with keep-alive
connections; it shares the machine's cores with the server, as a local client would.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench.common import (
    PYTHON, RELGRAPH, REPO, MiB, Result, Table, fmt_num, fmt_ratio, free_port, log, median, percentile,
    start_server, stop_process, tree_rss,
)
from bench.query import ensure_disk_store
from bench.synth import ensure_dataset
from bench.workload import lookup, two_hop

ACCEPT = "application/sparql-results+json"
TARGET_LOOKUP = 3.0
TARGET_JOIN = 10.0
TARGET_LIMIT_RATIO = 0.7
TARGET_CLIENTS = 8


def query_url(base: str, text: str) -> str:
    return f"{base}/sparql?{urllib.parse.urlencode({'query': text})}"


def ensure_wrk() -> str | None:
    """The wrk binary: installed with apt-get (Debian package `wrk`) when missing and we are root;
    None when it cannot be had (the Python load generator is used then)."""
    import shutil

    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    log("http: installing wrk (apt-get install wrk)")
    proc = subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True, text=True)
    if proc.returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True)
    return shutil.which("wrk")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk_ms(text: str) -> float:
    import re

    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(wrk: str, url: str, clients: int, duration_s: float, warmup_s: float) -> dict:
    """wrk with `clients` connections (2 threads at most: the machine has 2 cores)."""
    import re

    base = [wrk, "-t", str(min(2, clients)), "-c", str(clients), "-H", f"Accept: {ACCEPT}", "--timeout", "30s"]
    if warmup_s > 0:
        subprocess.run([*base, "-d", f"{max(1, round(warmup_s))}s", url], capture_output=True, timeout=120)
    proc = subprocess.run([*base, "--latency", "-d", f"{max(1, round(duration_s))}s", url], capture_output=True,
                          text=True, timeout=duration_s + 120)
    out = proc.stdout
    percentiles = {int(p): _wrk_ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M)}
    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m),", out)
    errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(x) for x in socket.groups())
    if proc.returncode != 0 or not done:
        return {"requests": 0, "errors": -1, "error_samples": [(proc.stderr or out).strip()[-300:]],
                "p50": float("nan"), "p99": float("nan"), "seconds": duration_s}
    seconds = _wrk_ms(done.group(2) + done.group(3)) / 1000
    return {"requests": int(done.group(1)), "seconds": seconds, "errors": errors,
            "error_samples": [out.strip()[-300:]] if errors else [], "p50": percentiles.get(50, float("nan")),
            "p99": percentiles.get(99, float("nan"))}


def run_load(url: str, clients: int, duration_s: float, warmup_s: float) -> dict:
    proc = subprocess.run([PYTHON, "-m", "bench.loadgen", url, str(clients), str(duration_s), str(warmup_s),
                           ACCEPT], capture_output=True, text=True, cwd=REPO,
                          timeout=duration_s + warmup_s + 120)
    if proc.returncode != 0:
        return {"requests": 0, "errors": -1, "error_samples": [proc.stderr.strip()[-300:]],
                "latencies_ms": [], "seconds": duration_s}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def check_answer(url: str) -> int:
    """Rows in the JSON answer of a query URL (a sanity check that both servers agree)."""
    import urllib.request

    req = urllib.request.Request(url, headers={"Accept": ACCEPT})
    with urllib.request.urlopen(req, timeout=120) as response:
        return len(json.load(response)["results"]["bindings"])


def run(size: int = 100_000, clients: list[int] = (1, 8, 32), duration_s: float = 5.0, repeat: int = 2, *,
        workdir: Path, seed: int = 42, quick: bool = False) -> Result:
    result = Result("http")
    nq, info = ensure_dataset(workdir / "synth", size, seed)
    store_dir = ensure_disk_store(workdir, nq)
    quads = info["quads"]
    queries = {"lookup": lookup(info["person"]), "2-hop join": two_hop(info["state"])}
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    servers = {
        "relgraph (time limit on)": [RELGRAPH, "serve", "--store", str(store_dir), "--port", "{port}"],
        "relgraph (no worker-process limit)": [PYTHON, "-m", "bench.servers", "nolimit", "--store",
                                               str(store_dir), "--port", "{port}"],
        "rdflib-endpoint": [PYTHON, "-m", "bench.servers", "rdflib-endpoint", "--data", str(nq), "--port",
                            "{port}"],
    }
    dump_dir = tempfile.mkdtemp(prefix="relgraph-bench-dumps-")
    # One address for every client: see the module docstring.
    env = {"RELGRAPH_DUMP_CACHE_DIR": dump_dir, "RELGRAPH_QUERY_PER_CLIENT": str(max(clients)),
           "RELGRAPH_QUERY_QUEUE_MAX": str(max(clients))}
    stats: dict[tuple[str, str, int], dict] = {}
    wrk = ensure_wrk()
    generator = f"wrk ({wrk})" if wrk else "bench.loadgen (Python threads, keep-alive http.client)"
    server_info: dict[str, dict] = {}
    for name, template in servers.items():
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        cmd = [str(port) if c == "{port}" else c for c in template]
        log(f"http: starting {name}")
        t0 = time.perf_counter()
        proc = start_server(cmd, query_url(base, "ASK { ?s ?p ?o }"), timeout_s=300, env=env,
                            log_path=logs / f"http-{name.split()[0]}-{'nolimit' if 'no ' in name else 'on'}.log")
        try:
            server_info[name] = {"start_s": time.perf_counter() - t0, "rss_mib": tree_rss(proc.pid) / MiB,
                                 "rows": {}}
            for qname, query in queries.items():
                url = query_url(base, query.text)
                server_info[name]["rows"][qname] = check_answer(url)
                for n in clients:
                    runs = []
                    for r in range(repeat):
                        log(f"http: {name}, {qname}, {n} clients ({r + 1}/{repeat})")
                        if wrk:
                            runs.append(run_wrk(wrk, url, n, duration_s, warmup_s=1.0))
                        else:
                            got = run_load(url, n, duration_s, warmup_s=min(1.0, duration_s / 3))
                            got["p50"] = percentile(got["latencies_ms"], 50)
                            got["p99"] = percentile(got["latencies_ms"], 99)
                            runs.append(got)
                    stats[(name, qname, n)] = {
                        "rps": median([x["requests"] / x["seconds"] for x in runs]),
                        "p50": median([x["p50"] for x in runs]), "p99": median([x["p99"] for x in runs]),
                        "errors": sum(max(0, x["errors"]) for x in runs) + sum(1 for x in runs if x["errors"] < 0),
                        "error_samples": [s for x in runs for s in x["error_samples"]][:3],
                        "runs": [x["requests"] / x["seconds"] for x in runs],
                    }
            server_info[name]["rss_after_mib"] = tree_rss(proc.pid) / MiB
        finally:
            stop_process(proc)
    table = Table(f"HTTP on loopback, {quads:,} triples: requests/s (median of {repeat} × {duration_s:g} s) "
                  "and latency p50 / p99 ms (medians of the runs)",
                  ["query", "clients", *servers, "relgraph ÷ rdflib-endpoint", "limit on ÷ off", "errors"])
    names = list(servers)
    for qname in queries:
        for n in clients:
            cells, errors = [], 0
            for name in names:
                s = stats.get((name, qname, n))
                if not s:
                    cells.append("–")
                    continue
                cells.append(f"{fmt_num(s['rps'])} ({_ms(s['p50'])} / {_ms(s['p99'])})")
                errors += s["errors"]
            on, off, peer = (stats.get((name, qname, n), {}).get("rps") for name in names)
            table.add(qname, n, *cells, fmt_ratio(on / peer) if on and peer else "–",
                      fmt_ratio(on / off) if on and off else "–", errors)
    table.notes += [
        f"Queries: lookup = `{queries['lookup'].text}`; 2-hop join = people serving the most-mentioned "
        "state and the events they took part in (bench/workload.py). SPARQL JSON results over GET.",
        "Rows per answer: " + "; ".join(f"{name}: " + ", ".join(f"{q} {r}" for q, r in i["rows"].items())
                                        for name, i in server_info.items()) + ".",
        "Server RSS after start-up (whole process tree): " + "; ".join(
            f"{name} {i['rss_mib']:.0f} MiB (start {i['start_s']:.1f} s)" for name, i in server_info.items()) + ".",
        f"relgraph: {_setting('workers')} server processes × {_setting('threads')} threads, "
        f"{_setting('query_workers')} query processes per server process, time limit "
        f"{_setting('query_timeout_s')} s, RELGRAPH_QUERY_PER_CLIENT and RELGRAPH_QUERY_QUEUE_MAX "
        f"{max(clients)} (all clients share one address). "
        f"rdflib-endpoint: uvicorn, 1 process. Load generator: {generator}, keep-alive connections, on the "
        "same cores as the server; 1 s warm-up before each run.",
    ]
    for (name, qname, n), s in stats.items():
        if s["errors"]:
            table.notes.append(f"errors ({name}, {qname}, {n} clients): {s['error_samples']}")
    result.tables.append(table)
    result.raw = {"generator": generator, "servers": server_info,
                  "stats": {" | ".join(map(str, k)): v for k, v in stats.items()}}
    total_errors = sum(s["errors"] for s in stats.values())
    n = TARGET_CLIENTS if TARGET_CLIENTS in clients else max(clients)
    for qname, target in (("lookup", TARGET_LOOKUP), ("2-hop join", TARGET_JOIN)):
        on, off, peer = (stats.get((name, qname, n), {}).get("rps") for name in names)
        if on and peer:
            result.target(f"HTTP {qname}, {n} clients: ≥ {target:g}× rdflib-endpoint", fmt_ratio(on / peer),
                          on / peer >= target)
        if on and off:
            result.target(f"HTTP {qname}, {n} clients: time limit on ≥ 0.7× without", fmt_ratio(on / off),
                          on / off >= TARGET_LIMIT_RATIO)
    result.target("HTTP: zero errors", f"{total_errors} errors", total_errors == 0)
    import shutil

    shutil.rmtree(dump_dir, ignore_errors=True)
    return result


def _setting(name: str):
    from relgraph.settings import Settings

    return getattr(Settings.load(), name)


def _ms(value: float) -> str:
    return "–" if value != value else (f"{value:.1f}" if value < 100 else f"{value:,.0f}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
