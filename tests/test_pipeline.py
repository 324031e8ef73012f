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


def test_the_rulers_matches_are_kept_only_for_the_doc_it_just_annotated():
    from relgraph.nlp.pipeline import _RulerMatches  # noqa: PLC0415 - a private helper under test

    nlp = load_nlp()[0]
    keeper = nlp.get_pipe("relgraph_whole_names").matches
    assert isinstance(keeper, _RulerMatches)
    doc = nlp("Delegates from Timor-Leste met officials of Papua New Guinea.")
    other = nlp.make_doc("Delegates from South Sudan met officials of Guinea-Bissau.")
    found = keeper.take(other)  # not the ruler's last doc: matched afresh, not the kept ones
    assert found == keeper.find(other) and found != keeper.find(doc)
    # the ruler files a pattern with an id under "label||id"
    assert any(nlp.vocab.strings[m].startswith("GPE") for m, _, _ in found)


def test_the_pipeline_sets_the_models_parts_of_speech_and_morphology():
    import spacy  # noqa: PLC0415

    from relgraph.nlp.pipeline import MODEL  # noqa: PLC0415

    text = "There is a deal: I told them she wouldn't sign it, but they've signed it since."
    ours = load_nlp()[0](text)
    theirs = spacy.load(MODEL)(text)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]
