"""What the query policy's parse costs: `python -m bench.parse_cost [--max 100000]`.

CPU seconds of relgraph.sparql's parse (rdflib's grammar read as Oxigraph reads it) for a typical
query and for long texts of the shapes that cost most per character: IN lists, VALUES blocks,
chains of && and long SELECT expression lists. The default `max_chars` of relgraph.sparql is set
from this table (texts longer than it are refused before parsing).
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from relgraph.sparql_grammar import parse_query

TYPICAL = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?p ?name WHERE { "
           "?p a <http://x/Person> ; rdfs:label ?name . OPTIONAL { ?p <http://x/holds> ?post } "
           "FILTER(LANG(?name) = 'en') } ORDER BY ?name LIMIT 100")


def _repeat(item: Callable[[int], str], size: int, sep: str) -> str:
    parts, length, i = [], 0, 0
    while length < size:
        parts.append(item(i))
        length += len(parts[-1]) + len(sep)
        i += 1
    return sep.join(parts)


SHAPES: dict[str, Callable[[int], str]] = {
    "IN list": lambda n: "SELECT * WHERE { ?s ?p ?x FILTER(?x IN (%s)) }" % _repeat(lambda i: f'"v{i}"', n, ", "),
    "VALUES": lambda n: "SELECT * WHERE { VALUES ?x { %s } ?s ?p ?x }" % _repeat(lambda i: f'"v{i}"', n, " "),
    "&& chain": lambda n: "SELECT * WHERE { ?s ?p ?x FILTER(%s) }" % _repeat(lambda i: "?x", n, " && "),
    "SELECT expressions": lambda n: "SELECT %s WHERE { ?s ?p ?x }" % _repeat(lambda i: f"(?x+1 AS ?v{i})", n, " "),
}


def cpu_seconds(text: str, repeat: int = 1) -> float:
    started = time.process_time()
    for _ in range(repeat):
        parse_query(text)
    return (time.process_time() - started) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=100_000, help="largest text size to time (characters)")
    args = parser.parse_args()
    parse_query(TYPICAL)  # builds the grammar once
    print(f"typical query ({len(TYPICAL)} chars): {cpu_seconds(TYPICAL, 20) * 1000:.1f} ms CPU\n")
    sizes = [size for size in (1_000, 10_000, 100_000, 1_000_000) if size <= args.max]
    print("| shape | " + " | ".join(f"{size:,} chars" for size in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name, make in SHAPES.items():
        print(f"| {name} | " + " | ".join(f"{cpu_seconds(make(size)):.2f} s" for size in sizes) + " |")


if __name__ == "__main__":
    main()
