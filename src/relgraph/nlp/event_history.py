"""History, not news: an event the text dates long before the article is background to the story."""
from __future__ import annotations

# Gold across the development and check sets keeps past events up to seven months old (a phone call
# in February told in June) and almost never older ones ('signed in Manila in July 2024', told in
# May 2025, is background): an event dated this many months or more before the article is history.
HISTORY_MONTHS = 8
# A signing is history sooner than a meeting: the writers keep no Signing event for a document signed
# well before the article ('the border treaty signed in Bishkek on 13 March', told in late September);
# the agreement stays, dated, without its event. (Some gold keeps signings of six months, one keeps
# none older than two: seven is where none of the development sets loses one.)
SIGNING_HISTORY_MONTHS = 7


def _latest_month(date: str) -> int | None:
    """The last month a date may stand for, counted from year 0 ('2024' may be December 2024)."""
    if len(date) < 4 or not date[:4].isdigit():
        return None
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else 12
    return int(date[:4]) * 12 + month - 1


def long_past(date: str | None, now: str | None, months: int = HISTORY_MONTHS) -> bool:
    """True when `date` (YYYY, YYYY-MM or YYYY-MM-DD) lies `months` or more before `now`."""
    if not date or not now:
        return False
    event, article = _latest_month(date), _latest_month(now[:7] if len(now) >= 7 else now)
    if event is None or article is None:
        return False
    return article - event >= months
