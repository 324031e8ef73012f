"""Load-and-attack run measuring issue 9's acceptance against `relgraph serve`.

For --duration seconds, all at the same time, each kind from its own loopback addresses:
ordinary keep-alive clients looping over the canned queries, pages and dumps; slowloris clients
sending one header byte per second; idle connections held open; an attacker sending a heavy
query every few seconds and, in turn, the SERVICE bypass, entity-URL injections and a 1 MB
IN (...) list, all aimed at a local listener that counts connections. The server's whole process
tree's RSS is sampled every second. Prints a table and a PASS/FAIL line per acceptance point,
writes JSON with --json; exit status 0 only when every point passes.

The server is only talked to over HTTP and started as `relgraph serve --store DIR --host
127.0.0.1 --port N` with RELGRAPH_* variables, in its own process group, killed at the end.
Everything after the server answers is bounded by a hard stop at duration + 30 s.

    .venv/bin/python -m bench.safety                        # the acceptance run (60 s, 32/16/200)
    .venv/bin/python -m bench.safety --duration 8 --clients 8 --slow 4 --idle 50 --timeout 2
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.common import (
    PYTHON, RELGRAPH, REPO, RssSampler, free_port, log, start_server, stop_process, tree_rss,
)
from bench.safety_clients import (
    Attacker, ConnectionCounter, IdleConnections, OrdinaryClient, SlowClients,
)
from bench.safety_mix import (
    attacks, discover_entities, http_get, ordinary_probes, reported_time_limit,
)
from bench.safety_report import print_report, summarise

HARD_STOP_SLACK_S = 30.0
WARMUP_S = 3.0
REST_S = 2.0     # pause after the warm-up before RSS "start" (and after the load before "end")
SETTLE_S = 5.0   # after the load stops, before RSS "end"
SETUP_CHECK_S = 30.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.safety", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="serve this store (default: build the sample articles)")
    parser.add_argument("--corpus", type=int, metavar="N",
                        help="build N generated articles (bench/corpus.py) instead of the five samples")
    parser.add_argument("--synth", type=int, metavar="QUADS",
                        help="serve a generated graph of QUADS quads (bench/synth.py, cached in bench/out)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="RELGRAPH_QUERY_TIMEOUT_S for the server (default 10, as shipped)")
    parser.add_argument("--clients", type=int, default=32, help="ordinary keep-alive clients (default 32)")
    parser.add_argument("--slow", type=int, default=16, help="slowloris clients (default 16)")
    parser.add_argument("--idle", type=int, default=200, help="idle connections (default 200)")
    parser.add_argument("--heavy-every", type=float, default=2.0, help="seconds between attacks (default 2)")
    parser.add_argument("--request-timeout", type=float, default=10.0,
                        help="client time-out of an ordinary request; one that passes it is an error")
    parser.add_argument("--env", action="append", default=[], metavar="RELGRAPH_X=VALUE",
                        help="another setting for the server (repeatable)")
    parser.add_argument("--json", type=Path, help="write the report as JSON here")
    parser.add_argument("--server-log", type=Path,
                        help="where the server's output goes (default: bench/out/safety-server.log)")
    parser.add_argument("--calibrate", action="store_true",
                        help="instead: the ordinary clients against a trivial local server; print req/s")
    args = parser.parse_args(argv)
    for item in args.env:
        if not item.startswith("RELGRAPH_") or "=" not in item:
            parser.error(f"--env {item!r}: expected RELGRAPH_NAME=VALUE")
    if args.duration <= 0 or args.timeout <= 0 or args.heavy_every <= 0:
        parser.error("--duration, --timeout and --heavy-every must be positive")
    return args


# -- the store and the server ----------------------------------------------------------------------

def prepare_store(args: argparse.Namespace, work: Path) -> tuple[Path, str]:
    """The store to serve and a description of it."""
    if args.store:
        return args.store, f"given store {args.store}"
    if args.synth:
        from bench.query import ensure_disk_store
        from bench.synth import ensure_dataset

        nq, info = ensure_dataset(REPO / "bench" / "out" / "synth", args.synth)
        return ensure_disk_store(REPO / "bench" / "out", nq), f"generated graph of {info['quads']:,} quads"
    articles, what = REPO / "data" / "articles", "the five sample articles"
    if args.corpus:
        from bench.corpus import generate_corpus

        articles, what = work / "articles", f"{args.corpus} generated articles"
        generate_corpus(articles, args.corpus)
    store = work / "store"
    log(f"safety: building {what} into {store}")
    proc = subprocess.run([RELGRAPH, "build", str(articles), "--store", str(store)], capture_output=True,
                          text=True, cwd=REPO, timeout=1800)
    if proc.returncode != 0:
        raise SystemExit(f"relgraph build failed ({proc.returncode}): {proc.stderr.strip()[-1000:]}")
    return store, what


def start_relgraph(store: Path, port: int, args: argparse.Namespace, work: Path) -> subprocess.Popen:
    env = {"RELGRAPH_QUERY_TIMEOUT_S": f"{args.timeout:g}", "RELGRAPH_DUMP_CACHE_DIR": str(work / "dumps")}
    env.update(item.split("=", 1) for item in args.env)
    log_path = args.server_log or REPO / "bench" / "out" / "safety-server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [RELGRAPH, "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)]
    log(f"safety: {' '.join(f'{k}={v}' for k, v in env.items())} {' '.join(cmd)} (log {log_path})")
    try:
        return start_server(cmd, f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout_s=120, env=env,
                            log_path=log_path)
    except RuntimeError as exc:
        tail = log_path.read_text(errors="replace")[-2000:] if log_path.exists() else ""
        raise SystemExit(f"relgraph serve did not start: {exc}\n{tail}") from exc


def kill_group(proc: subprocess.Popen) -> None:
    """Stop the server and everything left in its process group (web and query processes)."""
    stop_process(proc, timeout_s=10)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def check_probes(port: int, probes: list) -> list[str]:
    """Each request of the mix once, before the load: the ones that do not succeed even then
    (at most SETUP_CHECK_S in all: a server that cannot answer must not delay the report)."""
    failures, deadline = [], time.monotonic() + SETUP_CHECK_S
    for probe in probes:
        if time.monotonic() > deadline:
            failures.append(f"{probe.name}: not checked (setup check ran out of time)")
            continue
        try:
            status: int | str = http_get(port, probe.path, dict(probe.headers), timeout_s=10)[0]
        except (OSError, http.client.HTTPException) as exc:
            status = repr(exc)
        if not (isinstance(status, int) and 200 <= status < 400):
            failures.append(f"{probe.name}: {status}")
    return failures


# -- the run ---------------------------------------------------------------------------------------

class HardStop(threading.Thread):
    """At `deadline`: stops every client and kills the server's group, so that every wait in the
    run ends; 10 s later, if the run is still not done, exits the interpreter."""

    def __init__(self, deadline: float, stop: threading.Event, proc: subprocess.Popen):
        super().__init__(name="hard-stop", daemon=True)
        self.deadline, self.stop, self.proc = deadline, stop, proc
        self.fired = False
        self.done = threading.Event()

    def run(self) -> None:
        if self.done.wait(max(0.0, self.deadline - time.monotonic())):
            return
        self.fired = True
        log("safety: hard stop reached, killing the server")
        self.stop.set()
        kill_group(self.proc)
        if not self.done.wait(10):
            os._exit(2)


def warm_up(port: int, probes: list, clients: int, deadline_s: float, stop: threading.Event) -> None:
    """Ordinary load for a few seconds, not recorded (caches, query processes, dumps)."""
    warm = [OrdinaryClient(k, port, probes, stop_at=time.monotonic() + deadline_s, stop=stop, timeout_s=10,
                           record_from=float("inf")) for k in range(clients)]
    for client in warm:
        client.start()
    for client in warm:
        client.join(deadline_s + 12)


def run_load(port: int, proc: subprocess.Popen, probes: list, listener: ConnectionCounter,
             args: argparse.Namespace, limit_s: float) -> dict:
    """Warm-up, RSS start, every kind at once for the duration, drain, RSS end. Bounded."""
    stop = threading.Event()
    hard = HardStop(time.monotonic() + args.duration + HARD_STOP_SLACK_S, stop, proc)
    hard.start()
    try:
        warm_up(port, probes, args.clients, WARMUP_S, stop)
        time.sleep(REST_S)
        rss_start = tree_rss(proc.pid)
        raw = _load(port, proc, probes, listener, args, limit_s, stop, hard.deadline)
        # `stop` is set by now (it ended the held connections): sleep, do not wait on it.
        time.sleep(max(0.0, min(SETTLE_S, hard.deadline - time.monotonic() - 1)))
        raw["rss"].update(start=rss_start, end=tree_rss(proc.pid))
        raw["hard_stop"] = hard.fired
        return raw
    finally:
        stop.set()
        hard.done.set()


def _load(port: int, proc: subprocess.Popen, probes: list, listener: ConnectionCounter,
          args: argparse.Namespace, limit_s: float, stop: threading.Event, hard_deadline: float) -> dict:
    idle, slow = IdleConnections(args.idle, port, stop=stop), SlowClients(args.slow, port, stop=stop)
    idle.open_all()
    slow.open_all()
    started = time.monotonic()
    stop_at = started + args.duration
    ordinary = [OrdinaryClient(k, port, probes, stop_at=stop_at, stop=stop, timeout_s=args.request_timeout)
                for k in range(args.clients)]
    every_tick, rotation = attacks(listener.port)
    attacker = Attacker(port, every_tick, rotation, every_s=args.heavy_every, stop_at=stop_at, stop=stop,
                        timeout_s=limit_s + 5)
    cpu0 = time.process_time()
    log(f"safety: load for {args.duration:g} s: {args.clients} ordinary, {args.slow} slow, {args.idle} idle, "
        f"an attack every {args.heavy_every:g} s (time limit {limit_s:g} s)")
    with RssSampler(proc.pid, interval_s=1.0) as rss:
        for thread in (idle, slow, *ordinary, attacker):
            thread.start()
        last_wait = hard_deadline - SETTLE_S - 1  # every wait below ends before the hard stop
        for client in ordinary:
            client.join(max(0.0, min(stop_at + args.request_timeout + 2, last_wait) - time.monotonic()))
        attacker.join(max(0.0, stop_at + 1 - time.monotonic()))
        unanswered = attacker.join_senders(min(stop_at + limit_s + 6, last_wait))
        load_s = time.monotonic() - started
        cpu_s = time.process_time() - cpu0
        stop.set()  # ends the slow and idle kinds, which close their sockets
        still_idle, still_slow = idle.still_open(), slow.still_open()
        for thread in (idle, slow):
            thread.join(5)
    outcomes = [o for c in ordinary for o in (*c.outcomes, c.unanswered()) if o]
    return {"started": started, "seconds": load_s, "client_cpu_s": cpu_s, "ordinary": outcomes,
            "ordinary_seconds": min(load_s, args.duration), "attacks": list(attacker.outcomes),
            "attacks_unanswered": unanswered,
            "slow": {"clients": args.slow, "opened": slow.opened, "closures": slow.closures,
                     "still_open": still_slow, "bytes_sent": slow.bytes_sent,
                     "connect_failures": slow.connect_failures},
            "idle": {"connections": args.idle, "opened": idle.opened, "closures": idle.closures,
                     "still_open": still_idle, "connect_failures": idle.connect_failures},
            "outbound": list(listener.accepted), "rss": {"peak": rss.peak, "samples": list(rss.samples)}}


# -- calibration: how many requests/s the ordinary clients can produce ----------------------------

def calibrate(args: argparse.Namespace) -> int:
    """The ordinary clients against a server that answers every request at once (a child process
    of asyncio), so the figure is the load generator's own ceiling on this machine."""
    port = free_port()
    server = subprocess.Popen([PYTHON, "-m", "bench.safety_mix", "trivial-server", str(port)], cwd=REPO,
                              start_new_session=True)
    try:
        from bench.common import wait_http

        wait_http(f"http://127.0.0.1:{port}/", 20, server)
        probes = ordinary_probes(REPO / "queries", {})
        stop = threading.Event()
        clients = [OrdinaryClient(k, port, probes, stop_at=time.monotonic() + args.duration, stop=stop,
                                  timeout_s=10) for k in range(args.clients)]
        cpu0 = time.process_time()
        for client in clients:
            client.start()
        for client in clients:
            client.join(args.duration + 12)
        done = sum(len(c.outcomes) for c in clients)
        print(f"{args.clients} ordinary clients against a trivial server: {done / args.duration:,.0f} req/s, "
              f"client CPU {100 * (time.process_time() - cpu0) / args.duration:.0f} % of one core")
    finally:
        kill_group(server)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.calibrate:
        return calibrate(args)
    listener = ConnectionCounter()
    with tempfile.TemporaryDirectory(prefix="relgraph-safety-") as tmp:
        work = Path(tmp)
        store, store_what = prepare_store(args, work)
        port = free_port()
        proc = start_relgraph(store, port, args, work)
        try:
            reported = reported_time_limit(port)
            limit_s = reported if reported is not None else args.timeout
            entities, why_none = discover_entities(port)
            probes = ordinary_probes(REPO / "queries", entities)
            setup_failures = [why_none] if why_none else []
            setup_failures += check_probes(port, probes)
            raw = run_load(port, proc, probes, listener, args, limit_s)
        finally:
            kill_group(proc)
            listener.close()
    report = summarise(raw, args=args, limit_s=limit_s, limit_reported=reported is not None, store=store_what,
                       entities=entities, probes=probes, setup_failures=setup_failures)
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1))
    return 0 if all(point["pass"] for point in report["acceptance"]) else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
