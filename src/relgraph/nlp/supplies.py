"""Supplies: 'Moscow will supply Islamabad 150,000 doses of its vaccine' is a delivery programme."""
from __future__ import annotations

import re

from spacy.tokens import Span

from relgraph.nlp.actors import as_actor, subject_actors, subtree_span, with_states
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_names import clean_label, dedupe
from relgraph.records import FactRecord


def extract_supplies(ctx: ArticleContext) -> list[FactRecord]:
    """'Moscow will supply Islamabad 150,000 doses of its Sputnik V vaccine': a delivery programme.
    A sum of money ('provide A$400 million') is funding, not a supply."""
    verbs = ctx.lex.words("supply_verbs")
    units = ctx.lex.words("supply_units")
    money = ctx.lex.words("supply_money_words")
    out = []
    for verb in ctx.index.tokens(ctx.index.with_lemma(verbs)):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        obj = next((o for o in objects if _counted_goods(subtree_span(o), units, money)), None)
        if obj is None:
            continue
        span = subtree_span(obj)
        supplier = [r for r in subject_actors(ctx, verb)]
        receiver = [as_actor(ctx, m) for c in verb.children if c.dep_ in ("dative", "iobj") or c in objects and c.i != obj.i
                    for m in ctx.mentions_in(c.left_edge.i, c.right_edge.i + 1)]
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                receiver += [as_actor(ctx, m) for m in ctx.mentions_in(c.left_edge.i, c.right_edge.i + 1)]
        participants = dedupe(with_states(ctx, [r for r in supplier + receiver if r]))
        participants = [r for r in participants if r.kind in ("state", "organization")]
        if not participants:
            continue
        label = "Supply of " + clean_label(re.sub(r"\b(its|their|his|her)\s+", "", span.text))
        out.append(FactRecord(kind="project", label=label, participants=participants,
                              evidence=[ctx.evidence(span, "project-supply", 0.6)]))
    return out


def _counted_goods(span: Span, units: frozenset[str], money: frozenset[str]) -> bool:
    if any(t.ent_type_ == "MONEY" or t.tag_ == "$" or t.is_currency or t.lower_ in money for t in span):
        return False
    return any(t.pos_ == "NUM" and t.ent_type_ != "ORDINAL" for t in span) and any(t.lower_ in units for t in span)
