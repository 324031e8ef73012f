"""relgraph.nlp.event_history: how old an event may be and still be news."""
from relgraph.nlp.event_history import SIGNING_HISTORY_MONTHS, long_past


def test_months_before_the_article_decide_history():
    assert long_past("2024-06", "2025-05-20")
    assert long_past("2024-07-12", "2025-03-01")
    assert not long_past("2025-02", "2025-06-20")
    assert not long_past("2025-06-19", "2025-06-20")


def test_a_year_alone_counts_as_its_last_month_and_future_dates_are_never_history():
    assert not long_past("2024", "2025-05-01")
    assert long_past("2023", "2025-05-01")
    assert not long_past("2026-02", "2025-05-01")
    assert not long_past(None, "2025-05-01") and not long_past("2024", None)


def test_a_signing_is_history_sooner_than_a_meeting():
    assert long_past("2024-11-13", "2025-06-20", SIGNING_HISTORY_MONTHS)
    assert not long_past("2024-11-13", "2025-06-20")
    assert not long_past("2025-02", "2025-06-20", SIGNING_HISTORY_MONTHS)
