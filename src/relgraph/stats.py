"""Summary counts of a store."""
from __future__ import annotations

from relgraph.namespaces import DIP
from relgraph.store import RelStore

PLURALS = {"City": "cities", "Assertion": "assertions"}
CLASSES = ["Article", "Person", "State", "Organization", "City", "Post", "Agreement", "Project", "Event", "Assertion"]


def graph_stats(store: RelStore) -> dict[str, int]:
    """Quads, named graphs, entities per class and external links."""
    out = {"quads": len(store), "named graphs": len(store.named_graphs())}
    rows = store.query(f"""SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {{
        VALUES ?c {{ {' '.join(f'<{DIP}{c}>' for c in CLASSES)} }} ?x a ?c }} GROUP BY ?c""")
    counts = {r["c"].value.rsplit("#", 1)[1]: int(r["n"].value) for r in rows}
    for c in CLASSES:
        out[PLURALS.get(c, c.lower() + "s")] = counts.get(c, 0)
    links = store.query("""SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE {
        ?x <http://www.w3.org/2002/07/owl#sameAs> ?l }""")
    out["sameAs links"] = int(next(iter(links))["n"].value)
    return out
