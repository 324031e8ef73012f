"""Every prefix the project uses, spelt once."""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

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
