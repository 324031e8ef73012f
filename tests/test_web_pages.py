"""Home, query and timeline pages through the Flask test client, against the sample store."""
from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from relgraph.queries import named_queries
from relgraph.stats import graph_stats

DIP = "https://w3id.org/relgraph/ontology#"


@pytest.fixture(scope="module")
def store(app):
    return app.extensions["relgraph"].store


def html_of(response) -> str:
    assert response.status_code == 200, response.data[:500]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


# -- home ------------------------------------------------------------------------------------------
def test_home_counts_match_graph_stats(client, store):
    page = html_of(client.get("/"))
    shown = {k: int(v) for k, v in re.findall(r'data-stat="([^"]+)">(\d+)<', page)}
    stats = graph_stats(store)
    assert shown and shown == {k: stats[k] for k in shown}
    assert {"articles", "persons", "states", "events", "assertions"} <= set(shown)
    assert f"{stats['quads']} quads" in page


def test_home_lists_sources_with_titles_dates_and_publishers(client, store):
    page = unescape(html_of(client.get("/")))
    rows = store.query(f"""SELECT DISTINCT ?title ?date WHERE {{ ?a a <{DIP}Article> ;
        <http://purl.org/dc/terms/title> ?title ; <{DIP}publishedDate> ?date }}""")
    articles = [(r["title"].value, r["date"].value) for r in rows]
    assert len(articles) == 5
    for title, date in articles:
        assert title in page and date in page
    assert "IANS" in page
    assert 'href="/id/article/000_d41b808b5fb25158"' in page
    assert "Last built" in page


def test_home_links_dumps_void_sparql_and_queries(client):
    page = html_of(client.get("/"))
    for href in ("/dump.ttl", "/dump.trig", "/dump.nt", "/dump.jsonld", "/.well-known/void", "/sparql",
                 "/query"):
        assert f'href="{href}"' in page
    for q in named_queries().values():
        assert unescape(f"/query?name={q.name}") in unescape(page)


def test_static_assets_are_served(client):
    css = client.get("/assets/relgraph.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
    js = client.get("/assets/query.js")
    assert js.status_code == 200 and "javascript" in js.mimetype
    assert b"innerHTML" not in js.data  # results are inserted as text, never parsed as HTML


# -- query page ------------------------------------------------------------------------------------
def test_query_page_offers_every_canned_query(client):
    page = unescape(html_of(client.get("/query")))
    for q in named_queries().values():
        assert f'<option value="{q.name}"' in page and q.title in page
    assert 'id="query-text"' in page and 'name="query"' in page
    assert "<table" not in page  # nothing ran yet


def test_canned_query_runs_on_the_server(client):
    page = unescape(html_of(client.get("/query?name=people")))
    assert "Every person in the graph" in page  # the description from the header comment
    assert "Foreign Minister" in page and "Sergei Lavrov" in page
    assert 'href="/id/person/sergei-lavrov"' in page  # entity IRIs link to their pages
    assert re.search(r"\d+ rows", page)


def test_permalink_runs_the_query_and_offers_downloads(client):
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/relgraph/ontology#State> } ORDER BY ?s LIMIT 3"
    page = unescape(html_of(client.get("/query", query_string={"query": query})))
    assert "3 rows" in page
    assert 'href="/id/state/' in page
    links = dict(re.findall(r'data-format="(\w+)"[^>]*href="([^"]+)"', page))
    assert set(links) == {"json", "csv", "tsv", "xml"}
    parsed = urlsplit(links["csv"])
    assert parsed.path == "/sparql" and parse_qs(parsed.query) == {"query": [query], "format": ["csv"]}
    csv = client.get(links["csv"])
    assert csv.status_code == 200 and csv.mimetype == "text/csv" and csv.data.count(b"\n") == 4
    permalink = re.search(r'id="permalink" href="([^"]+)"', page).group(1)
    assert parse_qs(urlsplit(permalink).query) == {"query": [query]}


def test_bad_query_shows_the_error_with_its_status(client):
    response = client.get("/query", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert 'role="alert"' in page and "Query failed (400)" in page and "syntax" in page.lower()
    assert "SELECT * WHERE { ?s ?p }" in unescape(page)  # the editor keeps the text to fix it


def test_update_is_refused_on_the_query_page(client):
    response = client.get("/query", query_string={"query": "DROP ALL"})
    assert response.status_code == 400 and "read-only" in response.get_data(as_text=True)


def test_ask_and_construct_results(client):
    ask = html_of(client.get("/query", query_string={"query": "ASK { ?s ?p ?o }"}))
    assert '<p class="boolean">true</p>' in ask
    construct = "CONSTRUCT { ?s a ?c } WHERE { SELECT DISTINCT ?s ?c { ?s a ?c } ORDER BY ?s ?c LIMIT 4 }"
    page = html_of(client.get("/query", query_string={"query": construct}))
    assert "4 triples" in page and "<th scope=\"col\">subject</th>" in page
    assert 'href="http://www.w3.org/1999/02/22-rdf-syntax-ns#type"' in page and ">rdf:type</a>" in page
    formats = re.findall(r'data-format="(\w+)"', page)
    assert formats == ["turtle", "ntriples", "jsonld"]


def test_results_are_escaped(client):
    query = 'SELECT ?x WHERE { BIND("<script>alert(1)</script>" AS ?x) }'
    page = html_of(client.get("/query", query_string={"query": query}))
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_config_for_the_script_is_json_not_html(client):
    page = html_of(client.get("/query"))
    config = re.search(r'<script type="application/json" id="query-config">(.*?)</script>', page, re.S)
    import json

    data = json.loads(config.group(1))
    assert data["sparql"] == "/sparql" and data["entityPrefix"] == "/id/"
    assert data["base"] == "https://w3id.org/relgraph/id/" and data["prefixes"]["person"].endswith("/person/")
    canned = re.search(r'<script type="application/json" id="canned-queries">(.*?)</script>', page, re.S)
    assert set(json.loads(canned.group(1))) == set(named_queries())


# -- timeline --------------------------------------------------------------------------------------
def test_timeline_lists_events_and_agreements_in_date_order(client, store):
    page = unescape(html_of(client.get("/timeline")))
    dates = re.findall(r'<div class="when"><time datetime="([^"]+)"', page)
    assert len(dates) >= 10 and dates == sorted(dates)
    assert "Visit of Sergei Lavrov to Islamabad" in page
    assert "Agreement" in page and "Participants:" in page and "Place:" in page
    assert re.search(r"\d+ reports?", page)
    events = store.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{DIP}Event> }}")
    agreements = store.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{DIP}Agreement> }}")
    total = int(next(iter(events))["n"].value) + int(next(iter(agreements))["n"].value)
    assert page.count('<li class="event">') == total


def test_pages_share_navigation_and_mark_the_current_one(client):
    for path in ("/", "/query", "/timeline"):
        page = html_of(client.get(path))
        assert page.count('aria-current="page"') == 1
        assert '<html lang="en">' in page and '<main id="main"' in page


# -- links that cannot run script ----------------------------------------------------------------
UNSAFE_HREF = re.compile(r"""href\s*=\s*["']?\s*(?:javascript|data|vbscript)\s*:""", re.IGNORECASE)
UNSAFE_IRIS = ["javascript:alert(document.domain)", "JavaScript:alert(1)", "JAVASCRIPT:alert(2)",
               "data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==", "vbscript:msgbox(4)"]


def test_query_results_link_only_http_iris(client):
    binds = " ".join(f"{{ BIND(<{iri}> AS ?x) }} UNION" for iri in UNSAFE_IRIS)
    query = f"SELECT ?x WHERE {{ {binds} {{ BIND(<https://example.org/safe> AS ?x) }} }}"
    raw = html_of(client.get("/query", query_string={"query": query}))
    assert f"{len(UNSAFE_IRIS) + 1} rows" in raw
    assert not UNSAFE_HREF.search(raw) and not UNSAFE_HREF.search(unescape(raw))
    assert 'href="https://example.org/safe"' in raw  # http(s) IRIs stay links
    assert "javascript:alert(document.domain)" in unescape(raw)  # shown as text
    construct = f"CONSTRUCT {{ <{UNSAFE_IRIS[0]}> <{UNSAFE_IRIS[1]}> <{UNSAFE_IRIS[4]}> }} WHERE {{}}"
    raw = html_of(client.get("/query", query_string={"query": construct}))
    assert "1 triple" in raw and not UNSAFE_HREF.search(raw)


@pytest.fixture(scope="module")
def sidecar_app(make_app, tmp_path_factory):
    """A store built (by the real pipeline) from articles whose sidecars carry unsafe URLs."""
    from relgraph.build import build
    from relgraph.settings import Settings

    folder = tmp_path_factory.mktemp("sidecars")
    text = ("Russian Foreign Minister Sergei Lavrov met his Pakistani counterpart Shah Mehmood Qureshi in "
            "Moscow on Tuesday. The two ministers discussed trade and energy cooperation.\n")
    urls = {"evil": "javascript:alert(3)", "spaced": "  JaVaScRiPt:alert(4)", "data": "data:text/html,x",
            "good": "https://example.org/news/1"}
    for name, url in urls.items():
        # Each text names its article: exact copies would be read once (relgraph.syndication).
        (folder / f"{name}.txt").write_text(f"{text}Filed as {name}.\n", encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps(
            {"title": f"Article {name}", "published": "2023-06-13", "publisher": "Test", "url": url}))
    path = tmp_path_factory.mktemp("sidecar-store") / "store"
    build([str(folder)], Settings.load(store=path))
    return make_app(store=path)


def test_sidecar_urls_link_only_when_http(sidecar_app):
    client = sidecar_app.test_client()
    home = html_of(client.get("/"))
    assert home.count("Article ") >= 4 and not UNSAFE_HREF.search(home)
    assert 'href="https://example.org/news/1"' in home
    for name in ("evil", "spaced", "data"):
        page = html_of(client.get(f"/id/article/{name}"))
        assert f"Article {name}" in page
        assert not UNSAFE_HREF.search(page) and not UNSAFE_HREF.search(unescape(page))
        assert "alert" in unescape(page) or "data:text/html" in unescape(page)  # the URL is shown as text
    good = html_of(client.get("/id/article/good"))
    assert 'href="https://example.org/news/1"' in good
