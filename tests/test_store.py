"""The embedded store: atomic replacement of article graphs, dumps, errors."""
import io

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from relgraph.errors import StoreError
from relgraph.store import open_store

G1, G2 = "http://example.org/graph/1", "http://example.org/graph/2"


def quad(s: str, o: str, g: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"http://example.org/{s}"), ox.NamedNode("http://example.org/p"),
                   ox.Literal(o), ox.NamedNode(g))


def test_store_is_created_and_persists(tmp_path):
    path = tmp_path / "store"
    store = open_store(path)
    store.replace_graphs([], [quad("a", "1", G1)])
    store.close()
    del store
    again = open_store(path, read_only=True)
    assert len(again) == 1 and again.named_graphs() == [G1]
    again.close()                      # closing a read-only store is no error (nothing to flush)


def test_replace_graphs_swaps_one_graph_and_keeps_others(tmp_path):
    store = open_store(tmp_path / "s")
    store.replace_graphs([], [quad("a", "old", G1), quad("b", "keep", G2)])
    store.replace_graphs([G1], [quad("a", "new", G1)])
    values = sorted(r["o"].value for r in store.query("SELECT ?o WHERE { ?s ?p ?o }"))
    assert values == ["keep", "new"]


def test_failed_write_changes_nothing(tmp_path):
    store = open_store(tmp_path / "s")
    store.replace_graphs([], [quad("a", "1", G1), quad("b", "2", G2)])
    with pytest.raises(StoreError):
        # The second graph name is not an IRI: the whole update is refused, the DROP of G1 included.
        store.replace_graphs([G1, "not an iri>"], [quad("c", "3", G1)])
    assert len(store) == 2
    assert {r["o"].value for r in store.query("SELECT ?o WHERE { ?s ?p ?o }")} == {"1", "2"}


def test_literals_with_quotes_and_newlines_round_trip(tmp_path):
    store = open_store(tmp_path / "s")
    text = 'He said "yes"\nthen \\ left'
    store.replace_graphs([], [quad("a", text, G1)])
    assert next(iter(store.query("SELECT ?o WHERE { ?s ?p ?o }")))["o"].value == text


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="relgraph build"):
        open_store(tmp_path / "missing", read_only=True)


@pytest.mark.parametrize("fmt,parser", [("trig", "trig"), ("nquads", "nquads")])
def test_quad_dumps_keep_graph_names(tmp_path, fmt, parser):
    store = open_store(tmp_path / "s")
    store.replace_graphs([], [quad("a", "1", G1), quad("b", "2", G2)])
    out = io.BytesIO()
    store.dump(out, fmt)
    ds = Dataset()
    ds.parse(data=out.getvalue(), format=parser)
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {G1, G2}


def test_turtle_dump_is_the_union_once_per_triple(tmp_path):
    store = open_store(tmp_path / "s")
    store.replace_graphs([], [quad("a", "1", G1), quad("a", "1", G2)])
    out = io.BytesIO()
    store.dump(out, "turtle")
    from rdflib import Graph

    g = Graph().parse(data=out.getvalue(), format="turtle")
    assert len(g) == 1


def test_default_graph_is_the_union_once_per_triple(tmp_path):
    store = open_store(tmp_path / "s")
    store.replace_graphs([], [quad("a", "shared", G1), quad("a", "shared", G2), quad("b", "only1", G1)])
    rows = [(r["s"].value, r["o"].value) for r in store.query("SELECT ?s ?o WHERE { ?s ?p ?o }")]
    assert sorted(rows) == [("http://example.org/a", "shared"), ("http://example.org/b", "only1")]
    assert store.triples() == 2 and len(store) == 3  # two triples, three article quads
    graphs = {r["g"].value for r in store.query(
        "SELECT ?g WHERE { GRAPH ?g { <http://example.org/a> ?p ?o } }")}
    assert graphs == {G1, G2}  # who said it stays visible


def test_replacing_a_graph_keeps_what_another_graph_still_states(tmp_path):
    store = open_store(tmp_path / "s")
    store.replace_graphs([], [quad("a", "shared", G1), quad("a", "shared", G2), quad("b", "only1", G1)])
    store.replace_graphs([G1], [quad("c", "new1", G1)])
    values = sorted(r["o"].value for r in store.query("SELECT ?o WHERE { ?s ?p ?o }"))
    assert values == ["new1", "shared"]  # 'only1' went with its graph, 'shared' stays for G2
    store.replace_graphs([G2], [])
    values = sorted(r["o"].value for r in store.query("SELECT ?o WHERE { ?s ?p ?o }"))
    assert values == ["new1"]


def test_a_store_without_the_union_graph_is_upgraded_or_refused(tmp_path):
    path = tmp_path / "old"
    raw = ox.Store(str(path))  # the layout of earlier versions: article graphs only
    raw.add(quad("a", "1", G1))
    raw.flush()
    del raw
    with pytest.raises(StoreError, match="older relgraph"):
        open_store(path, read_only=True)
    store = open_store(path)  # opening it for writing fills the union graph
    assert [r["o"].value for r in store.query("SELECT ?o WHERE { ?s ?p ?o }")] == ["1"]
    store.close()
    del store
    assert len(open_store(path, read_only=True)) == 1


def test_first_write_goes_in_whole_and_leaves_no_marker(tmp_path):
    from relgraph.store import BULK_MARKER

    path = tmp_path / "s"
    store = open_store(path)
    store.replace_graphs([], [quad(f"s{i}", str(i), G1 if i % 2 else G2) for i in range(1000)])
    assert not (path / BULK_MARKER).exists()
    # Later writes (the store is no longer empty) are transactions; both kinds keep the union.
    store.replace_graphs([], [quad("late", "x", "http://example.org/graph/3")])
    assert len(store) == 1001 and store.triples() == 1001
    del store
    assert len(open_store(path, read_only=True)) == 1001


def test_killed_first_write_is_never_served_and_is_emptied_on_the_next_open(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from relgraph.store import BULK_MARKER

    path = tmp_path / "s"
    child = f"""
import pyoxigraph as ox
from relgraph.store import open_store
store = open_store({str(path)!r})
p, g = ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/graph/1")
store.replace_graphs([], [ox.Quad(ox.NamedNode(f"http://example.org/s{{i}}"), p, ox.Literal(str(i)), g)
                          for i in range(1_000_000)])
"""
    src = Path(__file__).resolve().parents[1] / "src"
    proc = subprocess.Popen([sys.executable, "-c", child], env={**os.environ, "PYTHONPATH": str(src)})
    try:
        deadline = time.monotonic() + 60
        while not (path / BULK_MARKER).exists():
            assert proc.poll() is None and time.monotonic() < deadline, "the first write never began"
            time.sleep(0.05)
        time.sleep(0.5)  # the bulk loader is writing
        assert proc.poll() is None, "the write finished before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    with pytest.raises(StoreError, match="interrupted first build"):
        open_store(path, read_only=True)
    store = open_store(path)
    assert len(store) == 0 and store.triples() == 0 and not (path / BULK_MARKER).exists()
    del store
    assert len(open_store(path, read_only=True)) == 0
