"""scripts/train_org_model.py: the training table from a written set, the fit, the model file."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from relgraph.nlp.org_model import read_model

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("train_org_model", ROOT / "scripts" / "train_org_model.py")
train_org_model = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(train_org_model)


def write_table(path: Path) -> None:
    """Two written sets: bodies with a strong head that speak, and headless names after 'in'."""
    rows = [{"set": s, "gold_organizations": 4} for s in ("a", "b", "c")]
    for s in ("a", "b", "c"):
        for k in range(4):
            rows.append({"set": s, "article": f"{s}{k}", "key": f"Body {s}{k}", "gazetteer": False,
                         "label": 1, "gold_key": f"body {s}{k}",
                         "features": ["bias", "head=strong", "subject_of=speech"]})
            rows.append({"set": s, "article": f"{s}{k}", "key": f"Place {s}{k}", "gazetteer": False,
                         "label": 0,
                         "gold_key": None, "features": ["bias", "head=other", "after_loc_prep"]})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_training_on_a_written_table_separates_it(tmp_path):
    table, out = tmp_path / "table.jsonl", tmp_path / "orgs.json"
    write_table(table)
    assert train_org_model.main(["train", "--table", str(table), "--out", str(out), "--l2", "1",
                                 "--threshold", "0.5", "--date", "2026-01-01"]) == 0
    model = read_model(out)
    assert model.probability({"bias", "head=strong", "subject_of=speech"}) > 0.9
    assert model.probability({"bias", "head=other", "after_loc_prep"}) < 0.1
    assert json.loads(out.read_text())["trained_on"] == ["a", "b", "c"]
    again = tmp_path / "again.json"
    train_org_model.main(["train", "--table", str(table), "--out", str(again), "--l2", "1",
                          "--threshold", "0.5", "--date", "2026-01-01"])
    assert again.read_text() == out.read_text()   # deterministic


def test_leave_one_set_out_beats_the_rules_on_a_separable_table(tmp_path):
    table = tmp_path / "table.jsonl"
    write_table(table)
    rows, gold = train_org_model.read_table(table)
    report = train_org_model.loso(rows, gold)
    assert report["rules"] == {s: pytest.approx(2 / 3) for s in ("a", "b", "c")}
    assert all(f1 == 1.0 for f1 in report["model"].values())


def test_a_feature_of_one_set_gets_no_weight():
    rows = [{"set": s, "features": ["bias", "common"] + (["only_a"] if s == "a" else [])}
            for s in ("a", "b", "c") for _ in range(3)]
    assert train_org_model.vocabulary(rows) == ["bias", "common"]


@pytest.mark.skipif(not (train_org_model.SHARED / "eval" / "score.py").exists(), reason="needs the referee")
def test_the_table_of_a_written_set_labels_its_candidates(tmp_path):
    folder = tmp_path / "tiny"
    (folder / "articles").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "articles" / "t1.txt").write_text(
        "World Bank approves loan\n\nThe World Bank said on Monday it had approved a loan for the "
        "Ouagadougou-Accra line. Ann Roe, president of the World Bank, signed it.\n", encoding="utf-8")
    (folder / "gold" / "t1.json").write_text(json.dumps(
        {"article": "t1.txt", "organizations": [{"name": "World Bank", "aliases": []}]}))
    out = tmp_path / "table.jsonl"
    train_org_model.write_table(out, {"tiny": folder})
    rows, gold = train_org_model.read_table(out)
    assert gold == {"tiny": 1}
    bank = [r for r in rows if r["key"] == "World Bank"]
    assert len(bank) == 1 and bank[0]["label"] == 1 and bank[0]["gold_key"] == "world bank"
    assert all(r["label"] == 0 for r in rows if r["key"] != "World Bank")
