"""Shapes of a project's phrase that the head's own modifiers do not show: a number that ends its
name ('the X Interconnector 2'), a name shared by coordinated heads ('the Matarbari coal plant and
deep-sea port'), a site that a descriptive capitalised name needs ('the Special Economic Zone at
Duqm'), and an appositive that is only said of the project before it ('a pipeline from A to B, a
separate project')."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_names import english_word, is_measure, state_word
from relgraph.nlp.project_words import proper


def name_number(ctx: ArticleContext, head: Token) -> Token | None:
    """'the Malta-Italy Interconnector 2', 'Line 3': a small bare number right after a capitalised
    head noun is the last word of its name; not a size ('the Line 400 kV'), a year or a date."""
    nxt = head.doc[head.i + 1] if head.i + 1 < head.sent.end else None
    if nxt is None or not head.text[:1].isupper() or head.i == head.sent.start:
        return None
    if nxt.dep_ != "nummod" or nxt.head.i != head.i or nxt.ent_type_ in ("TIME", "MONEY", "QUANTITY", "PERCENT"):
        return None
    if not re.fullmatch(r"\d{1,2}|[IVX]{1,4}", nxt.text):
        return None
    after = head.doc[nxt.i + 1] if nxt.i + 1 < len(head.doc) else None
    if after is not None and is_measure(after, ctx.lex.words("project_measure_units")):
        return None
    return nxt


def shared_name(ctx: ArticleContext, head: Token) -> Span | None:
    """'the Matarbari coal plant and deep-sea port': a project noun coordinated after another, with
    no article and no proper word of its own, shares the proper words that open the first one's
    phrase (data: project_shared_name_heads for the first noun's kinds)."""
    first = head.head
    if head.dep_ != "conj" or first.i >= head.i or first.pos_ not in ("NOUN", "PROPN"):
        return None
    heads = ctx.lex.words("project_shared_name_heads")
    if first.lemma_.lower() not in heads or head.lemma_.lower() not in heads or head.tag_ not in ("NN", "NNP"):
        return None
    own = [c for c in head.children if c.i < head.i]
    if any(c.dep_ in ("det", "poss") or proper(c) for t in own for c in t.subtree):
        return None  # 'the X dam and a transmission line', 'the X plant and the Y port'
    mods = [c for c in first.children if c.i < first.i and c.dep_ in ("compound", "amod", "nmod")]
    names = [t for c in mods for t in c.subtree if proper(t) and not state_word(ctx, t)]
    if not names or names[0].i != min(t.i for c in mods for t in c.subtree):
        return None  # the name must open the phrase: 'the Matarbari coal plant'
    end = names[0].i
    while end + 1 < first.i and ctx.doc[end + 1] in names:
        end += 1
    return ctx.doc[names[0].i: end + 1]


def descriptive_name(ctx: ArticleContext, core: Span, head: Token) -> bool:
    """'the Special Economic Zone', 'the Free Trade Zone': a capitalised name all of whose words are
    ordinary English words describes a kind of facility; the place it is at tells which. Not a
    programme or an initiative ('the Black Sea Grain Initiative in Ankara': where it was discussed)."""
    if head.lemma_.lower() in ctx.lex.words("project_purpose_heads"):
        return False
    words = [t for t in core if t.is_alpha and t.pos_ not in ("DET", "ADP", "CCONJ")]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    return all(english_word(t.lower_) or english_word(t.lemma_.lower()) for t in words)


def said_of_the_project_before(ctx: ArticleContext, head: Token, is_project_noun) -> bool:
    """'a pipeline from Eldoret to Kampala, a separate project that ...': an indefinite generic project
    noun with no name of its own, in apposition to the last word of another project noun's phrase, is
    said of that project (the parser hangs it on the phrase's last name)."""
    if head.dep_ != "appos" or head.lemma_.lower() not in ctx.lex.words("project_purpose_heads") or head.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False  # 'among them the X project, the Y projects off Z': a list, each its own
    if any(proper(t) for t in head.subtree if t.i < head.i):
        return False  # 'the pipeline, the Trans-Saharan project': a name of its own
    anchor = head.head
    while anchor is not None:
        if anchor.i != head.i and is_project_noun(anchor):
            return True
        if anchor.pos_ in ("VERB", "AUX") or anchor.head.i == anchor.i:
            return False
        anchor = anchor.head
    return False


def descriptive_venue(ctx: ArticleContext, head: Token, core: Span | None) -> bool:
    """'the summit opens in the Congress Centre', 'talks at the International Press Centre': a
    facility with only a descriptive name, where something happens, is a venue; the place after
    it would make it one facility of that place ('the Free Zone at X')."""
    if core is None or head.lemma_.lower() not in ctx.lex.words("project_venue_heads") or \
            not descriptive_name(ctx, core, head) or head.dep_ != "pobj":
        return False  # 'a customs complex at the Integration Bridge': a bridge is no venue (data: project_venue_heads)
    prep = head.head
    if prep.lower_ not in ("in", "at", "inside") or any(c.dep_ == "prep" and c.lower_ in ("at", "in", "of") for c in head.children):
        return False
    governor = prep.head
    return governor.pos_ in ("VERB", "AUX") or governor.lemma_.lower() in ctx.lex.words("project_venue_nouns")


def told_by_a_part(ctx: ArticleContext, head: Token) -> bool:
    """'the loan for the Liberian section of the Trans-Coastal Highway', 'work on two stretches of the
    X Motorway': a capitalised route whose section the story tells of is an undertaking in hand
    (data: project_section_nouns)."""
    if not head.text[:1].isupper() or head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    part = head.head.head
    return part.lemma_.lower() in ctx.lex.words("project_section_nouns") and part.pos_ == "NOUN"
