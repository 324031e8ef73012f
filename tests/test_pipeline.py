"""The spaCy pipeline relgraph builds: gazetteer names against the NER's spans."""
from __future__ import annotations

import pytest

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


def test_the_ruler_patterns_are_cached_by_extractor_version(tmp_path, monkeypatch):
    from relgraph.fingerprint import extractor_version
    from relgraph.gazetteer import Gazetteer, default_gazetteer
    from relgraph.nlp.pipeline import ruler_patterns

    gaz = default_gazetteer()
    stale = tmp_path / "patterns" / "entity-ruler-0.0.9+0123456789.json"
    stale.parent.mkdir()
    stale.write_text("[]", encoding="utf-8")
    made = ruler_patterns(gaz, tmp_path)
    assert made == gaz.entity_ruler_patterns() and len(made) > 1000
    entry = tmp_path / "patterns" / f"entity-ruler-{extractor_version()}.json"
    assert entry.is_file() and [p.name for p in entry.parent.iterdir()] == [entry.name]

    def refuse(self):
        raise AssertionError("made again instead of read from the cache")

    monkeypatch.setattr(Gazetteer, "entity_ruler_patterns", refuse)
    assert ruler_patterns(gaz, tmp_path) == made          # read back, the same patterns
    entry.write_text("{ damaged", encoding="utf-8")
    with pytest.raises(AssertionError, match="made again"):
        ruler_patterns(gaz, tmp_path)                      # a damaged entry is not trusted


def test_another_gazetteer_makes_its_own_patterns(tmp_path):
    from relgraph.gazetteer import Gazetteer, default_gazetteer
    from relgraph.nlp.pipeline import ruler_patterns

    other = Gazetteer.load()   # not the default instance: it may have been made from other files
    assert other is not default_gazetteer()
    assert ruler_patterns(other, tmp_path) == default_gazetteer().entity_ruler_patterns()
    assert not (tmp_path / "patterns").exists()
