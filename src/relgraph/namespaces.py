"""Every prefix the project uses, spelt once."""
from __future__ import annotations


class Namespace(str):
    """An IRI prefix that behaves as rdflib's `Namespace` where the project uses one (`DIP.Person`,
    `WD["Q5"]` are rdflib `URIRef`s; `iri in DIP` tests the prefix), without importing rdflib here:
    rdflib costs about 0.2 s of every process start, and a build never needs it."""

    __slots__ = ()

    def term(self, name: str):
        from rdflib import URIRef   # only the ontology, validation and tests ask for terms

        return URIRef(str(self) + name)

    def __getitem__(self, name: str):
        return self.term(name)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return self.term(name)

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, str) and iri.startswith(self)


# the W3C vocabularies' namespaces, as rdflib.namespace spells them (tests/test_namespaces.py)
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")

DIP = Namespace("https://w3id.org/relgraph/ontology#")
DEFAULT_BASE_IRI = "https://w3id.org/relgraph/id/"
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")
DBR = Namespace("http://dbpedia.org/resource/")
GN = "https://sws.geonames.org/"

PREFIXES: dict[str, str] = {
    "dip": str(DIP),
    "res": DEFAULT_BASE_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "wd": str(WD),
    "dbr": str(DBR),
    "gn": GN,
}


DATA_KINDS = ("person", "state", "organization", "city", "post", "agreement", "project", "event", "story",
              "article", "assertion", "graph", "agent")


def all_prefixes(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, str]:
    """Vocabulary prefixes plus one per kind of data IRI, so dumps read `person:sergei-lavrov`."""
    out = {k: v for k, v in PREFIXES.items() if k != "res"}
    out.update({kind: f"{base_iri}{kind}/" for kind in DATA_KINDS})
    return out


def sparql_prefixes(base_iri: str = DEFAULT_BASE_IRI) -> str:
    """PREFIX lines for every known namespace (res: follows the configured base)."""
    lines = []
    for prefix, iri in PREFIXES.items():
        lines.append(f"PREFIX {prefix}: <{base_iri if prefix == 'res' else iri}>")
    return "\n".join(lines) + "\n"
