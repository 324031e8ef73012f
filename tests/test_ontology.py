"""The dip: ontology declares every DESIGN.md term, is aligned, is consistent (HermiT); the check can fail."""
from __future__ import annotations

import importlib
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import rdflib
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from relgraph import ontology
from relgraph.namespaces import DIP, ORG, SCHEMA, WD

REPO = Path(__file__).resolve().parents[1]
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")

CLASSES = {
    "Person", "State", "Organization", "City", "Post", "Agreement", "Project", "Event",
    "Visit", "Meeting", "Consultation", "PressConference", "Signing", "Statement",
    "Article", "Assertion", "Extractor", "Story",
}
EVENT_KINDS = {"Visit", "Meeting", "Consultation", "PressConference", "Signing", "Statement"}
OBJECT_PROPERTIES = {
    "holdsPost", "postOfState", "servesState", "locatedInState", "basedInState", "party",
    "participant", "projectLocation", "place", "mentionedIn", "sourceArticle", "extractedBy",
    "hasReport", "partOfStory",
}
DATATYPE_PROPERTIES = {
    "roleName", "date", "evidenceText", "startOffset", "endOffset", "confidence", "publishedDate", "sha256",
    "topic", "sourceFile", "extractionRule", "fetchedUrl", "fetchedAt", "textExtractor", "author",
    "newsSha256", "minhashSignature", "lshBand",
}

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return ontology.load_ontology_graph()


def extension(turtle: str) -> rdflib.Graph:
    prefixes = (
        "@prefix dip: <https://w3id.org/relgraph/ontology#> .\n@prefix x: <urn:x:> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    )
    return rdflib.Graph().parse(data=prefixes + turtle, format="turtle")


# --------------------------------------------------------------------------- declarations


def test_paths_point_at_the_repository_files():
    assert ontology.ONTOLOGY_PATH == REPO / "ontology" / "diplomacy.ttl"
    assert ontology.SHAPES_PATH == REPO / "ontology" / "shapes.ttl"
    assert ontology.ONTOLOGY_PATH.is_file() and ontology.SHAPES_PATH.is_file()


def test_ontology_dir_env_override(monkeypatch):
    with tempfile.TemporaryDirectory() as tmp:
        monkeypatch.setenv("RELGRAPH_ONTOLOGY_DIR", tmp)
        try:
            importlib.reload(ontology)
            assert ontology.ONTOLOGY_PATH == Path(tmp) / "diplomacy.ttl"
            assert ontology.SHAPES_PATH == Path(tmp) / "shapes.ttl"
        finally:
            monkeypatch.delenv("RELGRAPH_ONTOLOGY_DIR")
            importlib.reload(ontology)
    assert ontology.ONTOLOGY_PATH == REPO / "ontology" / "diplomacy.ttl"


def test_header(onto):
    iri = URIRef(ontology.ONTOLOGY_IRI)
    assert (iri, RDF.type, OWL.Ontology) in onto
    assert onto.value(iri, OWL.versionInfo) is not None
    assert onto.value(iri, OWL.versionIRI) is not None
    assert onto.value(iri, DCTERMS.license) is not None
    assert onto.value(iri, RDFS.label) is not None and onto.value(iri, RDFS.comment) is not None
    assert not list(onto.objects(iri, OWL.imports))  # nothing to fetch: works offline


def test_design_md_terms_are_all_in_the_expected_lists():
    """Every dip: term named in docs/DESIGN.md is one this test checks (keeps the lists honest)."""
    design = (REPO / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    mentioned = set(re.findall(r"\bdip:([A-Za-z][A-Za-z0-9]*)", design))
    assert mentioned, "DESIGN.md names no dip: terms?"
    assert mentioned <= CLASSES | OBJECT_PROPERTIES | DATATYPE_PROPERTIES, mentioned - (
        CLASSES | OBJECT_PROPERTIES | DATATYPE_PROPERTIES
    )


@pytest.mark.parametrize(
    ("names", "kind"),
    [
        (CLASSES, OWL.Class),
        (OBJECT_PROPERTIES, OWL.ObjectProperty),
        (DATATYPE_PROPERTIES, OWL.DatatypeProperty),
    ],
)
def test_terms_declared_with_label_and_comment(onto, names, kind):
    for name in sorted(names):
        term = DIP[name]
        assert (term, RDF.type, kind) in onto, f"dip:{name} is not declared as {kind}"
        assert onto.value(term, RDFS.label), f"dip:{name} has no rdfs:label"
        assert onto.value(term, RDFS.comment), f"dip:{name} has no rdfs:comment"


def test_no_undeclared_dip_terms(onto):
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and t in DIP}
    assert {str(t)[len(str(DIP)):] for t in used} == CLASSES | OBJECT_PROPERTIES | DATATYPE_PROPERTIES


def test_every_referenced_term_is_declared(onto):
    """OWL 2 DL parsers need to know what each external IRI is."""
    for sub, sup in onto.subject_objects(RDFS.subClassOf):
        for c in (sub, sup):
            if isinstance(c, URIRef):
                assert (c, RDF.type, OWL.Class) in onto, f"{c} used as a class but not declared"
    for sub, sup in onto.subject_objects(RDFS.subPropertyOf):
        kinds = {k for k in (OWL.ObjectProperty, OWL.DatatypeProperty) if (sub, RDF.type, k) in onto}
        assert kinds and all((sup, RDF.type, k) in onto for k in kinds), f"{sub} ⊑ {sup}: kinds differ"


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (DIP.Person, SCHEMA.Person), (DIP.Person, FOAF.Person), (DIP.Person, WD.Q5),
        (DIP.State, SCHEMA.Country), (DIP.State, WD.Q6256),
        (DIP.City, SCHEMA.City), (DIP.City, WD.Q515),
        (DIP.Organization, SCHEMA.Organization), (DIP.Organization, ORG.Organization),
        (DIP.Organization, WD.Q43229),
        (DIP.Post, ORG.Post),
        (DIP.Agreement, WD.Q321839), (DIP.Project, WD.Q170584),
        (DIP.Event, SCHEMA.Event), (DIP.Event, WD.Q1656682),
        (DIP.Article, SCHEMA.NewsArticle), (DIP.Article, PROV.Entity), (DIP.Assertion, PROV.Entity),
        (DIP.Extractor, PROV.SoftwareAgent),
    ]
    + [(DIP[kind], DIP.Event) for kind in sorted(EVENT_KINDS)],
)
def test_class_alignment(onto, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (DIP.holdsPost, ORG.holds), (DIP.postOfState, ORG.postIn),
        (DIP.locatedInState, SCHEMA.containedInPlace), (DIP.place, SCHEMA.location),
        (DIP.participant, SCHEMA.participant),
        (DIP.sourceArticle, PROV.wasDerivedFrom), (DIP.extractedBy, PROV.wasAttributedTo),
        (DIP.date, DCTERMS.date), (DIP.publishedDate, SCHEMA.datePublished),
    ],
)
def test_property_alignment(onto, sub, sup):
    assert (sub, RDFS.subPropertyOf, sup) in onto


def test_alignment_never_uses_equivalence(onto):
    # equivalences to external classes could merge distinct dip: classes
    assert not list(onto.triples((None, OWL.equivalentClass, None)))
    assert not list(onto.triples((None, OWL.equivalentProperty, None)))


def test_union_ranges(onto):
    terms = {t["curie"]: t for t in ontology.ontology_terms(onto)["object_properties"]}
    assert set(terms["dip:party"]["range"]) == {"dip:State", "dip:Organization"}
    assert set(terms["dip:participant"]["domain"]) == {"dip:Event", "dip:Project"}
    assert set(terms["dip:participant"]["range"]) == {"dip:Person", "dip:State", "dip:Organization"}
    assert set(terms["dip:place"]["range"]) == {"dip:City", "dip:State"}
    assert terms["dip:servesState"]["chain"] == ["dip:holdsPost", "dip:postOfState"]


def test_ontology_terms_lists_everything(onto):
    terms = ontology.ontology_terms(onto)
    assert {t["curie"] for t in terms["classes"]} == {f"dip:{n}" for n in CLASSES}
    assert {t["curie"] for t in terms["object_properties"]} == {f"dip:{n}" for n in OBJECT_PROPERTIES}
    assert {t["curie"] for t in terms["datatype_properties"]} == {f"dip:{n}" for n in DATATYPE_PROPERTIES}
    assert all(t["label"] and t["comment"] for kind in terms.values() for t in kind)


def test_docs_table_is_generated_from_the_ontology():
    doc = (REPO / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert ontology.terms_markdown() in doc


def test_shapes_parse_and_cover_every_class():
    shapes = ontology.load_shapes_graph()
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targeted = set(shapes.objects(None, sh.targetClass))
    # subclasses of dip:Event are covered by sh:targetClass dip:Event
    assert {DIP[n] for n in CLASSES - EVENT_KINDS} <= targeted
    used_props = set(shapes.objects(None, sh.targetSubjectsOf))
    assert {DIP[n] for n in OBJECT_PROPERTIES | DATATYPE_PROPERTIES} <= used_props


# --------------------------------------------------------------------------- HermiT


@needs_java
@pytest.mark.slow
def test_hermit_finds_the_ontology_consistent_and_coherent():
    result = ontology.check_consistency()
    assert result.consistent, result.message
    assert result.coherent, result.unsatisfiable
    assert result.seconds < 120


@needs_java
@pytest.mark.slow
def test_reasoning_does_not_reclassify_dip_classes():
    """HermiT infers no new subsumption or equivalence between dip: classes (no accidental merging)."""
    import owlready2

    graph = ontology.load_ontology_graph()
    asserted = {(str(s), str(o)) for s, o in graph.subject_objects(RDFS.subClassOf) if s in DIP and o in DIP}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "o.nt"
        path.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        owlready2.sync_reasoner_hermit(world, debug=0)
        inferred = set()
        for cls in onto.classes():
            if not cls.iri.startswith(str(DIP)):
                continue
            for parent in cls.is_a:
                if isinstance(parent, owlready2.ThingClass) and parent.iri.startswith(str(DIP)):
                    inferred.add((cls.iri, parent.iri))
            for eq in cls.equivalent_to:
                pytest.fail(f"{cls.iri} became equivalent to {eq}")
        world.close()
    assert inferred == asserted


@needs_java
@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "turtle"),
    [
        ("person and state at once", "x:a a dip:Person , dip:State ."),
        ("visit that is an agreement", "x:a a dip:Visit , dip:Agreement ."),
        ("post of a state that is an article", "x:p dip:postOfState x:s . x:s a dip:Article ."),
        # only the property chain holdsPost ∘ postOfState ⊑ servesState makes this one inconsistent
        ("post holder who serves no state (chain)",
         "x:a dip:holdsPost x:p . x:p dip:postOfState x:s . x:a a [ a owl:Restriction ;"
         " owl:onProperty dip:servesState ; owl:maxCardinality 0 ] ."),
        ("agreement party that is a person", "x:g dip:party x:p . x:p a dip:Person ."),
        ("confidence out of range", "x:a dip:confidence 1.7 ."),
        ("assertion with two source articles",
         "x:a dip:sourceArticle x:r1 , x:r2 . x:r1 a dip:Article . x:r2 a dip:Article ."
         " x:r1 <http://www.w3.org/2002/07/owl#differentFrom> x:r2 ."),
    ],
)
def test_hermit_reports_inconsistent_extensions(name, turtle):
    result = ontology.check_consistency(extra=extension(turtle))
    assert not result.consistent, f"{name}: {result.message}"
    assert "inconsistent" in result.message


@needs_java
@pytest.mark.slow
def test_hermit_accepts_a_well_formed_extension():
    # includes a city-state (deliberately allowed) and a visit whose place is a city
    turtle = """
    x:lavrov a dip:Person ; dip:holdsPost x:fm .
    x:fm a dip:Post ; dip:postOfState x:ru ; dip:roleName "Foreign Minister" .
    x:ru a dip:State . x:sg a dip:State , dip:City .
    x:v a dip:Visit ; dip:participant x:lavrov , x:ru ; dip:place x:sg .
    x:g a dip:Agreement ; dip:party x:ru , x:un . x:un a dip:Organization .
    x:as a dip:Assertion ; dip:confidence 0.9 ; dip:startOffset 0 ; dip:sourceArticle x:art .
    """
    result = ontology.check_consistency(extra=extension(turtle))
    assert result.consistent, result.message


@needs_java
@pytest.mark.slow
def test_hermit_timeout_is_reported():
    result = ontology.check_consistency(timeout_s=0.001)
    assert not result.consistent
    assert "did not finish" in result.message


# --------------------------------------------------------------------------- CAMEO codes

SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
CAMEO = rdflib.Namespace("https://w3id.org/relgraph/cameo/")


def codes(onto, cls: str, kind) -> set[str]:
    return {str(onto.value(t, SKOS.notation)) for t in onto.objects(DIP[cls], kind)}


@pytest.mark.parametrize(("cls", "close"), [
    ("Visit", {"042", "043"}), ("Meeting", {"040"}), ("Consultation", {"04"}), ("PressConference", set()),
    ("Signing", {"057"}), ("Statement", {"01"}),
])
def test_event_classes_map_to_cameo_codes(onto, cls, close):
    assert codes(onto, cls, SKOS.closeMatch) == close
    assert codes(onto, cls, SKOS.closeMatch) | codes(onto, cls, SKOS.broadMatch), f"dip:{cls} has no CAMEO code"


def test_only_event_classes_have_cameo_codes(onto):
    mapped = {s for s in onto.subjects(SKOS.closeMatch, None)} | {s for s in onto.subjects(SKOS.broadMatch, None)}
    assert mapped == {DIP[n] for n in EVENT_KINDS}


def test_cameo_concepts_are_a_consistent_scheme(onto):
    concepts = set(onto.subjects(RDF.type, SKOS.Concept))
    assert concepts and all(str(c).startswith(str(CAMEO)) for c in concepts)
    for concept in concepts:
        notation = str(onto.value(concept, SKOS.notation))
        assert str(concept) == str(CAMEO) + notation          # the IRI ends in its code
        assert onto.value(concept, SKOS.prefLabel) and onto.value(concept, SKOS.inScheme) == CAMEO.scheme
        broader = onto.value(concept, SKOS.broader)
        if broader is not None:                                # 042 is under 04: codes nest by prefix
            assert notation.startswith(str(onto.value(broader, SKOS.notation)))
    for target in set(onto.objects(None, SKOS.closeMatch)) | set(onto.objects(None, SKOS.broadMatch)):
        assert target in concepts, f"{target} is mapped to but not described"


def test_events_query_returns_the_ontologys_codes(onto):
    """queries/events.rq lists, per class, the closeMatch codes (else the broadMatch ones)."""
    text = (REPO / "queries" / "events.rq").read_text(encoding="utf-8")
    listed = dict(re.findall(r"\(dip:(\w+) \"([0-9 ]+)\"\)", text))
    expected = {}
    for cls in EVENT_KINDS:
        chosen = codes(onto, cls, SKOS.closeMatch) or codes(onto, cls, SKOS.broadMatch)
        expected[cls] = " ".join(sorted(chosen))
    assert listed == expected


def test_events_query_gives_an_event_its_cameo_column():
    from relgraph.store import open_store

    store = open_store(None)
    ids = "https://example.org/id/"
    store.ox.update(f"""
        PREFIX dip: <{DIP}>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        INSERT DATA {{ GRAPH <{ids}graph/1> {{
          <{ids}e1> a dip:Visit , dip:Event ; rdfs:label "A visit to the capital" .
          <{ids}e2> a dip:PressConference , dip:Event ; rdfs:label "A press conference" .
        }} }}""")
    assert store.materialise_union()
    solutions = store.query((REPO / "queries" / "events.rq").read_text(encoding="utf-8"))
    rows = {s["event"].value: s["cameo"].value for s in solutions}
    assert rows == {f"{ids}e1": "042 043", f"{ids}e2": "01"}
