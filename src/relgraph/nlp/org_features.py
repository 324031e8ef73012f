"""Features of one organisation candidate of an article, for the learned decision (nlp/org_model.py).

A candidate is an organisation the rules read (its record and all its mentions in the article); its
features say something general about the shape of its name and how the text uses it: the class of
its head word, the entity labels NER gave it, where its mentions stand (headline, brackets, a
possessive), what governs them (a verb of speech or of a deal, a preposition of place), whether
the text gives it a post holder. They are aggregated over the mentions (does any mention ...), so
a name's features do not depend on how often it is repeated beyond the count buckets.
Vocabularies: data/patterns/org_model.json and org_shapes.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, Mention
from relgraph.nlp.org_shapes import name_head, org_shapes
from relgraph.records import EntityRecord
from relgraph.resources import DATA_DIR

SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}
POSSESSIVES = {"'s", "\u2019s", "'"}


@dataclass(frozen=True)
class ModelWords:
    speech_verbs: frozenset[str]
    deal_verbs: frozenset[str]
    place_verbs: frozenset[str]
    holder_nouns: frozenset[str]
    work_nouns: frozenset[str]


@lru_cache(maxsize=1)
def model_words() -> ModelWords:
    raw = json.loads((DATA_DIR / "patterns" / "org_model.json").read_text(encoding="utf-8"))
    raw.pop("_comment", None)
    return ModelWords(**{k: frozenset(v) for k, v in raw.items()})


def candidate_features(ctx: ArticleContext, entity: EntityRecord, mentions: list[Mention]) -> set[str]:
    """The names of the (binary) features that hold for one organisation candidate."""
    feats = {"bias"} | name_features(ctx, entity.key) | record_features(ctx, entity)
    feats.add(f"mentions={min(len(mentions), 3)}")
    for mention in mentions:
        feats.add(f"via={mention.via}")
    for span in occurrences(ctx, entity, mentions):
        feats |= span_features(ctx, span)
    if mentions and all(_in_headline(ctx, ctx.doc[m.start:m.end]) for m in mentions):
        feats.add("only_headline")
    feats |= article_features(ctx, entity.key)
    if len({f for f in feats if f.startswith("ner=")}) > 1:
        feats.add("ner_mixed")   # NER reads its occurrences as different kinds
    if "gazetteer" not in feats and "acronym" not in feats and feats & {"head=other", "head=work"}:
        feats.add("headless_unknown")   # nothing but NER vouches for it
        feats.add(f"headless_tokens={min(len(entity.key.split()), 3)}")
    return feats


def occurrences(ctx: ArticleContext, entity: EntityRecord, mentions: list[Mention]) -> list[Span]:
    """The candidate's mentions and every other place the text writes one of its names (a name
    the rules read once may stand elsewhere as 'in X' or 'the X company'), in text order."""
    doc = ctx.doc
    spans = {(m.start, m.end) for m in mentions}
    for name in entity.names | {entity.key}:
        words = name.split()
        if not words or len(words) > 8:
            continue
        for i in ctx.index.with_lower([words[0].lower()]):
            end = i + len(words)
            if end <= len(doc) and doc[i:end].text == name:
                spans.add((i, end))
    return [doc[a:b] for a, b in sorted(spans)]


def article_features(ctx: ArticleContext, key: str) -> set[str]:
    """What the rest of the article says about the name: NER reads it as a place elsewhere, its
    words are a person's, a city's, or common words the text writes in lower case."""
    feats = set()
    place_texts = _place_texts(ctx)
    if key in place_texts:
        feats.add("place_elsewhere")
    words = key.replace("-", " ").split()
    if any(w in place_texts or ctx.gaz.city(w) for w in words if w[:1].isupper() and len(w) > 2):
        feats.add("place_word")
    if "-" in key and " " not in key:
        feats.add("hyphen_pair")   # 'Ouagadougou-Accra': a route or a pair of places
    if any(w in _person_words(ctx) for w in words):
        feats.add("person_word")
    content = [w for w in words if w.lower() not in org_shapes().function_words]
    if content and all(_written_in_lower_case(ctx, w) for w in content):
        feats.add("common_words")   # 'Customs', 'Downstream': words the text also writes in lower case
    return feats


def _place_texts(ctx: ArticleContext) -> frozenset[str]:
    if "org_features.places" not in ctx.memo:
        places = frozenset(e.text for e in ctx.ents if e.label_ in ("GPE", "LOC", "FAC"))
        ctx.memo["org_features.places"] = places
    return ctx.memo["org_features.places"]


def _person_words(ctx: ArticleContext) -> frozenset[str]:
    # Once per article, like _place_texts: every candidate asks, and the persons do not change while
    # the organisations are decided.
    if "org_features.person_words" not in ctx.memo:
        ctx.memo["org_features.person_words"] = frozenset(
            w for ref in ctx.records.entities if ref.kind == "person" for w in ref.key.split())
    return ctx.memo["org_features.person_words"]


def _written_in_lower_case(ctx: ArticleContext, word: str) -> bool:
    return any(ctx.doc[i].is_lower for i in ctx.index.with_lower([word.lower()]))


def name_features(ctx: ArticleContext, key: str) -> set[str]:
    """What the candidate's name alone says: its head word's class, its length, its letters."""
    words = key.split()
    feats = {f"tokens={min(len(words), 5)}", f"head={head_class(name_head(key))}",
             f"last={head_class(words[-1].lower().strip('.,()') if words else '')}"}
    if len(words) == 1 and key.isupper():
        feats.add("acronym")
    if key.isupper() and len(words) > 1:
        feats.add("all_caps_name")
    function_words = org_shapes().function_words
    if any(w.islower() and w not in function_words for w in words):
        feats.add("lower_content_word")
    if " and " in f" {key} ":
        feats.add("has_and")
    if len(words) > 1 and words[0].lower() in org_shapes().heads | org_shapes().strong_heads:
        feats.add("head_first")   # 'Ministry of ...', 'Bank of ...'
    gaz = ctx.gaz
    if gaz.organization(key) is not None:
        feats.add("gazetteer")
    if any(gaz.state(w) or gaz.state_by_demonym(w) for w in words):
        feats.add("state_word")
    if gaz.city(key) or gaz.state(key) or gaz.person(key):
        feats.add("other_kind_name")
    return feats


def head_class(word: str) -> str:
    """The class of a head word, from the vocabularies of org_shapes.json and org_model.json."""
    shapes, words = org_shapes(), model_words()
    classes = (("strong", shapes.strong_heads), ("org", shapes.heads), ("legal", shapes.legal_forms),
               ("government", shapes.government_heads), ("document", shapes.document_heads),
               ("not_org", shapes.not_org_heads), ("undertaking", shapes.undertaking_nouns),
               ("arrangement", shapes.described_non_org_nouns), ("gathering", shapes.gathering_heads),
               ("place", shapes.place_nouns), ("seat", shapes.seat_heads), ("work", words.work_nouns),
               ("descriptor", shapes.descriptor_nouns), ("organ", shapes.organ_words))
    return next((name for name, vocab in classes if word in vocab), "other")


def record_features(ctx: ArticleContext, entity: EntityRecord) -> set[str]:
    """What the rules that read it recorded: their rule families, a defined acronym, a state."""
    feats = {f"rule={_rule_family(e.rule)}" for e in entity.evidence}
    if any(n.isupper() and " " not in n for n in entity.names) and any(" " in n for n in entity.names):
        feats.add("acronym_defined")
    if entity.state:
        feats.add("has_state")
    return feats


def _rule_family(rule: str) -> str:
    """'ner-org+gazetteer' -> 'ner-org': the reading, not the confidence bookkeeping."""
    return rule.split("+")[0]


def span_features(ctx: ArticleContext, span: Span) -> set[str]:
    """What one mention's place in the text says."""
    doc = ctx.doc
    feats = {f"ner={_ner_label(ctx, span)}"}
    ent = ctx.ent_at(span.root.i)
    if ent is not None and (ent.start < span.start or ent.end > span.end):
        feats.add("inside_longer_entity")
    if _in_headline(ctx, span):
        feats.add("in_headline")
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None:
        feats |= _before_features(ctx, before)
    if after is not None:
        feats |= _after_features(ctx, after)
    feats |= _role_features(span.root)
    if _has_holder(ctx, span):
        feats.add("post_holder")
    if any(t.ent_type_ == "PERSON" or (m := ctx.by_token.get(t.i)) is not None and m.ref.kind == "person"
           for t in span):
        feats.add("person_inside")
    if _short_line(ctx, span):
        feats.add("short_line")
    return feats


def _ner_label(ctx: ArticleContext, span: Span) -> str:
    ent = ctx.ent_at(span.root.i)
    label = ent.label_ if ent is not None else span.root.ent_type_
    return label or "none"


def _before_features(ctx: ArticleContext, before: Token) -> set[str]:
    feats = set()
    if before.text in ("(", "["):
        feats.add("in_brackets")
    if before.lower_ == "the":
        feats.add("after_the")
        before = before.nbor(-1) if before.i else before
    if before.pos_ == "ADP":
        lower = before.lower_
        locative = lower in org_shapes().locative_prepositions
        feats.add("after_loc_prep" if locative else f"after_prep={_prep(lower)}")
    if before.text in POSSESSIVES and before.i:
        owner = ctx.by_token.get(before.i - 1)
        feats.add(f"possessed_by={owner.ref.kind if owner else 'other'}")
    if before.pos_ in ("NOUN",) and before.lower_ in org_shapes().descriptor_nouns:
        feats.add("after_descriptor")
    return feats


def _prep(lower: str) -> str:
    return lower if lower in ("of", "by", "with", "for", "to") else "other"


def _after_features(ctx: ArticleContext, after: Token) -> set[str]:
    feats = set()
    if after.text in POSSESSIVES:
        feats.add("possessive")
        nxt = after.nbor(1) if after.i + 1 < len(after.doc) else None
        if nxt is not None and (nxt.lemma_.lower() in model_words().holder_nouns or nxt.i in ctx.post_tokens):
            feats.add("post_holder")
    if after.text == "(":
        feats.add("before_brackets")
    if after.pos_ == "PROPN" and after.is_title:
        feats.add("runs_on")   # a capitalised name goes on after it: a piece of a longer name
    if after.pos_ == "NOUN" and after.is_lower:
        feats.add(f"before_noun={_noun_class(after.lemma_.lower())}")
    return feats


def _noun_class(lemma: str) -> str:
    """The class of a common noun a name qualifies ('the X field', 'the X team', 'X chairman')."""
    shapes, words = org_shapes(), model_words()
    classes = (("holder", words.holder_nouns), ("place", shapes.place_nouns),
               ("undertaking", shapes.undertaking_nouns),
               ("document", shapes.document_heads), ("descriptor", shapes.descriptor_nouns),
               ("gathering", shapes.gathering_heads | shapes.not_org_heads), ("work", words.work_nouns))
    return next((name for name, vocab in classes if lemma in vocab), "other")


def _role_features(root: Token) -> set[str]:
    """The mention's syntactic role: subject of a verb of speech or of a deal, object of a preposition."""
    words = model_words()
    feats = {f"dep={_dep_class(root.dep_)}"}
    verb = root.head if root.dep_ in SUBJECT_DEPS | {"dobj", "pobj"} else None
    if root.dep_ == "pobj" and root.head.head is not None:
        verb = root.head.head
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        lemma = verb.lemma_.lower()
        kind = "speech" if lemma in words.speech_verbs else "deal" if lemma in words.deal_verbs \
            else "place" if lemma in words.place_verbs else "other"
        feats.add(f"verb={kind}")
        if root.dep_ in SUBJECT_DEPS:
            feats.add(f"subject_of={kind}")
    return feats


def _dep_class(dep: str) -> str:
    if dep in SUBJECT_DEPS:
        return "subject"
    return dep if dep in ("dobj", "pobj", "compound", "conj", "appos", "poss", "ROOT") else "other"


def _has_holder(ctx: ArticleContext, span: Span) -> bool:
    """'chairman of X', 'the head of the X': a post the text places in the body."""
    doc = ctx.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("of", "at"):
        return False
    noun = doc[i - 1]
    return noun.lemma_.lower() in model_words().holder_nouns or noun.i in ctx.post_tokens


def _line_of(ctx: ArticleContext, span: Span) -> str:
    text = ctx.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    return text[start:end if end >= 0 else len(text)]


def _in_headline(ctx: ArticleContext, span: Span) -> bool:
    """On the first line, when there are others: a text of one paragraph has no headline."""
    first_break = ctx.text.find("\n")
    return 0 <= span.start_char < first_break


def _short_line(ctx: ArticleContext, span: Span) -> bool:
    """A line of a few words without a full stop: a headline, a caption, a section name."""
    line = _line_of(ctx, span).strip()
    return len(line.split()) <= 12 and not line.endswith((".", "\"", "\u201d"))
