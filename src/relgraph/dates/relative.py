"""Temporal expressions in story sentences and their resolution against the article date."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from relgraph.dates.normalize import normalize_date
from relgraph.dates.patterns import _ci, _iso, _month_num, _rx, _words, _ymd


def _parse_anchor(anchor: str | None) -> tuple[int, int | None, int | None] | None:
    iso = normalize_date(anchor) if anchor else None
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1



# ---------------------------------------------------------------- temporal expressions

_PREP_BEFORE = re.compile(r"\b(?:[Ii]n|[Oo]n|[Aa]t|[Dd]uring)\s+$")


def find_temporal_expressions(sentence: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, text) spans of temporal expressions, longest match first.
    A preceding 'in'/'on'/'at'/'during' is included ('In April', 'on Tuesday')."""
    return list(_temporal_expressions(sentence))


@lru_cache(maxsize=4096)
def _temporal_expressions(sentence: str) -> tuple[tuple[int, int, str], ...]:
    # every mention of a sentence asks for its dates: the sentence is scanned once
    found = []
    for kind, pattern in _rx().finders:
        for m in pattern.finditer(sentence):
            if kind == "weekday" and _in_a_name(sentence, m):
                continue
            start = m.start()
            if p := _PREP_BEFORE.search(sentence, 0, start):
                start = p.start()
            found.append((start, m.end()))
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(found, key=lambda se: (se[0] - se[1], se[0])):
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return tuple((s, e, sentence[s:e]) for s, e in sorted(chosen))


def _in_a_name(sentence: str, m: re.Match) -> bool:
    """A bare weekday between capitalised words is part of a name ('the Good Friday Agreement',
    'Black Monday'), not a day: a capitalised word before it inside the sentence, or one after it."""
    if m.group(0)[:1].islower():
        return False            # 'on Friday', 'last Monday': the day has a lower-case word of its own
    before = re.search(r"(\S+)\s+$", sentence[:m.start()])
    after = re.match(r"\s+([A-Z][a-z]+)", sentence[m.end():])
    name_before = bool(before) and before.group(1)[:1].isupper() and before.start() > 0 \
        and not sentence[:before.start()].rstrip().endswith((".", ":", "—", "-", '"', "“"))
    return name_before or bool(after and not re.fullmatch(_rx().month, after.group(1)))


# Words in front of an expression that do not change what it resolves to ('in April', 'mid-April').
_LEADING = re.compile(r"^(?:(?:in|on|at|during|since|by|until|till|over|from|of|the|early|mid|late"
                      r"|earlier|later|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+)+", re.I)


def _normalise_phrase(phrase: str) -> str:
    p = re.sub(r"\s+", " ", phrase).strip(" \t,.;:()")
    return _LEADING.sub("", p).strip()


def resolve_relative(phrase: str, anchor: str | None, *, tense: str | None = None) -> str | None:
    """Resolve a temporal expression against the article date `anchor` to ISO at the phrase's precision.

    `tense` ('past' | 'present' | 'future' | None) decides the direction of bare months, month-days and
    weekdays. Vague phrases ('over the weekend', 'recently') give None; so does anything relative when
    the anchor is missing or too coarse (a weekday needs a day-precise anchor)."""
    p = _normalise_phrase(phrase)
    if not p:
        return None
    t = {"pres": "present", "fut": "future"}.get((tense or "").lower(), (tense or "").lower() or None)
    if (absolute := _resolve_absolute(p)) is not None:
        return absolute
    a = _parse_anchor(anchor)
    if a is None:
        return None
    for resolver in (_resolve_month_day, _resolve_month, _resolve_weekday, _resolve_day_word,
                     _resolve_unit, _resolve_ago):
        result = resolver(p, a, t)
        if result is not False:
            return result
    return None


def _resolve_absolute(p: str) -> str | None:
    rx = _rx()
    p = re.sub(rf"^{rx.weekday_any_ci},?\s+", "", p, flags=re.I)
    for pattern in rx.full:
        if m := _ci(pattern).fullmatch(p):
            return _iso(*_ymd(m))
    if m := _ci(rx.month_year).fullmatch(p):
        return _iso(int(m["y"]), _month_num(m["m"]))
    if re.fullmatch(r"[12]\d{3}", p):
        return p
    return None


def _resolve_month_day(p: str, a, tense) -> str | None | bool:
    rx = _rx()
    for pattern in rx.month_day:
        if m := _ci(pattern).fullmatch(p):
            month, day = _month_num(m["m"]), int(m["d"])
            year = a[0]
            if a[1] and a[2]:
                if tense == "past" and (month, day) > (a[1], a[2]):
                    year -= 1
                elif tense == "future" and (month, day) < (a[1], a[2]):
                    year += 1
            return _iso(year, month, day)
    return False


def _resolve_month(p: str, a, tense) -> str | None | bool:
    """'April', 'last September', 'September last year', 'last year in September'."""
    mci = _rx().month_ci
    m = (re.fullmatch(rf"(?P<m>{mci})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year", p, re.I)
         or re.fullmatch(rf"(?P<rel>last|this|next)\s+year\s+(?:in\s+)?(?P<m>{mci})", p, re.I))
    if m:
        return _iso(a[0] + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()], _month_num(m["m"]))
    m = re.fullmatch(rf"(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<m>{mci})", p, re.I)
    if not m:
        return False
    month, rel, year = _month_num(m["m"]), (m["rel"] or "").lower(), a[0]
    if a[1] is None:
        return _iso(year - (rel in ("last", "past")) + (rel in ("next", "coming")), month)
    if rel in ("last", "past") or (not rel and tense == "past"):
        year -= int(month > a[1] or (rel in ("last", "past") and month == a[1]))
    elif rel in ("next", "coming") or (not rel and tense == "future"):
        year += int(month < a[1] or (rel in ("next", "coming") and month == a[1]))
    return _iso(year, month)


def _resolve_weekday(p: str, a, tense) -> str | None | bool:
    words = _words()
    m = re.fullmatch(rf"(?:(?P<rel>last|next|this|coming)\s+)?(?P<wd>{_rx().weekday_any_ci})"
                     rf"(?:\s+(?:{'|'.join(words['day_parts'])}))?", p, re.I)
    if not m:
        return False
    if a[2] is None:
        return None
    anchor = dt.date(*a)
    target = words["weekdays"][m["wd"].lower().rstrip(".")]
    back = (anchor.weekday() - target) % 7       # days back to the latest such weekday <= anchor
    ahead = (target - anchor.weekday()) % 7      # days ahead to the earliest such weekday >= anchor
    rel = (m["rel"] or "").lower()
    if rel == "last":
        delta = -(back or 7)
    elif rel in ("next", "coming"):
        delta = ahead or 7
    elif tense == "past":
        delta = -back
    elif tense == "future":
        delta = ahead
    else:
        delta = -back if back <= ahead else ahead
    return (anchor + dt.timedelta(days=delta)).isoformat()


def _resolve_day_word(p: str, a, tense) -> str | None | bool:
    words = _words()
    p = re.sub(rf"\s+(?:{'|'.join(words['day_parts'])})$", "", p.lower())
    special = {"day before yesterday": -2, "day after tomorrow": 2}
    if p not in words["relative_days"] and p not in special:
        return False
    if a[2] is None:
        return None
    delta = special.get(p, words["relative_days"].get(p))
    return (dt.date(*a) + dt.timedelta(days=delta)).isoformat()


def _resolve_unit(p: str, a, tense) -> str | None | bool:
    m = re.fullmatch(r"(?P<rel>last|this|next|coming)\s+(?P<unit>year|month|week)", p, re.I)
    if not m:
        return False
    k = {"last": -1, "this": 0, "next": 1, "coming": 1}[m["rel"].lower()]
    unit = m["unit"].lower()
    if unit == "year":
        return _iso(a[0] + k)
    if unit == "month":
        return _iso(*_add_months(a[0], a[1], k)) if a[1] else None
    if a[2] is None:
        return None
    # A week has no ISO form of its own; give its month when the whole week lies in one month.
    monday = dt.date(*a) - dt.timedelta(days=dt.date(*a).weekday()) + dt.timedelta(weeks=k)
    sunday = monday + dt.timedelta(days=6)
    return _iso(monday.year, monday.month) if monday.month == sunday.month else None


def _resolve_ago(p: str, a, tense) -> str | None | bool:
    numbers = _words()["number_words"]
    m = re.fullmatch(r"(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week|month|year)s?\s+ago", p, re.I)
    if not m:
        return False
    n = int(m["n"]) if m["n"].isdigit() else numbers.get(m["n"].lower())
    unit = m["unit"].lower()
    if n is None or unit == "week":
        return None
    if unit == "year":
        return _iso(a[0] - n)
    if unit == "month":
        return _iso(*_add_months(a[0], a[1], -n)) if a[1] else None
    return (dt.date(*a) - dt.timedelta(days=n)).isoformat() if a[2] else None
