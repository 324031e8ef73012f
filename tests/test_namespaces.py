"""relgraph.namespaces: prefixes spelt as rdflib spells them, terms made as rdflib's Namespace makes
them, and no rdflib import for a process that only builds."""
from __future__ import annotations

import subprocess
import sys

import rdflib
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from relgraph import namespaces
from relgraph.namespaces import DIP, PREFIXES, WD
from relgraph.settings import REPO_ROOT


def test_the_w3c_prefixes_are_rdflibs():
    for name, theirs in {"RDF": RDF, "RDFS": RDFS, "OWL": OWL, "XSD": XSD, "SKOS": SKOS, "DCTERMS": DCTERMS,
                         "PROV": PROV}.items():
        assert getattr(namespaces, name) == str(theirs), name
    assert PREFIXES["rdf"] == str(RDF) and PREFIXES["dcterms"] == str(DCTERMS)


def test_terms_are_rdflib_uris_and_membership_tests_the_prefix():
    ours, theirs = DIP, rdflib.Namespace(str(DIP))
    for term in (ours.Person, ours["Person"], ours.term("Person")):
        assert isinstance(term, rdflib.URIRef) and term == theirs.Person
    assert WD["Q5"] == rdflib.URIRef("http://www.wikidata.org/entity/Q5")
    assert rdflib.URIRef(str(DIP) + "State") in DIP and "https://schema.org/Person" not in DIP
    assert 42 not in DIP and f"{DIP}x" == str(DIP) + "x"


def test_a_build_process_does_not_import_rdflib():
    code = ("import sys, relgraph.cli, relgraph.build, relgraph.mapping, relgraph.gazetteer; "
            "relgraph.gazetteer.default_gazetteer(); print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(REPO_ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False"
