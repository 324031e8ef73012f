"""Events still to come, told by the shape of a plan: 'X is expected in Berlin next month for talks
with Y', 'the joint committee is due to meet in Seoul next month', 'the ministers will meet in Dhaka'.

News tells what is planned as much as what happened; the plan's verb ('expected', 'due', 'will')
carries the time, and a gathering named only by who gathers ('the ministers', 'the committee') meets
as the sides the story is about."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.actors import actors_in, subject_actors, subject_of, subtree_span
from relgraph.nlp.context import ArticleContext, tense_of
from relgraph.records import FactRecord, Ref

# the adjectives and participles that put someone at a place at a time to come
BOUND_WORDS = ("due", "expected")
# what makes a group a given one: 'the ministers', 'its committee', 'ASEAN ministers', 'three ministers'
GROUP_MODIFIERS = ("det", "poss", "amod", "compound", "nmod", "nummod")


def bound_for_a_place(ctx: ArticleContext, token: Token) -> bool:
    """'LeBlanc is due in Washington next Tuesday', 'Meloni is expected in Tunis next month': a person
    due or expected at a named city or state travels there (not 'expected to grow', not 'results are
    expected in May', which names no place)."""
    if token.lower_ == "due":
        if token.pos_ != "ADJ":
            return False
    elif token.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in token.children) \
            or any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "to", "at") and any(
        (m := ctx.mention_at(p)) is not None and m.ref.kind in ("city", "state")
        for p in c.children if p.dep_ == "pobj") for c in token.children)


def trip_of_purpose(noun: Token) -> Token | None:
    """'flew to Doha for talks with X', 'is expected in Tunis next month for talks with Y': the verb
    of the trip a meeting with someone is the purpose of ('for' hanging on a verb or on 'due'/'expected')."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return None  # 'travel to Georgetown for talks at the Secretariat': the talks are the visit's purpose
    head = noun.head.head
    if head.pos_ == "VERB" or head.lower_ in BOUND_WORDS:
        return head
    return None


def trip_is_planned(trip: Token) -> bool:
    """The trip lies ahead: 'is expected in', 'is due in', 'will travel to'."""
    return trip.lower_ in BOUND_WORDS or trip.lemma_.lower() in BOUND_WORDS or tense_of(trip) == "future"


def traveller(ctx: ArticleContext, trip: Token) -> list[Ref]:
    """Who makes the trip whose purpose is the talks: the trip's subject, a person."""
    return [r for r in subject_actors(ctx, trip) if r.kind == "person"][:2]


def collective_sides(ctx: ArticleContext, verb: Token) -> list[Ref]:
    """'The programme's joint committee is due to meet in Seoul', 'the BIMSTEC foreign ministers will
    meet in Dhaka', 'the three transport ministers are due to meet in Tashkent': a subject that names a
    group of office holders or a body, and no one in it, meets as the organisations and states its
    phrase names, else as the story's two main states."""
    if verb.lemma_.lower() not in ctx.lex.words("gathering_verbs"):
        return []  # 'the ministers discussed ...', 'both sides welcomed ...' tell no gathering of their own
    subj = subject_of(verb)
    if subj is None or subj.pos_ != "NOUN" or ctx.mention_at(subj) is not None:
        return []
    lemma = subj.lemma_.lower()
    body = lemma in ctx.lex.words("meeting_body_nouns")
    holders = lemma in ctx.lex.words("meeting_holder_nouns") and subj.tag_ == "NNS"  # 'the minister' is one person
    if not (body or holders) or not any(c.dep_ in GROUP_MODIFIERS for c in subj.children):
        return []  # 'with leaders meeting in Shenzhen': bare, any leaders
    named = [r for r in actors_in(ctx, subtree_span(subj)) if r.kind in ("state", "organization")]
    if named:
        return named
    return [Ref("state", s) for s in ctx.main_pair()]


def plan_and_past(ctx: ArticleContext, a: FactRecord, b: FactRecord) -> bool:
    """'The leaders met in Bangkok on Friday' and 'the ministers will meet in Dhaka': a gathering still
    to come with no date (a past one without a date gets the article's month) is not one the text
    dates before the article."""
    def undated_plan(e: FactRecord) -> bool:
        return e.date is None and not e.date_assumed

    def dated_past(e: FactRecord) -> bool:
        return bool(e.date and not e.date_assumed and ctx.published and e.date < ctx.published[:len(e.date)])
    return undated_plan(a) and dated_past(b) or undated_plan(b) and dated_past(a)
