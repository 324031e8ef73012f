"""Absolute dates in metadata strings and at a given position of a header line."""
from __future__ import annotations

import re

from relgraph.dates.patterns import _ci, _iso, _month_num, _rx, _ymd

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

