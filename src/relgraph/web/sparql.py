"""SPARQL 1.1 Protocol endpoint at /sparql (queries only; see relgraph.executor for the limits).

- GET  /sparql?query=...                      query in the URL
- POST /sparql  application/x-www-form-urlencoded (query=..., graph parameters in the body)
- POST /sparql  application/sparql-query      query as the body, graph parameters in the URL
- GET  /sparql  without a query               the SPARQL 1.1 Service Description

`default-graph-uri` / `named-graph-uri` replace the default dataset (the union of all named
graphs). The response format follows `format=` (for browsers) or else `Accept`; `406` when none of
the acceptable types fits the query form. Updates are refused with 400: the server is read-only.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, redirect, request
from werkzeug.wsgi import wrap_file

from relgraph.executor import GRAPH_ACCEPT, RESULT_ACCEPT, ExecutionError, resolve_format
from relgraph.web import state

bp = Blueprint("sparql", __name__)

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UPDATE_MESSAGE = "SPARQL Update is not accepted: this endpoint is read-only"


@dataclass(frozen=True)
class ProtocolRequest:
    """The protocol parameters of one request."""

    query: str | None
    default_graph_uris: tuple[str, ...]
    named_graph_uris: tuple[str, ...]


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    """Answer a query, or describe the service when there is none."""
    params = read_protocol_request()
    if params.query is None:
        if request.method == "POST":
            raise ExecutionError(400, "missing 'query' parameter")
        return _service_description()
    result_format, graph_format = negotiate()
    output = state().executor.run(
        params.query, result_format=result_format, graph_format=graph_format,
        default_graph_uris=params.default_graph_uris, named_graph_uris=params.named_graph_uris,
        client=request.remote_addr)
    return result_response(output)


def result_response(output) -> Response:
    """Stream a query's output: a large one comes from its spool file through the server's
    file wrapper, so neither the result nor a slow client holds memory or a request thread."""
    body = wrap_file(request.environ, output.stream(), buffer_size=64 * 1024)
    response = Response(body, content_type=output.content_type, direct_passthrough=True)
    response.content_length = output.size
    response.vary.add("Accept")
    return response


def read_protocol_request() -> ProtocolRequest:
    """Read query and dataset parameters according to the method and Content-Type."""
    if request.method == "GET":
        return _from_values(request.args)
    mimetype = request.mimetype
    if mimetype == "application/sparql-update":
        raise ExecutionError(400, UPDATE_MESSAGE)
    if mimetype in FORM_TYPES:
        form = request.form  # reading it enforces MAX_CONTENT_LENGTH (413)
        if "update" in form:
            raise ExecutionError(400, UPDATE_MESSAGE)
        merged = request.args.copy()
        for key, values in form.lists():
            merged.setlist(key, merged.getlist(key) + values)
        return _from_values(merged)
    if mimetype == "application/sparql-query":
        raw = request.get_data(cache=False)
        charset = request.mimetype_params.get("charset", "utf-8")
        try:
            query = raw.decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            raise ExecutionError(400, f"the query body is not valid {charset}: {exc}") from None
        dataset = _from_values(request.args)
        return ProtocolRequest(query, dataset.default_graph_uris, dataset.named_graph_uris)
    raise ExecutionError(415, "POST a query as application/x-www-form-urlencoded or "
                              "application/sparql-query")


def _from_values(values) -> ProtocolRequest:
    if "update" in values:
        raise ExecutionError(400, UPDATE_MESSAGE)
    queries = values.getlist("query")
    if len(queries) > 1:
        raise ExecutionError(400, "more than one 'query' parameter")
    query = queries[0] if queries else None
    max_bytes = state().settings.max_request_bytes
    if query is not None and len(query.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ExecutionError(413, f"the query is longer than the server's limit of {max_bytes} bytes")
    return ProtocolRequest(query, tuple(values.getlist("default-graph-uri")),
                           tuple(values.getlist("named-graph-uri")))


def negotiate() -> tuple[str | None, str | None]:
    """(results format, RDF format) for this request; 406 when it can take neither."""
    explicit = request.values.get("format") if request.method == "POST" else request.args.get("format")
    if explicit:
        return resolve_format(explicit)
    accept = request.accept_mimetypes
    if not accept:  # no Accept header: the protocol's usual defaults
        return "json", "turtle"
    result_match = accept.best_match(list(RESULT_ACCEPT))
    graph_match = accept.best_match(list(GRAPH_ACCEPT))
    if result_match is None and graph_match is None:
        raise ExecutionError(406, "none of the Accept types can be produced; results: "
                                  + ", ".join(RESULT_ACCEPT) + "; graphs: " + ", ".join(GRAPH_ACCEPT))
    return RESULT_ACCEPT.get(result_match), GRAPH_ACCEPT.get(graph_match)


def _service_description():
    from relgraph.web.describe import rdf_response, service_description

    # A browser asking for HTML is better served by the query page, when there is one.
    accept = request.accept_mimetypes
    if (not request.args.get("format") and accept.best_match(["text/html", "text/turtle"]) == "text/html"
            and accept["text/html"] > accept["text/turtle"] and _has_query_page()):
        return redirect("/query", code=303)
    return rdf_response(service_description())


def _has_query_page() -> bool:
    from flask import current_app

    return any(rule.rule == "/query" for rule in current_app.url_map.iter_rules())
