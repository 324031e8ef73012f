"""Office titles in the text: the listed posts ('Russian Foreign Minister', 'his Pakistani
counterpart'), titles read by their shape ('Minister of Water and Energy', 'Energy Cabinet
Secretary'), portfolio lists that run on, and a plural title that several names share."""
from __future__ import annotations

from spacy.tokens import Span
from spacy.util import filter_spans

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.entities import ctx_matches
from relgraph.nlp.post_holders import given_name_title, name_after
from relgraph.nlp.post_states import PostMention
from relgraph.nlp.posts import honorific_end, leading_state_word, plural_titles, portfolio_tail, remit_end, titled

COUNTERPART = "counterpart"


def find_posts(ctx: ArticleContext) -> list[PostMention]:
    """Office titles in the text ('Russian Foreign Minister', 'his Pakistani counterpart')."""
    doc = ctx.doc
    spans = []
    for match_id, start, end in ctx_matches(ctx, "posts"):
        span = Span(doc, start, end, label=match_id)
        if not ctx.is_excluded(span):
            spans.append(span)
    spans.extend(Span(doc, t.i, t.i + 1, label="counterpart") for t in ctx.index.tokens(ctx.index.with_lower((COUNTERPART,))))
    spans.extend(span for span in portfolio_titles(ctx)
                 if not any(s.start < span.end and span.start < s.end for s in spans))
    first_words = {p.split()[0] for p in ctx.lex.posts if " " in p}
    posts = []
    kept = filter_spans(spans)
    starts = {s.start for s in kept}
    for span in kept:
        before = doc[span.start - 1] if span.start > 0 else None
        ranked = _ranks_before(ctx, span) if span.label_ != COUNTERPART else span.start
        if ranked < span.start:
            # 'Vice Chairman', 'Deputy Governor', 'First Vice-Chairman': ranks before a listed title
            # are part of it
            ranks = titled(doc, ranked, span.start)
            gap = " " if doc[span.start - 1].whitespace_ else ""
            span = Span(doc, ranked, span.end, label=f"{ranks}{gap}{span.label_}")
        elif before is not None and before.lower_ in first_words and before.sent == span.sent:
            continue  # "foreign prime minister": two titles run together, trust neither
        if given_name_title(ctx, doc[span.start]) and span.end == span.start + 1:
            continue  # 'the fund's chief executive, Sultan X': a given name, not a second title
        role = None if span.label_ == "counterpart" else span.label_
        generic = role
        span, role = _with_portfolio_tail(ctx, span, role, starts)
        # an analyst or a professor speaks for no state: the story's sides tell nothing of theirs
        expert = (generic or "").lower() in ctx.lex.post_shapes.get("expert_titles", frozenset())
        guess = not expert and not _union_remit(ctx, span)
        posts.append(PostMention(span, role, generic=generic, guess_state=guess))
        ctx.post_tokens.update(range(span.start, span.end))
    for span in plural_titles(ctx):
        if not any(i in ctx.post_tokens for i in range(span.start, span.end)) and not ctx.is_excluded(span):
            posts.extend(_shared_title(ctx, span))
    return posts


def _union_remit(ctx: ArticleContext, span: Span) -> bool:
    """'the Commissioner for International Partnerships': a commissioner with a capitalised remit
    after 'for' and no state word is a member of a union's commission (the EU's, the AU's), who
    serves no state, so the story's sides tell nothing of one ('remit_titles')."""
    doc = ctx.doc
    titles = ctx.lex.post_shapes.get("remit_titles", frozenset())
    if span.label_.lower() not in titles or span.end + 1 >= len(doc):
        return False
    remit = doc[span.end + 1]
    return doc[span.end].lower_ == "for" and remit.text[:1].isupper() and ctx.gaz.state(remit.text) is None


def _ranks_before(ctx: ArticleContext, span: Span) -> int:
    """The start of the ranks written before a listed title, in its sentence: 'Vice Chairman',
    'First Vice-Chairman' (a rank glued to the title by a hyphen is one word with it)."""
    doc, ranks = ctx.doc, ctx.lex.post_shapes["ranks"]
    start = span.start
    while start > span.sent.start:
        if doc[start - 1].lower_ in ranks:
            start -= 1
        elif (doc[start - 1].text == "-" and start - 2 >= span.sent.start and not doc[start - 1].whitespace_
              and not doc[start - 2].whitespace_ and doc[start - 2].lower_ in ranks):
            start -= 2
        else:
            break
    return start


def _shared_title(ctx: ArticleContext, span: Span) -> list[PostMention]:
    """'Foreign Ministers Ararat Petrosyan and Elmar Huseynov': one post for each name of the list.
    Each later name's post is the comma or 'and' before it, so that the name follows its post."""
    doc = ctx.doc
    ctx.post_tokens.update(range(span.start, span.end))
    first = name_after(ctx, span)
    if first is None:
        return []
    shared = [PostMention(span, span.label_, generic=span.label_, guess_state=False)]
    end = _past_state_of(ctx, shared[0], first.end)
    while end + 1 < len(doc) and doc[end].lower_ in (",", "and"):
        joiner = Span(doc, end, end + 1, label=span.label_)
        name = name_after(ctx, joiner)
        if name is None or name.start != honorific_end(ctx, end + 1):  # 'and Sheikh X'
            break
        shared.append(PostMention(joiner, span.label_, generic=span.label_, guess_state=False))
        end = _past_state_of(ctx, shared[-1], name.end)
    return shared if len(shared) > 1 else []


def _past_state_of(ctx: ArticleContext, post: PostMention, end: int) -> int:
    """'Deputy Prime Ministers X of Armenia and Y of Azerbaijan': the place after a listed name is
    that holder's state (read when places are known, by assign_roles); the list goes on after it."""
    place = ctx.ent_at(end + 1) if end + 1 < len(ctx.doc) and ctx.doc[end].lower_ == "of" else None
    if place is not None and place.label_ == "GPE" and place.start == end + 1:
        post.state_at = end + 1
        return place.end
    return end


def _with_portfolio_tail(ctx: ArticleContext, span: Span, role: str | None,
                         starts: set[int]) -> tuple[Span, str | None]:
    """A title whose portfolio list runs on ('Minister of Foreign Affairs, Emigration and Egyptian
    Expatriates') is that whole title, as written, without its state words."""
    end = max(portfolio_tail(ctx, span), remit_end(ctx, span))
    end = min([end, *(s for s in starts if span.start < s < end)])
    start = _portfolio_head(ctx, span)
    if role is None or (end <= span.end and start >= span.start):
        return span, role
    title = titled(ctx.doc, start, end, drop=leading_state_word(ctx, start))
    return Span(ctx.doc, start, end, label=title), title


def _portfolio_head(ctx: ArticleContext, span: Span) -> int:
    """The start of a title whose portfolio list begins before the matched words: '[Transport and]
    Infrastructure Minister', '[Industry and] Trade Minister'."""
    doc, shapes = ctx.doc, ctx.lex.post_shapes
    first = span.start
    if first < 2 or doc[first].lower_ not in shapes["portfolios"] or doc[first - 1].lower_ not in shapes["joiners"]:
        return first
    left = _portfolio_run(doc, first - 1, -1, shapes["portfolios"], shapes["joiners"], span.sent.start)
    return first if left is None else _with_ranks(doc, left, shapes["ranks"])


def portfolio_titles(ctx: ArticleContext) -> list[Span]:
    """Titles outside the post list, by shape: 'Energy Cabinet Secretary', 'Minister of Water and
    Energy', 'Cabinet Secretary for Trade'. The span's label is the title as written."""
    shapes, doc = ctx.lex.post_shapes, ctx.doc
    portfolios, joiners = shapes["portfolios"], shapes["joiners"]
    found = []
    for head in ctx.index.tokens(ctx.index.with_lower(shapes["heads"])):
        if head.lower_ not in shapes["heads"]:
            continue
        start = head.i - 1 if head.i > 0 and doc[head.i - 1].lower_ == "cabinet" else head.i
        left = _portfolio_run(doc, start - 1, -1, portfolios, joiners, head.sent.start)
        if left is not None:
            found.append(_titled(doc, _with_ranks(doc, left, shapes["ranks"]), head.i + 1))
            continue
        after = head.i + 1
        if after + 1 < len(doc) and doc[after].lower_ in ("of", "for"):
            after += 2 if doc[after + 1].lower_ == "the" else 1
            right = _portfolio_run(doc, after, 1, portfolios, joiners, head.sent.end - 1)
            if right is not None:
                found.append(_titled(doc, _with_ranks(doc, start, shapes["ranks"]), right + 1))
    return found


def _portfolio_run(doc, i: int, step: int, portfolios, joiners, limit: int) -> int | None:
    """The far end of a run of portfolio words (joined by 'and' or commas) from token i, or None."""
    end = None
    while (i >= limit if step < 0 else i <= limit) and (doc[i].lower_ in portfolios or doc[i].lower_ in joiners):
        if doc[i].lower_ in portfolios:
            end = i
        i += step
    return end


def _with_ranks(doc, start: int, ranks) -> int:
    while start > 0 and doc[start - 1].lower_ in ranks:
        start -= 1
    return start


def _titled(doc, start: int, end: int) -> Span:
    return Span(doc, start, end, label=titled(doc, start, end))
