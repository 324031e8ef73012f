"""Event rules (relgraph.nlp.events, relgraph.nlp.event_actors) on sentences written for these tests."""
import json
from pathlib import Path

import pytest

from relgraph.articles import Article, iter_articles
from relgraph.nlp.extract import extract_article
from relgraph.records import Ref

pytestmark = pytest.mark.slow


def article(tmp_path: Path, text: str, published: str | None = "2024-03-14") -> Article:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    if published:
        (tmp_path / "a.meta.json").write_text(json.dumps({"title": "t", "published": published}))
    [item] = list(iter_articles([path]))
    assert isinstance(item, Article), item
    return item


def events(tmp_path: Path, text: str, type_: str, published: str | None = "2024-03-14") -> list:
    rec = extract_article(article(tmp_path, text, published))
    return [f for f in rec.facts if f.kind == "event" and f.type == type_]


def people(fact) -> set[str]:
    return {r.key for r in fact.participants if r.kind == "person"}


@pytest.mark.parametrize("sentence", [
    "Chilean President Gabriel Boric received Peruvian Foreign Minister Javier González-Olaechea in Santiago on Tuesday.",
    "Peruvian Foreign Minister Javier González-Olaechea was received by Chilean President Gabriel Boric in Santiago on Tuesday.",
])
def test_a_reception_is_a_meeting_of_host_and_guest(tmp_path, sentence):
    meetings = events(tmp_path, "Andean diplomacy\n\n" + sentence, "Meeting")
    assert any(people(m) == {"Gabriel Boric", "Javier González-Olaechea"} for m in meetings)
    [meeting] = [m for m in meetings if "Gabriel Boric" in people(m)]
    assert meeting.date == "2024-03-12" and [p.key for p in meeting.places] == ["Santiago"]


def test_a_host_welcoming_a_step_meets_nobody(tmp_path):
    text = "Border talks\n\nArmenia and Azerbaijan agreed on a border section. Baku welcomed the step on Friday."
    assert events(tmp_path, text, "Meeting") == []


def test_a_courtesy_call_is_a_meeting(tmp_path):
    text = ("Gulf tour\n\nOmani Foreign Minister Badr Albusaidi paid a courtesy call on Kuwaiti Prime "
            "Minister Ahmad Abdullah on Monday.")
    [meeting] = events(tmp_path, text, "Meeting")
    assert people(meeting) == {"Badr Albusaidi", "Ahmad Abdullah"}


@pytest.mark.parametrize("sentence", [
    "Danish Foreign Minister Lars Løkke Rasmussen told reporters that the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen told the Ritzau news agency that the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen wrote on X that the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen welcomed the talks in a post on X.",
    "Danish Foreign Minister Lars Løkke Rasmussen addressed the opening session of the forum.",
])
def test_statements_told_to_the_press_posted_or_delivered_as_speeches(tmp_path, sentence):
    [statement] = events(tmp_path, "Nordic talks\n\n" + sentence, "Statement")
    assert people(statement) == {"Lars Løkke Rasmussen"}
    assert Ref("state", "Denmark") in statement.participants


@pytest.mark.parametrize("sentence", [
    "Danish Foreign Minister Lars Løkke Rasmussen, speaking to journalists in Copenhagen, said the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen, speaking in Parliament, said the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen, replying in the House, said the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen said in a televised interview that the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen praised the talks in a post on his Truth Social platform.",
])
def test_remarks_to_the_press_in_a_legislature_in_an_interview_or_on_an_account(tmp_path, sentence):
    [statement] = events(tmp_path, "Nordic talks\n\n" + sentence, "Statement")
    assert people(statement) == {"Lars Løkke Rasmussen"}


@pytest.mark.parametrize("sentence", [
    "Danish Foreign Minister Lars Løkke Rasmussen, speaking in the Nordic House in Reykjavik, said the talks had been useful.",
    "Danish Foreign Minister Lars Løkke Rasmussen spoke with his Swedish colleague about the plan.",
    "Danish Foreign Minister Lars Løkke Rasmussen waited on the platform of the central station.",
])
def test_speaking_in_a_building_with_a_colleague_or_standing_on_a_platform_is_no_statement(tmp_path, sentence):
    assert events(tmp_path, "Nordic talks\n\n" + sentence, "Statement") == []


def test_telling_a_colleague_is_no_statement(tmp_path):
    text = "Nordic talks\n\nDanish Foreign Minister Lars Løkke Rasmussen told his Swedish colleague about the plan."
    assert events(tmp_path, text, "Statement") == []


def test_a_message_is_a_statement_when_said_in_it_not_when_delivered(tmp_path):
    said = ("Energy supply\n\nAlgerian Energy Minister Mohamed Arkab said in a message broadcast by public "
            "radio that supplies would continue.")
    [statement] = events(tmp_path, said, "Statement")
    assert people(statement) == {"Mohamed Arkab"}
    delivered = ("Energy supply\n\nAlgerian Energy Minister Mohamed Arkab delivered a written message from "
                 "the president to his Tunisian hosts.")
    assert events(tmp_path, delivered, "Statement") == []


def test_a_press_conference_may_have_a_single_speaker(tmp_path):
    text = ("Budget row\n\nGovernment spokeswoman Maria Vieira told a news conference in Lisbon on Friday "
            "that the budget would pass.")
    [conference] = events(tmp_path, text, "PressConference")
    assert people(conference) == {"Maria Vieira"} and conference.date == "2024-03-08"


@pytest.mark.parametrize("sentence, place, date", [
    ("Mexican Foreign Minister Alicia Bárcena is expected to visit Ottawa.", "Ottawa", None),
    ("Mexican Foreign Minister Alicia Bárcena accepted an invitation to visit Ottawa next month.", "Ottawa", "2024-04"),
    ("Mexican Foreign Minister Alicia Bárcena will travel to Ottawa next week.", "Ottawa", "2024-03"),
])
def test_planned_visits_are_visits_dated_only_by_the_text(tmp_path, sentence, place, date):
    visits = events(tmp_path, "North American diplomacy\n\n" + sentence, "Visit")
    [visit] = [v for v in visits if v.places and v.places[0].key == place]
    assert "Alicia Bárcena" in people(visit) and visit.date == date and not visit.date_assumed


def test_a_visit_without_a_place_keeps_its_named_visitor(tmp_path):
    text = ("Trade mission\n\nCocoa prices dominated the agenda of a state visit that Ghanaian President "
            "John Mahama began on Wednesday.")
    [visit] = events(tmp_path, text, "Visit")
    assert people(visit) == {"John Mahama"} and visit.places == []


def test_the_visit_that_frames_a_clause_is_no_new_visit(tmp_path):
    text = ("Trade mission\n\nGhanaian President John Mahama arrived in Abuja on Monday. On the sidelines "
            "of the visit, Ghanaian Trade Minister Elizabeth Ofosu-Adjare signed a customs deal.")
    visits = events(tmp_path, text, "Visit")
    assert {p for v in visits for p in people(v)} == {"John Mahama"}


def test_after_the_meeting_adds_no_meeting(tmp_path):
    text = ("Gas talks\n\nPolish Foreign Minister Radosław Sikorski met Norwegian Foreign Minister Espen Barth "
            "Eide in Oslo on Monday. After the meeting, Sikorski called the pipeline safe.")
    meetings = events(tmp_path, text, "Meeting")
    assert len(meetings) == 1 and people(meetings[0]) == {"Radosław Sikorski", "Espen Barth Eide"}


def test_his_talks_with_someone_are_the_subjects_talks(tmp_path):
    text = ("Alpine neighbours\n\nAustrian Foreign Minister Alexander Schallenberg met Swiss Foreign Minister "
            "Ignazio Cassis in Bern. Schallenberg, who is also in charge of European affairs, said his talks "
            "with Cassis had covered energy.")
    meetings = events(tmp_path, text, "Meeting")
    assert any(people(m) == {"Alexander Schallenberg", "Ignazio Cassis"} for m in meetings)


def test_a_bare_surname_after_a_quote_is_the_person_named_before(tmp_path):
    text = ("Lake Victoria talks\n\nKenyan President William Ruto arrived in Kampala on Monday. \"The railway "
            "will carry our coffee to the sea within three years,\" Ruto told a joint press conference with "
            "Museveni after the ceremony.")
    [conference] = events(tmp_path, text, "PressConference")
    assert "William Ruto" in people(conference)


def test_a_reception_and_talks_of_the_same_two_people_are_one_meeting(tmp_path):
    text = ("Andean diplomacy\n\nChilean President Gabriel Boric received Peruvian President Dina Boluarte "
            "in Santiago on Tuesday. Talks between Boric and Boluarte covered migration.")
    meetings = events(tmp_path, text, "Meeting")
    assert len(meetings) == 1 and people(meetings[0]) == {"Gabriel Boric", "Dina Boluarte"}


def test_a_keynote_address_framing_a_call_is_a_statement(tmp_path):
    text = ("Climate summit\n\nIn a keynote address on Monday, Fijian Prime Minister Sitiveni Rabuka urged "
            "richer nations to pay for sea walls.")
    [statement] = events(tmp_path, text, "Statement")
    assert people(statement) == {"Sitiveni Rabuka"}


def test_the_speaker_of_a_message_is_the_sayer_not_the_broadcaster(tmp_path):
    text = ("Energy supply\n\nAlgerian Energy Minister Mohamed Arkab said in a message broadcast on national "
            "television that gas supplies would not stop.")
    [statement] = events(tmp_path, text, "Statement")
    assert people(statement) == {"Mohamed Arkab"}


def test_people_expected_to_meet_are_the_meetings_participants(tmp_path):
    text = ("Caucasus talks\n\nGeorgian Foreign Minister Ilia Darchiashvili and Armenian Foreign Minister "
            "Ararat Mirzoyan are expected to meet in Tbilisi next month, officials said.")
    [meeting] = events(tmp_path, text, "Meeting")
    assert people(meeting) == {"Ilia Darchiashvili", "Ararat Mirzoyan"}
    assert meeting.date == "2024-04" and [p.key for p in meeting.places] == ["Tbilisi"]


def test_whoever_represents_a_state_at_a_summit_attends_it(tmp_path):
    text = ("Summit attendance\n\nJapanese Prime Minister Fumio Kishida will represent Japan at the summit "
            "in Lima in November.")
    [meeting] = events(tmp_path, text, "Meeting")
    assert "Fumio Kishida" in people(meeting) and meeting.date == "2024-11"


def test_a_host_alone_tells_a_meeting_it_will_host(tmp_path):
    text = "Reparations\n\nKenyan President William Ruto said Nairobi would host a follow-up conference next year."
    [meeting] = events(tmp_path, text, "Meeting")
    assert Ref("state", "Kenya") in meeting.participants and meeting.date == "2025"


def test_a_group_agreed_to_be_convened_meets_in_the_future(tmp_path):
    # published in July: 'in August' agreed on is the coming August, not the last one
    text = ("Mining ties\n\nChile and Peru agreed to convene a joint mining working group in Lima in August.")
    [meeting] = events(tmp_path, text, "Meeting", published="2025-07-03")
    assert {r.key for r in meeting.participants} >= {"Chile", "Peru"} and meeting.date == "2025-08"


def test_someone_due_in_a_capital_is_a_planned_visit(tmp_path):
    text = ("Tariff talks\n\nCanadian Finance Minister François-Philippe Champagne is due in Washington "
            "next Tuesday for talks.")
    visits = events(tmp_path, text, "Visit", published="2024-03-14")
    [visit] = [v for v in visits if v.places and v.places[0].key == "Washington"]
    assert "François-Philippe Champagne" in people(visit) and visit.date == "2024-03-19"


@pytest.mark.parametrize("sentence", [
    "Colombian President Gustavo Petro and Ecuadorian President Daniel Noboa did not hold a bilateral meeting.",
    "No talks took place between Colombian President Gustavo Petro and Ecuadorian President Daniel Noboa.",
])
def test_a_denied_meeting_is_no_event(tmp_path, sentence):
    assert events(tmp_path, "Summit chill\n\n" + sentence, "Meeting") == []


def test_a_gathering_named_by_its_kind_is_a_meeting(tmp_path):
    text = ("Benelux ties\n\nThe plan was launched at the Belgium-Netherlands Summit in Antwerp in January, "
            "when Belgian Prime Minister Alexander De Croo and Dutch Prime Minister Mark Rutte met.")
    meetings = events(tmp_path, text, "Meeting", published="2024-03-14")
    assert any(m.places and m.places[0].key == "Antwerp" and m.date == "2024-01" for m in meetings)


def test_a_hotel_named_summit_is_no_meeting(tmp_path):
    text = "Hotel news\n\nThe Summit Hotel in Antwerp reopened on Monday after repairs."
    assert events(tmp_path, text, "Meeting") == []


def test_what_happened_at_a_summit_dates_it(tmp_path):
    text = ("Benelux ties\n\nMinisters reviewed the programme launched at the summit of Belgian Prime Minister "
            "Alexander De Croo and Dutch Prime Minister Mark Rutte in Antwerp in January.")
    meetings = events(tmp_path, text, "Meeting", published="2024-03-14")
    assert [m.date for m in meetings] == ["2024-01"]


def test_an_invitation_accepted_to_visit_is_planned_and_undated(tmp_path):
    text = ("Gulf ties\n\nNorwegian Foreign Minister Espen Barth Eide met Qatari officials in Oslo on Monday. "
            "Eide accepted an invitation from the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, to visit Doha, "
            "the Norwegian side said.")
    visits = events(tmp_path, text, "Visit")
    [visit] = [v for v in visits if v.places and v.places[0].key == "Doha"]
    assert visit.date is None and not visit.date_assumed


def test_people_named_with_the_summit_join_the_one_summit(tmp_path):
    text = ("Andean summit\n\nPeruvian President Dina Boluarte used the summit to call for lower tariffs. "
            "Colombian President Gustavo Petro and Ecuadorian President Daniel Noboa also attended the summit.")
    meetings = events(tmp_path, text, "Meeting")
    assert len(meetings) == 1
    assert people(meetings[0]) == {"Dina Boluarte", "Gustavo Petro", "Daniel Noboa"}


def states(fact) -> set[str]:
    return {r.key for r in fact.participants if r.kind == "state"}


@pytest.mark.parametrize("sentence", [
    "Peruvian President Dina Boluarte spoke by telephone with Colombian President Gustavo Petro on Monday.",
    "Peruvian President Dina Boluarte and Colombian President Gustavo Petro held a phone call on Monday.",
])
def test_a_call_between_two_leaders_is_a_consultation(tmp_path, sentence):
    calls = events(tmp_path, "Andean diplomacy\n\n" + sentence, "Consultation")
    assert any({"Dina Boluarte", "Gustavo Petro"} <= people(c) for c in calls)


def test_a_leader_who_speaks_to_reporters_by_the_road_holds_no_call(tmp_path):
    text = "Andean diplomacy\n\nPeruvian President Dina Boluarte spoke with reporters in Lima on Monday."
    assert events(tmp_path, text, "Consultation") == []


def test_a_plan_of_consultations_is_a_document_not_a_meeting(tmp_path):
    text = ("Andean diplomacy\n\nPeruvian Foreign Minister Javier González-Olaechea and Chilean Foreign Minister "
            "Alberto van Klaveren signed a plan of consultations between the two ministries for 2025.")
    assert events(tmp_path, text, "Consultation") == []


def test_one_person_meeting_unnamed_locals_is_no_meeting(tmp_path):
    text = ("Andean diplomacy\n\nEcuadorian President Daniel Noboa will meet regional business leaders "
            "in Guayaquil on Friday.")
    assert events(tmp_path, text, "Meeting") == []


def test_a_pronoun_subject_is_the_second_side_of_a_meeting(tmp_path):
    text = ("Andean diplomacy\n\nColombian President Gustavo Petro arrived in Lima on Monday. "
            "He later met Peruvian Prime Minister Gustavo Adrianzén at the Government Palace.")
    meetings = events(tmp_path, text, "Meeting")
    assert any("Gustavo Adrianzén" in people(m) for m in meetings)


def test_talks_with_a_partner_tell_a_meeting_even_with_the_visitor_unnamed(tmp_path):
    text = ("Andean diplomacy\n\nThe minister travelled to Bogota last week for talks with Colombian "
            "President Gustavo Petro on the border.")
    meetings = events(tmp_path, text, "Meeting")
    assert any("Gustavo Petro" in people(m) for m in meetings)


def test_the_host_of_a_meeting_already_told_adds_no_meeting(tmp_path):
    text = ("Andean diplomacy\n\nPeru and Bolivia held talks on water rights in Santiago on Tuesday. "
            "Chile's Foreign Minister Alberto van Klaveren, who hosted the meeting, said the talks had been useful.")
    meetings = events(tmp_path, text, "Meeting")
    assert meetings and not any(people(m) == {"Alberto van Klaveren"} for m in meetings)


def test_a_meeting_whose_place_a_leader_will_host_needs_no_second_name(tmp_path):
    text = ("Andean diplomacy\n\nThe leaders agreed to draft a charter to be adopted at next year's meeting in "
            "Lima, which Peruvian President Dina Boluarte will host.")
    meetings = events(tmp_path, text, "Meeting")
    assert any("Dina Boluarte" in people(m) for m in meetings)


def test_a_trip_told_in_the_present_is_still_to_come(tmp_path):
    text = ("Andean diplomacy\n\nPeruvian Foreign Minister Javier González-Olaechea flies on to Quito on Friday "
            "to meet Ecuadorian President Daniel Noboa.")
    rec = extract_article(article(tmp_path, text, "2024-03-14"))
    trips = [f for f in rec.facts if f.kind == "event" and f.type in ("Visit", "Meeting")]
    assert trips and all(f.date == "2024-03-15" for f in trips)


def test_a_host_receives_the_visitor_but_does_not_visit(tmp_path):
    text = ("Andean diplomacy\n\nChilean President Gabriel Boric hosted Peruvian President Dina Boluarte "
            "in Santiago on Tuesday.")
    [visit] = events(tmp_path, text, "Visit")
    assert people(visit) == {"Dina Boluarte"}
    assert {"Chile", "Peru"} <= states(visit)


def test_his_talks_in_what_a_minister_says_are_the_ministers(tmp_path):
    text = ("Andean diplomacy\n\nColombian President Gustavo Petro arrived in Lima on Monday. "
            "Peruvian Foreign Minister Elmer Schialer, who is also a former ambassador, said his talks with Petro "
            "had covered trade and migration.")
    meetings = events(tmp_path, text, "Meeting")
    assert any(people(m) == {"Elmer Schialer", "Gustavo Petro"} for m in meetings)


def test_talks_between_the_two_delegations_are_the_stories_two_states(tmp_path):
    text = ("Andean water\n\nPeru and Bolivia signed a protocol on Lake Titicaca on Wednesday. The protocol "
            "was signed in Puno at the end of two days of talks between the two delegations.")
    meetings = events(tmp_path, text, "Meeting")
    assert any(states(m) == {"Peru", "Bolivia"} for m in meetings)


def test_a_minister_expected_to_return_to_a_capital_plans_a_visit(tmp_path):
    text = ("Andean diplomacy\n\nPeruvian Foreign Minister Elmer Schialer is expected to return to Quito "
            "next month with a delegation of energy officials.")
    [visit] = events(tmp_path, text, "Visit")
    assert people(visit) == {"Elmer Schialer"} and visit.places[0].key == "Quito"


def test_a_minister_flying_back_home_makes_no_visit(tmp_path):
    text = "Andean diplomacy\n\nPeruvian Foreign Minister Elmer Schialer returned to Lima on Friday."
    assert events(tmp_path, text, "Visit") == []


def test_a_surname_tagged_as_a_common_noun_still_speaks(tmp_path):
    # the tagger reads a surname in -ides as a plural noun
    text = ("Island diplomacy\n\nCypriot President Andreas Demetriades arrived in Athens on Monday. "
            "\"Today we turn a line on a map into an opportunity for both our peoples,\" Demetriades said "
            "in a televised address from the palace.")
    statements = events(tmp_path, text, "Statement")
    assert any("Andreas Demetriades" in people(s) for s in statements)



def test_the_subject_of_a_clause_framed_by_a_meeting_takes_part(tmp_path):
    text = ("Andean diplomacy\n\nColombian President Gustavo Petro arrived in Lima on Monday. Petro, in a separate "
            "meeting with Peruvian Prime Minister Gustavo Adrianzén, offered Colombian support for the power grid.")
    meetings = events(tmp_path, text, "Meeting")
    assert any(people(m) == {"Gustavo Petro", "Gustavo Adrianzén"} for m in meetings)


def test_one_leader_talking_to_two_partners_holds_two_meetings(tmp_path):
    text = ("Andean diplomacy\n\nPeruvian President Dina Boluarte held talks with Colombian President Gustavo Petro "
            "in Bogota. Boluarte also held talks with Ecuadorian President Daniel Noboa, who promised more trade.")
    meetings = events(tmp_path, text, "Meeting")
    assert any(people(m) == {"Dina Boluarte", "Gustavo Petro"} for m in meetings)
    assert any(people(m) == {"Dina Boluarte", "Daniel Noboa"} for m in meetings)


def test_a_states_delegation_visits_for_its_state(tmp_path):
    text = ("Andean trade\n\nOfficials said a Chilean business delegation would visit Bolivia next month "
            "to study lithium projects.")
    [visit] = events(tmp_path, text, "Visit")
    assert "Chile" in states(visit) and not people(visit)
    assert [p.key for p in visit.places] == ["Bolivia"]


def test_a_joint_statement_without_a_speaker_is_the_two_sides(tmp_path):
    text = ("Andean summit\n\nPeru and Chile held their annual leaders' retreat in Arica on Monday. According to a "
            "joint statement issued after the retreat, the two states will open a new border crossing.")
    statements = events(tmp_path, text, "Statement")
    assert any(states(s) == {"Peru", "Chile"} for s in statements)


def test_a_joint_communique_of_two_blocs_is_the_blocs(tmp_path):
    text = ("Trade blocs\n\nThe Andean Community and Mercosur held talks on tariffs in Lima on Monday. Mercosur "
            "wants lower duties, while the Andean Community seeks quotas. Ministers agreed to meet again in "
            "March, according to a joint communique issued at the end of the talks.")
    statements = events(tmp_path, text, "Statement")
    assert any({r.key for r in s.participants if r.kind == "organization"} >= {"Andean Community", "Mercosur"}
               for s in statements)


def test_a_reception_during_a_reported_trip_is_no_second_visit(tmp_path):
    text = ("Andean diplomacy\n\nPeruvian Foreign Minister Javier González-Olaechea arrived in Santiago on Monday "
            "for a three-day visit. He was received on Wednesday by Chilean President Gabriel Boric at La Moneda.")
    [visit] = events(tmp_path, text, "Visit")
    assert visit.date == "2024-03-11" and [p.key for p in visit.places] == ["Santiago"]
    [meeting] = events(tmp_path, text, "Meeting")
    assert people(meeting) == {"Gabriel Boric", "Javier González-Olaechea"} and meeting.date == "2024-03-13"


def test_returning_to_power_is_no_trip(tmp_path):
    text = ("Himalayan diplomacy\n\nNepalese Prime Minister Khadga Oli, who returned to power in July, met "
            "Indian Prime Minister Narendra Modi in New Delhi on Monday.")
    assert events(tmp_path, text, "Visit") == []
    [meeting] = events(tmp_path, text, "Meeting")
    assert people(meeting) == {"Khadga Oli", "Narendra Modi"}


def test_meeting_a_condition_is_no_meeting(tmp_path):
    text = ("Grain trade\n\nUkraine had met every technical condition set by Poland, Ukrainian Deputy "
            "Minister Taras Kachka said.")
    assert events(tmp_path, text, "Meeting") == []


def test_a_trip_on_to_a_name_stays_a_trip(tmp_path):
    text = ("Pacific tour\n\nAustralian Foreign Minister Penny Wong flies on to Apia on Thursday to meet "
            "Samoa's new prime minister, La'auli Leuatea Schmidt.")
    assert [people(v) for v in events(tmp_path, text, "Visit")] == [{"Penny Wong"}]


def test_a_visit_dated_long_before_the_article_is_history(tmp_path):
    text = ("Port talks\n\nThe harbour upgrade was first discussed when Chilean President Gabriel Boric "
            "visited Lima in March 2023. Peruvian President Dina Boluarte visited Santiago on Monday.")
    visits = events(tmp_path, text, "Visit", published="2024-03-14")
    assert [v.date for v in visits] == ["2024-03-11"]


def test_a_visit_of_a_few_months_ago_is_still_news(tmp_path):
    text = ("Port talks\n\nChilean President Gabriel Boric visited Lima in October 2023 to discuss the "
            "harbour upgrade.")
    [visit] = events(tmp_path, text, "Visit", published="2024-03-14")
    assert visit.date == "2023-10"


def test_a_signing_long_before_the_article_gives_no_signing_event(tmp_path):
    text = ("Rail\n\nPeru and Chile signed a memorandum of understanding on rail freight in Lima in "
            "June 2023. Officials met on Monday to review it.")
    signings = events(tmp_path, text, "Signing", published="2024-05-02")
    assert signings == []


def test_a_weekly_briefing_is_a_press_conference(tmp_path):
    text = ("Border row\n\nForeign Office spokesman Tomas Varga told the weekly briefing in Bratislava on "
            "Thursday that the crossing would reopen.")
    [briefing] = events(tmp_path, text, "PressConference")
    assert people(briefing) == {"Tomas Varga"} and briefing.date == "2024-03-14"


def test_a_date_in_a_since_clause_does_not_date_the_visit(tmp_path):
    text = ("Border\n\nPeruvian Foreign Minister Elmer Schialer was making his first visit to Chile "
            "since Kast replaced Boric as president in November.")
    [visit] = events(tmp_path, text, "Visit")
    assert visit.date == "2024-03" and visit.date_assumed



def test_an_invitation_to_a_gathering_is_a_planned_meeting_of_host_and_guest(tmp_path):
    text = ("Fisheries\n\nSenegalese Foreign Minister Yassine Fall invited Mauritanian Foreign Minister "
            "Mohamed Salem Ould Merzouk to the summit.")
    [meeting] = events(tmp_path, text, "Meeting")
    assert people(meeting) == {"Yassine Fall", "Mohamed Salem Ould Merzouk"} and meeting.date is None


@pytest.mark.parametrize("sentence", [
    "On Thursday, Chilean Foreign Minister Alberto van Klaveren and Argentine Foreign Minister Diana Mondino "
    "co-chaired the Chile-Argentina Binational Commission in Santiago.",
    "The Binational Commission was co-chaired in Santiago on Thursday by Chilean Foreign Minister Alberto van "
    "Klaveren and Argentine Foreign Minister Diana Mondino.",
])
def test_two_people_who_co_chaired_a_body_met_at_its_session(tmp_path, sentence):
    meetings = events(tmp_path, "Andean diplomacy\n\n" + sentence, "Meeting")
    [meeting] = [m for m in meetings if people(m) == {"Alberto van Klaveren", "Diana Mondino"}]
    assert meeting.date == "2024-03-14"
    assert [p.key for p in meeting.places] == ["Santiago"]


def test_a_body_that_is_co_chaired_by_two_states_holds_no_meeting(tmp_path):
    text = "Andean diplomacy\n\nThe Andean Water Council is co-chaired by Chile and Argentina."
    assert events(tmp_path, text, "Meeting") == []


@pytest.mark.parametrize("sentence", [
    "Peruvian Trade Minister Úrsula Desilú León told the Andean News Agency (ANDINA) that the port would open in May.",
    "Peruvian Trade Minister Úrsula Desilú León, speaking to Lima Business News, said the port would open in May.",
])
def test_remarks_to_a_news_outlet_named_with_its_acronym_or_as_news_are_a_statement(tmp_path, sentence):
    statements = events(tmp_path, "Port news\n\n" + sentence, "Statement")
    assert any("Úrsula Desilú León" in people(s) for s in statements)



def test_a_discussion_held_in_a_phone_call_is_the_call_not_a_meeting(tmp_path):
    text = ("Andean diplomacy\n\nChilean President Gabriel Boric and Peruvian President Dina Boluarte "
            "discussed the border crossing in a phone call on Tuesday.")
    [call] = events(tmp_path, text, "Consultation")
    assert people(call) == {"Gabriel Boric", "Dina Boluarte"} and call.date == "2024-03-12"
    assert events(tmp_path, text, "Meeting") == []


@pytest.mark.parametrize("sentence, place, date", [
    ("The next session of the permanent joint commission will be held in Lomé in September.", "Lome", "2025-09"),
    ("The Bi-National Commission meets in Accra in October.", "Accra", "2025-10"),
    ("The joint border commission would hold its first session in Lomé in November.", "Lome", "2025-11"),
    ("The next binational cabinet will be held in Togo in 2026.", "Togo", "2026"),
])
def test_a_joint_body_meets_as_the_two_states_of_the_story(tmp_path, sentence, place, date):
    text = ("Border trade\n\nGhana and Togo agreed on Tuesday to open two more crossings, Ghanaian and Togolese "
            "officials said after talks in Aflao. " + sentence)
    planned = [m for m in events(tmp_path, text, "Meeting", published="2025-06-12") if m.date == date]
    assert len(planned) == 1, planned
    assert {r.key for r in planned[0].participants if r.kind == "state"} == {"Ghana", "Togo"}
    assert [p.key for p in planned[0].places] == [place]


def test_a_body_of_one_side_is_no_joint_session(tmp_path):
    text = ("Border trade\n\nGhana and Togo agreed on Tuesday to open two more crossings. The Ghanaian "
            "cabinet will be held in Accra in September.")
    assert [m for m in events(tmp_path, text, "Meeting", published="2025-06-12") if m.date == "2025-09"] == []


@pytest.mark.parametrize("sentence", [
    "Togolese Foreign Minister Robert Dussey told us the crossings would reopen in July.",
    "Togolese Foreign Minister Robert Dussey spoke to us in Lomé on Tuesday about the crossings.",
])
def test_remarks_to_the_publication_itself_are_a_statement(tmp_path, sentence):
    [statement] = events(tmp_path, "Border trade\n\n" + sentence, "Statement", published="2025-06-12")
    assert people(statement) == {"Robert Dussey"}


def test_a_call_by_phone_the_parser_takes_for_an_agent_is_a_consultation(tmp_path):
    text = ("Lithium\n\nChile's Minister of Mining, Aurora Williams, spoke by phone with Peru's Energy Minister "
            "Jorge Montero on Tuesday about lithium, state media reported.")
    [call] = events(tmp_path, text, "Consultation", published="2025-02-20")
    assert people(call) == {"Aurora Williams", "Jorge Montero"} and call.date == "2025-02-18"


def test_the_host_of_a_coordinated_passive_reception_is_not_its_guest(tmp_path):
    text = ("Andean diplomacy\n\nPeruvian Foreign Minister Elmer Schialer spent two days in Santiago, where he "
            "held talks with his Chilean counterpart Alberto van Klaveren and was received by President Gabriel Boric.")
    visits = events(tmp_path, text, "Visit")
    assert visits and all(people(v) == {"Elmer Schialer"} for v in visits)
    assert any({"Gabriel Boric", "Elmer Schialer"} <= people(m) for m in events(tmp_path, text, "Meeting"))


@pytest.mark.parametrize("sentence", [
    "Danish Energy Minister Lars Aagaard and Swedish Energy Minister Ebba Busch signed a joint declaration of intent on a power cable in Malmo on Monday.",
    "Danish Energy Minister Lars Aagaard and Swedish Energy Minister Ebba Busch agreed a Declaration of Principles on a power cable in Malmo on Monday.",
])
def test_a_declaration_of_intent_is_a_document_not_a_statement(tmp_path, sentence):
    assert events(tmp_path, "Nordic power\n\n" + sentence, "Statement") == []
    said = "Nordic power\n\nDanish Energy Minister Lars Aagaard said in a declaration on Monday that the cable was safe."
    assert people(events(tmp_path, said, "Statement")[0]) == {"Lars Aagaard"}


def test_a_bulleted_headline_of_another_story_reports_no_event(tmp_path):
    text = ("Andean diplomacy\n\nChile and Peru held talks on fishing quotas in Lima on Tuesday. "
            "The talks ended without a deal.\n\n"
            "- Bolivia and Paraguay hold political consultations\n"
            "- Ecuador's president to visit Colombia\n")
    found = events(tmp_path, text, "Consultation") + events(tmp_path, text, "Visit")
    assert not any({"Bolivia", "Paraguay"} & {r.key for r in e.participants} for e in found), \
        [e.label for e in found]
    assert not any("Ecuador" in {r.key for r in e.participants} for e in found), [e.label for e in found]
