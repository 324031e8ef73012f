"""When two reports are one fact: the keys a fact is filed under and the tests that pair a stored
fact with a new report (agreements and signings by topic, projects by their name's core, events by
type, actors and dates). relgraph.resolve's corpus index uses them to give each fact one node."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def fact_class(fact: KnownFact) -> str:
    return fact.type if fact.kind == "event" else fact.kind.capitalize()


def candidate_keys(probe: KnownFact) -> set[tuple]:
    """Keys through which every stored fact that `same_fact` could pair with `probe` is found:
    (mode, class, actor, topic, date). A match always has the class, a date that agrees (or
    none), and shares an actor:
    - "any": a fact of the class with that actor;
    - "topic": ... that also has that topic (agreements and signings must have the same topic);
    - "personless": ... that has no person among its participants: an event with people can only
      be matched through a shared state by an event without people.
    A statement is matched only through a speaker (an actor that is not a state); other events
    with people through a person, or a state of a personless event."""
    cls, date = fact_class(probe), probe.date or ""
    if probe.type == "Statement":
        return {("any", cls, a, None, date) for a in probe.participants if "/state/" not in a}
    if probe.kind == "agreement" or probe.type == "Signing":
        if probe.core:
            return {("topic", cls, a, probe.core, date) for a in probe.participants}
        return {("any", cls, a, None, date) for a in probe.participants}
    if probe.kind == "project":
        return {("any", cls, a, None, date) for a in probe.participants | probe.places}
    people = {p for p in probe.participants if "/person/" in p}
    if not people:
        return {("any", cls, a, None, date) for a in probe.participants}
    return {("any", cls, a, None, date) for a in people} | \
        {("personless", cls, a, None, date) for a in probe.participants - people}


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
    return " ".join(sorted(set(words[:6])))  # 'Budapest–Belgrade' and 'Belgrade-Budapest' railway


def _project_cores_agree(a: str, b: str) -> bool:
    """The same core, or one that holds all of a shorter one of two words or more ('belgrade
    budapest railway' in 'belgrade budapest high speed railway')."""
    small, large = sorted((set(a.split()), set(b.split())), key=len)
    return a == b or len(small) >= 2 and small <= large


def _project_names_agree(a: str, b: str) -> bool:
    """'Mambilla hydropower project' and 'Mambilla plant': the proper words of one name are all in the other."""
    small, large = sorted((name_words(a), name_words(b)), key=len)
    return bool(small) and small <= large


def name_words(label: str) -> set[str]:
    """The proper words of a name, lower-cased, without generic ones."""
    words = re.findall(r"[^\W\d_][\w'’]*", label)
    return {w.lower() for w in words if w[0].isupper() and w.lower() not in STOP_CORE}


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
        return (_project_cores_agree(known.core, new.core) or _project_names_agree(known.label, new.label)) and \
            bool(known.participants & new.participants or known.places & new.places)
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
        if new.type != "Visit" and people_k - people_n and people_n - people_k:
            return False  # Hayashi meeting Wong and Hayashi meeting Park are two meetings
        return bool(people_k & people_n)
    states_k = known.participants - people_k
    states_n = new.participants - people_n
    return _overlap(states_k, states_n) and (bool(known.date and new.date) or bool(known.places & new.places))
