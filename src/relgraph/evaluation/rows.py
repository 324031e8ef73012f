"""System rows: what the contract queries return, and the nodes gathered from them."""
from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from relgraph.evaluation.names import NameIndex, fold, local_name

log = logging.getLogger(__name__)

Rows = Mapping[str, list[dict[str, str]]]

CONTRACT_QUERIES: tuple[str, ...] = ("people", "states", "organizations", "agreements", "projects", "events")
"""Contract queries the evaluation reads, by file stem in the queries folder."""

_IRI_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*:(//|[A-Za-z0-9])")

def contract_rows(store: Any, queries_dir: Path) -> dict[str, list[dict[str, str]]]:
    """Run the contract queries (`queries_dir/<name>.rq`) on a relgraph store and return their rows
    as plain strings (IRIs and literal values); unbound variables are left out of a row. A missing
    query file gives no rows (and a warning), as it would for the referee."""
    rows: dict[str, list[dict[str, str]]] = {}
    for name in CONTRACT_QUERIES:
        path = Path(queries_dir) / f"{name}.rq"
        if not path.exists():
            log.warning("contract query %s is missing: scoring it as empty", path)
            rows[name] = []
            continue
        solutions = store.query(path.read_text(encoding="utf-8"))
        variables = [v.value for v in solutions.variables]
        rows[name] = [
            {var: term.value for var in variables if (term := solution[var]) is not None}
            for solution in solutions
        ]
    return rows


def rows_from_sparql_json(data: dict) -> list[dict[str, str]]:
    """Rows of a SPARQL 1.1 JSON results document, as plain strings."""
    return [{var: b["value"] for var, b in binding.items()} for binding in data["results"]["bindings"]]


def rows_to_sparql_json(rows: list[dict[str, str]]) -> dict:
    """A SPARQL 1.1 JSON results document for rows (values that look like IRIs become "uri")."""
    variables: list[str] = []
    for row in rows:
        variables.extend(v for v in row if v not in variables)

    def term(value: str) -> dict[str, str]:
        is_iri = bool(_IRI_LIKE.match(value)) and " " not in value
        return {"type": "uri" if is_iri else "literal", "value": value}

    return {"head": {"vars": variables},
            "results": {"bindings": [{k: term(v) for k, v in row.items() if v is not None} for row in rows]}}


@dataclass
class Node:
    """A system agreement, project or event gathered from its rows (one node per IRI)."""

    iri: str
    labels: set[str] = field(default_factory=set)      # folded labels
    raw_labels: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)      # canonical keys
    locations: set[str] = field(default_factory=set)
    date: str | None = None
    type: str | None = None                             # folded local name of the class

    def describe(self) -> str:
        """A short readable form for diffs."""
        bits = [self.type or "", "/".join(sorted(self.raw_labels)) or self.iri]
        if self.actors:
            bits.append("[" + ", ".join(sorted(self.actors)) + "]")
        if self.date:
            bits.append(self.date)
        return " ".join(b for b in bits if b)


def gather_nodes(rows: list[dict[str, str]], id_var: str, actor_var: str, location_var: str | None,
                 names: NameIndex) -> list[Node]:
    """Gather rows into nodes, in order of first appearance. When rows disagree on the date or
    type of a node, the last row wins."""
    nodes: dict[str, Node] = {}
    for row in rows:
        iri = row.get(id_var)
        if not iri:
            continue
        node = nodes.setdefault(iri, Node(iri))
        for var in ("label", "name"):
            if row.get(var):
                node.labels.add(fold(row[var]))
                node.raw_labels.add(row[var])
        if row.get(actor_var):
            node.actors.add(names.canon(row[actor_var]))
        if location_var and row.get(location_var):
            node.locations.add(names.canon(row[location_var]))
        if row.get("date"):
            node.date = row["date"]
        if row.get("type"):
            node.type = fold(local_name(row["type"]))
    return list(nodes.values())


def has_keywords(node: Node, alternatives: tuple[tuple[str, ...], ...]) -> bool:
    """Some label of the node has, for some alternative, every keyword at the start of one of its words."""
    for label in node.labels:
        words = label.split()
        for needed in alternatives:
            if all(any(w.startswith(fold(k)) for w in words) for k in needed):
                return True
    return False

