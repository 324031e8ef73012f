"""relgraph.nlp.context: the tense of the clause that dates an event."""
from __future__ import annotations

import pytest

from relgraph.nlp.context import in_present
from relgraph.nlp.pipeline import load_nlp


def token(sentence: str, word: str):
    doc = load_nlp()[0](sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence, word, expected", [
    ("The envoy flies on to Suva on Friday to meet the premier.", "flies", True),
    ("On Thursday, the envoy is to open the new consulate.", "open", True),
    ("The envoy flew on to Suva on Friday.", "flew", False),
    ("The envoy has opened the consulate on Friday.", "opened", False),
    ("The talks on Friday were useful, the envoy said.", "talks", False),
])
def test_in_present(sentence, word, expected):
    assert in_present(token(sentence, word)) is expected
