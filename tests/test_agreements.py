"""Agreement rules (relgraph.nlp.agreements and its phrase and merge helpers) on invented sentences."""
import json
from pathlib import Path

import pytest

from relgraph.articles import Article, iter_articles
from relgraph.nlp.extract import extract_article

pytestmark = pytest.mark.slow


def article(tmp_path: Path, text: str, published: str = "2024-03-14") -> Article:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "t", "published": published}))
    [item] = list(iter_articles([path]))
    assert isinstance(item, Article), item
    return item


def deals(tmp_path: Path, text: str, published: str = "2024-03-14"):
    rec = extract_article(article(tmp_path, text, published))
    agreements = [f for f in rec.facts if f.kind == "agreement"]
    signings = [f for f in rec.facts if f.kind == "event" and f.type == "Signing"]
    return agreements, signings


def parties(deal) -> set[str]:
    return {r.key for r in deal.participants}


def test_the_label_carries_the_words_of_the_deals_own_phrase(tmp_path):
    [deal], _ = deals(tmp_path, "Fisheries\n\nPeru and Chile signed a memorandum of "
                                "understanding on the joint "
                                "inspection of anchovy fleets in Lima on Monday.")
    assert "anchovy" in deal.label and "inspection" in deal.label
    assert "Monday" not in deal.label  # when, not what
    assert parties(deal) == {"Peru", "Chile"}


def test_a_purpose_clause_of_the_signing_verb_describes_the_deal(tmp_path):
    [deal], _ = deals(tmp_path, "Water\n\nJordan and Egypt signed an agreement on Tuesday to build a "
                                "desalination plant on the Red Sea coast.")
    assert "desalination" in deal.label


def test_a_plural_that_lists_its_fields_is_one_agreement_per_field(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nNorway and Kenya on Monday signed memorandums of understanding on "
                               "tourism, wildlife and culture.")
    assert len(found) == 3
    assert sorted(w for d in found for w in ("tourism", "wildlife", "culture") if w in d.label) == [
        "culture", "tourism", "wildlife"]
    assert all(d.date == "2024-03-11" for d in found)


def test_a_bare_count_is_one_agreement(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nNorway and Kenya signed 14 documents during the visit.")
    assert len(found) == 1 and parties(found[0]) == {"Norway", "Kenya"}


def test_a_count_told_again_one_by_one_is_not_an_extra_agreement_and_dates_them(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nPeru and Bolivia on Monday signed two agreements. The foreign ministers of Peru and Bolivia "
        "signed a memorandum of understanding on water management in the highlands. "
        "Peru and Bolivia also signed an agreement on customs checks at the border."))
    assert len(found) == 2
    assert any("water" in d.label for d in found) and any("customs" in d.label for d in found)
    assert all(d.date == "2024-03-11" for d in found)


def test_a_headline_retelling_the_body_adds_no_agreement(tmp_path):
    found, _ = deals(tmp_path, (
        "Peru, Bolivia sign lake water pact\n\n"
        "Peru and Bolivia signed a memorandum of understanding on Monday on the shared management of "
        "Lake Titicaca water."))
    [deal] = found
    assert "Titicaca" in deal.label


def test_a_named_past_treaty_is_an_agreement_with_its_year_and_no_signing(tmp_path):
    found, signings = deals(tmp_path, (
        "Trade\n\nPeru and Bolivia said trade had grown under the 1962 Treaty of Commerce and "
        "Navigation, which both countries still apply."))
    [deal] = found
    assert deal.label.startswith("1962 Treaty of Commerce") and deal.date == "1962"
    assert parties(deal) == {"Peru", "Bolivia"}
    assert signings == []


def test_a_common_noun_treaty_with_a_year_is_an_agreement(tmp_path):
    [deal], signings = deals(tmp_path, (
        "Troops\n\nDanish troops stayed in Estonia under a 2004 defence treaty between Denmark and Estonia."))
    assert deal.date == "2004" and "defence" in deal.label
    assert parties(deal) == {"Denmark", "Estonia"} and signings == []


def test_an_old_signing_in_a_relative_clause_is_history(tmp_path):
    [deal], signings = deals(tmp_path, (
        "Ties\n\nOfficials praised the Treaty of Lima, which Peru and Ecuador signed in 1998, "
        "at the meeting."), published="2024-05-02")
    assert deal.name == "Treaty of Lima" and deal.date == "1998"
    assert signings == []


def test_the_definite_mention_that_follows_is_the_same_deal(tmp_path):
    [deal], [signing] = deals(tmp_path, (
        "Rail\n\nPeru and Chile signed a protocol on rail freight tariffs on Monday. The protocol was "
        "signed in Lima by the two transport ministers."))
    assert "freight" in deal.label
    assert [p.key for p in signing.places] == ["Lima"]


def test_an_ordinal_mention_is_the_listed_field_it_counts(tmp_path):
    found, _ = deals(tmp_path, (
        "Energy\n\nJordan and Iraq on Monday signed three memorandums on electricity, oil and transport. "
        "The second memorandum was signed in Amman by the two oil ministers."))
    assert len(found) == 3
    [oil] = [d for d in found if "oil" in d.label]
    assert [p.key for p in oil.places] == ["Amman"]


def test_an_apposition_names_the_document_signed(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Ports\n\nThe ministers of Ghana and Togo signed a second document, a protocol on the repair of the "
        "harbour wall at Lome."))
    assert "harbour" in deal.label and parties(deal) >= {"Ghana", "Togo"}


def test_a_witnessed_signing_of_a_document_concludes_it(tmp_path):
    [deal], [signing] = deals(tmp_path, (
        "Rice\n\nThe two presidents witnessed the signing of a memorandum of understanding on rice exports "
        "between Vietnam and the Philippines."))
    assert "rice" in deal.label and parties(deal) == {"Vietnam", "Philippines"}


def test_a_deal_struck_is_an_agreement_without_a_signing(tmp_path):
    [deal], signings = deals(tmp_path, "Grain\n\nUkraine and Poland struck a deal on grain transit in March.")
    assert "grain" in deal.label and signings == []


def test_a_settlement_reached_is_an_agreement(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Dispute\n\nSiemens reached a settlement with Alstom over a long-running patent dispute in May."))
    assert "settlement" in deal.label and deal.evidence[0].rule == "agreement-concluded"


def test_a_relative_clause_hung_on_the_party_concludes_the_agreement(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Trade\n\nThe ministers urged the bloc to move on the agreement with Japan, which negotiators "
        "concluded in Tokyo in December."))
    assert "Japan" in parties(deal) and deal.date == "2023-12"


def test_the_parties_a_declaration_commits_are_its_parties(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Peace\n\nThe ministers recalled the Quito Declaration, in which Peru and Ecuador committed to "
        "demining their border."))
    assert deal.name == "Quito Declaration" and parties(deal) >= {"Peru", "Ecuador"}


def test_a_shorter_name_in_the_same_article_is_the_same_treaty(tmp_path):
    found, _ = deals(tmp_path, (
        "Europe\n\nThe minister defended the Vienna Final Act, signed in 1980 by Austria and Hungary. "
        "Hungary will mark the anniversary of the Final Act next year."))
    assert len(found) == 1 and found[0].name == "Vienna Final Act"


@pytest.mark.parametrize("sentence", [
    "Peru and Chile agreed a deal, which still has to be signed, on fishing quotas.",
    "Without a border deal, the signing of a peace agreement between Peru and Chile is not possible.",
    "Peru and Chile continued talks on a new Partnership Framework.",
    "Peru and Chile hoped to sign a supply contract within months.",
    "Peru and Chile are expected to sign a border treaty next year.",
    "No agreement was reached between Peru and Chile on the dam.",
])
def test_pending_hedged_and_failed_deals_are_not_agreements(tmp_path, sentence):
    found, _ = deals(tmp_path, "Talks\n\n" + sentence)
    assert found == []


def test_a_participle_after_a_comma_comments_on_the_event_and_one_without_describes_the_deal(tmp_path):
    [deal], _ = deals(tmp_path, "Trade\n\nPeru and Chile signed a trade agreement on Monday, handing farmers "
                                "easier access to new markets.")
    assert "trade" in deal.label and "farmers" not in deal.label
    [deal], _ = deals(tmp_path, "Rail\n\nPeru and Chile signed a protocol on Monday setting out "
                                "freight tariffs "
                                "for the border railway.")
    assert "freight" in deal.label


def test_a_headline_ending_in_an_abbreviation_is_still_a_headline(tmp_path):
    found, _ = deals(tmp_path, (
        "Chile signs trade pact with Peru as Boric looks beyond U.S.\n\n"
        "Chile and Peru signed a comprehensive economic partnership agreement on Wednesday."))
    [deal] = found
    assert "comprehensive" in deal.label


def test_a_listed_field_is_matched_on_words_past_the_end_of_the_label(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nPeru and Bolivia on Monday signed agreements on port fees and on the financing "
        "of power lines. "
        "Peru and Bolivia signed an agreement on port fees. The development banks of Peru and Bolivia signed "
        "a loan agreement to help fund the national programme of the Bolivian state utility to build about "
        "2,000 km of new high-voltage power lines."))
    assert len(found) == 2


def test_where_and_on_what_occasion_it_was_signed_is_not_in_the_label(tmp_path):
    [deal], _ = deals(tmp_path, "Trade\n\nPeru and Chile signed a memorandum of understanding "
                                "on copper exports "
                                "on the margins of the summit in the presence of the two presidents.")
    assert "copper" in deal.label
    assert "margins" not in deal.label and "presence" not in deal.label


def test_a_later_mention_takes_its_date_and_head_noun_into_account(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nPeru and Chile signed a protocol on rail freight on Monday. The ministers "
        "praised the Treaty "
        "of Arica. The treaty, signed in Lima in November 2019 by the two presidents, set the border."),
        published="2024-03-14")
    [treaty] = [d for d in found if d.name]
    [protocol] = [d for d in found if not d.name]
    assert treaty.date == "2019-11" and protocol.date == "2024-03-11"


def test_a_deal_signed_today_is_not_the_old_treaty_named_just_before(tmp_path):
    found, signings = deals(tmp_path, (
        "Police\n\nPeru and Chile signed a memorandum of understanding on police cooperation on Monday. "
        "The ministers recalled the Treaty of Arica, which Peru and Chile signed in 1929. "
        "\"The agreement signed today will help our police,\" the minister said."), published="2024-03-12")
    [treaty] = [d for d in found if d.name]
    assert treaty.date == "1929"
    assert len(found) == 2 and len(signings) == 1


def test_agreeing_to_open_negotiations_concludes_nothing(tmp_path):
    found, _ = deals(tmp_path, "Trade\n\nPeru and Chile agreed on Monday to open negotiations "
                               "on a trade deal.")
    assert found == []


def test_a_document_named_among_those_signed_is_its_own_agreement_beside_the_count(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nNorway and Kenya on Monday signed 14 documents, including a memorandum of understanding on "
        "fisheries research."))
    assert len(found) == 2
    assert any("fisheries" in d.label for d in found) and any("14" in d.label for d in found)


def test_a_count_fully_told_one_by_one_is_not_kept(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nNorway and Kenya on Monday signed two agreements. Norway and Kenya signed an agreement on "
        "fisheries research. Norway and Kenya also signed a memorandum on port fees."))
    assert len(found) == 2


def test_documents_included_in_what_was_signed_are_concluded(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nThe agreements signed by Norway and Kenya on Monday included a protocol on "
        "cargo inspections."))
    assert any("cargo" in d.label for d in found)


def test_a_number_of_agreements_is_a_count(tmp_path):
    [deal], _ = deals(tmp_path, "Ties\n\nNorway and Kenya signed a number of agreements during the visit.")
    assert {r.key for r in deal.participants} == {"Norway", "Kenya"}


def test_fields_listed_as_areas_are_each_an_agreement(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nNorway and Kenya signed agreements in the fields of health, education and culture."))
    assert len(found) == 3 and any("education" in d.label for d in found)


@pytest.mark.parametrize("sentence", [
    "Parliament rejected the 2019 fisheries deal between Peru and Chile.",
    "The 2019 Peru-Chile fisheries pact collapsed last year.",
    "Peru and Chile hope to reach a 2030 climate pact.",
    "Ministers of Peru and Chile discussed a fisheries deal expected in 2026.",
])
def test_rejected_collapsed_and_future_deals_are_not_agreements(tmp_path, sentence):
    found, _ = deals(tmp_path, "Talks\n\n" + sentence, published="2025-03-01")
    assert found == []


def test_documents_signed_the_same_day_by_the_same_states_are_one_signing_ceremony(tmp_path):
    found, signings = deals(tmp_path, (
        "Ties\n\nNorway and Kenya signed an agreement on fisheries research on Monday. "
        "Norway and Kenya also signed a memorandum on port fees on Monday."))
    assert len(found) == 2
    [signing] = signings
    assert "fisheries" in signing.label and "port" in signing.label


def test_signings_on_different_days_are_different_ceremonies(tmp_path):
    _, signings = deals(tmp_path, (
        "Ties\n\nNorway and Kenya signed an agreement on fisheries research on Monday. "
        "Norway and Kenya had signed a memorandum on port fees on 2 February."))
    assert len(signings) == 2


def test_without_a_publication_date_an_old_signing_is_history_beside_the_newest_deal(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Ties\n\nNorway and Kenya signed an agreement on fisheries research on 3 May 2024. "
                    "Norway and Kenya signed the Treaty of Mombasa in March 2015.", encoding="utf-8")
    [item] = list(iter_articles([path]))
    rec = extract_article(item)
    signings = [f for f in rec.facts if f.kind == "event" and f.type == "Signing"]
    assert [s.date for s in signings] == ["2024-05-03"]


def test_an_adopted_declaration_binds_the_parties_it_commits(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Summit\n\nLeaders from Asia and Europe on Sunday adopted the Manila Declaration, committing the "
        "European Union and the Association of Southeast Asian Nations to closer trade links."))
    assert deal.name == "Manila Declaration"
    assert {"European Union", "Association of Southeast Asian Nations"} & {r.key for r in deal.participants}


@pytest.mark.parametrize("sentence", [
    "Peru and Chile discussed the North Pacific Treaty Organization and its members.",
    "Peru criticised the Inflation Reduction Act passed by the United States.",
    "Chile praised the Marshall Plan for Europe.",
])
def test_organisations_laws_and_programmes_named_like_documents_are_not_agreements(tmp_path, sentence):
    found, _ = deals(tmp_path, "Ties\n\n" + sentence)
    assert found == []


def test_a_plan_of_action_adopted_is_an_agreement(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Ties\n\nThe ministers of Peru and Chile adopted the 2024-2028 Plan of Action of the Peru-Chile "
        "Strategic Partnership on Monday."))
    assert "Plan of Action" in deal.label


def test_an_apposition_retelling_a_deal_adds_no_agreement(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Pacific\n\nCanberra worries after Fiji struck a trade pact with China in 2022, a deal that "
        "alarmed Australia."), published="2024-06-01")
    assert "trade" in deal.label and deal.date == "2022"


def test_a_signing_inside_a_subordinate_clause_is_not_hedged_by_the_main_clause(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Pacific\n\nThe plan is part of an effort to stay close after Fiji signed a policing agreement "
        "with Japan in 2023."), published="2024-06-01")
    assert {"Fiji", "Japan"} <= parties(deal)


def test_a_second_document_hung_inside_the_first_ones_phrase_is_its_own_agreement(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nPeru and Chile signed a memorandum of understanding establishing an annual strategic "
        "dialogue, as well as an agreement on cooperation in scientific research."))
    assert len(found) == 2
    assert any("dialogue" in d.label and "research" not in d.label for d in found)
    assert any("research" in d.label for d in found)


def test_fields_given_as_coordinated_modifiers_of_the_object(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nMinisters from both countries signed three memorandums of understanding on electricity, "
        "oil and land transport with Jordan and Iraq."))
    assert len(found) == 3


def test_a_year_gives_a_past_memorandum_its_label(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Roads\n\nNepal joined the programme of China under a memorandum of understanding in May 2017."))
    assert deal.date == "2017-05" and deal.label.split("–")[-1].split()[1] == "2017"


def test_an_undated_signing_after_a_dated_one_takes_the_occasions_date(tmp_path):
    found, signings = deals(tmp_path, (
        "Ties\n\nNorway and Kenya on Monday signed an agreement on fisheries research. "
        "The two ministers of Norway and Kenya also signed a protocol on port fees."))
    assert {d.date for d in found} == {"2024-03-11"}
    [protocol] = [d for d in found if "port" in d.label]
    assert protocol.date_assumed  # lent by the occasion, not read in its own sentence


def test_a_date_after_publication_is_not_when_a_deal_was_signed(tmp_path):
    [deal], _ = deals(tmp_path, (
        "Ties\n\nPeru and Chile signed a memorandum establishing a joint committee that will report in "
        "June 2026."), published="2025-03-01")
    assert deal.date != "2026-06"


def test_a_repeated_preposition_splits_fields_but_keeps_each_fields_own_coordination(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nPeru and Ecuador signed two memorandums, on customs cooperation and on "
                               "flood warning and relief, at the border on Monday.")
    labels = sorted(d.label for d in found)
    assert len(found) == 2, labels
    assert any("flood warning and relief" in label for label in labels)
    assert any("customs" in label and "flood" not in label for label in labels)


def test_one_on_and_one_on_names_each_document_of_a_count(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nDenmark and Ghana signed two memorandums of understanding on Friday, "
                               "one on port security and customs training and one on wind energy.")
    labels = sorted(d.label for d in found)
    assert len(found) == 2, labels
    assert any("port security and customs training" in label for label in labels)
    assert any("wind energy" in label and "port" not in label for label in labels)


def test_a_treaty_name_may_continue_with_the_after_on(tmp_path):
    [deal], _ = deals(tmp_path, "Seas\n\nThe ministers praised the Convention on the Protection of the Baltic "
                                "Marine Environment, which Sweden, Finland and Estonia had joined long ago.")
    assert deal.name == "Convention on the Protection of the Baltic Marine Environment"
    assert {"Sweden", "Finland", "Estonia"} <= parties(deal)


def test_a_deal_signed_by_one_side_still_awaiting_the_others_signature_is_not_concluded(tmp_path):
    # Japan's signing is reported (a Signing event, as in the hY07 gold); the accord is not concluded
    found, signings = deals(tmp_path, "Pacts\n\nA fisheries accord with Palau has been signed by Japan but is "
                                      "still awaiting the signature of Palau's government.")
    assert found == [] and len(signings) == 1 and "Japan" in parties(signings[0])


def test_a_signing_the_other_side_withholds_is_a_signing_but_no_agreement(tmp_path):
    found, signings = deals(tmp_path, "Fish\n\nChile has signed a memorandum on salmon quotas, but Argentina will "
                                      "not sign the document before its senate debates it, officials said.")
    assert found == []
    assert len(signings) == 1 and parties(signings[0]) == {"Chile"}


def test_a_mention_of_the_one_sided_memorandum_later_adds_no_agreement(tmp_path):
    found, _ = deals(tmp_path, "Fish\n\nChile has signed a memorandum on salmon quotas, but Argentina will not "
                               "sign the document yet. Under the memorandum, which Chile's minister signed on "
                               "Monday, fleets would report their catches weekly.")
    assert found == []


def test_a_document_initialled_but_not_yet_signed_is_no_agreement_nor_signing(tmp_path):
    found, signings = deals(tmp_path, "Trade\n\nThe plan also includes a Regional Customs Framework, which Peru "
                                      "and Ecuador initialled in Lima in May but have not yet signed.")
    assert found == [] and signings == []


def test_a_signing_negated_for_another_document_does_not_hedge_the_first(tmp_path):
    found, _ = deals(tmp_path, "Fish\n\nChile and Peru signed a memorandum on salmon quotas on Monday, but "
                               "they did not sign the fisheries treaty.")
    assert any("salmon" in d.label for d in found)


def test_the_two_countries_are_the_two_states_named_earlier_in_the_sentence(tmp_path):
    text = ("Ties\n\nBrazil and Argentina held talks on Monday. Kenya and Uganda ended a long feud in the "
            "Kampala Declaration, which the two countries' leaders signed in Nairobi in March 2023. "
            "Brazil and Argentina also discussed trade.")
    found, _ = deals(tmp_path, text)
    [deal] = [d for d in found if "Kampala" in d.label]
    assert parties(deal) == {"Kenya", "Uganda"}


def test_a_count_of_signed_documents_is_not_the_treaty_the_story_recalls(tmp_path):
    text = ("Ties\n\nChile and Peru signed 9 documents in Lima on Monday. The leaders also recalled the Treaty "
            "of Lima, which Chile and Peru signed in 1929.")
    found, _ = deals(tmp_path, text)
    assert len(found) == 2, [d.label for d in found]
    assert any(d.name == "Treaty of Lima" for d in found)


def test_a_deal_concluded_by_negotiators_that_awaits_signature_is_still_concluded(tmp_path):
    found, _ = deals(tmp_path, "Trade\n\nThe bloc pressed for the agreement with Japan, which negotiators "
                               "concluded in Tokyo in January but which still awaits signature.")
    assert len(found) == 1 and "Japan" in parties(found[0])


def test_a_participle_after_a_comma_signs_the_document_not_the_last_noun(tmp_path):
    [deal], signings = deals(tmp_path, "Power\n\nAmong them was an agreement on the construction of a power line "
                                       "across the desert, signed by Chad and Niger.")
    assert parties(deal) == {"Chad", "Niger"}
    assert "power line" in deal.label and "signed" not in deal.label
    assert len(signings) == 1


def test_a_headline_count_and_a_body_count_of_the_same_number_are_one(tmp_path):
    text = ("Chile and Peru sign 9 documents including port deal\n\nChile and Peru signed 9 documents in "
            "Lima on Monday. Among them was an agreement on port logistics, signed by Chile and Peru.")
    found, _ = deals(tmp_path, text)
    counted = [d for d in found if "9" in d.label]
    assert len(counted) == 1, [d.label for d in found]


def test_a_signed_plan_is_a_document_but_a_plan_to_sign_is_not(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nFrance and Senegal signed a plan of consultations between the two "
                               "foreign ministries on Monday.")
    assert len(found) == 1 and parties(found[0]) == {"France", "Senegal"}
    found, _ = deals(tmp_path, "Ties\n\nFrance and Senegal announced a plan to build a school.")
    assert found == []


def test_joining_a_declaration_concludes_it(tmp_path):
    found, signings = deals(tmp_path, "Energy\n\nGreece and Egypt joined a declaration on solar energy in "
                                      "Athens on Monday.")
    assert len(found) == 1 and "solar" in found[0].label and parties(found[0]) == {"Greece", "Egypt"}
    assert signings == []  # joined, not signed


def test_a_capitalised_consensus_names_a_document(tmp_path):
    found, _ = deals(tmp_path, "Peace\n\nThe envoys urged respect for the Six-Point Consensus, which Peru and "
                               "Bolivia reached in La Paz in March 2019.", published="2024-03-14")
    assert len(found) == 1 and found[0].name == "Six-Point Consensus"
    assert "Peru" in parties(found[0])


def test_the_signed_agreement_points_back_at_the_deal(tmp_path):
    text = ("Ties\n\nGhana and Togo signed an agreement on border trade in Accra on Monday.\n\n"
            "[Caption: The two ministers exchange the signed agreement.]")
    found, _ = deals(tmp_path, text)
    assert len(found) == 1 and "border trade" in found[0].label


def test_an_old_signing_carries_its_year_in_the_label(tmp_path):
    found, _ = deals(tmp_path, "Borders\n\nA first border agreement between Peru and Chile was signed in 2005, "
                               "but it never entered into force.", published="2024-03-14")
    assert len(found) == 1 and "2005" in found[0].label


def test_the_parties_may_hang_on_the_documents_of_complement(tmp_path):
    [deal], _ = deals(tmp_path, "Ties\n\nBrazil and Argentina held talks in Brasilia. Brazil and Argentina "
                                "also met Oman. The ministers signed a memorandum of understanding between Oman "
                                "and Kenya on Monday.")
    assert parties(deal) == {"Oman", "Kenya"}


def test_a_year_before_a_named_pair_dates_the_deal_the_text_recalls(tmp_path):
    found, _ = deals(tmp_path, "Seas\n\nThe line uses the limits set in the 2018 Ghana–Togo maritime deal brokered by "
                               "France.", published="2024-03-14")
    assert len(found) == 1 and found[0].date == "2018" and "2018" in found[0].label


def test_without_a_publication_date_the_first_full_date_tells_an_old_signing_is_history(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Border pact\n\nMonday, March 3, 2025 - 09:10\nBy Ana Ruiz | Niamey bureau\n\nA first border agreement between Chad and Niger "
                    "was signed in 2009, but it never entered into force.", encoding="utf-8")
    [item] = list(iter_articles([path]))
    rec = extract_article(item)
    assert [f for f in rec.facts if f.kind == "agreement"]
    assert not [f for f in rec.facts if f.kind == "event" and f.type == "Signing"]


def test_agreeing_a_document_concludes_it_but_agreeing_to_discuss_one_does_not(tmp_path):
    found, signings = deals(tmp_path, "Fish\n\nBritain and Norway agreed a new fisheries accord in London on "
                                      "Monday.")
    assert len(found) == 1 and "fisheries" in found[0].label and signings == []
    found, _ = deals(tmp_path, "Fish\n\nBritain and Norway agreed to discuss a fisheries accord.")
    assert found == []


def test_a_subheading_in_capitals_is_no_named_treaty(tmp_path):
    found, _ = deals(tmp_path, "Fish\n\nChile and Peru held talks on fishing quotas on Monday.\n\nOCEAN ACCORD\n\n"
                               "Officials of Chile and Peru will meet again in June.")
    assert found == []


def test_a_four_letter_document_word_in_a_capitals_subheading_is_no_named_treaty(tmp_path):
    found, _ = deals(tmp_path, "Fish\n\nChile and Peru held talks on fishing quotas on Monday.\n\n"
                               "A DEAL ON THE HUMBOLDT CURRENT\n\n"
                               "Officials of Chile and Peru will meet again in June.")
    assert found == [], [d.label for d in found]


def test_a_contract_extended_is_concluded_again(tmp_path):
    found, _ = deals(tmp_path, "Gas\n\nChile's ENAP and Peru's Petroperu extended their gas supply contract by "
                               "five years on Monday, ENAP said in a statement.")
    [deal] = found
    assert "gas supply" in deal.label


def test_signed_instruments_are_documents_and_the_headline_count_retells_them(tmp_path):
    found, _ = deals(tmp_path, "Chile and Peru sign 9 accords\n\nChile and Peru signed 9 cooperation instruments "
                               "on Monday in Lima.")
    [deal] = found
    assert "instruments" in deal.label and parties(deal) == {"Chile", "Peru"}


def test_a_letter_of_intent_signed_is_an_agreement_but_a_letter_is_not(tmp_path):
    found, _ = deals(tmp_path, "Gas\n\nChile and Peru signed a letter of intent on pooling gas reserves on Monday. "
                               "Chile also signed a letter to the United Nations.")
    [deal] = found
    assert "pooling" in deal.label


def test_a_lease_concluded_as_a_reduced_clause_keeps_its_duration(tmp_path):
    found, signings = deals(tmp_path, "Ports\n\nOfficials noted that Maersk continued to run the Callao terminal "
                                      "under the 30-year lease concluded in 2015, and kept investing.",
                            published="2024-03-14")
    [deal] = found
    assert "30-year" in deal.label and deal.date == "2015"
    assert "Maersk" in parties(deal) and signings == []


def test_a_joint_vision_adopted_by_two_leaders_is_an_agreement_a_plain_vision_is_not(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nThe embassy said the port reflected the joint vision for maritime "
                               "partnership adopted by the leaders of Chile and Peru in Lima in May 2023. "
                               "Chile has a vision for its ports adopted by parliament.")
    [deal] = found
    assert "vision" in deal.label and parties(deal) == {"Chile", "Peru"} and deal.date == "2023-05"


def test_the_signing_of_a_programme_makes_the_programme_a_document(tmp_path):
    found, _ = deals(tmp_path, "Water\n\nThe two premiers of Chile and Peru witnessed the signing of an executive "
                               "programme for cooperation in irrigation on Monday.")
    [deal] = found
    assert "irrigation" in deal.label


def test_a_partitive_with_its_own_fields_names_the_documents_signed(tmp_path):
    found, _ = deals(tmp_path, (
        "Peace\n\nColombia and the ELN signed a framework for peace in Havana on Saturday, setting out six "
        "protocols. Two of the protocols – on a ceasefire verification mechanism and on the release of "
        "hostages through the Red Cross – were signed in October."), published="2025-11-16")
    fields = [d for d in found if d.date == "2025-10"]
    assert len(fields) == 2
    assert any("verification" in d.label for d in fields) and any("hostages" in d.label for d in fields)
    assert all("Red Cross" not in {r.key for r in d.participants} for d in fields)


def test_a_name_of_only_a_year_and_a_head_gives_way_to_the_phrase(tmp_path):
    [deal], _ = deals(tmp_path, "Seas\n\nA harder issue was the 1978 Agreement between Chile and Peru concerning "
                                "the Joint Use of the Southern Fishing Grounds, which expires next year.")
    assert "Joint" in deal.label and deal.date == "1978"


def test_a_definite_deal_with_a_purpose_of_its_own_is_not_the_last_one_told(tmp_path):
    found, _ = deals(tmp_path, (
        "Trade\n\nChile and Peru signed a protocol on customs checks on Friday. The talks follow the deal "
        "reached in June between the European Union and Chile to revise their free trade area."),
        published="2025-11-07")
    assert len(found) == 2
    revise = next(d for d in found if "revise" in d.label)
    assert revise.date == "2025-06" and "European Union" in parties(revise)


def test_a_name_that_retells_the_deal_just_described_is_the_same_deal(tmp_path):
    found, _ = deals(tmp_path, (
        "Peace\n\nColombia and Venezuela signed a framework agreement for peace in Caracas on Saturday. "
        "The Caracas Framework for Peace, signed at a hotel by the two foreign ministers, sets out six "
        "protocols."), published="2025-11-16")
    [deal] = found
    assert deal.name == "Caracas Framework for Peace"


def test_a_count_does_not_date_a_treaty_recalled_without_a_date(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nChile and Peru signed two protocols, on fisheries and on customs, on Monday. The deals build "
        "on the Declaration of Principles of the two countries."))
    declaration = next(d for d in found if d.name and "Declaration" in d.name)
    assert declaration.date is None


def test_a_deal_later_called_after_the_city_of_its_signing_is_that_deal(tmp_path):
    found, _ = deals(tmp_path, (
        "Talks\n\nChile and Peru signed an agreement in Lima on Monday setting out new fishing quotas. Peru "
        "has since said the so-called Lima agreement was no longer relevant."))
    [deal] = found
    assert deal.name == "Lima agreement" and parties(deal) == {"Chile", "Peru"}


def test_a_deal_named_after_a_city_where_nothing_was_signed_adds_no_name(tmp_path):
    found, _ = deals(tmp_path, (
        "Talks\n\nChile and Peru signed an agreement in Lima on Monday setting out new fishing quotas. Peru "
        "said the Quito agreement was no longer relevant."))
    assert all(d.name != "Quito agreement" for d in found)


def test_bodies_of_the_two_countries_sign_for_their_states(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nChile and Peru held their annual summit in Lima. The two countries' Ministries of Fisheries "
        "signed a memorandum of understanding to share catch data."))
    [deal] = found
    assert {"Chile", "Peru"} <= parties(deal)


def test_a_verb_the_parser_left_without_subject_takes_the_actors_before_it(tmp_path):
    found, _ = deals(tmp_path, (
        "Oil\n\nBrazil and China held a session in Beijing. On the sidelines of the session, Petrobras and "
        "the China National Offshore Oil Corporation (CNOOC) struck a deal to jointly explore two blocks, "
        "the companies said in a statement."))
    deal = next(d for d in found if "explore" in d.label)
    assert "China National Offshore Oil Corporation" in parties(deal)


def test_a_treaty_a_state_should_join_is_a_treaty_in_force_and_its_other_name_adds_none(tmp_path):
    found, _ = deals(tmp_path, (
        "Rivers\n\nKenya's foreign minister said Tanzania should join the Lake Basin Cooperative Framework "
        "Agreement (LCFA), which came into force last year. Tanzania has refused to sign the agreement, "
        "known as the Kisumu Agreement."))
    [deal] = found
    assert "Cooperative Framework Agreement" in deal.label


def test_a_state_expected_to_sign_a_treaty_concludes_nothing(tmp_path):
    found, _ = deals(tmp_path, "Rivers\n\nTanzania is expected to sign the Lake Basin Cooperative Framework "
                               "Agreement next year, officials said.")
    assert found == []


def test_a_document_among_the_fields_of_memorandums_is_its_own_deal_and_its_later_mention_retells_it(tmp_path):
    found, _ = deals(tmp_path, (
        "Ties\n\nChile and Peru on Thursday signed two memorandums of understanding, on fisheries and "
        "tourism, and an intergovernmental agreement on the construction of the Tacna-Arica railway line. "
        "The railway agreement was signed by the two foreign ministers, while the fisheries MoU was signed "
        "by the two ambassadors, and Maria Lopez, an adviser."))
    rail = [d for d in found if "railway" in d.label]
    assert len(rail) == 1 and "Tacna" in rail[0].label and "memorandums" not in rail[0].label
    assert all("Lopez" not in d.label for d in found)


def test_each_repeated_preposition_hung_on_the_verb_opens_one_whole_field(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nGhana and Peru on Monday signed memorandums of understanding on a "
                               "cocoa research centre, on storage and cold-chain transport, and on "
                               "mining safety.")
    labels = sorted(d.label for d in found)
    assert len(found) == 3, labels
    assert any("cocoa" in label for label in labels)
    assert any("storage" in label and "transport" in label for label in labels)  # one field, kept whole


def test_a_definite_plural_naming_fields_already_listed_adds_no_deals(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nGhana and Peru on Monday signed memorandums of understanding on "
                               "cocoa research, on port logistics, and on mining safety. The logistics and "
                               "mining memorandums were exchanged between officials of the two sides.")
    assert len(found) == 3, [d.label for d in found]


def test_a_name_with_of_before_its_document_noun_is_whole_and_its_participle_concludes_it(tmp_path):
    [deal], _ = deals(tmp_path, "Defence\n\nThe two countries' Status of Visiting Troops Agreement, "
                                "signed in Apia in June 2023, entered into force in May. Samoa and Tonga "
                                "said the pact was working.", published="2024-09-10")
    assert deal.name == "Status of Visiting Troops Agreement"
    assert deal.date == "2023-06"
    assert all("Agreement" not in r.key for r in deal.participants)


def test_leaders_adopting_a_declaration_in_a_with_clause_concluded_it(tmp_path):
    [deal], _ = deals(tmp_path, "Summit\n\nThe summit of Chile and Peru ended in Lima on Friday with the "
                                "leaders adopting the Andean Sea of Cooperation Declaration.")
    assert "Sea of Cooperation" in deal.label


def test_a_participle_with_before_signing_stays_a_plan(tmp_path):
    found, _ = deals(tmp_path, "Summit\n\nChile and Peru ended talks in Lima on Friday before "
                               "signing any agreement on fisheries.")
    assert found == []


def test_an_addendum_to_a_named_treaty_is_its_own_document_not_the_treaty(tmp_path):
    found, _ = deals(tmp_path, "Energy\n\nThe ministers of Chile and Peru on Monday signed an addendum to the "
                               "Border Gas Cooperation Agreement of March 2015 on the joint field.")
    labels = sorted(d.label for d in found)
    assert len(found) == 2, labels
    addendum = next(d for d in found if "addendum" in d.label)
    assert addendum.date != "2015-03" and not addendum.label.startswith("2015")  # the treaty's year


def test_exchanged_letters_are_one_document(tmp_path):
    found, _ = deals(tmp_path, "Aid\n\nOn Wednesday the foreign ministers of Samoa and Tonga signed a "
                               "partnership declaration. The finance ministers of Samoa and Tonga "
                               "exchanged letters on a climate finance package.")
    assert any("letters" in d.label and "climate" in d.label for d in found), [d.label for d in found]


def test_a_letter_sent_is_no_document(tmp_path):
    found, _ = deals(tmp_path, "Aid\n\nSamoa's prime minister sent letters to Tonga on a climate finance package.")
    assert found == []


def test_a_period_of_years_closes_a_frameworks_name(tmp_path):
    [deal], _ = deals(tmp_path, "Ties\n\nOn Wednesday, the leaders of Samoa and Tonga signed the Moana "
                                "Partnership Framework 2025–2030.", published="2025-09-12")
    assert deal.name == "Moana Partnership Framework 2025–2030"


def test_a_draft_initialled_by_one_side_is_no_agreement(tmp_path):
    found, _ = deals(tmp_path, "Water\n\nIn 2020, Egypt initialled a draft agreement drawn up during talks in "
                               "Washington, but Sudan refused to attend and the text was never signed.")
    assert found == []


def test_readiness_to_sign_is_no_agreement(tmp_path):
    found, _ = deals(tmp_path, "Rail\n\nThe Chinese side expressed readiness to sign the agreement on the "
                               "railway's project report with Nepal after the study is completed.")
    assert found == []


def test_the_body_details_a_deal_the_lede_named_under_the_same_noun(tmp_path):
    found, _ = deals(tmp_path, "Chile and Peru sign deals\n\nChile and Peru signed several agreements on Monday, "
                               "including a contract to raise Chilean copper exports to Peru. Codelco and "
                               "Peru's trade ministry signed a contract for an additional 40,000 tonnes of "
                               "copper a year, officials said.")
    contracts = [d for d in found if "contract" in d.label]
    assert len(contracts) == 1, [d.label for d in found]


def test_a_body_deal_on_another_subject_is_not_the_ledes(tmp_path):
    found, _ = deals(tmp_path, "Chile and Peru sign deals\n\nChile and Peru signed several agreements on Monday, "
                               "including a contract to raise Chilean copper exports to Peru. The two "
                               "governments also signed a contract for the dredging of the port of Callao.")
    contracts = [d for d in found if "contract" in d.label]
    assert len(contracts) == 2, [d.label for d in found]


def test_they_who_sign_next_are_the_signers_of_the_deal_just_told(tmp_path):
    found, _ = deals(tmp_path, "Talks\n\nKenya hosted the talks between Ethiopia and Eritrea, and Norway "
                               "and Sweden observed them. In Nairobi, Ethiopia and Eritrea signed a "
                               "declaration on the protection of civilians on Monday. Two days later they "
                               "signed a ceasefire agreement.")
    ceasefire = next(d for d in found if "ceasefire" in d.label)
    assert parties(ceasefire) == {"Ethiopia", "Eritrea"}


def test_a_root_signed_without_auxiliary_takes_the_actors_before_it_as_signers(tmp_path):
    found, _ = deals(tmp_path, "Talks\n\nKenya hosted the talks and Norway observed them. In the Kenyan "
                               "port city of Mombasa, Ethiopian and Eritrean envoys and the African Union "
                               "signed on May 11, 2023 the Mombasa Declaration of Commitment to Protect Civilians.")
    [deal] = found
    assert "African Union" in parties(deal), parties(deal)


def test_on_the_sidelines_is_no_field_of_repeated_on(tmp_path):
    found, _ = deals(tmp_path, "Ties\n\nGhana and Peru today signed two memorandums of understanding, on "
                               "cocoa research and on port safety, on the sidelines of the trade forum.")
    assert len(found) == 2 and not any("sidelines" in d.label for d in found), [d.label for d in found]


def test_unnamed_signers_are_not_a_pair_with_a_state_named_in_passing(tmp_path):
    found, _ = deals(tmp_path, "Gas\n\nGhana's government met the oil company on Friday. Ghana wants the "
                               "project restarted, and Ghana's president said Ghana needs the revenue; "
                               "troops from Togo guard the site. The company and the government signed "
                               "an addendum to the development plan.")
    addendum = next(d for d in found if "addendum" in d.label)
    assert "Togo" not in parties(addendum)


def test_documents_opening_items_of_a_list_after_a_signing_line_are_concluded(tmp_path):
    found, _ = deals(tmp_path, "Visit\n\nGhana and Peru held talks in Accra on Monday.\n\n"
                               "After the talks, the two sides exchanged the following documents:\n\n"
                               "1. Agreement on Cultural Cooperation between the two governments;\n"
                               "2. Memorandum of Understanding on the Joint Study of a Cocoa Corridor.\n\n"
                               "The ministers then held a press conference.")
    labels = [d.label for d in found]
    assert len(found) == 2 and any("Cocoa" in label for label in labels), labels


def test_a_list_under_a_line_without_a_signing_verb_concludes_nothing(tmp_path):
    found, _ = deals(tmp_path, "Visit\n\nGhana and Peru held talks in Accra on Monday.\n\n"
                               "The two sides are negotiating the following documents:\n\n"
                               "1. Agreement on Cultural Cooperation;\n"
                               "2. Memorandum of Understanding on a Cocoa Corridor.\n")
    assert found == []


def test_a_deal_signed_at_the_same_ceremony_joins_that_signing(tmp_path):
    text = ("Grain and ports\n\nArgentina and Uruguay signed a memorandum of understanding on grain "
            "inspection in Montevideo on Tuesday. At the same ceremony, the Port of Buenos Aires and "
            "the Port of Montevideo signed an agreement on dredging the shared channel.")
    agreements, signings = deals(tmp_path, text)
    [dredging] = [a for a in agreements if "dredging" in a.label]
    assert dredging.date == "2024-03-12"  # the ceremony's Tuesday
    assert {"Argentina", "Uruguay"} <= parties(dredging)
    [signing] = signings  # one ceremony, not two
    assert signing.date == "2024-03-12"


def test_the_deal_a_new_one_replaces_is_an_earlier_deal(tmp_path):
    text = ("Fisheries\n\nPeru and Chile signed a fisheries convention in Lima on Monday, replacing the "
            "convention that the two countries signed in 2009.")
    agreements, signings = deals(tmp_path, text)
    assert sorted(a.date or "" for a in agreements) == ["2009", "2024-03-11"]
    [signing] = signings  # the 2009 convention is history: no second signing
    assert signing.date == "2024-03-11"


def test_a_participle_on_the_deal_reports_its_signing_whatever_governs_the_deal(tmp_path):
    # 'negotiated' is a hedge word: it governs the list, but 'signed in Lima ...' tells the signing done
    found, _ = deals(tmp_path, (
        "Andes\n\nPeru and Chile signed a border treaty in 1999. Two decades later the neighbours negotiated "
        "its successor: a Coastal Security Pact (CSP) and a Fisheries Access Protocol (FAP), signed in Lima "
        "on 4 March 2023."), published="2024-05-02")
    [protocol] = [d for d in found if d.name and "Fisheries" in d.name]
    assert protocol.date == "2023-03-04"
    assert "Peru" in parties(protocol)


def test_a_signing_seven_months_before_the_article_is_history_but_the_deal_stays(tmp_path):
    [deal], signings = deals(tmp_path, (
        "Fisheries\n\nPeru and Chile signed a memorandum of understanding on anchovy stocks in Lima in "
        "November 2023."), published="2024-06-20")
    assert deal.date == "2023-11" and parties(deal) == {"Peru", "Chile"}
    assert signings == []


def test_a_signing_four_months_before_the_article_is_still_news(tmp_path):
    [deal], [signing] = deals(tmp_path, (
        "Fisheries\n\nPeru and Chile signed a memorandum of understanding on anchovy stocks in Lima in "
        "February 2024."), published="2024-06-20")
    assert deal.date == signing.date == "2024-02"


@pytest.mark.parametrize("text", [
    "Ties\n\nPeru and Bolivia signed six sectoral agreements in La Paz on Monday, among them an agreement "
    "on the joint inspection of Lake Titicaca fisheries.",
    "Ties\n\nThe presidents of Peru and Bolivia witnessed the signing of six instruments in La Paz on Monday. "
    "Among the instruments are a memorandum on the joint inspection of Lake Titicaca fisheries and a "
    "protocol on customs.",
])
def test_a_document_named_among_a_counted_set_is_concluded_with_the_set(tmp_path, text):
    found, _ = deals(tmp_path, text)
    [named] = [d for d in found if "titicaca" in d.label.lower()]
    assert parties(named) == {"Peru", "Bolivia"} and named.date == "2024-03-11"
    assert "among" not in named.label.lower()


@pytest.mark.parametrize("sentence", [
    "Peru and Bolivia exchanged notes on river navigation in La Paz on Monday.",
    "Bolivia extended the fishing licences after an exchange of letters on river navigation between the "
    "foreign ministers of Peru and Bolivia on Monday.",
])
def test_exchanged_notes_or_letters_are_labelled_as_an_exchange(tmp_path, sentence):
    [deal], _ = deals(tmp_path, "Ties\n\n" + sentence)
    label = deal.label.lower()
    assert "exchange of notes" in label or "exchange of letters" in label, deal.label
    assert "navigation" in label


def test_a_letter_of_intent_is_no_exchange(tmp_path):
    [deal], _ = deals(tmp_path, "Ties\n\nPeru and Bolivia signed a letter of intent on river navigation on Monday.")
    assert "exchange" not in deal.label.lower() and "intent" in deal.label


def test_an_adopted_text_is_concluded_but_gives_no_signing(tmp_path):
    agreements, signings = deals(tmp_path, "Summit\n\nThe leaders of Peru and Chile on Friday adopted the Arica "
                                           "Declaration on coastal trade at the end of their summit in Arica.")
    [deal] = agreements
    assert "Arica Declaration" in deal.label and {"Peru", "Chile"} <= parties(deal)
    assert signings == []  # nobody is reported signing an adopted text (GOLD_SCHEMA: Signing needs a signing)
    signed, signings = deals(tmp_path, "Summit\n\nThe leaders of Peru and Chile on Friday signed the Arica "
                                       "Declaration on coastal trade at the end of their summit in Arica.")
    assert len(signed) == 1 and len(signings) == 1


def test_lettered_items_under_a_line_about_the_signing_are_each_an_agreement(tmp_path):
    found, _ = deals(tmp_path, "Visit\n\nKenya and Chile held talks in Nairobi on Monday.\n\n"
                               "The two foreign ministers then signed:\n"
                               "a) an Agreement on Visa Exemption for Diplomatic Passports;\n"
                               "b) a framework protocol on tea and copper trade;\n"
                               "c) Exchange of Notes on a Scholarship Programme.\n\n"
                               "A dinner followed.")
    labels = sorted(d.label for d in found)
    assert len(found) == 3, labels
    assert any("Visa" in label for label in labels) and any("tea" in label for label in labels)
    # a name that heads an item runs to the item's end
    assert any("Diplomatic Passports" in label for label in labels)
    assert any("Scholarship" in label for label in labels)
    assert not any(label.startswith(("a)", "b)", "c)")) for label in labels), labels
    assert all(parties(d) == {"Kenya", "Chile"} for d in found)


def test_an_item_ending_in_a_colon_introduces_the_items_under_it(tmp_path):
    found, _ = deals(tmp_path, "Outcomes\n\nKenya and Chile held talks in Nairobi on Monday.\n\n"
                               "The visit of Chile's president to Kenya produced:\n"
                               "1. a joint press statement;\n"
                               "2. the following documents, signed by the two ministers:\n"
                               "- Agreement on Air Services;\n"
                               "- Memorandum of Understanding on Geothermal Energy.\n")
    labels = sorted(d.label for d in found)
    assert len(found) == 2 and any("Geothermal" in label for label in labels), labels


def test_items_under_a_line_that_concludes_nothing_are_no_deals_at_all(tmp_path):
    found, _ = deals(tmp_path, "Agenda\n\nKenya and Chile will open talks in Nairobi on Monday.\n\n"
                               "The talks will cover:\n"
                               "- the 2019 Agreement on Trade and Investment;\n"
                               "- a draft Protocol on Fisheries.\n")
    assert found == [], [d.label for d in found]


def test_documents_named_among_a_signed_plural_are_each_an_agreement(tmp_path):
    found, _ = deals(tmp_path, "Trade\n\nKenya and Chile signed five agreements in Nairobi on Monday, "
                               "among them a protocol on fruit inspection and a treaty on double taxation.")
    labels = [d.label for d in found]
    assert any("fruit inspection" in label for label in labels), labels
    assert any("double taxation" in label for label in labels), labels


def test_a_bulleted_headline_of_another_story_concludes_no_deal(tmp_path):
    found, _ = deals(tmp_path, "Talks\n\nKenya and Chile held talks on tea exports in Nairobi on Monday. "
                               "No documents were signed.\n\n"
                               "- Chile and Peru sign air services pact in Lima\n"
                               "- Kenya eyes new markets for its tea\n")
    assert found == [], [d.label for d in found]


def test_a_body_written_in_the_documents_name_by_its_short_form_is_a_party(tmp_path):
    found, _ = deals(tmp_path, "Transit\n\nThe Economic Cooperation Organization (ECO) met in Tehran on Monday. "
                               "Iran and Pakistan signed the ECO Transit Trade Protocol at the meeting.")
    [protocol] = [d for d in found if "Transit" in d.label]
    assert "Economic Cooperation Organization" in parties(protocol), parties(protocol)
    assert {"Iran", "Pakistan"} <= parties(protocol)


def test_a_body_named_in_a_hyphenated_document_name_stays_its_party(tmp_path):
    found, _ = deals(tmp_path, "Trade\n\nThe European Union (EU) welcomed the vote. Chile's senate ratified "
                               "the EU-Chile Advanced Framework Agreement in Valparaiso on Monday.")
    [deal] = found
    assert {"European Union", "Chile"} <= parties(deal), parties(deal)


def test_a_clause_on_the_partners_names_no_party(tmp_path):
    found, _ = deals(tmp_path, "Water\n\nKenya's and Uganda's water ministers met in Kampala on Monday. They "
                               "signed a data-sharing protocol between the two governments that set up the "
                               "Lake Victoria Basin Commission.")
    [deal] = [d for d in found if "protocol" in d.label]
    assert "Lake Victoria Basin Commission" not in parties(deal), parties(deal)
    assert {"Kenya", "Uganda"} <= parties(deal)


def test_a_plural_before_a_colon_concludes_one_deal_for_each_item_below(tmp_path):
    found, _ = deals(tmp_path, "Loans\n\nKenya and Chile held talks in Nairobi on Monday.\n\n"
                               "The two finance ministers signed loan agreements for the following projects:\n"
                               "- the Kisumu water treatment plant;\n"
                               "- the Eldoret bypass road; and\n"
                               "- a solar farm near Garissa.\n\n"
                               "Both sides praised the talks.")
    labels = sorted(d.label for d in found)
    assert len(found) == 3, labels
    assert all("loan" in label for label in labels), labels
    assert any("Kisumu" in label for label in labels) and any("Garissa" in label for label in labels)


def test_a_plan_and_a_memorandum_named_among_signed_documents_are_each_a_deal(tmp_path):
    found, _ = deals(tmp_path, "Pacific\n\nThe row began with the package of agreements Prime Minister Sitiveni "
                               "Rabuka signed in Tokyo in February, among them a fisheries action plan and a memorandum "
                               "on deep-sea cables, which Canberra criticised.")
    labels = [d.label for d in found]
    assert any("action plan" in label for label in labels), labels
    assert any("cables" in label for label in labels), labels


def test_who_acts_under_a_deal_signed_with_one_side_is_the_other_party(tmp_path):
    found, _ = deals(tmp_path, "Grid\n\nKenya Power will build the Namanga substation under a supply agreement "
                               "signed with the Tanzania Electric Supply Company in 2024.", published="2025-03-14")
    [deal] = found
    assert "Kenya Power" in parties(deal), parties(deal)


def test_a_document_before_a_participle_the_parser_misreads_is_still_signed(tmp_path):
    # the parser reads 'protocol setting' as a modifier of 'requirements' and 'protocol upgrading' as a
    # compound; the signing verb right before the document still concludes it
    found, _ = deals(tmp_path, "Trade\n\nIn a separate ceremony, Chile's farm inspection service and "
                               "Korea's customs agency signed a protocol setting sanitary requirements for "
                               "exports of fresh Chilean cherries to Korea.\n\n"
                               "The two presidents later signed a protocol upgrading the free trade agreement "
                               "the two countries concluded in 2004.")
    labels = [d.label for d in found]
    assert any("cherries" in label for label in labels), labels
    assert any("upgrading" in label for label in labels), labels
    assert any(d.date == "2004" for d in found), labels  # the agreement the protocol upgrades stays a deal


def test_a_deal_signed_the_same_day_joins_that_days_signing(tmp_path):
    text = ("Pipeline\n\nOn Monday, Kenya and Uganda signed a protocol fixing the tariff for the oil pipeline. "
            "The same day the two ministers signed an amendment to the host government agreement covering "
            "land compensation.")
    agreements, signings = deals(tmp_path, text)
    [amendment] = [a for a in agreements if "amendment" in a.label]
    assert amendment.date == "2024-03-11"  # Monday's, the day of the signing told just before
    assert len(signings) == 1, [s.label for s in signings]
