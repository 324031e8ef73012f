"""Who takes part in an event, and where: visitors and hosts, speakers, the sides of a meeting."""
from __future__ import annotations

import unicodedata
from collections import Counter

from spacy.tokens import Token

from relgraph.nlp.actors import (
    actors_in,
    antecedent_person,
    pair_refs,
    place_in,
    subject_actors,
    subject_of,
    subtree_span,
    where_place,
)
from relgraph.nlp.context import ArticleContext, Mention
from relgraph.records import Ref

POSSESSIVE_PRONOUNS = {"his", "her", "their"}
PARTY_KINDS = ("person", "state", "organization")


def possessor_actors(ctx: ArticleContext, noun: Token) -> list[Ref]:
    """'Lavrov's visit', 'the visit by Lavrov', and 'his talks with Barrot', where the pronoun is
    the subject of the clause around the noun (or the person named just before)."""
    refs: list[Ref] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
            subj = subject_of(noun)
            own_subject = subj is not None and subj.left_edge.i <= noun.i <= subj.right_edge.i
            speaker_ = _matrix_subject(ctx, child) if own_subject and child.lower_ != "their" else None
            refs += [speaker_] if speaker_ else [r for r in subject_actors(ctx, noun) if r.kind == "person"]
            if not refs and child.lower_ != "their":
                person = antecedent_person(ctx, child)
                refs += [person] if person else []
        elif child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
            refs += actors_in(ctx, subtree_span(child))
    return refs


def _matrix_subject(ctx: ArticleContext, pronoun: Token) -> Ref | None:
    """'Tajani said his talks with Barrot had covered trade': a pronoun inside what someone says is
    the speaker, the subject of the sentence's main verb, named before it."""
    root = pronoun.sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
    if subj is None or pronoun.i in range(subj.left_edge.i, subj.right_edge.i + 1):
        return None
    people = [r for r in actors_in(ctx, subtree_span(subj)) if r.kind == "person"]
    return people[0] if len(people) == 1 else None


def reception_sides(ctx: ArticleContext, verb: Token) -> tuple[list[Ref], list[Ref]]:
    """The guests and the hosts of 'X received Y' and of 'Y was received by X' (persons only:
    'Baku welcomed the step' receives nobody)."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        guests = [r for r in _passive_subject_actors(ctx, verb) if r.kind == "person"]
        hosts = [r for c in verb.children if c.dep_ == "agent"
                 for r in actors_in(ctx, subtree_span(c)) if r.kind in ("person", "state")]
    else:
        guests = [r for c in verb.children if c.dep_ == "dobj"
                  for r in actors_in(ctx, subtree_span(c)) if r.kind == "person"]
        hosts = [r for r in subject_actors(ctx, verb) if r.kind in ("person", "state")]
    return guests[:2], hosts[:2]


def _passive_subject_actors(ctx: ArticleContext, verb: Token) -> list[Ref]:
    """Who is received in 'X was received by Y' and in '..., where he held talks and was received by Y':
    the subject, shared with the first verb of a coordination, never the agent ('by Y')."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i and not _has_subject(node):
        node = node.head
    return subject_actors(ctx, node) if _has_subject(node) else []


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def hosted_visit(ctx: ArticleContext, verb: Token) -> tuple[list[Ref], Ref | None]:
    """'Ruto hosted Abiy Ahmed at State House, Nairobi': the guest visits the host; the place is
    where it happened, else the host's state."""
    guests, hosts = reception_sides(ctx, verb)
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
    # the host person takes part in the meeting held during the visit, not in the visit itself
    host_states = {h if h.kind == "state" else Ref("state", ctx.state_of(h)): None for h in hosts
                   if h.kind == "state" or ctx.state_of(h)}
    return guests + [s for s in host_states if s not in guests], place


def reception_meeting(ctx: ArticleContext, verb: Token) -> tuple[list[Ref], Ref | None]:
    """'Zelenskyy received Al Khater', 'she was welcomed by the Governor General': the host meets
    the guest; both must be people."""
    guests, hosts = reception_sides(ctx, verb)
    hosts = [r for r in hosts if r.kind == "person"]
    if not guests or not hosts:
        return [], None
    place = place_in(ctx, verb)
    return guests + [h for h in hosts if h not in guests], place


def visit_participants(ctx: ArticleContext, trigger: Token) -> tuple[list[Ref], Ref | None]:
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in ctx.lex.words("host_verbs"):
        return hosted_visit(ctx, trigger)
    visitors = possessor_actors(ctx, trigger)
    if not visitors:
        visitors = [r for r in subject_actors(ctx, trigger) if r.kind == "person"]
    if not visitors:
        visitors = _visitor_of_clause(ctx, trigger)
    visitors = [r for r in visitors if r.kind in ("person", "state")][:2] or _delegation_state(ctx, trigger)
    if not visitors or not any(r.kind == "person" for r in visitors) and trigger.pos_ != "VERB":
        return [], None
    place = _destination(ctx, trigger) or where_place(ctx, trigger)
    if place is None:  # 'Lavrov's two-day visit': joins the visit reported with its place
        return (visitors, None) if any(r.kind == "person" for r in visitors) else ([], None)
    host = ctx.state_of(place)
    if host and all(ctx.state_of(r) == host for r in visitors):
        return [], None  # 'Wong flew back to Canberra': a trip home is no visit
    return visitors + ([Ref("state", host)] if host else []), place


def _delegation_state(ctx: ArticleContext, verb: Token) -> list[Ref]:
    """'A Saudi business delegation will visit Djibouti': the state whose delegation travels."""
    subj = subject_of(verb) if verb.pos_ == "VERB" else None
    if subj is None or subj.lemma_.lower() not in ctx.lex.words("delegation_nouns"):
        return []
    return [r for r in actors_in(ctx, subtree_span(subj)) if r.kind == "state"][:1]


def _visitor_of_clause(ctx: ArticleContext, trigger: Token) -> list[Ref]:
    """'Blinken, visiting Beijing, ...', 'a state visit that Ruto began': the visitor is the noun
    the participle hangs from, or the subject of the relative clause on the visit."""
    for child in trigger.children:
        if child.dep_ == "relcl":
            refs = [r for c in child.children if c.dep_ == "nsubj"
                    for r in actors_in(ctx, subtree_span(c)) if r.kind == "person"]
            if refs:
                return refs
    head = trigger.head if trigger.dep_ in ("acl", "relcl", "xcomp") else None
    while head is not None and head.dep_ in ("compound", "amod", "appos") and head.head is not head:
        head = head.head
    if head is None:
        return []
    return [r for r in actors_in(ctx, [head]) if r.kind == "person"] or [
        r for r in actors_in(ctx, [head.head]) if r.kind == "person"]


def _destination(ctx: ArticleContext, trigger: Token) -> Ref | None:
    for child in trigger.children:
        if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in ("to", "in")):
            span = subtree_span(child)
            found = [m.ref for m in ctx.mentions_in(span.start, span.end, ("city", "state"))]
            if found:
                cities = [f for f in found if f.kind == "city"]
                return (cities or found)[0]
    return None


def speaker(ctx: ArticleContext, trigger: Token) -> list[Ref]:
    """'Lavrov issued a statement', "a Foreign Office statement", 'X said in a statement'; not the
    messenger of 'he delivered a message from the president'."""
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ctx.lex.words("messenger_verbs"):
        return []
    own = [c for c in trigger.children if c.dep_ in ("poss", "compound", "nmod")]
    refs: list[Ref] = []
    for child in own:
        refs += possessor_actors(ctx, trigger) if child.dep_ == "poss" else actors_in(ctx, subtree_span(child))
    if not refs:
        refs = subject_actors(ctx, _saying_verb(trigger))
    refs = [r for r in refs if r.kind in PARTY_KINDS][:3]
    if _joint(ctx, trigger) and not any(r.kind in ("person", "organization") for r in refs):
        # 'according to a joint statement issued after the retreat': the story's two sides issue it
        refs = _main_sides(ctx)
    return refs


def _main_sides(ctx: ArticleContext) -> list[Ref]:
    """The story's two most-named parties, states or organisations ('ECOWAS and the AES')."""
    counts: Counter = Counter({Ref("state", k): n for k, n in ctx.state_counts().items()})
    counts.update(m.ref for m in ctx.mentions if m.ref.kind == "organization")
    return [r for r, _ in counts.most_common(2)]


def _joint(ctx: ArticleContext, noun: Token) -> bool:
    modifiers = ctx.lex.words("joint_statement_modifiers")
    return noun.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in modifiers for c in noun.children)


def _saying_verb(noun: Token) -> Token:
    """'X said in a message broadcast by TV': the statement's phrase hangs from the verb whose subject
    speaks, not from the participle inside the phrase ('broadcast by TV')."""
    node = noun
    while node.dep_ in ("compound", "pobj", "prep") and node.head.i != node.i:
        node = node.head
    return node


def meeting_participants(ctx: ArticleContext, trigger: Token, etype: str) -> list[Ref]:
    span = subtree_span(trigger)
    between = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
    if between:  # 'talks between the Afghan government and the Taliban': exactly these
        refs = actors_in(ctx, subtree_span(between[0])) or pair_refs(ctx, subtree_span(between[0]))
        if refs:
            return [r for r in refs if r.kind in PARTY_KINDS]
    refs = [r for r in possessor_actors(ctx, trigger)]
    refs += [r for r in actors_in(ctx, span) if r not in refs]
    refs += [r for r in pair_refs(ctx, span) if r not in refs]
    if trigger.pos_ == "VERB":  # 'X and Y are expected to meet': the subject sits on the governing verb
        refs += [r for r in subject_actors(ctx, trigger) if r not in refs]
    attended = attended_or_invited(ctx, trigger)
    if trigger.dep_ in ("dobj", "nsubjpass") or attended:
        # 'Russia organized a conference ... in the presence of X'; 'Li would represent China at the summit'
        verb = trigger.head.head if attended else trigger.head
        refs += [r for c in verb.children if c.dep_ == "dobj" for r in actors_in(ctx, subtree_span(c)) if r not in refs]
        refs += [r for r in subject_actors(ctx, verb) if r not in refs]
        for child in verb.children:
            if child.dep_ == "prep" and child.i > trigger.i:
                refs += [r for r in actors_in(ctx, subtree_span(child)) if r not in refs and r.kind != "city"]
    if _framing_meeting_with(trigger):
        framed = trigger.head.head
        sides = subject_actors(ctx, framed) if framed.pos_ == "VERB" else actors_in(ctx, [framed])
        refs += [r for r in sides if r not in refs]
    if etype == "PressConference":  # everyone named in the sentence takes part
        refs += [r for r in actors_in(ctx, trigger.sent) if r.kind == "person" and r not in refs]
    return [r for r in refs if r.kind in PARTY_KINDS]


def invited_to(ctx: ArticleContext, noun: Token) -> bool:
    """'Fall invited her counterpart to the next session of the commission': a gathering still to come,
    between the host who invites and the guest."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "VERB" \
        and prep.head.lemma_.lower() in ctx.lex.words("invitation_verbs")


def attended_or_invited(ctx: ArticleContext, noun: Token) -> bool:
    """'Li would represent China at the summit', 'invited Sall to the summit': the verb's subject and
    object take part in the gathering."""
    at = noun.dep_ == "pobj" and noun.head.lower_ == "at" and noun.head.head.pos_ == "VERB"
    return at or invited_to(ctx, noun)


def _framing_meeting_with(noun: Token) -> bool:
    """'Wang, in a separate meeting with Mohamad, offered support': the subject of the clause that
    the meeting frames is the other side."""
    prep = noun.head
    framed = prep.head  # the verb, or its subject when the parser hangs the phrase there ('Wang, in ...,')
    return noun.dep_ == "pobj" and prep.lower_ in ("in", "during") and (
        framed.pos_ == "VERB" or framed.dep_ == "nsubj") and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)


def link_bare_surnames(ctx: ArticleContext) -> None:
    """'"...," Ruto told a joint press conference': the tagger often gives a bare surname no entity
    label after a quote, so it was never linked. A proper noun that is the surname of exactly one
    person named in full in the article is that person (accents aside: 'Vucic' is 'Vučić'); failing
    that, a given name that starts exactly one full name ('Abiy' for 'Abiy Ahmed')."""
    surnames: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    for ref in ctx.records.entities:
        words = [_folded(w) for w in ref.key.split()]
        if ref.kind == "person" and len(words) >= 2:
            for word in words[1:]:
                surnames.setdefault(word, set()).add(ref.key)
            given.setdefault(words[0], set()).add(ref.key)
    for token in ctx.index.tokens(ctx.index.with_pos(("PROPN", "NOUN"))):  # what _name_like may take
        if not _name_like(token) or ctx.mention_at(token) is not None:
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN" and ctx.mention_at(token.head) is None:
            continue  # part of another name: 'Ruto Avenue'
        word = _folded(token.text)
        people = surnames.get(word) or given.get(word, set())
        if len(people) == 1:
            ctx.add_mention(Mention(Ref("person", next(iter(people))), token.i, token.i + 1, "surname", 0.6))


def _name_like(token: Token) -> bool:
    """A proper noun, or a capitalised word inside a sentence that the tagger took for a common noun
    ('"...," Christodoulides said')."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and token.i != token.sent.start \
        and not token.text.isupper()


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()
