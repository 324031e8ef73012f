"""A chunk's quads held as N-Quads text, and the embedded store loading them."""
from __future__ import annotations

import pyoxigraph as ox

from relgraph.chunk_quads import ChunkQuads
from relgraph.store import open_store

EX = "http://example.org/"


def _quads(graph: str, n: int, label: str = "Minister of Foreign Affairs") -> list[ox.Quad]:
    g = ox.NamedNode(EX + graph)
    return [ox.Quad(ox.NamedNode(f"{EX}person/{i}"), ox.NamedNode(EX + "role"),
                    ox.Literal(f"{label} é {i}", language="en"), g) for i in range(n)]


def _sorted(quads) -> list[str]:
    return sorted(str(q) for q in quads)


def test_chunk_gives_back_its_named_quads_and_drops_default_graph_ones():
    chunk = ChunkQuads()
    a, b = _quads("g/a", 3), _quads("g/b", 2)
    stray = ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("x"))
    chunk.add(a + [stray])
    chunk.add([])
    chunk.add(b)
    assert len(chunk) == 5
    assert _sorted(chunk) == _sorted(a + b)
    assert chunk.nbytes > 0


def test_union_reader_streams_named_quads_then_their_triples_in_small_reads():
    chunk = ChunkQuads()
    chunk.add(_quads("g/a", 4))
    chunk.add(_quads("g/b", 4))
    reader = chunk.with_union()
    pieces = []
    while piece := reader.read(7):       # reads that cut lines and parts in the middle
        pieces.append(piece)
    parsed = list(ox.parse(b"".join(pieces), format=ox.RdfFormat.N_QUADS))
    named = [q for q in parsed if not isinstance(q.graph_name, ox.DefaultGraph)]
    union = [q for q in parsed if isinstance(q.graph_name, ox.DefaultGraph)]
    assert _sorted(named) == _sorted(_quads("g/a", 4) + _quads("g/b", 4))
    assert sorted(str(q.triple) for q in union) == sorted(str(q.triple) for q in named)


def _store_state(store) -> list[str]:
    return _sorted(store.ox)


def test_store_loads_a_chunk_as_it_extends_with_quad_objects(tmp_path):
    first, second = _quads("g/a", 5), _quads("g/b", 3, "Ambassador")
    with_objects = open_store(tmp_path / "objects")
    with_text = open_store(tmp_path / "text")
    for quads in (first, second):           # an empty store (bulk loader), then a transaction
        with_objects.replace_graphs([], quads)
        chunk = ChunkQuads()
        chunk.add(quads)
        with_text.replace_graphs([], chunk)
    assert _store_state(with_text) == _store_state(with_objects)
    assert len(with_text) == 8
    assert with_text.triples() == 8        # the union default graph holds every statement once


def test_store_replaces_a_graph_from_a_chunk(tmp_path):
    store = open_store(tmp_path / "store")
    store.replace_graphs([], _quads("g/a", 4) + _quads("g/b", 2))
    chunk = ChunkQuads()
    chunk.add(_quads("g/a", 1, "Deputy Minister"))
    store.replace_graphs([EX + "g/a"], chunk)
    rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{EX}g/a> {{ ?s ?p ?o }} }}")
    assert [r["o"].value for r in rows] == ["Deputy Minister é 0"]
    assert len(store) == 3
    union = {r["o"].value for r in store.query("SELECT ?o WHERE { ?s ?p ?o }")}
    assert "Minister of Foreign Affairs é 3" not in union and "Deputy Minister é 0" in union
