"""Spans NER typed as organisations that are office titles or the names of the people who hold
them: 'the Adviser for Environment', 'the project manager, Ann Roe,', a name a person was read by."""
from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.org_shapes import has_org_head, name_head, org_shapes

QUOTES = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb"}
HONORIFIC_STARTS = {"rt", "hon", "mr", "mrs", "ms", "dr", "sir", "dame", "h.e", "he"}


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


def names_a_person(ctx: ArticleContext, span: Span, text: str) -> bool:
    """'Roe' after 'Ann Roe' was read as a person ('Pena' after 'Peña' too), and
    'Rt Hon Jane Roe MP' starts with an honorific."""
    if text.split()[0].lower().strip(".") in HONORIFIC_STARTS:
        return True
    if _beside_a_person(ctx, span) or _inverted_speaker(span):
        return True
    folded = _fold(text)
    words = set(folded.split())
    names = [ent.text for ent in ctx.ents if ent.label_ == "PERSON"]
    names += [n for ref, entity in ctx.records.entities.items() if ref.kind == "person"
              for n in entity.names | {ref.key}]
    for name in map(_fold, names):
        if words <= set(name.split()) or len(name.split()) > 1 and name in folded:
            return True
    return _hyphenated_names(folded, [_fold(n) for n in names])


def _hyphenated_names(folded: str, names: list[str]) -> bool:
    """'after the Roe-Engel call': two people's surnames joined by a hyphen, each a word of a
    person's name the article reads, name a pair of people, not a body."""
    parts = re.split(r"[\-\u2013]", folded)
    name_words = {w for name in names for w in name.split()}
    return len(parts) >= 2 and " " not in folded and all(len(p) > 1 and p in name_words for p in parts)


def _inverted_speaker(span: Span) -> bool:
    """'"We will see," said Ann Roe of the Lakeland Institute': the name after a quote's 'said'
    is the speaker's."""
    doc = span.doc
    if len(span) < 2 or span.start < 2:
        return False
    verb, before = doc[span.start - 1], doc[span.start - 2]
    return verb.lower_ in ("said", "says", "added", "wrote") and before.text in QUOTES | {",", "'"}


def _beside_a_person(ctx: ArticleContext, span: Span) -> bool:
    """'Ann Roe and Jan Poe': coordinated with a person's name; 'Ana dos Santos Lima': the rest of
    a name after a particle that follows a person's first name."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ in org_shapes().name_particles:
        return _is_person_token(ctx, doc[span.start - 2])
    if len(span) < 2 or any(t.is_upper for t in span):
        return False   # 'Omnibank and Ann Roe': a one-word or capitalised name may be a firm's
    if span.start >= 2 and doc[span.start - 1].lower_ in ("and", "or"):
        return _is_person_token(ctx, doc[span.start - 2])
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", "or"):
        return _is_person_token(ctx, doc[span.end + 1])
    return False


def _is_person_token(ctx: ArticleContext, token: Token) -> bool:
    mention = ctx.by_token.get(token.i)
    return token.ent_type_ == "PERSON" or mention is not None and mention.ref.kind == "person"


def _fold(text: str) -> str:
    """Lower case without accents: 'Peña' and 'Pena', 'Ioniță' and 'Ionita' are one spelling."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
