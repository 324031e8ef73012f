"""The holder's name beside an office title (relgraph.nlp.post_holders), on sentences written for
these tests (invented people, real states)."""
import pytest

from extraction_helpers import roles_of

pytestmark = pytest.mark.slow


def test_a_surname_after_a_particle_stays_in_the_name_though_it_names_a_city(tmp_path):
    # 'Santos' is a Brazilian city in the gazetteer; after 'dos' it is a surname.
    roles = roles_of(tmp_path, (
        "Angola's Foreign Minister Amadeu dos Santos Correia said Luanda wanted the talks to go on."))
    assert ("Amadeu dos Santos Correia", "Foreign Minister", "Angola") in roles


def test_a_given_name_written_short_does_not_end_the_name(tmp_path):
    # The sentence splitter ends a sentence after 'Ma.'; the name goes on past it.
    roles = roles_of(tmp_path, (
        "Philippine Secretary of Foreign Affairs Ma. Celeste Ramos Duque spoke at the forum. "
        "Celeste Ramos Duque said Manila wanted a code of conduct."))
    assert {r for r in roles if r[0].endswith("Celeste Ramos Duque")} == {
        ("Ma. Celeste Ramos Duque", "Foreign Secretary", "Philippines")}


def test_a_name_beginning_with_an_okina_follows_its_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Tonga's Prime Minister, Dr \u02bbOfa Tupou Vaea, signed the documents in Nuku'alofa."))
    assert ("\u02bbOfa Tupou Vaea", "Prime Minister", "Tonga") in roles


def test_a_name_in_apposition_after_a_long_title_tail_holds_the_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Moldova's Deputy Prime Minister for European and Euro-Atlantic Reintegration, Vadim Rusu Ciobanu, "
        "who joined the talks by video link from Brussels, proposed a review."))
    assert ("Vadim Rusu Ciobanu", "Deputy Prime Minister", "Moldova") in roles
