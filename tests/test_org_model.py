"""The learned decision on organisation candidates (relgraph.nlp.org_model): the shipped model file,
its decisions on written articles, and errors on a bad file."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extraction_helpers import extract_written
from relgraph.articles import iter_articles
from relgraph.nlp.extract import read_entities
from relgraph.nlp.org_model import (MODEL_PATH, ModelFileError, OrgModel, filter_organisations,
                                    org_candidates, read_model, shipped_model)
from relgraph.records import Ref


def test_the_shipped_model_is_consistent_with_its_feature_list():
    raw = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = shipped_model()
    assert len(model.features) == len(model.weights) == len(raw["features"]) > 20
    assert "bias" in model.features and len(set(model.features)) == len(model.features)
    assert set(raw["trained_on"]) == {"dev", "hX", "hY", "hT", "hU", "hP", "hR"}
    assert 0.0 < model.threshold < 1.0 and raw["date"] and raw["candidates"] > 100
    # every feature the model weighs is one the extractor can emit: a known prefix or flag
    prefixes = ("after_", "before_", "dep=", "head", "last=", "mentions=", "ner", "rule=", "tokens=", "verb=",
                "subject_of=", "via=", "possess", "headless_", "in_", "only_", "inside_")
    flags = {"bias", "acronym", "acronym_defined", "gazetteer", "state_word", "has_state", "has_and",
             "other_kind_name", "lower_content_word", "place_word", "place_elsewhere", "hyphen_pair",
             "person_word", "person_inside", "common_words", "post_holder", "short_line", "runs_on",
             "all_caps_name", "possessive"}
    assert all(f in flags or f.startswith(prefixes) for f in model.features), model.features


def test_probability_is_the_logistic_of_the_summed_weights():
    model = OrgModel(("bias", "gazetteer"), (-1.0, 3.0), 0.5)
    assert model.probability({"bias"}) == pytest.approx(0.2689, abs=1e-4)
    assert model.probability({"bias", "gazetteer", "unknown_feature"}) == pytest.approx(0.8808, abs=1e-4)


def test_a_clear_organisation_is_kept_and_a_route_dropped(tmp_path):
    text = ("World Bank approves loan for Ruritania\n\n"
            "The World Bank said on Monday it had approved a loan of $200 million for the Ouagadougou-Accra. "
            "Ann Roe, the president of the World Bank, said the Ouagadougou-Accra would open in 2027.")
    path = tmp_path / "rules" / "a.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    [item] = list(iter_articles([path]))
    ctx, _ = read_entities(item)
    model = shipped_model()
    scored = {e.key: model.probability(f) for e, _, f in org_candidates(ctx)}
    assert scored["World Bank"] > model.threshold > scored["Ouagadougou-Accra"]   # the rules read both
    records = extract_written(tmp_path, text)
    orgs = {ref.key for ref in records.entities if ref.kind == "organization"}
    assert "World Bank" in orgs
    assert not any("Ouagadougou" in key for key in orgs)
    assert Ref("organization", "World Bank") in records.entities


def test_a_model_file_with_missing_weights_names_the_file(tmp_path):
    bad = tmp_path / "orgs.json"
    bad.write_text(json.dumps({"features": ["bias", "gazetteer"], "weights": [0.1], "threshold": 0.5}))
    with pytest.raises(ModelFileError, match="orgs.json.*2 features but 1 weights"):
        read_model(bad)
    bad.write_text("{not json")
    with pytest.raises(ModelFileError, match="orgs.json"):
        read_model(bad)
    bad.write_text(json.dumps({"features": ["bias"], "weights": [0.1], "threshold": 0.5, "scope": "some"}))
    with pytest.raises(ModelFileError, match="scope"):
        read_model(bad)


def test_read_model_reads_what_the_file_says(tmp_path: Path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"features": ["bias", "acronym"], "weights": [0.5, -2], "threshold": 0.3,
                                "scope": "unknown"}))
    model = read_model(path)
    assert model == OrgModel(("bias", "acronym"), (0.5, -2.0), 0.3, "unknown")


def test_filtering_drops_the_rejected_candidates_mentions_and_records(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Loan talks\n\nThe World Bank and the Velmoran Grain Marketing Board (VGMB) signed a "
                    "loan on Monday in Tarsk. The VGMB said deliveries would begin in June.",
                    encoding="utf-8")
    [item] = list(iter_articles([path]))
    ctx, _ = read_entities(item)
    only_known = OrgModel(("bias", "gazetteer"), (-5.0, 10.0), 0.5)   # keeps what the gazetteer knows
    assert filter_organisations(ctx, only_known) == ["VGMB"]
    assert Ref("organization", "VGMB") not in ctx.records.entities
    assert Ref("organization", "World Bank") in ctx.records.entities
    assert all(m.ref.key != "VGMB" for m in ctx.mentions + list(ctx.by_token.values()))
