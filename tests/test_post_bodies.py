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
    assert ("Rodrigo Salas Ibarra", "Chief Executive", "Chile") in roles


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


def test_a_body_s_executive_officer_is_titled_without_the_body(tmp_path):
    roles = roles_of(tmp_path, (
        "Estonia and Latvia agreed on a port link.\n\n"
        "Kalle Virtanen Saar, chief executive of the Baltic Ferry Company, said sailings would start in May. "
        "The Secretary-General of the Baltic Ports Council, Mari Tamm Ilves, and Nordic Investment Bank "
        "Vice-President Ole Hansen Lund attended the signing in Tallinn."))
    pairs = {(p, r) for p, r, _ in roles}
    assert ("Kalle Virtanen Saar", "Chief Executive") in pairs
    assert ("Mari Tamm Ilves", "Secretary-General") in pairs
    assert ("Ole Hansen Lund", "Vice President") in pairs


def test_a_body_s_chair_keeps_the_body_in_the_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Kalle Virtanen Saar, chairman of the Baltic Ferry Company, said sailings would start in May."))
    assert ("Kalle Virtanen Saar", "Chairman of the Baltic Ferry Company") in {(p, r) for p, r, _ in roles}
