"""Dates: publication dates from headers, temporal expressions and their resolution."""
from __future__ import annotations

from pathlib import Path

import pytest

from relgraph.dates import (
    dateline, detect_month_day, detect_published, find_temporal_expressions, is_date_fragment, normalize_date,
    refine_with_month_day, resolve_relative,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def sample(prefix: str) -> str:
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# ---------------------------------------------------------------- publication dates

@pytest.mark.parametrize("prefix, published, month_day", [
    ("000", "2023-06-13", (6, 13)),     # 'Published: June 13, 2023 11:57 AM' and dateline 'Moscow, June 13'
    ("001", "2023-06-12", None),        # leading 'date 2023-06-12'
    ("002", None, None),                # '20-21 June 2023' is an event date in the story
    ("003", None, None),                # header 'Thu, May' has neither day nor year
    ("004", None, (4, 7)),              # dateline 'Apr 7 (efe-epa)' has no year
])
def test_samples(prefix, published, month_day):
    text = sample(prefix)
    assert detect_published(text) == published
    assert detect_month_day(text) == month_day


@pytest.mark.parametrize("text, expected", [
    ("Headline\nAugust 03, 2023\nMOSCOW: Russia said on 1 May 2023 that...", "2023-08-03"),
    ("Headline\nTuesday, 13 June 2023 11:57 IST\nBody.", "2023-06-13"),
    ("Headline\nUpdated: June 14, 2023\nPublished: June 13, 2023\nBody.", "2023-06-13"),
    ("Headline\nLast updated 14 Jun 2023\nBody.", "2023-06-14"),
    ("2023-06-12T08:00:00Z\nHeadline\nBody.", "2023-06-12"),
    ("Headline\nBy Jane Doe, June 13, 2023\nBody.", "2023-06-13"),
    ("Headline\nPARIS, June 13, 2023 (AFP) - France said...", "2023-06-13"),
    ("Headline\nBaqir Sajjad Syed Published July 3, 2021 Updated about 3 years ago\nBody.", "2021-07-03"),
    ("Headline\nAhmet Yilmaz   |16.06.2023 - Update : 17.06.2023\nANKARA\nBody.", "2023-06-16"),
    ("Headline\nThe talks on 20-21 June 2023 will be held in Islamabad.\nMore.", None),
    ("Headline\nRussia and Pakistan met on June 13, 2023 in Moscow, officials said.", None),
    ("Headline\nBody.\n" + "More body.\n" * 20 + "Published on 2 March 2022", "2022-03-02"),
])
def test_detect_published(text, expected):
    assert detect_published(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a date that is a header field of its own: after a separator, with a time and zone, before '| ...'
    ("Ministers meet in Lima\nSource: Andina | 2026-04-02 18:05:33 | Editor: desk\nLIMA - Body.", "2026-04-02"),
    ("Ministers meet in Lima\nThe Daily Courier staff, Friday 3 Apr 2026\nBody.", "2026-04-03"),
    ("Ministers meet in Lima\nApril 2, 2026 6:10 PM GMT-5 | Updated 3 hours ago\nBody.", "2026-04-02"),
    ("Ministers meet in Lima\nApril 2, 2026 - 18:10\nBody.", "2026-04-02"),
    ("PRESS RELEASE\nMinisters meet in Lima\nLima, 2 April 2026\nThe ministers met on Thursday.", "2026-04-02"),
    ("Ministers meet in Lima\n2026-04-02T18:05:00-05:00 | World\nBody.", "2026-04-02"),
    # a date followed by more words belongs to a sentence, not to the header
    ("Ministers meet in Lima\nLima, 2 April 2026 was chosen as the day of the talks\nBody.", None),
])
def test_header_field_dates(text, expected):
    assert detect_published(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a time before the date ('17:20 GMT 03 Mar 2026'), a dash or colon closing a dateline of its own
    ("Ministers meet in Lima\n18:05 GMT 02 Apr 2026\nBody.", "2026-04-02"),
    ("Ministers meet in Lima\nLIMA, Peru, April 2, 2026 —\nThe ministers met on Thursday.", "2026-04-02"),
    ("Ministers meet in Lima\nLima, April 2nd 2026:\nThe ministers met on Thursday.", "2026-04-02"),
    # an update note after the date leaves the first date as the publication date
    ("Ministers meet in Lima\n2 April 2026 (Updated 3 April 2026)\nBody.", "2026-04-02"),
    # bylines opened by 'Written by', 'Posted by' and the like
    ("Ministers meet in Lima\nWritten by Ana Rojas on 2 April 2026\nBody.", "2026-04-02"),
    ("Ministers meet in Lima\nPosted by the news desk, April 2, 2026\nBody.", "2026-04-02"),
    # a time starting a sentence does not make the date after it a header field
    ("Ministers meet in Lima\n18:05 was the hour set on 2 April 2026 for the talks\nBody.", None),
    # 'hours ago' is no date
    ("Ministers meet in Lima\nWritten by Ana Rojas, 3 hours ago\nBody.", None),
])
def test_more_header_shapes(text, expected):
    assert detect_published(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ministers meet\n24/11/2026 08:30 | World\nBody.", "2026-11-24"),                 # 24 > 12: day first
    ("Ministers meet\n11/24/2026 08:30 | World\nBody.", "2026-11-24"),                 # 24 > 12: month first
    ("Ministers meet\nPublished 24/11/2026 - 08:30\nBody.", "2026-11-24"),
    # ambiguous, and nothing on the page says which order it writes: left out
    ("Ministers meet\nPublished 05/11/2026 - 08:30\nBody.", None),
    # the page's own unambiguous 'Updated 17/11/2026' shows it writes the day first
    ("Ministers meet\nPublished 05/11/2026 | Updated 17/11/2026\nBody.", "2026-11-05"),
    # a weekday on the line fits one reading only: 5 November 2026 is a Thursday, 11 May 2026 a Monday
    ("Ministers meet\nThursday 05/11/2026 09:00\nBody.", "2026-11-05"),
    ("Ministers meet\nMonday 05/11/2026 09:00\nBody.", "2026-05-11"),
    # a dateline month agreeing with one reading only
    ("Ministers meet\n05/11/2026 09:00\nLIMA, Nov 5 (Andina) - Body text of the story goes on here.", "2026-11-05"),
    ("Ministers meet\n05/05/2026 09:00\nBody.", "2026-05-05"),                        # both readings agree
])
def test_slashed_dates_follow_the_site_order(text, expected):
    assert detect_published(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ministers meet\nLast modified: 6 May 2026\nBody.", "2026-05-06"),
    ("Ministers meet\nLast modified: 6 May 2026 | Published: 4 May 2026\nBody.", "2026-05-04"),
])
def test_modified_is_an_update_label(text, expected):
    assert detect_published(text) == expected


@pytest.mark.parametrize("text", [
    "Ministers meet\nThe two ministers in Lima. Photo: Andina, 2 April 2026\nBody.",
    "Ministers meet\nRelated | Talks stall | 2 April 2026\nBody.",
    "Ministers meet\nBody.\n" + "More.\n" * 10 + "Published on 2 March 2026\nPublished on 9 March 2026\n",
])
def test_captions_and_story_lists_give_no_date(text):
    assert detect_published(text) is None


@pytest.mark.parametrize("text, place, ymd, agency", [
    # a dateline on a line of its own, with a weekday, a time, an agency after a dash or in brackets
    ("Ports deal signed\n\nQuito, Tuesday 7 April 2026, 09:40 — Andes Wire\n\nThe ministers met.",
     "Quito", (2026, 4, 7), "Andes Wire"),
    ("Ports deal signed\n\nQUITO, Ecuador, 7 April 2026 (Andes Wire)\n\nThe ministers met.",
     "Quito", (2026, 4, 7), "Andes Wire"),
    ("Ports deal signed\n\nQuito — April 7, 2026\nBy Ana Rojas, correspondent\n\nThe ministers met.",
     "Quito", (2026, 4, 7), None),
    ("Ports deal signed\n\nQuito, 7 April 2026 | By Ana Rojas\n\nThe ministers met.", "Quito", (2026, 4, 7), None),
])
def test_datelines_on_a_line_of_their_own(text, place, ymd, agency):
    dl = dateline(text)
    assert dl is not None and (dl.place, (dl.year, dl.month, dl.day), dl.agency) == (place, ymd, agency)
    assert text[dl.start:dl.end].lower().startswith(place.lower())


@pytest.mark.parametrize("text", [
    # a date followed by more words on its line is a sentence, not a dateline
    "Ports deal signed\n\nQuito, 7 April 2026 was the day the ministers met in the capital.",
    "Ports deal signed\n\nQuito, 7 April 2026 — the ministers met in the capital.",
])
def test_a_sentence_is_not_a_dateline_of_its_own(text):
    assert dateline(text) is None


@pytest.mark.parametrize("text, place, month_day", [
    ("EL ALTO - Costa Rica and Panama agreed on Monday to reopen the border.", "El Alto", None),
    ("HÀ NỘI — Việt Nam and Laos agreed on Monday to reopen the border crossing.", "Hà Nội", None),
    ("OSLO/STOCKHOLM, Feb 9 (Wire) - Norway and Sweden agreed on Monday to share data.", "Oslo/Stockholm", (2, 9)),
    ("NAIROBI, March 3 (Reuters) — Kenya and Uganda agreed on Monday to share data.", "Nairobi", (3, 3)),
])
def test_dateline_places(text, place, month_day):
    d = dateline("Headline\n" + text)
    assert d is not None and d.place == place
    assert ((d.month, d.day) if d.month else None) == month_day
    assert ("Headline\n" + text)[d.end:].startswith(("Costa", "Việt", "Norway", "Kenya"))


@pytest.mark.parametrize("text", [
    "US - The talks go on.",                        # a two-letter word alone is no dateline place
    "Top Story: The talks went on for many hours.",  # a capitalised lead-in, not all capitals
    "NEWS RELEASE\nTwo States Sign a Maritime Pact at the Annual Ministers' Meeting in Town\nBody.",
])
def test_not_datelines(text):
    assert dateline(text) is None


def test_month_day_is_not_taken_from_a_headline():
    assert detect_month_day("Talks set for June 20\nISLAMABAD: Pakistan will host talks on June 20.") is None
    assert detect_month_day("Headline\nThu, May 13\nBody.") == (5, 13)


@pytest.mark.parametrize("value, expected", [
    ("2023-06-13", "2023-06-13"), ("2023-06-13T11:57:00Z", "2023-06-13"), ("2023-06-13 11:57:00+05:00", "2023-06-13"),
    ("June 13, 2023", "2023-06-13"), ("13 june 2023", "2023-06-13"), ("Tue, 13 Jun 2023 11:57:00 GMT", "2023-06-13"),
    ("16.06.2023", "2023-06-16"), ("June 2023", "2023-06"), ("2023-06", "2023-06"), ("2023", "2023"),
    ("2023-02-30", None), ("3 hours ago", None), ("", None), (None, None),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize("published, month_day, expected", [
    ("2021", (4, 7), "2021-04-07"), ("2021-04", (4, 7), "2021-04-07"), ("2021-05", (4, 7), "2021-05"),
    ("2021-04-08", (4, 7), "2021-04-08"), (None, (4, 7), None), ("2021", None, "2021"),
])
def test_refine_with_month_day(published, month_day, expected):
    assert refine_with_month_day(published, month_day) == expected


def test_is_date_fragment():
    assert is_date_fragment("Thu, May") and is_date_fragment("June 13") and is_date_fragment("2023-06-12")
    assert not is_date_fragment("60 Yeni Haber") and not is_date_fragment("Lavrov visits Islamabad")


# ---------------------------------------------------------------- resolving expressions

@pytest.mark.parametrize("phrase, anchor, tense, expected", [
    ("In April", "2023-06-13", "past", "2023-04"),
    ("in September", "2023-06-13", "past", "2022-09"),     # a month after the anchor month, in the past
    ("in September", "2023-06-13", "future", "2023-09"),
    ("in March", "2023-06-13", "future", "2024-03"),
    ("April 2015", "2023-06-13", None, "2015-04"),
    ("2015", "2023-06-13", None, "2015"),
    ("in 2015", None, None, "2015"),
    ("June 20", "2023-06-13", "future", "2023-06-20"),
    ("on June 20", "2023-06-13", None, "2023-06-20"),
    ("December 20", "2023-06-13", "past", "2022-12-20"),
    ("20-21 June 2023", None, None, "2023-06-20"),
    ("on 20-21 June 2023", "2021-01-01", None, "2023-06-20"),
    ("June 13, 2023", None, None, "2023-06-13"),
    ("on Tuesday", "2023-06-19", "future", "2023-06-20"),
    ("on Tuesday", "2023-06-19", "past", "2023-06-13"),
    ("on Tuesday", "2023-06", "future", None),             # a weekday needs a day-precise anchor
    ("Wednesday", "2021-04-07", "past", "2021-04-07"),      # the anchor itself is a Wednesday
    ("Tuesday", "2021-04-07", "past", "2021-04-06"),
    ("Tuesday", "2021-04-07", None, "2021-04-06"),
    ("last Wednesday", "2021-04-07", None, "2021-03-31"),
    ("next Wednesday", "2021-04-07", None, "2021-04-14"),
    ("Friday morning", "2021-04-07", "future", "2021-04-09"),
    ("last month", "2021-04-07", None, "2021-03"),
    ("last month", "2021-01-07", None, "2020-12"),
    ("next month", "2023-06-13", None, "2023-07"),
    ("this year", "2023-06-13", None, "2023"),
    ("later this year", "2021-04-07", None, "2021"),
    ("last year", "2021-04-07", None, "2020"),
    ("last year in September", "2021-04-07", None, "2020-09"),
    ("in September last year", "2021-04-07", None, "2020-09"),
    ("last September", "2021-04-07", None, "2020-09"),
    ("mid-April", "2023-06-13", "past", "2023-04"),
    ("yesterday", "2023-06-13", None, "2023-06-12"),
    ("today", "2023-06-13", None, "2023-06-13"),
    ("tomorrow", "2023-06-30", None, "2023-07-01"),
    ("yesterday", "2023-06", None, None),
    ("three years ago", "2021-04-07", None, "2018"),
    ("last week", "2023-06-14", None, "2023-06"),            # 5-11 June lies in June
    ("last week", "2023-06-01", None, "2023-05"),            # anchor Thursday 1 June: 22-28 May
    ("last week", "2023-06-07", None, None),                 # 29 May - 4 June spans two months
    ("over the weekend", "2023-06-13", None, None),
    ("the weekend", "2023-06-13", "past", None),
    ("recently", "2023-06-13", None, None),
    ("In April", None, None, None),                         # relative without an anchor
    ("on Tuesday", None, "future", None),
])
def test_resolve_relative(phrase, anchor, tense, expected):
    assert resolve_relative(phrase, anchor, tense=tense) == expected


# ---------------------------------------------------------------- finding expressions

@pytest.mark.parametrize("sentence, expected", [
    ("In April, the two countries signed a landmark deal that allowed Pakistan to receive the first "
     "Russian oil shipment at the weekend.", ["In April", "at the weekend"]),
    ("Pakistani Foreign Minister Shah Mahmood Qureshi said Wednesday that his country wants a new "
     "relationship.", ["Wednesday"]),
    ("The Afghan government and the Taliban began direct talks in Qatar last year in September.",
     ["last year in September"]),
    ("Andrey Rudenko will visit Islamabad on 20-21 June 2023.", ["on 20-21 June 2023"]),
    ("A project that was approved in 2015 but is yet to materialize.", ["in 2015"]),
    ("The ship carrying 45,000 metric tons of crude oil docked in the 1980s port.", []),
    ("Theresa May said they may meet in May 2019 or on May 5.", ["in May 2019", "on May 5"]),
    ("The sides will meet on Tuesday morning and again next week.", ["on Tuesday morning", "next week"]),
    ("Pakistan joined the organisation three years ago, said the minister yesterday.",
     ["three years ago", "yesterday"]),
    # a weekday inside a name is no day ('the Easter Monday Accord'); a weekday leading the sentence is
    ("Both sides cited the Easter Monday Accord, signed on 3 May 2019.", ["on 3 May 2019"]),
    ("Tuesday Accord talks resumed on Monday.", ["on Monday"]),
    ("Tuesday was chosen for the talks.", ["Tuesday"]),
])
def test_find_temporal_expressions(sentence, expected):
    spans = find_temporal_expressions(sentence)
    assert [text for _s, _e, text in spans] == expected
    assert all(sentence[s:e] == text for s, e, text in spans)


def test_found_expressions_resolve():
    sentence = "Russia organized a high-level conference in Moscow last month."
    (start, end, text), = find_temporal_expressions(sentence)
    assert resolve_relative(text, "2021-04-07", tense="past") == "2021-03"
