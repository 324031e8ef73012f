"""The features of organisation candidates (relgraph.nlp.org_features), on articles written here and
read by the real rules and spaCy model."""
from __future__ import annotations

import json
from pathlib import Path

from relgraph.articles import Article, iter_articles
from relgraph.nlp.extract import read_entities
from relgraph.nlp.org_features import head_class, model_words
from relgraph.nlp.org_model import org_candidates


def features_of(tmp_path: Path, text: str) -> dict[str, set[str]]:
    """Each organisation candidate the rules read in `text` -> its features."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "t", "published": "2025-05-20"}))
    [item] = list(iter_articles([path]))
    assert isinstance(item, Article), item
    ctx, _ = read_entities(item)
    return {entity.key: feats for entity, _, feats in org_candidates(ctx)}


def test_head_classes_come_from_the_vocabularies():
    assert head_class("ministry") == "strong"
    assert head_class("agreement") == "document"
    assert head_class("reservoir") == "undertaking"
    assert head_class("field") == "place"
    assert head_class("team") == "work"
    assert head_class("zebra") == "other"
    assert "say" in model_words().speech_verbs


def test_a_known_body_speaking_and_holding_a_post(tmp_path):
    feats = features_of(tmp_path, "World Bank approves loan for Ruritania\n\n"
                                  "The World Bank said on Monday it had approved a loan of $200 million. "
                                  "Ann Roe, the president of the World Bank, signed it in Tarsk.")
    bank = feats["World Bank"]
    assert {"gazetteer", "subject_of=speech", "post_holder", "in_headline", "mentions=3",
            "head=strong", "tokens=2", "bias"} <= bank
    assert "only_headline" not in bank and "acronym" not in bank


def test_an_acronym_the_article_defines(tmp_path):
    feats = features_of(tmp_path, "Talks in Tarsk\n\n"
                                  "The Velmoran Grain Marketing Board (VGMB) signed the contract on Monday. "
                                  "The VGMB said deliveries would begin in June.")
    # the article's short name is the key; its full name is one of its names
    assert {"acronym", "acronym_defined", "before_brackets", "tokens=1"} <= feats["VGMB"]
    assert "subject_of=deal" in feats["VGMB"]


def test_a_route_named_by_two_places(tmp_path):
    feats = features_of(tmp_path, "New rail link\n\n"
                                  "Trains on the Ouagadougou-Accra will run twice a week, the operators "
                                  "said. "
                                  "Passengers welcomed the Ouagadougou-Accra service.")
    routes = {k: f for k, f in feats.items() if "-" in k}
    for key, f in routes.items():
        assert "hyphen_pair" in f, key
    assert all("gazetteer" not in f for f in routes.values())
