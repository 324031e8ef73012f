"""Corpus-level identity: one node per person, agreement, project and event across articles.

The index is read from the store (minus the graphs being rebuilt) and grows as a build goes, so a
rebuild of the same articles reuses the same IRIs, and a new report of a known fact joins its node.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from relgraph.gazetteer import Gazetteer
from relgraph.iris import IriMaker, slug
from relgraph.namespaces import DIP
from relgraph.records import ArticleRecords, FactRecord, Ref

STOP_CORE = {"the", "a", "an", "of", "its", "their", "project", "programme", "program", "scheme", "supply"}


@dataclass
class KnownFact:
    iri: str
    kind: str
    type: str | None
    label: str
    core: str
    participants: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    date: str | None = None
    articles: set[str] = field(default_factory=set)   # graphs that report it


class CorpusIndex:
    def __init__(self, gaz: Gazetteer, iris: IriMaker):
        self.gaz = gaz
        self.iris = iris
        self.people: dict[str, tuple[str, str]] = {}      # variant key -> (iri, label)
        self.labels: dict[str, str] = {}                  # iri -> canonical label
        self.facts: list[KnownFact] = []
        self.taken: set[str] = set()

    # -- loading -------------------------------------------------------------------------
    @classmethod
    def from_store(cls, store, gaz: Gazetteer, iris: IriMaker, skip_graphs: set[str]) -> CorpusIndex:
        index = cls(gaz, iris)
        keep = "".join(f" <{g}>" for g in sorted(set(store.named_graphs()) - skip_graphs))
        if not keep.strip():
            return index
        values = f"VALUES ?g {{{keep} }}"
        for row in store.query(f"""SELECT DISTINCT ?p ?label WHERE {{ {values}
                GRAPH ?g {{ ?p a <{DIP}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }}"""):
            index.add_person(row["p"].value, row["label"].value)
        facts: dict[str, KnownFact] = {}
        for row in store.query(f"""SELECT ?g ?f ?cls ?label ?rel ?o WHERE {{ {values}
                GRAPH ?g {{ ?f a ?cls ; <http://www.w3.org/2000/01/rdf-schema#label> ?label .
                  VALUES ?cls {{ <{DIP}Agreement> <{DIP}Project> <{DIP}Visit> <{DIP}Meeting> <{DIP}Consultation>
                                <{DIP}PressConference> <{DIP}Signing> <{DIP}Statement> }}
                  OPTIONAL {{ ?f ?rel ?o VALUES ?rel {{ <{DIP}party> <{DIP}participant> <{DIP}place>
                                                     <{DIP}projectLocation> <{DIP}date> <{DIP}topic> }} }} }} }}"""):
            iri, cls_local = row["f"].value, row["cls"].value.rsplit("#", 1)[1]
            kind = cls_local.lower() if cls_local in ("Agreement", "Project") else "event"
            fact = facts.setdefault(iri, KnownFact(iri, kind, None if kind != "event" else cls_local,
                                                   row["label"].value, ""))
            fact.articles.add(row["g"].value)
            rel = row["rel"].value.rsplit("#", 1)[1] if row["rel"] is not None else None
            value = row["o"].value if row["o"] is not None else None
            if rel in ("party", "participant"):
                fact.participants.add(value)
            elif rel in ("place", "projectLocation"):
                fact.places.add(value)
            elif rel == "date" and (fact.date is None or len(value) > len(fact.date)):
                fact.date = value
            elif rel == "topic":
                fact.core = value
        for fact in facts.values():
            if fact.kind == "project":
                fact.core = project_core(fact.label)
            index.facts.append(fact)
            index.taken.add(fact.iri)
            index.labels[fact.iri] = fact.label
        return index

    def add_person(self, iri: str, label: str) -> None:
        self.people.setdefault(self.gaz.name_variant_key(label), (iri, label))
        self.labels.setdefault(iri, label)

    # -- resolving an article ------------------------------------------------------------
    def resolve(self, records: ArticleRecords) -> None:
        """Point persons and facts of `records` at corpus nodes (reusing known ones)."""
        for ref in [r for r in records.entities if r.kind == "person"]:
            key = self.gaz.name_variant_key(ref.key)
            if key in self.people:
                iri, label = self.people[key]
            else:
                iri, label = f"{self.iris.base}person/{slug(ref.key)}", ref.key
                self.add_person(iri, label)
            self.iris.person_iris[ref.key] = iri
            self.labels.setdefault(iri, label)
        for ref, ent in records.entities.items():
            if ref.kind == "city":
                self.iris.city_states[ref.key] = ent.state
        graph = self.iris.graph(records.article_id)
        probes = [self._probe(fact) for fact in records.facts]
        # Pair this article's facts with known ones best match first, each known fact at most once:
        # facts of one article were already merged by the extractor, so two of them never share a node.
        pairs = sorted(((match_score(k, p), i, j) for i, p in enumerate(probes)
                        for j, k in enumerate(self.facts) if graph not in k.articles and same_fact(k, p)),
                       key=lambda t: (-t[0], t[1], t[2]))
        taken_new, taken_known, matched = set(), set(), {}
        for _, i, j in pairs:
            if i not in taken_new and j not in taken_known:
                taken_new.add(i)
                taken_known.add(j)
                matched[i] = self.facts[j]
        for i, (fact, probe) in enumerate(zip(records.facts, probes, strict=True)):
            if i in matched:
                self._join(fact, probe, matched[i], graph)
            else:
                self._add(fact, probe, graph)

    def _probe(self, fact: FactRecord) -> KnownFact:
        participants = {self.iris.entity(r) for r in fact.participants}
        places = {self.iris.entity(r) for r in fact.places}
        if fact.kind == "project":
            core = project_core(fact.label)
        elif fact.kind == "agreement" or fact.type == "Signing":
            core = fact.topic or ""
        else:
            core = ""
        return KnownFact("", fact.kind, fact.type, fact.label, core, participants, places, fact.date)

    @staticmethod
    def _join(fact: FactRecord, probe: KnownFact, match: KnownFact, graph: str) -> None:
        fact.key = match.iri
        fact.label = match.label
        match.participants |= probe.participants
        match.places |= probe.places
        match.articles.add(graph)
        if fact.date and (not match.date or len(fact.date) > len(match.date)):
            match.date = fact.date

    def _add(self, fact: FactRecord, probe: KnownFact, graph: str) -> None:
        name = slug(fact.label)
        iri = self.iris.fact(fact.kind, name)
        n = 2
        while iri in self.taken:
            iri = self.iris.fact(fact.kind, f"{name}-{n}")
            n += 1
        probe.iri = iri
        probe.articles.add(graph)
        self.taken.add(iri)
        self.facts.append(probe)
        fact.key = iri


def match_score(known: KnownFact, new: KnownFact) -> float:
    """How alike two compatible reports are: shared actors and places, equal dates; differences cost."""
    shared = len(known.participants & new.participants)
    differ = len(known.participants ^ new.participants)
    score = shared - 0.5 * differ + 2 * len(known.places & new.places)
    if known.date and new.date and known.date[:7] == new.date[:7] and len(known.date) >= 7 and len(new.date) >= 7:
        score += 2
    return score


def project_core(label: str) -> str:
    """What a project is, without articles and generic words: 'The North-South gas pipeline project'
    and 'North-South gas pipeline' share the core 'north south gas pipeline'."""
    words = re.sub(r"[^a-z0-9]+", " ", label.lower()).split()
    words = [w for w in words if w not in STOP_CORE]
    return " ".join(words[:6])


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    k = min(len(a), len(b))
    return a[:k] == b[:k]


def _overlap(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) >= min(2, len(a), len(b))


def same_fact(known: KnownFact, new: KnownFact) -> bool:
    """Two reports describe one real-world fact."""
    if known.kind != new.kind or known.type != new.type:
        return False
    if not _dates_agree(known.date, new.date):
        return False
    if new.kind == "project":
        return known.core == new.core and bool(known.participants & new.participants or known.places & new.places)
    if new.kind == "agreement" or new.type == "Signing":
        return known.core == new.core and _overlap(known.participants, new.participants)
    if known.places and new.places and not known.places & new.places:
        return False
    if new.type == "Statement":  # statements merge only when the speaker is the same
        speakers = {p for p in known.participants if "/state/" not in p}
        return bool(speakers & {p for p in new.participants if "/state/" not in p})
    people_k = {p for p in known.participants if "/person/" in p}
    people_n = {p for p in new.participants if "/person/" in p}
    if people_k and people_n:
        return bool(people_k & people_n)
    states_k = known.participants - people_k
    states_n = new.participants - people_n
    return _overlap(states_k, states_n) and (bool(known.date and new.date) or bool(known.places & new.places))
