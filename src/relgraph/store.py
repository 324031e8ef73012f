"""Stores: the embedded pyoxigraph store (the default) and, through `open_store`, remote ones.

The embedded store is pyoxigraph on disk, one named graph per article, and a default graph that
holds the union of the article graphs, once per triple. The union is materialised rather than
computed at query time (pyoxigraph's `use_default_graph_as_union`) because a computed union
matches a triple once per article that states it: a person named in 100 articles makes a join on
their type and label yield 100 x 100 rows before DISTINCT, and the canned queries went from
milliseconds to minutes as a corpus grew. A build writes each chunk of articles through
`replace_graphs`, which runs as one SPARQL Update (or one `extend`), i.e. one RocksDB transaction,
that replaces the article graphs and updates the union in step: a failing or killed build leaves
the graph as its last written chunk left it.

`open_store(spec)` picks the backend from the spec: a directory (or None for memory) gives the
embedded `RelStore`; `sparql+http://host:port/path` (or `sparql+https://`) gives a
`relgraph.remote_store.RemoteStore` talking SPARQL 1.1 Query/Update to a server such as Virtuoso
or Fuseki. Both offer the `GraphStore` interface below, which is all build/query/export/stats use.
"""
from __future__ import annotations

import fcntl
import io
import logging
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

from relgraph.chunk_quads import ChunkQuads
from relgraph.errors import QueryError, StoreError
from relgraph.namespaces import all_prefixes

log = logging.getLogger(__name__)

# Names starting with RELGRAPH- in a store directory are relgraph's own marker and lock files, not
# RocksDB's (a store fingerprint skips them).
# In a store directory while a first write goes in with the (non-atomic) bulk loader.
BULK_MARKER = "RELGRAPH-FIRST-WRITE"
# Held with flock(LOCK_EX) for the whole of a build: one build per store at a time.
BUILD_LOCK = "RELGRAPH-BUILD.lock"
# Written when a store is created empty: every graph it holds files its persons by role key
# (`relgraph.person_index`); a store without it may hold graphs with the older word keys only.
ROLE_MARKER = "RELGRAPH-PERSON-KEYS-2"

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"trig", "nquads", "nq", "jsonld"}
REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")


@runtime_checkable
class GraphStore(Protocol):
    """What build, query, export, stats and validate need from a store.

    Query results are pyoxigraph objects (QuerySolutions, QueryBoolean, QueryTriples) whatever
    the backend, so renderers and callers do not care where the graph lives.
    """

    location: str

    def replace_graphs(self, drop: Iterable[str], quads: Iterable[ox.Quad]) -> None:
        """Drop the named graphs `drop` and add `quads` (atomically, as far as the backend allows)."""

    def query(self, sparql: str, *, union: bool = True):
        """Run a SPARQL query; with `union` the default graph is the union of the article graphs."""

    def named_graphs(self) -> list[str]:
        """The article graphs, sorted."""

    def __len__(self) -> int:
        """Number of quads in the article graphs."""

    def dump(self, output, fmt: str = "turtle", graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Serialise everything (or one named graph) to a binary file object or path."""

    def close(self) -> None:
        """Flush and release."""


def _graph_node(iri: str, path) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise StoreError(f"could not write to the store at {path}: bad graph IRI {iri!r}: {exc}") from None


class RelStore:
    """A thin wrapper over a pyoxigraph Store that knows relgraph's dataset layout."""

    def __init__(self, store: ox.Store, path: Path | None, *, read_only: bool = False):
        self.ox = store
        self.path = path
        self.read_only = read_only
        self.location = str(path) if path is not None else "memory"

    # -- writing -------------------------------------------------------------------------
    def replace_graphs(self, drop: Iterable[str], quads: Iterable[ox.Quad]) -> None:
        """Drop the named graphs `drop`, add `quads` and keep the union default graph in step, all
        in one transaction."""
        # Graphs the store does not hold need no dropping: a first build or new articles then take
        # the fast Store.extend path instead of a SPARQL update text.
        drop = sorted(g for g in set(drop) if self.ox.contains_named_graph(_graph_node(g, self.path)))
        if isinstance(quads, ChunkQuads):
            if not drop:
                self._load(quads)
                return
            quads = list(quads)     # graphs to drop: the SPARQL update below needs the quads
        quads = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
        if not drop:
            self._add(quads)
            return
        added = sorted({str(q.graph_name) for q in quads})
        parts = []
        if drop:
            # A triple leaves the union only when no graph that stays still states it.
            gone = " ".join(f"<{g}>" for g in drop)
            parts.append(f"""DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {gone} }} GRAPH ?g {{ ?s ?p ?o }}
                FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h NOT IN ({", ".join(f"<{g}>" for g in drop)})) }} }} ;""")
            parts += [f"DROP SILENT GRAPH <{g}> ;" for g in drop]
        body = _quads_as_insert_data(quads)
        if body:
            parts.append("INSERT DATA {\n" + body + "\n} ;")
            parts.append("INSERT { ?s ?p ?o } WHERE { VALUES ?g { " + " ".join(added)
                         + " } GRAPH ?g { ?s ?p ?o } } ;")
        if not parts:
            return
        update = "\n".join(parts).rstrip(" ;")
        try:
            self.ox.update(update)
            self.ox.flush()
        except (OSError, SyntaxError, ValueError) as exc:  # disk full, lock lost, a bad IRI...
            raise StoreError(f"could not write to the store at {self.path}: {exc}") from exc

    def _add(self, quads: list[ox.Quad]) -> None:
        """Nothing to drop (a first build, new articles): the quads and their union copies go in
        with `Store.extend`, one transaction like the SPARQL path but without writing and parsing
        the whole graph as an update text (which cost as much as spaCy in a build)."""
        if not quads:
            return
        union = [ox.Quad(q.subject, q.predicate, q.object) for q in quads]
        if self.path is not None and self._is_empty():
            self._first_write(quads + union)
            return
        try:
            self.ox.extend(quads + union)
            self.ox.flush()
        except (OSError, ValueError) as exc:
            raise StoreError(f"could not write to the store at {self.path}: {exc}") from exc

    def _load(self, chunk: ChunkQuads) -> None:
        """Nothing to drop, and the chunk is N-Quads text: one `Store.load` transaction parses it
        in Rust (the bulk loader into an empty on-disk store, as `_first_write`)."""
        if not len(chunk):
            return
        if self.path is not None and self._is_empty():
            self._bulk(lambda: self.ox.bulk_load(chunk.with_union(), format=ox.RdfFormat.N_QUADS))
            return
        try:
            # lenient: the text was serialised from terms pyoxigraph already validated.
            self.ox.load(chunk.with_union(), format=ox.RdfFormat.N_QUADS, lenient=True)
            self.ox.flush()
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"could not write to the store at {self.path}: {exc}") from exc

    def _is_empty(self) -> bool:
        return next(iter(self.ox.quads_for_pattern(None, None, None, None)), None) is None

    def _first_write(self, quads: list[ox.Quad]) -> None:
        """The first write into an empty on-disk store uses the bulk loader (2-3x faster than one
        transaction; bench/README.md). The bulk loader is not atomic, so a marker file says a
        first write is under way: a store left with the marker (a killed build) held nothing
        before it, and `open_store` empties it again instead of serving half a graph."""
        self._bulk(lambda: self.ox.bulk_extend(quads))

    def _bulk(self, write) -> None:
        """Run a bulk-loader `write` into the empty on-disk store under the first-write marker."""
        marker = self.path / BULK_MARKER
        try:
            marker.write_text(f"{os.getpid()}\n")
            write()
            self.ox.flush()
            marker.unlink()
        except (OSError, SyntaxError, ValueError) as exc:
            try:
                self.ox.clear()
                self.ox.flush()
                marker.unlink(missing_ok=True)
            except OSError:
                pass  # the marker stays: the next open empties the store
            raise StoreError(f"could not write to the store at {self.path}: {exc}") from exc

    def materialise_union(self) -> bool:
        """Fill the union default graph of a store written before it existed. True if it did."""
        if not self._needs_union():
            return False
        try:
            self.ox.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            self.ox.flush()
        except OSError as exc:
            raise StoreError(f"could not write to the store at {self.path}: {exc}") from exc
        return True

    def _needs_union(self) -> bool:
        # Index lookups for one quad each (ASK queries took seconds on a 10,000-article store).
        # With the default graph empty, any quad at all is in an article graph.
        if next(iter(self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
            return False
        return not self._is_empty()

    # -- reading -------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True):
        """Run a SPARQL query. The default graph is the union of the article graphs (stored, so
        `union` has nothing left to switch; it stays for the GraphStore interface)."""
        try:
            return self.ox.query(sparql)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        """Quads in the article graphs (the union default graph repeats them and is not counted)."""
        rows = self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def triples(self) -> int:
        """Distinct triples: the size of the union default graph."""
        return int(next(iter(self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)

    def dump(self, output, fmt: str = "turtle", graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Serialise the store (or one named graph) to a binary file object or path: triple formats
        get the union default graph, quad formats the article graphs."""
        rdf_format = RDF_FORMATS[fmt]
        prefixes = all_prefixes() if prefixes is None else prefixes
        if graph is not None:
            self.ox.dump(output, rdf_format, from_graph=ox.NamedNode(graph), prefixes=prefixes)
        elif fmt in QUAD_FORMATS:
            ox.serialize((q for q in self.ox if not isinstance(q.graph_name, ox.DefaultGraph)), output,
                         rdf_format, prefixes=prefixes)
        else:
            self.ox.dump(output, rdf_format, from_graph=ox.DefaultGraph(), prefixes=prefixes)

    def close(self) -> None:
        # A read-only pyoxigraph store has nothing to flush and refuses to (RuntimeError).
        if not self.read_only:
            self.ox.flush()


def is_remote(spec: str | Path | None) -> bool:
    return isinstance(spec, str) and spec.startswith(REMOTE_SCHEMES)


def open_store(path: str | Path | None, *, read_only: bool = False, base_iri: str | None = None,
               settings=None):
    """Open a store from its spec.

    A directory gives the embedded store (created when missing unless `read_only`); None gives an
    in-memory one; `sparql+http(s)://...` gives a remote SPARQL store whose article graphs are the
    graphs under `<base_iri>graph/`. A build passes its `settings`: a remote store opened for
    writing then gets Virtuoso's bulk loader when they configure one (`relgraph.virtuoso_bulk`).
    """
    if path is None:
        return RelStore(ox.Store(), None)
    if is_remote(path):
        from relgraph.remote_store import RemoteStore
        from relgraph.virtuoso_bulk import BulkLoader

        bulk = None if read_only or settings is None else BulkLoader.from_settings(settings)
        return RemoteStore.from_spec(str(path), base_iri=base_iri, bulk=bulk)
    if isinstance(path, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", path):
        raise StoreError(f"unknown store {path!r}: use a directory or sparql+http(s)://host:port/path")
    path = Path(path)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"no store at {path}: run `relgraph build` first")
            if (path / BULK_MARKER).exists():
                if build_running(path):
                    raise StoreError(f"a build is writing its first chunk into the store at {path}: "
                                     "try again once it is in")
                raise StoreError(f"the store at {path} holds an interrupted first build: run "
                                 "`relgraph build` again")
            store = RelStore(ox.Store.read_only(str(path)), path, read_only=True)
            if store._needs_union():
                raise StoreError(f"the store at {path} was written by an older relgraph (no union "
                                 "default graph): run `relgraph build` once to upgrade it")
            return store
        path.mkdir(parents=True, exist_ok=True)
        store = RelStore(ox.Store(str(path)), path)
        if (path / BULK_MARKER).exists():
            log.warning("the store at %s holds an interrupted first build; emptying it", path)
            store.ox.clear()
            store.ox.flush()
            (path / BULK_MARKER).unlink()
        store.materialise_union()
        if store._is_empty():
            (path / ROLE_MARKER).touch()
        return store
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from exc


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold the build lock of the store directory `path` (created if missing) for the `with` block.
    Another build holding it fails at once with StoreError: no waiting behind a long build, and
    no RocksDB lock message for the user to decode."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path / BUILD_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"another build is running on this store ({path})") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock; the file stays (removing it would race a new build)


def build_running(path: Path) -> bool:
    """True while a build holds the lock of the store directory `path`. A non-blocking probe that
    never creates anything (a missing store or lock file means no build)."""
    try:
        fd = os.open(Path(path) / BUILD_LOCK, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def run_query(store: RelStore, sparql: str):
    """Library entry point used by the CLI and the web app."""
    return store.query(sparql)


def _quads_as_insert_data(quads: Iterable[ox.Quad]) -> str:
    """Write quads in SPARQL INSERT DATA syntax (N-Quads terms inside GRAPH blocks)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(graph, []).append(f"{q.subject} {q.predicate} {q.object} .")
    out = io.StringIO()
    for graph, lines in by_graph.items():
        if graph:
            out.write(f"GRAPH {graph} {{\n")
        out.write("\n".join(lines))
        out.write("\n}\n" if graph else "\n")
    return out.getvalue()
