"""A project told under two names in one sentence: 'X, better known as Y', 'the link, dubbed Y',
'X, as the corridor ... is formally known', 'a cable, X,'. One of the two is said of the other."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_names import state_word
from relgraph.nlp.project_words import core_phrase, proper_words

ALIAS_VERBS = ("know", "call", "dub", "name", "nickname")


def alias_of(head: Token) -> Token | None:
    """The verb of 'X, better known as Y' when `head` is Y (the parser hangs the verb anywhere)."""
    prep = head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else None
    verb = prep.head if prep is not None else None
    if verb is None and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
        verb = head.head  # 'known locally as the Vuna wharf upgrade', 'as' parsed as a conjunction
    if verb is not None and verb.lemma_.lower() in ALIAS_VERBS and verb.tag_ == "VBN":
        return verb
    return None


def named_by_alias(head: Token, is_project_noun: Callable[[Token], bool]) -> bool:
    """'The link, dubbed the Green Energy Corridor, ...': a noun whose participle gives it a project's
    name is that project, told by the name."""
    for verb in head.children:
        if verb.dep_ == "acl" and verb.lemma_.lower() in ALIAS_VERBS and verb.tag_ in ("VBN", "VBD"):
            if any(c.dep_ in ("oprd", "attr", "dobj") and is_project_noun(c) for c in verb.children):
                return True
    return False


def restated_head(head: Token) -> bool:
    """'the X Route, as the corridor linking A to B is formally known': `head` ('corridor') is the
    project told before under another name; X is its formal name."""
    verb = head.head
    return head.dep_ == "nsubjpass" and verb.lemma_.lower() in ALIAS_VERBS and verb.tag_ == "VBN" and \
        any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and \
        any(c.lower_ in ("the", "this") for c in head.children if c.dep_ == "det")


def proper_name_after(ctx: ArticleContext, head: Token, core: Span) -> Span | None:
    """'a ferry link between A and B, Seabridge, was delayed': a proper name set off by commas right
    after the project noun is the project's own name, when the noun's phrase names only places."""
    doc = head.doc
    for name in (c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN"):
        lo, hi = name.left_edge.i, name.i + 1   # a clause after the name ("Y, which ...") is not in it
        if doc[lo - 1].text != "," or hi >= len(doc) or doc[hi].text not in (",", ".", ";", ")"):
            continue
        span = doc[lo:hi]
        if all(t.pos_ == "PROPN" or t.text in ("-", "\u2013") for t in span) and _own_name(ctx, span, core):
            return span
    return None


def _own_name(ctx: ArticleContext, name: Span, core: Span) -> bool:
    """A name NER read as an unknown organisation or person (or not at all) may be the project's,
    when the project's own phrase names only places ('a Tarsk-Velmora cable'), no name of its own."""
    if any(t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC") and not state_word(ctx, t) for t in core):
        return False
    held = [ctx.mention_at(t) for t in name]
    if any(m is not None and m.ref.kind not in ("organization", "person") for m in held):
        return False
    return ctx.gaz.organization(name.text) is None and ctx.gaz.person(name.text) is None


def alias_names(ctx: ArticleContext, head: Token) -> frozenset[str]:
    """Proper words of the alias a project name is given ('..., better known as the Arctic Corridor')."""
    for tok in head.doc[head.i + 1: min(head.i + 5, head.sent.end)]:
        if tok.lemma_.lower() in ALIAS_VERBS and tok.tag_ == "VBN":
            as_ = next((c for c in tok.children if c.lower_ == "as"), None)
            obj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
            core = core_phrase(ctx, obj) if obj is not None else None
            return proper_words(ctx, core, obj) if core is not None else frozenset()
    return frozenset()
