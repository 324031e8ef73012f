"""Spans NER may type as organisations that their place in the sentence rules out
(relgraph.nlp.not_org_contexts), on sentences written for these tests."""
import pytest
from spacy.tokens import Span

from extraction_helpers import extract_written
from relgraph.nlp.not_org_contexts import (context_reason, counted, cut_inside_a_compound,
                                           names_a_document_by_its_making, occasion_of_a_meeting)
from relgraph.nlp.pipeline import load_nlp

pytestmark = pytest.mark.slow


def span(text: str, words: str) -> Span:
    doc = load_nlp()[0](text)
    start = text.index(words)
    found = doc.char_span(start, start + len(words), label="ORG")
    assert found is not None, words
    return found


def orgs(records) -> set[str]:
    return {ref.key for ref in records.entities if ref.kind == "organization"}


def test_a_name_cut_on_the_first_word_of_a_hyphenated_compound_is_a_fragment():
    text = "They set up a Joint Committee on the Tarsk-Velmor border crossing last year."
    assert cut_inside_a_compound(span(text, "Joint Committee on the Tarsk"))
    assert context_reason(span(text, "Joint Committee on the Tarsk")) == "fragment"
    # a whole name before a spaced dash, or a name that ends before its own hyphenated neighbour's space
    assert not cut_inside_a_compound(span("The Tarsk Mining Board - a regulator - met.", "Tarsk Mining Board"))
    assert not cut_inside_a_compound(span("The Velmor Water Board and the Tarsk-Velmor line.", "Velmor Water Board"))


def test_a_capitalised_plural_counted_by_a_number_word_is_several_people():
    assert counted(span("After the talks the two Leaders witnessed the signing.", "Leaders"))
    assert counted(span("Both Ministers then signed the protocol.", "Ministers"))
    assert not counted(span("The Leaders Forum of Tarsk met on Monday.", "Leaders Forum"))
    assert not counted(span("He thanked Velmoran Railways for the train.", "Railways"))


def test_an_exchange_of_notes_is_a_document_not_a_body():
    text = "Under the Exchange of Letters signed in 2009 the two sides share the field."
    assert names_a_document_by_its_making(span(text, "Exchange of Letters"))
    assert not names_a_document_by_its_making(span("Shares fell on the Tarsk Stock Exchange.", "Tarsk Stock Exchange"))
    assert not names_a_document_by_its_making(span("the Exchange of Tarsk reopened", "Exchange of Tarsk"))


def test_the_gathering_a_meeting_was_held_beside_is_an_event():
    text = "The ministers met on the sidelines of the Velmor Forum in March."
    assert occasion_of_a_meeting(span(text, "Velmor Forum"))
    assert occasion_of_a_meeting(span("They spoke on the margins of the Tarsk Dialogue.", "Tarsk Dialogue"))
    assert not occasion_of_a_meeting(span("The secretary of the Velmor Forum resigned.", "Velmor Forum"))


def test_the_article_reads_none_of_them_as_organisations(tmp_path):
    records = extract_written(tmp_path, (
        "Tarsk and Velmor sign border notes\n\n"
        "TARSK, May 20 - The two Leaders of Ruritania and Westland witnessed the signing of an Exchange of Notes "
        "on the Establishment of a Joint Technical Committee on the Tarsk-Velmor border crossing on Monday. "
        "They had met on the sidelines of the Velmor Business Forum in March.\n"))
    found = orgs(records)
    assert not {"Leaders", "Exchange of Notes", "Velmor Business Forum"} & found, found
    assert not any(name.startswith("Joint Technical Committee") for name in found), found
