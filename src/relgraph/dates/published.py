"""Publication dates from the header region of a page: labels, date-only lines, bylines, datelines."""
from __future__ import annotations

import re

from relgraph.dates.datelines import dateline
from relgraph.dates.normalize import _date_at
from relgraph.dates.patterns import HEADER_LINES, SHORT_LINE, _iso, _month_num, _rx, _ymd


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


