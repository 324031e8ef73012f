"""Result formats of SPARQL queries: names, media types, negotiation, and the error every query
failure is reported with. Shared by the query pool (relgraph.executor), the query processes
(relgraph.query_process) and the web blueprints."""
from __future__ import annotations

from relgraph.errors import QueryError

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


class ExecutionError(QueryError):
    """A query that could not be answered; `status` is the HTTP status to report it with and
    `retry_after` (seconds) is set when trying again later can succeed (busy, reloading)."""

    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


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


def rdf_formats() -> dict:
    """Graph format name -> pyoxigraph RdfFormat."""
    import pyoxigraph as ox

    return {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
            "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML,
            "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def result_formats() -> dict:
    """Results format name -> pyoxigraph QueryResultsFormat."""
    import pyoxigraph as ox

    return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
