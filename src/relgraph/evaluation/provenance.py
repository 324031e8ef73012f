"""What the store says about how each statement was read: the assertions behind system items.

Every extracted statement carries a dip:Assertion with its confidence, rule, article and
sentence. `read_support` gathers them by subject, and `support_of` picks those that back one
counted item (a `Claim`): the calibration takes their best confidence, the diff shows their
article and sentence.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from relgraph.evaluation.gold import Gold
from relgraph.evaluation.names import local_name, post_title
from relgraph.evaluation.scoring import Claim

ASSERTIONS_QUERY = """
PREFIX dip: <https://w3id.org/relgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?s ?p ?o ?confidence ?rule ?article ?sentence WHERE {
  ?a a dip:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dip:confidence ?confidence .
  OPTIONAL { ?a dip:extractionRule ?rule }
  OPTIONAL { ?a dip:evidenceText ?sentence }
  OPTIONAL { ?a dip:sourceArticle/dcterms:identifier ?article }
}"""
STATE_LABELS_QUERY = """
PREFIX dip: <https://w3id.org/relgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?o ?label WHERE { ?o a dip:State ; rdfs:label ?label }"""
ROLE_NAMES_QUERY = """
PREFIX dip: <https://w3id.org/relgraph/ontology#>
SELECT ?o ?label WHERE { ?o dip:roleName ?label }"""

# Claim kinds -> the local name of the predicate they read ("any": every predicate).
PREDICATE_OF_KIND = {"type": "type", "state": "servesState", "post": "holdsPost"}


@dataclass(frozen=True)
class Support:
    """One stored assertion: its predicate (local name), object, and how it was read. `object_label`
    is the object's label for a state, its role name for a post."""

    predicate: str
    obj: str
    confidence: float
    rule: str
    article: str
    sentence: str
    object_label: str = ""


Supports = dict[str, list[Support]]   # subject IRI -> its assertions


def _select(store: Any, query: str) -> list[dict[str, str]]:
    solutions = store.query(query)
    variables = [v.value for v in solutions.variables]
    return [{var: term.value for var in variables if (term := solution[var]) is not None} for solution in solutions]


def read_support(store: Any) -> Supports:
    """Every assertion of the store, by subject."""
    labels = {row["o"]: row["label"] for row in _select(store, STATE_LABELS_QUERY)}
    labels.update({row["o"]: row["label"] for row in _select(store, ROLE_NAMES_QUERY)})
    supports: Supports = {}
    for row in _select(store, ASSERTIONS_QUERY):
        supports.setdefault(row["s"], []).append(Support(
            predicate=local_name(row["p"]), obj=row["o"], confidence=float(row["confidence"]),
            rule=row.get("rule", ""), article=row.get("article", ""), sentence=row.get("sentence", ""),
            object_label=labels.get(row["o"], "")))
    return supports


def support_of(claims: Iterable[Claim], supports: Supports, gold: Gold) -> list[Support]:
    """The assertions that back an item's claims (see `Claim`)."""
    state_words = gold.state_words()
    out: list[Support] = []
    for claim in claims:
        wanted = PREDICATE_OF_KIND.get(claim.kind)
        for support in supports.get(claim.subject, []):
            if wanted and support.predicate != wanted:
                continue
            if claim.kind == "state" and gold.names.canon(support.object_label) != claim.value:
                continue
            if claim.kind == "post" and post_title(support.object_label, state_words) != claim.value:
                continue
            out.append(support)
    return out


def best_support(supports: list[Support]) -> Support | None:
    """The assertion with the highest confidence (the first of equals), or None."""
    return max(supports, key=lambda s: s.confidence, default=None)
