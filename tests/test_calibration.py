"""Calibrated confidences: the reliability report (bins, ECE), the confidence table a build
applies, and the per-rule fit of scripts/calibrate.py. Items, supports and tables are written
by hand; one test builds a tiny graph through the mapping."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from relgraph import confidence
from relgraph.confidence import ConfidenceTable, active_table, read_table, variant_key
from relgraph.evaluation import Claim, Support, compare, load_gold, rated_items
from relgraph.evaluation.calibration import RatedItem, bin_index, calibration, format_calibration
from relgraph.evaluation.fitting import Observation, Reading, fit, fit_once, observations, rate, region_report

ID = "https://example.org/id/"
DIP = "https://w3id.org/relgraph/ontology#"


def item(confidence: float, correct: bool, category: str = "persons", rule: str = "r") -> RatedItem:
    return RatedItem(category, correct, confidence, rule, "a")


def obs(correct: bool, *readings: tuple[str, float], category: str = "persons", article: str = "dA01") -> Observation:
    return Observation(category, correct, tuple(Reading(rule, literal, article) for rule, literal in readings))


# ------------------------------------------------------------------------------------ bins and ECE

@pytest.mark.parametrize("value, index", [(0.0, 0), (0.05, 0), (0.1, 1), (0.3, 3), (0.7, 7), (0.95, 9), (1.0, 9)])
def test_bins_are_ten_equal_widths(value: float, index: int) -> None:
    assert bin_index(value) == index


def test_ece_is_the_weighted_gap_between_accuracy_and_confidence() -> None:
    items = [item(0.9, True)] * 3 + [item(0.9, False)] + [item(0.6, True)] * 2 + [item(0.6, False)] * 4
    cal = calibration(items)
    assert cal.n == 10 and len(cal.bins) == 10
    high, low = cal.bins[9], cal.bins[6]
    assert (high.n, high.mean_confidence, high.accuracy) == (4, 0.9, 0.75)
    assert (low.n, low.mean_confidence, low.accuracy) == (6, 0.6, 0.333)
    # 0.4 * |0.75 - 0.9| + 0.6 * |0.333.. - 0.6| = 0.06 + 0.16
    assert cal.ece == 0.22
    assert cal.bins[0].n == 0 and cal.bins[0].accuracy is None


def test_a_calibrated_set_has_no_error_and_an_empty_one_has_none() -> None:
    assert calibration([item(0.8, True)] * 4 + [item(0.8, False)]).ece == 0.0
    assert calibration([item(0.95, True), item(0.95, False)]).ece == 0.45
    assert calibration([]).ece is None


def test_calibration_json_and_table() -> None:
    cal = calibration([item(0.75, True)] * 3 + [item(0.75, False)], unrated=2)
    data = json.loads(json.dumps(cal.to_dict()))
    assert data["ece"] == 0.0 and data["n"] == 4 and data["unrated"] == 2
    assert data["bins"][7] == {"lo": 0.7, "hi": 0.8, "n": 4, "mean_confidence": 0.75, "accuracy": 0.75}
    table = format_calibration(cal)
    assert "| 0.7–0.8 | 4 | 0.750 | 0.750 |" in table and "ECE 0.000 over 4 rated items" in table
    assert "0.0–0.1" not in table                                   # empty bins are left out


# ------------------------------------------------------------------------------------ items and their best assertion

def test_an_item_takes_the_highest_confidence_of_its_own_assertions(tmp_path: Path) -> None:
    (tmp_path / "000.json").write_text(json.dumps({
        "article": "000.txt", "persons": [
            {"name": "Amina Diallo", "aliases": [], "roles": [
                {"role": "Foreign Minister", "role_aliases": [], "state": "Senegal"}]}],
        "states": [{"name": "Senegal", "aliases": [], "wikidata": None, "actor": True}]}), encoding="utf-8")
    gold = load_gold(tmp_path)
    rows = {"people": [{"person": ID + "diallo", "name": "Amina Diallo", "role": "Prime Minister", "state": "Senegal"},
                       {"person": ID + "nobody", "name": "Nobody Here"}]}
    supports = {
        ID + "diallo": [
            Support("type", DIP + "Person", 0.81, "person-name", "a1", "s1"),
            Support("type", DIP + "Person", 0.93, "person-name", "a2", "s2"),
            Support("servesState", ID + "sn", 0.42, "post-title", "a1", "s1", "Senegal"),
            Support("servesState", ID + "ml", 0.99, "post-title", "a1", "s1", "Mali"),   # another state's pair
            Support("holdsPost", ID + "pm", 0.66, "post-title", "a1", "s1", "Prime Minister"),
        ]}
    items, unrated = rated_items(compare(rows, gold), supports, gold)
    rated = {(i.category, i.correct): (i.confidence, i.article) for i in items}
    assert rated == {
        ("persons", True): (0.93, "a2"),          # the person: its type assertions only, the best one
        ("person_state", True): (0.42, "a1"),     # Diallo -> Senegal: not the Mali assertion
        ("person_role", False): (0.66, "a1"),     # the wrong post
    }
    assert unrated == 1                           # "Nobody Here" has no assertion at all


def test_claims_default_to_every_assertion_of_a_fact() -> None:
    assert Claim(ID + "e").kind == "any"


# ------------------------------------------------------------------------------------ the table a build applies

def test_table_lookup_prefers_the_reading_then_the_rule_then_the_literal() -> None:
    table = ConfidenceTable({"post-title": {"person_role": 0.7, "person_state": 0.8},
                             variant_key("post-title", 0.6): {"person_state": 0.4}})
    assert table.confidence("post-title", "person_state", 0.6) == 0.4     # the reading
    assert table.confidence("post-title", "person_state", 0.9) == 0.8     # the rule
    assert table.confidence("post-title", "person_role", 0.6) == 0.7      # no reading for this category
    assert table.confidence("post-title", "persons", 0.6) == 0.6          # the rule's literal
    assert table.confidence("new-rule", "persons", 0.55) == 0.55
    assert table.confidence("post-title", None, 0.9) == 0.9               # counts for nothing: literal
    assert variant_key("post-title", 0.6) == "post-title@0.60"


def test_table_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps({"_comment": "x", "rules": {"person-name": {"persons": 0.77}}}), encoding="utf-8")
    assert read_table(path).rules == {"person-name": {"persons": 0.77}}
    assert read_table(tmp_path / "missing.json").rules == {}
    monkeypatch.setenv(confidence.ENV_VAR, str(path))
    assert active_table().confidence("person-name", "persons", 0.9) == 0.77
    monkeypatch.setenv(confidence.ENV_VAR, "off")
    assert active_table().confidence("person-name", "persons", 0.9) == 0.9


def test_the_shipped_table_is_well_formed() -> None:
    data = json.loads(confidence.TABLE_FILE.read_text(encoding="utf-8"))
    assert data["rules"], "empty confidence table"
    categories = {"persons", "person_state", "person_role", "states", "organizations", "agreements", "projects",
                  "events"}
    for rule, by_category in data["rules"].items():
        assert set(by_category) <= categories, rule
        assert all(0.0 < v <= 1.0 for v in by_category.values()), rule


def test_the_mapping_writes_the_calibrated_confidence_and_the_rule(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from relgraph.iris import IriMaker
    from relgraph.mapping import GraphWriter
    from relgraph.records import ArticleRecords, Evidence, Ref

    path = tmp_path / "confidence.json"
    path.write_text(json.dumps({"rules": {"person-name": {"persons": 0.64}}}), encoding="utf-8")
    monkeypatch.setenv(confidence.ENV_VAR, str(path))

    class Article:
        id = "t1"

        def raw_offset(self, offset: int) -> int:
            return offset

    writer = GraphWriter(IriMaker(ID), Article(), ArticleRecords("t1"))
    ev = Evidence("Amina Diallo arrived.", 0, 21, "person-name", 0.9)
    writer.write_entity(Ref("person", "Amina Diallo"), "Amina Diallo", {"Amina Diallo"}, [], ev)
    writer.assert_(writer.article_iri, writer.article_iri, writer.article_iri, ev)     # counts for nothing
    by_predicate: dict[str, list[str]] = {}
    for quad in writer.quads:
        by_predicate.setdefault(quad.predicate.value.rsplit("#", 1)[-1], []).append(quad.object.value)
    assert sorted(by_predicate["confidence"]) == ["0.64", "0.90"]
    assert by_predicate["extractionRule"] == ["person-name", "person-name"]


# ------------------------------------------------------------------------------------ fitting

def test_a_rule_is_shrunk_toward_its_categorys_accuracy() -> None:
    # persons: rule a right 8 of 10, rule b right 0 of 2 -> category 8/12.
    items = [obs(True, ("a", 0.9))] * 8 + [obs(False, ("a", 0.9))] * 2 + [obs(False, ("b", 0.7))] * 2
    table = fit_once(items, ConfidenceTable(), strength=4)
    prior = 8 / 12
    assert table.rules["a"]["persons"] == round((8 + 4 * prior) / (10 + 4), 2)
    assert table.rules["b"]["persons"] == round((0 + 4 * prior) / (2 + 4), 2)
    assert set(table.rules) == {"a", "b"}                      # one literal per rule: no readings


def test_readings_of_one_rule_get_their_own_value() -> None:
    items = [obs(True, ("post", 0.9))] * 6 + [obs(False, ("post", 0.6))] * 6
    table = fit(items, strength=2)
    assert table.rules["post@0.90"]["persons"] > table.rules["post"]["persons"] > table.rules["post@0.60"]["persons"]


def test_an_item_is_credited_to_its_best_reading() -> None:
    # Every item has both readings; the literal of "b" is higher, so "b" takes them in round one.
    items = [obs(True, ("a", 0.5), ("b", 0.8))] * 4
    assert set(fit_once(items, ConfidenceTable(), strength=1).rules) == {"b"}


def test_fitting_lowers_the_error_and_rate_uses_the_table() -> None:
    items = ([obs(True, ("name", 0.9))] * 6 + [obs(False, ("name", 0.9))] * 4
             + [obs(True, ("title", 0.6), category="person_role")] * 9 + [obs(False, ("title", 0.6), category="person_role")])
    before = calibration(rate(items, ConfidenceTable())).ece
    table = fit(items, strength=1)
    after = calibration(rate(items, table)).ece
    assert before == 0.3 and after < 0.05
    assert {r.confidence for r in rate(items, table) if r.category == "persons"} == {table.rules["name"]["persons"]}


def test_region_report_fits_on_the_other_regions() -> None:
    def region(article: str) -> str:
        return article[:2]

    items = ([obs(True, ("r", 0.5), article="dA01")] * 8 + [obs(False, ("r", 0.5), article="dA02")] * 2
             + [obs(True, ("r", 0.5), article="dB01")] * 2 + [obs(False, ("r", 0.5), article="dB01")] * 8)
    report = region_report(items, region, strength=0.001)
    assert set(report) == {"dA", "dB", "all"}
    # Fitted on dB alone (20 % right), dA (80 % right) is off by 0.6; on all, by 0.3.
    assert report["dA"]["held_out"].ece == 0.6 and report["dA"]["fitted"].ece == 0.3
    assert report["all"]["held_out"].n == 20 and report["all"]["before"].ece == 0.0


def test_observations_keep_every_reading(tmp_path: Path) -> None:
    (tmp_path / "000.json").write_text(json.dumps({"article": "000.txt", "states": [
        {"name": "Senegal", "aliases": [], "wikidata": None, "actor": True}]}), encoding="utf-8")
    gold = load_gold(tmp_path)
    rows = {"states": [{"state": ID + "sn", "name": "Senegal"}, {"state": ID + "xx", "name": "Atlantis"}]}
    supports = {ID + "sn": [Support("type", DIP + "State", 0.9, "ner-gpe+gazetteer", "dA01", "s"),
                            Support("type", DIP + "State", 0.7, "ner-norp+gazetteer", "dB02", "t")]}
    found = observations(compare(rows, gold), supports, gold)
    assert found == [Observation("states", True, (Reading("ner-gpe+gazetteer", 0.9, "dA01"),
                                                  Reading("ner-norp+gazetteer", 0.7, "dB02")))]
