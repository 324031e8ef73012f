"""The shape of an office title around its head word: the portfolio list that runs on after it,
what it is 'to' or 'of', titles coordinated before one name, and the organisation it heads."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from relgraph.nlp.context import ArticleContext, Mention

TAIL_ENTITY_LABELS = ("GPE", "LOC", "ORG", "NORP", "FAC")
SMALL_WORDS = {"and", "of", "for", "the", "at", "on", "in", "to"}


def portfolio_tail(ctx: ArticleContext, span: Span) -> int:
    """The end of a title whose portfolio list runs on past the matched words: 'Minister of Foreign
    Affairs[, Emigration and Egyptian Expatriates]', 'Minister for Foreign Affairs[ and Trade]'.
    A title that does not end on a portfolio word ends where it was matched."""
    doc, shapes = ctx.doc, ctx.lex.post_shapes
    portfolios, joiners = shapes["portfolios"], shapes["joiners"]
    if doc[span.end - 1].lower_ not in portfolios:
        return span.end
    end, i = span.end, span.end
    while i < span.sent.end:
        token = doc[i]
        if token.lower_ in joiners or token.lower_ == "the":
            i += 1
            continue
        if token.text[:1].isupper() and (token.lower_ in portfolios or _is_demonym(ctx, token)):
            i += 1
            end = i if token.lower_ in portfolios else end
            continue
        break
    return end


def _is_demonym(ctx: ArticleContext, token) -> bool:
    return ctx.gaz.state_by_demonym(token.text) is not None


def tail_end(ctx: ArticleContext, end: int) -> int:
    """Skip what a title is 'to', 'in' or 'of' before the holder's name: 'ambassador to China[, ]',
    'ambassador in Caracas', 'Chief Executive of the Ghana Cocoa Board (COCOBOD)'."""
    doc = ctx.doc
    if end >= len(doc) or doc[end].lower_ not in ("to", "in", "of"):
        return end
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or doc[i].ent_type_ not in TAIL_ENTITY_LABELS:
        return end
    i = _entity_end(doc, i)
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # '(COCOBOD)': an abbreviation of the name just read
    return i


def _entity_end(doc: Doc, i: int) -> int:
    label = doc[i].ent_type_
    i += 1
    while i < len(doc) and doc[i].ent_iob_ == "I" and doc[i].ent_type_ == label:
        i += 1
    return i


def coordinated_end(ctx: ArticleContext, end: int) -> int:
    """Past titles joined with 'and' to this one, which share its holder: 'Deputy Prime Minister and
    Minister of Industry, Natangwe Ithete', 'chairman and chief executive Zsolt Hernadi'."""
    doc = ctx.doc
    end = tail_end(ctx, end)
    while end + 1 < len(doc) and doc[end].lower_ == "and" and end + 1 in ctx.post_tokens:
        i = end + 1
        while i in ctx.post_tokens:
            i += 1
        end = tail_end(ctx, i)
    return end


def titled(doc: Doc, start: int, end: int, drop=lambda token: False) -> str:
    """The title as written, capitalised, without the tokens `drop` rejects (state words)."""
    words = [t.text if t.text.isupper() or t.lower_ in SMALL_WORDS or t.is_punct else t.text[:1].upper() + t.text[1:]
             for t in doc[start:end] if not drop(t)]
    return " ".join(words).replace(" ,", ",").replace("( ", "(").replace(" )", ")")


def state_word_in(ctx: ArticleContext, span: Span) -> str | None:
    """A demonym inside a long title names its state: 'Minister of Foreign Affairs and Egyptian Expatriates'."""
    for token in span:
        hit = ctx.gaz.state_by_demonym(token.text)
        if hit is not None:
            return hit.name
    return None


def organization_of_post(ctx: ArticleContext, span: Span) -> tuple[Mention, bool] | None:
    """The organisation a title heads, and whether it follows the title: 'NATO spokesperson' (before),
    'Governor of the Bank of Ghana' (after)."""
    doc = ctx.doc
    for i in range(span.start - 1, max(span.start - 4, span.sent.start - 1), -1):
        m = ctx.by_token.get(i)
        if m is not None:
            return (m, False) if m.ref.kind == "organization" else None
        if doc[i].pos_ not in ("DET", "PART", "PRON", "ADJ", "PUNCT") and doc[i].lower_ not in ("'s",):
            break
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        nxt = span.end + 2 if doc[span.end + 1].lower_ == "the" and span.end + 2 < len(doc) else span.end + 1
        m = ctx.by_token.get(nxt)
        if m is not None and m.ref.kind == "organization":
            return m, True
    return None


def organization_title(ctx: ArticleContext, span: Span, org: Mention) -> str:
    """'Director General of the National Electric Power Company': a head of a named body is
    titled with it, as written (the generic word alone would say little)."""
    return titled(ctx.doc, span.start, org.end)


def organization_post_state(ctx: ArticleContext, org: Mention) -> tuple[bool, str | None]:
    """(known, state) of an organisation's officer: an intergovernmental body's officer serves no
    state; a national body's officer serves its state; unknown when the body's state is not known."""
    entry = ctx.gaz.organization(org.ref.key)
    name_words = org.ref.key.replace("(", " ").replace(")", " ").split()
    if (entry is not None and entry.org_kind == "intergovernmental") or any(
            (e := ctx.gaz.organization(w)) is not None and e.org_kind == "intergovernmental" for w in name_words):
        return True, None
    state = ctx.state_of(org.ref)
    return (True, state) if state else (False, None)
