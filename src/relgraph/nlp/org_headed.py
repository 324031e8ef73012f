"""Organisations named by a capitalised run that ends in a strong head noun ('the Tarsk EXIM Bank
has offered ...', 'Velmor Caucasus Railway, the network's concessionaire'), where NER found no
name or typed the run as a nationality. Vocabulary: strong_heads, generic_body_words and
legal_forms of data/patterns/org_shapes.json."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.org_shapes import org_shapes

MAX_NAME_TOKENS = 6
FREE_ENT_TYPES = {"", "NORP"}       # NER found nothing there, or read the words as a nationality
SENTENCE_ENDS = (".", '"', "\u201d", ":", ";")
DASHES = ("-", "\u2013")


def headed_names(ctx: ArticleContext) -> list[tuple[Span, Span]]:
    """Every capitalised run of words NER left unread that ends in a strong head noun ('Bank',
    'Railway', 'Corporation'), in news text (a line that ends a sentence, not a title-case
    headline), with a word of its own besides the head and generic words ('the Central Bank' is
    read with its state elsewhere), begun after 'the', a lower-case word or a sentence start; with
    the name it gives: the run, or the run with the two states joined by a hyphen before it ('the
    Tarsk-Velmor Joint Commission'), which keep their own readings."""
    shapes = org_shapes()
    found = []
    for head in ctx.index.tokens(ctx.index.with_lower(shapes.strong_heads)):
        if not _free_word(ctx, head) or head.lower_ not in shapes.strong_heads or not _in_news_text(ctx, head):
            continue
        nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if nxt is not None and (nxt.text[:1].isupper() and not nxt.is_punct or nxt.lower_ in ("of", "for")):
            continue   # 'the Bank Governor', 'the Railway of Tarsk': NER's names, or another shape
        start = head.i
        while start > head.sent.start and head.i - start < MAX_NAME_TOKENS and _free_word(ctx, head.doc[start - 1]):
            start -= 1
        run = head.doc[start:head.i + 1]
        pair = _state_pair_before(ctx, start)
        if pair is None and _after_a_compound(head.doc, start):
            continue
        words = [t.lower_ for t in head.doc[start:head.i]]
        if not words or pair is None and all(w in shapes.generic_body_words | shapes.strong_heads for w in words):
            continue
        found.append((run, head.doc[pair:head.i + 1] if pair is not None else run))
    return found


def _state_pair_before(ctx: ArticleContext, start: int) -> int | None:
    """Where 'Tarsk-Velmor' begins when two states (or their demonyms) joined by a hyphen stand
    right before token `start` (or the run begins with the second of them)."""
    doc = ctx.doc
    second = ctx.by_token.get(start)
    if second is None or second.ref.kind != "state":
        second = ctx.by_token.get(start - 1) if start >= 1 else None
    if second is None or second.ref.kind != "state":
        return None
    k = second.start - 1   # the hyphen
    if k < 1 or doc[k].text not in DASHES or doc[k].whitespace_ or doc[k - 1].whitespace_:
        return None
    first = ctx.by_token.get(k - 1)
    return first.start if first is not None and first.ref.kind == "state" else None


def _after_a_compound(doc, start: int) -> bool:
    """'the EU-Tarsk Partnership Council' with no state pair: the run begins inside or right after a
    hyphenated compound that is no pair of states, and the name's first words are not known here."""
    def joined(k: int) -> bool:
        return k >= 1 and doc[k].text in DASHES and not doc[k].whitespace_ and not doc[k - 1].whitespace_
    return start >= 2 and (joined(start - 1) or doc[start - 1].text[:1].isupper() and joined(start - 2))


def _free_word(ctx: ArticleContext, token: Token) -> bool:
    """A capitalised word of a name no reading holds (a demonym's state reading may be inside)."""
    if not token.text[:1].isupper() or not token.is_alpha or token.i in ctx.post_tokens \
            or token.ent_type_ not in FREE_ENT_TYPES or token.is_sent_start and token.lower_ == "the":
        return False
    mention = ctx.by_token.get(token.i)
    return mention is None or mention.ref.kind == "state" and mention.via == "demonym"


def _in_news_text(ctx: ArticleContext, token: Token) -> bool:
    """The line the token stands on ends a sentence: news text, not a headline or a caption credit."""
    text = ctx.text
    end = text.find("\n", token.idx)
    line = text[text.rfind("\n", 0, token.idx) + 1:end if end >= 0 else len(text)]
    return line.rstrip().endswith(SENTENCE_ENDS)
