"""Linked Data: every data IRI dereferences to an HTML page or an RDF description.

IRIs and URLs. A data IRI is `{base_iri}{kind}/{slug}` (`Settings.base_iri`, by default
`https://w3id.org/relgraph/id/`). Whatever the base, this server answers for it at
`/id/{kind}/{slug}`: w3id.org (or any other redirector) is configured to send
`{base_iri}(.*)` to `https://<server>/id/$1`, and a server whose base IRI is its own address ends
in `/id/` anyway. The IRI is rebuilt from the base and the path, never from the request's host,
so a mirror under another name still answers for the canonical IRIs. `/{kind}/{slug}`
redirects to `/id/{kind}/{slug}` as a typing convenience.

Safety. A slug that does not fit relgraph's slug grammar (`links.is_valid_slug`) is a 404 before
any query runs; the IRI is an `ox.NamedNode` and reaches the store only as the value of `?this`
in the fixed, row-limited queries of `queries/pages/` (`page_queries`), never as query text.

Representations. Slash IRIs are answered directly (200, `Vary: Accept`) rather than by a 303 to
a separate document: HTML for browsers, Turtle, JSON-LD, N-Triples or RDF/XML by `Accept` or
by a suffix (`.ttl`, `.jsonld`, `.nt`, `.rdf`, `.html`). Unknown IRIs give 404, Accept types we
cannot produce 406. `/id/graph/{article}` serves an article's whole named graph as RDF.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from markupsafe import Markup

from relgraph.namespaces import DATA_KINDS, DIP, all_prefixes
from relgraph.web.entity_views import article_view, evidence_for, fact_rows, head
from relgraph.web.links import ARTICLE_ID_KINDS, ARTICLE_KINDS, DCTERMS, base_iri, data_iri, relgraph
from relgraph.web.page_queries import reached_limit, run_page_query

bp = Blueprint("entities", __name__, template_folder="templates")

# media type -> (pyoxigraph format, suffix); the order of HTML_TYPES + this dict is our preference.
RDF_TYPES: dict[str, tuple[ox.RdfFormat, str]] = {
    "text/turtle": (ox.RdfFormat.TURTLE, "ttl"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "jsonld"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "nt"),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, "rdf"),
}
JSON_ALIASES = {"application/json": "application/ld+json"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
SUFFIXES = {suffix: media for media, (_, suffix) in RDF_TYPES.items()} | {"html": "text/html"}
KIND_ROUTE = "<any(" + ", ".join(DATA_KINDS) + "):kind>"
# `/graph/...` belongs to the dumps blueprint (`/graph/<article>.<ext>`), so no short form for it.
SHORT_KIND_ROUTE = "<any(" + ", ".join(k for k in DATA_KINDS if k != "graph") + "):kind>"
# A 404 repeats what was asked for, cut to this many characters.
SHOWN_NAME_MAX = 200


# -- negotiation ---------------------------------------------------------------------------------
def choose_media(suffix: str | None) -> str | None:
    """The media type to answer with, or None when nothing acceptable can be produced."""
    if suffix:
        return SUFFIXES.get(suffix)
    accept = request.accept_mimetypes
    if not accept:  # no Accept header: a browser-like default
        return "text/html"
    best = accept.best_match([*HTML_TYPES, *RDF_TYPES, *JSON_ALIASES])
    if best in HTML_TYPES:
        return "text/html"
    return JSON_ALIASES.get(best, best)


def split_suffix(kind: str, slug: str) -> tuple[str, str | None]:
    """`("x", "ttl")` for `x.ttl`. Article ids (and stories, named by one) may hold dots, so for them only a known suffix
    counts as one; entity slugs never do, so any suffix there is split off (and an unknown one
    makes the URL a 404)."""
    stem, dot, suffix = slug.rpartition(".")
    if dot and stem and (suffix in SUFFIXES or kind not in ARTICLE_ID_KINDS):
        return stem, suffix
    return slug, None


# -- routes --------------------------------------------------------------------------------------
@bp.route(f"/id/{KIND_ROUTE}/<slug>")
def resource(kind: str, slug: str) -> Response:
    """Dereference `{base}{kind}/{slug}` (optionally `.ext`) as HTML or RDF."""
    stem, suffix = split_suffix(kind, slug)
    if suffix and suffix not in SUFFIXES:
        abort(404)
    media = choose_media(suffix)
    if media is None:
        return _not_acceptable()
    this = data_iri(kind, stem)
    if this is None:  # cannot name anything we hold: no query is run for it
        return _not_found(f"{base_iri()}{kind}/{stem}", media)
    if kind == "graph":
        return _graph_resource(this, stem, media)
    if not _exists(this):
        return _not_found(this.value, media)
    if media == "text/html":
        page = article_page(this) if kind == "article" else entity_page(this)
        response = Response(page, mimetype="text/html")
    else:
        response = _rdf_response(describe(this), media)
    return _negotiated(response, kind, stem, suffix)


@bp.route(f"/{SHORT_KIND_ROUTE}/<slug>")
def short_resource(kind: str, slug: str) -> Response:
    """`/person/x` is accepted for convenience and redirected to the canonical `/id/person/x`."""
    stem, _ = split_suffix(kind, slug)
    if data_iri(kind, stem) is None:
        abort(404)
    return redirect(url_for("entities.resource", kind=kind, slug=slug), code=308)


@bp.route(f"/neighbourhood/{KIND_ROUTE}/<slug>.svg")
def neighbourhood_svg(kind: str, slug: str) -> Response:
    """The neighbourhood picture of an entity on its own, as an SVG document."""
    from relgraph.web.graphsvg import neighbourhood_svg as draw

    this = data_iri(kind, slug)
    if this is None or kind in ARTICLE_KINDS or not _exists(this):
        abort(404)
    return Response(draw(this, standalone=True), mimetype="image/svg+xml")


def _negotiated(response: Response, kind: str, slug: str, suffix: str | None) -> Response:
    """Tell caches the answer depends on Accept and clients where the other formats are."""
    if not suffix:
        response.vary.add("Accept")
    links = [f'<{url_for("entities.resource", kind=kind, slug=f"{slug}.{s}")}>; rel="alternate"; type="{m}"'
             for m, (_, s) in RDF_TYPES.items()]
    response.headers["Link"] = ", ".join(links)
    return response


def _not_acceptable() -> Response:
    offered = ", ".join([*HTML_TYPES, *RDF_TYPES])
    return Response(f"406 Not Acceptable: this resource is available as {offered}\n",
                    status=406, mimetype="text/plain")


def _not_found(name: str, media: str) -> Response:
    shown = name if len(name) <= SHOWN_NAME_MAX else name[:SHOWN_NAME_MAX] + "…"
    if media == "text/html":
        return Response(render_template("not_found.html", iri=shown), status=404, mimetype="text/html")
    return Response(f"404 Not Found: nothing is known about <{shown}>\n", status=404, mimetype="text/plain")


def _exists(this: ox.NamedNode) -> bool:
    return bool(run_page_query("entity-exists", this))


# -- RDF descriptions ----------------------------------------------------------------------------
def describe(this: ox.NamedNode) -> list[ox.Triple]:
    """What we say about `this`: its statements both ways, the labels of its neighbours and the
    reified assertions (evidence) that have it as subject or object (queries/pages/entity-describe.rq)."""
    # The union default graph repeats triples found in several graphs: keep each once.
    return sorted(set(run_page_query("entity-describe", this)), key=str)


def _rdf_response(triples, media: str) -> Response:
    rdf_format, _ = RDF_TYPES[media]
    prefixes = None if rdf_format in (ox.RdfFormat.N_TRIPLES,) else all_prefixes(base_iri())
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
    return Response(body, mimetype=media)


def _graph_resource(graph: ox.NamedNode, article_id: str, media: str) -> Response:
    """A named graph: its triples as RDF; browsers go to the article page instead."""
    store = relgraph().store
    if graph.value not in store.named_graphs():
        return _not_found(graph.value, media)
    if media == "text/html":
        return redirect(url_for("entities.resource", kind="article", slug=article_id), code=303)
    triples = {ox.Triple(q.subject, q.predicate, q.object)
               for q in store.ox.quads_for_pattern(None, None, None, graph)}
    return _rdf_response(sorted(triples, key=str), media)


# -- HTML ----------------------------------------------------------------------------------------
def entity_page(this: ox.NamedNode) -> str:
    """The HTML page of any resource but an article."""
    from relgraph.web.graphsvg import neighbourhood_svg

    sources = evidence_for(this)
    outgoing, incoming = fact_rows(this, "out", sources), fact_rows(this, "in", sources)
    return render_template(
        "entity.html", head=head(this), outgoing=outgoing, incoming=incoming,
        outgoing_cut=reached_limit("entity-outgoing", outgoing),
        incoming_cut=reached_limit("entity-incoming", incoming), sources=list(sources.values()),
        svg=Markup(neighbourhood_svg(this)), format_links=_format_links(this.value))


def _format_links(iri: str) -> list[tuple[str, str, str]]:
    """(suffix, URL, media type) of each RDF representation of `iri`."""
    kind, _, slug = iri[len(base_iri()):].partition("/")
    return [(suffix, url_for("entities.resource", kind=kind, slug=f"{slug}.{suffix}"), media)
            for media, (_, suffix) in RDF_TYPES.items()]


def article_page(this: ox.NamedNode) -> str:
    """What was extracted from one article: its entities and its statements, sentence by sentence."""
    view = article_view(this)
    article_id = this.value.rsplit("/", 1)[1]
    return render_template(
        "article.html", iri=view.iri, meta=view.meta, title=view.title, url=view.url,
        url_href=view.url_href, fetched_url=view.fetched_url, fetched_href=view.fetched_href,
        mentions=view.mentions, sentences=view.sentences,
        graph_url=url_for("entities.resource", kind="graph", slug=f"{article_id}.ttl"),
        format_links=_format_links(this.value), DIP=str(DIP), DCTERMS=DCTERMS)
