"""The organisation an office title heads and the state its officer serves (relgraph.nlp.post_bodies),
on sentences written for these tests (invented people and companies, real states)."""
import pytest

from extraction_helpers import roles_of

pytestmark = pytest.mark.slow


def test_an_acronym_before_a_title_stands_for_the_body_named_in_full_earlier(tmp_path):
    roles = roles_of(tmp_path, (
        "Chile and Peru sign copper deal\n\n"
        "Peru's Andean Copper Holdings and Chile's Pacific Mining Corporation signed a supply deal in Lima. "
        "PMC chief executive Rodrigo Salas Ibarra said the first cargo would leave in June."))
    assert ("Rodrigo Salas Ibarra", "Chief Executive Officer", "Chile") in roles


def test_a_state_of_several_words_in_a_body_s_name_is_its_officer_s_state(tmp_path):
    roles = roles_of(tmp_path, (
        "India and Sri Lanka agreed on rupee trade.\n\n"
        "The Indian minister met Central Bank of Sri Lanka Governor Kamal Perera Silva in Colombo."))
    assert ("Kamal Perera Silva", "Governor", "Sri Lanka") in roles


def test_the_officer_of_a_un_body_serves_no_state(tmp_path):
    roles = roles_of(tmp_path, (
        "Iran and Russia discussed the Bushehr plant.\n\n"
        "IAEA Director General Marco Ferrante Ruiz told reporters in Vienna that inspectors had returned."))
    assert ("Marco Ferrante Ruiz", "Director-General", None) in roles
