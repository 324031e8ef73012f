"""Smoke test of the benchmark data generators (bench/): tiny sizes, well-formed output, the
ontology's classes and the mapping's provenance shape. No timing assertions: speed targets live in
`python -m bench`, never in unit tests."""
from __future__ import annotations

import json
import sys

import pyoxigraph as ox
import pytest

from relgraph.settings import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT))  # the bench package lives beside src/, not inside it

from bench import corpus, synth  # noqa: E402

DIP = "https://w3id.org/relgraph/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def ontology_classes() -> set[str]:
    graph = ox.Store()
    graph.load(path=str(REPO_ROOT / "ontology" / "diplomacy.ttl"), format=ox.RdfFormat.TURTLE)
    rows = graph.query("SELECT ?c WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> }")
    return {r["c"].value for r in rows if r["c"].value.startswith(DIP)}


def test_corpus_articles_are_well_formed_and_deterministic(tmp_path):
    info = corpus.generate_corpus(tmp_path / "a", 5, seed=7)
    assert info["articles"] == 5 and info["words"] > 5 * 150
    texts = sorted((tmp_path / "a").glob("*.txt"))
    assert len(texts) == 5
    states = {s.name for s in corpus.load_states()}
    assert len(states) > 100  # the reference list, not the small fallback
    for path in texts:
        text = path.read_text(encoding="utf-8")
        title, blank, body = text.split("\n", 2)
        assert title and blank == "" and len(body.split("\n\n")) >= 5
        assert sum(name in text for name in states) >= 2  # a bilateral story
        meta = json.loads(path.with_name(path.stem + ".meta.json").read_text())
        assert meta["title"] == title and len(meta["published"]) == 10
    # Article i depends only on (seed, i): a larger corpus starts with the smaller one.
    corpus.generate_corpus(tmp_path / "b", 7, seed=7)
    assert [p.name for p in texts] == sorted(p.name for p in (tmp_path / "b").glob("*.txt"))[:5]
    assert texts[0].read_text() == (tmp_path / "b" / texts[0].name).read_text()


def test_corpus_builds_with_relgraph_readers(tmp_path):
    from relgraph.articles import Article, iter_articles

    corpus.generate_corpus(tmp_path, 3, seed=1)
    articles = [a for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert len(articles) == 3 and all(a.published for a in articles)


def test_synthetic_graph_parses_with_ontology_classes_and_provenance(tmp_path):
    path = tmp_path / "synth.nq"
    info = synth.generate(path, 3_000, seed=3)
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == info["quads"] >= 3_000
    assert all(isinstance(q.graph_name, ox.NamedNode) and "/graph/" in q.graph_name.value for q in quads)
    store = ox.Store()
    store.extend(quads)
    used = {r["c"].value for r in store.query(
        "SELECT DISTINCT ?c WHERE { ?s a ?c }", use_default_graph_as_union=True)}
    expected = ontology_classes()
    assert expected - used <= {f"{DIP}Event"} | set()  # every concrete class appears
    assert used & expected >= {f"{DIP}{c}" for c in ("Person", "State", "City", "Post", "Agreement",
                                                        "Article", "Assertion", "Extractor", "Visit")}
    assert not {c for c in used if c.startswith(DIP)} - expected  # no class outside the ontology
    # every assertion carries the mapping's provenance
    missing = store.query(f"""ASK {{ ?a a <{DIP}Assertion> .
        FILTER NOT EXISTS {{ ?a <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o ;
            <{DIP}sourceArticle> ?art ; <{DIP}evidenceText> ?t ; <{DIP}startOffset> ?b ;
            <{DIP}endOffset> ?e ; <{DIP}extractedBy> ?x ; <{DIP}confidence> ?c }} }}""",
                          use_default_graph_as_union=True)
    assert not bool(missing)
    assert info["person"].startswith(synth.BASE + "person/") and info["state"].startswith(synth.BASE + "state/")


def test_synthetic_turtle_is_the_union(tmp_path):
    nq, ttl = tmp_path / "s.nq", tmp_path / "s.ttl"
    synth.generate(nq, 1_000, seed=5)
    written = synth.to_turtle(nq, ttl)
    triples = list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
    assert 0 < len(set(triples)) <= written


@pytest.mark.parametrize("module", ["extraction", "load", "query", "http", "dump", "incremental"])
def test_benchmark_modules_import(module):
    import importlib

    assert callable(importlib.import_module(f"bench.{module}").run)


def test_a_synthetic_base_store_is_resolved_against_like_a_built_one(tmp_path):
    """bench.incremental's synthetic store holds the union graph and the keys a build stores: a new
    personless meeting of a stored meeting's states in its month finds it by key, and a person's
    name, or another form of it, finds the stored person."""
    from bench.incremental import copy_store, synthetic_store
    from relgraph.gazetteer import default_gazetteer
    from relgraph.iris import IriMaker
    from relgraph.records import ArticleRecords, Evidence, FactRecord
    from relgraph.resolve import CorpusIndex
    from relgraph.store import open_store

    store = open_store(copy_store(synthetic_store(tmp_path, 40, part=15)))
    assert not store._needs_union()
    row = next(iter(store.query(f"""SELECT ?f ?x ?d ?name WHERE {{ ?f a <{DIP}Meeting> ; <{DIP}participant> ?x ;
        <{DIP}date> ?d . ?x a <{DIP}State> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }}
        ORDER BY ?f LIMIT 1""")))
    person = next(iter(store.query(f"""SELECT ?p ?name WHERE {{ ?p a <{DIP}Person> ;
        <http://www.w3.org/2000/01/rdf-schema#label> ?name }} ORDER BY ?p LIMIT 1""")))
    records = ArticleRecords("new")
    state = records.entity("state", row["name"].value)
    records.entity("person", person["name"].value)
    # The same person with a middle initial is found through the role keys (the store says it files
    # persons by role, as a store made by a build does).
    given, *rest = person["name"].value.split()
    records.entity("person", " ".join([given, "Q.", *rest]))
    records.facts.append(FactRecord("event", "Meeting", type="Meeting", participants=[state],
                                    date=row["d"].value[:7], evidence=[Evidence("s", 0, 1, "t", 0.5)]))
    index = CorpusIndex.from_store(store, default_gazetteer(), IriMaker(synth.BASE), set())
    index.resolve(records)
    assert index.iris.entity(state) == row["x"].value
    assert row["f"].value in {f.iri for f in index.facts}
    assert index.iris.person_iris[person["name"].value] == person["p"].value
    assert index.roles
    assert index.iris.person_iris[" ".join([given, "Q.", *rest])] == person["p"].value
