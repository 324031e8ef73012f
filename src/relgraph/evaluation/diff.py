"""Every false positive and false negative, with the article and sentence it came from.

A false positive shows the article and evidence sentence of its best assertion in the store; a
false negative shows the gold file(s) that report it and, when the article text is at hand, the
sentence of that article that names it best.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from relgraph.evaluation.gold import Gold
from relgraph.evaluation.names import fold
from relgraph.evaluation.provenance import Supports, best_support, support_of
from relgraph.evaluation.report import CATEGORIES
from relgraph.evaluation.rows import Rows
from relgraph.evaluation.scoring import Comparison, Missed, compare

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_SHOWN_CHARS = 240


def sentences(text: str) -> list[str]:
    """The sentences (and lines) of an article text, stripped, without empty ones."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def best_sentence(text: str, clues: tuple[str, ...]) -> str | None:
    """The first sentence naming the most clues (each matched at word starts, folded), or None
    when no sentence names any."""
    wanted = [f" {fold(c)}" for c in clues if fold(c)]
    best, best_hits = None, 0
    for sentence in sentences(text):
        folded = f" {fold(sentence)} "
        hits = sum(clue in folded for clue in wanted)
        if hits > best_hits:
            best, best_hits = sentence, hits
    return best


def _shorten(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= _SHOWN_CHARS else sentence[: _SHOWN_CHARS - 1] + "…"


def _where_missed(missed: Missed, gold: Gold, texts: Mapping[str, str]) -> list[str]:
    lines = []
    for source in missed.sources:
        article = gold.articles.get(source, source)
        text = texts.get(article) or texts.get(Path(article).stem)
        found = best_sentence(text, missed.clues) if text else None
        lines.append(f"    in {article}: {_shorten(found)}" if found else f"    in {article} (gold {source})")
    return lines


def diff(rows: Rows, gold: Gold, supports: Supports | None = None, texts: Mapping[str, str] | None = None,
         comparison: Comparison | None = None) -> list[str]:
    """One line per false positive ("+ ") and false negative ("- ") of every category, for
    someone improving extraction; with `supports` (from the store) a false positive is followed
    by an indented line with its article and sentence, with `texts` (article file name or stem ->
    text) a false negative by one per gold file that reports it."""
    comparison = comparison or compare(rows, gold)
    lines: list[str] = []
    for category in CATEGORIES:
        outcome = comparison.outcomes[category]
        for wrong in outcome.false_positives:
            lines.append(f"{category}: + {wrong.text}")
            best = best_support(support_of(wrong.claims, supports, gold)) if supports is not None else None
            if best is not None:
                lines.append(f"    from {best.article or '?'} ({best.rule or 'rule?'} {best.confidence:.2f}): "
                             f"{_shorten(best.sentence)}")
        for missed in outcome.missed:
            lines.append(f"{category}: - {missed.text}")
            if texts is not None:
                lines.extend(_where_missed(missed, gold, texts))
    return lines
