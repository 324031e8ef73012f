"""Downloads of the whole graph or of one article's named graph.

- /dump.<ext>                      ext: ttl, nt, rdf (triples: union of all graphs), trig, nq,
                                   jsonld (quads: one named graph per article)
- /dump.<ext>?graph=<graph IRI>    one named graph
- /graph/<article-id>.<ext>        the same, by article id
- /dump                            format by Accept

Each (store version, graph, format) is written once to a file in the dump cache directory (and
gzipped once, on demand) and then streamed from disk, so memory stays flat however large the graph
is. Responses carry Content-Disposition, ETag and Last-Modified; conditional requests get 304.
`Accept-Encoding: gzip` gets the gzipped file with `Content-Encoding: gzip`.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, request, send_file

from relgraph.executor import ExecutionError
from relgraph.namespaces import PREFIXES
from relgraph.snapshot import per_store_temp_dir
from relgraph.web import WebState, state

bp = Blueprint("dumps", __name__)


@dataclass(frozen=True)
class DumpFormat:
    ext: str
    media_type: str
    rdf_format: ox.RdfFormat
    quads: bool  # keeps graph names


DUMP_FORMATS = {f.ext: f for f in [
    DumpFormat("ttl", "text/turtle", ox.RdfFormat.TURTLE, False),
    DumpFormat("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, False),
    DumpFormat("rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML, False),
    DumpFormat("trig", "application/trig", ox.RdfFormat.TRIG, True),
    DumpFormat("nq", "application/n-quads", ox.RdfFormat.N_QUADS, True),
    DumpFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, True),
]}
ACCEPT_TO_EXT = {f.media_type: f.ext for f in DUMP_FORMATS.values()}
CHUNK = 1 << 20

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@bp.route("/dump", methods=["GET"])
def dump_negotiated():
    """The whole graph in the format picked by Accept (N-Quads keeps the article graphs)."""
    accept = request.accept_mimetypes
    ext = ACCEPT_TO_EXT.get(accept.best_match(list(ACCEPT_TO_EXT))) if accept else "nq"
    if ext is None:
        raise ExecutionError(406, "dumps are available as " + ", ".join(ACCEPT_TO_EXT))
    return _serve(ext, request.args.get("graph"))


@bp.route("/dump.<ext>", methods=["GET"])
def dump(ext: str):
    """The whole graph, or one named graph with ?graph=<IRI>."""
    return _serve(ext, request.args.get("graph"))


@bp.route("/graph/<article_id>.<ext>", methods=["GET"])
def article_graph(article_id: str, ext: str):
    """One article's named graph."""
    return _serve(ext, f"{state().settings.base_iri}graph/{article_id}")


def _serve(ext: str, graph: str | None):
    fmt = DUMP_FORMATS.get(ext)
    if fmt is None:
        raise ExecutionError(404, f"no dump format .{ext}; use one of "
                                  + ", ".join(f".{e}" for e in DUMP_FORMATS))
    web = state()
    if graph is not None and graph not in _named_graphs(web):
        raise ExecutionError(404, f"no named graph <{graph}> in this dataset")
    gz = request.accept_encodings["gzip"] > 0
    path = dump_file(web, fmt, graph, gz=gz)
    name = "relgraph" if graph is None else "relgraph-" + graph.rstrip("/").rsplit("/", 1)[-1]
    response = send_file(path, mimetype=fmt.media_type, as_attachment=True,
                         download_name=f"{name}.{fmt.ext}", conditional=True,
                         etag=f"{web.version}-{_graph_key(graph)}-{fmt.ext}{'-gz' if gz else ''}",
                         last_modified=web.last_modified, max_age=3600)
    # send_file adds a charset to text/* only; every dump format is UTF-8.
    response.headers["Content-Type"] = f"{fmt.media_type}; charset=utf-8"
    if gz:
        response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response


def _named_graphs(web: WebState) -> set[str]:
    if "named_graphs" not in web.cache:
        web.cache["named_graphs"] = set(web.store.named_graphs())
    return web.cache["named_graphs"]


def _graph_key(graph: str | None) -> str:
    return "all" if graph is None else hashlib.sha256(graph.encode()).hexdigest()[:16]


def cache_dir(web: WebState) -> Path:
    """Where dump files live: the configured directory, or one per store under the temp dir."""
    if web.settings.dump_cache_dir is not None:
        directory = Path(web.settings.dump_cache_dir)
    else:
        directory = per_store_temp_dir(web.settings.store, "dumps")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def dump_file(web: WebState, fmt: DumpFormat, graph: str | None, *, gz: bool = False) -> Path:
    """The path of the dump, writing it first if this store version has none yet."""
    directory = cache_dir(web)
    path = directory / f"{web.version}-{_graph_key(graph)}.{fmt.ext}{'.gz' if gz else ''}"
    if path.exists():
        return path
    with _lock(str(path)):
        if path.exists():  # another thread wrote it while we waited
            return path
        # Write beside the target and rename: readers (other server processes too) never see
        # a half-written file.
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=path.name)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if gz:
                _gzip_file(dump_file(web, fmt, graph), tmp)
            else:
                _write_dump(web, fmt, graph, tmp)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    _prune(directory, web.version)
    return path


def _write_dump(web: WebState, fmt: DumpFormat, graph: str | None, target: Path) -> None:
    store = web.store.ox
    prefixes = {**PREFIXES, "res": web.settings.base_iri}
    if graph is None and fmt.quads:
        # The article graphs; the default graph only repeats them (it is their union).
        quads = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
        ox.serialize(quads, str(target), fmt.rdf_format, prefixes=prefixes)
    elif graph is None:
        # Triple formats cannot name graphs: the union default graph, once per triple.
        store.dump(str(target), fmt.rdf_format, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    elif fmt.quads:
        quads = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        ox.serialize(quads, str(target), fmt.rdf_format, prefixes=prefixes)
    else:
        store.dump(str(target), fmt.rdf_format, from_graph=ox.NamedNode(graph), prefixes=prefixes)


def _gzip_file(source: Path, target: Path) -> None:
    with source.open("rb") as src, gzip.GzipFile(target, "wb", compresslevel=6, mtime=0) as dst:
        shutil.copyfileobj(src, dst, CHUNK)


def _lock(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def _prune(directory: Path, version: str) -> None:
    """Remove dumps of earlier store versions (open downloads keep reading their file)."""
    for child in directory.iterdir():
        if not child.name.startswith((version, ".tmp-")):
            child.unlink(missing_ok=True)
