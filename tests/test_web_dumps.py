"""Dumps: every format, per-article graphs, gzip, conditional requests, rapper as independent parser."""
from __future__ import annotations

import gzip
import re
import shutil
import subprocess

import pyoxigraph as ox
import pytest
import requests

FORMATS = {"ttl": ("text/turtle", ox.RdfFormat.TURTLE), "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
           "rdf": ("application/rdf+xml", ox.RdfFormat.RDF_XML), "trig": ("application/trig", ox.RdfFormat.TRIG),
           "nq": ("application/n-quads", ox.RdfFormat.N_QUADS), "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD)}
QUAD_FORMATS = {"trig", "nq", "jsonld"}
RAPPER_NAMES = {"ttl": "turtle", "nt": "ntriples", "rdf": "rdfxml", "trig": "trig", "nq": "nquads"}


@pytest.fixture(scope="module")
def store(store_dir):
    return ox.Store.read_only(str(store_dir))


def graph_names(store) -> list[str]:
    return sorted(g.value for g in store.named_graphs())


def store_quads(store, graph: str | None = None) -> set:
    """The article graphs' quads (the default graph is their union and is not dumped as quads)."""
    pattern_graph = ox.NamedNode(graph) if graph else None
    return {q for q in store.quads_for_pattern(None, None, None, pattern_graph)
            if not isinstance(q.graph_name, ox.DefaultGraph)}


@pytest.mark.parametrize("ext", list(FORMATS))
def test_whole_dump_in_every_format(client, store, ext):
    media, rdf_format = FORMATS[ext]
    response = client.get(f"/dump.{ext}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == f"{media}; charset=utf-8"
    assert response.headers["Content-Disposition"] == f"attachment; filename=relgraph.{ext}"
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    parsed = set(ox.parse(response.get_data(), rdf_format))
    expected = store_quads(store)
    if ext in QUAD_FORMATS:
        assert parsed == expected  # graph names kept
    else:
        assert {q.triple for q in parsed} == {q.triple for q in expected}


def test_one_article_graph_by_iri_and_by_id(client, store):
    graph = graph_names(store)[0]
    article_id = graph.rsplit("/", 1)[1]
    by_iri = client.get("/dump.trig", query_string={"graph": graph})
    by_id = client.get(f"/graph/{article_id}.trig")
    assert by_iri.status_code == by_id.status_code == 200
    assert by_iri.get_data() == by_id.get_data()
    assert set(ox.parse(by_id.get_data(), ox.RdfFormat.TRIG)) == store_quads(store, graph)
    assert by_id.headers["Content-Disposition"] == f"attachment; filename=relgraph-{article_id}.trig"
    as_turtle = client.get(f"/graph/{article_id}.ttl")
    assert {q.triple for q in ox.parse(as_turtle.get_data(), ox.RdfFormat.TURTLE)} == {
        q.triple for q in store_quads(store, graph)}
    assert as_turtle.headers["ETag"] != client.get("/dump.ttl").headers["ETag"]


def test_unknown_graph_and_unknown_format(client):
    assert client.get("/graph/no-such-article.ttl").status_code == 404
    response = client.get("/dump.ttl", query_string={"graph": "https://example.org/nothing"})
    assert response.status_code == 404 and "no named graph" in response.get_json()["message"]
    unknown = client.get("/dump.xlsx")
    assert unknown.status_code == 404 and ".ttl" in unknown.get_json()["message"]
    assert client.get("/dump", headers={"Accept": "image/png"}).status_code == 406
    assert client.post("/dump.ttl").status_code == 405


def test_dump_by_accept(client):
    response = client.get("/dump", headers={"Accept": "application/n-triples"})
    assert response.headers["Content-Type"] == "application/n-triples; charset=utf-8"
    assert response.get_data() == client.get("/dump.nt").get_data()


def test_gzip_when_accepted(client):
    plain = client.get("/dump.nq")
    zipped = client.get("/dump.nq", headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert zipped.headers["ETag"] != plain.headers["ETag"]
    assert len(zipped.get_data()) < len(plain.get_data())
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert "Content-Encoding" not in plain.headers


def test_conditional_requests_get_304(client):
    first = client.get("/dump.ttl")
    etag = first.headers["ETag"]
    again = client.get("/dump.ttl", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    since = client.get("/dump.ttl", headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    stale = client.get("/dump.ttl", headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200


def test_each_dump_is_written_once_and_streamed_from_disk(app, client):
    from relgraph.web.dumps import DUMP_FORMATS, cache_dir, dump_file

    web = app.extensions["relgraph"]
    client.get("/dump.nt")
    path = dump_file(web, DUMP_FORMATS["nt"], None)
    assert path.parent == cache_dir(web) and path.name.startswith(web.version)
    written = path.stat().st_mtime_ns
    response = client.get("/dump.nt")
    assert response.is_streamed  # a file wrapper, not a body built in memory
    assert response.get_data() == path.read_bytes()
    assert path.stat().st_mtime_ns == written


def test_dumps_of_an_old_store_version_are_removed(app, client):
    from relgraph.web.dumps import cache_dir

    stale = cache_dir(app.extensions["relgraph"]) / "0000000000000000-all.ttl"
    stale.write_text("old")
    fresh = client.get("/dump.ttl", headers={"Accept-Encoding": "gzip"})
    assert fresh.status_code == 200
    assert not stale.exists()


@pytest.mark.parametrize("ext", list(RAPPER_NAMES))
def test_rapper_parses_the_dumps_from_a_live_server(live_server, tmp_path, store, ext):
    if shutil.which("rapper") is None:
        pytest.skip("rapper not installed (Debian package raptor2-utils; scripts/setup.sh installs it)")
    response = requests.get(f"{live_server}/dump.{ext}", headers={"Accept-Encoding": "gzip"}, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    path = tmp_path / f"dump.{ext}"
    path.write_bytes(response.content)  # requests has already decoded the gzip body
    result = subprocess.run(["rapper", "-c", "-i", RAPPER_NAMES[ext], str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    counted = int(re.search(r"returned (\d+) (?:triples|statements)", result.stderr).group(1))
    expected = len(store_quads(store)) if ext in {"trig", "nq"} else len({q.triple for q in store_quads(store)})
    if ext in {"trig", "nq"}:
        assert counted == expected
    else:  # the union may repeat a triple found in two articles' graphs
        assert expected <= counted <= len(store_quads(store))
    conditional = requests.get(f"{live_server}/dump.{ext}", timeout=30,
                               headers={"If-None-Match": response.headers["ETag"], "Accept-Encoding": "gzip"})
    assert conditional.status_code == 304
