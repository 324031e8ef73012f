"""Sessions of a joint body: 'the next JCC session will be held in Nairobi in 2026', 'the Bi-National
Commission meets in Windhoek in August', 'the joint commission would hold its first session in October'.

A commission, council or cabinet that two states run together meets as those two states, even where
the sentence names neither: its members are the states of its name ('the Kenya-Tanzania Joint
Commission') or else the story's two main states."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from relgraph.nlp.actors import actors_in, subtree_span
from relgraph.nlp.context import ArticleContext
from relgraph.records import Ref


def joint_body_members(ctx: ArticleContext, trigger: Token) -> list[Ref]:
    """The member states of the joint body whose session `trigger` tells, or [] when it tells none."""
    body = _joint_body_near(ctx, trigger)
    if body is None:
        return []
    named = [r for r in actors_in(ctx, subtree_span(body)) if r.kind == "state"]
    if len(named) >= 2:
        return named
    pair = [Ref("state", s) for s in ctx.main_pair()]
    return pair if len(pair) == 2 else []


def body_session_verb(ctx: ArticleContext, verb: Token) -> bool:
    """'the next binational cabinet will be held in Ecuador', 'the joint commission takes place in
    Dakar': a joint body that is held or takes place is a session of it (one that meets is told by
    'meet'; one whose subject is itself a meeting noun is told by that noun)."""
    lemma = verb.lemma_.lower()
    held = lemma == "hold" and any(c.dep_ == "auxpass" for c in verb.children)
    takes_place = lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if not (held or takes_place):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # a lower-case meeting noun ('the next session') is a trigger of its own; 'the Joint Commission' is not
    return any((s.lower_ not in ctx.lex.event_nouns or s.text[:1].isupper()) and _is_joint_body(ctx, s)
               for s in subjects)


def _joint_body_near(ctx: ArticleContext, trigger: Token) -> Token | None:
    return next((t for t in _body_candidates(trigger) if _is_joint_body(ctx, t)), None)


def _body_candidates(trigger: Token) -> list[Token]:
    """The trigger itself, its own modifiers ('the JCC session'), what it is 'of' ('the first meeting of
    the Joint Commission') and the subject of its verb ('the commission meets', 'the commission would
    hold its first session')."""
    out = [trigger] + [c for c in trigger.children if c.dep_ in ("compound", "nmod", "poss")]
    out += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head if trigger.dep_ == "dobj" else None
    if verb is not None:
        out += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        # 'the first meeting of the A–B Joint Commission will take place': the parser may cut the body's
        # name at the dash and make its second half another subject of the verb
        out += [c for c in trigger.head.children if c.dep_ == trigger.dep_ and c.i > trigger.i]
    return out


def _is_joint_body(ctx: ArticleContext, token: Token) -> bool:
    """'the Bi-National Commission', 'the joint boundary commission', 'the JCC' (an organisation whose
    name the article spells out as a joint commission)."""
    mention = ctx.mention_at(token)
    if mention is not None and mention.ref.kind == "organization":
        entity = ctx.records.entities.get(mention.ref)
        names = {mention.ref.key} | (set(entity.names) if entity is not None else set())
        if any(_joint_name(ctx, n) for n in names):
            return True
    if token.lemma_.lower() not in ctx.lex.words("joint_body_nouns"):
        return False
    return _joint_name(ctx, token.doc[token.left_edge.i: token.i + 1].text)


def _joint_name(ctx: ArticleContext, text: str) -> bool:
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())
    bodies = ctx.lex.words("joint_body_nouns")
    return any(w in bodies for w in words) and bool(_modifiers(ctx.lex.words("joint_body_modifiers")) & set(words))


@lru_cache(maxsize=4)
def _modifiers(words: frozenset[str]) -> frozenset[str]:
    # 'bi-national' is written with and without its hyphen
    return words | frozenset(w.replace("-", "") for w in words)
