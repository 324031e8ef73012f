"""Events: visits, meetings, consultations, press conferences, signings and statements."""
from __future__ import annotations

from spacy.tokens import Token
from spacy.util import filter_spans

from relgraph.nlp.actors import (
    actors_in,
    governing_noun,
    pair_refs,
    place_in,
    subject_actors,
    subtree_span,
    where_place,
    with_states,
)
from relgraph.nlp.context import ArticleContext, tense_of
from relgraph.nlp.entities import ctx_matches
from relgraph.records import FactRecord, Ref

# Triggers whose reports are the same kind of happening; only same-family reports merge in one article.
FAMILY = {"talks": "talks", "discuss": "talks", "discussions": "talks", "negotiations": "talks",
          "dialogue": "talks", "negotiate": "talks"}
WISHES = {"want", "wish", "urge", "call", "hope", "need", "demand", "favor", "favour", "propose", "offer"}
# An event reported without a date gets the article's month: news reports recent happenings, but the
# day of publication is often not the day of the event.
DEFAULT_DATE_PRECISION = 7


def extract_events(ctx: ArticleContext) -> list[FactRecord]:
    events: list[FactRecord] = []
    for trigger, etype, family in _triggers(ctx):
        event = _event_at(ctx, trigger, etype)
        if event is not None:
            event.key = family  # temporary: the trigger family, used by the in-article merge
            events.append(event)
    return merge_events(ctx, events)


def _triggers(ctx: ArticleContext):
    doc = ctx.doc
    spans = [doc[s:e] for _, s, e in ctx_matches(ctx, "event_nouns")]
    for span in filter_spans(spans):
        if ctx.is_excluded(span):
            continue
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN") or (root.lower_ == "address" and root.tag_ != "NN"):
            continue
        if ctx.mention_at(root) is not None or root.text[:1].isupper() and root.i != root.sent.start:
            continue  # 'Intergovernmental Commission', 'Summit Hotel': part of a name, not an event
        etype = ctx.lex.event_nouns[span.text.lower()] if span.text.lower() in ctx.lex.event_nouns else None
        if etype:
            yield root, etype, FAMILY.get(root.lower_, root.lemma_)
    for token in doc:
        etype = ctx.lex.event_verbs.get(token.lemma_.lower())
        if etype and token.pos_ == "VERB" and not ctx.is_excluded(doc[token.i: token.i + 1]):
            yield token, etype, FAMILY.get(token.lemma_, token.lemma_)


# A trip that is only planned ('is scheduled to travel to', 'accepted an invitation to visit') has
# not happened; news reports it as the itinerary, not as a visit.
PLANNED = {"schedule", "scheduled", "expect", "expected", "due", "plan", "planned", "invitation", "invite",
           "intend", "set"}


def _planned_trip(trigger: Token) -> bool:
    if trigger.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    head = trigger.head
    return head is not trigger and (head.lemma_.lower() in PLANNED or head.lower_ in PLANNED)


def _event_at(ctx: ArticleContext, trigger: Token, etype: str) -> FactRecord | None:
    if _wished(trigger):
        return None  # wished-for talks are not events
    if etype == "Visit" and _planned_trip(trigger):
        return None
    original = trigger
    trigger = governing_noun(trigger) if trigger.pos_ != "VERB" else trigger
    tense = tense_of(trigger)
    if etype == "Visit":
        participants, place = _visit(ctx, trigger)
    elif etype == "Statement":
        participants, place = _speaker(ctx, trigger), place_in(ctx, trigger)
    elif etype == "Meeting" and trigger.pos_ == "VERB" and trigger.lemma_ in ("discuss", "negotiate"):
        participants, place = subject_actors(ctx, trigger), place_in(ctx, trigger)
    else:
        participants = _meeting_participants(ctx, trigger, etype)
        place = place_in(ctx, trigger) or (place_in(ctx, original) if original.i != trigger.i else None)
    participants = [r for r in with_states(ctx, participants) if r != place]
    if not participants:
        return None
    if etype in ("Meeting", "Consultation", "PressConference") and len(participants) < 2:
        return None  # it takes two to meet
    date = ctx.date_near(trigger, tense=tense)
    assumed = date is None and tense == "past" and bool(ctx.published)
    if assumed:
        date = ctx.published[:DEFAULT_DATE_PRECISION]
    return FactRecord(
        kind="event", type=etype, label="", participants=participants,
        places=[place] if place else [], date=date, date_assumed=assumed,
        evidence=[ctx.evidence(trigger.doc[trigger.i: trigger.i + 1], f"event-{etype.lower()}", 0.7)],
    )


def _wished(trigger: Token) -> bool:
    """'wanted Israel and Palestine to continue talks': the talks are hoped for, not reported."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "after", "before", "amid", "at", "on"):
        return False  # a circumstance of the clause, reported as fact
    verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        if verb.lemma_.lower() in WISHES:
            return True
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _hosted_visit(ctx: ArticleContext, verb: Token) -> tuple[list[Ref], Ref | None]:
    """'Ruto hosted Abiy Ahmed at State House, Nairobi': the object visits the subject; the place is
    where it happened, else the host's state."""
    guests = [r for c in verb.children if c.dep_ == "dobj"
              for r in actors_in(ctx, subtree_span(c)) if r.kind == "person"]
    hosts = [r for r in subject_actors(ctx, verb) if r.kind in ("person", "state")]
    if not guests or not hosts:
        return [], None
    place = place_in(ctx, verb) or where_place(ctx, verb)
    if place is None:
        for c in verb.children:
            span = subtree_span(c) if c.dep_ == "dobj" else None
            found = [m.ref for m in ctx.mentions_in(span.start, span.end, ("city",))] if span is not None else []
            place = found[0] if found else place
    if place is None:
        host_state = next((ctx.state_of(r) if r.kind == "person" else r.key for r in hosts), None)
        place = Ref("state", host_state) if host_state else None
    return guests[:2] + hosts[:2], place


def _visit(ctx: ArticleContext, trigger: Token) -> tuple[list[Ref], Ref | None]:
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in ctx.lex.words("host_verbs"):
        return _hosted_visit(ctx, trigger)
    visitors: list[Ref] = []
    for child in trigger.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
            visitors += actors_in(ctx, subtree_span(child))
    if not visitors:
        visitors = [r for r in subject_actors(ctx, trigger) if r.kind == "person"]
    if not visitors:
        head = trigger.head if trigger.dep_ in ("acl", "relcl", "xcomp") else None
        while head is not None and head.dep_ in ("compound", "amod", "appos") and head.head is not head:
            head = head.head
        if head is not None:
            visitors = [r for r in actors_in(ctx, [head]) if r.kind == "person"] or [
                r for r in actors_in(ctx, [head.head]) if r.kind == "person"]
    visitors = [r for r in visitors if r.kind in ("person", "state")][:2]
    if not any(r.kind == "person" for r in visitors):
        return [], None
    place = None
    for child in trigger.children:
        if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in ("to", "in")):
            span = subtree_span(child)
            found = [m.ref for m in ctx.mentions_in(span.start, span.end, ("city", "state"))]
            if found:
                cities = [f for f in found if f.kind == "city"]
                place = (cities or found)[0]
                break
    place = place or where_place(ctx, trigger)
    if place is None:  # 'Lavrov's two-day visit': joins the visit reported with its place
        return visitors, None
    host = ctx.state_of(place)
    return visitors + ([Ref("state", host)] if host else []), place


def _speaker(ctx: ArticleContext, trigger: Token) -> list[Ref]:
    """'Lavrov issued a statement', "a Foreign Office statement", 'X said in a statement'."""
    own = [c for c in trigger.children if c.dep_ in ("poss", "compound", "nmod")]
    refs: list[Ref] = []
    for child in own:
        refs += actors_in(ctx, subtree_span(child))
    if not refs:
        refs = subject_actors(ctx, trigger)
    return [r for r in refs if r.kind in ("person", "organization", "state")][:3]


def _meeting_participants(ctx: ArticleContext, trigger: Token, etype: str) -> list[Ref]:
    span = subtree_span(trigger)
    between = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
    if between:  # 'talks between the Afghan government and the Taliban': exactly these
        refs = actors_in(ctx, subtree_span(between[0])) or pair_refs(ctx, subtree_span(between[0]))
        if refs:
            return [r for r in refs if r.kind in ("person", "state", "organization")]
    refs = [r for r in actors_in(ctx, span)]
    refs += [r for r in pair_refs(ctx, span) if r not in refs]
    if trigger.dep_ in ("dobj", "nsubjpass"):  # 'Russia organized a conference ... in the presence of X'
        verb = trigger.head
        refs += [r for r in subject_actors(ctx, verb) if r not in refs]
        for child in verb.children:
            if child.dep_ == "prep" and child.i > trigger.i:
                refs += [r for r in actors_in(ctx, subtree_span(child)) if r not in refs and r.kind != "city"]
    if etype == "PressConference":  # everyone named in the sentence takes part
        refs += [r for r in actors_in(ctx, trigger.sent) if r.kind == "person" and r not in refs]
    return [r for r in refs if r.kind in ("person", "state", "organization")]


def merge_events(ctx: ArticleContext, events: list[FactRecord]) -> list[FactRecord]:
    """Several sentences often report one event: merge same-type, same-family, compatible reports."""
    merged: list[FactRecord] = []
    for event in events:
        for other in merged:
            if _same_event(other, event) and _places_agree(ctx, other, event):
                _absorb(other, event)
                break
        else:
            merged.append(event)
    for event in merged:
        event.key = None
    return merged


def _same_event(a: FactRecord, b: FactRecord) -> bool:
    if a.type == b.type and a.evidence[0].start == b.evidence[0].start:
        return True  # 'X met Y in Abuja to discuss the crisis': one sentence, one meeting
    if a.type != b.type or a.key != b.key and a.type == "Meeting":
        return False
    if a.type == "Statement":  # one speaker's statement is not another's
        speakers_a = {r for r in a.participants if r.kind != "state"}
        speakers_b = {r for r in b.participants if r.kind != "state"}
        if not speakers_a & speakers_b:
            return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    people_a = {r for r in a.participants if r.kind == "person"}
    people_b = {r for r in b.participants if r.kind == "person"}
    if people_a and people_b:
        return bool(people_a & people_b)
    states_a = {r for r in a.participants if r.kind == "state"}
    states_b = {r for r in b.participants if r.kind == "state"}
    return len(states_a & states_b) >= min(2, len(states_a), len(states_b))


def _places_agree(ctx: ArticleContext, a: FactRecord, b: FactRecord) -> bool:
    """Same place, or a city and the state it lies in, or one report gives no place."""
    if not a.places or not b.places:
        return True
    pa, pb = a.places[0], b.places[0]
    if pa == pb:
        return True
    if pa.kind != pb.kind:
        city, state = (pa, pb) if pa.kind == "city" else (pb, pa)
        return ctx.state_of(city) == state.key
    return False


def _absorb(into: FactRecord, other: FactRecord) -> None:
    into.participants += [r for r in other.participants if r not in into.participants]
    if other.places and (not into.places or into.places[0].kind == "state" and other.places[0].kind == "city"):
        into.places = other.places
    if other.date and (not into.date or into.date_assumed and not other.date_assumed
                       or len(other.date) > len(into.date) and other.date_assumed <= into.date_assumed):
        into.date, into.date_assumed = other.date, other.date_assumed
    into.evidence += other.evidence
