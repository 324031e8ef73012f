"""Descriptions of the service and the data: SPARQL 1.1 Service Description (served by /sparql
without a query) and a VoID description at /.well-known/void (RDF format by Accept or `format=`).

Counts come from the store once per app (the store is a read-only snapshot) and are cached on the
WebState; URLs are built from the request so a server behind any host name describes itself.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import pyoxigraph as ox
from flask import Blueprint, Response, request

from relgraph.executor import GRAPH_ACCEPT, GRAPH_MEDIA, ExecutionError, media_type, resolve_format
from relgraph.query_formats import rdf_formats
from relgraph.namespaces import DIP, PREFIXES
from relgraph.web import state

bp = Blueprint("describe", __name__)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
FORMATS = "http://www.w3.org/ns/formats/"
DESCRIBE_PREFIXES = {**PREFIXES, "sd": SD, "void": VOID, "foaf": FOAF, "formats": FORMATS}

# W3C format IRIs of everything /sparql can return.
RESULT_FORMAT_IRIS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                      "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"]
# The datasets relgraph links to with owl:sameAs: (key, title, homepage, IRI prefix, SPARQL endpoint).
LINKED_DATASETS = [
    ("wikidata", "Wikidata", "https://www.wikidata.org/", "http://www.wikidata.org/entity/",
     "https://query.wikidata.org/sparql"),
    ("dbpedia", "DBpedia", "https://www.dbpedia.org/", "http://dbpedia.org/resource/",
     "https://dbpedia.org/sparql"),
    ("geonames", "GeoNames", "https://www.geonames.org/", "https://sws.geonames.org/", None),
]
DUMP_EXTENSIONS = ["ttl", "nt", "nq", "trig", "jsonld", "rdf"]
EXAMPLE_CLASSES = ["Person", "State", "Organization", "Agreement", "Event", "Story"]
# Classes whose instance counts the VoID gives as class partitions: articles and the stories
# they carry (copies of one wire story are one dip:Story), the dataset's sources.
PARTITION_CLASSES = ["Article", "Story"]


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def lit(value, datatype: str | None = None) -> ox.Literal:
    if datatype:
        return ox.Literal(str(value), datatype=N(datatype))
    return ox.Literal(str(value))


def count(value: int) -> ox.Literal:
    return lit(value, XSD + "integer")


# -- facts from the store ----------------------------------------------------------------------------

def dataset_facts() -> dict:
    """Counts and examples for the descriptions, computed once per app."""
    web = state()
    if "facts" not in web.cache:
        web.cache["facts"] = _compute_facts(web.store)
    return web.cache["facts"]


def _values(store, sparql: str) -> list[dict]:
    result = store.ox.query(sparql)
    names = [v.value for v in result.variables]
    return [{name: solution[name] for name in names} for solution in result]


def _compute_facts(store) -> dict:
    graphs = {row["g"].value: int(row["n"].value) for row in _values(
        store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    distinct = _values(store, """SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?subjects)
        (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }""")[0]  # the union: once per triple
    typed = _values(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) (COUNT(DISTINCT ?x) AS ?entities) "
                           "WHERE { ?x a ?c }")[0]
    links = {}
    for key, _, _, prefix, _ in LINKED_DATASETS:
        row = _values(store, f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?x ?l WHERE {{
            ?x <{OWL}sameAs> ?l FILTER(STRSTARTS(STR(?l), "{prefix}")) }} }}""")[0]
        links[key] = int(row["n"].value)
    examples = []
    for cls in EXAMPLE_CLASSES:
        rows = _values(store, f"SELECT ?x WHERE {{ ?x a <{DIP}{cls}> }} ORDER BY ?x LIMIT 1")
        examples += [row["x"].value for row in rows]
    return {"graphs": dict(sorted(graphs.items())), "triples": int(distinct["n"].value),
            "subjects": int(distinct["subjects"].value), "properties": int(distinct["properties"].value),
            "classes": int(typed["n"].value),
            "entities": int(typed["entities"].value), "links": links, "examples": examples,
            "quads": len(store), "partitions": _class_counts(store, PARTITION_CLASSES)}


def _class_counts(store, classes: list[str]) -> dict[str, int]:
    values = " ".join(f"<{DIP}{c}>" for c in classes)
    found = {row["c"].value: int(row["n"].value) for row in _values(
        store, f"SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?x a ?c }} GROUP BY ?c")}
    return {f"{DIP}{c}": found.get(f"{DIP}{c}", 0) for c in classes}


# -- descriptions -----------------------------------------------------------------------------------

def service_description() -> list[ox.Triple]:
    """SPARQL 1.1 Service Description of /sparql."""
    root = request.host_url
    web = state()
    facts = dataset_facts()
    service, dataset, default_graph = N(f"{root}sparql#service"), ox.BlankNode(), ox.BlankNode()
    t = [ox.Triple(service, N(RDF + "type"), N(SD + "Service")),
         ox.Triple(service, N(SD + "endpoint"), N(f"{root}sparql")),
         ox.Triple(service, N(SD + "supportedLanguage"), N(SD + "SPARQL11Query")),
         ox.Triple(service, N(SD + "feature"), N(SD + "UnionDefaultGraph")),
         ox.Triple(service, N(SD + "defaultEntailmentRegime"), N("http://www.w3.org/ns/entailment/Simple")),
         ox.Triple(service, N(DCTERMS + "description"), lit(
             f"Read-only SPARQL 1.1 query endpoint of relgraph. Queries stop after "
             f"{web.settings.query_timeout_s:g} s and may return at most {web.settings.query_max_rows} "
             f"rows or {web.settings.query_max_bytes} bytes.")),
         ox.Triple(service, N(SD + "defaultDataset"), dataset),
         ox.Triple(dataset, N(RDF + "type"), N(SD + "Dataset")),
         ox.Triple(dataset, N(SD + "defaultGraph"), default_graph),
         ox.Triple(default_graph, N(RDF + "type"), N(SD + "Graph")),
         ox.Triple(default_graph, N(VOID + "triples"), count(facts["triples"])),
         ox.Triple(dataset, N(VOID + "sparqlEndpoint"), N(f"{root}sparql"))]
    if web.settings.allow_service:
        t.append(ox.Triple(service, N(SD + "feature"), N(SD + "BasicFederatedQuery")))
    for name in RESULT_FORMAT_IRIS:
        t.append(ox.Triple(service, N(SD + "resultFormat"), N(FORMATS + name)))
    for graph, triples in facts["graphs"].items():
        named, described = ox.BlankNode(), ox.BlankNode()
        t += [ox.Triple(dataset, N(SD + "namedGraph"), named),
              ox.Triple(named, N(RDF + "type"), N(SD + "NamedGraph")),
              ox.Triple(named, N(SD + "name"), N(graph)),
              ox.Triple(named, N(SD + "graph"), described),
              ox.Triple(described, N(RDF + "type"), N(SD + "Graph")),
              ox.Triple(described, N(VOID + "triples"), count(triples))]
    return t


def void_description() -> list[ox.Triple]:
    """VoID description of the dataset, its per-article subsets, dumps and linksets."""
    root = request.host_url
    doc = f"{root}.well-known/void"
    web = state()
    facts = dataset_facts()
    ds = N(f"{doc}#relgraph")
    t = [ox.Triple(N(doc), N(RDF + "type"), N(VOID + "DatasetDescription")),
         ox.Triple(N(doc), N(FOAF + "primaryTopic"), ds),
         ox.Triple(ds, N(RDF + "type"), N(VOID + "Dataset")),
         ox.Triple(ds, N(DCTERMS + "title"), lit("relgraph: a sourced knowledge graph of diplomacy news")),
         ox.Triple(ds, N(DCTERMS + "description"), lit(
             "People, posts, states, agreements, projects and events extracted from news articles, "
             "each fact with its source sentence; one named graph per article.")),
         ox.Triple(ds, N(VOID + "sparqlEndpoint"), N(f"{root}sparql")),
         ox.Triple(ds, N(VOID + "uriSpace"), lit(web.settings.base_iri)),
         ox.Triple(ds, N(VOID + "triples"), count(facts["triples"])),
         ox.Triple(ds, N(VOID + "distinctSubjects"), count(facts["subjects"])),
         ox.Triple(ds, N(VOID + "entities"), count(facts["entities"])),
         ox.Triple(ds, N(VOID + "properties"), count(facts["properties"])),
         ox.Triple(ds, N(VOID + "classes"), count(facts["classes"])),
         ox.Triple(ds, N(VOID + "vocabulary"), N(str(DIP))),
         # The store version this answer comes from: the same value as every response's
         # Relgraph-Store-Version header and the dumps' ETags.
         ox.Triple(ds, N(OWL + "versionInfo"), lit(web.version))]
    if web.last_modified:
        modified = datetime.fromtimestamp(web.last_modified, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        t.append(ox.Triple(ds, N(DCTERMS + "modified"), lit(modified, XSD + "dateTime")))
    t += [ox.Triple(ds, N(VOID + "dataDump"), N(f"{root}dump.{ext}")) for ext in DUMP_EXTENSIONS]
    t += [ox.Triple(ds, N(VOID + "exampleResource"), N(iri)) for iri in facts["examples"]]
    for cls, entities in facts["partitions"].items():
        partition = N(f"{doc}#class-{cls.rpartition('#')[2]}")
        t += [ox.Triple(ds, N(VOID + "classPartition"), partition),
              ox.Triple(partition, N(VOID + "class"), N(cls)),
              ox.Triple(partition, N(VOID + "entities"), count(entities))]
    for graph, triples in facts["graphs"].items():
        subset = N(graph)
        t += [ox.Triple(ds, N(VOID + "subset"), subset),
              ox.Triple(subset, N(RDF + "type"), N(VOID + "Dataset")),
              ox.Triple(subset, N(VOID + "triples"), count(triples))]
        article_id = _article_id(graph, web.settings.base_iri)
        if article_id:
            t.append(ox.Triple(subset, N(VOID + "dataDump"), N(f"{root}graph/{article_id}.ttl")))
    t += _linksets(ds, doc, facts["links"])
    return t


def _linksets(ds: ox.NamedNode, doc: str, links: dict[str, int]) -> list[ox.Triple]:
    t = []
    for key, title, homepage, prefix, endpoint in LINKED_DATASETS:
        target, linkset = N(f"{doc}#{key}"), N(f"{doc}#{key}-links")
        t += [ox.Triple(target, N(RDF + "type"), N(VOID + "Dataset")),
              ox.Triple(target, N(DCTERMS + "title"), lit(title)),
              ox.Triple(target, N(FOAF + "homepage"), N(homepage)),
              ox.Triple(target, N(VOID + "uriSpace"), lit(prefix)),
              ox.Triple(linkset, N(RDF + "type"), N(VOID + "Linkset")),
              ox.Triple(linkset, N(VOID + "subjectsTarget"), ds),
              ox.Triple(linkset, N(VOID + "objectsTarget"), target),
              ox.Triple(linkset, N(VOID + "target"), ds),
              ox.Triple(linkset, N(VOID + "target"), target),
              ox.Triple(linkset, N(VOID + "linkPredicate"), N(OWL + "sameAs")),
              ox.Triple(linkset, N(VOID + "triples"), count(links[key])),
              ox.Triple(ds, N(VOID + "subset"), linkset)]
        if endpoint:
            t.append(ox.Triple(target, N(VOID + "sparqlEndpoint"), N(endpoint)))
    return t


def _article_id(graph: str, base_iri: str) -> str | None:
    prefix = f"{base_iri}graph/"
    return graph[len(prefix):] if graph.startswith(prefix) else None


# -- responses --------------------------------------------------------------------------------------

def rdf_format() -> str:
    """The RDF format asked for by `format=` or Accept (Turtle by default); 406 otherwise."""
    explicit = request.args.get("format")
    if explicit:
        fmt = resolve_format(explicit)[1]
        if fmt is None:
            raise ExecutionError(406, f"format {explicit!r} cannot hold RDF; use one of "
                                      + ", ".join(GRAPH_MEDIA))
        return fmt
    accept = request.accept_mimetypes
    if not accept:
        return "turtle"
    match = accept.best_match(list(GRAPH_ACCEPT))
    if match is None:
        raise ExecutionError(406, "this resource is RDF; acceptable types: " + ", ".join(GRAPH_ACCEPT))
    return GRAPH_ACCEPT[match]


def rdf_response(triples: Iterable[ox.Triple]) -> Response:
    """Serialise description triples in the negotiated RDF format."""
    fmt = rdf_format()
    target = rdf_formats()[fmt]
    # Grouped by subject so Turtle writes each resource once (the sort is stable).
    ordered = sorted(triples, key=lambda triple: str(triple.subject))
    body = ox.serialize(ordered, None, target, prefixes=DESCRIBE_PREFIXES)
    response = Response(body, content_type=media_type(fmt))
    response.vary.add("Accept")
    response.set_etag(f"{state().version}-{fmt}")
    return response.make_conditional(request)


@bp.route("/.well-known/void", methods=["GET"])
@bp.route("/void", methods=["GET"])
def void():
    """The VoID description of the dataset."""
    return rdf_response(void_description())
