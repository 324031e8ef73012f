"""Precision, recall and F1 of a built graph against hand-made gold annotations, the calibration
of its confidences, and every false positive and negative with the sentence it came from.

The gold format is described in GOLD_SCHEMA.md (one JSON file per article, e.g. tests/gold/).
Scoring is corpus-level, the way the graph itself merges articles, and reads the graph through
the six contract queries (queries/<name>.rq), so what is scored is exactly what a user sees. The
numbers agree with the referee's scorer on the same rows: F1 is the harmonic mean of precision
and recall, every figure is rounded to three decimals, overall_f1 is the mean of the eight
rounded category F1 scores, and agreements, projects and events are matched one-to-one by
maximum matching.

Modules, by role: `names` (normalisation), `gold` (loading and merging the gold), `rows` (the
contract queries' rows), `scoring` (matching), `report` (counts and tables), `provenance` (the
assertions behind items), `calibration` (reliability and ECE), `diff` (what is wrong, and where).

Typical use::

    store = open_store(path, read_only=True)
    result = evaluate_store(store, Path("tests/gold"), Path("queries"), article_texts(["data/articles"]))
    print(format_report(result.report))
    print(format_calibration(result.calibration))
    print("\\n".join(result.diff))
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relgraph.evaluation.calibration import Calibration, RatedItem, calibration, format_calibration, rated_items
from relgraph.evaluation.diff import best_sentence, diff
from relgraph.evaluation.gold import Gold, GoldEntity, GoldFact, GoldPost, actors_overlap, keyword_alternatives, load_gold
from relgraph.evaluation.names import (
    COMMON_STATE_NAMES, NATIONALITY_WORDS, TITLES_OF_ADDRESS, NameIndex, dates_compatible, fold, fold_person,
    local_name, post_title,
)
from relgraph.evaluation.provenance import Support, read_support
from relgraph.evaluation.report import CATEGORIES, Accuracy, Counts, EvalReport, format_report
from relgraph.evaluation.rows import (
    CONTRACT_QUERIES, Node, Rows, contract_rows, has_keywords, rows_from_sparql_json, rows_to_sparql_json,
)
from relgraph.evaluation.scoring import Claim, Comparison, Missed, Outcome, Predicted, compare, max_matching, score


@dataclass
class Evaluation:
    """What `relgraph evaluate` reports: the scores, the calibration and the diff."""

    report: EvalReport
    calibration: Calibration
    diff: list[str]
    items: list[RatedItem]

    def to_dict(self) -> dict[str, Any]:
        return {**self.report.to_dict(), "calibration": self.calibration.to_dict()}


def article_texts(paths: Iterable[str | Path]) -> dict[str, str]:
    """Article file name -> raw text of the .txt files among `paths` (files or folders), for
    locating a missed item's sentence."""
    texts: dict[str, str] = {}
    for path in map(Path, paths):
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path] if path.suffix == ".txt" else []
        for file in files:
            texts[file.name] = file.read_text(encoding="utf-8", errors="replace")
    return texts


def evaluate_store(store: Any, gold_dir: Path, queries_dir: Path, texts: Mapping[str, str] | None = None
                   ) -> Evaluation:
    """Score a store against a gold folder: report, calibration of its confidences, and diff."""
    rows = contract_rows(store, queries_dir)
    gold = load_gold(gold_dir)
    comparison = compare(rows, gold)
    supports = read_support(store)
    items, unrated = rated_items(comparison, supports, gold)
    lines = diff(rows, gold, supports, texts, comparison=comparison)
    return Evaluation(comparison.report(), calibration(items, unrated), lines, items)


__all__ = [
    "CATEGORIES", "COMMON_STATE_NAMES", "CONTRACT_QUERIES", "NATIONALITY_WORDS", "TITLES_OF_ADDRESS",
    "Accuracy", "Calibration", "Claim", "Comparison", "Counts", "EvalReport", "Evaluation", "Gold", "GoldEntity",
    "GoldFact", "GoldPost", "Missed", "NameIndex", "Node", "Outcome", "Predicted", "RatedItem", "Rows", "Support",
    "actors_overlap", "article_texts", "best_sentence", "calibration", "compare", "contract_rows",
    "dates_compatible", "diff", "evaluate_store", "fold", "fold_person", "format_calibration", "format_report",
    "has_keywords", "keyword_alternatives", "load_gold", "local_name", "max_matching", "post_title",
    "rated_items", "read_support", "rows_from_sparql_json", "rows_to_sparql_json", "score",
]
