"""The dip: ontology and SHACL shapes: where they live, loading, a HermiT consistency check, a term list.

The Turtle files under ``ontology/`` are the source of truth. ``RELGRAPH_ONTOLOGY_DIR`` (the same
variable that ``Settings.ontology_dir`` reads) points elsewhere, e.g. for an installed package.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import BNode, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from relgraph.namespaces import DIP, PREFIXES

REPO_ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_IRI = "https://w3id.org/relgraph/ontology"


def ontology_dir() -> Path:
    """Directory holding diplomacy.ttl and shapes.ttl (env override, else <repo>/ontology)."""
    override = os.environ.get("RELGRAPH_ONTOLOGY_DIR")
    return Path(override) if override else REPO_ROOT / "ontology"


ONTOLOGY_PATH: Path = ontology_dir() / "diplomacy.ttl"
SHAPES_PATH: Path = ontology_dir() / "shapes.ttl"


def load_ontology_graph(path: Path | str | None = None) -> rdflib.Graph:
    """Parse the ontology Turtle into a fresh rdflib Graph."""
    graph = rdflib.Graph()
    graph.parse(Path(path or ONTOLOGY_PATH), format="turtle")
    return graph


def load_shapes_graph(path: Path | str | None = None) -> rdflib.Graph:
    """Parse the SHACL shapes Turtle into a fresh rdflib Graph."""
    graph = rdflib.Graph()
    graph.parse(Path(path or SHAPES_PATH), format="turtle")
    return graph


# --------------------------------------------------------------------------- consistency (HermiT)


@dataclass
class ConsistencyResult:
    """Outcome of a HermiT run: `consistent` is False for an inconsistent ontology or a reasoner failure."""

    consistent: bool
    message: str
    unsatisfiable: list[str] = field(default_factory=list)  # classes equivalent to owl:Nothing
    seconds: float = 0.0

    @property
    def coherent(self) -> bool:
        """Consistent and with no unsatisfiable named class."""
        return self.consistent and not self.unsatisfiable


# owlready2 keeps the subprocess keyword arguments in a module-level dict; the lock stops two
# concurrent checks from clobbering each other's timeout.
_REASONER_LOCK = threading.Lock()


def check_consistency(
    timeout_s: float = 120,
    *,
    extra: rdflib.Graph | None = None,
    path: Path | str | None = None,
) -> ConsistencyResult:
    """Run HermiT (through owlready2) on the ontology, plus `extra` triples if given.

    owlready2 cannot read Turtle, so the graph is written to a temporary N-Triples file first and
    loaded into an isolated World (the global default world is never touched).
    """
    import owlready2  # imported here: it is slow to import and only this function needs it

    graph = load_ontology_graph(path)
    if extra is not None:
        graph += extra
    with tempfile.TemporaryDirectory(prefix="relgraph-onto-") as tmp:
        nt_path = Path(tmp) / "ontology.nt"
        nt_path.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
        world = owlready2.World()
        try:
            world.get_ontology(nt_path.as_uri()).load()
            return _run_hermit(owlready2, world, timeout_s)
        finally:
            world.close()


def _run_hermit(owlready2, world, timeout_s: float) -> ConsistencyResult:
    kwargs = getattr(owlready2.reasoning, "_subprocess_kargs", None)
    started = time.monotonic()
    with _REASONER_LOCK:
        if kwargs is not None:
            kwargs["timeout"] = timeout_s  # passed on to subprocess.check_output, which kills java on expiry
        try:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return ConsistencyResult(False, "HermiT: the ontology is inconsistent", [], _since(started))
        except subprocess.TimeoutExpired:
            message = f"HermiT did not finish within {timeout_s} s"
            return ConsistencyResult(False, message, [], _since(started))
        except owlready2.OwlReadyJavaError as exc:
            return ConsistencyResult(False, f"HermiT failed: {str(exc).strip()[:2000]}", [], _since(started))
        except OSError as exc:  # no java executable
            return ConsistencyResult(False, f"cannot start HermiT: {exc}", [], _since(started))
        finally:
            if kwargs is not None:
                kwargs.pop("timeout", None)
    unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
    message = "HermiT: consistent"
    if unsatisfiable:
        message += f"; unsatisfiable classes: {', '.join(unsatisfiable)}"
    return ConsistencyResult(True, message, unsatisfiable, _since(started))


def _since(started: float) -> float:
    return round(time.monotonic() - started, 3)


# --------------------------------------------------------------------------- term list


def ontology_terms(graph: rdflib.Graph | None = None) -> dict[str, list[dict]]:
    """The dip: classes, object and datatype properties with label, comment and axioms.

    Returns ``{"classes": [...], "object_properties": [...], "datatype_properties": [...]}``; each
    entry has ``iri``, ``curie``, ``label``, ``comment``, ``aligned`` (external super-terms as CURIEs)
    and, for classes, ``parents`` (dip: superclasses); for properties ``domain`` and ``range``
    (lists of CURIEs; a union contributes its members) and ``characteristics`` (e.g. "functional").
    """
    graph = graph if graph is not None else load_ontology_graph()
    kinds = {
        "classes": (OWL.Class, RDFS.subClassOf),
        "object_properties": (OWL.ObjectProperty, RDFS.subPropertyOf),
        "datatype_properties": (OWL.DatatypeProperty, RDFS.subPropertyOf),
    }
    terms: dict[str, list[dict]] = {}
    for kind, (rdf_type, sub_of) in kinds.items():
        subjects = sorted(s for s in graph.subjects(RDF.type, rdf_type) if isinstance(s, URIRef) and s in DIP)
        terms[kind] = [_describe(graph, s, sub_of, kind != "classes") for s in subjects]
    return terms


def _describe(graph: rdflib.Graph, term: URIRef, sub_of: URIRef, is_property: bool) -> dict:
    supers = [o for o in graph.objects(term, sub_of) if isinstance(o, URIRef)]
    entry = {
        "iri": str(term),
        "curie": curie(term),
        "label": str(graph.value(term, RDFS.label) or ""),
        "comment": str(graph.value(term, RDFS.comment) or ""),
        "aligned": [curie(o) for o in supers if o not in DIP],
    }
    if not is_property:
        entry["parents"] = [curie(o) for o in supers if o in DIP]
        entry["cameo"] = cameo_codes(graph, term)
        return entry
    entry["domain"] = _class_expression(graph, graph.value(term, RDFS.domain))
    entry["range"] = _class_expression(graph, graph.value(term, RDFS.range))
    entry["characteristics"] = ["functional"] if (term, RDF.type, OWL.FunctionalProperty) in graph else []
    chain = graph.value(term, OWL.propertyChainAxiom)
    if chain is not None:
        entry["chain"] = [curie(p) for p in Collection(graph, chain)]
    return entry


SKOS_CORE = "http://www.w3.org/2004/02/skos/core#"


def cameo_codes(graph: rdflib.Graph, term: URIRef) -> dict[str, list[str]]:
    """The CAMEO codes an event class maps to, by SKOS mapping: {"close": [...], "broad": [...]}
    (notations, sorted; empty for classes without mappings)."""
    codes = {}
    for kind in ("close", "broad"):
        targets = graph.objects(term, URIRef(SKOS_CORE + f"{kind}Match"))
        codes[kind] = sorted(str(graph.value(t, URIRef(SKOS_CORE + "notation"))) for t in targets
                             if graph.value(t, URIRef(SKOS_CORE + "notation")) is not None)
    return codes


def _class_expression(graph: rdflib.Graph, node) -> list[str]:
    """CURIEs for a named class/datatype, the members of an owl:unionOf, or a restricted datatype."""
    if node is None:
        return []
    if isinstance(node, URIRef):
        return [curie(node)]
    members = graph.value(node, OWL.unionOf)
    if members is not None:
        return [curie(m) for m in Collection(graph, members)]
    base = graph.value(node, OWL.onDatatype)
    if base is not None:
        facets = []
        restrictions = graph.value(node, OWL.withRestrictions)
        for facet_node in Collection(graph, restrictions) if restrictions is not None else []:
            for facet, value in graph.predicate_objects(facet_node):
                facets.append(f"{curie(facet).split(':', 1)[1]} {value}")
        return [f"{curie(base)}[{', '.join(facets)}]"]
    return [str(node)] if not isinstance(node, BNode) else ["(anonymous)"]


_EXTRA_PREFIXES = {"foaf": "http://xmlns.com/foaf/0.1/"}


def curie(iri: URIRef | str) -> str:
    """Shorten an IRI with the project prefixes (longest namespace wins); unknown IRIs stay whole."""
    iri = str(iri)
    best = ""
    best_prefix = ""
    for prefix, namespace in {**PREFIXES, **_EXTRA_PREFIXES}.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, best_prefix = namespace, prefix
    return f"{best_prefix}:{iri[len(best):]}" if best else f"<{iri}>"


def terms_markdown(terms: dict[str, list[dict]] | None = None) -> str:
    """Markdown tables of classes and properties (what docs/ontology.md is generated from)."""
    terms = terms or ontology_terms()
    lines = ["### Classes", "", "| term | label | subclass of | description |", "|---|---|---|---|"]
    for c in terms["classes"]:
        supers = ", ".join(f"`{s}`" for s in c["parents"] + c["aligned"])
        cameo = c.get("cameo") or {}
        mapped = [f"{' '.join(cameo[k])} ({k})" for k in ("close", "broad") if cameo.get(k)]
        note = f" CAMEO: {'; '.join(mapped)}." if mapped else ""
        lines.append(f"| `{c['curie']}` | {c['label']} | {supers} | {_cell(c['comment'])}{note} |")
    lines += ["", "### Properties", "", "| term | domain → range | subproperty of | description |",
              "|---|---|---|---|"]
    for p in terms["object_properties"] + terms["datatype_properties"]:
        domain = " ∪ ".join(f"`{d}`" for d in p["domain"]) or "any"
        range_ = " ∪ ".join(f"`{r}`" for r in p["range"]) or "any"
        notes = []
        if p["characteristics"]:
            notes.append(", ".join(p["characteristics"]))
        if p.get("chain"):
            notes.append("⊒ " + " ∘ ".join(f"`{x}`" for x in p["chain"]))
        aligned = ", ".join(f"`{a}`" for a in p["aligned"])
        note = f" ({'; '.join(notes)})" if notes else ""
        lines.append(f"| `{p['curie']}` | {domain} → {range_} | {aligned} | {_cell(p['comment'])}{note} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
