"""Whether a reported deal is really concluded: hedges (offers, plans, futures, negations), deals
undone (rejected, scrapped) and deals signed by one side only (GOLD_SCHEMA policy)."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext

__all__ = ["hedged", "undone", "named_in_passing_plan", "one_sided"]


def undone(ctx: ArticleContext, noun: Token) -> bool:
    """'parliament rejected the deal', 'the pact collapsed', 'the scrapped treaty': not concluded."""
    undo = ctx.lex.words("undoing_verbs")
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.lemma_.lower() in undo:
        return True
    return any(c.dep_ in ("amod", "acl", "relcl") and c.lemma_.lower() in undo for c in noun.children)


def named_in_passing_plan(ctx: ArticleContext, noun: Token) -> bool:
    """'talks on a new framework', 'the proposed treaty': the governing nouns up to the clause's verb
    say it is not concluded. (A verb above, 'discussed making use of the CEPA', does not: the treaty
    named is in force.)"""
    pending = ctx.lex.words("pending_nouns") | ctx.lex.words("hedge_words")
    negations = ctx.lex.words("negation_words")
    if any(c.dep_ in ("amod", "det", "neg", "acl", "relcl")
           and (c.lemma_.lower() in pending or c.lower_ in negations) for c in noun.children):
        return True  # 'the proposed treaty', 'no agreement', 'a deal expected in 2026'
    for anc in noun.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return False
        if anc.lemma_.lower() in pending:
            return True
    return False


def hedged(ctx: ArticleContext, noun: Token, verb: Token) -> bool:
    """Offers, plans, talks, negations, futures and deals still to be signed are not concluded."""
    hedges = ctx.lex.words("hedge_words")
    negations = ctx.lex.words("negation_words")
    pending = ctx.lex.words("pending_nouns")
    for tok in (noun, verb):
        for child in tok.children:
            if child.lower_ in negations or (child.dep_ in ("aux", "auxpass") and child.lower_ in hedges):
                return True
            if child.dep_ in ("amod", "compound") and child.lemma_.lower() in hedges | pending:
                return True  # 'the proposed treaty', 'a draft agreement' (the parser makes 'draft' either)
    if verb.pos_ == "NOUN" and any(c.lower_ in negations or c.dep_ == "aux" and c.lower_ in hedges
                                   for c in verb.head.children):
        return True  # 'the signing of a peace treaty is not possible'
    if _still_to_be_signed(ctx, noun):
        return True  # 'agreed a deal, which still has to be signed'
    if one_sided(ctx, verb) or _signing_withheld(ctx, verb, by_other_side=False):
        return True  # 'signed by X but still awaiting the signature of Y', 'initialled but not signed'
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "advcl", "pcomp") and not _absolute_with(verb):
        return True  # "to sign", "plans to sign", "before signing"
    if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        return True  # 'which still has to be signed'
    if _participle_closing_a_list(noun, verb):
        return False  # the participle after the listed deals tells their signing
    return any(a.lemma_.lower() in hedges | pending for a in _governors(verb))


def _participle_closing_a_list(noun: Token, verb: Token) -> bool:
    """'negotiated two texts: a Framework Agreement and an Interim Trade Agreement, signed in 2023': a
    past participle closing a coordinated list of deals reports their signing done; the word governing
    the list ('negotiated') does not hedge it. A lone deal keeps its governors ('plans to revise the
    treaty signed in 1999' is about the revision)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.i != noun.i:
        return False
    return noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children)


def _absolute_with(verb: Token) -> bool:
    """'the summit ended with leaders adopting the Declaration': 'with' and a participle that has
    its own subject tell what happened, not what is to come."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "with" \
        and any(c.dep_ == "nsubj" for c in verb.children)


def one_sided(ctx: ArticleContext, verb: Token) -> bool:
    """Signed by one side while the other withholds its signature: a signing, but no agreement."""
    return _awaits_signature(ctx, verb) or _signing_withheld(ctx, verb, by_other_side=True)


def _still_to_be_signed(ctx: ArticleContext, noun: Token) -> bool:
    """A clause of the noun that puts its signing ahead: 'which still has to be signed'."""
    signing = ctx.lex.words("signing_verbs")
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    return any(t.lemma_.lower() in signing and t.dep_ == "xcomp" and any(a.lower_ == "to" for a in t.children)
               for clause in clauses for t in clause.subtree)


def _awaits_signature(ctx: ArticleContext, verb: Token) -> bool:
    """'signed by X but still awaiting the signature of Y': one side has signed, the other not."""
    waiting = ctx.lex.words("awaiting_verbs")
    steps = ctx.lex.words("awaited_signatures")
    if verb.lemma_.lower() not in ctx.lex.words("signing_verbs"):
        return False  # 'concluded in December but still awaits signature': a concluded deal
    return any(c.dep_ == "conj" and c.lemma_.lower() in waiting
               and any(o.dep_ == "dobj" and o.lemma_.lower() in steps for o in c.children)
               for c in verb.children)


def _signing_withheld(ctx: ArticleContext, verb: Token, by_other_side: bool) -> bool:
    """'X has signed the memorandum, but Y will not sign the document' (by the other side: X's
    signing took place), 'which they initialled but have not yet signed' (by the same side: nobody
    signed): a coordinated signing of the same document that is negated means the document still
    lacks a signature. A conjunct with a document of its own is another deal."""
    signing = ctx.lex.words("signing_verbs")
    negations = ctx.lex.words("negation_words")
    documents = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}
    for conj in _but_clauses(verb):
        if conj.lemma_.lower() not in signing \
                or not any(c.dep_ == "neg" or c.lower_ in negations for c in conj.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) != by_other_side:
            continue
        objects = [c for c in conj.children if c.dep_ == "dobj"]
        if all(_same_document(ctx, o, documents) for o in objects):
            return True
    return False


def _but_clauses(verb: Token) -> list[Token]:
    """The clauses coordinated with the verb; 'X has signed ..., but Y will not sign ..., officials
    said' may come out as two clauses of 'said'."""
    out = [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ in ("ccomp", "conj") and any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children):
        out += [c for c in verb.head.children if c.i > verb.i and c.dep_ == verb.dep_]
    return out


def _same_document(ctx: ArticleContext, obj: Token, documents: set[str]) -> bool:
    """'it', 'the document', 'the memorandum' after 'signed a memorandum'; not 'the fisheries treaty'."""
    if obj.pos_ == "PRON":
        return True
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
        return False
    if obj.lemma_.lower() in ctx.lex.words("generic_document_nouns"):
        return True
    bare = not any(c.dep_ in ("compound", "amod", "nmod") for c in obj.children)
    return bare and obj.lemma_.lower() in documents


def _governors(verb: Token) -> list[Token]:
    """The words that govern the signing up to the first finite clause above it: 'plans to sign'
    and 'expected to sign' are hedged; 'after Solomon Islands struck a pact' inside a sentence
    about an effort is not."""
    out = []
    token = verb
    while token.head.i != token.i:
        finite = token.tag_ in ("VBD", "VBZ", "VBP")
        if finite and token.dep_ in ("advcl", "relcl", "acl", "conj", "parataxis", "ccomp"):
            break
        token = token.head
        out.append(token)
    return out
