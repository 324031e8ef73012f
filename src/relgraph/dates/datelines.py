"""Datelines: the place/date/agency lead-in of a news body ('NAIROBI, March 3 (Reuters) -')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from relgraph.dates.patterns import _ORD, _YEAR, HEADER_LINES, _month_num, _rx, _words


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

