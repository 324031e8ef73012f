"""Calibrated confidences: what a rule's `dip:confidence` is, read from data/patterns/confidence.json.

A rule states a confidence when it reads something (`ctx.evidence(span, rule, 0.75)`); that
number is a guess. The table replaces it with the share of such items that were right on the
development set (fitted and checked region by region by scripts/calibrate.py), so that items
with confidence about c are correct about c of the time. The table is keyed by rule and by the
category the assertion counts for (a person, a person's state, a person's post, ...), and, where
one rule states several confidences for several readings ("post-title" 0.6 / 0.8 / 0.9), by
"rule@literal" first. A rule the table does not know keeps its own literal.

RELGRAPH_CONFIDENCE_TABLE=off keeps every literal (the calibration itself builds that way);
RELGRAPH_CONFIDENCE_TABLE=<path> reads another table.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from relgraph.resources import DATA_DIR

TABLE_FILE = DATA_DIR / "patterns" / "confidence.json"
ENV_VAR = "RELGRAPH_CONFIDENCE_TABLE"

# Entity and fact classes -> the category their rdf:type assertion counts for.
CATEGORY_OF_KIND: dict[str, str] = {
    "person": "persons", "state": "states", "organization": "organizations",
    "agreement": "agreements", "project": "projects", "event": "events",
}


def variant_key(rule: str, literal: float) -> str:
    """The key of one reading of a rule: "post-title@0.60"."""
    return f"{rule}@{literal:.2f}"


@dataclass(frozen=True)
class ConfidenceTable:
    """rule (or rule@literal) -> category -> calibrated confidence."""

    rules: dict[str, dict[str, float]] = field(default_factory=dict)

    def confidence(self, rule: str, category: str | None, literal: float) -> float:
        """The calibrated confidence of an assertion read by `rule` that counts for `category`,
        or `literal` when the table has none for it."""
        if category is None:
            return literal
        for key in (variant_key(rule, literal), rule):
            value = self.rules.get(key, {}).get(category)
            if value is not None:
                return float(value)
        return literal


def read_table(path: Path) -> ConfidenceTable:
    """A table from a confidence.json file (a missing file is an empty table)."""
    if not path.exists():
        return ConfidenceTable()
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = {rule: {cat: float(v) for cat, v in by_cat.items()} for rule, by_cat in (data.get("rules") or {}).items()}
    return ConfidenceTable(rules)


@lru_cache(maxsize=4)
def _cached(path: str) -> ConfidenceTable:
    return read_table(Path(path))


def active_table() -> ConfidenceTable:
    """The table a build applies: data/patterns/confidence.json unless $RELGRAPH_CONFIDENCE_TABLE
    says otherwise ("off": none)."""
    choice = os.environ.get(ENV_VAR, "").strip()
    if choice.lower() == "off":
        return ConfidenceTable()
    return _cached(choice or str(TABLE_FILE))
