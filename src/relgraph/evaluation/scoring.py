"""Matching system rows with the gold, category by category.

Each category yields an `Outcome`: every system item it counted (right or wrong, with the
assertions that back it, for the calibration and the diff) and every gold item it missed (with
the gold files and phrases that locate it, for the diff). The rules are the referee's: entities
match by any of their names, a second node for a matched entity is a false positive, posts are
compared without state words, and agreements, projects and events are matched one-to-one by
maximum matching, so the counts do not depend on the order of the rows.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from relgraph.evaluation.gold import Gold, GoldEntity, GoldFact
from relgraph.evaluation.names import NameIndex, dates_compatible, fold, local_name, post_title
from relgraph.evaluation.report import CATEGORIES, Accuracy, Counts, EvalReport
from relgraph.evaluation.rows import Node, Rows, gather_nodes, has_keywords

P = TypeVar("P")
G = TypeVar("G")


@dataclass(frozen=True)
class Claim:
    """Which stored assertions back a system item: those about `subject` whose predicate is of
    `kind` ("type": rdf:type, "state": dip:servesState, "post": dip:holdsPost, "any": all of
    them); for "state" and "post", only those whose object reads as `value` (a state key, a post
    title)."""

    subject: str
    kind: str = "any"
    value: str | None = None


@dataclass
class Predicted:
    """One system item a category counted."""

    text: str
    correct: bool
    claims: tuple[Claim, ...]


@dataclass
class Missed:
    """One gold item no system item matched: what it is, the gold files that report it, and
    phrases that find its sentence in the article text."""

    text: str
    sources: tuple[str, ...]
    clues: tuple[str, ...]


@dataclass
class Outcome:
    """What one category counted."""

    predicted: list[Predicted]
    missed: list[Missed]

    @property
    def counts(self) -> Counts:
        tp = sum(p.correct for p in self.predicted)
        return Counts(tp, len(self.predicted) - tp, len(self.missed))

    @property
    def false_positives(self) -> list[Predicted]:
        return [p for p in self.predicted if not p.correct]


@dataclass
class Comparison:
    """Everything `score`, `diff` and the calibration read."""

    outcomes: dict[str, Outcome]
    state_wikidata: Accuracy
    agreement_dates: Accuracy

    def report(self) -> EvalReport:
        return EvalReport({c: self.outcomes[c].counts for c in CATEGORIES}, self.state_wikidata,
                          self.agreement_dates)


def max_matching(preds: Sequence[P], golds: Sequence[G], fits: Callable[[P, G], bool]) -> list[tuple[int, int]]:
    """The most (pred, gold) index pairs, each side used once (augmenting paths, gold items in
    order, candidates in row order: the referee's procedure, so the same pairs come out)."""
    candidates = [[i for i, p in enumerate(preds) if fits(p, g)] for g in golds]
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(g_i: int, seen: set[int]) -> bool:
        for p_i in candidates[g_i]:
            if p_i not in seen:
                seen.add(p_i)
                if p_i not in owner or augment(owner[p_i], seen):
                    owner[p_i] = g_i
                    return True
        return False

    for g_i in range(len(golds)):
        augment(g_i, set())
    return sorted(owner.items(), key=lambda pair: pair[1])


def _entity_clues(entity: GoldEntity) -> tuple[str, ...]:
    return (entity.name, *entity.aliases)


def _match_entities(rows: list[dict[str, str]], id_var: str, gold: dict[str, GoldEntity],
                    names: NameIndex) -> tuple[Outcome, dict[str, str]]:
    """Map each system node (IRI) to the gold entity one of its names denotes. A node matching
    nothing, or an entity already taken by another node, is a false positive. Returns the
    outcome and each IRI's key (unmatched IRIs get "?<name>")."""
    node_names: dict[str, set[str]] = {}
    for row in rows:
        if row.get(id_var):
            node_names.setdefault(row[id_var], set()).add(row.get("name") or "")
    keys: dict[str, str] = {}
    taken: set[str] = set()
    predicted: list[Predicted] = []
    for iri, spellings in node_names.items():
        shown = f"{' / '.join(sorted(spellings))} <{iri}>"
        candidates = sorted(names.canon_all(spellings) & gold.keys())
        claims = (Claim(iri, "type"),)
        if not candidates:
            keys[iri] = "?" + min(spellings)
            predicted.append(Predicted(shown, False, claims))
            continue
        keys[iri] = candidates[0]
        if candidates[0] in taken:
            predicted.append(Predicted(f"{shown} (second node for {gold[candidates[0]].name})", False, claims))
        else:
            predicted.append(Predicted(shown, True, claims))
        taken.add(candidates[0])
    missed = [Missed(e.name, tuple(sorted(e.sources)), _entity_clues(e)) for k, e in gold.items() if k not in taken]
    return Outcome(predicted, missed), keys


def _describe_fact(fact: GoldFact) -> str:
    bits = [fact.type or "", fact.label, "[" + ", ".join(sorted(fact.actors)) + "]"]
    if fact.date:
        bits.append(fact.date)
    return " ".join(b for b in bits if b)


def _fact_clues(fact: GoldFact) -> tuple[str, ...]:
    """Phrases that find a fact's sentence: its keywords, the longer words of its label (the
    annotator's description: "joint press conference"), its actors and places."""
    keywords = [w for alternative in fact.keywords for w in alternative]
    label_words = [w for w in fold(fact.label).split() if len(w) > 3 and w not in fold(" ".join(fact.actors))]
    places = sorted(fact.locations | ({fact.place} if fact.place else set()))
    return tuple(dict.fromkeys([*keywords, *label_words, *sorted(fact.actors), *places]))


def _match_facts(nodes: list[Node], facts: list[GoldFact], fits: Callable[[Node, GoldFact], bool]
                 ) -> tuple[Outcome, list[tuple[Node, GoldFact]]]:
    pairs = max_matching(nodes, facts, fits)
    used_nodes = {p for p, _ in pairs}
    used_facts = {g for _, g in pairs}
    predicted = [Predicted(n.describe(), i in used_nodes, (Claim(n.iri),)) for i, n in enumerate(nodes)]
    missed = [Missed(_describe_fact(f), tuple(sorted(f.sources)), _fact_clues(f))
              for i, f in enumerate(facts) if i not in used_facts]
    return Outcome(predicted, missed), [(nodes[p], facts[g]) for p, g in pairs]


def _posts(rows: list[dict[str, str]], person_keys: dict[str, str], gold: Gold) -> tuple[Outcome, Outcome]:
    """Person->state and person->post pairs of the system against the gold posts."""
    names, state_words = gold.names, gold.state_words()
    iris_of: dict[str, set[str]] = {}
    sys_states: set[tuple[str, str]] = set()
    sys_roles: set[tuple[str, str]] = set()
    for row in rows:
        who = person_keys.get(row.get("person") or "")
        if not who:
            continue
        iris_of.setdefault(who, set()).add(row["person"])
        if row.get("state"):
            sys_states.add((who, names.canon(row["state"])))
        if row.get("role"):
            sys_roles.add((who, post_title(row["role"], state_words)))

    gold_states: set[tuple[str, str]] = set()
    gold_roles: list[tuple[str, frozenset[str], str]] = []       # (person, accepted titles, shown title)
    for key, person in gold.persons.items():
        for post in person.posts:
            if post.state:
                gold_states.add((key, names.canon(post.state)))
            titles = frozenset(post_title(t, state_words) for t in [post.role, *post.role_aliases])
            if not any(k == key and t == titles for k, t, _ in gold_roles):
                gold_roles.append((key, titles, post.role))

    show = gold.display

    def claims(who: str, kind: str, value: str) -> tuple[Claim, ...]:
        return tuple(Claim(iri, kind, value) for iri in sorted(iris_of[who]))

    def person_clues(key: str, *more: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        person = gold.persons[key]
        return tuple(sorted(person.sources)), (*_entity_clues(person), *more)

    states_predicted = [Predicted(f"{show(w)} -> {s}", (w, s) in gold_states, claims(w, "state", s))
                        for w, s in sorted(sys_states)]
    states_missed = [Missed(f"{show(w)} -> {s}", *person_clues(w, s)) for w, s in sorted(gold_states)
                     if (w, s) not in sys_states]
    used: set[int] = set()
    roles_predicted: list[Predicted] = []
    for who, title in sorted(sys_roles):
        hit = next((i for i, (k, titles, _) in enumerate(gold_roles)
                    if i not in used and k == who and title in titles), None)
        if hit is not None:
            used.add(hit)
        roles_predicted.append(Predicted(f"{show(who)}: {title}", hit is not None, claims(who, "post", title)))
    roles_missed = [Missed(f"{show(k)}: {shown}", *person_clues(k, shown))
                    for i, (k, _, shown) in enumerate(gold_roles) if i not in used]
    return Outcome(states_predicted, states_missed), Outcome(roles_predicted, roles_missed)


def _state_wikidata(rows: list[dict[str, str]], state_keys: dict[str, str], gold: Gold) -> Accuracy:
    """Share of gold states with a Wikidata item whose graph node(s) link that item."""
    linked: dict[str | None, set[str]] = {}
    for row in rows:
        if row.get("wikidata"):
            qid = local_name(row["wikidata"].rstrip("/"))
            linked.setdefault(state_keys.get(row.get("state") or ""), set()).add(qid)
    expected = {k: s.wikidata for k, s in gold.states.items() if s.wikidata}
    return Accuracy(sum(qid in linked.get(k, set()) for k, qid in expected.items()), len(expected))


def compare(rows: Rows, gold: Gold) -> Comparison:
    """Match contract-query rows (as from `contract_rows`) with the merged gold, every category."""
    names = gold.names

    def get(query: str) -> list[dict[str, str]]:
        return list(rows.get(query) or [])

    outcomes: dict[str, Outcome] = {}
    outcomes["persons"], person_keys = _match_entities(get("people"), "person", gold.persons, names)
    outcomes["states"], state_keys = _match_entities(get("states"), "state", gold.states, names)
    outcomes["organizations"], _ = _match_entities(get("organizations"), "org", gold.organizations, names)
    outcomes["person_state"], outcomes["person_role"] = _posts(get("people"), person_keys, gold)

    def agreement_fits(node: Node, fact: GoldFact) -> bool:
        return has_keywords(node, fact.keywords) and (
            not fact.actors or bool(node.actors & names.canon_all(fact.actors)))

    def project_fits(node: Node, fact: GoldFact) -> bool:
        wanted = names.canon_all(fact.actors | fact.locations)
        reached = node.actors | node.locations
        return has_keywords(node, fact.keywords) and (not wanted or bool(reached & wanted))

    def event_fits(node: Node, fact: GoldFact) -> bool:
        # Type by containment of the folded class name ("Meeting" fits dip:Meeting).
        if not node.type or fold(fact.type or "") not in node.type.replace(" ", ""):
            return False
        return bool(node.actors & names.canon_all(fact.actors)) and dates_compatible(node.date, fact.date)

    agreements = gather_nodes(get("agreements"), "agreement", "party", None, names)
    outcomes["agreements"], pairs = _match_facts(agreements, gold.agreements, agreement_fits)
    dated = [(n, f) for n, f in pairs if f.date]
    dates = Accuracy(sum(bool(n.date) and dates_compatible(n.date, f.date) for n, f in dated), len(dated))

    projects = gather_nodes(get("projects"), "project", "participant", "location", names)
    outcomes["projects"], _ = _match_facts(projects, gold.projects, project_fits)
    events = gather_nodes(get("events"), "event", "participant", "place", names)
    outcomes["events"], _ = _match_facts(events, gold.events, event_fits)
    return Comparison(outcomes, _state_wikidata(get("states"), state_keys, gold), dates)


def score(rows: Rows, gold: Gold) -> EvalReport:
    """Score contract-query rows (as from `contract_rows`) against the merged gold."""
    return compare(rows, gold).report()
