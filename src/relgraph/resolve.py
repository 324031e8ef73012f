"""Corpus-level identity: one node per person, agreement, project and event across articles.

The index reads from the store (minus the graphs being rebuilt) only the candidates of each
article, by key, and grows as a build goes, so a rebuild of the same articles reuses the same
IRIs, a new report of a known fact joins its node, and a build's work does not grow with the store.
"""
from __future__ import annotations


import pyoxigraph as ox

from relgraph.gazetteer import Gazetteer
from relgraph.iris import IriMaker, slug
from relgraph.namespaces import DIP, PREFIXES
from relgraph.records import ArticleRecords, FactRecord, Ref

from relgraph.fact_identity import KnownFact, candidate_keys, fact_class, match_score, project_core, same_fact
from relgraph.fact_keys import FactReader, lookup_keys, project_words, stored_keys
from relgraph.mapping import stored_places
from relgraph.person_index import PersonIndex
from relgraph.store import ROLE_MARKER

SKOS_HIDDEN = f"{PREFIXES['skos']}hiddenLabel"
RDFS_LABEL = f"{PREFIXES['rdfs']}label"
RDF_TYPE = f"{PREFIXES['rdf']}type"
ACTOR_RELATIONS = ("party", "participant", "place", "projectLocation")
SKIP_INLINE = 64   # up to this many rebuilt graphs are excluded inside the lookup queries


class CorpusIndex:
    """Persons and facts known so far: loaded from the store on demand, grown by each article.

    Nothing is read from the store up front. For each article, `resolve` asks the store only for
    what could match it: persons by their name key and the role keys of their words (each person
    carries them as skos:hiddenLabels in every article graph that mentions it; `person_index`)
    and facts by their match keys
    (class, a shared actor, the month of an agreeing date, a topic or a project's name word; see
    `fact_keys`), stored the same way; fact IRIs are checked for collisions one by one. So the
    work of a build grows with the articles it extracts and their candidate matches, not with the
    size of the store. `queries` and `rows_read` count it (every index lookup and the quads it
    returned, for the embedded store).
    """

    def __init__(self, gaz: Gazetteer, iris: IriMaker, store=None, skip_graphs: set[str] | None = None):
        self.gaz = gaz
        self.iris = iris
        self.store = store
        self.skip = set(skip_graphs or ())                # graphs being rebuilt: never read
        self._reader: FactReader | None = None           # candidate facts by key (embedded store)
        # Persons by role key (`person_index`) when the store files every person so and is read by
        # index; else (remote stores, rebuilds, stores written before) also by the old word keys.
        self.roles = self._embedded_reader() is not None and _files_roles(store)
        self.persons = PersonIndex(gaz)
        self.labels = self.persons.labels                 # iri -> canonical label
        self.facts: list[KnownFact] = []
        self.taken: set[str] = set()
        self.queries = 0
        self.rows_read = 0
        self._keys_looked_up: set[str] = set()
        self._actors_looked_up: set[tuple[str, str]] = set()
        self._iris_checked: dict[str, bool] = {}
        self._order: dict[int, tuple] = {}                # id(fact) -> tie-break order
        self._loaded: set[str] = set()
        # (class, actor or place) -> positions in self.facts: a fact that `same_fact` pairs with a
        # probe always shares one with it, so only these are compared (not every known fact,
        # which made a build quadratic in the number of articles).
        self._by_actor: dict[tuple[str, str], set[int]] = {}

    # -- loading -------------------------------------------------------------------------
    @classmethod
    def from_store(cls, store, gaz: Gazetteer, iris: IriMaker, skip_graphs: set[str]) -> CorpusIndex:
        """An index over `store` minus `skip_graphs` (the graphs a build replaces)."""
        # Only graphs the store holds need keeping out: new articles leave nothing to skip, and
        # then candidate facts are read from the union default graph, once per fact.
        return cls(gaz, iris, store, _held_graphs(store, set(skip_graphs or ())))

    def _rows(self, sparql: str) -> list:
        self.queries += 1
        rows = list(self.store.query(sparql))
        self.rows_read += len(rows)
        return rows

    def _skip_filter(self, var: str) -> str | None:
        """A SPARQL filter keeping `var` out of the rebuilt graphs, when there are few of them (an
        incremental build); None when the rows must be filtered here instead (a large rebuild)."""
        if len(self.skip) > SKIP_INLINE:
            return None
        if not self.skip:
            return "true"
        return f"{var} NOT IN ({', '.join(f'<{g}>' for g in sorted(self.skip))})"

    def _lookup_people(self, keys: set[str]) -> None:
        keys = keys - self._keys_looked_up
        self._keys_looked_up |= keys
        if self.store is None or not keys:
            return
        if (reader := self._embedded_reader()) is not None:
            for iri, label in sorted(self._counted(lambda: reader.people(keys))):
                self.add_person(iri, label)
            return
        values = " ".join(str(ox.Literal(k)) for k in sorted(keys))
        where = f"""VALUES ?key {{ {values} }} GRAPH ?g {{ ?p <{SKOS_HIDDEN}> ?key ; <{RDFS_LABEL}> ?label }}"""
        keep = self._skip_filter("?g")
        if keep is not None:  # one row per person, however many articles mention it
            rows = self._rows(f"SELECT DISTINCT ?p ?label WHERE {{ {where} FILTER({keep}) }}")
        else:
            rows = [r for r in self._rows(f"SELECT ?g ?p ?label WHERE {{ {where} }}")
                    if r["g"].value not in self.skip]
        for iri, label in sorted({(r["p"].value, r["label"].value) for r in rows}):
            self.add_person(iri, label)

    def _lookup_facts(self, keys: set[tuple]) -> None:
        """Stored facts reached through `keys` (see `candidate_keys`), with what they say in the
        graphs that are kept."""
        keys = keys - self._actors_looked_up
        self._actors_looked_up |= keys
        if self.store is None or not keys:
            return
        if self._embedded_reader() is not None:
            rows = self._fact_rows_by_key(keys)
        else:
            rows = self._fact_rows_by_query({key[:5] for key in keys})
        self._remember_fact_rows(rows)

    def _fact_rows_by_key(self, keys: set[tuple]) -> list[dict]:
        """`_fact_rows_by_query` for the embedded store with nothing being rebuilt: candidates found
        through the facts' match keys (`fact_keys`), read through the store's indexes from the
        union default graph (the SPARQL text cost 1-3 s per query at 1,000 articles: Oxigraph joined
        the VALUES after evaluating the unions; bench/README.md, incremental)."""
        reader = self._embedded_reader()
        return self._counted(lambda: reader.rows(keys))

    def _embedded_reader(self) -> FactReader | None:
        """The index reader of an embedded store when nothing is being rebuilt (the keyed path),
        else None (the SPARQL path: remote stores, rebuilds that skip graphs)."""
        if self.skip or not isinstance(getattr(self.store, "ox", None), ox.Store):
            return None
        if self._reader is None:
            self._reader = FactReader(self.store.ox)
        return self._reader

    def _counted(self, read):
        """`read()`, with the index lookups and quads it cost added to `queries` and `rows_read`."""
        lookups, quads = self._reader.lookups, self._reader.quads_read
        result = read()
        self.queries += self._reader.lookups - lookups
        self.rows_read += self._reader.quads_read - quads
        return result

    def _fact_rows_by_query(self, keys: set[tuple]) -> list:
        """Rows (g, f, cls, label, rel, o) of the stored facts reached through `keys`, by SPARQL
        (any store, and graphs being rebuilt told apart)."""
        rels = " ".join(f"<{DIP}{r}>" for r in ACTOR_RELATIONS)
        keep = self._skip_filter("?h3")
        # With nothing being rebuilt the union default graph says it all, once per triple; while
        # graphs are rebuilt, their statements must be told apart, graph by graph.
        within = (lambda var: "") if not self.skip else (lambda var: f"GRAPH {var} ")
        branches = []
        plain = sorted((c, x, d) for mode, c, x, _, d in keys
                       if mode == "any" or mode == "personless" and keep is None)
        if plain:
            values = " ".join(f"(<{DIP}{c}> <{x}> {ox.Literal(d)})" for c, x, d in plain)
            branches.append(f"""{{ VALUES (?cls ?x ?pd) {{ {values} }} {within("?h")}{{ ?f ?r ?x ; a ?cls }} }}""")
        topical = sorted((c, x, t, d) for mode, c, x, t, d in keys if mode == "topic")
        if topical:
            values = " ".join(f"(<{DIP}{c}> <{x}> {ox.Literal(t)} {ox.Literal(d)})" for c, x, t, d in topical)
            branches.append(f"""{{ VALUES (?cls ?x ?topic ?pd) {{ {values} }}
                {within("?h")}{{ ?f ?r ?x ; a ?cls ; <{DIP}topic> ?topic }} }}""")
        personless = sorted((c, x, d) for mode, c, x, _, d in keys if mode == "personless" and keep is not None)
        if personless:
            values = " ".join(f"(<{DIP}{c}> <{x}> {ox.Literal(d)})" for c, x, d in personless)
            branches.append(f"""{{ VALUES (?cls ?x ?pd) {{ {values} }} {within("?h")}{{ ?f ?r ?x ; a ?cls }}
                FILTER NOT EXISTS {{ GRAPH ?h3 {{ ?f <{DIP}participant> ?pp }}
                                     FILTER(CONTAINS(STR(?pp), "/person/") && {keep}) }} }}""")
        if not branches:
            return []
        # Dates must agree (one a prefix of the other) unless either fact has none.
        dates = ""
        if keep is not None:
            k4, k5 = keep.replace("?h3", "?h4"), keep.replace("?h3", "?h5")
            dates = f"""FILTER(?pd = "" || NOT EXISTS {{ {within("?h4")}{{ ?f <{DIP}date> ?d4 }} FILTER({k4}) }}
                || EXISTS {{ {within("?h5")}{{ ?f <{DIP}date> ?d5 }}
                             FILTER({k5} && (STRSTARTS(STR(?d5), ?pd) || STRSTARTS(?pd, STR(?d5)))) }})"""
        candidates = f"{{ SELECT DISTINCT ?f ?cls WHERE {{ VALUES ?r {{ {rels} }} {' UNION '.join(branches)} {dates} }} }}"
        said = f"?f a ?cls ; <{RDFS_LABEL}> ?label . OPTIONAL {{ ?f ?rel ?o . VALUES ?rel {{ {rels} <{DIP}date> <{DIP}topic> }} }}"
        if not self.skip:
            # What the facts say comes once from the union default graph and which articles report
            # them from a branch of its own: a fact told by many articles costs one row per
            # article, not one per article and statement.
            rows = self._rows(f"""SELECT ?g ?f ?cls ?label ?rel ?o WHERE {{ {candidates}
                {{ {said} }} UNION {{ GRAPH ?g {{ ?f a ?cls ; <{RDFS_LABEL}> ?label }} }} }}""")
        else:
            rows = self._rows(f"""SELECT ?g ?f ?cls ?label ?rel ?o WHERE {{ {candidates}
                GRAPH ?g {{ {said} }}
                FILTER({keep.replace("?h3", "?g") if keep is not None else "true"}) }}""")
        return rows

    def _remember_fact_rows(self, rows) -> None:
        facts: dict[str, KnownFact] = {}
        for row in rows:
            graph, iri = (row["g"].value if row["g"] is not None else None), row["f"].value
            if graph in self.skip or iri in self._loaded:
                continue
            cls_local = row["cls"].value.rsplit("#", 1)[1]
            kind = cls_local.lower() if cls_local in ("Agreement", "Project") else "event"
            fact = facts.setdefault(iri, KnownFact(iri, kind, None if kind != "event" else cls_local,
                                                   row["label"].value, ""))
            if graph is not None:
                fact.articles.add(graph)
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
        for iri in sorted(facts):
            fact = facts[iri]
            if fact.kind == "project":
                fact.core = project_core(fact.label)
            self._loaded.add(iri)
            self.add_stored_fact(fact)

    def _check_taken(self, candidates: list[str]) -> None:
        """Whether fact IRIs are in use in the store (outside the graphs being rebuilt)."""
        todo = sorted({c for c in candidates if c not in self._iris_checked and c not in self.taken})
        if self.store is None or not todo:
            for c in todo:
                self._iris_checked[c] = False
            return
        values = " ".join(f"<{c}>" for c in todo)
        keep = self._skip_filter("?g") or "true"
        rows = self._rows(f"SELECT DISTINCT ?f ?g WHERE {{ VALUES ?f {{ {values} }} GRAPH ?g {{ ?f a ?c }} "
                          f"FILTER({keep}) }}")
        used = {r["f"].value for r in rows if r["g"].value not in self.skip}
        for c in todo:
            self._iris_checked[c] = c in used
            if c in used:
                self.taken.add(c)

    def _is_taken(self, iri: str) -> bool:
        if iri in self.taken:
            return True
        self._check_taken([iri])
        return iri in self.taken

    def key_quads(self, records: ArticleRecords) -> list[ox.Quad]:
        """The name key of each person of `records` and the match keys of each fact, stored in its
        article graph so that later builds can find them without reading the store (see
        `_lookup_people`, `_fact_rows_by_key`)."""
        graph = ox.NamedNode(self.iris.graph(records.article_id))
        out = []
        for ref in sorted((r for r in records.entities if r.kind == "person"), key=lambda r: r.key):
            iri = self.iris.entity(ref)
            for key in self.persons.stored_keys(self.labels.get(iri, ref.key)):
                out.append(ox.Quad(ox.NamedNode(iri), ox.NamedNode(SKOS_HIDDEN), ox.Literal(key), graph))
        return out + self._fact_key_quads(records, graph)

    def _fact_key_quads(self, records: ArticleRecords, graph: ox.NamedNode) -> list[ox.Quad]:
        """The match keys of each fact of `records` (`fact_keys.stored_keys`), stored in its article
        graph so that later builds find it as a candidate by key. The actors are those the graph
        states (`mapping.stored_places`), as the union graph will show them."""
        out = []
        for fact in records.facts:
            actors = {self.iris.entity(r) for r in [*fact.participants, *stored_places(fact)]}
            cls = fact.type if fact.kind == "event" else fact.kind.capitalize()
            words = project_words(fact.label) if fact.kind == "project" else ()
            out += [ox.Quad(ox.NamedNode(fact.key), ox.NamedNode(SKOS_HIDDEN), ox.Literal(key), graph)
                    for key in stored_keys(cls, sorted(actors), fact.date, fact.topic, words)]
        return out

    def add_person(self, iri: str, label: str) -> None:
        self.persons.add(iri, label)

    def _stored_labels(self, iri: str) -> set[str]:
        """The labels the store gives person `iri` (the keyed path only: nothing being rebuilt)."""
        return self._counted(lambda: self._reader.labels(iri))

    # -- resolving an article ------------------------------------------------------------
    def resolve(self, records: ArticleRecords) -> None:
        """Point persons and facts of `records` at corpus nodes (reusing known ones)."""
        persons = [r for r in records.entities if r.kind == "person"]
        self._lookup_people(self.persons.lookup_keys([r.key for r in persons], legacy=not self.roles))
        people = self.persons.people
        for ref in persons:
            key = self.gaz.name_variant_key(ref.key)
            similar = (self.persons.similar(ref.key, self._stored_labels if self.roles else None)
                       if key not in people else None)
            if key in people:
                iri, label = people[key]
            elif similar is not None:
                iri, label = similar
                self.persons.add_spelling(key, iri, ref.key)  # this spelling, too, is that person from now on
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
        self._lookup_facts({key for p in probes for key in lookup_keys(p)})
        # Pair this article's facts with known ones best match first, each known fact at most once:
        # facts of one article were already merged by the extractor, so two of them never share a node.
        pairs = sorted(((match_score(self.facts[j], p), i, j) for i, p in enumerate(probes)
                        for j in self._candidates(p)
                        if graph not in self.facts[j].articles and same_fact(self.facts[j], p)),
                       key=lambda t: (-t[0], t[1], self._order[id(self.facts[t[2]])]))
        taken_new, taken_known, matched = set(), set(), {}
        for _, i, j in pairs:
            if i not in taken_new and j not in taken_known:
                taken_new.add(i)
                taken_known.add(j)
                matched[i] = j
        self._check_taken([self.iris.fact(f.kind, slug(f.label))
                           for i, f in enumerate(records.facts) if i not in matched])
        for i, (fact, probe) in enumerate(zip(records.facts, probes, strict=True)):
            if i in matched:
                self._join(fact, probe, self.facts[matched[i]], graph)
                self._index(matched[i])
            else:
                self._add(fact, probe, graph)

    def add_stored_fact(self, fact: KnownFact) -> None:
        """Make a fact read from the store a candidate for matching."""
        self._order[id(fact)] = (0, fact.iri)  # stored facts first, by IRI: independent of lookup order
        self.facts.append(fact)
        self._index(len(self.facts) - 1)
        self.taken.add(fact.iri)
        self.labels[fact.iri] = fact.label

    def _index(self, position: int) -> None:
        fact = self.facts[position]
        cls = fact_class(fact)
        for actor in fact.participants | fact.places:
            self._by_actor.setdefault((cls, actor), set()).add(position)

    def _candidates(self, probe: KnownFact) -> list[int]:
        cls = fact_class(probe)
        found: set[int] = set()
        for actor in probe.participants | probe.places:
            found |= self._by_actor.get((cls, actor), set())
        return sorted(found)

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
        while self._is_taken(iri):
            iri = self.iris.fact(fact.kind, f"{name}-{n}")
            n += 1
        probe.iri = iri
        probe.articles.add(graph)
        self.taken.add(iri)
        self._order[id(probe)] = (1, len(self.facts))
        self.facts.append(probe)
        self._index(len(self.facts) - 1)
        fact.key = iri


def _files_roles(store) -> bool:
    """Whether every graph of an embedded store files its persons by role key: a store made by this
    relgraph (in memory, or a directory with `ROLE_MARKER`, written when it was created empty)."""
    path = getattr(store, "path", None)
    return path is None or (path / ROLE_MARKER).exists()


def _held_graphs(store, graphs: set[str]) -> set[str]:
    """Those of `graphs` the store holds: one key lookup each in the embedded store (a chunked build
    asks for every chunk, so listing every graph would grow with the store), the listing otherwise."""
    if store is None or not graphs:
        return set()
    embedded = getattr(store, "ox", None)
    if isinstance(embedded, ox.Store):
        return {g for g in graphs if embedded.contains_named_graph(ox.NamedNode(g))}
    return graphs & set(store.named_graphs())
