"""The remote store, for real: Virtuoso Open Source (Debian's virtuoso-opensource) started on
127.0.0.1 with a scratch database and its own virtuoso.ini, the sample articles built into it
with `relgraph build --store sparql+http://...`, and queried, rebuilt and exported through it."""
from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from relgraph.build import build
from relgraph.cli import cli
from relgraph.errors import QueryError
from relgraph.settings import REPO_ROOT, Settings
from relgraph.store import open_store

from conftest import ARTICLES, free_port

sys.path.insert(0, str(REPO_ROOT))  # the bench package lives beside src/, not inside it

from bench.virtuoso import VirtuosoMissing, running_virtuoso  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ["people", "states", "organizations", "agreements", "projects", "events"]
MAX_ROWS = 5000  # Virtuoso's ResultSetMaxRows here: small enough to test that a cut result is noticed


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A private Virtuoso on 127.0.0.1 (bench/virtuoso.py); yields its SPARQL endpoint URL (http://...)."""
    try:
        with running_virtuoso(tmp_path_factory.mktemp("virtuoso"), max_rows=MAX_ROWS) as server:
            yield server.url
    except VirtuosoMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def remote(virtuoso):
    """The sample articles built into Virtuoso through the CLI; yields the store spec."""
    spec = "sparql+" + virtuoso
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", spec])
    assert result.exit_code == 0, result.output
    assert "5 article(s) extracted" in result.output
    return spec


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def nquads(store: str | Path) -> set[str]:
    return set(run("export", "--store", str(store), "--format", "nquads").splitlines())


@pytest.mark.parametrize("name", CONTRACT)
def test_contract_queries_give_the_same_rows_as_the_embedded_store(remote, store_dir, name):
    query = str(ROOT / "queries" / f"{name}.rq")
    here = json.loads(run("query", query, "--store", remote, "--format", "json"))
    there = json.loads(run("query", query, "--store", str(store_dir), "--format", "json"))
    assert here["head"]["vars"] == there["head"]["vars"]
    assert here["results"]["bindings"], f"{name}: no rows"
    key = lambda row: json.dumps(row, sort_keys=True)  # noqa: E731
    assert sorted(map(key, here["results"]["bindings"])) == sorted(map(key, there["results"]["bindings"]))
    if name == "people":  # ORDER BY ?name ?role: same order too
        assert [r["name"]["value"] for r in here["results"]["bindings"]] == \
            [r["name"]["value"] for r in there["results"]["bindings"]]


def test_export_and_stats_match_the_embedded_store(remote, store_dir):
    assert nquads(remote) == nquads(store_dir)
    assert run("stats", "--store", remote) == run("stats", "--store", str(store_dir))
    graph = open_store(remote).named_graphs()[0]
    trig = run("export", "--store", remote, "--format", "trig", "--graph", graph)
    from rdflib import Graph

    assert len(Graph().parse(data=trig, format="trig")) == \
        sum(1 for line in nquads(store_dir) if line.endswith(f"<{graph}> ."))


def test_rebuild_is_idempotent_and_forced_rebuild_identical(remote):
    before = nquads(remote)
    again = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", remote])
    assert again.exit_code == 0 and "0 article(s) extracted, 5 unchanged" in again.output
    assert nquads(remote) == before
    forced = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", remote, "--force"])
    assert forced.exit_code == 0 and "5 article(s) extracted" in forced.output
    assert nquads(remote) == before


def test_a_build_is_one_update_request(remote):
    store = open_store(remote)
    graphs = store.named_graphs()
    quads = store.graph_quads(graphs[0]) + store.graph_quads(graphs[1])
    sent = store.requests
    store.replace_graphs(graphs[:2], quads)
    assert store.requests == sent + 1


def test_updates_too_big_for_one_request_are_staged_and_swapped_in(remote):
    before = nquads(remote)
    staged = remote + "?max_request_mb=0.05"
    report = build([ARTICLES], Settings.load(store=staged), force=True)
    assert report.ok and report.extracted == 5
    assert nquads(remote) == before
    leftovers = open_store(remote).query("""SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o }
        FILTER(CONTAINS(STR(?g), "relgraph-staging")) }""")
    assert list(leftovers) == []


def test_incremental_build_joins_known_facts(virtuoso, tmp_path):
    """A second dataset under another base IRI in the same server: build two articles, add one."""
    base = "https://example.org/incremental/"
    src = tmp_path / "in"
    src.mkdir()
    for stem in ("000_d41b808b5fb25158", "003_d76d9ba795c697e9"):
        for p in ARTICLES.glob(stem + ".*"):
            shutil.copy(p, src / p.name)
    settings = Settings.load(store="sparql+" + virtuoso, base_iri=base)
    assert build([src], settings).extracted == 2
    for p in ARTICLES.glob("004_8600423198ba3a01.*"):
        shutil.copy(p, src / p.name)
    second = build([src], settings)
    assert (second.extracted, second.unchanged) == (1, 2)
    rows = open_store(settings.store, base_iri=base).query(f"""PREFIX dip: <https://w3id.org/relgraph/ontology#>
        SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?e a dip:PressConference ; dip:mentionedIn ?a
        FILTER(STRSTARTS(STR(?e), "{base}")) }} GROUP BY ?e""")
    assert [int(r["n"].value) for r in rows] == [2]
    assert len(open_store(settings.store, base_iri=base).named_graphs()) == 3


def test_digest_authenticated_endpoint(virtuoso):
    """Virtuoso's /sparql-auth asks for HTTP Digest; credentials come from the spec."""
    spec = "sparql+" + virtuoso.replace("http://", "http://dba:dba@") + "-auth"
    store = open_store(spec, base_iri="https://example.org/auth/")
    store.replace_graphs([], [])
    import pyoxigraph as ox

    g = "https://example.org/auth/graph/x"
    store.replace_graphs([g], [ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
                                       ox.Literal('quote " and\nnewline'), ox.NamedNode(g))])
    assert store.named_graphs() == [g]
    assert [t.object.value for t in store.graph_quads(g)] == ['quote " and\nnewline']


def test_a_cut_result_is_an_error_not_silent(remote):
    with pytest.raises(QueryError, match="ResultSetMaxRows"):
        list(open_store(remote).query("SELECT * WHERE { ?s ?p ?o }"))


def test_unreachable_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["query", "people", "--store", f"sparql+http://127.0.0.1:{free_port()}/sparql"])
    assert result.exit_code != 0 and "cannot reach" in result.output


def test_query_errors_from_the_server_are_reported(remote):
    result = CliRunner().invoke(cli, ["query", "SELECT ?x WHERE { ?x <http://a> }", "--store", remote])
    assert result.exit_code != 0
    assert "error" in result.output.lower()


def test_dump_to_a_file_object(remote):
    out = io.BytesIO()
    open_store(remote).dump(out, "turtle")
    assert b"dip:Person" in out.getvalue() or b"ontology#Person" in out.getvalue()


def test_a_write_over_virtuosos_10_mb_update_limit_goes_in_with_the_defaults(virtuoso):
    """Virtuoso refuses an update text above 10 MB ("string session is longer than 10Mb"): the
    default max_request_mb (8) stages such a write in smaller requests."""
    import pyoxigraph as ox

    base = "https://example.org/big/"
    store = open_store("sparql+" + virtuoso, base_iri=base)
    g = base + "graph/big"
    filler = "x" * 6000
    quads = [ox.Quad(ox.NamedNode(f"{base}s{i}"), ox.NamedNode(f"{base}p"), ox.Literal(f"{i} {filler}"),
                     ox.NamedNode(g)) for i in range(2000)]   # about 12 MB of update text
    sent = store.requests
    try:
        store.replace_graphs([g], quads)
        assert store.requests - sent > 2    # staged, then swapped in
        assert len(store) == 2000
        assert {q.object.value for q in store.graph_quads(g)} == {q.object.value for q in quads}
    finally:
        store.replace_graphs([g], [])
