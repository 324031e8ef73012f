"""Publication dates from the header region of a page: labels, date-only lines, bylines, datelines."""
from __future__ import annotations

import re
from functools import lru_cache

from relgraph.dates.datelines import dateline
from relgraph.dates.normalize import _date_at
from relgraph.dates.numeric import SLASHED, read_slashed, site_order
from relgraph.dates.patterns import HEADER_LINES, SHORT_LINE, _iso, _month_num, _rx, _words, _ymd


def _header_lines(text: str, limit: int = HEADER_LINES) -> list[str]:
    return [ln.strip() for ln in text.lstrip("\ufeff").splitlines() if ln.strip()][:limit]


def _marked(line: str, key: str, *, at_start: bool = False) -> bool:
    """True if the line names one of the `key` words of dates.json (at its start only, if asked)."""
    words = "|".join(re.escape(w) for w in sorted(_words()[key], key=len, reverse=True))
    return bool(re.search(rf"{'^' if at_start else ''}\W*\b(?:{words})\b", line, re.I))


def _is_update(label: str) -> bool:
    return re.sub(r"\s+", " ", label.lower()) in _words()["update_labels"]


def _labelled(lines: list[str], order: str | None = None) -> tuple[list[str], list[str]]:
    """Dates after 'Published: ' style labels and after 'Updated: ' style ones, in line order."""
    rx, published, updated = _rx(), [], []
    for line in lines:
        if _marked(line, "related_markers", at_start=True):
            continue
        matches = list(rx.label.finditer(line))
        if len(line) <= SHORT_LINE:
            matches += list(rx.label_mid.finditer(line))
        for m in sorted(matches, key=lambda m: m.start()):
            found = _date_at(line, m.end())
            if found is None and (sm := SLASHED.match(line, m.end())):
                found = read_slashed(sm, line, order)
            if found is not None:
                (updated if _is_update(m["label"]) else published).append(found)
    return published, updated


# A header field: the date starts the line, follows a separator ('Source: X | 2025-03-13 22:41:05',
# 'Staff writer, Tuesday 11 Feb 2025') or a leading time ('17:20 GMT 03 Mar 2025'), may carry a time and
# zone ('- 21:36', '7:45 PM GMT+8'), and ends the line, a field ('| Updated ...', a closing dash or colon)
# or opens an update note ('(Updated 4 March 2025)'). A date followed by more words is part of a sentence.
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
_ZONE = r"\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?"
_FIELD_BEFORE = (r"(?:^|[|•·:,]|\s[-–—]|^\s*" + _TIME + r"(?:\s*" + _ZONE + r")?\s)"
                 r"\s*(?:(?:{weekday}),?\s*)?$")


@lru_cache(maxsize=1)
def _field_after() -> re.Pattern:
    updates = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_words()["update_labels"], key=len,
                                                                          reverse=True))
    return re.compile(rf"^(?:\s*[-–—,]?\s*(?:at\s+)?{_TIME})?(?:\s*{_ZONE})?"
                      rf"\s*(?:$|[|•·]|[-–—:](?:\s|$)|\(\s*(?i:{updates})\b)")


def _field_date(line: str, order: str | None) -> str | None:
    """The first date in the line that is a header field of its own (see _FIELD_BEFORE/_FIELD_AFTER)."""
    if len(line) > SHORT_LINE or _marked(line, "caption_markers"):
        return None
    before = re.compile(_FIELD_BEFORE.replace("{weekday}", _rx().weekday_any_ci), re.I)
    candidates = [(m, _iso(*_ymd(m))) for pattern in _rx().full for m in pattern.finditer(line)]
    candidates += [(m, read_slashed(m, line, order)) for m in SLASHED.finditer(line)]
    for m, found in sorted(candidates, key=lambda c: c[0].start()):
        if found and before.search(line[:m.start()]) and _field_after().match(line[m.end():]):
            return found
    return None


def _byline(line: str) -> str | None:
    """The date of a byline: 'By Jane Doe, June 13, 2023', 'Written by Jane Doe on 3 March 2023' or
    'Ahmet Yilmaz |16.06.2023'."""
    if len(line) > SHORT_LINE or not (_marked(line, "byline_lead_ins", at_start=True)
                                      or re.match(r"(?:[A-Z][\w.'’-]*\s+){1,5}[|•·]", line)):
        return None
    for pattern in _rx().full:
        if m := pattern.search(line):
            return _iso(*_ymd(m))
    return None


def detect_published(text: str) -> str | None:
    """Publication date from the byline/dateline region: 'Published: June 13, 2023 11:57 AM', a header field
    'August 03, 2023' or 'Source: X | 13/12/2024 10:47', a byline or a dated dateline ('PARIS, June 13, 2023 -').
    Dates inside story sentences, photo captions and related-story lines are never taken. Returns None if
    the header gives no year, or only a slashed date whose day/month order the page does not reveal."""
    header = _header_lines(text)
    dl = dateline(text)
    order = site_order(header, dl.month if dl else None)
    published, updated = _labelled(header, order)
    if published:
        return published[0]
    for line in header:
        if _marked(line, "related_markers", at_start=True):
            continue
        if found := _field_date(line, order) or _byline(line):
            return found
    if dl and dl.year and dl.month:
        return _iso(dl.year, dl.month, dl.day)
    if updated:         # an update date is later than publication: only when nothing better is given
        return updated[0]
    # Some pages carry 'Published on ...' only in the footer; one label is explicit enough to trust anywhere,
    # but several different ones are a list of other stories.
    published, updated = _labelled([ln.strip() for ln in text.splitlines()], order)
    for found in (published, updated):
        if len(set(found)) == 1:
            return found[0]
    return None


_TIME_TAIL = re.compile(r"^[\s,|]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
                        r"\s*(?:\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?\W*$")


def _only_date(line: str, m: re.Match) -> bool:
    """True if the line holds nothing but this date, a weekday before it and a time after it."""
    before = re.fullmatch(rf"\W*(?:{_rx().weekday_any_ci})?\W*", line[:m.start()], re.I)
    return bool(before and _TIME_TAIL.match(line[m.end():]))


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


