"""The human pages: home (what the dataset holds), the query page and the timeline.

The query page renders results on the server for `/query?query=...` (so permalinks work without
JavaScript) through the same killable executor as `/sparql`; static/query.js then runs queries in
place by calling `/sparql` itself. A canned query (`/query?name=...&page=N&per_page=K`) is shown one
page at a time (relgraph.paging), with links to the previous and next pages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request, url_for

from relgraph.queries import NamedQuery, named_queries
from relgraph.stats import graph_stats
from relgraph.namespaces import all_prefixes
from relgraph.web.entity_views import TermView, reports, term_info, term_view
from relgraph.web.links import PREFIXES, base_iri, local_url, relgraph, web_href
from relgraph.web.page_queries import select_rows
from relgraph.web.page_queries import value as _val

bp = Blueprint("pages", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")

MAX_TABLE_ROWS = 1000  # a page shows this many rows; the downloads carry all of them
DUMPS = [("Turtle", "ttl"), ("TriG (with named graphs)", "trig"), ("N-Triples", "nt"), ("JSON-LD", "jsonld")]
# Home page counters: stats key -> (label, canned query that lists them)
COUNTERS = [("articles", "Articles", "articles"), ("persons", "People", "people"),
            ("posts", "Posts", "people"), ("states", "States", "states"),
            ("organizations", "Organisations", "organizations"), ("cities", "Cities", "cities"),
            ("events", "Events", "events"), ("agreements", "Agreements", "agreements"),
            ("projects", "Projects", "projects"), ("assertions", "Sourced assertions", "sources")]


@bp.app_context_processor
def _globals() -> dict:
    """Values every template may use."""
    return {"sparql_url": "/sparql", "void_url": "/.well-known/void"}


# -- home ----------------------------------------------------------------------------------------
@bp.route("/")
def home() -> str:
    """What the dataset holds, where it came from, and how to get it."""
    store = relgraph().store
    stats = graph_stats(store)
    counters = [SimpleNamespace(key=k, label=label, count=stats.get(k, 0),
                                href=url_for("pages.query", name=name)) for k, label, name in COUNTERS]
    return render_template(
        "home.html", stats=stats, counters=counters, articles=source_articles(),
        built=last_build_time(), dumps=[(label, f"/dump.{ext}") for label, ext in DUMPS],
        queries=list(_named().values()), base=base_iri(), reports=reports(query="home-reports"))


def source_articles() -> list[SimpleNamespace]:
    """The newest articles in the store (queries/pages/home-sources.rq) with their metadata and
    number of assertions, newest first. Only http(s) source URLs become links."""
    out = [SimpleNamespace(href=local_url(r["art"].value), title=_val(r, "title") or r["art"].value,
                           publisher=_val(r, "publisher") or "", date=_val(r, "date") or "",
                           url=_val(r, "url"), url_href=web_href(_val(r, "url")),
                           assertions=int(r["n"].value))
           for r in select_rows("home-sources")]
    return sorted(out, key=lambda a: (a.date, a.title), reverse=True)


def last_build_time() -> str | None:
    """When the store was last written (the app records its files' newest time when it opens it)."""
    written = getattr(relgraph(), "last_modified", None)
    if not written:
        return None
    return datetime.fromtimestamp(written, UTC).strftime("%Y-%m-%d %H:%M UTC")


# -- query page ----------------------------------------------------------------------------------
def _named() -> dict[str, NamedQuery]:
    return named_queries(Path(relgraph().settings.queries_dir))


@dataclass
class Outcome:
    """A query's result, ready for the results table."""

    kind: str = "none"  # "solutions", "boolean", "graph", "error" or "none"
    columns: list[str] = field(default_factory=list)
    rows: list[list[TermView | None]] = field(default_factory=list)
    total: int = 0
    boolean: bool | None = None
    truncated: bool = False  # the result has more rows than the table shows
    status: int = 200
    error: str = ""
    pager: Pager | None = None  # set when the table is one page of a canned query's listing


@dataclass
class Pager:
    """Where a page of a canned listing stands, and the links to its neighbours."""

    page: int
    first_row: int  # 1-based position of the table's first row in the listing
    href: str  # this page's own address (the permalink)
    previous_href: str | None
    next_href: str | None


def run_for_page(sparql: str) -> Outcome:
    """Run `sparql` with the executor's limits and shape the answer for the table."""
    from relgraph.executor import ExecutionError

    try:
        # A preview: the query process stops after the rows the table shows (plus one, to know
        # there are more), so a page never holds a whole large result.
        output = relgraph().executor.run(sparql, result_format="json", graph_format="ntriples",
                                         client=request.remote_addr, row_cap=MAX_TABLE_ROWS + 1)
    except ExecutionError as exc:
        return Outcome("error", status=exc.status, error=exc.message)
    return _outcome(output)


def run_listing_page(selected: NamedQuery) -> Outcome:
    """One page (`page`, `per_page` request parameters) of a canned query, with its pager."""
    from relgraph.executor import ExecutionError
    from relgraph.web.listings import page_spec, page_url, run_page

    try:
        spec = page_spec()
        output = run_page(selected, spec)
    except ExecutionError as exc:
        return Outcome("error", status=exc.status, error=exc.message)
    outcome = _outcome(output)
    if outcome.kind == "solutions":
        outcome.truncated = False  # the extra rows are the next page's, not a cut result
        outcome.pager = Pager(
            spec.page, spec.offset + 1, page_url(selected.name, spec.page, spec.per_page, "pages.query"),
            page_url(selected.name, spec.page - 1, spec.per_page, "pages.query") if spec.page > 1 else None,
            page_url(selected.name, spec.page + 1, spec.per_page, "pages.query") if output.truncated else None)
    return outcome


def _outcome(output) -> Outcome:
    """An executor answer (JSON results or N-Triples) shaped for the table."""
    if output.kind == "graph":
        triples = list(ox.parse(output.body, ox.RdfFormat.N_TRIPLES))
        rows = [[term_view(t.subject, words=False), term_view(t.predicate, words=False),
                 term_view(t.object, words=False)]
                for t in triples[:MAX_TABLE_ROWS]]
        return Outcome("graph", ["subject", "predicate", "object"], rows, len(triples),
                       truncated=output.truncated)
    parsed = ox.parse_query_results(output.body, ox.QueryResultsFormat.JSON)
    if isinstance(parsed, ox.QueryBoolean):
        return Outcome("boolean", boolean=bool(parsed))
    columns = [v.value for v in parsed.variables]
    solutions = list(parsed)
    rows = [[term_view(s[c], words=False) if s[c] is not None else None for c in columns]
            for s in solutions[:MAX_TABLE_ROWS]]
    return Outcome("solutions", columns, rows, len(solutions), truncated=output.truncated)


@bp.route("/query")
def query() -> Response:
    """The query editor; `?query=` runs a query, `?name=` loads (and runs) a canned one."""
    canned = _named()
    text = request.args.get("query", "")
    name = request.args.get("name", "")
    selected = canned.get(name)
    if not text and selected:
        text = selected.text
        outcome = run_listing_page(selected)
    else:
        outcome = run_for_page(text) if text.strip() else Outcome()
    html = render_template(
        "query.html", text=text or _starter(), canned=list(canned.values()), selected=selected,
        canned_json={q.name: {"title": q.title, "description": q.description, "text": q.text}
                     for q in canned.values()},
        outcome=outcome, max_rows=MAX_TABLE_ROWS, ran=bool(text.strip()),
        permalink=_permalink(text, outcome),
        base=base_iri(), entity_prefix=_entity_prefix(),
        prefixes=all_prefixes(base_iri()))
    return Response(html, status=outcome.status if outcome.kind == "error" else 200, mimetype="text/html")


def _permalink(text: str, outcome: Outcome) -> str | None:
    """This page's address: a canned listing by name and page, any other query by its text."""
    if outcome.pager is not None:
        return outcome.pager.href
    return url_for("pages.query", query=text) if text.strip() else None


def _entity_prefix() -> str:
    """The URL path data IRIs are served under (`/id/`), for the JavaScript that links results."""
    return url_for("entities.resource", kind="person", slug="x").removesuffix("person/x")


def _starter() -> str:
    """The editor's text before anything is run: a small query that shows the shape of the data."""
    return (PREFIXES + "\nSELECT ?person ?name ?state WHERE {\n  ?person a dip:Person ; rdfs:label ?name .\n"
            "  OPTIONAL { ?person dip:servesState/rdfs:label ?state }\n}\nORDER BY ?name\nLIMIT 50\n")


# -- timeline ------------------------------------------------------------------------------------
@bp.route("/timeline")
def timeline() -> str:
    """Events and agreements in date order, undated ones last."""
    items = timeline_items()
    dated = [i for i in items if i.dates]
    undated = [i for i in items if not i.dates]
    years: dict[str, list[SimpleNamespace]] = {}
    for item in dated:
        years.setdefault(item.dates[0][:4], []).append(item)
    return render_template("timeline.html", years=years, undated=undated, total=len(items))


def timeline_items() -> list[SimpleNamespace]:
    """Every event and agreement (up to the page queries' limits) with its most specific type,
    dates, participants, place and reports."""
    items: dict[str, SimpleNamespace] = {}
    for r in select_rows("timeline-items"):
        iri = r["x"].value
        item = items.setdefault(iri, SimpleNamespace(
            iri=iri, href=local_url(iri), label=r["label"].value, type="", dates=[], participants=[],
            places=[], reports=0))
        type_label = term_info(r["type"].value)[0]
        if not item.type or item.type == "Event":  # prefer the subclass (Visit) over Event
            item.type = type_label
    _attach(items, "timeline-dates", "dates", False)
    _attach(items, "timeline-participants", "participants", True)
    _attach(items, "timeline-places", "places", True)
    for r in select_rows("timeline-reports"):
        if r["x"].value in items:
            items[r["x"].value].reports = int(r["n"].value)
    for item in items.values():
        item.dates.sort()
        item.participants.sort(key=lambda t: t.text.lower())
    return sorted(items.values(), key=lambda i: (i.dates[:1] or ["~"], i.label.lower()))


def _attach(items: dict[str, SimpleNamespace], query_name: str, attr: str, as_term: bool) -> None:
    for r in select_rows(query_name):
        item = items.get(r["x"].value)
        if item is not None:
            getattr(item, attr).append(term_view(r["v"], _val(r, "l")) if as_term else r["v"].value)
