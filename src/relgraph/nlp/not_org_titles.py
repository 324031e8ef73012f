"""Spans NER typed as organisations that are office titles or the names of the people who hold
them: 'the Adviser for Environment', 'the project manager, Ann Roe,'."""
from __future__ import annotations

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.org_shapes import has_org_head, name_head, org_shapes


def is_title_name(text: str) -> bool:
    """'Adviser for Environment', 'Federal Councillor for Foreign Affairs': a name built on an
    office title is the title, not a body (a body has its own head: 'Office of the Adviser')."""
    return name_head(text) in org_shapes().title_heads and not has_org_head(text)


def apposed_to_a_title(ctx: ArticleContext, span: Span) -> bool:
    """'Ann Roe, Secretary in the Department of ...' and 'the dam's project manager, Ann Roe,':
    a headless name set off by a comma beside a person's title is the person's."""
    doc = span.doc
    if len(span) < 2 or any(t.is_upper and len(t) > 1 for t in span) or has_org_head(span.text):
        return False   # an acronym or a one-word name may be a firm's ('Omnibank, chairman ...')
    i = span.end
    if i + 1 < len(doc) and doc[i].text == ",":
        nxt = doc[i + 2] if doc[i + 1].lower_ in ("the", "a", "an") and i + 2 < len(doc) else doc[i + 1]
        if _is_title_word(ctx, nxt.i):
            return True
    i = span.start - 1
    if i >= 1 and doc[i].text == ",":
        before = doc[i - 1]
        if _is_title_word(ctx, before.i):
            return True
        mention = ctx.by_token.get(before.i)
        if mention is not None and mention.ref.kind == "person":
            return False
        # '... Councillor for Foreign Affairs, Ann Roe': the title before the comma ends in its portfolio
        start = next((j for j in range(i - 1, max(span.sent.start, i - 8) - 1, -1)
                      if doc[j].lower_ in org_shapes().title_heads), None)
        return start is not None and is_title_name(doc[start:i].text)
    return False


def _is_title_word(ctx: ArticleContext, i: int) -> bool:
    return i in ctx.post_tokens or ctx.doc[i].lower_ in org_shapes().appositive_title_nouns
