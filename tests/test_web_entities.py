"""Linked Data pages: entity and article HTML, content negotiation, 404/406 and the neighbourhood SVG."""
from __future__ import annotations

import json
import re
import socket
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from html import unescape

import pyoxigraph as ox
import pytest

from bench.safety_clients import ConnectionCounter
from relgraph.namespaces import DATA_KINDS
from relgraph.web.links import ARTICLE_ID_KINDS

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


# -- attacks: request data never becomes query text ------------------------------------------------
@pytest.fixture()
def listener():
    """The audit's port 8809 when it is free, any free port otherwise."""
    try:
        counter = ConnectionCounter(8809)
    except OSError:
        counter = ConnectionCounter(0)
    # The listener itself works: a connection we make is counted.
    socket.create_connection(("127.0.0.1", counter.port), timeout=2).close()
    deadline = time.monotonic() + 5
    while not counter.accepted and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(counter.accepted) == 1
    counter.accepted.clear()
    yield counter
    counter.close()


def attack_slugs(port: int) -> dict[str, str]:
    """Percent-encoded slugs (as sent on the wire) that try to break out of `<{iri}>`."""
    service = (f"SERVICE%20%3Chttp%3A%5Cu002F%5Cu002F127.0.0.1%3A{port}%5Cu002Fx%3E"
               "%20%7B%20%3Fs%20%3Fq%20%3Fr%20%7D")
    return {
        "audit": f"sergei-lavrov%3E%20%3Fp%20%3Fo%20.%20{service}%20%7D%20%23",
        "escaped-S": f"sergei-lavrov%3E%20%3Fp%20%3Fo%20.%20%5Cu0053ERVICE{service[7:]}%20%7D%20%23",
        "slash-encoded": (f"sergei-lavrov%3E%20%3Fp%20%3Fo%20.%20SERVICE%20%3Chttp%3A%2F%2F127.0.0.1%3A{port}"
                          "%2Fx%3E%20%7B%20%3Fs%20%3Fq%20%3Fr%20%7D%20%7D%20%23"),
        "newline-comment": f"x%3E%20%3Fp%20%3Fo%20%7D%0A%23%20%0A{service}%20%23",
        "hash-in-iri": f"x%23%3E%20%3Fp%20%3Fo%20.%20{service}%20%7D%20%23",
        "cartesian": ("sergei-lavrov%3E%20%3Fp%20%3Fo%20.%20%3Fa%20%3Fb%20%3Fc%20.%20%3Fd%20%3Fe%20%3Ff%20."
                      "%20%3Fg%20%3Fh%20%3Fi%20%7D%20%23"),
        "gt": "a%3Eb", "lt": "a%3Cb", "quote": "a%22b", "space": "a%20b", "brace": "a%7Bb",
        "backslash": "a%5Cb", "nul": "a%00b", "ff": "a%FFb", "newline": "a%0Ab",
        "unicode-escape": "a%5Cu003Eb",
        "utf8": "s%C3%A9rgei", "dot-first": ".hidden",
        "overlong": "a" * 5000, "overlong-words": "ab-" * 1500 + "c",
    }


ATTACK_KINDS = list(DATA_KINDS)
# Outside the entity slug grammar, though article ids (A-Z, '_', '.') may look like this.
ENTITY_ONLY_SLUGS = ["Sergei-Lavrov", "sergei--lavrov", "sergei_lavrov", "-sergei", "sergei-"]
ENTITY_FORMS = ["", ".ttl", ".jsonld", ".nt", ".rdf", ".html"]
NEGOTIATED = [None, "text/turtle", "application/ld+json"]


def attack_paths(port: int) -> list[tuple[str, str | None]]:
    """(path, Accept) for every kind of entity page, suffix form, negotiation and side route."""
    out = []
    cases = [(slug, ATTACK_KINDS) for slug in attack_slugs(port).values()]
    entity_kinds = [k for k in ATTACK_KINDS if k not in ARTICLE_ID_KINDS]   # stories are named by article ids
    cases += [(slug, entity_kinds) for slug in ENTITY_ONLY_SLUGS]
    for slug, kinds in cases:
        for kind in kinds:
            out += [(f"/id/{kind}/{slug}{form}", None) for form in ENTITY_FORMS]
            out += [(f"/id/{kind}/{slug}", accept) for accept in NEGOTIATED if accept]
            out.append((f"/neighbourhood/{kind}/{slug}.svg", None))
            if kind != "graph":
                out.append((f"/{kind}/{slug}", None))
    return out


def test_attack_urls_are_404_through_the_test_client(app, listener):
    client = app.test_client()
    paths = attack_paths(listener.port)
    assert len(paths) > 1000
    for path, accept in paths:
        # The test client percent-decodes the path into PATH_INFO, as a WSGI server does.
        response = client.get(path, headers={"Accept": accept or BROWSER_ACCEPT})
        assert response.status_code in (400, 404), (path, accept, response.status_code)
    assert len(listener.accepted) == 0


def test_attack_urls_are_404_on_a_live_server(live_server, listener):
    paths = attack_paths(listener.port)
    statuses = {}
    for path, accept in paths[:: max(1, len(paths) // 300)] + [(p, a) for p, a in paths if "%5Cu0053" in p]:
        request = urllib.request.Request(live_server + path, headers={"Accept": accept or BROWSER_ACCEPT})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                statuses[path, accept] = response.status
        except urllib.error.HTTPError as exc:
            statuses[path, accept] = exc.code
    assert set(statuses.values()) <= {400, 404}, {k: v for k, v in statuses.items() if v not in (400, 404)}
    # The exact audit URL, as the audit sent it.
    audit = attack_slugs(8809)["audit"]
    try:
        urllib.request.urlopen(f"{live_server}/id/person/{audit}.html", timeout=10)
        raise AssertionError("the audit URL was answered 2xx")
    except urllib.error.HTTPError as exc:
        assert exc.code == 404
    assert len(listener.accepted) == 0
    # The server still answers real pages after all that.
    with urllib.request.urlopen(f"{live_server}/id/person/sergei-lavrov", timeout=10) as response:
        assert response.status == 200


def test_valid_slugs_of_every_kind_still_resolve(client, store):
    """The grammar lets through every IRI the store holds: one of each kind answers 200."""
    found = set()
    for r in store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o } LIMIT 5000"):
        iri = r["s"].value
        if not iri.startswith(BASE):
            continue
        kind = iri[len(BASE):].split("/", 1)[0]
        if kind in found:
            continue
        response = client.get("/id/" + iri[len(BASE):], headers={"Accept": "text/turtle"})
        assert response.status_code == 200, iri
        found.add(kind)
    assert found >= {"person", "state", "organization", "city", "post", "event", "article", "assertion",
                     "agent"}
    graph = client.get(f"/id/graph/{ARTICLE_ID}.nt")
    assert graph.status_code == 200


def _store_of(path, quads: list, graph: ox.NamedNode):
    """An on-disk store in relgraph's layout: the quads in one article graph and in the union."""
    store = ox.Store(str(path))
    store.extend([ox.Quad(q.subject, q.predicate, q.object, g) for q in quads for g in (graph, ox.DefaultGraph())])
    store.flush()
    del store
    return path


# -- bounded pages ---------------------------------------------------------------------------------
POPULAR_FACTS = 3000


@pytest.fixture(scope="module")
def popular_app(make_app, tmp_path_factory):
    """A store where one person holds 3,000 posts and is the participant of 3,000 events."""
    person = ox.NamedNode(f"{BASE}person/popular")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    graph = ox.NamedNode(f"{BASE}graph/popular")
    quads = [ox.Quad(person, label, ox.Literal("Popular Person"))]
    for i in range(POPULAR_FACTS):
        post, event = ox.NamedNode(f"{BASE}post/post-{i}"), ox.NamedNode(f"{BASE}event/event-{i}")
        quads += [ox.Quad(person, ox.NamedNode(f"{DIP}holdsPost"), post),
                  ox.Quad(post, label, ox.Literal(f"Post {i}")),
                  ox.Quad(event, ox.NamedNode(f"{DIP}participant"), person),
                  ox.Quad(event, label, ox.Literal(f"Event {i}"))]
    return make_app(store=_store_of(tmp_path_factory.mktemp("store") / "store", quads, graph))


def test_a_popular_entity_gives_a_bounded_page(popular_app):
    client = popular_app.test_client()
    page = page_of(client, "/id/person/popular")
    facts = page.count('href="/id/post/post-')
    referrers = page.count('href="/id/event/event-')
    assert 0 < facts <= 1000 + 16 and 0 < referrers <= 1000 + 16  # tables plus the picture's nodes
    assert "Only the first 1000 statements are shown" in page
    assert "Only the first 1000 references are shown" in page
    # The description is cut at 5,000 solutions, each a statement plus its neighbour's label;
    # the whole of it would be 4 triples per fact plus the person's label.
    described = triples_of(client.get("/id/person/popular.nt").data, ox.RdfFormat.N_TRIPLES)
    assert 0 < len(described) <= 2 * 5000 < 4 * POPULAR_FACTS + 1


# -- links that cannot run script ----------------------------------------------------------------
UNSAFE_HREF = re.compile(r"""href\s*=\s*["']?\s*(?:javascript|data|vbscript)\s*:""", re.IGNORECASE)
UNSAFE_IRIS = ["javascript:alert(1)", "JavaScript:alert(2)", "JAVASCRIPT:alert(3)", "data:text/html,<b>x</b>",
               "vbscript:msgbox(1)", "jav&#x09;ascript:alert(4)"]


@pytest.fixture(scope="module")
def unsafe_app(make_app, tmp_path_factory):
    """A store with IRIs of unsafe schemes in sameAs links, facts, and the neighbourhood."""
    person = ox.NamedNode(f"{BASE}person/mallory")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    same_as = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    graph = ox.NamedNode(f"{BASE}graph/unsafe")
    quads = [ox.Quad(person, label, ox.Literal("Mallory")),
             ox.Quad(person, same_as, ox.NamedNode("http://www.wikidata.org/entity/Q42"))]  # a safe one
    for i, iri in enumerate(iri for iri in UNSAFE_IRIS if _is_iri(iri)):
        quads += [ox.Quad(person, same_as, ox.NamedNode(iri)),
                  ox.Quad(person, ox.NamedNode(f"{DIP}holdsPost"), ox.NamedNode(iri)),
                  ox.Quad(ox.NamedNode(iri), label, ox.Literal(f"unsafe {i}"))]
    return make_app(store=_store_of(tmp_path_factory.mktemp("store") / "store", quads, graph))


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def test_unsafe_iris_are_text_not_links(unsafe_app):
    client = unsafe_app.test_client()
    raw = client.get("/id/person/mallory", headers={"Accept": BROWSER_ACCEPT}).get_data(as_text=True)
    assert not UNSAFE_HREF.search(raw) and not UNSAFE_HREF.search(unescape(raw))
    assert 'href="http://www.wikidata.org/entity/Q42"' in raw  # http(s) links stay links
    assert "javascript:alert(1)" in unescape(raw)  # shown, as text
    svg = client.get("/neighbourhood/person/mallory.svg").get_data(as_text=True)
    assert not UNSAFE_HREF.search(svg) and "javascript" not in svg.split("<title", 1)[0]
