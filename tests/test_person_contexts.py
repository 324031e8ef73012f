"""Where a name stands, when that says it is no person: bylines, credits, places, things
(relgraph.nlp.person_contexts). Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from relgraph.articles import Article
from relgraph.nlp.chunks import parse
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.person_contexts import (
    in_credit_or_byline, in_place_context, names_a_thing, names_of_a_states_subject,
)
from relgraph.nlp.pipeline import load_nlp
from relgraph.records import ArticleRecords

pytestmark = pytest.mark.slow


def context(text: str) -> ArticleContext:
    nlp, matchers, gaz, lex = load_nlp()
    article = Article(id="t", source="t.txt", title="t", published="2025-05-06", publisher=None, url=None,
                      raw_text=text, text=text, sha256="0" * 64)
    return ArticleContext(doc=parse(nlp, text), article=article, gaz=gaz, lex=lex,
                          records=ArticleRecords("t"), matchers=matchers)


def span_of(ctx: ArticleContext, words: str):
    start = ctx.text.index(words)
    return ctx.doc.char_span(start, start + len(words))


@pytest.mark.parametrize("text, phrase, credit", [
    ("The ministers shake hands. Photo: Tomas Ruiz\n\nThe talks went well.", "Tomas Ruiz", True),
    ("Anna Kowal, Diplomatic Correspondent\n\nThe talks went well.", "Anna Kowal", True),
    ("By Anna Kowal\n\nThe talks went well.", "Anna Kowal", True),
    ("The ministers shake hands. (AP Photo/Tomas Ruiz)\n\nThe talks went well.", "Tomas Ruiz", True),
    ("The ministers shake hands. REUTERS/Tomas Ruiz\n\nThe talks went well.", "Tomas Ruiz", True),
    ("The ministers shake hands. Tomas Ruiz/AFP\n\nThe talks went well.", "Tomas Ruiz", True),
    ("The talks went well.\n\nReporting by Anna Kowal; Editing by Tomas Ruiz", "Tomas Ruiz", True),
    ("Anna Kowal, the envoy, told reporters the talks went well.", "Anna Kowal", False),
])
def test_bylines_and_photo_credits_are_not_news_text(text, phrase, credit):
    ctx = context(text)
    assert in_credit_or_byline(ctx, span_of(ctx, phrase)) is credit


@pytest.mark.parametrize("text, phrase, place", [
    ("The talks were held in Puerto Lempira on Monday.", "Puerto Lempira", True),
    ("The line will reach the port city of Vinh Hao by 2030.", "Vinh Hao", True),
    ("The deal was praised by Ruth Ochieng on Monday.", "Ruth Ochieng", False),
])
def test_names_standing_where_places_stand_are_places(text, phrase, place):
    ctx = context(text)
    assert in_place_context(ctx, span_of(ctx, phrase)) is place


@pytest.mark.parametrize("text, phrase, place", [
    ("The railway linking Mombasa to Lodwar Junction is due in 2030.", "Lodwar Junction", True),
    ("A new road between Lodwar Junction and Mombasa opened.", "Lodwar Junction", True),
    ("The trains run from Lodwar Junction to Mombasa.", "Lodwar Junction", True),
    ("Officials from Mombasa and Ruth Ochieng met on Monday.", "Ruth Ochieng", False),
    ("Talks in Mombasa with Ruth Ochieng ended.", "Ruth Ochieng", False),
    ("A visit by Ruth Ochieng to Mombasa was planned.", "Ruth Ochieng", False),
])
def test_names_joined_to_a_known_city_are_places(text, phrase, place):
    ctx = context(text)
    assert in_place_context(ctx, span_of(ctx, phrase)) is place


@pytest.mark.parametrize("text, phrase, thing", [
    ("Engineers inspected the idle Simon Bolivar gas pipeline on Monday.", "Simon Bolivar", True),
    ("Engineers met Ruth Ochieng on Monday.", "Ruth Ochieng", False),
    ("Ruth Ochieng supporters gathered on Monday.", "Ruth Ochieng", False),
    ("Farmers fear Kora Banda canal will drain the delta", "Kora Banda", True),  # a headline: no article
    ("Villagers protested as Moro Tessa dam filled.", "Moro Tessa", True),
])
def test_a_name_modifying_a_noun_after_an_article_names_a_thing(text, phrase, thing):
    ctx = context(text)
    assert names_a_thing(ctx, span_of(ctx, phrase)) is thing


@pytest.mark.parametrize("text, phrase, place", [
    ("A second line linking Kisumu with Lodwar Junction is planned.", "Lodwar Junction", True),
    ("The cable connecting Puerto Lempira to the grid opened.", "Puerto Lempira", True),
    ("The ministers thanked Ruth Ochieng for the talks.", "Ruth Ochieng", False),
])
def test_what_a_line_links_or_connects_is_a_place(text, phrase, place):
    ctx = context(text)
    assert in_place_context(ctx, span_of(ctx, phrase)) is place



def test_a_states_possessive_before_an_unlabelled_subject_is_a_person():
    from relgraph.nlp.people import extract_people

    ctx = context("Mali's foreign minister spoke first, and Niger's Issaka Dan Mahamane also attended.")
    ctx.doc.ents = [e for e in ctx.doc.ents if e.label_ != "PERSON"]  # as when the NER misses the name
    assert [s.text for s in names_of_a_states_subject(ctx)] == ["Issaka Dan Mahamane"]
    extract_people(ctx)
    assert "Issaka Dan Mahamane" in {ref.key for ref in ctx.records.entities if ref.kind == "person"}


def test_a_states_possessive_before_a_thing_is_no_person():
    ctx = context("Kenya's Lake Turkana Wind farm supplies power.")
    assert names_of_a_states_subject(ctx) == []
