"""Long texts are parsed in pieces cut at paragraph breaks and joined into one Doc with exact offsets."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from relgraph.nlp.chunks import parse, parse_many, split_text

DEVSET = Path(__file__).resolve().parent / "fixtures" / "devset"  # copied from ../shared/devset/articles


def _news() -> str:
    folder = DEVSET
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))


def test_pieces_join_back_to_the_text_and_end_at_paragraph_breaks():
    text = _news()
    pieces = split_text(text, 5_000)
    assert "".join(pieces) == text
    assert len(pieces) > 5 and all(len(p) <= 5_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_text_without_breaks_is_cut_at_spaces_then_anywhere():
    words = " ".join(f"word{i}" for i in range(3_000))
    pieces = split_text(words, 1_000)
    assert "".join(pieces) == words and all(p.endswith(" ") for p in pieces[:-1])
    blob = "".join(random.Random(1).choice("abc") for _ in range(2_500))
    assert [len(p) for p in split_text(blob, 1_000)] == [1_000, 1_000, 500]


@pytest.fixture(scope="module")
def nlp():
    from relgraph.nlp.pipeline import load_nlp

    return load_nlp()[0]


def test_a_doc_parsed_in_pieces_has_the_whole_text_and_sentence_offsets(nlp):
    text = _news()[:40_000]
    doc = parse(nlp, text, size=4_000)
    assert doc.text == text
    sentences = list(doc.sents)
    assert all(text[s.start_char:s.end_char] == s.text for s in sentences)
    # Entities found in the later pieces point at their own words in the whole text.
    late = [e for e in doc.ents if e.start_char > 30_000]
    assert late and all(text[e.start_char:e.end_char] == e.text for e in late)


def test_one_text_over_the_hard_cap_fails_alone(nlp):
    texts = ["Japan and India signed a defence agreement.", "x " * 30_000, "Russia and Pakistan met."]
    out = list(parse_many(nlp, texts, batch_size=8, max_chars=50_000))
    assert out[0].text == texts[0] and out[2].text == texts[2]
    assert isinstance(out[1], ValueError) and "50,000" in str(out[1])
