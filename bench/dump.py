"""Dump benchmark: time and memory of the server streaming /dump.ttl of a synthetic graph.

`relgraph serve` runs over an on-disk store of the dataset with a fresh, empty dump cache
(RELGRAPH_DUMP_CACHE_DIR). The whole process tree (gunicorn master, workers, query processes) is
sampled every 50 ms: idle RSS before the first request, then peak RSS while a client reads the
Turtle dump in 1 MiB chunks and throws it away. The first request writes the dump file (the union
of the article graphs, serialised by pyoxigraph) and then streams it; the second is served from the
cached file. Target: RSS growth over idle < 100 MiB.
"""
from __future__ import annotations

import http.client
import tempfile
import time
from pathlib import Path

from bench.common import (
    RELGRAPH, MiB, Result, RssSampler, Table, fmt_num, free_port, log, median, start_server, stop_process,
)
from bench.query import ensure_disk_store
from bench.synth import ensure_dataset

TARGET_GROWTH_MIB = 100


def fetch(port: int, path: str) -> tuple[int, int, float, float]:
    """(status, bytes, seconds to the first byte, seconds in all) of one streamed GET."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1800)
    t0 = time.perf_counter()
    conn.request("GET", path, headers={"Accept": "text/turtle"})
    response = conn.getresponse()
    first = None
    size = 0
    while True:
        chunk = response.read(1 << 20)
        if first is None:
            first = time.perf_counter() - t0
        if not chunk:
            break
        size += len(chunk)
    conn.close()
    return response.status, size, first or 0.0, time.perf_counter() - t0


def run(size: int = 1_000_000, *, workdir: Path, seed: int = 42, quick: bool = False) -> Result:
    import shutil

    result = Result("dump")
    nq, info = ensure_dataset(workdir / "synth", size, seed)
    store_dir = ensure_disk_store(workdir, nq)
    quads = info["quads"]
    cache = Path(tempfile.mkdtemp(prefix="relgraph-bench-dumpcache-"))
    port = free_port()
    (workdir / "logs").mkdir(parents=True, exist_ok=True)
    proc = start_server([RELGRAPH, "serve", "--store", str(store_dir), "--port", str(port)],
                        f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout_s=120,
                        env={"RELGRAPH_DUMP_CACHE_DIR": str(cache)}, log_path=workdir / "logs" / "dump-server.log")
    table = Table(f"Streaming /dump.ttl from `relgraph serve` ({quads:,} quads on disk)",
                  ["request", "status", "MiB sent", "first byte s", "seconds", "MiB/s", "RSS before MiB",
                   "peak RSS MiB", "growth MiB"])
    growths = []
    try:
        time.sleep(2)
        with RssSampler(proc.pid) as idle:
            time.sleep(2)
        idle_rss = median(idle.samples)
        for label in ("first (writes the cache file)", "second (cached file)"):
            log(f"dump: {label}")
            with RssSampler(proc.pid) as before:
                time.sleep(1)
            base_rss = median(before.samples)
            with RssSampler(proc.pid) as sampler:
                status, sent, first, seconds = fetch(port, "/dump.ttl")
            growth = (sampler.peak - base_rss) / MiB
            growths.append(growth)
            table.add(label, status, fmt_num(sent / MiB, 1), f"{first:.2f}", f"{seconds:.2f}",
                      fmt_num(sent / MiB / seconds, 1), fmt_num(idle_rss / MiB), fmt_num(sampler.peak / MiB),
                      fmt_num(growth))
            result.raw[label] = {"status": status, "bytes": sent, "first_byte_s": first, "seconds": seconds,
                                 "idle_rss": idle_rss, "rss_before": base_rss, "peak_rss": sampler.peak}
        files = sorted(p.name for p in cache.iterdir())
    finally:
        stop_process(proc)
        shutil.rmtree(cache, ignore_errors=True)
    table.notes += [
        "RSS is the sum over the server's whole process tree (gunicorn master, 2 workers, their query "
        "processes), sampled every 50 ms; the page cache is not RSS. Growth = peak during the request "
        "minus the median RSS in the second before it (memory kept from the first request is not "
        f"counted again); idle RSS after start-up was {idle_rss / MiB:.0f} MiB.",
        f"Dump cache after the run: {', '.join(files)}.",
    ]
    result.tables.append(table)
    worst = max(growths)
    result.target(f"dump streaming at {quads:,}: RSS growth over idle < 100 MiB", f"{worst:.0f} MiB",
                  worst < TARGET_GROWTH_MIB)
    return result
