"""The gold annotations (GOLD_SCHEMA.md), merged corpus-wide the way the graph merges articles.

People, states and organisations of all files merge by name and aliases; one person's repeated
post counts once; an agreement, project or event told by several articles counts once.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from relgraph.evaluation.names import COMMON_STATE_NAMES, NameIndex, dates_compatible, fold


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
    sources: set[str] = field(default_factory=set)     # gold files that report it


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
    articles: dict[str, str] = field(default_factory=dict)   # gold file -> its article's file name

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
    for source, doc in docs:
        for item in doc.get(kind) or []:
            spellings = [item["name"], *(item.get("aliases") or [])]
            # A name already known keeps its key: an entity reported under an alias of one seen
            # before joins it, and a state whose name is a common alias ("Türkiye") takes the
            # key of the usual spelling ("turkey"), as in the referee.
            key = names.key_of(item["name"]) or fold(item["name"])
            names.register(key, spellings)
            entity = merged.setdefault(key, GoldEntity(key, item["name"]))
            entity.sources.add(source)
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
        articles={name: doc.get("article") or name.rsplit(".", 1)[0] + ".txt" for name, doc in docs},
    )

