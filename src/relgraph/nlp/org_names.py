"""Whole organisation names from NER's cut ones: a longer gazetteer name, a name cut at 'of' or
'and' ('Police Service of' | 'Westland Province'), a body named by its seat ('District Court in Lyon')."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, clean_name
from relgraph.nlp.org_shapes import has_org_head, name_head, org_shapes

MAX_EXTRA_TOKENS = 6
STOP_ENT_TYPES = {"DATE", "TIME", "CARDINAL", "PERSON", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


def widen_org(ctx: ArticleContext, ent: Span) -> Span:
    """The fullest organisation name that starts where NER's span starts."""
    longer = _gazetteer_name(ctx, ent)
    if longer is not None:
        return longer
    doc = ent.doc
    shapes = org_shapes()
    last = ent[-1].lower_
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if last in shapes.dangling_words:
        return _continue(ctx, ent, ent.end) or ent
    if nxt is None or not has_org_head(ent.text):
        return ent
    if nxt.lower_ in shapes.extension_joiners:
        if _full_name(ent) and _starts_another_org(doc, ent.end + 1):
            return ent   # 'the Policy Department of the Presidential Office': two bodies NER told apart
        return _continue(ctx, ent, ent.end + 1) or ent
    if nxt.lower_ == "and" and any(w in ent.text.split() for w in ("of", "on", "for")):
        wider = _continue(ctx, ent, ent.end + 1)
        rest = doc[ent.end + 1:wider.end] if wider is not None else None
        if rest is not None and not has_org_head(rest.text) and not any(
                t.ent_type_ in ("GPE", "LOC", "NORP") or ctx.gaz.state(t.text) or ctx.gaz.city(t.text)
                for t in rest):
            return wider            # 'Commission on River Demarcation and River Safety'
    if nxt.lower_ == "in" and name_head(ent.text) in shapes.seat_heads:
        seat = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
        if seat is not None and ctx.gaz.city(seat.text) is not None:
            return Span(doc, ent.start, seat.i + 1, label=ent.label_)
    return ent


def _full_name(ent: Span) -> bool:
    """A head noun with descriptive words of its own ('Foreign Policy Department'), unlike a bare
    'the Council' or an organ's generic 'Political Bureau' that need their 'of ...' to be a name."""
    words = [t for t in ent if t.text[:1].isupper() and t.lower_ != "the"]
    organ_words = org_shapes().organ_words | org_shapes().heads
    return has_org_head(ent.text) and len(words) >= 2 and not all(t.lower_ in organ_words for t in words)


def _starts_another_org(doc, i: int) -> bool:
    """NER began an organisation of its own at token i (or at the word after its article)."""
    if i < len(doc) and doc[i].lower_ == "the" and doc[i].ent_iob_ != "B":
        i += 1
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "ORG"


def _gazetteer_name(ctx: ArticleContext, ent: Span) -> Span | None:
    """'Organization for Security and Co-operation' | 'in Europe': the gazetteer knows the whole."""
    doc = ent.doc
    for end in range(min(len(doc), ent.end + MAX_EXTRA_TOKENS), ent.end, -1):
        piece = doc[ent.start:end]
        if piece[-1].is_alpha and "\n" not in piece.text \
                and ctx.gaz.organization(clean_name(piece.text)) is not None:
            return Span(doc, ent.start, end, label=ent.label_)
    return None


def _continue(ctx: ArticleContext, ent: Span, start: int) -> Span | None:
    """The name running on from `start` over capitalised words (and 'the', 'of' between them)."""
    doc = ent.doc
    shapes = org_shapes()
    end = start
    while end < len(doc) and end - ent.end <= MAX_EXTRA_TOKENS and _name_word(ctx, doc[end]):
        end += 1
    while end > start and doc[end - 1].lower_ in shapes.function_words:
        end -= 1
    if end == start or not doc[start:end].text[:1].isalpha():
        return None
    return Span(doc, ent.start, end, label=ent.label_)


def _name_word(ctx: ArticleContext, token: Token) -> bool:
    if token.i in ctx.post_tokens or token.ent_type_ in STOP_ENT_TYPES or "\n" in token.text:
        return False
    mention = ctx.by_token.get(token.i)
    if mention is not None and mention.ref.kind not in ("state", "city"):
        return False
    return token.text[:1].isupper() or token.lower_ in org_shapes().function_words and token.lower_ != "and"
