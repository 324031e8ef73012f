"""Fitting calibrated confidences per rule: the engine of scripts/calibrate.py.

The input is a graph built with every rule's own literal confidence (RELGRAPH_CONFIDENCE_TABLE=off)
and scored against the gold: each counted item becomes an `Observation` (its category, whether it
was right, and every assertion that backs it: rule, literal, article). An item is credited to the
rule of its best assertion. A rule's confidence in a category is its share of correct items,
shrunk toward the category's accuracy by `strength` pseudo-items (a rule seen on five items
says little); where one rule states several literals for several readings, each reading
("rule@literal") is shrunk toward its rule the same way. Since which assertion is best depends
on the table, fitting repeats a few rounds.

The fit is checked region by region: fitted on all regions but one, measured (ECE) on that one.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from relgraph.confidence import ConfidenceTable, variant_key
from relgraph.evaluation.calibration import Calibration, RatedItem, calibration
from relgraph.evaluation.gold import Gold
from relgraph.evaluation.provenance import Supports, support_of
from relgraph.evaluation.report import CATEGORIES
from relgraph.evaluation.scoring import Comparison

DEFAULT_STRENGTH = 10.0
ROUNDS = 4


@dataclass(frozen=True)
class Reading:
    """One assertion backing an item: its rule, the rule's literal confidence, its article."""

    rule: str
    literal: float
    article: str


@dataclass(frozen=True)
class Observation:
    """A counted item of a graph built with literal confidences."""

    category: str
    correct: bool
    readings: tuple[Reading, ...]


def observations(comparison: Comparison, supports: Supports, gold: Gold) -> list[Observation]:
    """Every counted item that some assertion backs, with all its readings."""
    out = []
    for category in CATEGORIES:
        for predicted in comparison.outcomes[category].predicted:
            readings = tuple(Reading(s.rule, s.confidence, s.article)
                             for s in support_of(predicted.claims, supports, gold))
            if readings:
                out.append(Observation(category, predicted.correct, readings))
    return out


def stated(table: ConfidenceTable, category: str, reading: Reading) -> float:
    """The confidence a build with `table` writes for a reading (two decimals, as in the graph)."""
    return round(table.confidence(reading.rule, category, reading.literal), 2)


def best_reading(obs: Observation, table: ConfidenceTable) -> Reading:
    """The reading whose stated confidence is highest (the first of equals)."""
    return max(obs.readings, key=lambda r: stated(table, obs.category, r))


def rate(items: Iterable[Observation], table: ConfidenceTable) -> list[RatedItem]:
    """The items as a build with `table` would rate them."""
    rated = []
    for obs in items:
        best = best_reading(obs, table)
        rated.append(RatedItem(obs.category, obs.correct, stated(table, obs.category, best), best.rule, best.article))
    return rated


def _shrunk(correct: float, n: float, prior: float, strength: float) -> float:
    return (correct + strength * prior) / (n + strength)


def fit_once(items: list[Observation], table: ConfidenceTable, strength: float) -> ConfidenceTable:
    """One round: credit each item to its best reading under `table`, then estimate."""
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_rule: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_variant: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    literals: dict[tuple[str, str], set[float]] = defaultdict(set)
    for obs in items:
        best = best_reading(obs, table)
        for counts in (by_category[obs.category], by_rule[best.rule, obs.category],
                       by_variant[variant_key(best.rule, best.literal), obs.category]):
            counts[0] += obs.correct
            counts[1] += 1
        literals[best.rule, obs.category].add(round(best.literal, 2))
    rules: dict[str, dict[str, float]] = defaultdict(dict)
    for (rule, category), (correct, n) in by_rule.items():
        prior = by_category[category][0] / by_category[category][1]
        rule_value = _shrunk(correct, n, prior, strength)
        rules[rule][category] = round(rule_value, 2)
        if len(literals[rule, category]) < 2:
            continue  # one reading only: the rule's value is its value
        for literal in sorted(literals[rule, category]):
            v_correct, v_n = by_variant[variant_key(rule, literal), category]
            rules[variant_key(rule, literal)][category] = round(_shrunk(v_correct, v_n, rule_value, strength), 2)
    return ConfidenceTable({rule: dict(sorted(cats.items())) for rule, cats in sorted(rules.items())})


def fit(items: list[Observation], strength: float = DEFAULT_STRENGTH, rounds: int = ROUNDS) -> ConfidenceTable:
    """The calibrated table for `items` (starting from the literals, `rounds` rounds)."""
    table = ConfidenceTable()
    for _ in range(rounds):
        table = fit_once(items, table, strength)
    return table


def region_report(items: list[Observation], region_of: Callable[[str], str], strength: float = DEFAULT_STRENGTH
                  ) -> dict[str, dict[str, Calibration]]:
    """For each region: the calibration of its items with the literals ("before"), with a table
    fitted on the other regions ("held_out") and with the table fitted on all ("fitted"); "all"
    gathers every region (its "held_out" pools each region's held-out ratings)."""
    whole = fit(items, strength)

    def region(obs: Observation) -> str:
        return region_of(best_reading(obs, ConfidenceTable()).article)

    out: dict[str, dict[str, Calibration]] = {}
    held_out: list[RatedItem] = []
    for name in sorted({region(obs) for obs in items}):
        inside = [obs for obs in items if region(obs) == name]
        others = fit([obs for obs in items if region(obs) != name], strength)
        held_out += rate(inside, others)
        out[name] = {"before": calibration(rate(inside, ConfidenceTable())),
                     "held_out": calibration(rate(inside, others)),
                     "fitted": calibration(rate(inside, whole))}
    out["all"] = {"before": calibration(rate(items, ConfidenceTable())),
                  "held_out": calibration(held_out),
                  "fitted": calibration(rate(items, whole))}
    return out
