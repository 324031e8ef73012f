"""List items in article text (relgraph.nlp.list_items): each item its own sentence, markers known."""
from __future__ import annotations

from relgraph.nlp.list_items import in_list_marker, list_marker_at
from relgraph.nlp.pipeline import load_nlp


def _sentences(text: str) -> list[str]:
    nlp = load_nlp()[0]
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_each_numbered_or_lettered_line_starts_a_sentence():
    text = ("The ministers signed the following documents:\n"
            "a. Agreement on Road Transport between the two states;\n"
            "b) Protocol on Customs Checks at the Border;\n"
            "(iii) Memorandum on Tourism Promotion.")
    sentences = _sentences(text)
    assert sentences[-3:] == ["a. Agreement on Road Transport between the two states;",
                              "b) Protocol on Customs Checks at the Border;",
                              "(iii) Memorandum on Tourism Promotion."], sentences


def test_bulleted_lines_start_sentences_and_a_wrapped_line_does_not():
    text = ("Both sides agreed on:\n- a grid link;\n• a water treaty\nand the talks, which ran\n"
            "late, ended.")
    sentences = _sentences(text)
    assert "- a grid link;" in sentences and any(s.startswith("• a water treaty") for s in sentences)
    assert not any(s.startswith("late") for s in sentences), sentences  # no marker: no break


def test_the_marker_is_known_token_by_token():
    doc = load_nlp()[0]("Intro:\n2. Agreement on Fisheries")
    agreement = next(t for t in doc if t.text == "Agreement")
    two = next(t for t in doc if t.text.startswith("2"))
    assert in_list_marker(two) and not in_list_marker(agreement)
    assert list_marker_at(two) == "2. " and list_marker_at(agreement) is None
