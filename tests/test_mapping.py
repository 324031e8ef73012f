"""Records -> quads: every fact is sourced, offsets point into the article file."""
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from relgraph.articles import iter_articles
from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker
from relgraph.mapping import article_quads
from relgraph.nlp.extract import extract_article
from relgraph.resolve import CorpusIndex

pytestmark = pytest.mark.slow
DIP = "https://w3id.org/relgraph/ontology#"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def mapped():
    [article] = list(iter_articles([ROOT / "data/articles/000_d41b808b5fb25158.txt"]))
    records = extract_article(article)
    iris = IriMaker("https://example.org/id/")
    index = CorpusIndex(default_gazetteer(), iris)
    index.resolve(records)
    store = ox.Store()
    store.extend(article_quads(article, records, iris, index.labels))
    return article, store


def q(store, text):
    return list(store.query(text, use_default_graph_as_union=True))


def test_all_quads_live_in_the_article_graph(mapped):
    article, store = mapped
    assert [g.value for g in store.named_graphs()] == [f"https://example.org/id/graph/{article.id}"]


def test_assertion_offsets_point_at_the_evidence_sentence_in_the_file(mapped):
    article, store = mapped
    rows = q(store, f"""SELECT ?text ?s ?e WHERE {{ ?a a <{DIP}Assertion> ; <{DIP}evidenceText> ?text ;
                        <{DIP}startOffset> ?s ; <{DIP}endOffset> ?e }}""")
    assert rows
    for row in rows:
        start, end = int(row["s"].value), int(row["e"].value)
        assert article.raw_text[start:end] == row["text"].value


def test_every_fact_about_a_person_has_an_assertion(mapped):
    _, store = mapped
    rows = q(store, f"""SELECT ?p ?post WHERE {{ ?p <{DIP}holdsPost> ?post
        FILTER NOT EXISTS {{ ?a <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?p ;
                               <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?post }} }}""")
    assert rows == []


def test_entities_have_one_label_and_links(mapped):
    _, store = mapped
    rows = q(store, """SELECT ?x (COUNT(?l) AS ?n) WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }
                       GROUP BY ?x HAVING (COUNT(?l) > 1)""")
    assert rows == []
    links = {r["o"].value for r in q(store, f"""SELECT ?o WHERE {{ ?s a <{DIP}State> ;
        <http://www.w3.org/2002/07/owl#sameAs> ?o }}""")}
    assert "http://www.wikidata.org/entity/Q159" in links and "http://dbpedia.org/resource/Russia" in links


def test_article_metadata(mapped):
    article, store = mapped
    [row] = q(store, f"""SELECT ?t ?d WHERE {{ ?a a <{DIP}Article> ; <http://purl.org/dc/terms/title> ?t ;
                                              <{DIP}publishedDate> ?d }}""")
    meta = json.loads((ROOT / "data/articles/000_d41b808b5fb25158.meta.json").read_text())
    assert row["t"].value == meta["title"] and row["d"].value == meta["published"]
