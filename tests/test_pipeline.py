"""The spaCy pipeline relgraph builds: gazetteer names against the NER's spans."""
from __future__ import annotations

from relgraph.nlp.pipeline import load_nlp


def _ents(text: str) -> dict[str, str]:
    nlp = load_nlp()[0]
    return {e.text: e.id_ for e in nlp(text).ents}


def test_a_gazetteer_name_holding_the_ners_piece_of_it_wins():
    ents = _ents("Delegates from Timor-Leste and Guinea-Bissau met their hosts on Monday.")
    assert ents.get("Timor-Leste") == "state:East Timor"
    assert ents.get("Guinea-Bissau") == "state:Guinea-Bissau"
    assert "Timor" not in ents and "Guinea" not in ents


def test_a_longer_ner_span_keeps_the_gazetteer_name_inside_it():
    # the NER's whole organisation name stays; the state inside it is not cut out of it
    ents = _ents("The Kazakhstan-China Business Council met in Astana on Monday.")
    assert not any(text in ("Kazakhstan", "China") for text in ents), ents
