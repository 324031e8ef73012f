"""Counts and scores of an evaluation, and their plain-text table."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "persons", "person_state", "person_role", "states", "organizations", "agreements", "projects", "events",
)
"""Categories whose F1 scores are averaged into overall_f1, in report order."""


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one category."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return round(self._precision, 3)

    @property
    def recall(self) -> float:
        return round(self._recall, 3)

    @property
    def f1(self) -> float:
        p, r = self._precision, self._recall
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    @property
    def _precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def _recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Accuracy:
    """Share of `total` checked items that are right; None when nothing could be checked."""

    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return round(self.correct / self.total, 3) if self.total else None

    def to_dict(self) -> dict[str, float | int | None]:
        return {"accuracy": self.value, "correct": self.correct, "of": self.total}


@dataclass
class EvalReport:
    """Per-category counts and scores, plus two accuracies reported beside them."""

    categories: dict[str, Counts]
    state_wikidata: Accuracy
    agreement_dates: Accuracy

    @property
    def overall_f1(self) -> float:
        """Mean F1 of the eight categories (each rounded to three decimals first)."""
        return round(sum(self.categories[c].f1 for c in CATEGORIES) / len(CATEGORIES), 3)

    def __getitem__(self, category: str) -> Counts:
        return self.categories[category]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {c: self.categories[c].to_dict() for c in CATEGORIES}
        out["state_wikidata"] = self.state_wikidata.to_dict()
        out["agreement_dates"] = self.agreement_dates.to_dict()
        out["overall_f1"] = self.overall_f1
        return out


def format_report(report: EvalReport) -> str:
    """A plain-text table of the report."""
    lines = [f"{'category':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for category in CATEGORIES:
        c = report.categories[category]
        lines.append(f"{category:<14} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                     f"{c.tp:5d} {c.fp:5d} {c.fn:5d}")
    lines.append(f"{'overall_f1':<14} {'':>6} {'':>6} {report.overall_f1:6.3f}")
    for label, acc in (("state Wikidata accuracy", report.state_wikidata),
                       ("agreement date accuracy", report.agreement_dates)):
        value = "n/a" if acc.value is None else f"{acc.value:.3f}"
        lines.append(f"{label}: {value} ({acc.correct} of {acc.total})")
    return "\n".join(lines)
