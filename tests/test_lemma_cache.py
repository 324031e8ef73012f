"""The lemmatizer through lemma_cache against spaCy's own loop on the real model: the same lemmas."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer

from relgraph.nlp.lemma_cache import install
from relgraph.nlp.pipeline import MODEL

TEXTS = [
    "The ministers were meeting their counterparts; talks went better than the best of earlier rounds.",
    "Wang Yi's visits to the Philippines, Indonesia's MoUs and the U.S.-led talks: 2025's busiest weeks.",
    "He'd signed, they've been signing, she's gonna sign -- ain't it so?\n\n  Signed.",
    "",
]


def _lemmas(doc) -> list[str]:
    return [t.lemma_ for t in doc]


@pytest.fixture()
def nlp():
    return spacy.load(MODEL, exclude=["ner"])


def test_the_same_lemmas_as_spacys_loop(nlp):
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(Path("/work/shared/devset/articles").glob("*.txt"))[:8]]
    lemmatizer = nlp.get_pipe("lemmatizer")
    docs = list(nlp.pipe(texts, disable=["lemmatizer"]))
    theirs = [EnglishLemmatizer.__call__(lemmatizer, d.copy()) for d in docs]
    install(lemmatizer)
    assert type(lemmatizer).__name__ == "FastEnglishLemmatizer"
    ours = [lemmatizer(d.copy()) for d in docs]
    for text, a, b in zip(texts, theirs, ours):
        assert _lemmas(a) == _lemmas(b), text[:60]
    assert "meet" in _lemmas(ours[0]) and "counterpart" in _lemmas(ours[0])  # it did lemmatize
    # twice over the same text: now every key is answered from the table, still the same
    assert _lemmas(lemmatizer(docs[1].copy())) == _lemmas(theirs[1])


def test_lemmas_the_attribute_ruler_set_stay(nlp):
    install(nlp.get_pipe("lemmatizer"))
    doc = nlp("I was there and we'd been told.")
    assert [t.lemma_ for t in doc][:2] == ["I", "be"]  # 'I' from the ruler, not lowered by the rules


def test_a_doc_of_another_vocab_gets_spacys_own_loop(nlp):
    lemmatizer = install(nlp.get_pipe("lemmatizer"))
    nlp("Warm the table up.")
    other = spacy.load(MODEL, exclude=["ner", "lemmatizer"])
    doc = other("The delegations signed agreements.")
    assert _lemmas(lemmatizer(doc)) == ["the", "delegation", "sign", "agreement", "."]


def test_a_lemmatizer_not_in_rule_mode_is_left_alone():
    blank = spacy.blank("en")
    lookup = blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert type(install(lookup)) is type(lookup) and type(lookup).__name__ == "EnglishLemmatizer"
