"""Match keys of stored facts, and reading candidate facts through them.

A new report of a fact can only join a stored fact of the same class that shares an actor with it
and whose date agrees (`fact_identity.candidate_keys`). Each article graph files the facts it
reports under keys made of exactly that, as `skos:hiddenLabel` literals (like the persons' name
keys), so that the resolver finds its candidates by exact index lookups, one per key, instead of
reading every fact of a state that is in the news (which grew with the store; bench/README.md,
incremental). Keys only narrow the search: what a found fact says is read afterwards and checked
against the probe as before, so a key may find too much but never too little.

Why the buckets below find every candidate: dates agree when one is a prefix of the other, and the
dates of one fact always form such a chain (a report joins a fact only when its date agrees with
the fact's longest date), so they share their year, and all that have a month share it.
- an article that states actor A and a date of at least a month files the fact under (A, month);
  one that states A without a date under (A, undated); every article that states A also under (A)
  for probes without a date;
- an article that states only a year files the fact under (year) without an actor: a probe of
  another month of that year agrees with that year, while the articles that named A may all have
  given the other month.
Agreements and signings with a topic are also filed under (A, topic), and projects under (A, word)
for each word of their name (`project_words`), so that a report without a date reads the facts
of its topic or name, not every fact of its class that A ever took part in.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from relgraph.fact_identity import KnownFact, candidate_keys, name_words, project_core
from relgraph.namespaces import DIP, PREFIXES

FACT_KEY = "fact:"   # hidden label prefix of a fact's match keys (persons' keys never start so)
RDF_TYPE = f"{PREFIXES['rdf']}type"
RDFS_LABEL = f"{PREFIXES['rdfs']}label"
SKOS_HIDDEN = f"{PREFIXES['skos']}hiddenLabel"
ACTOR_RELATIONS = ("party", "participant", "place", "projectLocation")
MONTH = 7            # "2023-11": the bucket of a dated fact
YEAR = 4
_HIDDEN = ox.NamedNode(SKOS_HIDDEN)
_TYPE, _LABEL = ox.NamedNode(RDF_TYPE), ox.NamedNode(RDFS_LABEL)
_DATE, _TOPIC = ox.NamedNode(f"{DIP}date"), ox.NamedNode(f"{DIP}topic")
_PARTICIPANT = ox.NamedNode(f"{DIP}participant")
_ACTOR_NODES = tuple(ox.NamedNode(f"{DIP}{r}") for r in ACTOR_RELATIONS)
_UNION = ox.DefaultGraph()


def stored_keys(cls: str, actors: Iterable[str], date: str | None, topic: str | None = None,
                words: Iterable[str] = ()) -> list[str]:
    """The keys under which one article files a fact of class `cls` (local name) that it states
    with `actors` (the IRIs its graph relates the fact to), `date` and `topic`; a project also
    under its `words` (`project_words`)."""
    keys = set()
    for actor in actors:
        keys.add(f"{FACT_KEY}{cls}|{actor}")
        keys.add(f"{FACT_KEY}{cls}|{actor}|{date[:MONTH] if date else 'undated'}")
        if topic:
            keys.add(f"{FACT_KEY}{cls}|{actor}|t:{topic}")
        keys.update(f"{FACT_KEY}{cls}|{actor}|w:{w}" for w in words)
    if date and len(date) < MONTH:
        keys.add(f"{FACT_KEY}{cls}||{date}")
    return sorted(keys)


def project_words(label: str) -> list[str]:
    """What a project is filed under: the words of its name's core and its proper words. Two
    projects that `same_fact` pairs share one of them (a core inside the other, or the proper words
    of one name inside the other's); a name of stop words only is filed under the empty word."""
    core = project_core(label)
    return sorted(set(core.split()) | name_words(label)) or [""]


def lookup_keys(probe: KnownFact) -> set[tuple]:
    """`candidate_keys` of `probe`, each with the words of a project (None for other facts)."""
    words = tuple(project_words(probe.label)) if probe.kind == "project" else None
    return {(*key, words) for key in candidate_keys(probe)}


def probe_keys(cls: str, actor: str, date: str, topic: str | None = None,
               words: Iterable[str] | None = None) -> list[str]:
    """The keys to look up for stored facts of class `cls` naming `actor` whose date may agree with
    `date` ("" for none: every date agrees), of topic `topic` if given; for a project, those that
    share one of its `words`."""
    if words is not None:
        return [f"{FACT_KEY}{cls}|{actor}|w:{w}" for w in words]
    if not date:
        return [f"{FACT_KEY}{cls}|{actor}|t:{topic}" if topic else f"{FACT_KEY}{cls}|{actor}"]
    if len(date) >= MONTH:
        buckets = [date[:MONTH], date[:YEAR]]
    else:  # a year: any month of it
        buckets = [date, *(f"{date}-{m:02d}" for m in range(1, 13))]
    return [*(f"{FACT_KEY}{cls}|{actor}|{b}" for b in buckets), f"{FACT_KEY}{cls}|{actor}|undated",
            f"{FACT_KEY}{cls}||{date[:YEAR]}"]


class FactReader:
    """Candidate facts of an embedded pyoxigraph store, read by key from the union default graph
    (nothing being rebuilt), each key and each fact once per index. Every read goes through
    `_read`, which counts it."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.lookups = 0                          # index lookups made
        self.quads_read = 0                       # quads those lookups returned
        self._by_key: dict[str, list] = {}
        self._infos: dict = {}

    def rows(self, keys: set[tuple]) -> list[dict]:
        """Rows (g, f, cls, label, rel, o) of the stored facts reached through `keys`
        (`lookup_keys`), like `CorpusIndex._fact_rows_by_query`."""
        found: dict = {}
        for mode, cls_name, actor, topic, date, words in sorted(keys, key=str):
            cls = f"{DIP}{cls_name}"
            for fact in self._facts_under(probe_keys(cls_name, actor, date, topic, words)):
                if (fact, cls) not in found and self._matches(self.info(fact), mode, cls, actor, topic, date):
                    found[fact, cls] = True
        rows = []
        for fact, cls in found:
            rows += self._fact_rows(fact, cls)
        return rows

    def _facts_under(self, keys: list[str]) -> list:
        facts = set()
        for key in keys:
            if key not in self._by_key:
                self._by_key[key] = self._read(None, _HIDDEN, ox.Literal(key), _UNION)
            facts.update(q.subject for q in self._by_key[key])
        return sorted(facts, key=str)

    @staticmethod
    def _matches(info: dict, mode: str, cls: str, actor: str, topic: str | None, date: str) -> bool:
        """The tests a stored fact passes to be a candidate of the key (a bucket holds more)."""
        if cls not in info["types"] or actor not in info["actors"]:
            return False
        if mode == "topic" and topic not in info["topics"]:
            return False
        if mode == "personless" and info["has_person"]:
            return False
        return not (date and info["dates"] and not any(d.startswith(date) or date.startswith(d)
                                                       for d in info["dates"]))

    def info(self, fact) -> dict:
        """What the union default graph says of a fact that matching needs, read once: one lookup
        per predicate, so its keys and its `mentionedIn` links (one per report) are not read."""
        info = self._infos.get(fact)
        if info is None:
            said = []
            for predicate in (_TYPE, _LABEL, *_ACTOR_NODES, _DATE, _TOPIC):
                said += [(q.predicate, q.object) for q in self._read(fact, predicate, None, _UNION)]
            info = {
                "types": {o.value for p, o in said if p == _TYPE},
                "labels": [o for p, o in said if p == _LABEL],
                "dates": [o.value for p, o in said if p == _DATE],
                "topics": {o.value for p, o in said if p == _TOPIC},
                "actors": {o.value for p, o in said if p in _ACTOR_NODES},
                "has_person": any(p == _PARTICIPANT and "/person/" in o.value for p, o in said),
                "said": [(p, o) for p, o in said if p != _TYPE and p != _LABEL],
            }
            self._infos[fact] = info
        return info

    def _fact_rows(self, fact, cls: str) -> list[dict]:
        """The rows of one found fact. Which articles report it is not read (it grew with every
        report of a popular fact): with nothing being rebuilt, no graph of this build is in the
        store, so a stored fact's articles never include the article being resolved, and the
        index keeps the articles of this build itself."""
        info, cls_node = self.info(fact), ox.NamedNode(cls)
        values = info["said"] or [(None, None)]
        return [{"g": None, "f": fact, "cls": cls_node, "label": label, "rel": rel, "o": o}
                for label in info["labels"] for rel, o in values]

    def people(self, keys: set[str]) -> set[tuple[str, str]]:
        """(person IRI, label) of the persons filed under `keys` (name and word keys), read by key
        from the union default graph: what `SELECT DISTINCT ?p ?label WHERE { GRAPH ?g { ?p
        skos:hiddenLabel ?key ; rdfs:label ?label } }` gives, without the query, which Oxigraph
        answered by going through every label of every graph (35 s at 100,000 articles). Every
        graph that files a person under a key also labels it, so a person with one label in the
        union has that label in the graph of the key; one with several is read graph by graph."""
        pairs = set()
        for key in sorted(keys):
            literal = ox.Literal(key)
            for person in {q.subject for q in self._read(None, _HIDDEN, literal, _UNION)}:
                labels = {q.object.value for q in self._read(person, _LABEL, None, _UNION)}
                if len(labels) > 1:
                    graphs = {q.graph_name for q in self._read(person, _HIDDEN, literal, None)
                              if not isinstance(q.graph_name, ox.DefaultGraph)}
                    labels = {q.object.value for g in graphs for q in self._read(person, _LABEL, None, g)}
                pairs |= {(person.value, label) for label in labels}
        return pairs

    def labels(self, person: str) -> set[str]:
        """The labels of `person` in the union default graph."""
        return {q.object.value for q in self._read(ox.NamedNode(person), _LABEL, None, _UNION)}

    def _read(self, subject, predicate, obj, graph) -> list[ox.Quad]:
        """One index lookup, counted with the quads it returns."""
        quads = list(self.store.quads_for_pattern(subject, predicate, obj, graph))
        self.lookups += 1
        self.quads_read += len(quads)
        return quads
