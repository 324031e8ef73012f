"""Who takes part: actors of a clause, 'the two countries', metonymic capitals."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, Mention
from relgraph.records import Ref

AGENT_KINDS = ("person", "state", "organization", "city")


def as_actor(ctx: ArticleContext, m: Mention) -> Ref | None:
    """An actor reference: a capital city standing for its government becomes the state."""
    if m.ref.kind == "city":
        entry = ctx.gaz.state_by_capital(m.ref.key)
        return Ref("state", entry.name) if entry else None
    if m.ref.kind in ("person", "state", "organization"):
        return m.ref
    return None


LOCATIVE = {"in", "at", "to", "from", "near", "outside", "inside", "into", "across", "via"}


def _locative(token: Token) -> bool:
    head = token
    while head.dep_ in ("compound", "conj", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def pair_refs(ctx: ArticleContext, span: Span) -> list[Ref]:
    """'the two countries', 'both sides', 'bilateral' -> the story's two main states."""
    text = span.text.lower()
    if any(p in text for p in ctx.lex.facts["pair_phrases"]):
        return [Ref("state", s) for s in ctx.main_pair()]
    return []


def actors_in(ctx: ArticleContext, tokens: Span | list[Token]) -> list[Ref]:
    """Actors mentioned in a token range, in order, each once."""
    if isinstance(tokens, Span):
        start, end = tokens.start, tokens.end
    else:
        if not tokens:
            return []
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    out: list[Ref] = []
    for m in ctx.mentions_in(start, end, AGENT_KINDS):
        if m.ref.kind == "city" and _locative(ctx.doc[m.end - 1]):
            continue  # 'signed in Beijing': where, not who
        ref = as_actor(ctx, m)
        if ref and ref not in out:
            out.append(ref)
    return out


def subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i: token.right_edge.i + 1]


def subject_of(token: Token) -> Token | None:
    """The grammatical subject of the clause a token belongs to (following xcomp/conj/acl up)."""
    head = token
    for _ in range(5):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                if child.dep_ == "agent":
                    pobj = [c for c in child.children if c.dep_ == "pobj"]
                    return pobj[0] if pobj else None
                if child.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
                    return head.head
                return child
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def subject_actors(ctx: ArticleContext, token: Token) -> list[Ref]:
    subj = subject_of(token)
    if subj is None:
        return []
    span = subtree_span(subj)
    refs = actors_in(ctx, span) or pair_refs(ctx, span)
    if not refs and subj.lower_ in ("they", "both"):
        refs = [Ref("state", s) for s in ctx.main_pair()]
    return refs


def with_states(ctx: ArticleContext, refs: list[Ref]) -> list[Ref]:
    """Add the state each person/organisation acts for, so reports can be matched on states too."""
    out = list(refs)
    for ref in refs:
        if ref.kind in ("person", "organization"):
            state = ctx.state_of(ref)
            if state and Ref("state", state) not in out:
                out.append(Ref("state", state))
    return out


def place_in(ctx: ArticleContext, token: Token, preps: tuple[str, ...] = ("in", "at")) -> Ref | None:
    """'talks in Istanbul', 'held ... in Moscow': a place attached by in/at to the trigger, or to the
    verb whose object the trigger is. A city wins over a state."""
    holders = [token]
    if token.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") or token.dep_ == "pobj" and token.head.dep_ == "agent":
        holders.append(token.head)
    for child in list(token.children):
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            holders.append(child)  # "the commission held later this year in Moscow"
    candidates = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for t in prep.children:
                if t.dep_ != "pobj":
                    continue
                for x in [t, *t.conjuncts]:
                    m = ctx.mention_at(x)
                    if m and m.ref.kind in ("city", "state"):
                        candidates.append(m.ref)
    if not candidates:  # 'talks between X and Y in Istanbul': the city may hang off a participant
        for t in subtree_span(token):
            if t.dep_ == "pobj" and t.head.lower_ in preps and t.head.head.pos_ in ("NOUN", "PROPN"):
                m = ctx.mention_at(t)
                if m and m.ref.kind == "city":
                    candidates.append(m.ref)
    cities = [c for c in candidates if c.kind == "city"]
    return (cities or candidates or [None])[0]


def governing_noun(token: Token) -> Token:
    """'the 5th round of bilateral consultations' -> 'round': climb of-chains to the phrase head."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
        token = token.head.head
    return token
