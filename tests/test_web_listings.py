"""Canned listings one page at a time over HTTP (/queries/<name>) and on the query page
(/query?name=...&page=N&per_page=K), through the Flask test client against the sample store."""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from relgraph.queries import named_queries

QUERIES = named_queries()


def rows_of(response) -> list[tuple]:
    assert response.status_code == 200, response.data[:300]
    data = json.loads(response.data)
    columns = data["head"]["vars"]
    return [tuple(json.dumps(b.get(c), sort_keys=True) for c in columns) for b in data["results"]["bindings"]]


def links_of(response) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response.headers.get("Link", ""))}


def full_listing(client, name: str) -> list[tuple]:
    return rows_of(client.post("/sparql", data={"query": QUERIES[name].text},
                               headers={"Accept": "application/sparql-results+json"}))


# -- the API -----------------------------------------------------------------------------------
def test_index_lists_every_canned_query_with_its_listing(client):
    data = client.get("/queries").get_json()
    assert {q["name"] for q in data["queries"]} == set(QUERIES)
    people = next(q for q in data["queries"] if q["name"] == "people")
    assert people["href"] == "/queries/people" and people["title"] == QUERIES["people"].title


@pytest.mark.parametrize("name", ["people", "events", "states", "articles"])
def test_following_next_links_walks_the_whole_listing_once(client, name):
    full = full_listing(client, name)
    assert len(full) > 4, "too short a listing to page"
    url, seen, pages = f"/queries/{name}?per_page=4", [], 0
    while url:
        response = client.get(url)
        page = rows_of(response)
        links = links_of(response)
        assert len(page) <= 4
        assert ("prev" in links) == (pages > 0)
        seen += page
        pages += 1
        url = links.get("next")
        if url:
            assert len(page) == 4
            assert parse_qs(urlsplit(url).query) == {"page": [str(pages + 1)], "per_page": ["4"]}
    assert pages == -(-len(full) // 4)
    assert len(seen) == len(full) and Counter(seen) == Counter(full)


def test_first_page_is_the_default_and_formats_follow_the_request(client):
    default = client.get("/queries/people")
    assert rows_of(default) == rows_of(client.get("/queries/people?page=1&per_page=100"))
    response = client.get("/queries/people?per_page=3&format=csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert table[0] == ["person", "name", "role", "state"] and len(table) == 4
    tsv = client.get("/queries/people?per_page=2", headers={"Accept": "text/tab-separated-values"})
    assert tsv.mimetype == "text/tab-separated-values" and tsv.data.count(b"\n") == 3


def test_last_page_has_no_next_link_and_past_the_end_is_empty(client):
    total = len(full_listing(client, "people"))
    last = client.get(f"/queries/people?per_page=5&page={-(-total // 5)}")
    assert len(rows_of(last)) == total - 5 * (-(-total // 5) - 1)
    assert set(links_of(last)) == {"prev"}
    beyond = client.get(f"/queries/people?per_page=5&page={total}")
    assert rows_of(beyond) == [] and "next" not in links_of(beyond)


@pytest.mark.parametrize("query,parameter", [
    ("page=0", "page"), ("page=-2", "page"), ("page=two", "page"), ("page=1e3", "page"),
    ("per_page=0", "per_page"), ("per_page=1001", "per_page"), ("per_page=%20", "per_page"),
    ("page=1&per_page=99999999999", "per_page"),
])
def test_bad_parameters_are_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/queries/people?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["status"] == 400 and f"request parameter {parameter}:" in body["message"]


def test_unknown_listing_is_404_and_graph_formats_are_406(client):
    response = client.get("/queries/no-such-query")
    assert response.status_code == 404 and "no-such-query" in response.get_json()["message"]
    assert client.get("/queries/people?format=turtle").status_code == 406


# -- the query page ----------------------------------------------------------------------------
def page_html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.data[:300]
    return unescape(response.get_data(as_text=True))


def table_rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def test_query_page_shows_the_first_page_and_a_way_to_the_next(client):
    html = page_html(client, "/query?name=people&per_page=3")
    assert len(table_rows(html)) == 3
    assert "3 rows on page 1 (rows 1–3 of the listing)" in html
    nxt = re.search(r'rel="next" href="([^"]+)"', html).group(1)
    assert parse_qs(urlsplit(nxt).query) == {"name": ["people"], "page": ["2"], "per_page": ["3"]}
    assert 'rel="prev"' not in html
    assert "Every person in the graph" in html  # the canned query's description, as before
    second = page_html(client, nxt)
    assert "rows 4–6 of the listing" in second and '<td class="idx">4</td>' in second
    prev = re.search(r'rel="prev" href="([^"]+)"', second).group(1)
    assert parse_qs(urlsplit(prev).query) == {"name": ["people"], "page": ["1"], "per_page": ["3"]}
    permalink = re.search(r'id="permalink" href="([^"]+)"', second).group(1)
    assert parse_qs(urlsplit(permalink).query) == {"name": ["people"], "page": ["2"], "per_page": ["3"]}
    # The downloads still carry the whole listing: the canned text itself, through /sparql.
    download = re.search(r'data-format="csv"[^>]*href="([^"]+)"', second).group(1)
    assert parse_qs(urlsplit(download).query)["query"] == [QUERIES["people"].text]


def test_query_page_pages_cover_the_listing(client):
    total = len(full_listing(client, "states"))
    cells, url, pages = [], "/query?name=states&per_page=4", 0
    while url:
        html = page_html(client, url)
        cells += table_rows(html)
        pages += 1
        found = re.search(r'rel="next" href="([^"]+)"', html)
        url = found.group(1) if found else None
    assert pages == -(-total // 4) and len(cells) == total
    assert len({re.sub(r'<td class="idx">\d+</td>', "", c) for c in cells}) == total  # no row twice


def test_query_page_bad_page_is_a_400_naming_it(client):
    html = page_html(client, "/query?name=people&page=zero", status=400)
    assert "Query failed (400)" in html and "request parameter page:" in html
    html = page_html(client, "/query?name=people&per_page=5000", status=400)
    assert "request parameter per_page:" in html


def test_query_text_is_not_paged(client):
    html = page_html(client, "/query?" + "&".join(["query=" + "SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20a%20%3Fc%20%7D",
                                                 "page=2"]))
    assert 'id="pager"' not in html and re.search(r"\d+ rows", html)
