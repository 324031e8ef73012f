"""All-numeric slashed dates in page headers ('16/05/2024', '05/16/2024') and which order a site writes.

'13/12/2024' can only be day-first and '12/13/2024' only month-first, but '05/06/2024' is either. Such a
date is read only when the page itself says which order it uses: another slashed date in the header with
a part above 12, a weekday on the same line that fits one reading only, or a dateline month ('March 5')
that agrees with one reading only. Without such evidence an ambiguous date is left out.
"""
from __future__ import annotations

import datetime as dt
import re

from relgraph.dates.patterns import _iso, _rx, _words

DAY_FIRST, MONTH_FIRST = "dmy", "mdy"

SLASHED = re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[01]?\d|[0-3]\d)/(?P<y>[12]\d{3})(?![\d/])")


def _readings(m: re.Match) -> dict[str, str]:
    """The valid ISO dates for each order ('dmy' and/or 'mdy')."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    found = {DAY_FIRST: _iso(y, b, a), MONTH_FIRST: _iso(y, a, b)}
    return {order: iso for order, iso in found.items() if iso and len(iso) == 10}


def _weekday_fit(line: str, readings: dict[str, str]) -> str | None:
    """The one order whose date falls on the weekday named in the line, if exactly one does."""
    names = _words()["weekdays"]
    named = {names[w.lower().rstrip(".")] for w in re.findall(_rx().weekday_any_ci, line, re.I)}
    if len(named) != 1:
        return None
    fits = [order for order, iso in readings.items() if dt.date.fromisoformat(iso).weekday() in named]
    return fits[0] if len(fits) == 1 else None


def site_order(lines: list[str], dateline_month: int | None = None) -> str | None:
    """The order the page writes slashed dates in, from its own unambiguous ones (first one wins),
    else from a dateline month that fits one reading only; None if the page does not say."""
    months_by_order: dict[str, set[int]] = {DAY_FIRST: set(), MONTH_FIRST: set()}
    for line in lines:
        for m in SLASHED.finditer(line):
            readings = _readings(m)
            if len(readings) == 1:
                return next(iter(readings))
            for order, iso in readings.items():
                months_by_order[order].add(int(iso[5:7]))
    if dateline_month is not None:
        fits = [order for order, months in months_by_order.items() if dateline_month in months]
        if len(fits) == 1:
            return fits[0]
    return None


def read_slashed(m: re.Match, line: str, order: str | None) -> str | None:
    """ISO date of a slashed match: unambiguous on its own, by a weekday in its line, or by `order`."""
    readings = _readings(m)
    if len(set(readings.values())) == 1:       # one valid reading, or day and month alike ('05/05/2024')
        return next(iter(readings.values()))
    if len(readings) > 1:
        chosen = _weekday_fit(line, readings) or order
        return readings.get(chosen) if chosen else None
    return None
