"""SHACL validation of extracted graphs against ontology/shapes.ttl (pySHACL, offline).

The ontology is passed to pySHACL as ``ont_graph``: it is mixed into (a copy of) the data graph, so
``sh:class dip:Event`` and ``sh:targetClass dip:Event`` see a ``dip:Visit`` through the ontology's
rdfs:subClassOf triples even with ``inference="none"``.
"""
from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import RDF, SH, NamespaceManager

from relgraph import ontology
from relgraph.errors import InputError
from relgraph.namespaces import PREFIXES

# pySHACL also offers "owlrl"/"both", but the OWL-RL closure adds triples the design never emits
# (e.g. reflexive and symmetric owl:sameAs on every node), which the shapes then rightly reject.
INFERENCE_MODES = ("none", "rdfs")

_NAMESPACES = NamespaceManager(rdflib.Graph(), bind_namespaces="none")
for _prefix, _iri in PREFIXES.items():
    _NAMESPACES.bind(_prefix, _iri)


class Violation(NamedTuple):
    """One SHACL result. `message` ends with the offending value when the report names one."""

    focus_node: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""

    def for_focus(self, node: str | URIRef) -> list[Violation]:
        """The results whose focus node is `node`."""
        return [v for v in self.violations if v.focus_node == str(node)]


@functools.lru_cache(maxsize=4)
def _shapes(path: str) -> rdflib.Graph:
    return ontology.load_shapes_graph(path)


@functools.lru_cache(maxsize=4)
def _ontology(path: str) -> rdflib.Graph:
    return ontology.load_ontology_graph(path)


def validate_graph(
    data: rdflib.Graph,
    *,
    inference: str = "none",
    shapes: rdflib.Graph | None = None,
    ont: rdflib.Graph | None = None,
) -> ValidationReport:
    """Validate `data` with the project shapes (or `shapes`) and the ontology (or `ont`).

    `inference` is "none" (default; subclass-aware anyway, see module docstring) or "rdfs" (pySHACL
    expands data + ontology with the RDFS closure first). The data graph is not modified.
    """
    import pyshacl  # slow import; only validation needs it

    if inference not in INFERENCE_MODES:
        raise ValueError(f"inference must be one of {INFERENCE_MODES}, not {inference!r}")
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else _shapes(str(ontology.SHAPES_PATH)),
        ont_graph=ont if ont is not None else _ontology(str(ontology.ONTOLOGY_PATH)),
        inference=inference,
        abort_on_first=False,
        allow_warnings=True,  # warnings/infos are reported but do not break conformance
        meta_shacl=False,
        advanced=False,
        do_owl_imports=False,  # never touch the network
        inplace=False,
    )
    return ValidationReport(bool(conforms), _violations(results), text)


def validate_nquads(source: bytes | str | Path) -> ValidationReport:
    """Validate the union of every graph in an N-Quads file (a path) or N-Quads `bytes`."""
    return validate_graph(load_nquads_union(source))


def load_nquads_union(source: bytes | str | Path) -> rdflib.Graph:
    """Parse N-Quads into a Dataset and return one Graph holding the triples of all its graphs."""
    dataset = rdflib.Dataset()
    name = "<bytes>" if isinstance(source, bytes) else str(source)
    try:
        with warnings.catch_warnings():
            # rdflib 7.6's own N-Quads parser calls Dataset APIs it has deprecated; nothing to fix here
            warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
            if isinstance(source, bytes):
                dataset.parse(data=source, format="nquads")
            else:
                dataset.parse(str(source), format="nquads")
    except (OSError, ParserError, SyntaxError, ValueError) as exc:
        raise InputError(name, f"cannot read N-Quads: {exc}") from exc
    union = rdflib.Graph()
    for s, p, o, _graph in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _violations(results: rdflib.Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        message = str(results.value(result, SH.resultMessage) or "")
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        if value is not None and value != focus:
            message = f"{message} (value: {_short(value)})"
        path = results.value(result, SH.resultPath)
        found.append(
            Violation(
                focus_node=_render(focus),
                path=_render(path) if path is not None else None,
                message=message,
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            )
        )
    return sorted(found, key=lambda v: (v.focus_node, v.path or "", v.message))


def _short(term) -> str:
    """A value for a human: literals in N3 with prefixed datatypes, IRIs in full."""
    if isinstance(term, Literal):
        return term.n3(_NAMESPACES)
    return _render(term)


def _render(term) -> str:
    """IRIs as plain strings (so they compare with str(URIRef)), literals and blank nodes in N3."""
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, (Literal, BNode)):
        return term.n3()
    return str(term)
