"""The shape of office titles (relgraph.nlp.posts), on sentences written for these tests."""
from pathlib import Path

import pytest


from extraction_helpers import extract_written, roles_of

pytestmark = pytest.mark.slow



def test_a_long_portfolio_list_is_one_title_with_the_demonym_its_portfolio_names(tmp_path):
    roles = roles_of(tmp_path, (
        "Minister of Foreign Affairs, Worship and Peruvian Expatriates Carlos Mendoza Ruiz met "
        "Chilean officials in Lima on Monday."))
    assert ("Carlos Mendoza Ruiz", "Minister of Foreign Affairs, Worship and Peruvian Expatriates", "Peru") in roles
    assert not any(person.startswith(("Worship", "Expatriates")) for person, _, _ in roles)


def test_a_portfolio_list_stops_at_the_next_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Malta's Minister for Foreign Affairs and Trade and Minister for Defence, Paul Vella Grech, "
        "travelled to Rome."))
    assert ("Paul Vella Grech", "Minister for Foreign Affairs and Trade", "Malta") in roles
    assert ("Paul Vella Grech", "Defence Minister", "Malta") in roles


def test_coordinated_titles_share_the_name_after_them(tmp_path):
    roles = roles_of(tmp_path, (
        "Kenya's Deputy Prime Minister and Minister of Agriculture, Joseph Kamau Njoroge, opened the fair."))
    assert ("Joseph Kamau Njoroge", "Deputy Prime Minister", "Kenya") in roles
    assert ("Joseph Kamau Njoroge", "Minister of Agriculture", "Kenya") in roles


def test_a_portfolio_list_before_a_listed_title_is_part_of_it(tmp_path):
    roles = roles_of(tmp_path, (
        "Polish Transport and Infrastructure Minister Tomasz Wierzbicki met Slovak officials in Bratislava."))
    assert ("Tomasz Wierzbicki", "Transport and Infrastructure Minister", "Poland") in roles


def test_the_head_of_a_named_body_is_titled_with_it(tmp_path):
    roles = roles_of(tmp_path, (
        "Rustam Karimov Nazarov, Chairman of the State Committee for Water Resources of Uzbekistan, "
        "met Kazakh officials in Tashkent."))
    assert ("Rustam Karimov Nazarov", "Chairman of the State Committee for Water Resources of Uzbekistan",
            "Uzbekistan") in roles


def test_a_possessive_state_leaves_the_body_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Deputy Prime Minister Arman Sargsyan Avetik, chairman of Armenia's Commission on Water Security, "
        "travelled to Tbilisi."))
    assert ("Arman Sargsyan Avetik", "Chairman of Commission on Water Security", "Armenia") in roles
    assert not any(person.startswith("Deputy") for person, _, _ in roles)  # the name, not the title


def test_a_plural_title_is_each_listed_name_s_post(tmp_path):
    roles = roles_of(tmp_path, (
        "Foreign Ministers Tomas Petrauskas and Andris Kalnins will meet in Vilnius next week."))
    pairs = {(person, role) for person, role, _ in roles}
    assert {("Tomas Petrauskas", "Foreign Minister"), ("Andris Kalnins", "Foreign Minister")} <= pairs


def test_a_body_title_stops_at_the_next_title_and_leaves_for_state_out(tmp_path):
    roles = roles_of(tmp_path, (
        "Marc Tremblay, President of the Treasury Board for Canada and Minister responsible for "
        "Official Languages, said so."))
    assert ("Marc Tremblay", "President of the Treasury Board", "Canada") in roles


def test_a_title_in_a_relative_clause_belongs_to_the_name_it_describes(tmp_path):
    roles = roles_of(tmp_path, (
        "Italian officials met in Rome. Deputy Prime Minister Marco Bellini Rossi, who is also minister of "
        "transport and tourism, signed the deal."))
    assert ("Marco Bellini Rossi", "Minister of Transport and Tourism", "Italy") in roles


def test_a_title_after_as_belongs_to_the_subject_or_object(tmp_path):
    roles = roles_of(tmp_path, (
        "In Warsaw, Piotr Zielinski, who was sworn in as president of Poland on Monday, spoke. "
        "The ministers agreed to appoint Thomas Becker as secretary general."))
    pairs = {(person, role) for person, role, _ in roles}
    assert ("Piotr Zielinski", "President") in pairs
    assert ("Thomas Becker", "Secretary-General") in pairs


def test_as_after_several_objects_names_no_holder(tmp_path):
    roles = roles_of(tmp_path, (
        "The council named Elena Petrova Ivanova of Bulgaria as director of the Institute, "
        "Jonas Berg Olsen as high commissioner and others."))
    assert not any(person == "Elena Petrova Ivanova" and role == "High Commissioner" for person, role, _ in roles)


def test_a_minister_of_state_for_a_remit_is_titled_with_it(tmp_path):
    roles = roles_of(tmp_path, (
        "The Secretary of State for Northern Ireland, the Rt Hon Graham Whitfield MP, met Irish officials. "
        "Minister of State for Digital Affairs Sara Lindholm Berg attended."))
    pairs = {(person, role) for person, role, _ in roles}
    assert ("Graham Whitfield", "Secretary of State for Northern Ireland") in pairs
    assert ("Sara Lindholm Berg", "Minister of State for Digital Affairs") in pairs


def test_a_rank_before_the_name_is_not_part_of_it(tmp_path):
    roles = roles_of(tmp_path, ("Chief of General Staff, Vice Admiral Budi Santoso, visited Darwin."))
    assert ("Budi Santoso", "Chief of General Staff") in {(person, role) for person, role, _ in roles}


def test_titles_joined_by_a_comma_share_the_name(tmp_path):
    roles = roles_of(tmp_path, (
        "The Togolese Minister of State, Minister of Foreign Affairs, African Integration and the Diaspora, "
        "Mr Koffi Agbeko Mensah, opened the session."))
    pairs = {(person, role) for person, role, _ in roles}
    assert ("Koffi Agbeko Mensah", "Minister of State") in pairs
    assert ("Koffi Agbeko Mensah", "Minister of Foreign Affairs, African Integration and the Diaspora") in pairs


def test_a_president_after_a_body_s_name_is_the_body_s_president(tmp_path):
    roles = roles_of(tmp_path, ("The deal was signed by NATO president Carla Mendes Rocha in Lisbon."))
    assert ("Carla Mendes Rocha", "NATO President", None) in roles


def test_a_rank_before_a_listed_title_is_part_of_it(tmp_path):
    roles = roles_of(tmp_path, (
        "Chen Weiming, Vice Chairman of the National Energy Commission, met Kazakh officials in Astana."))
    assert ("Chen Weiming", "Vice Chairman of the National Energy Commission") in {(p, r) for p, r, _ in roles}


def test_a_body_s_abbreviation_is_not_part_of_the_title(tmp_path):
    roles = roles_of(tmp_path, (
        "The Chairman of the National Water Company (NAWACO), Ahmed Bello Musa, signed for Nigeria."))
    assert {r for p, r, _ in roles if p == "Ahmed Bello Musa"} <= {"Chairman of the National Water Company"}
    assert any(p == "Ahmed Bello Musa" for p, _, _ in roles)


def test_a_lower_case_plural_title_in_apposition_is_each_listed_name_s_post(tmp_path):
    roles = roles_of(tmp_path, (
        "Estonia and Latvia signed a transit plan. The foreign ministers, Kalle Tamm and Janis Ozols, "
        "also signed a consultation plan."))
    pairs = {(person, role) for person, role, _ in roles}
    assert {("Kalle Tamm", "Foreign Minister"), ("Janis Ozols", "Foreign Minister")} <= pairs


def test_a_lower_case_plural_title_without_a_name_list_is_no_post(tmp_path):
    roles = roles_of(tmp_path, "The foreign ministers, who met in Riga, said little.")
    assert not any(role == "Foreign Minister" for _, role, _ in roles)


def test_ranks_glued_to_a_title_by_a_hyphen_are_part_of_it(tmp_path):
    roles = roles_of(tmp_path, (
        "Lim Sovann Dara, Deputy Prime Minister and First Vice-Chairman of the National Rice Council, "
        "met Thai officials in Bangkok."))
    pairs = {(person, role) for person, role, _ in roles}
    assert ("Lim Sovann Dara", "First Vice-Chairman of the National Rice Council") in pairs
    assert not any(person.startswith(("First", "Vice")) for person, _ in pairs)


def test_a_commissioner_for_a_remit_serves_no_state_of_the_story(tmp_path):
    roles = roles_of(tmp_path, (
        "Chile and Belgium signed a lithium accord in Santiago on Monday. Chilean Mining Minister Rosa "
        "Aguilar Soto met Jan Novak Dvorak, the Commissioner for Digital Markets, in Santiago."))
    assert ("Jan Novak Dvorak", "Commissioner", None) in roles


def test_an_executive_secretary_is_a_title_and_not_part_of_the_body_s_name(tmp_path):
    records = extract_written(tmp_path, (
        "A headline about diplomacy\n\n"
        "ECOWAS Executive Secretary Amara Diallo Konte told reporters in Abuja that observers would "
        "travel to the border."))
    roles = {(r.person, r.role, r.state) for r in records.roles}
    assert ("Amara Diallo Konte", "Executive Secretary", None) in roles
    assert not [ref.key for ref in records.entities if ref.kind == "organization" and "Executive" in ref.key]


def test_a_body_name_joined_by_a_slash_is_whole_in_its_officer_s_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Talks were led by Daniel Okello Mwangi, the chairman of the UDF/M19, and by "
        "government envoys in Nairobi."))
    assert {role for person, role, _ in roles if person == "Daniel Okello Mwangi"} == {
        "Chairman of the UDF/M19"}


def test_a_demonym_inside_a_portfolio_list_is_part_of_the_title(tmp_path):
    roles = roles_of(tmp_path, (
        "Mali and Senegal agreed on a rail study.\n\n"
        "The Minister of Foreign Affairs, Regional Cooperation and Malian Nationals Abroad, Oumar Sangare "
        "Diallo, met the press in Dakar."))
    assert ("Oumar Sangare Diallo", "Minister of Foreign Affairs, Regional Cooperation and Malian Nationals Abroad",
            "Mali") in roles


def test_a_portfolio_list_runs_on_over_utilities_and_green_growth(tmp_path):
    roles = roles_of(tmp_path, (
        "Norway and Finland will share the grid costs.\n\n"
        "Finland's Minister for Climate, Energy and Utilities, Aino Virtanen Koski, and the Norwegian "
        "Minister of Trade and Green Growth, Ola Berg Nilsen, signed the plan in Oslo."))
    pairs = {(p, r) for p, r, _ in roles}
    assert ("Aino Virtanen Koski", "Minister for Climate, Energy and Utilities") in pairs
    assert ("Ola Berg Nilsen", "Minister of Trade and Green Growth") in pairs
