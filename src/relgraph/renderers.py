"""Query results -> bytes in the format asked for."""
from __future__ import annotations

import io

import pyoxigraph as ox

from relgraph.errors import QueryError

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


def render(result, fmt: str) -> bytes:
    """Serialise a pyoxigraph query result: solutions/booleans as SPARQL results, graphs as RDF."""
    out = io.BytesIO()
    if isinstance(result, ox.QueryTriples):
        if fmt == "table":
            fmt = "turtle"
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"format {fmt!r} cannot hold a graph; use one of {', '.join(GRAPH_FORMATS)}")
        result.serialize(out, GRAPH_FORMATS[fmt])
        return out.getvalue()
    if fmt == "table":
        return render_table(result).encode("utf-8")
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"format {fmt!r} cannot hold query results; use one of table, {', '.join(RESULT_FORMATS)}")
    result.serialize(out, RESULT_FORMATS[fmt])
    return out.getvalue()


def term_text(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def render_table(result) -> str:
    """A plain text table for people at a terminal."""
    if isinstance(result, ox.QueryBoolean):
        return f"{bool(result)}\n"
    names = [v.value for v in result.variables]
    rows = [[term_text(sol[n]) for n in names] for sol in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, 60) for w in widths]

    def fmt(cells):
        return "  ".join(c[:60].ljust(w) for c, w in zip(cells, widths)).rstrip()

    lines = [fmt(names), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
