"""Shared pieces of relgraph.dates: the word lists in ``data/patterns/dates.json``, the patterns compiled
from them once, and small conversions (month names, ISO strings at the precision given)."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from relgraph.settings import REPO_ROOT, Settings

HEADER_LINES = 6        # the byline/dateline region: this many non-blank lines from the top
SHORT_LINE = 160        # header lines longer than this are story paragraphs
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:-|–|—|to|and)\s*[0-3]?\d" + _ORD + r")?"   # "20-21 June": keep the first day
_YEAR = r"(?P<y>[12]\d{3})"


def _patterns_file(name: str) -> Path:
    """data/patterns/<name> from the configured data dir, falling back to the repository copy."""
    path = Settings.load().data_dir / "patterns" / name
    return path if path.exists() else REPO_ROOT / "data" / "patterns" / name


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(_patterns_file("dates.json").read_text(encoding="utf-8"))


def _alternation(names, *, case_insensitive: bool) -> str:
    """Longest first, so 'September' wins over 'Sep'; abbreviations may take a dot."""
    alts = []
    for n in sorted(names, key=len, reverse=True):
        forms = [n] if case_insensitive else [n.title(), n.upper()]
        alts += [re.escape(f) + (r"\.?" if len(n) <= 4 and n != "may" else "") for f in forms]
    return r"\b(?:" + "|".join(alts) + r")(?![A-Za-z])"


def _anon(pattern: str) -> str:
    """The pattern without group names, so that several can share one alternation."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@dataclass(frozen=True)
class _Rx:
    """Compiled patterns, built once from the word lists."""
    month: str            # capitalised month names (running text)
    month_ci: str         # any case (explicit phrases, headers)
    weekday_full: str
    weekday_any_ci: str
    full: tuple[re.Pattern, ...]
    month_year: re.Pattern
    month_day: tuple[re.Pattern, ...]
    label: re.Pattern
    label_mid: re.Pattern
    finders: tuple[tuple[str, re.Pattern], ...]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    w = _words()
    month = _alternation(w["months"], case_insensitive=False)
    month_ci = _alternation(w["months"], case_insensitive=True)
    weekday_full = _alternation([k for k in w["weekdays"] if k.endswith("day")], case_insensitive=False)
    weekday_any_ci = _alternation(w["weekdays"], case_insensitive=True)
    m = rf"(?P<m>{month})"
    iso = (r"(?<![\d-])(?P<y>[12]\d{3})[-/](?P<mn>[01]\d)[-/](?P<d>[0-3]\d)(?!\d)"
           r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
    dmy = rf"\b(?P<d>[0-3]?\d){_ORD}{_RANGE}(?:\s+of)?\s+{m},?\s+{_YEAR}\b"
    mdy = rf"{m}\s+(?P<d>[0-3]?\d){_ORD}{_RANGE},?\s+{_YEAR}\b"
    # 16.06.2023: dotted numeric dates are day-first wherever they are used (Europe, Turkey, Russia).
    dotted = r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>[12]\d{3})(?![\d.]\d)"
    full = tuple(re.compile(p) for p in (iso, dmy, mdy, dotted))
    month_year = re.compile(rf"{m},?\s+{_YEAR}\b")
    month_day = (re.compile(rf"{m}\s+(?P<d>[0-3]?\d){_ORD}(?!\d)"),
                 re.compile(rf"\b(?P<d>[0-3]?\d){_ORD}{_RANGE}\s+{m}"))
    labels = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in
                      sorted(w["publication_labels"], key=len, reverse=True))
    after_label = r"\b\s*(?:on|at)?\s*[:\-–]?\s*"
    label = re.compile(rf"(?:^\s*|[|•·]\s*|\s[-–—]\s+)(?P<label>{labels}){after_label}", re.I)
    # In a short header line a capitalised label may also follow a name ('Jane Doe Published July 3, 2021').
    capitalised = "|".join(re.escape(x.capitalize()).replace(r"\ ", r"\s+") for x in
                           sorted(w["publication_labels"], key=len, reverse=True))
    label_mid = re.compile(rf"\s(?P<label>{capitalised}){after_label}")
    mod = (r"(?:(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|"
           r"the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of)[\s-]+)")
    numbers = "|".join(sorted(w["number_words"], key=len, reverse=True))
    parts = "|".join(w["day_parts"])
    finders = (
        ("full", re.compile("|".join(f"(?:{_anon(x)})" for x in (iso, dmy, mdy, dotted)))),
        ("month_rel_year", re.compile(rf"{mod}?{m}\s+(?:of\s+)?(?i:last|this|next)\s+year\b")),
        ("rel_year_month", re.compile(rf"(?i:last|this|next)\s+year\s+(?:in\s+)?{m}")),
        ("month_year", re.compile(rf"{mod}?{m},?\s+{_YEAR}\b")),
        ("mod_year", re.compile(rf"{mod}{_YEAR}\b")),
        ("month_day", re.compile(rf"{month}\s+[0-3]?\d{_ORD}{_RANGE}(?!\d)"
                                 rf"|\b[0-3]?\d{_ORD}{_RANGE}\s+{month}")),
        ("rel_month", re.compile(rf"(?i:\b(?:last|next|this|coming|past))\s+{m}")),
        ("ctx_month", re.compile(rf"(?:(?i:\b(?:in|since|by|until|till|during|before|after|from|through))"
                                 rf"\s+{mod}?|{mod}){m}")),
        ("weekday", re.compile(rf"(?:(?i:\b(?:last|next|this|coming|on))\s+)?{weekday_full}"
                               rf"(?:\s+(?i:{parts}))?")),
        ("rel_day", re.compile(rf"(?i:\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
                               rf"|yesterday|today|tonight|tomorrow)\b)(?:\s+(?i:{parts}))?")),
        ("rel_unit", re.compile(r"(?i:\b(?:(?:earlier|later)\s+this|last|this|next|coming)"
                                r"\s+(?:year|month|week)\b)")),
        ("ago", re.compile(rf"(?i:\b(?:\d+|{numbers})\s+(?:days?|weeks?|months?|years?)\s+ago\b)")),
        ("weekend", re.compile(r"(?i:\b(?:(?:over|at|on|during)\s+the|this|last|next)\s+weekend\b)")),
        ("year", re.compile(r"(?<![\d,.$£€/-])(?P<y>(?:1[89]|20)\d\d)(?![\d%]|s\b|'s\b|-\d\d-)")),
    )
    return _Rx(month, month_ci, weekday_full, weekday_any_ci, full, month_year, month_day, label, label_mid,
               finders)



@lru_cache(maxsize=64)
def _ci(pattern: re.Pattern) -> re.Pattern:
    """The same pattern with month names in any case (for metadata values and explicit phrases)."""
    rx = _rx()
    return re.compile(pattern.pattern.replace(rx.month, rx.month_ci), re.I)


def _month_num(token: str) -> int:
    return _words()["months"][token.lower().rstrip(".")]


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """ISO string at the given precision, or None for an impossible date."""
    try:
        dt.date(y, m or 1, d or 1)
    except ValueError:
        return None
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "")


def _ymd(match: re.Match) -> tuple[int, int, int | None]:
    g = match.groupdict()
    month = int(g["mn"]) if g.get("mn") else _month_num(g["m"])
    return int(g["y"]), month, int(g["d"]) if g.get("d") else None

