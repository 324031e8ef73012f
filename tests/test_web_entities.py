"""Linked Data pages: entity and article HTML, content negotiation, 404/406 and the neighbourhood SVG."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import pyoxigraph as ox
import pytest

BASE = "https://w3id.org/relgraph/id/"
DIP = "https://w3id.org/relgraph/ontology#"
LAVROV = f"{BASE}person/sergei-lavrov"
ARTICLE_ID = "000_d41b808b5fb25158"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


@pytest.fixture(scope="module")
def store(app):
    return app.extensions["relgraph"].store


def page_of(client, path: str) -> str:
    response = client.get(path, headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200, response.data[:300]
    assert response.mimetype == "text/html"
    return unescape(response.get_data(as_text=True))


def triples_of(data: bytes, fmt: ox.RdfFormat) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, fmt)}


def evidence_of(store, iri: str) -> set[tuple[str, str]]:
    rows = store.query(f"""SELECT DISTINCT ?text ?title WHERE {{
        ?a <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{iri}> ;
           <{DIP}evidenceText> ?text ; <{DIP}sourceArticle> ?art .
        ?art <http://purl.org/dc/terms/title> ?title }}""")
    return {(r["text"].value, r["title"].value) for r in rows}


# -- HTML ------------------------------------------------------------------------------------------
def test_person_page_shows_post_state_evidence_and_sources(client, store):
    page = page_of(client, "/id/person/sergei-lavrov")
    assert "<h1>Sergei Lavrov</h1>" in page
    assert "Foreign Minister" in page and "Russia" in page
    assert "Sergey Lavrov" in page  # the alias
    assert 'href="/id/post/foreign-minister-of-russia"' in page and 'href="/id/state/russia"' in page
    evidence = evidence_of(store, LAVROV)
    assert evidence
    for sentence, title in evidence:
        assert sentence in page and title in page
    assert re.search(r"extractor confidence 0\.\d\d", page)
    assert re.search(r'<time>\d{4}(-\d\d){0,2}</time>', page)  # article dates
    assert "<svg" in page and 'class="neighbourhood"' in page
    assert "hiddenLabel" not in page  # the resolver's lookup key is not a fact for readers


def test_state_page_links_to_wikidata_dbpedia_and_geonames(client):
    page = page_of(client, "/id/state/russia")
    assert "<h1>Russia</h1>" in page
    for site in ("Wikidata", "DBpedia", "GeoNames"):
        assert f"<strong>{site}</strong>" in page
    assert 'href="http://www.wikidata.org/entity/Q159"' in page
    assert "Referenced by" in page and "Sergei Lavrov" in page


def test_event_page_lists_participants_place_and_date(client, store):
    row = next(iter(store.query(
        f"SELECT ?e WHERE {{ ?e a <{DIP}Visit> ; <{DIP}participant> <{LAVROV}> }} LIMIT 1")))
    path = "/id/" + row["e"].value[len(BASE):]
    page = page_of(client, path)
    assert "Visit" in page and "participant" in page and "place" in page and "date" in page
    assert 'href="/id/person/sergei-lavrov"' in page


def test_article_page_lists_what_was_extracted(client, store):
    page = page_of(client, f"/id/article/{ARTICLE_ID}")
    assert "<h1>Russia seeks expansion in ties with Pakistan</h1>" in page
    assert "IANS" in page and "2023-06-13" in page
    assert "Mentioned entities" in page and "Person" in page and "State" in page
    count = int(next(iter(store.query(f"""SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{
        ?a <{DIP}sourceArticle> <{BASE}article/{ARTICLE_ID}> }}""")))["n"].value)
    assert f"gave\n      {count} assertions" in page or f"{count} assertions" in " ".join(page.split())
    texts = {r["t"].value for r in store.query(f"""SELECT DISTINCT ?t WHERE {{
        ?a <{DIP}sourceArticle> <{BASE}article/{ARTICLE_ID}> ; <{DIP}evidenceText> ?t }}""")}
    assert texts and all(t in page for t in texts)


def test_no_accept_header_gets_html(client):
    response = client.get("/id/person/sergei-lavrov")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "Accept" in response.headers["Vary"]
    assert 'rel="alternate"; type="text/turtle"' in response.headers["Link"]


# -- RDF by content negotiation --------------------------------------------------------------------
@pytest.mark.parametrize("accept, media, fmt", [
    ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("text/turtle;q=0.9, text/html;q=0.1", "text/turtle", ox.RdfFormat.TURTLE),
])
def test_content_negotiation(client, accept, media, fmt):
    response = client.get("/id/person/sergei-lavrov", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media
    triples = triples_of(response.data, fmt)
    lavrov = ox.NamedNode(LAVROV)
    post = ox.NamedNode(f"{BASE}post/foreign-minister-of-russia")
    assert ox.Triple(lavrov, ox.NamedNode(f"{DIP}holdsPost"), post) in triples
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    assert ox.Triple(lavrov, label, ox.Literal("Sergei Lavrov")) in triples
    # The evidence travels with the entity: reified assertions with their sentence and article.
    assert any(t.predicate.value == f"{DIP}evidenceText" for t in triples)
    assert any(t.predicate.value == f"{DIP}sourceArticle" for t in triples)


@pytest.mark.parametrize("suffix, media", [("ttl", "text/turtle"), ("jsonld", "application/ld+json"),
                                           ("nt", "application/n-triples"), ("rdf", "application/rdf+xml"),
                                           ("html", "text/html")])
def test_suffix_urls_ignore_accept(client, suffix, media):
    response = client.get(f"/id/person/sergei-lavrov.{suffix}", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == media


def test_turtle_uses_prefixes_and_json_ld_is_json(client):
    turtle = client.get("/id/state/russia.ttl").get_data(as_text=True)
    assert "@prefix dip:" in turtle and "state:russia" in turtle
    json.loads(client.get("/id/state/russia.jsonld").data)


def test_named_graph_iri_serves_the_article_graph(client, store):
    response = client.get(f"/id/graph/{ARTICLE_ID}", headers={"Accept": "application/n-triples"})
    assert response.status_code == 200 and response.mimetype == "application/n-triples"
    graph = ox.NamedNode(f"{BASE}graph/{ARTICLE_ID}")
    quads = store.ox.quads_for_pattern(None, None, None, graph)
    expected = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    assert triples_of(response.data, ox.RdfFormat.N_TRIPLES) == expected
    html = client.get(f"/id/graph/{ARTICLE_ID}", headers={"Accept": "text/html"})
    assert html.status_code == 303 and html.headers["Location"].endswith(f"/id/article/{ARTICLE_ID}")


# -- errors and redirects --------------------------------------------------------------------------
def test_unknown_entity_is_404(client):
    html = client.get("/id/person/nobody-at-all", headers={"Accept": BROWSER_ACCEPT})
    assert html.status_code == 404 and html.mimetype == "text/html"
    assert "nobody-at-all" in html.get_data(as_text=True)
    turtle = client.get("/id/person/nobody-at-all", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 404
    assert client.get("/id/planet/mars").status_code == 404  # not a kind of data IRI
    assert client.get(f"/id/graph/{'0' * 20}.ttl").status_code == 404
    assert client.get("/id/person/sergei-lavrov.docx").status_code == 404


def test_unsupported_accept_is_406(client):
    response = client.get("/id/person/sergei-lavrov", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.get_data(as_text=True)


def test_short_path_redirects_to_canonical(client):
    response = client.get("/person/sergei-lavrov")
    assert response.status_code == 308 and response.headers["Location"].endswith("/id/person/sergei-lavrov")


# -- neighbourhood picture -------------------------------------------------------------------------
def test_neighbourhood_svg_is_well_formed_and_links_neighbours(client):
    response = client.get("/neighbourhood/person/sergei-lavrov.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.data)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img"
    links = {a.get("href") for a in root.iterfind(".//svg:a", ns)}
    assert {"/id/state/russia", "/id/post/foreign-minister-of-russia"} <= links
    labels = " ".join(t.text or "" for t in root.iterfind(".//svg:text", ns))
    assert "Sergei Lavrov" in labels and "Russia" in labels
    assert not any("/id/article/" in (href or "") for href in links)  # sources are not neighbours
    assert client.get("/neighbourhood/person/nobody.svg").status_code == 404


def test_inline_svg_in_every_kind_of_page_is_well_formed(client, store):
    kinds = ["person", "state", "organization", "city", "post", "agreement", "project", "event"]
    for kind in kinds:
        row = next(iter(store.query(f"SELECT ?x WHERE {{ ?x a <{DIP}{kind.capitalize()}> }} LIMIT 1")))
        page = client.get("/id/" + row["x"].value[len(BASE):]).get_data(as_text=True)
        svg = re.search(r"<svg .*?</svg>", page, re.S).group(0)
        ET.fromstring(svg)
