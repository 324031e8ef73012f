"""A store that lives in a remote SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, ...).

Spec: ``sparql+http://host:port/path[?update=/other/path&max_request_mb=N]``. Queries go to
``http://host:port/path`` (SPARQL 1.1 Protocol, POST), updates to the same URL unless ``update``
names another path (Fuseki: ``sparql+http://host:3030/ds/query?update=/ds/update``). A user and
password in the spec (``sparql+http://user:pass@host/...``) are sent with HTTP Basic or Digest
authentication, whichever the server asks for (Virtuoso's ``/sparql-auth`` uses Digest).

The article graphs are the named graphs under ``<base>graph/``; everything else the server holds
(Virtuoso's system graphs, other datasets) is ignored by `named_graphs`, `len` and `dump`. Queries
see the server's default graph, which must be the union of the named graphs (Virtuoso's default;
Fuseki/TDB2 with ``tdb2:unionDefaultGraph true``).

Writes: one chunk of a build is one SPARQL Update request (DROP of the rebuilt graphs + INSERT
DATA), which Virtuoso runs as one transaction. When the update would exceed ``max_request_mb`` (default 8:
Virtuoso refuses an update text above 10 MB, "string session is longer than 10Mb"),
the data is first written to staging graphs in several requests and then swapped in with one
final request of MOVE operations: a build that dies before that request leaves the article graphs
as they were (the staging graphs are dropped by the next build); the swap itself is as atomic as
the server makes one update request.

Big writes into Virtuoso can go through its bulk loader instead (`relgraph.virtuoso_bulk`, opt-in
by the operator's settings, builds only): `bulk` is then a `BulkLoader`, and a chunk of at least
its ``min_quads`` quads is loaded from an N-Quads file (not one transaction: see that module).

Query results are returned as pyoxigraph objects, exactly as the embedded store returns them.
"""
from __future__ import annotations

import json
import logging
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from relgraph.errors import QueryError, StoreError
from relgraph.namespaces import DEFAULT_BASE_IRI, all_prefixes
from relgraph.sparql import keywords_text
from relgraph.virtuoso_bulk import BulkLoader

SELECT_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.8"
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
STAGING_PREFIX = "relgraph-staging/"
log = logging.getLogger(__name__)


class RemoteStore:
    """The `relgraph.store.GraphStore` interface over SPARQL 1.1 Query and Update."""

    def __init__(self, query_url: str, update_url: str | None = None, *, base_iri: str | None = None,
                 user: str | None = None, password: str | None = None, timeout: float = 300.0,
                 max_request_bytes: int = 8 * 1024 * 1024, bulk: BulkLoader | None = None):
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.location = query_url
        self.path = None
        base = base_iri or DEFAULT_BASE_IRI
        self.graph_prefix = base + "graph/"
        self.staging_prefix = base + STAGING_PREFIX
        self.timeout = timeout
        self.max_request_bytes = max_request_bytes
        self.bulk = bulk
        self.bulk_loads = 0                                     # chunks written through the bulk loader
        self.requests = 0                                       # HTTP requests sent (for tests and stats)
        handlers: list = [urllib.request.ProxyHandler({})]     # never through a proxy
        if user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, self.query_url, user, password or "")
            passwords.add_password(None, self.update_url, user, password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(passwords),
                         urllib.request.HTTPDigestAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    @classmethod
    def from_spec(cls, spec: str, *, base_iri: str | None = None,
                  bulk: BulkLoader | None = None) -> RemoteStore:
        parts = urllib.parse.urlsplit(spec.split("+", 1)[1])
        options = dict(urllib.parse.parse_qsl(parts.query))
        unknown = set(options) - {"update", "max_request_mb", "timeout"}
        if unknown:
            raise StoreError(f"unknown option(s) in store spec: {', '.join(sorted(unknown))}")
        if not parts.hostname:
            raise StoreError(f"no host in store spec {spec!r}")
        netloc = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
        if ":" in parts.hostname:
            netloc = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
        origin = f"{parts.scheme}://{netloc}"
        query_url = origin + (parts.path or "/sparql")
        update = options.get("update")
        update_url = None if update is None else (update if "://" in update else origin + update)
        try:
            kwargs = {}
            if "max_request_mb" in options:
                kwargs["max_request_bytes"] = int(float(options["max_request_mb"]) * 1024 * 1024)
            if "timeout" in options:
                kwargs["timeout"] = float(options["timeout"])
        except ValueError as exc:
            raise StoreError(f"bad option in store spec {spec!r}: {exc}") from exc
        user = urllib.parse.unquote(parts.username) if parts.username else None
        password = urllib.parse.unquote(parts.password) if parts.password else None
        return cls(query_url, update_url, base_iri=base_iri, user=user, password=password, bulk=bulk,
                   **kwargs)

    # -- HTTP ----------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str) -> tuple[bytes, str, dict]:
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(url, data=data, method="POST", headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        self.requests += 1
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get("Content-Type", ""), dict(response.headers)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:2000]
            raise _HttpError(exc.code, detail) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL store at {url}: {getattr(exc, 'reason', exc)}") from exc

    def _update(self, sparql: str) -> None:
        try:
            self._post(self.update_url, {"update": sparql}, "*/*")
        except _HttpError as exc:
            raise StoreError(f"the SPARQL store at {self.update_url} refused the update "
                             f"(HTTP {exc.code}): {exc.detail}") from exc

    # -- writing -------------------------------------------------------------------------
    def replace_graphs(self, drop: Iterable[str], quads: Iterable[ox.Quad]) -> None:
        """Drop the named graphs `drop` and add `quads`: one update request when it fits."""
        from relgraph.store import _quads_as_insert_data

        drop = sorted(set(drop))
        by_graph: dict[str, list[ox.Quad]] = {}
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph):
                raise StoreError("the remote store keeps every quad in a named graph")
            by_graph.setdefault(q.graph_name.value, []).append(q)
        for g in drop + list(by_graph):
            _check_iri(g)
        if self.bulk is not None and by_graph and sum(map(len, by_graph.values())) >= self.bulk.min_quads:
            self._bulk_replace(drop, by_graph)
            return
        parts = [f"DROP SILENT GRAPH <{g}>" for g in drop]
        parts += ["INSERT DATA {\n" + _quads_as_insert_data(qs) + "}" for qs in by_graph.values()]
        if not parts:
            return
        update = " ;\n".join(parts)
        if len(update.encode("utf-8")) <= self.max_request_bytes:
            self._update(update)
            return
        self._staged_replace(drop, by_graph)

    def _staged_replace(self, drop: list[str], by_graph: dict[str, list[ox.Quad]]) -> None:
        """Too big for one request: write staging graphs in chunks, then swap them in at once."""
        from relgraph.store import _quads_as_insert_data

        self._drop_stale_staging()  # left by a staged build that died before its swap
        token = secrets.token_hex(6)
        staged: dict[str, str] = {}
        chunk: list[str] = []
        size = 0
        try:
            for g, qs in by_graph.items():
                staging = f"{self.staging_prefix}{token}/{len(staged)}"
                staged[g] = staging
                moved = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(staging)) for q in qs]
                for piece in self._pieces(moved):  # one graph may be bigger than a request, too
                    op = "INSERT DATA {\n" + _quads_as_insert_data(piece) + "}"
                    if chunk and size + len(op) > self.max_request_bytes:
                        self._update(" ;\n".join(chunk))
                        chunk, size = [], 0
                    chunk.append(op)
                    size += len(op)
            if chunk:
                self._update(" ;\n".join(chunk))
        except StoreError:
            self._drop_graphs(list(staged.values()))
            raise
        swap = [f"DROP SILENT GRAPH <{g}>" for g in drop if g not in staged]
        swap += [f"MOVE SILENT GRAPH <{s}> TO GRAPH <{g}>" for g, s in staged.items()]
        try:
            self._update(" ;\n".join(swap))
        except StoreError:
            self._drop_graphs(list(staged.values()))
            raise

    def _pieces(self, quads: list[ox.Quad]) -> Iterator[list[ox.Quad]]:
        """`quads` in runs whose INSERT DATA text stays under max_request_bytes (one quad bigger than
        that is a run of its own, which the server may still refuse)."""
        run: list[ox.Quad] = []
        size = 0
        budget = self.max_request_bytes - 1024   # room for the GRAPH block around the run
        for q in quads:
            length = len(str(q).encode("utf-8"))
            if run and size + length > budget:
                yield run
                run, size = [], 0
            run.append(q)
            size += length
        if run:
            yield run

    def _bulk_replace(self, drop: list[str], by_graph: dict[str, list[ox.Quad]]) -> None:
        """Drop, bulk-load the data from a file, then add the marks (`relgraph.virtuoso_bulk`)."""
        from relgraph.store import _quads_as_insert_data

        graphs = sorted(by_graph)
        chunk = f"the chunk of {len(graphs)} graph(s) <{graphs[0]}> .. <{graphs[-1]}>"
        path, marks = self.bulk.write_chunk([q for qs in by_graph.values() for q in qs])
        try:
            if drop:
                self._update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in drop))
            try:
                self.bulk.load(path, chunk)
                self.bulk_loads += 1
                log.info("bulk-loaded %s: %d quads through isql at %s", chunk,
                         sum(map(len, by_graph.values())), self.bulk.address)
            except StoreError:
                self._drop_graphs(graphs)  # no half-loaded graph stays behind (it has no marks either)
                raise
            if marks:
                self._update("INSERT DATA {\n" + _quads_as_insert_data(marks) + "}")
        finally:
            path.unlink(missing_ok=True)

    def _drop_graphs(self, graphs: list[str]) -> None:
        if graphs:
            try:
                self._update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))
            except StoreError:
                pass  # best effort: the next build drops stale staging graphs

    def _drop_stale_staging(self) -> None:
        rows = self._select(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
            FILTER(STRSTARTS(STR(?g), {_literal(self.staging_prefix)})) }}""")
        self._drop_graphs([r["g"].value for r in rows])

    # -- reading -------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True):
        """Run a query on the server. The server's default graph stands for the union of the
        article graphs (`union` is accepted for interface compatibility: queries that pass
        union=False only read through GRAPH patterns)."""
        match = _FORM.search(keywords_text(sparql))
        form = match.group(1).upper() if match else "SELECT"
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        try:
            body, content_type, headers = self._post(
                self.query_url, {"query": sparql}, GRAPH_ACCEPT if graph_form else SELECT_ACCEPT)
        except _HttpError as exc:
            if exc.code == 400 or "SPARQL compiler" in exc.detail or "syntax" in exc.detail.lower():
                raise QueryError(f"SPARQL error from the remote store: {exc.detail}") from exc
            raise StoreError(f"the SPARQL store at {self.query_url} failed (HTTP {exc.code}): {exc.detail}") from exc
        if "X-SPARQL-MaxRows" in headers or "x-sparql-maxrows" in {k.lower() for k in headers}:
            limit = next(v for k, v in headers.items() if k.lower() == "x-sparql-maxrows")
            raise QueryError(f"the remote store cut the result at {limit} rows (its result-size limit, "
                             "Virtuoso: [SPARQL] ResultSetMaxRows); raise it or narrow the query")
        if graph_form:
            fmt = ox.RdfFormat.TURTLE if "turtle" in content_type else ox.RdfFormat.N_TRIPLES
            scratch = ox.Store()
            try:
                scratch.bulk_extend(ox.Quad(t.subject, t.predicate, t.object)
                                    for t in ox.parse(body, fmt))
            except SyntaxError as exc:
                raise StoreError(f"unreadable graph from the remote store: {exc}") from exc
            return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        try:
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        except SyntaxError as exc:
            raise StoreError(f"unreadable results from the remote store: {exc}: {body[:200]!r}") from exc

    def _select(self, sparql: str):
        return self.query(sparql)

    def named_graphs(self) -> list[str]:
        rows = self._select(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
            FILTER(STRSTARTS(STR(?g), {_literal(self.graph_prefix)})) }}""")
        return sorted(r["g"].value for r in rows)

    def __len__(self) -> int:
        rows = self._select(f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
            FILTER(STRSTARTS(STR(?g), {_literal(self.graph_prefix)})) }}""")
        return int(next(iter(rows))["n"].value)

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        """The quads of one named graph (one CONSTRUCT; an article graph stays far below result limits)."""
        _check_iri(graph)
        triples = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        node = ox.NamedNode(graph)
        return [ox.Quad(t.subject, t.predicate, t.object, node) for t in triples]

    def dump(self, output, fmt: str = "turtle", graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Serialise the article graphs (or one) via a scratch in-memory store, graph by graph."""
        from relgraph.store import RelStore

        scratch = RelStore(ox.Store(), None)
        for g in [graph] if graph is not None else self.named_graphs():
            scratch.ox.bulk_extend(self.graph_quads(g))
        scratch.materialise_union()  # triple formats are written from the union default graph
        scratch.dump(output, fmt, graph, all_prefixes() if prefixes is None else prefixes)

    def close(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"


class _HttpError(Exception):
    def __init__(self, code: int, detail: str):
        super().__init__(f"HTTP {code}: {detail}")
        self.code = code
        self.detail = detail


def _literal(text: str) -> str:
    return json.dumps(text)


def _check_iri(iri: str) -> None:
    if not iri or re.search(r"[<>\"{}|^`\\\s]", iri):
        raise StoreError(f"not an IRI: {iri!r}")

