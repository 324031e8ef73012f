"""A state's legislature named with a common noun: "Lebanon's parliament", 'the Ruritanian
Parliament', 'the Parliament of Ruritania' -> Parliament of <State>, named like a ministry."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.ministry_names import state_named_before
from relgraph.nlp.org_shapes import org_shapes

LEGISLATURE = "Parliament"

AddBody = Callable[[ArticleContext, Span, str, str], None]


def extract_legislatures(ctx: ArticleContext, add_body: AddBody,
                         state_after: Callable[[ArticleContext, Span], str | None]) -> None:
    """Every legislature word bound to a state before or after it becomes that state's parliament."""
    doc = ctx.doc
    for token in doc:
        if token.lower_ not in org_shapes().legislature_words or not _free(ctx, token):
            continue
        span = _with_unknown_name(ctx, token)
        if ctx.is_excluded(span):
            continue
        state = state_named_before(ctx, span) or state_after(ctx, span)
        if state is not None:
            add_body(ctx, span, LEGISLATURE, state)


def _free(ctx: ArticleContext, token: Token) -> bool:
    """Not part of an office title, a known body or a longer name ('Parliament Hill')."""
    doc = token.doc
    if token.i in ctx.post_tokens:
        return False
    mention = ctx.by_token.get(token.i)
    if mention is not None and (mention.ref.kind != "organization" or ctx.gaz.organization(mention.ref.key)):
        return False
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return nxt is None or not (nxt.text[:1].isupper() and nxt.is_alpha)


def _with_unknown_name(ctx: ArticleContext, token: Token) -> Span:
    """The word, or the whole unknown organisation NER made of it ('the Ruritanian Parliament')."""
    mention = ctx.by_token.get(token.i)
    if mention is not None and mention.end == token.i + 1:
        return ctx.doc[mention.start:token.i + 1]
    return ctx.doc[token.i:token.i + 1]
