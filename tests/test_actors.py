"""States read from hyphenated compounds (relgraph.nlp.actors), on sentences written for these tests."""
import pytest

from extraction_helpers import extract_written

pytestmark = pytest.mark.slow


def test_a_two_word_state_before_a_hyphen_is_one_party_of_a_named_treaty(tmp_path):
    records = extract_written(tmp_path, (
        "Viet Nam and Korea review trade\n\n"
        "Officials said the Viet Nam-Korea Free Trade Agreement, which took effect in 2015, had doubled "
        "trade between the two countries."))
    [deal] = [f for f in records.facts if f.kind == "agreement"]
    assert {p.key for p in deal.participants} == {"Vietnam", "South Korea"}
