"""Linked Data: every data IRI dereferences to an HTML page or an RDF description.

IRIs and URLs. A data IRI is `{base_iri}{kind}/{slug}` (`Settings.base_iri`, by default
`https://w3id.org/relgraph/id/`). Whatever the base, this server answers for it at
`/id/{kind}/{slug}`: w3id.org (or any other redirector) is configured to send
`{base_iri}(.*)` to `https://<server>/id/$1`, and a server whose base IRI is its own address ends
in `/id/` anyway. The IRI is rebuilt from the base and the path, never from the request's host,
so a mirror under another name still answers for the canonical IRIs. `/{kind}/{slug}`
redirects to `/id/{kind}/{slug}` as a typing convenience.

Representations. Slash IRIs are answered directly (200, `Vary: Accept`) rather than by a 303 to
a separate document: HTML for browsers, Turtle, JSON-LD, N-Triples or RDF/XML by `Accept` or
by a suffix (`.ttl`, `.jsonld`, `.nt`, `.rdf`, `.html`). Unknown IRIs give 404, Accept types we
cannot produce 406. `/id/graph/{article}` serves an article's whole named graph as RDF.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from markupsafe import Markup

from relgraph.namespaces import DATA_KINDS, DIP, all_prefixes

bp = Blueprint("entities", __name__, template_folder="templates")

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PREFIXES = f"""PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX dip: <{DIP}>
PREFIX dcterms: <{DCTERMS}>
PREFIX schema: <https://schema.org/>
"""

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
# Shown in the page head, not in the fact tables.
# Shown in the page head, not in the facts table; skos:hiddenLabel is the resolver's name key.
HEAD_PREDICATES = {f"{RDF}type", f"{RDFS}label", f"{SKOS}altLabel", f"{OWL}sameAs", f"{DIP}mentionedIn",
                   f"{SKOS}hiddenLabel"}
KIND_ROUTE = "<any(" + ", ".join(DATA_KINDS) + "):kind>"
# `/graph/...` belongs to the dumps blueprint (`/graph/<article>.<ext>`), so no short form for it.
SHORT_KIND_ROUTE = "<any(" + ", ".join(k for k in DATA_KINDS if k != "graph") + "):kind>"
VOCAB_LABELS = {f"{RDF}type": "type", f"{RDFS}label": "label", f"{SKOS}altLabel": "alternative label",
                f"{OWL}sameAs": "same as"}
LINK_SITES = {"http://www.wikidata.org/entity/": "Wikidata", "http://dbpedia.org/resource/": "DBpedia",
              "https://sws.geonames.org/": "GeoNames"}


# -- context and IRI <-> URL --------------------------------------------------------------------
def relgraph():
    """The app's relgraph context: `.settings`, `.store` (and `.executor`)."""
    return current_app.extensions["relgraph"]


def base_iri() -> str:
    return relgraph().settings.base_iri


def local_url(iri: str) -> str | None:
    """The URL of this server that dereferences `iri`, or None when the IRI is not ours."""
    base = base_iri()
    if not iri.startswith(base):
        return None
    kind, _, slug = iri[len(base):].partition("/")
    if kind not in DATA_KINDS or not slug or "/" in slug:
        return None
    return url_for("entities.resource", kind=kind, slug=slug)


@lru_cache(maxsize=8)
def _prefix_table(base: str) -> tuple[tuple[str, str], ...]:
    # Longest namespace first so `person:` wins over a shorter one that also matches.
    return tuple(sorted(((p, ns) for p, ns in all_prefixes(base).items()), key=lambda x: -len(x[1])))


def compact(iri: str) -> str:
    """`person:sergei-lavrov` for a data IRI, `dip:Person` for a term; the IRI when no prefix fits."""
    for prefix, ns in _prefix_table(base_iri()):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


@lru_cache(maxsize=4)
def _ontology_terms(path: Path) -> dict[str, tuple[str, str]]:
    """dip: term IRI -> (label, comment), read once from the ontology file."""
    out: dict[str, list[str]] = defaultdict(lambda: ["", ""])
    if not path.exists():
        return {}
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        s, p = t.subject, t.predicate.value
        if isinstance(s, ox.NamedNode) and isinstance(t.object, ox.Literal) and s.value.startswith(str(DIP)):
            if p == f"{RDFS}label":
                out[s.value][0] = t.object.value
            elif p == f"{RDFS}comment":
                out[s.value][1] = t.object.value
    return {k: (v[0], v[1]) for k, v in out.items()}


def term_info(iri: str) -> tuple[str, str]:
    """(label, description) of an ontology term, falling back to its compact name."""
    path = Path(relgraph().settings.ontology_dir) / "diplomacy.ttl"
    label, comment = _ontology_terms(path).get(iri, ("", ""))
    return label or compact(iri), comment


@dataclass
class TermView:
    """One RDF term as a page shows it: text, an optional link and a tooltip."""

    text: str
    href: str | None = None
    title: str = ""
    external: bool = False
    literal: bool = False


def term_view(term, label: str | None = None, *, words: bool = True) -> TermView:
    """Display form of a pyoxigraph term; data IRIs link to their page here. `words` shows
    vocabulary terms by their labels ("holds post"); without it they show as `dip:holdsPost`."""
    if isinstance(term, ox.Literal):
        dtype = compact(term.datatype.value) if term.datatype else ""
        title = f"@{term.language}" if term.language else dtype
        return TermView(term.value, title=title, literal=True)
    if isinstance(term, ox.NamedNode):
        iri = term.value
        href = local_url(iri)
        if href:
            return TermView(label or compact(iri), href, iri)
        if words and (iri.startswith(str(DIP)) or iri in VOCAB_LABELS):
            # Vocabulary terms read as words; the IRI and definition are in the tooltip, not a
            # link, since the ontology namespace need not resolve wherever this runs.
            text, comment = term_info(iri)
            return TermView(label or VOCAB_LABELS.get(iri, text), None, f"{compact(iri)}: {comment}"
                            if comment else iri)
        return TermView(label or compact(iri), iri, iri, external=True)
    return TermView(str(term))


def _q(sparql: str):
    return relgraph().store.query(PREFIXES + sparql)


def _val(solution, name: str) -> str | None:
    term = solution[name]
    return None if term is None else term.value


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


def _split_suffix(slug: str) -> tuple[str, str | None]:
    stem, dot, suffix = slug.rpartition(".")
    return (stem, suffix) if dot and stem else (slug, None)


# -- routes --------------------------------------------------------------------------------------
@bp.route(f"/id/{KIND_ROUTE}/<slug>")
def resource(kind: str, slug: str) -> Response:
    """Dereference `{base}{kind}/{slug}` (optionally `.ext`) as HTML or RDF."""
    slug, suffix = _split_suffix(slug)
    if suffix and suffix not in SUFFIXES:
        abort(404)
    media = choose_media(suffix)
    if media is None:
        return _not_acceptable()
    iri = f"{base_iri()}{kind}/{slug}"
    if kind == "graph":
        return _graph_resource(iri, slug, media)
    if not _exists(iri):
        return _not_found(iri, media)
    if media == "text/html":
        page = article_page(iri) if kind == "article" else entity_page(iri)
        response = Response(page, mimetype="text/html")
    else:
        response = _rdf_response(describe(iri), media)
    return _negotiated(response, kind, slug, suffix)


@bp.route(f"/{SHORT_KIND_ROUTE}/<slug>")
def short_resource(kind: str, slug: str) -> Response:
    """`/person/x` is accepted for convenience and redirected to the canonical `/id/person/x`."""
    return redirect(url_for("entities.resource", kind=kind, slug=slug), code=308)


@bp.route(f"/neighbourhood/{KIND_ROUTE}/<slug>.svg")
def neighbourhood_svg(kind: str, slug: str) -> Response:
    """The neighbourhood picture of an entity on its own, as an SVG document."""
    from relgraph.web.graphsvg import neighbourhood_svg as draw

    iri = f"{base_iri()}{kind}/{slug}"
    if not _exists(iri):
        abort(404)
    return Response(draw(iri, standalone=True), mimetype="image/svg+xml")


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


def _not_found(iri: str, media: str) -> Response:
    if media == "text/html":
        return Response(render_template("not_found.html", iri=iri), status=404, mimetype="text/html")
    return Response(f"404 Not Found: nothing is known about <{iri}>\n", status=404, mimetype="text/plain")


def _exists(iri: str) -> bool:
    return bool(_q(f"ASK {{ <{iri}> ?p ?o }}"))


# -- RDF descriptions ----------------------------------------------------------------------------
def describe(iri: str) -> list[ox.Triple]:
    """What we say about `iri`: its statements both ways, the labels of its neighbours and the
    reified assertions (evidence) that have it as subject or object."""
    rows = _q(f"""CONSTRUCT {{
        <{iri}> ?p ?o . ?o rdfs:label ?ol . ?s ?q <{iri}> . ?s rdfs:label ?sl . ?a ?ap ?ao .
    }} WHERE {{
        {{ <{iri}> ?p ?o OPTIONAL {{ ?o rdfs:label ?ol }} }}
        UNION {{ ?s ?q <{iri}> FILTER NOT EXISTS {{ ?s a dip:Assertion }} OPTIONAL {{ ?s rdfs:label ?sl }} }}
        UNION {{ {{ ?a rdf:subject <{iri}> }} UNION {{ ?a rdf:object <{iri}> }}
                 ?a a dip:Assertion ; ?ap ?ao }}
    }}""")
    return sorted(set(rows), key=str)  # the union default graph repeats triples found in several graphs


def _rdf_response(triples, media: str) -> Response:
    rdf_format, _ = RDF_TYPES[media]
    prefixes = None if rdf_format in (ox.RdfFormat.N_TRIPLES,) else all_prefixes(base_iri())
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
    return Response(body, mimetype=media)


def _graph_resource(iri: str, article_id: str, media: str) -> Response:
    """A named graph: its triples as RDF; browsers go to the article page instead."""
    store = relgraph().store
    if iri not in store.named_graphs():
        return _not_found(iri, media)
    if media == "text/html":
        return redirect(url_for("entities.resource", kind="article", slug=article_id), code=303)
    triples = {ox.Triple(q.subject, q.predicate, q.object)
               for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(iri))}
    return _rdf_response(sorted(triples, key=str), media)


# -- HTML: entities ------------------------------------------------------------------------------
@dataclass
class Evidence:
    """One assertion: a sentence of an article supporting one statement."""

    subject: TermView
    predicate: TermView
    object: TermView
    key: tuple[str, str, str]
    sentence: str
    start: int
    end: int
    confidence: float
    article: str


@dataclass
class Source:
    """An article with the evidence it gives for the statements on a page."""

    iri: str
    href: str | None
    title: str
    date: str
    publisher: str
    number: int = 0
    evidence: list[Evidence] = field(default_factory=list)

    def sentences(self) -> list[tuple[int, int, str, list[Evidence]]]:
        """The evidence grouped by sentence, in the order the sentences appear in the article."""
        groups: dict[tuple[int, int, str], list[Evidence]] = defaultdict(list)
        for ev in self.evidence:
            groups[(ev.start, ev.end, ev.sentence)].append(ev)
        return [(start, end, text, evs) for (start, end, text), evs in sorted(groups.items())]


def _labels_query(iri: str, direction: str) -> str:
    if direction == "out":
        return f"SELECT DISTINCT ?p ?x ?label WHERE {{ <{iri}> ?p ?x OPTIONAL {{ ?x rdfs:label ?label }} }}"
    return f"""SELECT DISTINCT ?p ?x ?label WHERE {{ ?x ?p <{iri}>
        FILTER NOT EXISTS {{ ?x a dip:Assertion }} OPTIONAL {{ ?x rdfs:label ?label }} }}"""


def evidence_for(iri: str) -> dict[str, Source]:
    """Sources of the statements whose subject or object is `iri`, keyed by article IRI."""
    rows = _q(f"""SELECT DISTINCT ?s ?p ?o ?sl ?ol ?text ?start ?end ?conf ?art ?title ?date ?pub WHERE {{
        {{ ?a rdf:subject <{iri}> }} UNION {{ ?a rdf:object <{iri}> }}
        ?a a dip:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
           dip:sourceArticle ?art ; dip:evidenceText ?text ; dip:confidence ?conf .
        OPTIONAL {{ ?a dip:startOffset ?start }} OPTIONAL {{ ?a dip:endOffset ?end }}
        OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?o rdfs:label ?ol }}
        OPTIONAL {{ ?art dcterms:title ?title }} OPTIONAL {{ ?art dip:publishedDate ?date }}
        OPTIONAL {{ ?art dcterms:publisher ?pub }}
    }}""")
    sources: dict[str, Source] = {}
    for r in rows:
        art = r["art"].value
        src = sources.get(art) or sources.setdefault(art, Source(
            art, local_url(art), _val(r, "title") or compact(art), _val(r, "date") or "",
            _val(r, "pub") or ""))
        src.evidence.append(Evidence(
            term_view(r["s"], _val(r, "sl")), term_view(r["p"]), term_view(r["o"], _val(r, "ol")),
            (r["s"].value, r["p"].value, r["o"].value), r["text"].value,
            int(_val(r, "start") or 0), int(_val(r, "end") or 0), float(r["conf"].value), art))
    ordered = sorted(sources.values(), key=lambda s: (s.date, s.title))
    for number, src in enumerate(ordered, 1):
        src.number = number
        src.evidence.sort(key=lambda e: (e.start, e.predicate.text))
    return {s.iri: s for s in ordered}


def _fact_rows(iri: str, direction: str, sources: dict[str, Source]) -> list[SimpleNamespace]:
    """Statements about `iri` one way, each with the sources and best confidence backing it."""
    backing: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for src in sources.values():
        for ev in src.evidence:
            backing[ev.key].append(ev)
    rows = []
    for r in _q(_labels_query(iri, direction)):
        p = r["p"].value
        if direction == "out" and p in HEAD_PREDICATES or direction == "in" and p == f"{DIP}mentionedIn":
            continue
        key = (iri, p, r["x"].value) if direction == "out" else (r["x"].value, p, iri)
        evs = backing.get(key, [])
        numbers = sorted({sources[e.article].number for e in evs})
        rows.append(SimpleNamespace(
            predicate=term_view(r["p"]), value=term_view(r["x"], _val(r, "label")), sources=numbers,
            confidence=max((e.confidence for e in evs), default=None)))
    return sorted(rows, key=lambda f: (f.predicate.text, f.value.text.lower()))


def _head(iri: str) -> SimpleNamespace:
    """Label, types, aliases, external links and articles of a resource."""
    label, types, aliases, links, articles = None, [], [], [], []
    for r in _q(f"""SELECT DISTINCT ?p ?o ?title ?date WHERE {{ <{iri}> ?p ?o
            OPTIONAL {{ ?o dcterms:title ?title }} OPTIONAL {{ ?o dip:publishedDate ?date }} }}"""):
        p, o = r["p"].value, r["o"]
        if p == f"{RDFS}label":
            label = label or o.value
        elif p == f"{RDF}type":
            types.append(term_view(o))
        elif p == f"{SKOS}altLabel":
            aliases.append(o.value)
        elif p == f"{OWL}sameAs":
            site = next((name for ns, name in LINK_SITES.items() if o.value.startswith(ns)), "Link")
            links.append(SimpleNamespace(site=site, view=term_view(o)))
        elif p == f"{DIP}mentionedIn":
            articles.append(SimpleNamespace(view=term_view(o, _val(r, "title")), date=_val(r, "date") or ""))
    # A specific event type (Visit) says more than its superclass (Event): list it first.
    types.sort(key=lambda t: (t.text == "Event", t.text))
    return SimpleNamespace(
        iri=iri, label=label or compact(iri), types=types, aliases=sorted(set(aliases)),
        links=sorted(links, key=lambda link: link.site), articles=sorted(articles, key=lambda a: a.date))


def entity_page(iri: str) -> str:
    """The HTML page of any resource but an article."""
    from relgraph.web.graphsvg import neighbourhood_svg

    sources = evidence_for(iri)
    return render_template(
        "entity.html", head=_head(iri), outgoing=_fact_rows(iri, "out", sources),
        incoming=_fact_rows(iri, "in", sources), sources=list(sources.values()),
        svg=Markup(neighbourhood_svg(iri)), format_links=_format_links(iri))


def _format_links(iri: str) -> list[tuple[str, str, str]]:
    """(suffix, URL, media type) of each RDF representation of `iri`."""
    kind, _, slug = iri[len(base_iri()):].partition("/")
    return [(suffix, url_for("entities.resource", kind=kind, slug=f"{slug}.{suffix}"), media)
            for media, (_, suffix) in RDF_TYPES.items()]


# -- HTML: articles ------------------------------------------------------------------------------
def article_page(iri: str) -> str:
    """What was extracted from one article: its entities and its statements, sentence by sentence."""
    meta = {}
    for r in _q(f"SELECT DISTINCT ?p ?o WHERE {{ <{iri}> ?p ?o }}"):
        meta.setdefault(r["p"].value, r["o"].value)
    mentions: dict[str, list[TermView]] = defaultdict(list)
    for r in _q(f"""SELECT DISTINCT ?x ?label ?type WHERE {{ ?x dip:mentionedIn <{iri}> ; rdfs:label ?label ;
            a ?type FILTER(?type != dip:Event) }} ORDER BY ?label"""):
        mentions[term_info(r["type"].value)[0]].append(term_view(r["x"], r["label"].value))
    sentences: dict[tuple[int, int, str], list[SimpleNamespace]] = defaultdict(list)
    for r in _q(f"""SELECT DISTINCT ?s ?p ?o ?sl ?ol ?text ?start ?end ?conf WHERE {{
            ?a dip:sourceArticle <{iri}> ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
               dip:evidenceText ?text ; dip:confidence ?conf .
            OPTIONAL {{ ?a dip:startOffset ?start }} OPTIONAL {{ ?a dip:endOffset ?end }}
            OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?o rdfs:label ?ol }} }}"""):
        key = (int(_val(r, "start") or 0), int(_val(r, "end") or 0), r["text"].value)
        sentences[key].append(SimpleNamespace(
            subject=term_view(r["s"], _val(r, "sl")), predicate=term_view(r["p"]),
            object=term_view(r["o"], _val(r, "ol")), confidence=float(r["conf"].value)))
    for facts in sentences.values():
        facts.sort(key=lambda f: (f.subject.text, f.predicate.text, f.object.text))
    return render_template(
        "article.html", iri=iri, meta=meta, title=meta.get(f"{DCTERMS}title") or compact(iri),
        mentions=dict(sorted(mentions.items())), sentences=sorted(sentences.items()),
        graph_url=url_for("entities.resource", kind="graph", slug=iri.rsplit("/", 1)[1] + ".ttl"),
        format_links=_format_links(iri), DIP=str(DIP), DCTERMS=DCTERMS)
