"""Stores: the embedded pyoxigraph store (the default) and, through `open_store`, remote ones.

The embedded store is pyoxigraph on disk, one named graph per article. A build writes through
`replace_graphs`, which runs as one SPARQL Update, i.e. one RocksDB transaction: a failing or
killed build leaves the previous graph exactly as it was.

`open_store(spec)` picks the backend from the spec: a directory (or None for memory) gives the
embedded `RelStore`; `sparql+http://host:port/path` (or `sparql+https://`) gives a
`relgraph.remote_store.RemoteStore` talking SPARQL 1.1 Query/Update to a server such as Virtuoso
or Fuseki. Both offer the `GraphStore` interface below, which is all build/query/export/stats use.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

from relgraph.errors import QueryError, StoreError
from relgraph.namespaces import all_prefixes

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


class RelStore:
    """A thin wrapper over a pyoxigraph Store that knows relgraph's dataset layout."""

    def __init__(self, store: ox.Store, path: Path | None):
        self.ox = store
        self.path = path
        self.location = str(path) if path is not None else "memory"

    # -- writing -------------------------------------------------------------------------
    def replace_graphs(self, drop: Iterable[str], quads: Iterable[ox.Quad]) -> None:
        """Drop the named graphs `drop` and add `quads`, all in one transaction."""
        parts = [f"DROP SILENT GRAPH <{g}> ;" for g in sorted(set(drop))]
        body = _quads_as_insert_data(quads)
        if body:
            parts.append("INSERT DATA {\n" + body + "\n}")
        if not parts:
            return
        update = "\n".join(parts).rstrip(";")
        try:
            self.ox.update(update)
            self.ox.flush()
        except (OSError, SyntaxError, ValueError) as exc:  # disk full, lock lost, a bad IRI...
            raise StoreError(f"could not write to the store at {self.path}: {exc}") from exc

    # -- reading -------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True):
        """Run a SPARQL query; by default the default graph is the union of all named graphs."""
        try:
            return self.ox.query(sparql, use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self.ox)

    def dump(self, output, fmt: str = "turtle", graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Serialise the store (or one named graph) to a binary file object or path."""
        rdf_format = RDF_FORMATS[fmt]
        prefixes = all_prefixes() if prefixes is None else prefixes
        if graph is not None:
            self.ox.dump(output, rdf_format, from_graph=ox.NamedNode(graph), prefixes=prefixes)
        elif fmt in QUAD_FORMATS:
            self.ox.dump(output, rdf_format, prefixes=prefixes)
        else:
            # Triple formats cannot carry graph names: write the union of all graphs, once per
            # triple, through a scratch store so that the writer can use prefixes.
            union = ox.Store()
            union.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in self.ox.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True))
            union.dump(output, rdf_format, from_graph=ox.DefaultGraph(), prefixes=prefixes)

    def close(self) -> None:
        self.ox.flush()


def is_remote(spec: str | Path | None) -> bool:
    return isinstance(spec, str) and spec.startswith(REMOTE_SCHEMES)


def open_store(path: str | Path | None, *, read_only: bool = False, base_iri: str | None = None):
    """Open a store from its spec.

    A directory gives the embedded store (created when missing unless `read_only`); None gives an
    in-memory one; `sparql+http(s)://...` gives a remote SPARQL store whose article graphs are the
    graphs under `<base_iri>graph/`.
    """
    if path is None:
        return RelStore(ox.Store(), None)
    if is_remote(path):
        from relgraph.remote_store import RemoteStore

        return RemoteStore.from_spec(str(path), base_iri=base_iri)
    if isinstance(path, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", path):
        raise StoreError(f"unknown store {path!r}: use a directory or sparql+http(s)://host:port/path")
    path = Path(path)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(f"no store at {path}: run `relgraph build` first")
            return RelStore(ox.Store.read_only(str(path)), path)
        path.mkdir(parents=True, exist_ok=True)
        return RelStore(ox.Store(str(path)), path)
    except OSError as exc:
        raise StoreError(f"cannot open the store at {path}: {exc}") from exc


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
