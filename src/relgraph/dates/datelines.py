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
    # Any script's capital ('HÀ NỘI'); several places may share a dateline ('BEIJING/KATHMANDU').
    word = r"[^\W\d_][\w'’.-]*"
    place = rf"(?P<place>{word}(?:[ /]{word}){{0,3}})"
    region = rf"(?:,\s*(?!{rx.month})[A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
    date = (rf"(?:(?P<m>{rx.month})\s+(?P<d>[0-3]?\d){_ORD}(?:,?\s+{_YEAR})?"
            rf"|(?P<d2>[0-3]?\d){_ORD}\s+(?P<m2>{rx.month})(?:,?\s+(?P<y2>[12]\d{{3}}))?)")
    # '(Reuters)', '(efe-epa)' or TASS's '/TASS/'
    agency = r"(?:\((?P<agency>[A-Za-z][A-Za-z.&/ -]{1,30})\)|/(?P<agency2>[A-Za-z][\w -]{1,20})/)"
    lede = r"(?=[A-Z\"“‘'(])"
    # A dateline on a line of its own may carry a weekday and a time ('Baku, Tuesday 22 April 2025, 18:25'),
    # and name its agency after a dash ('— APA') or leave a byline field after it ('| By Jane Doe').
    weekday = rf"(?:{rx.weekday_full},?\s+)?"
    time = r"(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
    alone = (rf"(?:\s*(?:{agency}|(?:--|[-–—])\s*(?P<agency3>[A-Z][\w.&/-]*(?: [A-Z][\w.&/-]*){{0,3}})))?"
             r"\s*(?=\||$)")
    return (
        re.compile(rf"{place}{region}(?:,|\s+(?:--|[-–—]))\s*{weekday}{date}{time}{alone}"),
        re.compile(rf"{place}{region},\s*{weekday}{date}{time}\.?(?:\s*{agency})?"
                   rf"(?:\s*\.?\s*(?:--|[-–—:])\s*|\.?\s+){lede}"),
        re.compile(rf"{place}{region}\s*{agency}\s*\.?\s*(?:--|[-–—:])\s*{lede}"),
        re.compile(rf"{place}(?:,\s*[A-Z][\w.]+)?\s*(?:--|[:–—-])\s+" + lede),
    )


def dateline(text: str, max_lines: int = HEADER_LINES) -> Dateline | None:
    """The dateline at the start of one of the first `max_lines` non-blank lines, with offsets into `text`."""
    offset, seen, alone = 0, 0, None
    for line in text.splitlines(keepends=True):
        body = line.lstrip()
        if body.strip():
            seen += 1
            start = offset + len(line) - len(body)
            if alone and len(body.split()) >= 8 and not _headline_case(body):
                # 'ANKARA' on a line of its own, the lede on the next line.
                return Dateline(alone[0].title(), None, None, None, None, alone[1], start)
            alone = None
            if m := re.fullmatch(r"([A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,2})\s*", body):
                alone = (m.group(1), start)
                offset += len(line)
                continue
            for pattern in _dateline_rx():
                m = pattern.match(body)
                if m and _is_place(m["place"], all_caps=pattern is _dateline_rx()[-1]):
                    return _make_dateline(m, start)
            if seen >= max_lines:
                break
        offset += len(line)
    return None


def _headline_case(line: str) -> bool:
    """True for a Title Case line ('Two States Sign a Maritime Pact'): a headline, not a lede sentence."""
    longer = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


def _is_place(place: str, *, all_caps: bool) -> bool:
    """A dateline place starts each word with a capital and is not a month or weekday; without a date or
    an agency after it ('LA PAZ - ') it must be all capitals, or any capitalised lead-in would do."""
    words = _words()
    names = [w for w in re.split(r"[ /]", place) if w]
    if not all(w[0].isupper() for w in names) or place.lower().rstrip(".") in words["months"] | words["weekdays"]:
        return False
    if all_caps:
        return place.isupper() and (len(names) > 1 or len(place) >= 3)
    return True


def _make_dateline(m: re.Match, start: int) -> Dateline:
    g = m.groupdict()
    month_token, day, year = g.get("m") or g.get("m2"), g.get("d") or g.get("d2"), g.get("y") or g.get("y2")
    place = m["place"].title() if m["place"].isupper() else m["place"]
    agency = g.get("agency") or g.get("agency2") or g.get("agency3")
    if agency and agency.islower():
        agency = agency.upper()       # 'efe-epa' is how EFE writes its own name in datelines
    return Dateline(place, _month_num(month_token) if month_token else None, int(day) if day else None,
                    int(year) if year else None, agency, start, start + m.end())

