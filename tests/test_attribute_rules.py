"""FastAttributeRules against spaCy's own AttributeRuler on the real model: the same attributes."""
from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from relgraph.nlp.attribute_rules import FastAttributeRules, compile_token
from relgraph.nlp.pipeline import MODEL

ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
# Sentences that meet the model's exceptions: pronouns by case, 'there is', contractions, modals,
# 'gonna', "ain't", "y'all", whitespace tokens, determiners used as pronouns, auxiliaries.
TEXTS = [
    "I told them that she wouldn't come, but it's fine: we'll see him there.",
    "There is a deal, and there were two. That is what they did, and those who had gone have returned.",
    "Y'all ain't gonna believe it; I'm sure you're   right,\n\nand c'mon, let's go, gotta run.",
    "Minister Wang Yi said the two sides had signed a memorandum on Tuesday in Beijing.\n\n\n",
    "Nothin' doin' here 'em ol' somethin' 'nuff; can't, won't, shan't, 'd better, being been gets got.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def nlp():
    # No lemmatizer: every lemma then comes from the ruler alone, so its LEMMA attributes are compared.
    return spacy.load(MODEL, exclude=["lemmatizer", "ner"])


def _both(nlp, texts):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRules(ruler)
    docs = list(nlp.pipe(texts, disable=["attribute_ruler"]))
    theirs, ours = [d.copy() for d in docs], [d.copy() for d in docs]
    for doc in theirs:
        ruler(doc)
    for doc in ours:
        fast.set_annotations(doc, fast.match(doc))
    return fast, theirs, ours


def _same(a, b) -> bool:
    return numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)) \
        and [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_the_same_attributes_as_spacys_ruler_on_hard_sentences(nlp):
    fast, theirs, ours = _both(nlp, TEXTS)
    assert len(fast.rest) == 0  # every pattern of the model takes the fast path
    for text, a, b in zip(TEXTS, theirs, ours):
        assert _same(a, b), text
    # the check can fail: the ruler changed something, and it is what we changed too
    before = nlp(TEXTS[0], disable=["attribute_ruler"])
    assert [t.pos_ for t in before] != [t.pos_ for t in ours[0]]
    assert ours[0][0].lemma_ == "I" and str(ours[0][0].morph) == "Case=Nom|Number=Sing|Person=1|PronType=Prs"


def test_the_same_attributes_on_the_devset_articles(nlp):
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("/work/shared/devset/articles").glob("*.txt"))]
    if not texts:
        pytest.skip("no devset here")
    _, theirs, ours = _both(nlp, texts[:12])
    assert all(_same(a, b) for a, b in zip(theirs, ours))


def test_patterns_the_fast_path_cannot_read_go_to_a_matcher():
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Mr."}, {"IS_TITLE": True}]], {"TAG": "NNP"}, index=-1)   # ORTH, IS_TITLE: not read
    ruler.add([[{"LOWER": {"REGEX": "^dr\\.?$"}}]], {"TAG": "NNP"})                 # a REGEX: read
    fast = FastAttributeRules(ruler)
    assert len(fast.rest) == 1 and len(fast.patterns) == 1
    doc = blank.make_doc("Mr. Smith met Dr Jones.")
    expected = ruler(doc.copy())
    fast.set_annotations(doc, fast.match(doc))
    assert [t.tag_ for t in doc] == [t.tag_ for t in expected] == ["", "NNP", "", "NNP", "", ""]


def test_compile_token_reads_equal_values_sets_and_regexes_only(nlp):
    vocab = nlp.vocab
    assert compile_token(vocab, {"TAG": "NN", "LOWER": {"IN": ["a", "b"]}})[0] == (0, "eq", vocab.strings["NN"])
    assert compile_token(vocab, {"DEP": {"NOT_IN": [""]}}) == [(2, "not_in", frozenset({0}))]
    assert compile_token(vocab, {"IS_SPACE": True}) == [(3, "eq", 1)]
    assert compile_token(vocab, {"ORTH": "x"}) is None
    assert compile_token(vocab, {"LOWER": {"FUZZY": "x"}}) is None
    assert compile_token(vocab, {"LENGTH": {">=": 2}}) is None
