"""Streaming-build benchmark: peak RSS and articles/s of `relgraph build` at growing corpus sizes.

Issue 12 asks that a build's peak memory and its throughput do not depend on the size of the corpus
(2,000 / 20,000 / 100,000 generated articles: flat within 20 %, and at most 1.5 GB). Each size is a
fresh `relgraph build DIR --store S` child process on a corpus of `bench/corpus.py` (cached in
bench/out/corpus by seed and size). While it runs, the child's RSS is sampled every second and each
"committed chunk K" line it prints is stamped with the time and the highest RSS seen so far, so the
table shows both the peak and how it moved chunk by chunk (a leak climbs, a warm-up levels off).

    python -m bench.memory -n 2000               # one size
    python -m bench.memory -n 2000 -n 20000      # several, one after the other
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import OUT, RELGRAPH, REPO, Result, Table, log
from bench.corpus import ensure_corpus

CHUNK_LINE = re.compile(r"committed chunk (\d+): (\d+) article\(s\) extracted")


@dataclass
class Sample:
    """What one build left behind: peak RSS, time, and the RSS and time at each committed chunk."""
    seconds: float = 0.0
    peak_rss_mib: float = 0.0
    exit: int | None = None
    chunks: list[dict] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)


def _rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of the process so far (its own threads, not its children)."""
    import os

    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def build_once(corpus: Path, workers: int = 1, commit_every: int | None = None) -> Sample:
    """A fresh build of `corpus` into a scratch store, RSS sampled every second."""
    store = Path(tempfile.mkdtemp(prefix="memory-store-", dir=OUT))
    command = [RELGRAPH, "build", str(corpus), "--store", str(store), "--workers", str(workers)]
    if commit_every:
        command += ["--commit-every", str(commit_every)]
    sample, started = Sample(), time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=REPO)
    done = threading.Event()

    def sampler() -> None:
        while not done.wait(1.0):
            sample.peak_rss_mib = max(sample.peak_rss_mib, _rss_mib(proc.pid))

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    try:
        for line in proc.stderr:
            sample.tail = (sample.tail + [line.rstrip()])[-3:]
            found = CHUNK_LINE.search(line)
            if found:
                rss = _rss_mib(proc.pid)
                sample.peak_rss_mib = max(sample.peak_rss_mib, rss)
                sample.chunks.append({"chunk": int(found.group(1)), "articles": int(found.group(2)),
                                      "seconds": time.perf_counter() - started, "rss_mib": rss,
                                      "cpu_s": _cpu_s(proc.pid),
                                      "peak_so_far_mib": sample.peak_rss_mib})
        sample.exit = proc.wait()
    finally:
        done.set()
        thread.join()
        shutil.rmtree(store, ignore_errors=True)
    sample.seconds = time.perf_counter() - started
    return sample


def _rate(chunks: list[dict], first: int, last: int, clock: str = "seconds") -> float | None:
    """Articles per second of `clock` (wall "seconds" or the build's own "cpu_s") between two chunk
    commits (indexes into `chunks`). The CPU rate is the one to compare on a shared machine: other
    work on the cores slows the wall clock, not the build's CPU per article."""
    if last <= first or last >= len(chunks) or clock not in chunks[first]:
        return None
    a, b = chunks[first], chunks[last]
    spent = b[clock] - a[clock]
    return (b["articles"] - a["articles"]) / spent if spent > 0 else None


def run(sizes: list[int], workers: int = 1, commit_every: int | None = None) -> Result:
    table = Table(f"relgraph build of generated articles, fresh process, {workers} worker(s)",
                  ["articles", "seconds", "articles/s", "peak RSS MiB", "RSS at 10 % / 50 % / end of build MiB",
                   "articles/s first / last tenth", "articles per CPU-s first / last tenth", "exit"])
    raw = {}
    for n in sizes:
        corpus = ensure_corpus(OUT / "corpus", n)
        log(f"building {n:,} articles")
        sample = build_once(corpus, workers, commit_every)
        chunks = sample.chunks
        at = [chunks[min(len(chunks) - 1, int(len(chunks) * f))]["peak_so_far_mib"] for f in (0.1, 0.5, 1.0)] \
            if chunks else []
        tenth = max(1, len(chunks) // 10)
        first, last = _rate(chunks, 0, tenth), _rate(chunks, len(chunks) - 1 - tenth, len(chunks) - 1)
        cpu_first = _rate(chunks, 0, tenth, "cpu_s")
        cpu_last = _rate(chunks, len(chunks) - 1 - tenth, len(chunks) - 1, "cpu_s")
        table.add(f"{n:,}", f"{sample.seconds:.0f}", f"{n / sample.seconds:.2f}", f"{sample.peak_rss_mib:,.0f}",
                  " / ".join(f"{v:,.0f}" for v in at),
                  " / ".join("–" if r is None else f"{r:.2f}" for r in (first, last)),
                  " / ".join("–" if r is None else f"{r:.2f}" for r in (cpu_first, cpu_last)), sample.exit)
        raw[n] = sample.__dict__
    return Result("memory", tables=[table], raw=raw)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Peak RSS and articles/s of relgraph build by corpus size.")
    parser.add_argument("-n", "--articles", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--commit-every", type=int, default=None)
    args = parser.parse_args(argv)
    result = run(args.articles or [2_000], args.workers, args.commit_every)
    for table in result.tables:
        print(table.markdown())
    (OUT / "memory.json").write_text(json.dumps(result.raw, default=str, indent=1))


if __name__ == "__main__":
    main()
