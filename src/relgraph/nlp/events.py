"""Events: visits, meetings, consultations, press conferences, signings and statements."""
from __future__ import annotations

from spacy.tokens import Token
from spacy.util import filter_spans

from relgraph.nlp.actors import governing_noun, place_in, subject_actors, subtree_span, with_states
from relgraph.nlp.context import ArticleContext, tense_of
from relgraph.nlp.event_actors import (
    invited_to,
    link_bare_surnames,
    meeting_participants,
    reception_meeting,
    speaker,
    visit_participants,
)
from relgraph.nlp.entities import ctx_matches
from relgraph.nlp.event_bodies import body_session_verb, joint_body_members
from relgraph.nlp.event_history import long_past
from relgraph.nlp.event_plans import (bound_for_a_place, collective_sides, plan_and_past, traveller, trip_is_planned,
                                      trip_of_purpose)
from relgraph.nlp.event_verbs import co_chaired_body, remote_talk
from relgraph.nlp.list_items import bulleted_headline, list_intro
from relgraph.nlp.statements import framed_statement, posting_verb, signed_document, statement_verb
from relgraph.records import FactRecord, Ref

# Triggers whose reports are the same kind of happening; only same-family reports merge in one article.
FAMILY = {"talks": "talks", "discuss": "talks", "discussions": "talks", "negotiations": "talks",
          "dialogue": "talks", "negotiate": "talks"}
WISHES = {"want", "wish", "urge", "call", "hope", "need", "demand", "favor", "favour", "propose", "offer"}
# An event reported without a date gets the article's month: news reports recent happenings, but the
# day of publication is often not the day of the event.
DEFAULT_DATE_PRECISION = 7


def extract_events(ctx: ArticleContext) -> list[FactRecord]:
    link_bare_surnames(ctx)
    events: list[FactRecord] = []
    for trigger, etype, family in _triggers(ctx):
        if bulleted_headline(ctx, trigger) and list_intro(ctx, trigger) is None:
            continue  # '- Chile and Peru hold political consultations': a link to another story
        event = _event_at(ctx, trigger, etype)
        if event is not None:
            # temporary: the trigger family for the in-article merge, marked when it is 'the summit'
            event.key = family + (BACK_REFERENCE if _bare_definite(trigger) else "")
            events.append(event)
    # a visit or meeting the text dates long ago is the story's background, not an event it reports
    return [e for e in merge_events(ctx, events) if e.date_assumed or not long_past(e.date, ctx.published)]


BACK_REFERENCE = "|the"


def _bare_definite(noun: Token) -> bool:
    """'the summit' with nothing of its own: the gathering the story is about."""
    children = list(noun.children)
    return noun.pos_ in ("NOUN", "PROPN") and bool(children) and all(
        c.dep_ == "det" and c.lower_ == "the" for c in children)


def _triggers(ctx: ArticleContext):
    doc = ctx.doc
    spans = [doc[s:e] for _, s, e in ctx_matches(ctx, "event_nouns")]
    for span in filter_spans(spans):
        if ctx.is_excluded(span):
            continue
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN") or (root.lower_ == "address" and root.tag_ != "NN"):
            continue
        if _planned_in_document(ctx, root):
            continue  # 'a plan of consultations for 2025-2026' is a document, not a meeting
        if ctx.mention_at(root) is not None or root.text[:1].isupper() and root.i != root.sent.start \
                and not _named_event(ctx, root):
            continue  # 'Intergovernmental Commission', 'Summit Hotel': part of a name, not an event
        etype = ctx.lex.event_nouns[span.text.lower()] if span.text.lower() in ctx.lex.event_nouns else None
        if etype:
            yield root, etype, FAMILY.get(root.lower_, root.lemma_)
    host_verbs = ctx.lex.words("host_verbs")
    for token in ctx.index.tokens(ctx.index.with_pos(("VERB",))):
        if token.pos_ != "VERB" or ctx.is_excluded(doc[token.i: token.i + 1]):
            continue
        lemma = token.lemma_.lower()
        etype = ctx.lex.event_verbs.get(lemma)
        remote = remote_talk(ctx, token)
        if etype and not (remote and etype == "Meeting"):  # 'discussed the deal in a phone call' is the call
            yield token, etype, FAMILY.get(lemma, lemma)
        if lemma in host_verbs:
            yield token, "Meeting", RECEPTION  # the host meets the guest, besides the guest's visit
        if statement_verb(ctx, token) or posting_verb(ctx, token):
            yield token, "Statement", "statement"
        if remote:
            yield token, "Consultation", "call"
        if co_chaired_body(ctx, token):
            yield token, "Meeting", "session"  # 'A and B co-chaired the Joint Commission'
        elif body_session_verb(ctx, token):
            yield token, "Meeting", "session"  # 'the next binational cabinet will be held in Ecuador'
    for token in ctx.index.tokens(ctx.index.with_lower(("due", "expected"))):
        if bound_for_a_place(ctx, token):
            yield token, "Visit", "visit"  # 'LeBlanc is due in Washington', 'Meloni is expected in Tunis'


def _planned_in_document(ctx: ArticleContext, noun: Token) -> bool:
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ctx.lex.words("event_plan_nouns")


RECEPTION = "reception"


def _named_event(ctx: ArticleContext, root: Token) -> bool:
    """'the UK-Ireland Summit in Liverpool', 'the Annual Foreign Ministers' Meeting': a gathering's
    name ends in its kind; a body ('Joint Commission') or a place ('Summit Hotel') does not."""
    return root.lower_ in ctx.lex.words("named_event_heads") and root.dep_ != "compound"


# A trip that is only planned ('is scheduled to travel to', 'accepted an invitation to visit') is a
# visit still to come: it is reported, but its date is only what the text says, never assumed.
PLANNED = {"schedule", "scheduled", "expect", "expected", "due", "plan", "planned", "invitation", "invite",
           "intend", "set"}


def _planned_trip(trigger: Token) -> bool:
    if trigger.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    head = trigger.head
    if head is trigger:
        return False
    # 'accepted an invitation from the prime minister to visit Doha': the parser often hangs the
    # infinitive on the verb rather than on 'invitation'
    invited = any(c.dep_ == "dobj" and c.lemma_.lower() in PLANNED for c in head.children)
    return head.lemma_.lower() in PLANNED or head.lower_ in PLANNED or invited


def _event_at(ctx: ArticleContext, trigger: Token, etype: str) -> FactRecord | None:
    if _wished(trigger) or _negated(trigger):
        return None  # wished-for or denied talks are not events
    if _refers_back(ctx, trigger) or etype == "Statement" and (
            not framed_statement(ctx, trigger) or signed_document(ctx, trigger)):
        return None
    if trigger.pos_ == "VERB" and (_meets_a_requirement(ctx, trigger) or etype == "Visit" and _goes_to_no_place(ctx, trigger)):
        return None
    planned = etype == "Visit" and (_planned_trip(trigger) or trigger.lower_ in PLANNED) \
        or etype == "Meeting" and invited_to(ctx, trigger)
    original = trigger
    trigger = governing_noun(trigger) if trigger.pos_ != "VERB" else trigger
    trip = trip_of_purpose(trigger) if etype in ("Meeting", "Consultation") else None
    planned = planned or trip is not None and trip_is_planned(trip)
    tense = "future" if planned else tense_of(trigger)
    if etype == "Visit":  # the visit's own phrase names the visitor: 'the second day of a visit that Ruto began'
        participants, place = visit_participants(ctx, original)
    elif etype == "Meeting" and trigger.pos_ == "VERB" and trigger.lemma_.lower() in ctx.lex.words("host_verbs"):
        participants, place = reception_meeting(ctx, trigger)
    elif etype == "Statement":
        participants, place = speaker(ctx, trigger), place_in(ctx, trigger)
    elif etype == "Meeting" and trigger.pos_ == "VERB" and trigger.lemma_ in ("discuss", "negotiate"):
        participants, place = subject_actors(ctx, trigger), place_in(ctx, trigger)
    else:
        participants = meeting_participants(ctx, trigger, etype)
        place = place_in(ctx, trigger) or (place_in(ctx, original) if original.i != trigger.i else None)
    if trip is not None:  # 'X is expected in Tunis for talks with Y': the traveller is a side of the talks
        participants = traveller(ctx, trip) + [r for r in participants if r not in traveller(ctx, trip)]
    if tense == "past" and _scheduled_present(original):
        tense = "future"
    # 'the joint committee is due to meet in Seoul', 'the BIMSTEC ministers will meet': a group meets; one
    # that met is told with its members' names, or is history ('the commission that met this week')
    collective = collective_sides(ctx, trigger) if etype == "Meeting" and trigger.pos_ == "VERB" \
        and tense == "future" else []
    participants = participants or collective
    participants = [r for r in with_states(ctx, participants) if r != place]
    if etype == "Meeting" and _sides(ctx, trigger, participants) < 2:
        # 'the next JCC session will be held in Nairobi': a joint body meets as its member states
        participants += [r for r in joint_body_members(ctx, original) if r not in participants]
    if not participants:
        return None
    if etype in ("Meeting", "Consultation") and _sides(ctx, trigger, participants) < 2 and not _hosted(ctx, trigger) \
            and not _unnamed_side(trigger) and not collective:
        return None  # it takes two to meet; a press conference may have one speaker
    # a trip's purpose happens when the trip does: 'is expected in Tunis next month for talks'
    date = ctx.date_near(trip if planned and trip is not None else trigger, tense=tense, intervals=True)
    assumed = date is None and tense == "past" and bool(ctx.published)
    if assumed:
        date = ctx.published[:DEFAULT_DATE_PRECISION]
    return FactRecord(
        kind="event", type=etype, label="", participants=participants,
        places=[place] if place else [], date=date, date_assumed=assumed,
        evidence=[ctx.evidence(trigger.doc[trigger.i: trigger.i + 1], f"event-{etype.lower()}", 0.7)],
    )


def _meets_a_requirement(ctx: ArticleContext, verb: Token) -> bool:
    """'Ukraine had met every technical condition': meeting a condition, a target or a deadline is no meeting."""
    return verb.lemma_.lower() == "meet" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.words("requirement_nouns") for c in verb.children)


def _goes_to_no_place(ctx: ArticleContext, verb: Token) -> bool:
    """'Oli, who returned to power in July', 'returned to the post he held': a movement 'to' something
    that names no place or party is a change of office, not a trip."""
    goals = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    if not goals or any(p.pos_ != "NOUN" for p in goals):
        return False  # 'flies on to Apia': a name may be a place the gazetteer does not know
    located = [subtree_span(c) for c in verb.children if c.dep_ in ("prep", "dobj")]
    return not any(ctx.mentions_in(s.start, s.end, ("city", "state", "organization")) for s in located)


def _sides(ctx: ArticleContext, trigger: Token, participants: list[Ref]) -> int:
    """How many sides take part: a person and the state he serves are one side ('Haakon will meet
    regional business leaders' names only him); a summit gathers many, whoever is named at it."""
    if trigger.lemma_.lower() in ctx.lex.words("gathering_nouns"):
        return len(participants)
    persons = [r for r in participants if r.kind == "person"]
    own_states = {ctx.state_of(r) for r in persons}
    return len(persons) + sum(1 for r in participants if r.kind == "organization"
                              or r.kind == "state" and r.key not in own_states)


def _unnamed_side(trigger: Token) -> bool:
    """'He later met Prime Minister Salam', 'travelled to Doha for talks with Sheikh Mohammed': a
    pronoun subject or a 'with' partner says there is a second side, even when it is not named here."""
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" or c.dep_ == "prep" and c.lower_ == "with"
               for c in trigger.children)


def _scheduled_present(trigger: Token) -> bool:
    """'Wong flies on to Apia on Thursday to meet Schmidt': in a report's body, the simple present of
    a trip or meeting is its timetable, still to come (a headline's present tells what happened)."""
    verb = trigger
    while verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head  # 'to meet' hangs on the trip's verb
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP") or verb.dep_ not in ("ROOT", "conj"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return verb.sent.text.rstrip().endswith(".")


def _refers_back(ctx: ArticleContext, noun: Token) -> bool:
    """'after the meeting', 'on the sidelines of the visit': a definite event noun that names no one
    and frames the clause points back at an event already told, it reports no new one."""
    if noun.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    if any(c.dep_ in ("poss", "prep", "compound", "amod", "acl", "relcl") for c in noun.children):
        return False  # 'the Kars meeting', 'the visit to Rome', 'the visit, which began Tuesday'
    if noun.dep_ == "dobj" and noun.head.dep_ == "relcl" and noun.head.lemma_.lower() in ctx.lex.words("host_verbs"):
        return True  # 'Ablakwa, who hosted the meeting, said': the host of the meeting already told
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    framing = prep.lower_ in ctx.lex.words("framing_preps")
    beside = prep.lower_ == "of" and prep.head.lower_ in ctx.lex.words("sideline_nouns")
    return framing or beside or prep.lower_ == "about"  # 'asked about the visit'


def _negated(trigger: Token) -> bool:
    """'did not hold a bilateral meeting', 'no talks took place': the text denies the event."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return True
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next(
        (a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _hosted(ctx: ArticleContext, noun: Token) -> bool:
    """'Accra will host a follow-up conference', 'the meeting in Honiara, which Manele will host': the
    host is enough to tell the meeting."""
    hosts = ctx.lex.words("host_verbs")
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in hosts:
        return True
    # the relative clause may hang on the meeting or on the place of the meeting
    heads = [noun] + [p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(c.dep_ == "relcl" and c.lemma_.lower() in hosts for h in heads for c in h.children)


def _wished(trigger: Token) -> bool:
    """'wanted Israel and Palestine to continue talks': the talks are hoped for, not reported."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "after", "before", "amid", "at", "on", "in"):
        return False  # a circumstance of the clause, reported as fact
    verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        if verb.lemma_.lower() in WISHES:
            return True
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def merge_events(ctx: ArticleContext, events: list[FactRecord]) -> list[FactRecord]:
    """Several sentences often report one event: merge same-type, same-family, compatible reports."""
    merged: list[FactRecord] = []
    gatherings = ctx.lex.words("gathering_nouns")
    for event in events:
        for other in merged:
            if (_same_event(other, event) or _same_gathering(other, event, gatherings)) \
                    and _places_agree(ctx, other, event) and not plan_and_past(ctx, other, event):
                _absorb(other, event)
                break
        else:
            merged.append(event)
    merged = _receptions_within_trips(ctx, merged)
    for event in merged:
        event.key = None
    return merged


def _receptions_within_trips(ctx: ArticleContext, events: list[FactRecord]) -> list[FactRecord]:
    """'Idris arrived in Cairo on Monday ... Idris was received on Tuesday by Sisi': a guest received
    during a trip the article reports is no second visit; the trip keeps its own date (its arrival)."""
    hosts = ctx.lex.words("host_verbs")
    kept: list[FactRecord] = []
    for event in events:
        trip = None
        if event.type == "Visit" and _family(event) in hosts:
            guests = {r for r in event.participants if r.kind == "person"}
            trip = next((o for o in events if o is not event and o.type == "Visit" and _family(o) not in hosts
                         and guests & set(o.participants) and _places_agree(ctx, o, event)), None)
        if trip is None:
            kept.append(event)
            continue
        trip.participants += [r for r in event.participants if r not in trip.participants]
        trip.places = trip.places or event.places
        if not trip.date:
            trip.date, trip.date_assumed = event.date, event.date_assumed
        trip.evidence += event.evidence
    return kept


def _same_event(a: FactRecord, b: FactRecord) -> bool:
    if a.type == b.type and a.evidence[0].start == b.evidence[0].start:
        return True  # 'X met Y in Abuja to discuss the crisis': one sentence, one meeting
    if a.type != b.type or _family(a) != _family(b) and a.type == "Meeting" and not _same_people(a, b):
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
        return bool(people_a & people_b) and not _other_partners(a, people_a, people_b)
    states_a = {r for r in a.participants if r.kind == "state"}
    states_b = {r for r in b.participants if r.kind == "state"}
    return len(states_a & states_b) >= min(2, len(states_a), len(states_b))


def _other_partners(a: FactRecord, people_a: set[Ref], people_b: set[Ref]) -> bool:
    """'Oli held talks with Xi' and 'Oli held talks with Li': one side meeting two different partners
    is two meetings; a report naming a subset of the other's people is the same one. (A dialogue
    between two states is one, whether leaders launch it or ministers hold it.)"""
    return a.type == "Meeting" and len(people_a) >= 2 and len(people_b) >= 2 \
        and not (people_a <= people_b or people_b <= people_a)


def _family(event: FactRecord) -> str:
    return (event.key or "").removesuffix(BACK_REFERENCE)


def _same_gathering(a: FactRecord, b: FactRecord, gatherings: frozenset[str]) -> bool:
    """'X attended the summit', 'Y used the summit to ...': a bare 'the summit' is the article's
    summit, whoever is named with it."""
    if a.type != "Meeting" or b.type != "Meeting" or _family(a) != _family(b) or _family(a) not in gatherings:
        return False
    if not ((a.key or "").endswith(BACK_REFERENCE) or (b.key or "").endswith(BACK_REFERENCE)):
        return False
    return not (a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)))


def _same_people(a: FactRecord, b: FactRecord) -> bool:
    """'X received Y' and 'talks between X and Y' in one article: one meeting of the same two people."""
    people_a = {r for r in a.participants if r.kind == "person"}
    return len(people_a) >= 2 and people_a == {r for r in b.participants if r.kind == "person"}


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
