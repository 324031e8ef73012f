"""The record of a state, city or organisation read from a span: its names, gazetteer entry,
state and evidence."""
from __future__ import annotations

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext, clean_name


def record(ctx: ArticleContext, kind: str, key: str, span: Span, via: str) -> None:
    gaz = ctx.gaz
    entity = ctx.records.entity(kind, key)
    if via == "name" and kind != "state":
        entity.names.add(clean_name(span.text))
    entry = {"state": gaz.state, "city": gaz.city, "organization": gaz.organization}[kind](key)
    if entry is not None:
        entity.names.add(entry.name)
        entity.same_as = entry.same_as()
        if kind != "state" and entry.state:
            entity.state = entry.state
    if kind == "organization" and entity.state is None:
        entity.state = state_in_name(ctx, span)
    entity.evidence.append(ctx.evidence(span, f"ner-{span.label_.lower()}+gazetteer", 0.9 if entry else 0.7))


def state_in_name(ctx: ArticleContext, span: Span) -> str | None:
    """'Pakistan Steel Mills' belongs to Pakistan; "Russia's Rosatom" to Russia."""
    found = {hit.name for token in span
             if (hit := ctx.gaz.state(token.text) or ctx.gaz.state_by_demonym(token.text))}
    if "-" in span.text and any(t.text == "-" for t in span[:3]):
        return None  # 'Pak-Russian Intergovernmental Commission': bilateral, no single state
    if len(found) == 1:
        return found.pop()
    before = span.doc[span.start - 2: span.start] if span.start >= 2 else None
    if before is not None and before[-1].text in ("'s", "\u2019s"):
        hit = ctx.gaz.state(before[0].text)
        if hit:
            return hit.name
    return None
