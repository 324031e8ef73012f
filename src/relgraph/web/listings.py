"""Canned queries one page at a time, over HTTP.

- GET /queries                                   the canned queries (JSON: name, title, description, href)
- GET /queries/<name>?page=N&per_page=K          page N (default 1) of K rows (default 100, at most
                                                 1000), as SPARQL results in the format `format=` or
                                                 Accept asks for (as /sparql negotiates)

A page is read from the listing relgraph.listing_cache wrote for the store version being served,
when it has written it (milliseconds at any size), else run live. A page response carries `Link` headers (RFC 8288) to the previous and next pages, and the next one
only when it has rows. The page runs in the killable executor with the server's time and result
limits, like /sparql. A bad `page`/`per_page` is 400 naming the parameter; an unknown name 404.
The query page (relgraph.web.pages) uses `run_page` for its table and pager.
"""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, jsonify, request, url_for

from relgraph.executor import ExecutionError, QueryOutput
from relgraph.listing_cache import Listing, cache_root, serialise_page
from relgraph.paging import PageSpec, PagingError, page_text
from relgraph.queries import NamedQuery, named_queries
from relgraph.query_formats import media_type
from relgraph.web import state

bp = Blueprint("listings", __name__)


def canned_queries() -> dict[str, NamedQuery]:
    return named_queries(Path(state().settings.queries_dir))


def canned_query(name: str) -> NamedQuery:
    """The canned query `name`; 404 when there is none."""
    query = canned_queries().get(name)
    if query is None:
        raise ExecutionError(404, f"no canned query named {name[:80]!r}; GET /queries lists them")
    return query


def page_spec() -> PageSpec:
    """The page the request asks for; 400 naming the parameter when a value is bad."""
    try:
        return PageSpec.from_params(request.args.get("page"), request.args.get("per_page"))
    except PagingError as exc:
        raise ExecutionError(400, f"request parameter {exc}") from None


def run_page(query: NamedQuery, spec: PageSpec, *, result_format: str = "json") -> QueryOutput:
    """One page: read from the listing written for this store version (relgraph.listing_cache)
    when there is one, else run in the executor. The page query asks for one row more than the
    page holds and the row cap stops after the page, so `output.truncated` says whether a next
    page exists."""
    cached = cached_page(query, spec, result_format)
    if cached is not None:
        return cached
    try:
        text = page_text(query, spec)
    except PagingError as exc:  # a canned file that cannot be paged: the installation's problem
        raise ExecutionError(400, str(exc)) from None
    return state().executor.run(text, result_format=result_format, graph_format=None,
                                client=request.remote_addr, row_cap=spec.per_page)


def cached_page(query: NamedQuery, spec: PageSpec, result_format: str) -> QueryOutput | None:
    """The page from this version's materialised listing, or None when it is not written (yet)."""
    web = state()
    if not web.settings.listing_cache:
        return None
    listing = Listing.find(cache_root(web.settings), web.version, query)
    found = serialise_page(listing, spec, result_format) if listing is not None else None
    if found is None:
        return None
    body, has_next = found
    return QueryOutput(media_type(result_format), "solutions", result_format, body=body, truncated=has_next)


@bp.route("/queries")
def index() -> Response:
    """The canned queries and where to page through each."""
    return jsonify(queries=[
        {"name": q.name, "title": q.title, "description": q.description,
         "href": url_for("listings.listing", name=q.name)}
        for q in canned_queries().values()])


@bp.route("/queries/<name>")
def listing(name: str) -> Response:
    """One page of a canned query's listing."""
    from relgraph.web.sparql import negotiate, result_response

    query = canned_query(name)
    spec = page_spec()
    result_format, _ = negotiate()
    if result_format is None:
        raise ExecutionError(406, "a listing is SPARQL results; ask for JSON, XML, CSV or TSV")
    output = run_page(query, spec, result_format=result_format)
    response = result_response(output)
    links = [(rel, page) for rel, page, shown in (("prev", spec.page - 1, spec.page > 1),
                                                   ("next", spec.page + 1, output.truncated)) if shown]
    if links:
        response.headers["Link"] = ", ".join(
            f'<{page_url(name, page, spec.per_page)}>; rel="{rel}"' for rel, page in links)
    return response


def page_url(name: str, page: int, per_page: int, endpoint: str = "listings.listing") -> str:
    """The URL of page `page` (the per-page size only when it is not the default)."""
    params = {"page": page}
    if per_page != PageSpec().per_page:
        params["per_page"] = per_page
    return url_for(endpoint, name=name, **params)
