"""Precision, recall and F1 of a built graph against hand-made gold annotations.

The gold format is described in GOLD_SCHEMA.md (one JSON file per article, e.g. tests/gold/).
Scoring is corpus-level, the way the graph itself merges articles:

* persons, states and organisations of all gold files are merged by name and aliases;
* one person's repeated post counts once;
* an agreement, project or event told by several articles counts once;
* the graph is read through the six contract queries (queries/<name>.rq), so what is scored is
  exactly what a user of the graph sees.

The numbers are meant to agree with the referee's scorer on the same rows: F1 is the harmonic
mean of precision and recall, every figure is rounded to three decimals, and overall_f1 is the
mean of the eight rounded category F1 scores.

Typical use::

    store = open_store(path, read_only=True)
    rows = contract_rows(store, Path("queries"))
    gold = load_gold(Path("tests/gold"))
    report = score(rows, gold)
    print(format_report(report))
    print("\\n".join(diff(rows, gold)))
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Rows = Mapping[str, list[dict[str, str]]]

CONTRACT_QUERIES: tuple[str, ...] = ("people", "states", "organizations", "agreements", "projects", "events")
"""Contract queries the evaluation reads, by file stem in the queries folder."""

CATEGORIES: tuple[str, ...] = (
    "persons", "person_state", "person_role", "states", "organizations", "agreements", "projects", "events",
)
"""Categories whose F1 scores are averaged into overall_f1, in report order."""

# ------------------------------------------------------------------------------------------------
# Name normalisation
# ------------------------------------------------------------------------------------------------

# Alternative names of states that gold files need not list (normalised form -> normalised canonical).
COMMON_STATE_NAMES: dict[str, str] = {
    "america": "united states",
    "u s": "united states",
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "uk": "united kingdom",
    "union of soviet socialist republics": "soviet union",
    "ussr": "soviet union",
    "uae": "united arab emirates",
    "russian federation": "russia",
    "people s republic of china": "china",
    "prc": "china",
    "islamic republic of iran": "iran",
    "islamic republic of pakistan": "pakistan",
    "republic of turkey": "turkey",
    "turkiye": "turkey",
}

# Adjectives of nationality that are dropped from post titles ("Russian Foreign Minister").
NATIONALITY_WORDS: frozenset[str] = frozenset({
    "afghan", "american", "azerbaijani", "bangladeshi", "british", "chinese", "egyptian", "emirati",
    "european", "french", "german", "indian", "iranian", "iraqi", "israeli", "japanese", "kazakh",
    "kuwaiti", "kyrgyz", "pakistani", "palestinian", "qatari", "russian", "saudi", "soviet", "syrian",
    "tajik", "turkish", "turkmen", "ukrainian", "uzbek",
})

# Forms of address ignored in person names ("Mr Lavrov", "Dr. X", "H.E. Y").
TITLES_OF_ADDRESS: frozenset[str] = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "h", "e"})

_APOSTROPHES = re.compile(r"[’'`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_IRI_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*:(//|[A-Za-z0-9])")


def fold(text: object) -> str:
    """Lower-case ASCII form of a name: accents removed, apostrophes dropped, any other run of
    punctuation or spaces turned into one space ("Qureshi's" -> "qureshis", "Pak-Russia" -> "pak russia")."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = _APOSTROPHES.sub("", plain)
    return _NON_ALNUM.sub(" ", plain).strip()


def fold_person(text: object) -> str:
    """`fold` without forms of address: "Mr. Sergey Lavrov" -> "sergey lavrov"."""
    return " ".join(word for word in fold(text).split() if word not in TITLES_OF_ADDRESS)


def post_title(role: str, state_words: Iterable[str]) -> str:
    """A post title without state words: "Foreign Minister of the Russian Federation"-style
    suffixes "of <state>" are cut, then nationality adjectives, "the" and one-word state names
    are dropped. "Russian Foreign Minister" -> "foreign minister"; "Deputy Foreign Minister" stays
    "deputy foreign minister"."""
    title = fold(role)
    # Longest state names first, so "of united states" is cut before "of states" could be.
    for state in sorted(set(state_words), key=lambda s: (-len(s), s)):
        suffix = " of " + state
        if state and title.endswith(suffix):
            title = title[: -len(suffix)]
    dropped = NATIONALITY_WORDS | {"the"} | set(state_words)
    return " ".join(word for word in title.split() if word not in dropped)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when two ISO dates of any precision can denote the same day ("2021-04" and
    "2021-04-06"), or when either is unknown."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def local_name(iri: str) -> str:
    """The part of an IRI after its last '/' or '#'."""
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class NameIndex:
    """Resolves every spelling known from the gold (names, aliases, common state names) to one
    canonical key, the folded canonical name. The first entity to claim a spelling keeps it."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = dict(COMMON_STATE_NAMES)

    def register(self, key: str, spellings: Iterable[str]) -> None:
        """Make every spelling (with and without forms of address) resolve to `key`."""
        for spelling in spellings:
            for form in (fold_person(spelling), fold(spelling)):
                if form:
                    self._keys.setdefault(form, key)

    def known(self, text: str) -> str | None:
        """The key of a spelling already registered, or None."""
        return self._keys.get(fold(text)) or self._keys.get(fold_person(text)) or None

    def canon(self, text: str | None) -> str | None:
        """The canonical key of `text`: a registered key when the spelling is known, otherwise
        its folded form."""
        if text is None:
            return None
        return self.known(text) or fold(text)

    def canon_all(self, texts: Iterable[str] | None) -> set[str]:
        """`canon` of each of `texts` (None counts as empty)."""
        return {self.canon(t) for t in texts or []}


# ------------------------------------------------------------------------------------------------
# Gold
# ------------------------------------------------------------------------------------------------

@dataclass
class GoldPost:
    """One post of a gold person: generic title, its alternative titles and the state served."""

    role: str
    role_aliases: list[str]
    state: str | None


@dataclass
class GoldEntity:
    """A person, state or organisation of the merged gold, keyed by its folded canonical name."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    posts: list[GoldPost] = field(default_factory=list)


@dataclass
class GoldFact:
    """An agreement, project or event of the merged gold, possibly told by several articles."""

    label: str
    keywords: tuple[tuple[str, ...], ...]
    actors: set[str]                  # parties of an agreement, participants of a project or event
    locations: set[str] = field(default_factory=set)
    type: str | None = None           # events only: Visit, Meeting...
    place: str | None = None
    date: str | None = None
    sources: set[str] = field(default_factory=set)


@dataclass
class Gold:
    """The corpus-level gold: all articles' annotations merged as the graph merges them."""

    names: NameIndex
    persons: dict[str, GoldEntity]
    states: dict[str, GoldEntity]
    organizations: dict[str, GoldEntity]
    agreements: list[GoldFact]
    projects: list[GoldFact]
    events: list[GoldFact]
    files: list[str] = field(default_factory=list)

    def state_words(self) -> set[str]:
        """Folded state names that are removed from post titles."""
        return set(self.states) | set(COMMON_STATE_NAMES)

    def display(self, key: str) -> str:
        """A readable name for an entity key ("?name" keys are system names matching no gold)."""
        for group in (self.persons, self.states, self.organizations):
            if key in group:
                return group[key].name
        return key


def keyword_alternatives(keywords: Any) -> tuple[tuple[str, ...], ...]:
    """Gold keywords as alternatives of word lists. A flat list of words is one alternative;
    none at all is one empty alternative (which every labelled item satisfies)."""
    if not keywords:
        return ((),)
    if isinstance(keywords[0], str):
        return (tuple(keywords),)
    return tuple(tuple(words) for words in keywords)


def actors_overlap(a: set[str], b: set[str]) -> bool:
    """Two reports name the same actors: all of the smaller side or at least two in common
    (two empty sides agree, one empty side does not)."""
    if not a or not b:
        return not a and not b
    return len(a & b) >= min(2, len(a), len(b))


def _merge_entities(docs: list[tuple[str, dict]], kind: str, names: NameIndex) -> dict[str, GoldEntity]:
    """Merge one kind of entity across files by names and aliases."""
    merged: dict[str, GoldEntity] = {}
    for _, doc in docs:
        for item in doc.get(kind) or []:
            spellings = [item["name"], *(item.get("aliases") or [])]
            # An entity reported under an alias of one already seen joins it.
            key = next((k for k in map(names.known, spellings) if k in merged), None) or fold(item["name"])
            names.register(key, spellings)
            entity = merged.setdefault(key, GoldEntity(key, item["name"]))
            entity.aliases.extend(a for a in item.get("aliases") or [] if a not in entity.aliases)
            entity.wikidata = entity.wikidata or item.get("wikidata")
            for post in item.get("roles") or []:
                seen = {(fold(p.role), fold(p.state or "")) for p in entity.posts}
                if (fold(post["role"]), fold(post.get("state") or "")) not in seen:
                    entity.posts.append(GoldPost(post["role"], list(post.get("role_aliases") or []),
                                                 post.get("state")))
    return merged


def _fact_from(item: dict, kind: str, source: str) -> GoldFact:
    actor_field = {"agreements": "parties", "projects": "participants", "events": "participants"}[kind]
    return GoldFact(
        label=item.get("label", ""),
        keywords=keyword_alternatives(item.get("keywords")),
        actors=set(item.get(actor_field) or []),
        locations=set(item.get("locations") or []),
        type=item.get("type"),
        place=item.get("place"),
        date=item.get("date"),
        sources={source},
    )


def _same_fact(told: GoldFact, other: GoldFact, kind: str, names: NameIndex) -> bool:
    """Whether two gold reports describe one real-world agreement, project or event."""
    if not actors_overlap(names.canon_all(told.actors), names.canon_all(other.actors)):
        return False
    if kind != "events":
        return told.keywords == other.keywords
    if fold(told.type or "") != fold(other.type or ""):
        return False
    if told.place and other.place and names.canon(told.place) != names.canon(other.place):
        return False
    return dates_compatible(told.date, other.date)


def _merge_facts(docs: list[tuple[str, dict]], kind: str, names: NameIndex) -> list[GoldFact]:
    """One gold fact per real-world agreement/project/event; never merges two items of one file."""
    facts: list[GoldFact] = []
    for source, doc in docs:
        for item in doc.get(kind) or []:
            report = _fact_from(item, kind, source)
            same = next((f for f in facts if source not in f.sources and _same_fact(f, report, kind, names)),
                        None)
            if same is None:
                facts.append(report)
                continue
            same.actors |= report.actors
            same.locations |= report.locations
            if len(report.date or "") > len(same.date or ""):
                same.date = report.date
            same.place = same.place or report.place
            same.sources.add(source)
    return facts


def load_gold(gold_dir: Path) -> Gold:
    """Read every `*.json` gold file of `gold_dir` (in name order) and merge them corpus-wide."""
    paths = sorted(Path(gold_dir).glob("*.json"))
    if not paths:
        raise FileNotFoundError(f"no gold files (*.json) in {gold_dir}")
    docs = [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in paths]
    names = NameIndex()
    # Cities first: they only serve to resolve places and locations.
    for _, doc in docs:
        for city in doc.get("cities") or []:
            names.register(fold(city["name"]), [city["name"], *(city.get("aliases") or [])])
    persons = _merge_entities(docs, "persons", names)
    states = _merge_entities(docs, "states", names)
    organizations = _merge_entities(docs, "organizations", names)
    return Gold(
        names=names, persons=persons, states=states, organizations=organizations,
        agreements=_merge_facts(docs, "agreements", names),
        projects=_merge_facts(docs, "projects", names),
        events=_merge_facts(docs, "events", names),
        files=[p.name for p in paths],
    )


# ------------------------------------------------------------------------------------------------
# System rows
# ------------------------------------------------------------------------------------------------

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


def _nodes(rows: list[dict[str, str]], id_var: str, actor_var: str, location_var: str | None,
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


# ------------------------------------------------------------------------------------------------
# Scores
# ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one category."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return round(self._precision, 3)

    @property
    def recall(self) -> float:
        return round(self._recall, 3)

    @property
    def f1(self) -> float:
        p, r = self._precision, self._recall
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    @property
    def _precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def _recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Accuracy:
    """Share of `total` checked items that are right; None when nothing could be checked."""

    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return round(self.correct / self.total, 3) if self.total else None

    def to_dict(self) -> dict[str, float | int | None]:
        return {"accuracy": self.value, "correct": self.correct, "of": self.total}


@dataclass
class EvalReport:
    """Per-category counts and scores, plus two accuracies reported beside them."""

    categories: dict[str, Counts]
    state_wikidata: Accuracy
    agreement_dates: Accuracy

    @property
    def overall_f1(self) -> float:
        """Mean F1 of the eight categories (each rounded to three decimals first)."""
        return round(sum(self.categories[c].f1 for c in CATEGORIES) / len(CATEGORIES), 3)

    def __getitem__(self, category: str) -> Counts:
        return self.categories[category]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {c: self.categories[c].to_dict() for c in CATEGORIES}
        out["state_wikidata"] = self.state_wikidata.to_dict()
        out["agreement_dates"] = self.agreement_dates.to_dict()
        out["overall_f1"] = self.overall_f1
        return out


@dataclass
class _Outcome:
    """Counts of one category plus what was wrong, for `diff`."""

    counts: Counts
    false_positives: list[str]
    false_negatives: list[str]


@dataclass
class _Comparison:
    outcomes: dict[str, _Outcome]
    state_wikidata: Accuracy
    agreement_dates: Accuracy


def _outcome(tp: int, false_positives: list[str], false_negatives: list[str]) -> _Outcome:
    return _Outcome(Counts(tp, len(false_positives), len(false_negatives)), false_positives, false_negatives)


def _match_entities(rows: list[dict[str, str]], id_var: str, gold: dict[str, GoldEntity],
                    names: NameIndex) -> tuple[_Outcome, dict[str, str]]:
    """Map each system node (IRI) to the gold entity one of its names denotes. A node matching
    nothing, or an entity already taken by another node, is a false positive. Returns the
    outcome and each IRI's key (unmatched IRIs get "?<name>")."""
    node_names: dict[str, set[str]] = {}
    for row in rows:
        if row.get(id_var):
            node_names.setdefault(row[id_var], set()).add(row.get("name") or "")
    keys: dict[str, str] = {}
    taken: set[str] = set()
    false_pos: list[str] = []
    for iri, spellings in node_names.items():
        candidates = sorted(names.canon_all(spellings) & gold.keys())
        if not candidates:
            keys[iri] = "?" + min(spellings)
            false_pos.append(f"{' / '.join(sorted(spellings))} <{iri}>")
            continue
        keys[iri] = candidates[0]
        if candidates[0] in taken:
            false_pos.append(f"{' / '.join(sorted(spellings))} <{iri}> (second node for "
                             f"{gold[candidates[0]].name})")
        taken.add(candidates[0])
    missed = [gold[k].name for k in gold if k not in taken]
    return _outcome(len(taken), false_pos, missed), keys


def _greedy(nodes: list[Node], facts: list[GoldFact], fits: Callable[[Node, GoldFact], bool]
            ) -> tuple[_Outcome, list[tuple[Node, GoldFact]]]:
    """Give each gold fact, in order, the first still unused node that fits it."""
    used: set[int] = set()
    pairs: list[tuple[Node, GoldFact]] = []
    missed: list[str] = []
    for fact in facts:
        hit = next((i for i, n in enumerate(nodes) if i not in used and fits(n, fact)), None)
        if hit is None:
            missed.append(_describe_fact(fact))
        else:
            used.add(hit)
            pairs.append((nodes[hit], fact))
    extra = [n.describe() for i, n in enumerate(nodes) if i not in used]
    return _outcome(len(pairs), extra, missed), pairs


def _describe_fact(fact: GoldFact) -> str:
    bits = [fact.type or "", fact.label, "[" + ", ".join(sorted(fact.actors)) + "]"]
    if fact.date:
        bits.append(fact.date)
    return " ".join(b for b in bits if b)


def _posts(rows: list[dict[str, str]], person_keys: dict[str, str], gold: Gold) -> tuple[_Outcome, _Outcome]:
    """Person->state and person->post pairs of the system against the gold posts."""
    names, state_words = gold.names, gold.state_words()
    sys_states: set[tuple[str, str]] = set()
    sys_roles: set[tuple[str, str]] = set()
    for row in rows:
        who = person_keys.get(row.get("person") or "")
        if not who:
            continue
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
    state_outcome = _outcome(
        len(sys_states & gold_states),
        [f"{show(w)} -> {s}" for w, s in sorted(sys_states - gold_states)],
        [f"{show(w)} -> {s}" for w, s in sorted(gold_states - sys_states)],
    )
    used: set[int] = set()
    wrong: list[str] = []
    for who, title in sorted(sys_roles):
        hit = next((i for i, (k, titles, _) in enumerate(gold_roles)
                    if i not in used and k == who and title in titles), None)
        if hit is None:
            wrong.append(f"{show(who)}: {title}")
        else:
            used.add(hit)
    missed = [f"{show(k)}: {shown}" for i, (k, _, shown) in enumerate(gold_roles) if i not in used]
    return state_outcome, _outcome(len(used), wrong, missed)


def _state_wikidata(rows: list[dict[str, str]], state_keys: dict[str, str], gold: Gold) -> Accuracy:
    """Share of gold states with a Wikidata item whose graph node(s) link that item."""
    linked: dict[str | None, set[str]] = {}
    for row in rows:
        if row.get("wikidata"):
            qid = local_name(row["wikidata"].rstrip("/"))
            linked.setdefault(state_keys.get(row.get("state") or ""), set()).add(qid)
    expected = {k: s.wikidata for k, s in gold.states.items() if s.wikidata}
    return Accuracy(sum(qid in linked.get(k, set()) for k, qid in expected.items()), len(expected))


def _compare(rows: Rows, gold: Gold) -> _Comparison:
    """Everything `score` and `diff` report."""
    names = gold.names

    def get(query: str) -> list[dict[str, str]]:
        return list(rows.get(query) or [])

    outcomes: dict[str, _Outcome] = {}
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

    agreements = _nodes(get("agreements"), "agreement", "party", None, names)
    outcomes["agreements"], pairs = _greedy(agreements, gold.agreements, agreement_fits)
    dated = [(n, f) for n, f in pairs if f.date]
    dates = Accuracy(sum(bool(n.date) and dates_compatible(n.date, f.date) for n, f in dated), len(dated))

    projects = _nodes(get("projects"), "project", "participant", "location", names)
    outcomes["projects"], _ = _greedy(projects, gold.projects, project_fits)
    events = _nodes(get("events"), "event", "participant", "place", names)
    outcomes["events"], _ = _greedy(events, gold.events, event_fits)
    return _Comparison(outcomes, _state_wikidata(get("states"), state_keys, gold), dates)


def score(rows: Rows, gold: Gold) -> EvalReport:
    """Score contract-query rows (as from `contract_rows`) against the merged gold."""
    comparison = _compare(rows, gold)
    return EvalReport({c: comparison.outcomes[c].counts for c in CATEGORIES},
                      comparison.state_wikidata, comparison.agreement_dates)


def diff(rows: Rows, gold: Gold) -> list[str]:
    """One line per false positive ("+ ") and false negative ("- ") of every category, by name,
    for someone improving extraction."""
    lines: list[str] = []
    comparison = _compare(rows, gold)
    for category in CATEGORIES:
        outcome = comparison.outcomes[category]
        lines.extend(f"{category}: + {item}" for item in outcome.false_positives)
        lines.extend(f"{category}: - {item}" for item in outcome.false_negatives)
    return lines


def format_report(report: EvalReport) -> str:
    """A plain-text table of the report."""
    lines = [f"{'category':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for category in CATEGORIES:
        c = report.categories[category]
        lines.append(f"{category:<14} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                     f"{c.tp:5d} {c.fp:5d} {c.fn:5d}")
    lines.append(f"{'overall_f1':<14} {'':>6} {'':>6} {report.overall_f1:6.3f}")
    for label, acc in (("state Wikidata accuracy", report.state_wikidata),
                       ("agreement date accuracy", report.agreement_dates)):
        value = "n/a" if acc.value is None else f"{acc.value:.3f}"
        lines.append(f"{label}: {value} ({acc.correct} of {acc.total})")
    return "\n".join(lines)


def evaluate_store(store: Any, gold_dir: Path, queries_dir: Path) -> tuple[EvalReport, list[str]]:
    """Convenience for a CLI command: score a store against a gold folder; returns the report and the diff."""
    rows = contract_rows(store, queries_dir)
    gold = load_gold(gold_dir)
    return score(rows, gold), diff(rows, gold)
