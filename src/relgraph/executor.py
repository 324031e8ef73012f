"""Run SPARQL queries in a small pool of worker processes that can be killed.

Why processes: pyoxigraph cannot cancel a running query and an alarm in a thread does not stop it
(see /work/shared/MEASURED.md), so the only hard wall-clock limit is killing the process that runs
it. Each worker opens the store read-only once (and copies it into memory when it is no larger than
`in_memory_max_mb` on disk: joins run about 5x faster there) and then serves queries one at a time
over a pipe, so the fast path costs one small pickle each way and no process start.

Usage (the web blueprints and the query page call exactly this)::

    executor = Executor.from_settings(settings)
    body, content_type = executor.run(
        "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
        accept_format="json",            # a format name (json, xml, csv, tsv, turtle, ntriples,
                                         # jsonld, rdfxml, trig, nquads) or a media type
        default_graph_uris=(),           # when either list is given it replaces the union
        named_graph_uris=(),             # default graph (SPARQL 1.1 Protocol dataset)
    )

`run` returns a `QueryOutput` (unpacks to `(body, content_type)`; also has `.kind` = "solutions",
"boolean" or "graph" and `.fmt`). `accept_format` picks both the results format used for SELECT/ASK
and the RDF format used for CONSTRUCT/DESCRIBE ("json" gives SPARQL JSON or JSON-LD, "xml" SPARQL
XML or RDF/XML); `result_format=` / `graph_format=` set them separately. Failures raise
`ExecutionError` whose `.status` is the HTTP status to answer with (400 bad query, 406 format, 422
result over the row/byte limit, 503 busy or worker lost, 504 time limit) and whose message is meant
for the client. `close()` stops the workers; it also runs at interpreter exit.
"""
from __future__ import annotations

import atexit
import ctypes
import io
import logging
import os
import pickle
import queue
import re
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from relgraph.errors import QueryError

log = logging.getLogger(__name__)

# -- formats ---------------------------------------------------------------------------------------

RESULT_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_MEDIA = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "trig": "application/trig",
    "nquads": "application/n-quads",
}
# Media types clients send for each format, in the server's order of preference.
RESULT_ACCEPT = {
    "application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
}
GRAPH_ACCEPT = {
    "text/turtle": "turtle", "application/n-triples": "ntriples", "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml", "application/trig": "trig", "application/n-quads": "nquads",
    "application/x-turtle": "turtle", "application/turtle": "turtle", "text/plain": "ntriples",
    "application/json": "jsonld", "application/xml": "rdfxml", "text/xml": "rdfxml",
    "text/x-nquads": "nquads",
}
# `format=` names (and file extensions) -> (results format, graph format); None: cannot produce.
FORMAT_ALIASES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
    "srj": ("json", None), "srx": ("xml", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "ntriples": (None, "ntriples"),
    "nt": (None, "ntriples"), "n-triples": (None, "ntriples"), "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"), "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"),
    "rdf/xml": (None, "rdfxml"), "trig": (None, "trig"), "nquads": (None, "nquads"),
    "nq": (None, "nquads"), "n-quads": (None, "nquads"),
}


def media_type(fmt: str) -> str:
    """The Content-Type (with charset: every format we write is UTF-8) of a format name."""
    return f"{RESULT_MEDIA.get(fmt) or GRAPH_MEDIA[fmt]}; charset=utf-8"


def resolve_format(name: str) -> tuple[str | None, str | None]:
    """A `format=` value (alias or media type) -> (results format, graph format)."""
    key = name.strip().lower()
    if key in FORMAT_ALIASES:
        return FORMAT_ALIASES[key]
    key = key.split(";")[0].strip()
    pair = (RESULT_ACCEPT.get(key), GRAPH_ACCEPT.get(key))
    if pair == (None, None):
        raise ExecutionError(406, f"unknown format {name!r}; use one of {', '.join(sorted(FORMAT_ALIASES))}")
    return pair


# -- errors and results ----------------------------------------------------------------------------

class ExecutionError(QueryError):
    """A query that could not be answered; `status` is the HTTP status to report it with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class QueryOutput:
    """Serialised results. Unpacks as `body, content_type = output`."""

    body: bytes
    content_type: str
    kind: str  # "solutions", "boolean" or "graph"
    fmt: str

    def __iter__(self) -> Iterator:
        return iter((self.body, self.content_type))


# Query text after comments/strings/IRIs are blanked: does the query name its own dataset?
_FROM = re.compile(r"(?<![?$\w:])FROM\b", re.I)


def _has_from(query: str) -> bool:
    from relgraph.sparql import keywords_text

    return bool(_FROM.search(keywords_text(query)))


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
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(struct.pack(">I", len(data)) + data)
            self.proc.stdin.flush()
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


class Executor:
    """A pool of `size` query processes over the store at `store_path` (see the module docstring)."""

    def __init__(self, store_path: str | Path, *, size: int = 2, timeout_s: float = 10.0,
                 queue_timeout_s: float = 5.0, max_rows: int = 100_000, max_bytes: int = 64 << 20,
                 memory_mb: int = 0, allow_service: bool = False, prefixes: dict[str, str] | None = None,
                 in_memory_max_mb: int = 0):
        self.store_path = str(store_path)
        self.size = max(1, size)
        self.timeout_s = timeout_s
        self.queue_timeout_s = queue_timeout_s
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.memory_mb = memory_mb
        self.in_memory_max_mb = in_memory_max_mb
        self.allow_service = allow_service
        self.prefixes = dict(prefixes or {})
        self._lock = threading.Lock()
        self._pid: int | None = None  # the process that started the pool (a fork must not reuse it)
        self._closed = False
        self.killed = 0  # queries stopped at the time limit, for tests and logs
        self.modes: dict[int, str] = {}  # pid -> "memory" or "disk": where each process reads from

    @classmethod
    def from_settings(cls, settings) -> Executor:
        from relgraph.namespaces import PREFIXES

        prefixes = {**PREFIXES, "res": settings.base_iri}
        return cls(settings.store, size=settings.query_workers, timeout_s=settings.query_timeout_s,
                   queue_timeout_s=settings.query_queue_timeout_s, max_rows=settings.query_max_rows,
                   max_bytes=settings.query_max_bytes, memory_mb=settings.query_memory_mb,
                   allow_service=settings.allow_service, prefixes=prefixes,
                   in_memory_max_mb=settings.query_in_memory_max_mb)

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self, wait_s: float = 0.0) -> None:
        """Start the processes now (otherwise the first query does), waiting up to `wait_s`
        seconds until all of them are ready. Safe to call again."""
        self._start()
        deadline = time.monotonic() + wait_s
        while self._idle.qsize() < self.size and time.monotonic() < deadline:
            time.sleep(0.02)

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid() and not self._closed:
                return
            self._pid = os.getpid()
            self._closed = False
            self._idle: queue.Queue[_Worker] = queue.Queue()
            self._all: set[_Worker] = set()
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
        """Stop every query process (idle or busy)."""
        with self._lock:
            if self._pid != os.getpid() or self._closed:
                return
            self._closed = True
            self._spawn_requests.put(None)
            workers = list(self._all)
        for worker in workers:
            worker.kill()
        self._supervisor.join(timeout=10)

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
            with self._lock:
                if self._closed:
                    worker.kill()
                    return
                self._all.add(worker)
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        cmd = [sys.executable, "-m", "relgraph.executor", self.store_path, str(self.memory_mb),
               str(os.getpid()), str(self.in_memory_max_mb)]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        worker = _Worker(proc)
        try:
            hello = worker.receive(time.monotonic() + 60)
        except (_Timeout, _WorkerLost) as exc:
            worker.kill()
            raise RuntimeError(f"query process did not start ({exc.__class__.__name__})") from exc
        if not (isinstance(hello, tuple) and len(hello) == 2 and hello[0] == "ready"):
            worker.kill()
            raise RuntimeError(f"query process failed to start: {hello!r}")
        self.modes[proc.pid] = hello[1]
        return worker

    def _discard(self, worker: _Worker) -> None:
        """Kill a worker (stuck or broken) and ask for a fresh one."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            self.modes.pop(worker.proc.pid, None)
            if not self._closed:
                self._spawn_requests.put(1)

    # -- queries -----------------------------------------------------------------------------------
    def run(self, query: str, *, accept_format: str | None = None, result_format: str | None = None,
            graph_format: str | None = None, default_graph_uris: Sequence[str] = (),
            named_graph_uris: Sequence[str] = (), timeout_s: float | None = None) -> QueryOutput:
        """Run one read-only query and return it serialised (see the module docstring)."""
        from relgraph.sparql import check_query

        if accept_format is not None:
            result_format, graph_format = resolve_format(accept_format)
        elif result_format is None and graph_format is None:
            result_format, graph_format = "json", "turtle"
        if result_format is not None and result_format not in RESULT_MEDIA:
            raise ExecutionError(406, f"unknown results format {result_format!r}")
        if graph_format is not None and graph_format not in GRAPH_MEDIA:
            raise ExecutionError(406, f"unknown RDF format {graph_format!r}")
        try:
            check_query(query, allow_service=self.allow_service)
        except ExecutionError:
            raise
        except QueryError as exc:
            raise ExecutionError(400, str(exc)) from exc
        _check_iris([*default_graph_uris, *named_graph_uris])
        request = {
            "query": query, "result_format": result_format, "graph_format": graph_format,
            "default_graphs": list(default_graph_uris), "named_graphs": list(named_graph_uris),
            "union": not (default_graph_uris or named_graph_uris or _has_from(query)),
            "max_rows": self.max_rows, "max_bytes": self.max_bytes, "prefixes": self.prefixes,
        }
        reply = self._round_trip(request, self.timeout_s if timeout_s is None else timeout_s)
        if reply[0] == "error":
            raise ExecutionError(reply[1], reply[2])
        _, kind, fmt, body = reply
        return QueryOutput(body, media_type(fmt), kind, fmt)

    def _round_trip(self, request: dict, timeout_s: float) -> tuple:
        self._start()
        worker = self._acquire(time.monotonic() + self.queue_timeout_s)
        try:
            worker.send(request)
            reply = worker.receive(time.monotonic() + timeout_s)
        except _Timeout:
            self.killed += 1
            self._discard(worker)
            raise ExecutionError(504, f"the query ran longer than the {timeout_s:g} s limit and was "
                                      "stopped; add LIMIT or make it more selective") from None
        except _WorkerLost:
            self._discard(worker)
            raise ExecutionError(503, "the query process died while running the query (memory limit "
                                      f"of {self.memory_mb} MB?); simplify the query") from None
        except BaseException:
            # Anything else (e.g. the request thread being interrupted) leaves the pipe in an
            # unknown state: never hand that worker to another query.
            self._discard(worker)
            raise
        self._idle.put(worker)
        return reply

    def _acquire(self, deadline: float) -> _Worker:
        """An idle live worker; one that died while idle (killed from outside) is replaced and
        the wait goes on, since no query of this client caused it."""
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ExecutionError(503, "all query processes are busy; try again shortly") from None
            if worker.is_alive_and_idle():
                return worker
            self._discard(worker)


def _check_iris(iris: Iterable[str]) -> None:
    import pyoxigraph as ox

    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError as exc:
            raise ExecutionError(400, f"invalid graph IRI {iri!r}: {exc}") from None


# -- the query process -----------------------------------------------------------------------------

class _LimitedSink(io.RawIOBase):
    """Collects serialised output; counts lines (one per row in TSV / N-Triples) and bytes, and
    stops the serialiser -- and with it the lazy query -- as soon as a limit is passed."""

    def __init__(self, max_lines: int | None, max_bytes: int):
        super().__init__()
        self.buffer = io.BytesIO()
        self.lines = 0
        self.max_lines = max_lines
        self.max_bytes = max_bytes
        self.exceeded: str | None = None

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        self.lines += data.count(b"\n")
        if self.max_lines is not None and self.lines > self.max_lines:
            self.exceeded = "rows"
        elif self.buffer.tell() + len(data) > self.max_bytes:
            self.exceeded = "bytes"
        if self.exceeded:
            raise OSError(f"result larger than the {self.exceeded} limit")
        return self.buffer.write(data)


def _too_large(kind: str, request: dict) -> tuple:
    limit = f"{request['max_rows']} rows" if kind == "rows" else f"{request['max_bytes']} bytes"
    return ("error", 422, f"the result is larger than the server's limit of {limit}; "
                          "add LIMIT or make the query more selective")


def _serialize_limited(write, max_lines: int | None, max_bytes: int) -> tuple[bytes | None, str | None]:
    sink = _LimitedSink(max_lines, max_bytes)
    try:
        write(sink)
    except OSError:
        if sink.exceeded:
            return None, sink.exceeded
        raise
    return sink.buffer.getvalue(), None


def execute(store, request: dict) -> tuple:
    """Run one request against a pyoxigraph Store; return the reply tuple sent to the server."""
    import pyoxigraph as ox

    kwargs: dict = {}
    # Without a protocol dataset the default graph is the store's own: the union of the article
    # graphs, materialised once per triple by the build (relgraph.store).
    if not request["union"] and (request["default_graphs"] or request["named_graphs"]):
        kwargs["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    try:
        result = store.query(request["query"], **kwargs)
    except SyntaxError as exc:
        return ("error", 400, f"SPARQL syntax error: {exc}")
    max_rows, max_bytes = request["max_rows"], request["max_bytes"]
    if isinstance(result, ox.QueryTriples):
        fmt = request["graph_format"]
        if fmt is None:
            return ("error", 406, "this query returns a graph; ask for an RDF format such as text/turtle")
        # N-Triples first: one triple per line, so the row limit can be counted while it streams.
        body, exceeded = _serialize_limited(lambda out: result.serialize(out, ox.RdfFormat.N_TRIPLES),
                                            max_rows, max_bytes)
        if exceeded:
            return _too_large(exceeded, request)
        if fmt != "ntriples":
            target = _RDF_FORMATS()[fmt]
            body, exceeded = _serialize_limited(
                lambda out: ox.serialize(ox.parse(body, ox.RdfFormat.N_TRIPLES), out, target,
                                         prefixes=request["prefixes"]), None, max_bytes)
            if exceeded:
                return _too_large(exceeded, request)
        return ("ok", "graph", fmt, body)
    fmt = request["result_format"]
    if fmt is None:
        return ("error", 406, "this query returns results, not a graph; ask for a SPARQL results "
                              "format such as application/sparql-results+json")
    formats = _RESULT_FORMATS()
    if isinstance(result, ox.QueryBoolean):
        return ("ok", "boolean", fmt, result.serialize(format=formats[fmt]))
    # TSV first: one solution per line (newlines inside literals are escaped), header line + rows.
    body, exceeded = _serialize_limited(lambda out: result.serialize(out, ox.QueryResultsFormat.TSV),
                                        max_rows + 1, max_bytes)
    if exceeded:
        return _too_large(exceeded, request)
    if fmt != "tsv":
        parsed = ox.parse_query_results(body, ox.QueryResultsFormat.TSV)
        body, exceeded = _serialize_limited(lambda out: parsed.serialize(out, formats[fmt]), None, max_bytes)
        if exceeded:
            return _too_large(exceeded, request)
    return ("ok", "solutions", fmt, body)


def _RDF_FORMATS() -> dict:
    import pyoxigraph as ox

    return {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
            "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML,
            "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def _RESULT_FORMATS() -> dict:
    import pyoxigraph as ox

    return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this process when its parent goes, so an abandoned query cannot spin on."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the closed pipe still ends idle workers
        pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ImportError, ValueError, OSError) as exc:
        print(f"relgraph query process: cannot limit memory: {exc}", file=sys.stderr)


def _read_frame(stream) -> object | None:
    header = stream.read(4)
    if len(header) < 4:
        return None
    (size,) = struct.unpack(">I", header)
    return pickle.loads(stream.read(size))


def _write_frame(stream, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">I", len(data)) + data)
    stream.flush()


def store_size_mb(path: str | Path) -> float:
    """Bytes of the files of an on-disk store, in MiB (RocksDB's LOG files left out)."""
    total = 0
    for child in Path(path).iterdir():
        if child.is_file() and not child.name.startswith("LOG"):
            total += child.stat().st_size
    return total / (1 << 20)


def open_for_queries(store_path: str, in_memory_max_mb: int):
    """The store a query process answers from, and where it lives ("memory" or "disk").

    A store of at most `in_memory_max_mb` MiB on disk is copied into an in-memory store: in
    pyoxigraph 0.5 reads from memory answer 2-hop joins about 5x and lookups about 3x faster than
    the on-disk store (bench/README.md), at the cost of each query process holding its own copy
    and a start-up of about a second per 25 MiB. Larger stores are queried on disk."""
    import pyoxigraph as ox

    disk = ox.Store.read_only(store_path)
    if in_memory_max_mb <= 0 or store_size_mb(store_path) > in_memory_max_mb:
        return disk, "disk"
    memory = ox.Store()
    memory.bulk_extend(disk.quads_for_pattern(None, None, None, None))
    return memory, "memory"


def worker_main(argv: list[str]) -> int:
    """Entry point of a query process:
    `python -m relgraph.executor STORE MEMORY_MB PARENT_PID [IN_MEMORY_MAX_MB]`."""
    store_path, memory_mb, parent_pid = argv[0], int(argv[1]), int(argv[2])
    in_memory_max_mb = int(argv[3]) if len(argv) > 3 else 0
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which then closes us
    _die_with_parent(parent_pid)
    # Keep the protocol pipe private: anything printed by libraries goes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    inp = sys.stdin.buffer
    import pyoxigraph as ox

    try:
        store, mode = open_for_queries(store_path, in_memory_max_mb)
    except OSError as exc:
        _write_frame(out, ("error", f"cannot open the store at {store_path}: {exc}"))
        return 1
    _limit_memory(memory_mb)
    _write_frame(out, ("ready", mode))
    while True:
        request = _read_frame(inp)
        if request is None:  # the server closed the pipe: it is gone or shutting down
            return 0
        try:
            reply = execute(store, request)
        except OSError as exc:
            reply = ("error", 500, f"store error while running the query: {exc}")
        except Exception as exc:  # report, don't die: the next query deserves a warm worker
            reply = ("error", 500, f"internal error while running the query: {exc.__class__.__name__}")
            print(f"relgraph query process: {exc!r}", file=sys.stderr)
        _write_frame(out, reply)


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
