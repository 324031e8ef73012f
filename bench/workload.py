"""The queries the query and HTTP benchmarks run: every canned query in `queries/`, plus an entity
lookup, a 2-hop join and an aggregate over a synthetic dataset's sample IRIs."""
from __future__ import annotations

from dataclasses import dataclass

from relgraph.queries import named_queries

PREFIXES = """PREFIX dip: <https://w3id.org/relgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# Target class of each canned query: "aggregate" (p50 ≤ 100 ms) or "join" (p50 ≤ 20 ms).
AGGREGATES = {"articles", "timeline"}


@dataclass(frozen=True)
class BenchQuery:
    name: str
    kind: str  # lookup | join | aggregate
    text: str


def lookup(person_iri: str) -> BenchQuery:
    """All (distinct) properties of one entity across the article graphs."""
    return BenchQuery("lookup", "lookup", f"SELECT DISTINCT ?p ?o WHERE {{ <{person_iri}> ?p ?o }}")


def two_hop(state_iri: str) -> BenchQuery:
    """Events that people serving one state took part in: state <- person <- event."""
    return BenchQuery("2-hop join", "join", PREFIXES + f"""SELECT DISTINCT ?person ?event ?label WHERE {{
  ?person dip:servesState <{state_iri}> .
  ?event dip:participant ?person ; rdfs:label ?label .
}}""")


def aggregate() -> BenchQuery:
    """Entities per class over the whole graph."""
    return BenchQuery("count by type", "aggregate",
                      "SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type")


def canned() -> list[BenchQuery]:
    return [BenchQuery(f"{q.name}.rq", "aggregate" if q.name in AGGREGATES else "join", q.text)
            for q in named_queries().values()]


def all_queries(info: dict) -> list[BenchQuery]:
    """The full list for a dataset summary from `bench.synth.generate`."""
    return [lookup(info["person"]), two_hop(info["state"]), aggregate(), *canned()]
