"""The interface between NLP and RDF: plain dataclasses, no spaCy objects.

An extractor turns one article into an `ArticleRecords`; the mapping turns that into quads.
Entities are referred to by `(kind, key)` where key is the canonical name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_KINDS = ("person", "state", "organization", "city")
FACT_KINDS = ("agreement", "project", "event")
EVENT_TYPES = ("Visit", "Meeting", "Consultation", "PressConference", "Signing", "Statement")


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and its character offsets in the article's clean text."""

    sentence: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class Ref:
    """A reference to an entity of the article: its kind and canonical name."""

    kind: str
    key: str


@dataclass
class EntityRecord:
    kind: str
    key: str                                  # canonical name
    names: set[str] = field(default_factory=set)   # spellings seen in this article (full names only)
    same_as: list[str] = field(default_factory=list)
    state: str | None = None                  # cities, organizations: canonical state name
    evidence: list[Evidence] = field(default_factory=list)
    actor: bool = False                       # states: acts in the story rather than mentioned in passing

    @property
    def ref(self) -> Ref:
        return Ref(self.kind, self.key)


@dataclass
class RoleRecord:
    person: str                               # canonical person name
    role: str                                 # generic office title, e.g. "Foreign Minister"
    state: str | None
    evidence: Evidence


@dataclass
class FactRecord:
    kind: str                                 # agreement | project | event
    label: str
    type: str | None = None                   # event subclass name
    topic: str | None = None                  # agreements: what it is about (oil, trade...)
    name: str | None = None                   # agreements with a proper name ('Paris Agreement')
    description: str | None = None            # agreements: the words of its own phrase ('MoU on tourism')
    topic_from_sentence: bool = False         # the topic word was only found elsewhere in the sentence
    participants: list[Ref] = field(default_factory=list)   # parties for agreements
    places: list[Ref] = field(default_factory=list)         # event place (max 1) / project locations
    date: str | None = None
    date_assumed: bool = False                # no date in the text: the article's month stands in
    evidence: list[Evidence] = field(default_factory=list)
    key: str | None = None                    # identity key used to merge reports; set by the resolver


@dataclass
class ArticleRecords:
    """Everything one article yields."""

    article_id: str
    entities: dict[Ref, EntityRecord] = field(default_factory=dict)
    roles: list[RoleRecord] = field(default_factory=list)
    facts: list[FactRecord] = field(default_factory=list)

    def entity(self, kind: str, key: str) -> EntityRecord:
        ref = Ref(kind, key)
        if ref not in self.entities:
            self.entities[ref] = EntityRecord(kind, key)
        return self.entities[ref]
