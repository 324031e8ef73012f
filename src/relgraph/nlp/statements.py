"""Statements told by their shape: a verb of telling or posting, or a noun framed as a saying."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext


def statement_verb(ctx: ArticleContext, verb: Token) -> bool:
    """A public statement told by its verb: 'told reporters', 'told the APA news agency', 'wrote on
    X', 'addressed the closing session'."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if lemma == "tell":
        return any(_last_word(ctx, o) & ctx.lex.words("statement_audiences") for o in objects)
    if lemma == "address":
        return any(o.lemma_.lower() in ctx.lex.words("addressed_bodies") for o in objects)
    if lemma in ctx.lex.words("speech_verbs"):
        return any(_speech_setting(ctx, c) for c in verb.children if c.dep_ == "prep")
    return False


def _speech_setting(ctx: ArticleContext, prep: Token) -> bool:
    """'speaking to reporters', 'replying in the House', 'spoke before parliament': remarks made to
    the press or in a legislature are public; 'spoke with his counterpart' is talk, not a statement.
    A building named like a chamber ('at the State House', 'in the Bhutan House') is no legislature."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if prep.lower_ == "to" and _last_word(ctx, obj) & ctx.lex.words("statement_audiences"):
            return True
        if prep.lower_ in ("in", "before", "to") and obj.lemma_.lower() in ctx.lex.words("legislature_nouns") \
                and not any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in obj.children):
            return True
    return False


def posting_verb(ctx: ArticleContext, verb: Token) -> bool:
    """'wrote on X', 'welcomed the signing in a post on X.': a platform named after 'on' in the
    verb's own phrase (the tokenizer may glue the full stop to 'X')."""
    verbs = ctx.memo.get("posting_verbs")
    if verbs is None:
        verbs = ctx.memo["posting_verbs"] = _posting_verbs(ctx)
    return verb.i in verbs


def _posting_verbs(ctx: ArticleContext) -> frozenset[int]:
    """The verbs whose own phrase names a platform after 'on': each platform's first verb up the
    tree from its 'on'. One pass over the article, instead of one walk of each verb's subtree: the
    verb found up the tree is an ancestor of the platform, so the platform is in its subtree."""
    platforms = ctx.lex.words("social_platforms")
    found = set()
    # the objects of the article's 'on's, found from the index rather than by a walk of every token
    objects = (c for on in ctx.index.tokens(ctx.index.with_lower(("on",))) for c in on.children)
    for token in objects:
        if token.dep_ == "pobj" and token.head.lower_ == "on" and (
                token.lower_.rstrip(".") in platforms or _named_platform(ctx, token)):
            node = token.head
            while node.pos_ != "VERB" and node.head.i != node.i:
                node = node.head
            found.add(node.i)
    return frozenset(found)


def _named_platform(ctx: ArticleContext, noun: Token) -> bool:
    """'on his Truth Social platform', 'on the ministry's Telegram channel': someone's account named
    by its platform; a bare 'on the platform' may be a railway's."""
    if noun.lemma_.lower().rstrip(".") not in ctx.lex.words("platform_nouns"):
        return False
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    known = any(c.lower_ in ctx.lex.words("social_platforms") for c in compounds)
    return known or bool(compounds) and any(c.dep_ == "poss" for c in noun.children)


def _last_word(ctx: ArticleContext, token: Token) -> set[str]:
    """The head word of an audience (as written and as lemma), or the last word of the name it is
    part of ('the APA news agency')."""
    mention = ctx.mention_at(token)
    word = ctx.doc[_name_end(ctx, mention.start, mention.end) - 1] if mention is not None else token
    return {word.lower_, word.lemma_.lower()}


def _name_end(ctx: ArticleContext, start: int, end: int) -> int:
    """Where a name ends before the acronym it is given in brackets: 'the Kuwait News Agency (KUNA)'."""
    opening = next((i for i in range(start + 1, end) if ctx.doc[i].text == "("), None)
    return opening if opening is not None else end


def framed_statement(ctx: ArticleContext, noun: Token) -> bool:
    """'a message' is a statement only when someone's ('the president's message') or the frame of a
    saying ('said in a message'); a plain 'received a written message' is a letter."""
    if noun.pos_ == "VERB" or noun.lower_ not in ctx.lex.words("framed_statement_nouns") \
            and noun.lemma_.lower() not in ctx.lex.words("framed_statement_nouns"):
        return True
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    head = noun
    while head.dep_ == "compound" and head.head.i != head.i:  # 'in a message broadcast by TV', parsed askew
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "with", "through", "via")


def signed_document(ctx: ArticleContext, noun: Token) -> bool:
    """'signed a joint declaration of intent', 'the Declaration of Principles': a declaration named by
    its complement as a document kind is a text the sides conclude (an agreement), not a statement; a
    plain declaration, even signed or adopted at a summit, is also what they say in public."""
    if noun.pos_ == "VERB":
        return False
    phrases = ctx.lex.words("document_statement_phrases")
    return any(f"{noun.lemma_.lower()} of {o.lemma_.lower()}" in phrases or f"{noun.lower_} of {o.lower_}" in phrases
               for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
