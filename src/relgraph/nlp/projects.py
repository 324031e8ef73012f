"""Projects: infrastructure, plants, corridors, programmes and supplies the text names or delimits."""
from __future__ import annotations

import re

from spacy.tokens import Token

from relgraph.nlp.actors import actors_in, as_actor, pair_refs, subject_actors, subtree_span, with_states
from relgraph.nlp.context import ArticleContext
from relgraph.records import FactRecord, Ref

def extract_projects(ctx: ArticleContext) -> list[FactRecord]:
    heads = ctx.lex.words("project_heads")
    named_heads = ctx.lex.words("project_named_heads")
    construction = ctx.lex.words("construction_nouns")
    projects = []
    for token in ctx.doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" or ctx.is_excluded(token.doc[token.i:token.i + 1]):
            continue
        if lemma in heads or token.lower_ in named_heads:
            core = _core_phrase(token) or _apposed_name(ctx, token)
            if core is None or _is_org(ctx, token):
                continue
            _release_name_parts(ctx, core)
            named = any(t.pos_ == "PROPN" for t in core) and token.lower_ in named_heads
            built = token.head.lemma_.lower() in construction and token.dep_ == "pobj" or \
                token.dep_ == "pobj" and token.head.head.lemma_.lower() in construction
            if lemma in ("project", "programme", "program", "initiative", "pipeline", "corridor") or named or built:
                projects.append(_project(ctx, token, core))
    projects += _supplies(ctx)
    return [p for p in projects if p is not None]


def _core_phrase(head: Token):
    """'the largest steel mill' -> 'steel mill'; needs at least one modifier that names what it is."""
    mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i
            and c.tag_ not in ("JJS", "JJR") and c.lower_ not in ("first", "new", "last", "next", "other", "such")]
    if not mods:
        return None
    start = min(t.left_edge.i for t in mods)
    return head.doc[start: head.i + 1]


def _apposed_name(ctx: ArticleContext, head: Token):
    """'the Ethiopia-Kenya Electricity Highway, a project financed by ...': the name the bare
    project noun stands in apposition to."""
    if head.dep_ != "appos" or head.lemma_.lower() not in ("project", "programme", "program", "initiative"):
        return None
    name = head.head
    named = ctx.mention_at(name)
    if name.pos_ != "PROPN" or named is not None and named.ref.kind != "organization":
        return None  # 'in Lahore, a project that ...': a place, not the project's name
    start = min(t.i for t in name.subtree if t.i <= name.i and t.dep_ in ("compound", "det", "amod", "nmod")
                or t.i == name.i)
    while start < name.i and name.doc[start].pos_ == "DET":
        start += 1
    return name.doc[start: name.i + 1]


def _release_name_parts(ctx: ArticleContext, name) -> None:
    """Organisation names NER found inside a project's name ('Scarborough' in 'the Scarborough gas
    project') are part of the name, unless the gazetteer knows them ('the Gazprom pipeline')."""
    lo = name.start
    while lo > 0 and ctx.doc[lo - 1].pos_ == "DET":  # NER often takes 'the' into the name
        lo -= 1
    for m in ctx.mentions_in(name.start, name.end, ("organization",)):
        if m.start >= lo and m.end <= name.end and ctx.gaz.organization(
                ctx.doc[m.start:m.end].text) is None:
            ctx.remove_mention(m)


def _is_org(ctx: ArticleContext, token: Token) -> bool:
    m = ctx.mention_at(token)
    return m is not None and m.ref.kind in ("organization", "city", "state")


def _project(ctx: ArticleContext, head: Token, core) -> FactRecord | None:
    label = _clean_label(core.text)
    scope = subtree_span(head)
    participants = [r for r in actors_in(ctx, scope) if r.kind in ("state", "organization")]
    participants += pair_refs(ctx, scope)
    governor = head.head if head.dep_ == "pobj" else head
    for anc in [governor, governor.head, governor.head.head]:
        if anc.lemma_.lower() in ctx.lex.words("construction_nouns"):
            participants += [r for r in actors_in(ctx, subtree_span(anc)) if r.kind in ("state", "organization")]
    if not participants:
        participants = [r for r in subject_actors(ctx, head) if r.kind in ("state", "organization")]
    if not participants:
        participants = [r for r in actors_in(ctx, head.sent) if r.kind in ("state", "organization")]
        participants += pair_refs(ctx, head.sent)
    if not participants:
        participants = _neighbour_states(ctx, head)
    locations = [m.ref for m in ctx.mentions_in(scope.start, scope.end, ("city",))]
    if head.dep_ in ("dobj", "nsubjpass"):  # 'extend the railway project from Nairobi to Kisumu'
        for prep in head.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "to", "between", "in", "through"):
                span = subtree_span(prep)
                locations += [m.ref for m in ctx.mentions_in(span.start, span.end, ("city",))]
    participants = _dedupe(with_states(ctx, participants))
    if not participants and not locations:
        return None
    return FactRecord(
        kind="project", label=label, participants=participants, places=_dedupe(locations),
        evidence=[ctx.evidence(core, "project-phrase", 0.65)],
    )


def _supplies(ctx: ArticleContext) -> list[FactRecord]:
    """'Moscow will supply Islamabad 150,000 doses of its Sputnik V vaccine': a delivery programme."""
    verbs = ctx.lex.words("supply_verbs")
    units = ctx.lex.words("supply_units")
    out = []
    for verb in ctx.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        obj = next((o for o in objects if any(t.like_num for t in subtree_span(o))
                    and any(t.lower_ in units for t in subtree_span(o))), None)
        if obj is None:
            continue
        span = subtree_span(obj)
        supplier = [r for r in subject_actors(ctx, verb)]
        receiver = [as_actor(ctx, m) for c in verb.children if c.dep_ in ("dative", "iobj") or c in objects and c.i != obj.i
                    for m in ctx.mentions_in(c.left_edge.i, c.right_edge.i + 1)]
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                receiver += [as_actor(ctx, m) for m in ctx.mentions_in(c.left_edge.i, c.right_edge.i + 1)]
        participants = _dedupe(with_states(ctx, [r for r in supplier + receiver if r]))
        participants = [r for r in participants if r.kind in ("state", "organization")]
        if not participants:
            continue
        label = "Supply of " + _clean_label(re.sub(r"\b(its|their|his|her)\s+", "", span.text))
        out.append(FactRecord(kind="project", label=label, participants=participants,
                              evidence=[ctx.evidence(span, "project-supply", 0.6)]))
    return out


def _neighbour_states(ctx: ArticleContext, token: Token) -> list[Ref]:
    """States of the previous sentence of the same paragraph ('... was also commissioned at that time')."""
    sent = token.sent
    if sent.start == 0:
        return []
    prev = ctx.doc[sent.start - 1].sent
    if "\n" in ctx.doc.text[prev.end_char: sent.start_char]:
        return []
    return [r for r in actors_in(ctx, prev) if r.kind == "state"]


def _clean_label(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


def _dedupe(refs: list[Ref]) -> list[Ref]:
    out = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out
