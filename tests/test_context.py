"""relgraph.nlp.context: the tense of the clause that dates an event."""
from __future__ import annotations

import pytest

from relgraph.nlp.context import clean_name, in_present
from relgraph.nlp.pipeline import load_nlp


def token(sentence: str, word: str):
    doc = load_nlp()[0](sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("sentence, word, expected", [
    ("The envoy flies on to Suva on Friday to meet the premier.", "flies", True),
    ("On Thursday, the envoy is to open the new consulate.", "open", True),
    ("The envoy flew on to Suva on Friday.", "flew", False),
    ("The envoy has opened the consulate on Friday.", "opened", False),
    ("The talks on Friday were useful, the envoy said.", "talks", False),
    # a purpose clause takes its tense from the verb it depends on
    ("The envoy flies to Suva on Friday to meet the premier.", "meet", True),
    ("The envoy flew to Suva on Friday to meet the premier.", "meet", False),
])
def test_in_present(sentence, word, expected):
    assert in_present(token(sentence, word)) is expected


def test_a_trip_told_in_the_present_is_dated_on_the_coming_weekday(tmp_path):
    import json

    from relgraph.articles import iter_articles
    from relgraph.nlp.extract import extract_article
    path = tmp_path / "a.txt"
    path.write_text("Australian Foreign Minister Jane Hart flies on to Fiji on Saturday to meet "
                    "Fijian Prime Minister Tomasi Vuli.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "t", "published": "2024-03-14"}))  # a Thursday
    [item] = list(iter_articles([path]))
    dated = {f.date for f in extract_article(item).facts if f.kind == "event"}
    assert "2024-03-16" in dated and "2024-03-09" not in dated


@pytest.mark.parametrize("sentence, word, expected", [
    # a clause on a name in the event's phrase tells of that person, not of the talks
    ("The statement came after talks between Chilean President Ana Soto and her Peruvian counterpart "
     "Luis Vera, who arrived in Lima on Monday.", "talks", False),
    # a clause on the event noun itself dates it
    ("The talks, which opened in Lima on Monday, covered trade.", "talks", True),
])
def test_a_relative_clause_on_a_name_does_not_date_the_event(sentence, word, expected):
    from relgraph.nlp.context import _other_clause
    trigger = token(sentence, word)
    monday = next(t for t in trigger.doc if t.text == "Monday")
    assert (not _other_clause(monday, trigger)) is expected


def test_an_all_capital_dr_is_part_of_a_name_not_an_honorific():
    assert clean_name("DR Congo") == "DR Congo"
    assert clean_name("Dr Ann Roe") == "Ann Roe" and clean_name("Dr. Ann Roe") == "Ann Roe"


def test_a_date_closing_the_sentence_keeps_the_clause_it_sits_in(tmp_path):
    # 'in July.' before a paragraph break: with the full stop in the date's span, the stop (hung on the
    # main verb, the break hung on it) would be the span's root, and the 'since' clause bounding an
    # interval would be missed
    import json

    from relgraph.articles import iter_articles
    from relgraph.nlp.extract import extract_article
    path = tmp_path / "a.txt"
    path.write_text("Border\n\nElmer Schialer, who drove across the border from Tacna for the afternoon, was "
                    "making his first visit to Chile since Kast replaced Boric as president in July.\n\n"
                    "The talks in Santiago went well.\n",
                    encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "t", "published": "2024-08-22"}))
    [item] = list(iter_articles([path]))
    visits = [f for f in extract_article(item).facts if f.kind == "event" and f.type == "Visit"]
    assert visits and all(v.date == "2024-08" and v.date_assumed for v in visits)
