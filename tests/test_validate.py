"""SHACL validation: a graph in the DESIGN.md shape conforms; malformed ones name their focus node."""
from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from relgraph.errors import InputError
from relgraph.namespaces import DIP, PREFIXES
from relgraph.validate import ValidationReport, load_nquads_union, validate_graph, validate_nquads

RES = rdflib.Namespace(PREFIXES["res"])

# Two articles' named graphs, shaped as docs/DESIGN.md describes. Some entities get their type in one
# graph and their label in the other: validation must work on the union.
GOOD_TRIG = """
@prefix dip: <https://w3id.org/relgraph/ontology#> .
@prefix res: <https://w3id.org/relgraph/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .

res:graph\\/a1 {
  res:person\\/sergey-lavrov a dip:Person ; rdfs:label "Sergey Lavrov" ; skos:altLabel "Lavrov" ;
      dip:holdsPost res:post\\/foreign-minister-of-russia ; dip:servesState res:state\\/russia ;
      owl:sameAs <http://www.wikidata.org/entity/Q156599> ; dip:mentionedIn res:article\\/a1 .
  res:post\\/foreign-minister-of-russia a dip:Post ; rdfs:label "Foreign Minister of Russia" ;
      dip:roleName "Foreign Minister" ; dip:postOfState res:state\\/russia .
  res:state\\/russia a dip:State ; rdfs:label "Russia" ;
      owl:sameAs <http://www.wikidata.org/entity/Q159> , <http://dbpedia.org/resource/Russia> .
  res:city\\/moscow a dip:City ; rdfs:label "Moscow" ; dip:locatedInState res:state\\/russia ;
      owl:sameAs <https://sws.geonames.org/524901/> .
  res:event\\/lavrov-visit-beijing a dip:Visit ; rdfs:label "Lavrov's visit to Beijing" ;
      dip:participant res:person\\/sergey-lavrov , res:state\\/china ;
      dip:place res:city\\/beijing ; dip:date "2024-04-08"^^xsd:date .
  res:agreement\\/ru-cn-energy a dip:Agreement ; rdfs:label "Russia-China energy agreement" ;
      dip:party res:state\\/russia , res:state\\/china , res:organization\\/gazprom ;
      dip:date "2024-04"^^xsd:gYearMonth .
  res:article\\/a1 a dip:Article ; dcterms:identifier "a1" ; dcterms:title "Lavrov visits Beijing" ;
      dcterms:publisher "Example News" ; dip:publishedDate "2024-04-09"^^xsd:date ;
      schema:url <https://news.example.org/a1> ;
      dip:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" .
  res:assertion\\/0123456789abcdef a dip:Assertion ;
      rdf:subject res:person\\/sergey-lavrov ; rdf:predicate dip:holdsPost ;
      rdf:object res:post\\/foreign-minister-of-russia ;
      dip:sourceArticle res:article\\/a1 ;
      dip:evidenceText "Russian Foreign Minister Sergey Lavrov arrived in Beijing." ;
      dip:startOffset "0"^^xsd:nonNegativeInteger ; dip:endOffset "58"^^xsd:nonNegativeInteger ;
      dip:confidence 0.85 ; dip:extractedBy res:agent\\/relgraph-extractor-0.1.0 .
  res:agent\\/relgraph-extractor-0.1.0 a dip:Extractor ; rdfs:label "relgraph extractor 0.1.0" .
}

res:graph\\/a2 {
  res:state\\/china a dip:State ; rdfs:label "China" .
  res:city\\/beijing a dip:City ; rdfs:label "Beijing" ; dip:locatedInState res:state\\/china .
  res:organization\\/gazprom a dip:Organization ; rdfs:label "Gazprom" ; dip:basedInState res:state\\/russia .
  res:project\\/power-of-siberia-2 a dip:Project ; rdfs:label "Power of Siberia 2" ;
      dip:participant res:organization\\/gazprom , res:state\\/china ;
      dip:projectLocation res:state\\/russia , res:city\\/beijing .
  res:event\\/joint-statement a dip:Statement ; rdfs:label "Joint statement" ;
      dip:participant res:state\\/russia ; dip:date "2024"^^xsd:gYear ; dip:place res:state\\/china .
  res:person\\/sergey-lavrov dip:mentionedIn res:article\\/a2 .
  res:article\\/a2 a dip:Article ; dcterms:identifier "a2" .
  res:assertion\\/fedcba9876543210 a dip:Assertion ;
      rdf:subject res:city\\/beijing ; rdf:predicate rdfs:label ; rdf:object "Beijing" ;
      dip:sourceArticle res:article\\/a2 ; dip:evidenceText "Beijing is the capital." ;
      dip:startOffset 3 ; dip:endOffset 26 ;
      dip:confidence 1.0 ; dip:extractedBy res:agent\\/relgraph-extractor-0.1.0 .
}
"""

PERSON = RES["person/sergey-lavrov"]
POST = RES["post/foreign-minister-of-russia"]
RUSSIA = RES["state/russia"]
VISIT = RES["event/lavrov-visit-beijing"]
ASSERTION = RES["assertion/0123456789abcdef"]
AGREEMENT = RES["agreement/ru-cn-energy"]
ARTICLE = RES["article/a1"]


@pytest.fixture(scope="module")
def good_dataset() -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(data=GOOD_TRIG, format="trig")
    assert len(list(dataset.graphs())) >= 3  # default graph + the two article graphs
    return dataset


@pytest.fixture()
def good(good_dataset) -> rdflib.Graph:
    """A fresh union graph for each test, so tests can break it freely."""
    union = rdflib.Graph()
    for s, p, o, _ in good_dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def assert_fails_on(report: ValidationReport, focus: URIRef, path: URIRef | None = None) -> None:
    assert not report.conforms, report.text
    hits = report.for_focus(focus)
    if path is not None:
        hits = [v for v in hits if v.path == str(path)]
    assert hits, f"no violation on {focus} {path or ''}:\n{report.text}"
    assert all(v.severity == "Violation" for v in hits)


def test_well_formed_graph_conforms(good):
    report = validate_graph(good)
    assert report.conforms, report.text
    assert report.violations == []


def test_well_formed_graph_conforms_with_rdfs_inference(good):
    report = validate_graph(good, inference="rdfs")
    assert report.conforms, report.text


def test_nquads_union_of_named_graphs_conforms(good_dataset, tmp_path):
    data = good_dataset.serialize(format="nquads", encoding="utf-8")
    assert validate_nquads(data).conforms
    path = tmp_path / "graph.nq"
    path.write_bytes(data)
    report = validate_nquads(path)
    assert report.conforms, report.text
    assert len(load_nquads_union(path)) == len(load_nquads_union(data))


def test_nquads_union_catches_errors(good_dataset):
    # a second graph gives the post a second state: only visible on the union
    good_dataset.graph(RES["graph/a3"]).add((POST, DIP.postOfState, RES["state/china"]))
    try:
        report = validate_nquads(good_dataset.serialize(format="nquads", encoding="utf-8"))
        assert_fails_on(report, POST, DIP.postOfState)
    finally:
        good_dataset.remove_graph(RES["graph/a3"])


def test_unreadable_nquads_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_text("<urn:a> <urn:b> this is not n-quads .\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.nq"):
        validate_nquads(bad)


def test_subclass_instances_are_events_through_the_ontology(good):
    # With the ontology mixed in, a dip:Visit satisfies sh:class dip:Event / sh:targetClass dip:Event ...
    good.remove((VISIT, DIP.participant, None))
    assert_fails_on(validate_graph(good), VISIT, DIP.participant)


def test_without_the_ontology_a_visit_is_not_an_event(good):
    # ... and it is the ontology's rdfs:subClassOf that makes it so.
    report = validate_graph(good, ont=rdflib.Graph())
    assert_fails_on(report, VISIT)
    assert any("dip:Event" in v.message for v in report.for_focus(VISIT))


def test_post_without_role_name(good):
    good.remove((POST, DIP.roleName, None))
    assert_fails_on(validate_graph(good), POST, DIP.roleName)


def test_event_with_literal_place(good):
    good.remove((VISIT, DIP.place, None))
    good.add((VISIT, DIP.place, Literal("Beijing")))
    assert_fails_on(validate_graph(good), VISIT, DIP.place)


def test_event_placed_at_a_person(good):
    good.set((VISIT, DIP.place, PERSON))
    assert_fails_on(validate_graph(good), VISIT, DIP.place)


def test_event_with_two_places(good):
    good.add((VISIT, DIP.place, RUSSIA))
    assert_fails_on(validate_graph(good), VISIT, DIP.place)


def test_assertion_start_after_end(good):
    good.set((ASSERTION, DIP.startOffset, Literal(120, datatype=XSD.nonNegativeInteger)))
    good.set((ASSERTION, DIP.endOffset, Literal(10, datatype=XSD.nonNegativeInteger)))
    report = validate_graph(good)
    assert_fails_on(report, ASSERTION, DIP.startOffset)


def test_assertion_negative_offset(good):
    good.set((ASSERTION, DIP.startOffset, Literal(-1)))
    assert_fails_on(validate_graph(good), ASSERTION, DIP.startOffset)


def test_confidence_above_one(good):
    good.set((ASSERTION, DIP.confidence, Literal(Decimal("1.7"))))
    report = validate_graph(good)
    assert_fails_on(report, ASSERTION, DIP.confidence)
    assert any("1.7" in v.message for v in report.for_focus(ASSERTION))


def test_confidence_must_be_decimal_not_double(good):
    # rdflib turns a Python float into xsd:double; the design wants xsd:decimal
    good.set((ASSERTION, DIP.confidence, Literal(0.5)))
    assert_fails_on(validate_graph(good), ASSERTION, DIP.confidence)


def test_assertion_without_extractor(good):
    good.remove((ASSERTION, DIP.extractedBy, None))
    assert_fails_on(validate_graph(good), ASSERTION, DIP.extractedBy)


def test_assertion_with_two_subjects(good):
    good.add((ASSERTION, RDF.subject, RUSSIA))
    assert_fails_on(validate_graph(good), ASSERTION, RDF.subject)


def test_assertion_source_must_be_an_article(good):
    good.set((ASSERTION, DIP.sourceArticle, RUSSIA))
    assert_fails_on(validate_graph(good), ASSERTION, DIP.sourceArticle)


def test_same_as_to_a_random_iri(good):
    good.add((RUSSIA, OWL.sameAs, URIRef("http://example.org/russia")))
    assert_fails_on(validate_graph(good), RUSSIA, OWL.sameAs)


@pytest.mark.parametrize(
    "iri",
    [
        "https://www.wikidata.org/wiki/Q159",  # page, not entity IRI
        "http://www.wikidata.org/entity/P31",  # a property, not an item
        "https://sws.geonames.org/524901",  # GeoNames IRIs end with '/'
        "https://dbpedia.org/resource/Russia",  # dbr: is http
    ],
)
def test_same_as_near_misses(good, iri):
    good.add((RUSSIA, OWL.sameAs, URIRef(iri)))
    assert_fails_on(validate_graph(good), RUSSIA, OWL.sameAs)


def test_person_needs_exactly_one_plain_label(good):
    good.add((PERSON, RDFS.label, Literal("S. Lavrov")))
    assert_fails_on(validate_graph(good), PERSON, RDFS.label)


def test_label_with_language_tag_is_rejected(good):
    good.set((PERSON, RDFS.label, Literal("Sergey Lavrov", lang="en")))
    assert_fails_on(validate_graph(good), PERSON, RDFS.label)


def test_person_holding_a_state(good):
    good.add((PERSON, DIP.holdsPost, RUSSIA))
    assert_fails_on(validate_graph(good), PERSON, DIP.holdsPost)


def test_post_of_state_must_be_a_state(good):
    good.set((POST, DIP.postOfState, RES["city/moscow"]))
    assert_fails_on(validate_graph(good), POST, DIP.postOfState)


def test_agreement_without_party_and_with_string_date(good):
    good.remove((AGREEMENT, DIP.party, None))
    good.set((AGREEMENT, DIP.date, Literal("April 2024")))
    report = validate_graph(good)
    assert_fails_on(report, AGREEMENT, DIP.party)
    assert_fails_on(report, AGREEMENT, DIP.date)


def test_agreement_party_cannot_be_a_person(good):
    good.add((AGREEMENT, DIP.party, PERSON))
    assert_fails_on(validate_graph(good), AGREEMENT, DIP.party)


def test_article_needs_identifier_and_valid_hash(good):
    good.remove((ARTICLE, URIRef("http://purl.org/dc/terms/identifier"), None))
    good.set((ARTICLE, DIP.sha256, Literal("not-a-hash")))
    report = validate_graph(good)
    assert_fails_on(report, ARTICLE, URIRef("http://purl.org/dc/terms/identifier"))
    assert_fails_on(report, ARTICLE, DIP.sha256)


def test_domain_violation_names_the_subject(good):
    # a city cannot have a roleName (only posts do)
    moscow = RES["city/moscow"]
    good.add((moscow, DIP.roleName, Literal("Mayor")))
    assert_fails_on(validate_graph(good), moscow)


@pytest.mark.parametrize("mode", ["magic", "owlrl"])
def test_unsupported_inference_mode_is_rejected(good, mode):
    with pytest.raises(ValueError):
        validate_graph(good, inference=mode)
