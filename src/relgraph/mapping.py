"""Records of one article -> quads in its named graph, every fact with a reified, sourced assertion."""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from relgraph.confidence import CATEGORY_OF_KIND, active_table
from relgraph.fingerprint import extractor_version
from relgraph.iris import IriMaker
from relgraph.namespaces import DIP, PREFIXES
from relgraph.records import ArticleRecords, Evidence, FactRecord, Ref

RDF, RDFS, OWL, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["owl"], PREFIXES["xsd"]
SKOS, DCT, PROV, SCHEMA = PREFIXES["skos"], PREFIXES["dcterms"], PREFIXES["prov"], PREFIXES["schema"]

CLASS = {"person": "Person", "state": "State", "organization": "Organization", "city": "City",
         "agreement": "Agreement", "project": "Project"}
DATE_TYPES = {10: XSD + "date", 7: XSD + "gYearMonth", 4: XSD + "gYear"}


# Terms are immutable and the same few predicates, classes and entity IRIs recur in every
# assertion (eleven quads each): they are made once, not checked and built again per quad.
@lru_cache(maxsize=65536)
def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@lru_cache(maxsize=1024)
def dip(local: str) -> ox.NamedNode:
    return ox.NamedNode(str(DIP) + local)


def date_literal(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=n(DATE_TYPES[len(value)]))


class GraphWriter:
    """Collects the quads of one article graph."""

    def __init__(self, iris: IriMaker, article, records: ArticleRecords):
        self.iris = iris
        self.article = article
        self.records = records
        self.graph = n(iris.graph(article.id))
        self.article_iri = n(iris.article(article.id))
        self.extractor = n(iris.extractor(extractor_version()))
        self.quads: list[ox.Quad] = []

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, p, o, self.graph))

    def assert_(self, s, p, o, ev: Evidence, category: str | None = None) -> None:
        """Add (s p o) and a dip:Assertion saying where and how it was read. `category` is what the
        assertion counts for (persons, person_role...): its confidence is the calibrated one of its
        rule there (relgraph.confidence), or the rule's own literal."""
        self.add(s, p, o)
        confidence = active_table().confidence(ev.rule, category, ev.confidence)
        node = n(self.iris.assertion(str(s), str(p), str(o), self.article.id, str(ev.start), ev.rule))
        raw_start = self.article.raw_offset(ev.start)
        raw_end = self.article.raw_offset(max(ev.start, ev.end - 1)) + 1
        for pred, obj in (
            (n(RDF + "type"), dip("Assertion")),
            (n(RDF + "subject"), s),
            (n(RDF + "predicate"), p),
            (n(RDF + "object"), o),
            (dip("sourceArticle"), self.article_iri),
            (dip("evidenceText"), ox.Literal(ev.sentence)),
            (dip("startOffset"), ox.Literal(str(raw_start), datatype=n(XSD + "nonNegativeInteger"))),
            (dip("endOffset"), ox.Literal(str(raw_end), datatype=n(XSD + "nonNegativeInteger"))),
            (dip("extractedBy"), self.extractor),
            (dip("confidence"), ox.Literal(f"{confidence:.2f}", datatype=n(XSD + "decimal"))),
            (dip("extractionRule"), ox.Literal(ev.rule)),
        ):
            self.add(node, pred, obj)

    # -- sections ------------------------------------------------------------------------
    def write_article(self) -> None:
        a = self.article
        self.add(self.article_iri, n(RDF + "type"), dip("Article"))
        self.add(self.article_iri, n(DCT + "identifier"), ox.Literal(a.id))
        for pred, value in ((DCT + "title", a.title), (DCT + "publisher", a.publisher), (SCHEMA + "url", a.url)):
            if value:
                self.add(self.article_iri, n(pred), ox.Literal(value))
        if a.published:
            self.add(self.article_iri, dip("publishedDate"), date_literal(a.published))
        self.add(self.article_iri, dip("sha256"), ox.Literal(a.sha256))
        self.add(self.article_iri, dip("sourceFile"), ox.Literal(a.source))
        self.write_provenance()
        self.add(self.extractor, n(RDF + "type"), dip("Extractor"))
        self.add(self.extractor, n(RDFS + "label"), ox.Literal(f"relgraph extractor {extractor_version()}"))

    def write_provenance(self) -> None:
        """Where a page's text came from: the URL fetched and when, the program that extracted the
        main text, the byline, and the language of the text (articles from .txt/.jsonl have only
        the last, when it was detected)."""
        a = self.article
        typed = (("fetchedUrl", a.fetched_url, "anyURI"), ("fetchedAt", a.fetched_at, "dateTime"),
                 ("textExtractor", a.text_extractor, None), ("author", a.author, None))
        for local, value, datatype in typed:
            if value:
                literal = ox.Literal(value, datatype=n(XSD + datatype)) if datatype else ox.Literal(value)
                self.add(self.article_iri, dip(local), literal)
        if a.language:
            language = ox.Literal(a.language, datatype=n(XSD + "language"))
            self.add(self.article_iri, n(DCT + "language"), language)

    def write_entity(self, ref: Ref, label: str, names: set[str], same_as: list[str], ev: Evidence | None) -> None:
        iri = n(self.iris.entity(ref))
        typ = dip(CLASS[ref.kind])
        if ev is not None:
            self.assert_(iri, n(RDF + "type"), typ, ev, CATEGORY_OF_KIND.get(ref.kind))
        else:
            self.add(iri, n(RDF + "type"), typ)
        self.add(iri, n(RDFS + "label"), ox.Literal(label))
        for alt in sorted(names - {label}):
            self.add(iri, n(SKOS + "altLabel"), ox.Literal(alt))
        for link in same_as:
            self.add(iri, n(OWL + "sameAs"), n(link))
        if ev is not None:
            self.add(iri, dip("mentionedIn"), self.article_iri)

    def write_fact(self, fact: FactRecord) -> None:
        iri = n(fact.key)
        ev = fact.evidence[0]
        cls = dip(fact.type) if fact.kind == "event" else dip(CLASS[fact.kind])
        category = CATEGORY_OF_KIND[fact.kind]
        self.assert_(iri, n(RDF + "type"), cls, ev, category)
        if fact.kind == "event":
            self.add(iri, n(RDF + "type"), dip("Event"))
        self.add(iri, n(RDFS + "label"), ox.Literal(fact.label))
        self.add(iri, dip("mentionedIn"), self.article_iri)
        role = {"agreement": "party", "project": "participant", "event": "participant"}[fact.kind]
        for ref in fact.participants:
            self.assert_(iri, dip(role), n(self.iris.entity(ref)), ev, category)
        place_pred = "projectLocation" if fact.kind == "project" else "place"
        for ref in stored_places(fact):
            self.assert_(iri, dip(place_pred), n(self.iris.entity(ref)), ev, category)
        if fact.date:
            self.assert_(iri, dip("date"), date_literal(fact.date), ev, category)
        if fact.topic:
            self.add(iri, dip("topic"), ox.Literal(fact.topic))


def stored_places(fact: FactRecord) -> list[Ref]:
    """The places of `fact` that its graph states: a project's locations, an event's first place,
    none for an agreement (where it was signed belongs to its Signing event)."""
    if fact.kind == "agreement":
        return []
    return fact.places[: (None if fact.kind == "project" else 1)]


def article_quads(article, records: ArticleRecords, iris: IriMaker, labels: dict[str, str]) -> list[ox.Quad]:
    """All quads of one article's named graph. `labels` maps entity IRIs to corpus-wide canonical labels."""
    w = GraphWriter(iris, article, records)
    w.write_article()
    written_states = set()
    for ref, ent in sorted(records.entities.items(), key=lambda kv: (kv[0].kind, kv[0].key)):
        iri = iris.entity(ref)
        w.write_entity(ref, labels.get(iri, ref.key), set(ent.names), ent.same_as, ent.evidence[0] if ent.evidence else None)
        if ref.kind == "state":
            written_states.add(ref.key)
        if ent.state and ref.kind in ("city", "organization"):
            pred = "locatedInState" if ref.kind == "city" else "basedInState"
            _ensure_state(w, iris, ent.state, written_states, records)
            w.assert_(n(iri), dip(pred), n(iris.state(ent.state)), ent.evidence[0]) if ent.evidence else \
                w.add(n(iri), dip(pred), n(iris.state(ent.state)))
    for role in records.roles:
        person = n(iris.entity(Ref("person", role.person)))
        post = n(iris.post(role.role, role.state))
        w.add(post, n(RDF + "type"), dip("Post"))
        w.add(post, dip("roleName"), ox.Literal(role.role))
        w.add(post, n(RDFS + "label"), ox.Literal(f"{role.role} of {role.state}" if role.state else role.role))
        w.assert_(person, dip("holdsPost"), post, role.evidence, "person_role")
        if role.state:
            _ensure_state(w, iris, role.state, written_states, records)
            w.add(post, dip("postOfState"), n(iris.state(role.state)))
            w.assert_(person, dip("servesState"), n(iris.state(role.state)), role.evidence, "person_state")
    for fact in records.facts:
        w.write_fact(fact)
    return w.quads


def _ensure_state(w: GraphWriter, iris: IriMaker, state: str, written: set[str], records: ArticleRecords) -> None:
    """A state named only as somebody's state still gets its type and label in this graph."""
    if state in written:
        return
    written.add(state)
    iri = n(iris.state(state))
    w.add(iri, n(RDF + "type"), dip("State"))
    w.add(iri, n(RDFS + "label"), ox.Literal(state))
