"""Dates in news text: publication dates, datelines and temporal expressions.

Everything here is pure (no IO besides reading the word lists in ``data/patterns/dates.json``).
Results are ISO strings at the precision the text gives: "YYYY-MM-DD", "YYYY-MM" or "YYYY".
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from relgraph.settings import REPO_ROOT, Settings

__all__ = [
    "Dateline", "dateline", "detect_month_day", "detect_published", "find_temporal_expressions",
    "is_date_fragment", "normalize_date", "refine_with_month_day", "resolve_relative",
]

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


# ---------------------------------------------------------------- small helpers

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


def _parse_anchor(anchor: str | None) -> tuple[int, int | None, int | None] | None:
    iso = normalize_date(anchor) if anchor else None
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


# ---------------------------------------------------------------- absolute dates

def normalize_date(value: str | None) -> str | None:
    """An ISO date at the precision given, from metadata strings such as '2023-06-13', '2023-06-13T11:57:00Z',
    'June 13, 2023', '13 June 2023', 'Tue, 13 Jun 2023 11:57:00 GMT', 'June 2023', '2023-06' or '2023'."""
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        return None
    s = value.strip()
    m = re.fullmatch(r"([12]\d{3})(?:[-/](\d{2})(?:[-/](\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", s)
    if m:
        return _iso(*(int(g) if g else None for g in m.groups()))
    rx = _rx()
    for pattern in rx.full:
        if fm := _ci(pattern).search(s):
            return _iso(*_ymd(fm))
    if my := _ci(rx.month_year).search(s):
        return _iso(int(my["y"]), _month_num(my["m"]))
    return None


def _date_at(line: str, pos: int) -> str | None:
    """A date (full, or month and year) starting at `pos`, possibly after a weekday ('Tue, ')."""
    rx = _rx()
    rest = line[pos:]
    rest = re.sub(rf"^{rx.weekday_any_ci},?\s*", "", rest, flags=re.I)
    for pattern in rx.full:
        if m := pattern.match(rest):
            return _iso(*_ymd(m))
    if m := rx.month_year.match(rest):
        return _iso(int(m["y"]), _month_num(m["m"]))
    return None


def _header_lines(text: str, limit: int = HEADER_LINES) -> list[str]:
    return [ln.strip() for ln in text.lstrip("\ufeff").splitlines() if ln.strip()][:limit]


def _labelled(lines: list[str]) -> tuple[str | None, str | None]:
    """The first 'Published: <date>' style date and the first 'Updated: <date>' one."""
    rx, published, updated = _rx(), None, None
    for line in lines:
        matches = list(rx.label.finditer(line))
        if len(line) <= SHORT_LINE:
            matches += list(rx.label_mid.finditer(line))
        for m in sorted(matches, key=lambda m: m.start()):
            if (found := _date_at(line, m.end())) is None:
                continue
            if "updat" in m["label"].lower():
                updated = updated or found
            else:
                published = published or found
    return published, updated


_TIME_TAIL = re.compile(r"^[\s,|]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
                        r"\s*(?:\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?\W*$")


def _only_date(line: str, m: re.Match) -> bool:
    """True if the line holds nothing but this date, a weekday before it and a time after it."""
    before = re.fullmatch(rf"\W*(?:{_rx().weekday_any_ci})?\W*", line[:m.start()], re.I)
    return bool(before and _TIME_TAIL.match(line[m.end():]))


def _standalone(line: str) -> str | None:
    """A header line that is nothing but a date ('Tuesday, June 13, 2023 11:57 AM IST')."""
    for pattern in _rx().full:
        if (m := pattern.search(line)) and _only_date(line, m):
            return _iso(*_ymd(m))
    return None


def _byline(line: str) -> str | None:
    """The date of a byline: 'By Jane Doe, June 13, 2023' or 'Ahmet Yilmaz |16.06.2023'."""
    if len(line) > SHORT_LINE or not (re.match(r"By\s+\S", line, re.I)
                                      or re.match(r"(?:[A-Z][\w.'’-]*\s+){1,5}[|•·]", line)):
        return None
    for pattern in _rx().full:
        if m := pattern.search(line):
            return _iso(*_ymd(m))
    return None


def detect_published(text: str) -> str | None:
    """Publication date from the byline/dateline region: 'Published: June 13, 2023 11:57 AM', a header line
    'August 03, 2023', a leading 'date 2023-06-12', a byline or a dated dateline ('PARIS, June 13, 2023 -').
    Dates inside story sentences are never taken. Returns None if the header gives no year."""
    header = _header_lines(text)
    published, updated = _labelled(header)
    if published:
        return published
    for line in header:
        if found := _standalone(line) or _byline(line):
            return found
    if (dl := dateline(text)) and dl.year and dl.month:
        return _iso(dl.year, dl.month, dl.day)
    if updated:         # an update date is later than publication: only when nothing better is given
        return updated
    # Some pages carry 'Published on ...' only in the footer; a label is explicit enough to trust anywhere.
    published, updated = _labelled([ln.strip() for ln in text.splitlines()])
    return published or updated


def detect_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a year-less dateline or header date ('Moscow, June 13', 'Apr 7 (efe-epa)')."""
    if (dl := dateline(text)) and dl.month and dl.day:
        return dl.month, dl.day
    rx = _rx()
    for line in _header_lines(text):
        labels = [m.end() for m in rx.label.finditer(line)]
        for pattern in rx.month_day:
            for m in pattern.finditer(line):
                month, day = _month_num(m["m"]), int(m["d"])
                if (_only_date(line, m) or m.start() in labels) and _iso(2000, month, day):
                    return month, day
    return None


def is_date_fragment(line: str, max_words: int = 5) -> bool:
    """True for short header lines that name a date or part of one ('Thu, May', 'June 13', '2023-06-12')."""
    rx = _rx()
    if len(line.split()) > max_words:
        return False
    return bool(re.search(rx.weekday_any_ci, line, re.I) or re.search(rx.month, line)
                or re.search(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", line))


def refine_with_month_day(published: str | None, month_day: tuple[int, int] | None) -> str | None:
    """Combine a coarse date ('2021' or '2021-04') with a dateline's month and day when they agree."""
    if not published or not month_day or len(published) == 10:
        return published
    year, *rest = (int(p) for p in published.split("-"))
    if rest and rest[0] != month_day[0]:
        return published
    return _iso(year, *month_day) or published


# ---------------------------------------------------------------- datelines

@dataclass(frozen=True)
class Dateline:
    """The place/date/agency lead-in of a news body: 'Islamabad, Apr 7 (efe-epa).- ', 'ISLAMABAD: '."""
    place: str
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    start: int          # offset in the text where the dateline begins
    end: int            # offset where the lede sentence begins


@lru_cache(maxsize=1)
def _dateline_rx() -> tuple[re.Pattern, ...]:
    rx = _rx()
    place = r"(?P<place>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})"
    region = rf"(?:,\s*(?!{rx.month})[A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
    date = (rf"(?:(?P<m>{rx.month})\s+(?P<d>[0-3]?\d){_ORD}(?:,?\s+{_YEAR})?"
            rf"|(?P<d2>[0-3]?\d){_ORD}\s+(?P<m2>{rx.month})(?:,?\s+(?P<y2>[12]\d{{3}}))?)")
    # '(Reuters)', '(efe-epa)' or TASS's '/TASS/'
    agency = r"(?:\((?P<agency>[A-Za-z][A-Za-z.&/ -]{1,30})\)|/(?P<agency2>[A-Za-z][\w -]{1,20})/)"
    lede = r"(?=[A-Z\"“‘'(])"
    return (
        re.compile(rf"{place}{region},\s*{date}\.?(?:\s*{agency})?"
                   rf"(?:\s*\.?\s*(?:--|[-–—:])\s*|\.?\s+){lede}"),
        re.compile(rf"{place}{region}\s*{agency}\s*\.?\s*(?:--|[-–—:])\s*{lede}"),
        re.compile(r"(?P<place>[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,3})(?:,\s*[A-Z][\w.]+)?"
                   r"\s*(?:--|[:–—-])\s+" + lede),
    )


def dateline(text: str, max_lines: int = HEADER_LINES) -> Dateline | None:
    """The dateline at the start of one of the first `max_lines` non-blank lines, with offsets into `text`."""
    words = _words()
    offset, seen, alone = 0, 0, None
    for line in text.splitlines(keepends=True):
        body = line.lstrip()
        if body.strip():
            seen += 1
            start = offset + len(line) - len(body)
            if alone and len(body.split()) >= 8:
                # 'ANKARA' on a line of its own, the lede on the next line.
                return Dateline(alone[0].title(), None, None, None, None, alone[1], start)
            alone = None
            if m := re.fullmatch(r"([A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,2})\s*", body):
                alone = (m.group(1), start)
                offset += len(line)
                continue
            for pattern in _dateline_rx():
                m = pattern.match(body)
                if m and m["place"].lower().rstrip(".") not in words["months"] | words["weekdays"]:
                    return _make_dateline(m, start)
            if seen >= max_lines:
                break
        offset += len(line)
    return None


def _make_dateline(m: re.Match, start: int) -> Dateline:
    g = m.groupdict()
    month_token, day, year = g.get("m") or g.get("m2"), g.get("d") or g.get("d2"), g.get("y") or g.get("y2")
    place = m["place"].title() if m["place"].isupper() else m["place"]
    agency = g.get("agency") or g.get("agency2")
    if agency and agency.islower():
        agency = agency.upper()       # 'efe-epa' is how EFE writes its own name in datelines
    return Dateline(place, _month_num(month_token) if month_token else None, int(day) if day else None,
                    int(year) if year else None, agency, start, start + m.end())


# ---------------------------------------------------------------- temporal expressions

_PREP_BEFORE = re.compile(r"\b(?:[Ii]n|[Oo]n|[Aa]t|[Dd]uring)\s+$")


def find_temporal_expressions(sentence: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, text) spans of temporal expressions, longest match first.
    A preceding 'in'/'on'/'at'/'during' is included ('In April', 'on Tuesday')."""
    found = []
    for _kind, pattern in _rx().finders:
        for m in pattern.finditer(sentence):
            start = m.start()
            if p := _PREP_BEFORE.search(sentence, 0, start):
                start = p.start()
            found.append((start, m.end()))
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(found, key=lambda se: (se[0] - se[1], se[0])):
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return [(s, e, sentence[s:e]) for s, e in sorted(chosen)]


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
