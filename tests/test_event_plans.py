"""Planned events (relgraph.nlp.event_plans) on sentences written for these tests."""
import pytest

from extraction_helpers import extract_written
from relgraph.records import Ref

pytestmark = pytest.mark.slow


def events(tmp_path, text: str, type_: str, published: str = "2024-03-14") -> list:
    records = extract_written(tmp_path, text, published)
    return [f for f in records.facts if f.kind == "event" and f.type == type_]


def people(fact) -> set[str]:
    return {r.key for r in fact.participants if r.kind == "person"}


def states(fact) -> set[str]:
    return {r.key for r in fact.participants if r.kind == "state"}


def test_someone_expected_in_a_capital_travels_there_for_talks_with_the_host(tmp_path):
    text = ("Lake Victoria talks\n\nKenyan Foreign Minister Musalia Mudavadi is expected in Kampala next month "
            "for talks with Ugandan Foreign Minister Jeje Odongo, officials said.")
    [visit] = events(tmp_path, text, "Visit")
    assert "Musalia Mudavadi" in people(visit) and [p.key for p in visit.places] == ["Kampala"]
    assert visit.date == "2024-04" and not visit.date_assumed
    [talks] = events(tmp_path, text, "Meeting")
    # the traveller is a side of the talks, which take the trip's time, not the article's month
    assert people(talks) == {"Musalia Mudavadi", "Jeje Odongo"} and talks.date == "2024-04"


def test_expected_results_or_an_expected_signing_are_no_trip(tmp_path):
    text = ("Lake Victoria talks\n\nResults of the Kenyan census are expected in May. Kenyan Foreign Minister "
            "Musalia Mudavadi is expected to sign the accord.")
    assert events(tmp_path, text, "Visit") == []


@pytest.mark.parametrize("sentence", [
    "The joint technical committee is due to meet in Lilongwe next month.",
    "The two energy ministers will meet in Lilongwe next month.",
])
def test_a_group_that_is_due_to_meet_meets_as_the_story_s_two_states(tmp_path, sentence):
    text = ("Power link\n\nZambia and Malawi signed a power-line agreement in Lusaka on Monday. Zambia will export "
            "power to Malawi from 2026. " + sentence)
    planned = [m for m in events(tmp_path, text, "Meeting") if m.date == "2024-04"]
    assert [states(m) for m in planned] == [{"Zambia", "Malawi"}]


def test_a_body_named_with_its_organisation_meets_as_that_organisation(tmp_path):
    text = ("Gulf talks\n\nThe Gulf Cooperation Council foreign ministers will meet in Kuwait City in June, "
            "Qatar's foreign ministry said.")
    [meeting] = events(tmp_path, text, "Meeting")
    assert Ref("organization", "Gulf Cooperation Council") in meeting.participants and meeting.date == "2024-06"


def test_a_minister_alone_or_ministers_discussing_gather_no_one(tmp_path):
    text = ("Power link\n\nZambia and Malawi signed a power-line agreement in Lusaka on Monday. The ministers "
            "discussed tariffs. The minister will meet in Lilongwe next month.")
    assert [m for m in events(tmp_path, text, "Meeting") if m.date == "2024-04"] == []


def test_a_meeting_still_to_come_is_not_the_one_the_story_told(tmp_path):
    text = ("Regional summit\n\nGhanaian President John Mahama and Togolese President Faure Gnassingbé met in "
            "Accra on Monday. The ECOWAS foreign ministers will meet in Abuja.")
    meetings = events(tmp_path, text, "Meeting")
    assert len(meetings) == 2
    [past] = [m for m in meetings if people(m)]
    assert past.date == "2024-03-11"


@pytest.mark.parametrize("sentence", [
    "Trade is set to grow, with leaders meeting in Livingstone in June.",
    "The accord set up a technical committee, which met in Lilongwe in January.",
])
def test_any_leaders_or_a_group_that_met_are_no_planned_meeting(tmp_path, sentence):
    text = "Power link\n\nZambia and Malawi signed a power-line agreement in Lusaka on Monday. " + sentence
    assert [m for m in events(tmp_path, text, "Meeting") if not people(m)] == []
