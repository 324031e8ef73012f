"""Dates in news text: publication dates, datelines and temporal expressions.

Everything here is pure (no IO besides reading the word lists in ``data/patterns/dates.json``).
Results are ISO strings at the precision the text gives: "YYYY-MM-DD", "YYYY-MM" or "YYYY".
Split by role: `patterns` (word lists, compiled patterns), `normalize` (absolute dates), `datelines`,
`published` (publication date of a page) and `relative` (temporal expressions and their resolution).
"""
from __future__ import annotations

from relgraph.dates.datelines import Dateline, dateline
from relgraph.dates.normalize import normalize_date
from relgraph.dates.published import detect_month_day, detect_published, is_date_fragment, refine_with_month_day
from relgraph.dates.relative import find_temporal_expressions, resolve_relative

__all__ = [
    "Dateline", "dateline", "detect_month_day", "detect_published", "find_temporal_expressions",
    "is_date_fragment", "normalize_date", "refine_with_month_day", "resolve_relative",
]
