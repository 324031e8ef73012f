"""Run SPARQL queries in a small pool of worker processes that can be killed.

Why processes: pyoxigraph cannot cancel a running query and an alarm in a thread does not stop it
(see /work/shared/MEASURED.md), so the only hard wall-clock limit is killing the process that runs
it. Each query process (relgraph.query_process) is cut off the network, opens the store read-only
once, at one version, and then serves queries one at a time over a pipe, so the fast path costs
one small pickle each way and no process start.

Usage (the web blueprints and the query page call exactly this)::

    executor = Executor.from_settings(settings, version=app_version)
    output = executor.run(
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
        accept_format="json",            # a format name (json, xml, csv, tsv, turtle, ntriples,
                                         # jsonld, rdfxml, trig, nquads) or a media type
        default_graph_uris=(),           # when either list is given it replaces the union
        named_graph_uris=(),             # default graph (SPARQL 1.1 Protocol dataset)
        client="203.0.113.7",            # who asks: one client cannot take every query process
    )

`run` returns a `QueryOutput`: `.stream()` gives the serialised result as a binary file (large
results come from a spool file on disk, already unlinked, so memory stays bounded), `.body` reads
it whole, and it unpacks as `(body, content_type)`; it also has `.kind` ("solutions", "boolean" or
"graph"), `.fmt`, `.size` and `.truncated` (a `row_cap` preview that stopped early).
`accept_format` picks both the results format used for SELECT/ASK and the RDF format used for
CONSTRUCT/DESCRIBE ("json" gives SPARQL JSON or JSON-LD, "xml" SPARQL XML or RDF/XML);
`result_format=` / `graph_format=` set them separately.

Admission. A request never waits for a process when waiting cannot help: with `size + max_waiting`
queries already in the pool it gets 503 at once, and a client that already has `per_client`
queries in the pool gets 429 at once (both with `retry_after`), so the server's request threads
are never all parked here and pages keep being served. The time limit counts from arrival: the
wait for a free process is part of it. A query still running after `demote_after_s` is moved to
the lowest CPU priority, so heavy queries cannot take the cores from everything else.

Failures raise `ExecutionError` whose `.status` is the HTTP status to answer with (400 bad or
refused query, 406 format, 413 query text too long, 422 result over the row/byte limit, 429 too
many queries from this client, 503 busy, reloading or worker lost, 504 time limit) and whose
message is meant for the client. `close()` stops the workers; it also runs at interpreter exit.
"""
from __future__ import annotations

import atexit
import io
import itertools
import logging
import os
import pickle
import queue
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from relgraph.query_formats import (  # noqa: F401 - re-exported: the web layer imports them from here
    FORMAT_ALIASES,
    GRAPH_ACCEPT,
    GRAPH_MEDIA,
    RESULT_ACCEPT,
    RESULT_MEDIA,
    ExecutionError,
    media_type,
    resolve_format,
)
from relgraph.query_process import ProcessConfig, store_size_mb, write_frame  # noqa: F401 - store_size_mb re-exported

log = logging.getLogger(__name__)

DEMOTED_NICE = 19  # a query past `demote_after_s` runs on the CPU that nothing else wants


class QueryOutput:
    """A serialised result, in memory or in an unlinked spool file. Unpacks as
    `body, content_type = output`."""

    def __init__(self, content_type: str, kind: str, fmt: str, *, body: bytes | None = None,
                 file=None, size: int = 0, truncated: bool = False):
        self.content_type = content_type
        self.kind = kind
        self.fmt = fmt
        self.size = size if body is None else len(body)
        self.truncated = truncated
        self._body = body
        self._file = file

    def stream(self):
        """The result as a binary file object, positioned at its start (read it once)."""
        return io.BytesIO(self._body) if self._file is None else self._file

    @property
    def body(self) -> bytes:
        if self._body is None:
            with self._file as source:
                self._body = source.read()
            self._file = None
        return self._body

    def __iter__(self) -> Iterator:
        return iter((self.body, self.content_type))


# -- the pool (server side) ------------------------------------------------------------------------

class _Timeout(Exception):
    pass


class _WorkerLost(Exception):
    pass


class _Worker:
    """One query process and the two pipe ends we talk to it through."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self.rfd = proc.stdout.fileno()

    def send(self, message: object) -> None:
        try:
            write_frame(self.proc.stdin, message)
        except (BrokenPipeError, OSError) as exc:
            raise _WorkerLost(str(exc)) from exc

    def receive(self, deadline: float) -> object:
        header = self._read_exactly(4, deadline)
        (size,) = struct.unpack(">I", header)
        return pickle.loads(self._read_exactly(size, deadline))

    def _read_exactly(self, size: int, deadline: float) -> bytes:
        chunks, missing = [], size
        while missing:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Timeout()
            ready, _, _ = select.select([self.rfd], [], [], remaining)
            if not ready:
                raise _Timeout()
            chunk = os.read(self.rfd, min(missing, 1 << 20))
            if not chunk:
                raise _WorkerLost("the query process exited")
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def is_alive_and_idle(self) -> bool:
        """False once the process is exiting. An idle worker never writes, so a readable pipe
        means end-of-file. A killed process whose threads are still being torn down shows as a
        zombie in /proc before its pipe closes and before `poll()` can reap it; that counts as
        dead too."""
        readable, _, _ = select.select([self.rfd], [], [], 0)
        if readable or self.proc.poll() is not None:
            return False
        try:
            with open(f"/proc/{self.proc.pid}/stat", "rb") as stat:
                state = stat.read().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):  # no /proc (not Linux): the checks above are all we have
            return True
        return state not in (b"Z", b"X")

    def lower_priority(self) -> bool:
        try:
            os.setpriority(os.PRIO_PROCESS, self.proc.pid, DEMOTED_NICE)
        except OSError:  # gone already, or not allowed
            return False
        return True

    def restore_priority(self) -> bool:
        """Back to normal priority; False where the system does not allow it (raising a
        priority needs CAP_SYS_NICE)."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.proc.pid, os.getpriority(os.PRIO_PROCESS, 0))
        except OSError:
            return False
        return True

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL is not refused
            log.error("query process %s did not die", self.proc.pid)
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class _Admission:
    """Counts the queries in the pool, in all and per client, and refuses at once what would only
    wait (see the module docstring)."""

    def __init__(self, capacity: int, per_client: int):
        self.capacity = capacity
        self.per_client = per_client
        self._lock = threading.Lock()
        self._in_pool = 0
        self._by_client: Counter[str] = Counter()

    @contextmanager
    def admit(self, client: str | None):
        with self._lock:
            if self._in_pool >= self.capacity:
                raise ExecutionError(503, "all query processes are busy and the queue is full; try "
                                          "again shortly", retry_after=1)
            if client is not None and self._by_client[client] >= self.per_client:
                raise ExecutionError(429, f"this client already has {self.per_client} queries running "
                                          "or waiting; wait for them before sending more", retry_after=2)
            self._in_pool += 1
            if client is not None:
                self._by_client[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._in_pool -= 1
                if client is not None:
                    self._by_client[client] -= 1
                    if not self._by_client[client]:
                        del self._by_client[client]


class Executor:
    """A pool of `size` query processes over the store at `store_path` (see the module docstring)."""

    def __init__(self, store_path: str | Path, *, size: int = 2, timeout_s: float = 10.0,
                 queue_timeout_s: float = 5.0, max_rows: int = 100_000, max_bytes: int = 64 << 20,
                 memory_mb: int = 0, allow_service: bool = False, service_allow_list: Sequence[str] = (),
                 prefixes: dict[str, str] | None = None, in_memory_max_mb: int = 0,
                 max_waiting: int | None = None, per_client: int | None = None, sandbox: bool = True,
                 max_chars: int = 10_000, version: str | None = None, demote_after_s: float = 1.0):
        self.store_path = str(store_path)
        self.size = max(1, size)
        self.timeout_s = timeout_s
        self.queue_timeout_s = queue_timeout_s
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.memory_mb = memory_mb
        self.in_memory_max_mb = in_memory_max_mb
        self.allow_service = allow_service
        self.service_allow_list = tuple(service_allow_list)
        self.sandbox = sandbox
        self.max_chars = max_chars
        self.demote_after_s = demote_after_s
        self.prefixes = dict(prefixes or {})
        # The store version every process must have opened (None: the first one's, then pinned).
        self.version = version
        self.stale = False  # a process opened another version: this pool is being replaced
        waiting = 3 * self.size if max_waiting is None else max(0, max_waiting)
        per_client = max(1, self.size - 1) if per_client is None else max(1, per_client)
        self._admission = _Admission(self.size + waiting, per_client)
        self._lock = threading.Lock()
        self._pid: int | None = None  # the process that started the pool (a fork must not reuse it)
        self._closed = False
        self._ids = itertools.count()
        self.killed = 0  # queries stopped at the time limit, for tests and logs
        self.modes: dict[int, str] = {}  # pid -> "memory" or "disk": where each process reads from

    @classmethod
    def from_settings(cls, settings, version: str | None = None) -> Executor:
        from relgraph.namespaces import PREFIXES

        prefixes = {**PREFIXES, "res": settings.base_iri}
        return cls(settings.store, size=settings.query_workers, timeout_s=settings.query_timeout_s,
                   queue_timeout_s=settings.query_queue_timeout_s, max_rows=settings.query_max_rows,
                   max_bytes=settings.query_max_bytes, memory_mb=settings.query_memory_mb,
                   allow_service=settings.allow_service,
                   service_allow_list=settings.service_allow_list, prefixes=prefixes,
                   in_memory_max_mb=settings.query_in_memory_max_mb,
                   max_waiting=settings.query_queue_max, per_client=settings.query_per_client,
                   sandbox=settings.query_sandbox, max_chars=settings.query_max_chars, version=version,
                   demote_after_s=settings.query_demote_after_s)

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self, wait_s: float = 0.0) -> None:
        """Start the processes now (otherwise the first query does), waiting up to `wait_s`
        seconds until all of them are ready. Safe to call again."""
        self._start()
        deadline = time.monotonic() + wait_s
        while self._idle.qsize() < self.size and time.monotonic() < deadline and not self.stale:
            time.sleep(0.02)

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid() and not self._closed:
                return
            self._pid = os.getpid()
            self._closed = False
            self._idle: queue.Queue[_Worker] = queue.Queue()
            self._all: set[_Worker] = set()
            self._spool = tempfile.mkdtemp(prefix="relgraph-results-")
            self._spawn_requests: queue.Queue[int | None] = queue.Queue()
            # One long-lived thread starts every process: the kernel's parent-death signal is tied
            # to the thread that forked, so a short-lived request thread must not be that parent.
            self._supervisor = threading.Thread(target=self._supervise, name="relgraph-executor",
                                                daemon=True)
            self._supervisor.start()
            for _ in range(self.size):
                self._spawn_requests.put(1)
            atexit.register(self.close)

    def close(self) -> None:
        """Stop every query process (idle or busy) and remove the spool directory."""
        with self._lock:
            if self._pid != os.getpid() or self._closed:
                return
            self._closed = True
            self._spawn_requests.put(None)
            workers = list(self._all)
        for worker in workers:
            worker.kill()
        self._supervisor.join(timeout=10)
        shutil.rmtree(self._spool, ignore_errors=True)

    def pids(self) -> list[int]:
        """Process ids of the live query processes (for tests and monitoring)."""
        with self._lock:
            return sorted(w.proc.pid for w in getattr(self, "_all", ()) if w.proc.poll() is None)

    def _supervise(self) -> None:
        backoff = 0.5
        while True:
            item = self._spawn_requests.get()
            if item is None:
                return
            try:
                worker = self._spawn()
            except Exception as exc:  # the store vanished, the machine is out of processes...
                log.error("cannot start a query process: %s; retrying in %.1f s", exc, backoff)
                time.sleep(backoff)
                backoff = min(backoff * 2, 30.0)
                self._spawn_requests.put(1)
                continue
            backoff = 0.5
            if worker is None:  # it opened another store version: no more processes for this pool
                continue
            with self._lock:
                if self._closed:
                    worker.kill()
                    return
                self._all.add(worker)
            self._idle.put(worker)

    def _config(self) -> ProcessConfig:
        return ProcessConfig(
            store_path=self.store_path, parent_pid=os.getpid(), spool_dir=self._spool,
            memory_mb=self.memory_mb, in_memory_max_mb=self.in_memory_max_mb, sandbox=self.sandbox,
            allow_service=self.allow_service, service_allow_list=self.service_allow_list,
            max_chars=self.max_chars)

    def _spawn(self) -> _Worker | None:
        cmd = [sys.executable, "-m", "relgraph.query_process", self._config().to_json()]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        worker = _Worker(proc)
        try:
            hello = worker.receive(time.monotonic() + 60)
        except (_Timeout, _WorkerLost) as exc:
            worker.kill()
            raise RuntimeError(f"query process did not start ({exc.__class__.__name__})") from exc
        if not (isinstance(hello, tuple) and len(hello) == 3 and hello[0] == "ready"):
            worker.kill()
            raise RuntimeError(f"query process failed to start: {hello!r}")
        _, mode, version = hello
        with self._lock:
            if self.version is None:
                self.version = version
            elif version != self.version:
                # A build finished since this pool's app opened the store: answering from this
                # process would mix two graphs. The server replaces the whole pool (web.serve).
                self.stale = True
        if self.stale and version != self.version:
            log.warning("the store at %s changed (version %s, serving %s): not starting more query "
                        "processes for the old version", self.store_path, version, self.version)
            worker.kill()
            return None
        self.modes[proc.pid] = mode
        return worker

    def _discard(self, worker: _Worker) -> None:
        """Kill a worker (stuck or broken) and ask for a fresh one."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            self.modes.pop(worker.proc.pid, None)
            if not self._closed and not self.stale:
                self._spawn_requests.put(1)

    # -- queries -----------------------------------------------------------------------------------
    def run(self, query: str, *, accept_format: str | None = None, result_format: str | None = None,
            graph_format: str | None = None, default_graph_uris: Sequence[str] = (),
            named_graph_uris: Sequence[str] = (), timeout_s: float | None = None,
            client: str | None = None, row_cap: int | None = None) -> QueryOutput:
        """Run one read-only query and return it serialised (see the module docstring)."""
        arrival = time.monotonic()
        result_format, graph_format = _formats(accept_format, result_format, graph_format)
        if not query.strip():
            raise ExecutionError(400, "empty query")
        if len(query) > self.max_chars:
            raise ExecutionError(413, f"the query is {len(query)} characters long; this server accepts "
                                      f"at most {self.max_chars}")
        _check_iris([*default_graph_uris, *named_graph_uris])
        request = {
            "id": f"{os.getpid()}-{next(self._ids)}",
            "query": query, "result_format": result_format, "graph_format": graph_format,
            "default_graphs": list(default_graph_uris), "named_graphs": list(named_graph_uris),
            "union": not (default_graph_uris or named_graph_uris),
            "max_rows": self.max_rows, "max_bytes": self.max_bytes, "prefixes": self.prefixes,
            "row_cap": row_cap,
        }
        limit = self.timeout_s if timeout_s is None else timeout_s
        with self._admission.admit(client):
            reply = self._round_trip(request, arrival, limit)
        return self._output(reply)

    def _output(self, reply: tuple) -> QueryOutput:
        if reply[0] == "error":
            raise ExecutionError(reply[1], reply[2])
        _, kind, fmt, body, path, size, truncated = reply
        if path is None:
            return QueryOutput(media_type(fmt), kind, fmt, body=body, truncated=truncated)
        source = open(path, "rb")  # noqa: SIM115 - handed to the caller, who streams and closes it
        os.unlink(path)  # the open file stays readable; nothing is left on disk when it closes
        return QueryOutput(media_type(fmt), kind, fmt, file=source, size=size, truncated=truncated)

    def _round_trip(self, request: dict, arrival: float, limit: float) -> tuple:
        self._start()
        worker = self._acquire(arrival + min(self.queue_timeout_s, limit))
        demoted = False
        try:
            worker.send(request)
            demoted = self._demote_if_slow(worker, arrival + limit)
            reply = worker.receive(arrival + limit)
        except _Timeout:
            self.killed += 1
            self._discard(worker)
            self._remove_spooled(request["id"])
            raise ExecutionError(504, f"the query ran longer than the {limit:g} s limit and was "
                                      "stopped; add LIMIT or make it more selective") from None
        except _WorkerLost:
            self._discard(worker)
            self._remove_spooled(request["id"])
            raise ExecutionError(503, "the query process died while running the query (memory limit "
                                      f"of {self.memory_mb} MB?); simplify the query",
                                 retry_after=1) from None
        except BaseException:
            # Anything else (e.g. the request thread being interrupted) leaves the pipe in an
            # unknown state: never hand that worker to another query.
            self._discard(worker)
            self._remove_spooled(request["id"])
            raise
        if demoted and not worker.restore_priority():
            self._discard(worker)  # it may not run at normal priority again: a fresh one replaces it
        else:
            self._idle.put(worker)
        return reply

    def _demote_if_slow(self, worker: _Worker, deadline: float) -> bool:
        """Lower the CPU priority of a query still running after `demote_after_s`: on a small
        machine a few heavy queries would otherwise take every core from the short queries, pages
        and dumps (the heavy one still gets its time limit, on the CPU nobody else needs)."""
        if self.demote_after_s <= 0:
            return False
        wait = min(self.demote_after_s, deadline - time.monotonic())
        if wait <= 0 or select.select([worker.rfd], [], [], wait)[0]:
            return False
        return worker.lower_priority()

    def _remove_spooled(self, request_id: str) -> None:
        """Files a killed process was writing for this request."""
        for path in Path(self._spool).glob(f"{request_id}.*"):
            path.unlink(missing_ok=True)

    def _acquire(self, deadline: float) -> _Worker:
        """An idle live worker; one that died while idle (killed from outside) is replaced and
        the wait goes on, since no query of this client caused it."""
        while True:
            if self.stale and not self._all:
                raise ExecutionError(503, "the graph was rebuilt and the server is switching to the new "
                                          "version; try again in a moment", retry_after=1)
            try:
                worker = self._idle.get(timeout=max(0.0, min(deadline - time.monotonic(), 0.5)))
            except queue.Empty:
                if time.monotonic() < deadline:
                    continue
                raise ExecutionError(503, "all query processes are busy; try again shortly",
                                     retry_after=1) from None
            if worker.is_alive_and_idle():
                return worker
            self._discard(worker)


def _formats(accept_format: str | None, result_format: str | None,
             graph_format: str | None) -> tuple[str | None, str | None]:
    if accept_format is not None:
        result_format, graph_format = resolve_format(accept_format)
    elif result_format is None and graph_format is None:
        result_format, graph_format = "json", "turtle"
    if result_format is not None and result_format not in RESULT_MEDIA:
        raise ExecutionError(406, f"unknown results format {result_format!r}")
    if graph_format is not None and graph_format not in GRAPH_MEDIA:
        raise ExecutionError(406, f"unknown RDF format {graph_format!r}")
    return result_format, graph_format


def _check_iris(iris: Iterable[str]) -> None:
    import pyoxigraph as ox

    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError as exc:
            raise ExecutionError(400, f"invalid graph IRI {iri!r}: {exc}") from None
