"""Posts and the names of their holders, on sentences written for these tests (other states, other shapes)."""
import pytest

from extraction_helpers import roles_of

pytestmark = pytest.mark.slow



def test_company_officers_are_posts(tmp_path):
    roles = roles_of(tmp_path, (
        "The deal was signed by Zambia's Zesco chief executive Victor Mundende Banda "
        "and Malawi's central bank governor, Grace Phiri Mwale."))
    assert ("Victor Mundende Banda", "Chief Executive", "Zambia") in roles
    assert ("Grace Phiri Mwale", "Central Bank Governor", "Malawi") in roles


def test_a_vice_minister_of_foreign_affairs_is_a_deputy_foreign_minister(tmp_path):
    roles = roles_of(tmp_path, (
        "Peruvian Vice Minister of Foreign Affairs Lucia Herrera Quispe travelled to La Paz."))
    assert ("Lucia Herrera Quispe", "Deputy Foreign Minister", "Peru") in roles


def test_a_coordinating_minister_keeps_the_rank_in_the_title(tmp_path):
    roles = roles_of(tmp_path, (
        "The pact was signed by Malaysia's coordinating minister for economic affairs, Ahmad Zulkifli Rahman."))
    assert ("Ahmad Zulkifli Rahman", "Coordinating Minister for Economic Affairs", "Malaysia") in roles


def test_chairman_is_kept_as_written(tmp_path):
    roles = roles_of(tmp_path, ("Georgian Railways chairman Davit Beridze Kapanadze said the line would open."))
    assert {role for person, role, _ in roles if person == "Davit Beridze Kapanadze"} == {"Chairman"}


def test_a_hyphenated_name_after_a_title_is_read_whole(tmp_path):
    roles = roles_of(tmp_path, (
        "Minister of Water and Irrigation Khaled Al-Masri met Syrian officials in Amman."))
    assert ("Khaled Al-Masri", "Minister of Water and Irrigation") in {(person, role) for person, role, _ in roles}
    assert not any(person == "Khaled Al" for person, _, _ in roles)


def test_the_second_of_two_appositive_titles_is_the_name_s_too(tmp_path):
    roles = roles_of(tmp_path, (
        "Giorgi Kapanadze Beridze, Georgia's First Deputy Prime Minister and Minister of Economy and "
        "Sustainable Development, attended."))
    assert ("Giorgi Kapanadze Beridze", "First Deputy Prime Minister", "Georgia") in roles
    assert ("Giorgi Kapanadze Beridze", "Minister of Economy and Sustainable Development", "Georgia") in roles


def test_two_name_particles_run_into_the_name(tmp_path):
    roles = roles_of(tmp_path, (
        "The delegation was led by the Undersecretary of Foreign Affairs, Ana de la Vega Morales, "
        "who met Peruvian officials."))
    assert ("Ana de la Vega Morales", "Deputy Foreign Minister") in {(p, r) for p, r, _ in roles}


def test_an_initial_begins_a_name(tmp_path):
    roles = roles_of(tmp_path, ("Indian Finance Minister Dr. R. Paudel Sharma arrived in Dhaka on Monday."))
    assert ("R. Paudel Sharma", "Finance Minister", "India") in roles


def test_a_regnal_number_stays_in_the_name(tmp_path):
    roles = roles_of(tmp_path, ("Belgian King Albert III received the envoy in Brussels."))
    assert ("Albert III", "King", "Belgium") in roles


def test_a_remit_after_for_is_skipped_before_the_name(tmp_path):
    roles = roles_of(tmp_path, (
        "Tokyo's special envoy for Central Asia, Kenji Watanabe, said Japan would help."))
    assert ("Kenji Watanabe", "Special Envoy", "Japan") in roles


def test_a_body_name_closed_by_its_abbreviation_is_skipped_before_the_name(tmp_path):
    roles = roles_of(tmp_path, (
        "It was signed by the Chairman of the Office du Niger (ODN), Mr Amadou Traore Keita."))
    assert ("Amadou Traore Keita", "Chairman of the Office du Niger") in {(p, r) for p, r, _ in roles}


def test_a_title_that_is_a_given_name_after_an_apposition_comma_is_no_second_post(tmp_path):
    roles = roles_of(tmp_path, (
        "Omani officials met in Muscat. The fund's chief executive, Sultan Nasser Al-Hamdan, said the "
        "loan was approved."))
    assert not any(role == "Sultan" for _, role, _ in roles)
    assert any(role == "Chief Executive" for _, role, _ in roles)


def test_a_title_that_is_a_given_name_still_titles_a_ruler_on_its_own(tmp_path):
    roles = roles_of(tmp_path, "Sultan Haitham bin Tarik received the Indian envoy in Muscat.")
    assert any(role == "Sultan" for _, role, _ in roles)


def test_police_and_island_portfolios_make_minister_titles(tmp_path):
    roles = roles_of(tmp_path, (
        "Jon Brown, Australia's Minister for Pacific Island Affairs, held talks with Fiji's Minister of "
        "Police, Sione Latu, in Suva."))
    assert ("Jon Brown", "Minister for Pacific Island Affairs", "Australia") in roles
    assert ("Sione Latu", "Minister of Police", "Fiji") in roles


def test_an_emigrants_portfolio_runs_into_the_title_before_the_name(tmp_path):
    roles = roles_of(tmp_path, (
        "Lebanon's Minister of Foreign Affairs and Emigrants Karim Haddad signed the accord in Beirut."))
    assert ("Karim Haddad", "Minister of Foreign Affairs and Emigrants", "Lebanon") in roles


def test_malaysian_forms_of_address_are_skipped_before_the_name(tmp_path):
    roles = roles_of(tmp_path, (
        "Malaysian officials met in Putrajaya. Foreign Minister Datuk Seri Utama Ahmad Zaki said so."))
    assert ("Ahmad Zaki", "Foreign Minister", "Malaysia") in roles


def test_a_lower_case_plural_title_is_shared_by_the_names_after_it(tmp_path):
    roles = roles_of(tmp_path, (
        "The accord, launched by prime ministers Arvo Lindqvist and Tomas Berglund in 1994, still holds."))
    assert ("Arvo Lindqvist", "Prime Minister", None) in roles
    assert ("Tomas Berglund", "Prime Minister", None) in roles


def test_each_name_of_a_plural_title_keeps_the_state_after_it(tmp_path):
    roles = roles_of(tmp_path, (
        "The protocol was signed by Deputy Prime Ministers Arvo Lindqvist of Estonia "
        "and Tomas Berglund of Sweden on Monday."))
    assert ("Arvo Lindqvist", "Deputy Prime Minister", "Estonia") in roles
    assert ("Tomas Berglund", "Deputy Prime Minister", "Sweden") in roles


def test_a_form_of_address_does_not_end_a_plural_titles_list(tmp_path):
    roles = roles_of(tmp_path, (
        "The treaty that Prime Ministers Kamala Rao and Sheikh Abdul Karim signed in 1975 still holds."))
    assert ("Kamala Rao", "Prime Minister", None) in roles
    assert any(person.endswith("Abdul Karim") and role == "Prime Minister" for person, role, _ in roles)


def test_an_analyst_is_a_post_of_no_state(tmp_path):
    roles = roles_of(tmp_path, (
        "Peru and Chile signed the accord. \"It is a fragile truce,\" said Ana Souto Rivera, a senior analyst "
        "at the Andean Policy Institute, a think tank based in Lima."))
    assert ("Ana Souto Rivera", "Senior Analyst", None) in roles


def test_a_head_of_mission_is_a_post_of_the_state_named_before_it(tmp_path):
    roles = roles_of(tmp_path, "Peru and Chile signed the accord. Chile's Head of Mission in Lima, Ana Souto Rivera, attended.")
    assert ("Ana Souto Rivera", "Head of Mission", "Chile") in roles


def test_words_between_a_title_and_its_holder_in_apposition_end_the_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Chile's Minister of Housing and Urban Renewal, Tomás Errázuriz Vial, met Peruvian officials in "
        "Lima. The Minister of Water and Blue Economy, Hon. Amina Wanjiru Otieno, spoke in Nairobi."))
    pairs = {(person, role) for person, role, _ in roles}
    assert ("Tomás Errázuriz Vial", "Minister of Housing and Urban Renewal") in pairs
    assert any(person == "Amina Wanjiru Otieno" for person, _ in pairs)
    assert not any(person in ("Renewal", "Urban Renewal", "Blue Economy") for person, _ in pairs)


def test_a_place_after_the_holder_s_name_is_the_holder_s_state(tmp_path):
    roles = roles_of(tmp_path, (
        "Angola and Zambia signed a rail deal in Luanda on Monday. Angola hosted the ceremony. "
        "Zambia's Foreign Minister Mary Phiri Banda and President Kwame Osei Boateng of Ghana attended."))
    assert ("Kwame Osei Boateng", "President", "Ghana") in roles


def test_a_chief_executive_is_titled_as_written_with_or_without_officer(tmp_path):
    roles = roles_of(tmp_path, (
        "Norway and Iceland signed the cable deal. Statnord chief executive Lars Holm Berg and Islandsnet "
        "chief executive officer Anna Sigurdardottir Helga attended the signing in Oslo."))
    pairs = {(p, r) for p, r, _ in roles}
    assert ("Lars Holm Berg", "Chief Executive") in pairs
    assert ("Anna Sigurdardottir Helga", "Chief Executive Officer") in pairs
