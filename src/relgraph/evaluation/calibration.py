"""Is `dip:confidence` a probability? Reliability of the counted items' confidences.

Every item the scores count (a person, a person's state, a person's post, a state, an
organisation, an agreement, a project, an event) gets the highest confidence among the
assertions that back it, and is correct when it matched the gold. Sorting the items into ten
equal-width confidence bins, a calibrated graph has, in each bin, an accuracy close to the mean
confidence; the expected calibration error (ECE) is the mean gap, weighted by bin size.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from relgraph.evaluation.gold import Gold
from relgraph.evaluation.provenance import Supports, best_support, support_of
from relgraph.evaluation.report import CATEGORIES
from relgraph.evaluation.scoring import Comparison

N_BINS = 10


@dataclass(frozen=True)
class RatedItem:
    """A counted system item with its confidence, the rule of its best assertion, and whether it was right."""

    category: str
    correct: bool
    confidence: float
    rule: str
    article: str


@dataclass(frozen=True)
class Bin:
    lo: float
    hi: float
    n: int
    mean_confidence: float | None
    accuracy: float | None

    def to_dict(self) -> dict[str, float | int | None]:
        return {"lo": self.lo, "hi": self.hi, "n": self.n, "mean_confidence": self.mean_confidence,
                "accuracy": self.accuracy}


@dataclass(frozen=True)
class Calibration:
    """Reliability of confidences: the bins, their ECE, and the items no assertion rated."""

    ece: float | None
    bins: tuple[Bin, ...]
    unrated: int = 0

    @property
    def n(self) -> int:
        return sum(b.n for b in self.bins)

    def to_dict(self) -> dict:
        return {"ece": self.ece, "n": self.n, "unrated": self.unrated, "bins": [b.to_dict() for b in self.bins]}


def rated_items(comparison: Comparison, supports: Supports, gold: Gold) -> tuple[list[RatedItem], int]:
    """Each counted item with the confidence of its best assertion; also the number of items that
    no stored assertion backs (they cannot be rated)."""
    items: list[RatedItem] = []
    unrated = 0
    for category in CATEGORIES:
        for predicted in comparison.outcomes[category].predicted:
            best = best_support(support_of(predicted.claims, supports, gold))
            if best is None:
                unrated += 1
                continue
            items.append(RatedItem(category, predicted.correct, best.confidence, best.rule, best.article))
    return items, unrated


def bin_index(confidence: float, n_bins: int = N_BINS) -> int:
    """The equal-width bin of a confidence in [0, 1]; 1.0 falls in the last bin."""
    return min(max(int(confidence * n_bins + 1e-9), 0), n_bins - 1)


def calibration(items: Iterable[RatedItem], unrated: int = 0, n_bins: int = N_BINS) -> Calibration:
    """The reliability bins and ECE of rated items (ECE None when there are none)."""
    groups: list[list[RatedItem]] = [[] for _ in range(n_bins)]
    for item in items:
        groups[bin_index(item.confidence, n_bins)].append(item)
    total = sum(len(g) for g in groups)
    bins, gap = [], 0.0
    for i, group in enumerate(groups):
        lo, hi = round(i / n_bins, 3), round((i + 1) / n_bins, 3)
        if not group:
            bins.append(Bin(lo, hi, 0, None, None))
            continue
        mean = sum(it.confidence for it in group) / len(group)
        accuracy = sum(it.correct for it in group) / len(group)
        gap += len(group) / total * abs(accuracy - mean)
        bins.append(Bin(lo, hi, len(group), round(mean, 3), round(accuracy, 3)))
    return Calibration(round(gap, 3) if total else None, tuple(bins), unrated)


def format_calibration(cal: Calibration) -> str:
    """The reliability table in plain text (Markdown-compatible)."""
    lines = ["| confidence | items | mean confidence | accuracy |", "|---|---:|---:|---:|"]
    for b in cal.bins:
        if b.n:
            lines.append(f"| {b.lo:.1f}–{b.hi:.1f} | {b.n} | {b.mean_confidence:.3f} | {b.accuracy:.3f} |")
    ece = "n/a" if cal.ece is None else f"{cal.ece:.3f}"
    lines.append(f"ECE {ece} over {cal.n} rated items ({cal.unrated} without an assertion)")
    return "\n".join(lines)
