"""The fields a plural report lists ('MoUs on tourism, wildlife and culture', 'two of the protocols -
on A and on B'), and how many deals a report counts ('signed 14 documents')."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.agreement_phrases import content_stems, is_date_part, name_core, phrase_text
from relgraph.nlp.context import ArticleContext

__all__ = ["partitive_head", "field_phrases", "count_of"]


def partitive_head(noun: Token) -> Token | None:
    """'two of the protocols' -> 'two': the number that picks some of the documents."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.tag_ == "CD":
        return noun.head.head
    return None


def field_phrases(ctx: ArticleContext, noun: Token, verb: Token | None = None,
                  partitive: Token | None = None) -> list[tuple[str, set[str]]]:
    """'MoUs on tourism, wildlife and culture' -> ['tourism', 'wildlife', 'culture'];
    'agreements on vehicles and on the financing of lines' -> two fields; 'power, port and
    security deals' -> three, each with its content words. [] when the report does not list its fields.
    Only a plural lists fields: 'an agreement on the construction and management of a post' is one."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return []
    # the fields hang on the noun, on its 'of understanding', or on the verb ('signed MoUs on A and B')
    holders = [noun.doc[i] for i in sorted(name_core(ctx, noun))] + ([partitive] if partitive is not None else [])
    verbal = verb is not None and verb.pos_ in ("VERB", "AUX")
    after_verb = [c for c in verb.children if c.i > noun.i] if verbal else []
    candidates = [c for h in holders for c in h.children] + after_verb
    for prep in candidates:
        if prep.dep_ == "prep" and prep.lower_ in ctx.lex.words("agreement_field_preps") \
                and not is_date_part(prep):
            preps = _repeated_preps(ctx, prep, candidates)
            objects = [c for p in preps for c in p.children if c.dep_ == "pobj"]
            objects = [_field_of_area(ctx, o) for o in objects]
            if len(preps) > 1:  # 'on fisheries and on search and rescue': the repeated 'on' splits
                return [_whole_field(ctx, o) for o in objects]
            fields = [f for o in objects for f in [o] + _conjuncts(o)]
            if len(fields) > 1:
                return [(_field_text(f), content_stems(ctx, _field_tokens(f))) for f in fields]
            if len(objects) == 1 and (modified := _modifier_fields(ctx, objects[0])):
                return modified  # 'on electricity, oil and land transport'
    return _distributed_fields(ctx, noun, verb if verbal else noun) or _modifier_fields(ctx, noun)


def _repeated_preps(ctx: ArticleContext, prep: Token, candidates: list[Token]) -> list[Token]:
    """'signed MoUs on a corridor, on warehousing and cold-chain logistics, and on technology': the
    parser hangs the repeated 'on' on the noun, its 'of understanding' or the verb, the last often as
    a conjunct of another 'on'; each repeated preposition opens one field, whatever it coordinates."""
    out: list[Token] = []
    occasions = ctx.lex.words("circumstance_nouns")  # 'on the sidelines of the summit' is no field
    todo = [c for c in candidates if c.dep_ == "prep" and c.lower_ == prep.lower_ and not is_date_part(c)
            and not any(o.dep_ == "pobj" and o.lemma_.lower() in occasions for o in c.children)]
    while todo:
        p = todo.pop(0)
        if p.i not in {o.i for o in out}:
            out.append(p)
            todo += [c for c in p.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    return sorted(out, key=lambda t: t.i)


def _distributed_fields(ctx: ArticleContext, noun: Token, verb: Token) -> list[tuple[str, set[str]]]:
    """'signed two MoUs, one on logistics and support and one on research': each distributive
    pronoun ('one', 'another', 'the other') after the noun, in the verb's clause (the parser may
    hang it on a date), introduces one field, whole."""
    words = ctx.lex.words("distributive_words")
    firsts = [t for t in noun.sent if t.i > noun.i and t.lower_ in words and t.dep_ != "conj"
              and any(a.i == verb.i for a in t.ancestors)]
    for first in firsts:
        items = [first] + [c for c in _conjuncts_any(first) if c.lower_ in words]
        objects = [o for item in items for p in item.children
                   if p.dep_ == "prep" and p.lower_ in ctx.lex.words("agreement_field_preps")
                   for o in p.children if o.dep_ == "pobj"]
        if len(objects) > 1:
            return [_whole_field(ctx, o) for o in objects]
    return []


def _conjuncts_any(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child] + _conjuncts_any(child)
    return out


def _whole_field(ctx: ArticleContext, obj: Token) -> tuple[str, set[str]]:
    """A field with its own coordination: 'search and rescue', 'logistics and host-nation support'."""
    tokens = [t for t in obj.subtree if not is_date_part(t)]
    return phrase_text([t for t in tokens if t.dep_ != "det"]), content_stems(ctx, tokens)


def _modifier_fields(ctx: ArticleContext, head: Token) -> list[tuple[str, set[str]]]:
    """'power, port and security deals': coordinated modifiers are the fields."""
    for mod in (c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i):
        conjuncts = _conjuncts(mod)
        if conjuncts:
            return [(t.text, content_stems(ctx, [t])) for t in [mod] + conjuncts]
    return []


def _field_of_area(ctx: ArticleContext, obj: Token) -> Token:
    """'in the fields of health, education and culture': the fields are what 'of' lists."""
    if obj.lemma_.lower() in ctx.lex.words("area_nouns"):
        inner = [c for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"]
        if inner:
            return inner[0]
    return obj


def count_of(ctx: ArticleContext, noun: Token) -> int | None:
    """'signed 14 documents', 'three agreements' -> the number of deals counted."""
    cardinals = ctx.lex.facts["cardinal_words"]
    for child in noun.children:
        if child.dep_ == "nummod":
            if child.text.isdigit():
                return int(child.text)
            if child.lower_ in cardinals:
                return cardinals.index(child.lower_) + 1
    return None


def _conjuncts(token: Token) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            out += [child] + _conjuncts(child)
    return out


def _field_tokens(token: Token) -> list[Token]:
    return [t for t in token.subtree
            if not (t.dep_ in ("conj", "cc") and t.head.i == token.i) and not _inside_conj(t, token)]


def _field_text(token: Token) -> str:
    return " ".join(t.text for t in _field_tokens(token) if t.dep_ not in ("det", "punct"))


def _inside_conj(token: Token, top: Token) -> bool:
    for anc in token.ancestors:
        if anc.i == top.i:
            return False
        if anc.dep_ == "conj" and anc.head.i == top.i:
            return True
    return False
