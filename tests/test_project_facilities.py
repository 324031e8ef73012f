"""Named facilities (relgraph.nlp.project_facilities) on sentences written for them."""
from pathlib import Path

import pytest

from extraction_helpers import extract_written

pytestmark = pytest.mark.slow


def projects_of(tmp_path: Path, text: str):
    records = extract_written(tmp_path, "Infrastructure news\n\n" + text, published="2024-05-02")
    return [f for f in records.facts if f.kind == "project"]


def keys(refs):
    return {r.key for r in refs}


def test_a_facility_with_a_name_of_its_own_is_a_project_without_a_building_verb(tmp_path):
    [port] = projects_of(tmp_path, (
        "Traders in Oman complain that Iran keeps its ships waiting at sea while the Qeshmar port "
        "takes its own cargo first."))
    assert port.label == "Qeshmar port"
    assert {"Iran", "Oman"} <= keys(port.participants)


def test_an_oil_field_told_by_its_output_is_a_project(tmp_path):
    [field] = projects_of(tmp_path, "Uganda said output at the Kasemba field had doubled since March.")
    assert field.label == "Kasemba field"
    assert keys(field.participants) == {"Uganda"}


def test_names_coordinated_before_one_plural_noun_are_one_facility_each(tmp_path):
    projects = projects_of(tmp_path, (
        "Tanzania and Burundi discussed traffic through the Kigomba and Rumonge ports on Lake Tanganyika."))
    assert sorted(p.label for p in projects) == ["Kigomba port", "Rumonge port"]
    assert all({"Tanzania", "Burundi"} <= keys(p.participants) for p in projects)


def test_a_facility_named_after_its_owner_or_its_city_only_is_no_project(tmp_path):
    projects = projects_of(tmp_path, (
        "Shell said output at the Shell terminal was steady and trade through the Mombasa port "
        "rose in May, Kenya said."))
    assert projects == []


def test_where_a_visitor_lands_is_no_project(tmp_path):
    projects = projects_of(tmp_path, (
        "On arrival at the Kotoka-Amanfo International Airport, the President of Ghana was met by "
        "ministers of Togo. The next day he landed at the Velmar port."))
    assert projects == []


def test_a_second_name_in_a_participle_clause_is_the_same_project(tmp_path):
    projects = projects_of(tmp_path, (
        "Sudan is digging the Abu Tarfa canal to take water from the Nile. The 90-km canal, also "
        "called the Abu Tarifa canal, could take a tenth of the river's flow, Egypt said."))
    assert [p.label for p in projects] == ["Abu Tarfa canal"]


def test_a_facility_at_a_named_place_is_a_project_without_a_building_verb(tmp_path):
    [bridge] = projects_of(tmp_path, (
        "Malawi and Mozambique said the bridge at Chiponde, which carries most of their trade, needs "
        "new decking."))
    assert bridge.label == "bridge at Chiponde"
    assert {"Malawi", "Mozambique"} <= keys(bridge.participants)


def test_a_place_set_off_by_commas_delimits_the_facility_before_it(tmp_path):
    [centre] = projects_of(tmp_path, (
        "Chile and Bolivia will open a joint customs centre, at Chungará-Tambo Quemado, in March."))
    assert "Chungará" in centre.label and "customs centre" in centre.label


def test_a_service_an_airline_begins_between_two_places_is_a_project(tmp_path):
    [flights] = projects_of(tmp_path, (
        "Air Tanzania plans to begin weekly flights between Mwanza and Kigali in June, the airline said."))
    assert flights.label == "Mwanza–Kigali weekly flights"
    assert "Air Tanzania" in keys(flights.participants)


def test_a_hub_set_up_at_a_place_is_a_project(tmp_path):
    [hub] = projects_of(tmp_path, "Kazakhstan agreed to set up a grain hub in Aktau for Azerbaijani traders.")
    assert hub.label == "grain hub in Aktau"
    assert "Kazakhstan" in keys(hub.participants)


def test_training_centres_set_up_across_a_region_are_no_one_project(tmp_path):
    projects = projects_of(tmp_path, (
        "Japan will set up vocational training centres across Kenya, the embassy said."))
    assert projects == []
