"""The query process: answers SPARQL queries one at a time for relgraph.executor's pool.

`python -m relgraph.query_process CONFIG_JSON` (started by the pool, never by hand). At start the
process cuts itself off the network (relgraph.sandbox, unless the operator turned the sandbox
off), asks to die with its parent, opens the store read-only at one version (copied into memory
when small), caps its memory and says ("ready", mode, version). Then, for each request frame it
reads from stdin, it checks the query on its parsed form (relgraph.sparql: no update, no SERVICE
unless allowed), runs it, enforces the row and byte limits while serialising, and replies on its
private copy of stdout. Parsing and running both happen here, under the pool's time limit: a
query too costly to parse is killed like one too costly to run.

Results up to `inline_max` bytes travel in the reply; larger ones are written to a file in the
pool's spool directory and the reply names it, so the server streams them from disk (bounded
memory however large the result or slow the client) and this process is free at once.
"""
from __future__ import annotations

import ctypes
import io
import json
import os
import pickle
import signal
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from relgraph.errors import QueryError
from relgraph.query_formats import rdf_formats, result_formats

INLINE_MAX = 256 * 1024  # results up to this size travel through the pipe


@dataclass(frozen=True)
class ProcessConfig:
    """What the pool tells a query process at start (as JSON on its command line)."""

    store_path: str
    parent_pid: int
    spool_dir: str
    memory_mb: int = 0
    in_memory_max_mb: int = 0
    sandbox: bool = True
    allow_service: bool = False
    service_allow_list: tuple[str, ...] = ()
    max_chars: int = 10_000

    def to_json(self) -> str:
        return json.dumps(self.__dict__)

    @classmethod
    def from_json(cls, text: str) -> ProcessConfig:
        data = json.loads(text)
        data["service_allow_list"] = tuple(data.get("service_allow_list", ()))
        return cls(**data)


# -- output with limits ------------------------------------------------------------------------------

class ResultSink(io.RawIOBase):
    """Where a serialiser writes: counts lines (one per row in TSV / N-Triples) and bytes, stops the
    serialiser -- and with it the lazy query -- as soon as a limit is passed, and keeps the first
    `inline_max` bytes in memory, moving to a file in `spool_dir` beyond that."""

    def __init__(self, max_lines: int | None, max_bytes: int, spool_dir: str | None, name: str,
                 inline_max: int = INLINE_MAX, truncate: bool = False):
        super().__init__()
        self.max_lines, self.max_bytes = max_lines, max_bytes
        self.spool_dir, self.name, self.inline_max = spool_dir, name, inline_max
        self.truncate = truncate  # at max_lines: stop quietly (a preview) instead of failing
        self.memory = io.BytesIO()
        self.file = None
        self.path: str | None = None
        self.size = 0
        self.lines = 0
        self.exceeded: str | None = None
        self.truncated = False

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        if self.max_lines is not None and self.lines + data.count(b"\n") > self.max_lines:
            if not self.truncate:
                self.exceeded = "rows"
                raise OSError("result larger than the row limit")
            # Keep the whole lines that still fit, then stop the serialiser.
            keep = self.max_lines - self.lines
            cut = 0
            for _ in range(keep):
                cut = data.index(b"\n", cut) + 1
            self._store(data[:cut])
            self.lines = self.max_lines
            self.truncated = True
            raise OSError("preview complete")
        if self.size + len(data) > self.max_bytes:
            self.exceeded = "bytes"
            raise OSError("result larger than the byte limit")
        self.lines += data.count(b"\n")
        self._store(data)
        return len(data)

    def _store(self, data: bytes) -> None:
        if self.file is None and self.spool_dir and self.size + len(data) > self.inline_max:
            self.path = os.path.join(self.spool_dir, self.name)
            self.file = open(self.path, "wb")  # noqa: SIM115 - closed by finish()/discard()
            self.file.write(self.memory.getvalue())
            self.memory = io.BytesIO()
        (self.file or self.memory).write(data)
        self.size += len(data)

    def finish(self) -> None:
        if self.file is not None:
            self.file.close()

    def discard(self) -> None:
        self.finish()
        if self.path:
            Path(self.path).unlink(missing_ok=True)

    def reader(self) -> dict:
        """Keyword arguments for a pyoxigraph parser to read the collected output."""
        return {"input": self.memory.getvalue()} if self.path is None else {"path": self.path}


def _serialize(write, sink: ResultSink) -> str | None:
    """Run `write(sink)`; return the limit passed ("rows"/"bytes") or None."""
    try:
        write(sink)
    except OSError:
        if not (sink.exceeded or sink.truncated):
            sink.discard()
            raise
    sink.finish()
    if sink.exceeded:
        sink.discard()
    return sink.exceeded


def _too_large(kind: str, request: dict) -> tuple:
    limit = f"{request['max_rows']} rows" if kind == "rows" else f"{request['max_bytes']} bytes"
    return ("error", 422, f"the result is larger than the server's limit of {limit}; "
                          "add LIMIT or make the query more selective")


def _reply(kind: str, fmt: str, sink: ResultSink, truncated: bool) -> tuple:
    if sink.path is None:
        return ("ok", kind, fmt, sink.memory.getvalue(), None, sink.size, truncated)
    return ("ok", kind, fmt, None, sink.path, sink.size, truncated)


# -- one request -----------------------------------------------------------------------------------

def check_policy(query: str, config: ProcessConfig) -> tuple | None:
    """An error reply when the query may not run here, else None (see relgraph.sparql)."""
    from relgraph.sparql import QueryParseError, check_query

    try:
        check_query(query, allow_service=config.allow_service,
                    service_allow_list=config.service_allow_list, max_chars=config.max_chars)
    except QueryParseError as exc:
        return ("error", 400, _syntax_message(query, config) or str(exc))
    except QueryError as exc:
        return ("error", 400, str(exc))
    return None


def _syntax_message(query: str, config: ProcessConfig) -> str | None:
    """Oxigraph's own message (with line and column) for a text the safety parser could not read,
    when Oxigraph rejects it too. Asking Oxigraph means starting the query on an empty store, so
    it is only done where the sandbox guarantees that nothing it starts can reach the network."""
    if not config.sandbox:
        return None
    import pyoxigraph as ox

    try:
        ox.Store().query(query)
    except SyntaxError as exc:
        return f"SPARQL syntax error: {exc}"
    except Exception:  # noqa: BLE001 - it parsed; running it on nothing failed: not a syntax error
        return None
    return None


def execute(store, request: dict, config: ProcessConfig | None = None) -> tuple:
    """Run one request against a pyoxigraph Store; return the reply tuple sent to the server."""
    import pyoxigraph as ox

    if config is not None:
        refused = check_policy(request["query"], config)
        if refused:
            return refused
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
    spool = config.spool_dir if config is not None else None
    name = str(request.get("id", "result"))
    if isinstance(result, ox.QueryTriples):
        return _graph_reply(result, request, spool, name)
    fmt = request["result_format"]
    if fmt is None:
        return ("error", 406, "this query returns results, not a graph; ask for a SPARQL results "
                              "format such as application/sparql-results+json")
    if isinstance(result, ox.QueryBoolean):
        body = result.serialize(format=result_formats()[fmt])
        return ("ok", "boolean", fmt, body, None, len(body), False)
    return _solutions_reply(result, request, spool, name)


def _limits(request: dict) -> tuple[int, bool]:
    """(line limit, truncate): a preview (`row_cap`) stops quietly, the row limit fails."""
    cap = request.get("row_cap")
    if cap is not None and cap < request["max_rows"]:
        return cap, True
    return request["max_rows"], False


def _graph_reply(result, request: dict, spool: str | None, name: str) -> tuple:
    import pyoxigraph as ox

    fmt = request["graph_format"]
    if fmt is None:
        return ("error", 406, "this query returns a graph; ask for an RDF format such as text/turtle")
    lines, truncate = _limits(request)
    # N-Triples first: one triple per line, so the row limit can be counted while it streams.
    first = ResultSink(lines, request["max_bytes"], spool, f"{name}.nt", truncate=truncate)
    return _two_passes(
        "graph", fmt, "ntriples", request, spool, name, first,
        lambda out: result.serialize(out, ox.RdfFormat.N_TRIPLES),
        lambda sink, out: ox.serialize(ox.parse(**sink.reader(), format=ox.RdfFormat.N_TRIPLES), out,
                                       rdf_formats()[fmt], prefixes=request["prefixes"]))


def _solutions_reply(result, request: dict, spool: str | None, name: str) -> tuple:
    import pyoxigraph as ox

    fmt = request["result_format"]
    lines, truncate = _limits(request)
    # TSV first: one solution per line (newlines inside literals are escaped), header line + rows.
    first = ResultSink(lines + 1, request["max_bytes"], spool, f"{name}.tsv", truncate=truncate)
    return _two_passes(
        "solutions", fmt, "tsv", request, spool, name, first,
        lambda out: result.serialize(out, ox.QueryResultsFormat.TSV),
        lambda sink, out: ox.parse_query_results(**sink.reader(), format=ox.QueryResultsFormat.TSV)
        .serialize(out, result_formats()[fmt]))


def _two_passes(kind: str, fmt: str, line_format: str, request: dict, spool: str | None, name: str,
                first: ResultSink, write_lines, convert) -> tuple:
    """Serialise in a one-item-per-line format into `first` (where the row limit is counted),
    then, unless that is the format asked for, convert it into the asked format, streamed from
    memory or from the spooled file."""
    exceeded = _serialize(write_lines, first)
    if exceeded:
        return _too_large(exceeded, request)
    if fmt == line_format:
        return _reply(kind, fmt, first, first.truncated)
    final = ResultSink(None, request["max_bytes"], spool, f"{name}.{fmt}")
    try:
        exceeded = _serialize(lambda out: convert(first, out), final)
    finally:
        first.discard()
    if exceeded:
        return _too_large(exceeded, request)
    return _reply(kind, fmt, final, first.truncated)


# -- the process -----------------------------------------------------------------------------------

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


def read_frame(stream) -> object | None:
    """One length-prefixed pickle from a binary stream; None at end of file."""
    header = stream.read(4)
    if len(header) < 4:
        return None
    (size,) = struct.unpack(">I", header)
    return pickle.loads(stream.read(size))


def write_frame(stream, message: object) -> None:
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


def _start(config: ProcessConfig):
    """Sandbox, parent-death signal, store, memory cap: everything before the first request."""
    if config.sandbox:
        from relgraph.sandbox import deny_network

        deny_network()  # before the store starts RocksDB's threads: they inherit the filter
    _die_with_parent(config.parent_pid)
    from relgraph.snapshot import open_at_one_version

    (store, mode), version = open_at_one_version(
        config.store_path, lambda: open_for_queries(config.store_path, config.in_memory_max_mb))
    _limit_memory(config.memory_mb)
    from relgraph.sparql_grammar import grammar

    from relgraph.sparql import check_query

    # The grammar is built (0.2-0.5 s) and pyparsing warmed by a first parse (0.1 s) before
    # "ready", not under the first query's time limit.
    grammar()
    check_query("SELECT * WHERE { ?s ?p ?o }")
    return store, mode, version


def worker_main(argv: list[str]) -> int:
    """Entry point of a query process (see the module docstring)."""
    config = ProcessConfig.from_json(argv[0])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which then closes us
    # Keep the protocol pipe private: anything printed by libraries goes to stderr instead.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    inp = sys.stdin.buffer
    try:
        store, mode, version = _start(config)
    except Exception as exc:  # noqa: BLE001 - reported to the pool, which logs it and retries
        write_frame(out, ("error", f"cannot start a query process on {config.store_path}: {exc}"))
        return 1
    write_frame(out, ("ready", mode, version))
    while True:
        request = read_frame(inp)
        if request is None:  # the server closed the pipe: it is gone or shutting down
            return 0
        try:
            reply = execute(store, request, config)
        except OSError as exc:
            reply = ("error", 500, f"store error while running the query: {exc}")
        except Exception as exc:  # noqa: BLE001 - report, don't die: the next query deserves a warm worker
            reply = ("error", 500, f"internal error while running the query: {exc.__class__.__name__}")
            print(f"relgraph query process: {exc!r}", file=sys.stderr)
        write_frame(out, reply)


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
