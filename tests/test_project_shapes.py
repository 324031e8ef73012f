"""Shapes of a project's phrase (relgraph.nlp.project_shapes) on sentences written for them."""
from pathlib import Path

import pytest

from extraction_helpers import extract_written

pytestmark = pytest.mark.slow


def projects_of(tmp_path: Path, text: str):
    records = extract_written(tmp_path, "Infrastructure news\n\n" + text, published="2024-05-02")
    return [f for f in records.facts if f.kind == "project"]


def keys(refs):
    return {r.key for r in refs}


def test_a_number_after_a_capitalised_head_ends_the_name(tmp_path):
    [cable] = projects_of(tmp_path, (
        "Greece and Cyprus hired a Dutch firm to lay the Aegean Interconnector 3, a new power cable."))
    assert cable.label == "Aegean Interconnector 3"


def test_a_size_after_the_head_is_no_number_of_its_name(tmp_path):
    projects = projects_of(tmp_path, "Kenya and Uganda agreed to build the Tororo Interconnector 400 kV by 2027.")
    assert all(not p.label.endswith("400") for p in projects)


def test_names_coordinated_before_a_plural_farm_noun_are_one_farm_each(tmp_path):
    projects = projects_of(tmp_path, "Kazakhstan built the Karatau and Ulken solar farms with Chinese loans.")
    assert sorted(p.label for p in projects) == ["Karatau solar farm", "Ulken solar farm"]
    assert all("Kazakhstan" in keys(p.participants) for p in projects)


def test_names_the_parser_reads_as_conjuncts_of_the_plural_noun_are_one_farm_each(tmp_path):
    projects = projects_of(tmp_path, "The Karatau and Ulken wind farms in the Turkistan region are running, Kazakhstan said.")
    assert sorted(p.label for p in projects) == ["Karatau wind farm", "Ulken wind farm"]


def test_a_state_and_a_demonym_before_a_plural_noun_name_no_plants(tmp_path):
    projects = projects_of(tmp_path, "Officials discussed Russian and Chinese power plants in Hanoi.")
    assert not any(p.label.startswith(("Russian", "Chinese")) for p in projects)


def test_a_coordinated_noun_without_a_name_shares_the_first_ones(tmp_path):
    projects = projects_of(tmp_path, (
        "Ghana and Togo discussed financing for the Keta gas plant and deep-water port on Monday."))
    assert sorted(p.label for p in projects) == ["Keta deep-water port", "Keta gas plant"]


def test_a_coordinated_noun_with_its_own_article_shares_no_name(tmp_path):
    projects = projects_of(tmp_path, (
        "Namibia and Angola discussed the Epupa hydropower dam and a transmission line on Monday."))
    assert [p.label for p in projects if "Epupa" in p.label] == ["Epupa hydropower dam"]


def test_a_descriptive_capitalised_name_takes_the_place_it_is_at(tmp_path):
    [zone] = projects_of(tmp_path, (
        "Qatar offered Indian firms land in the Free Industrial Zone at Ras Laffan, the minister said."))
    assert zone.label == "Free Industrial Zone at Ras Laffan"


def test_an_initiative_keeps_its_name_without_the_place_it_was_discussed(tmp_path):
    [initiative] = projects_of(tmp_path, "Peru and Chile discussed the Pacific Fisheries Initiative in Lima.")
    assert initiative.label == "Pacific Fisheries Initiative"


def test_a_named_line_whose_appositive_is_a_company_noun_is_a_company(tmp_path):
    projects = projects_of(tmp_path, (
        "Andes Northern Railway, the Bolivian network's operator, and Peru's transport ministry signed a protocol "
        "on the Desaguadero-Ilo railway line."))
    assert [p.label for p in projects] == ["Desaguadero-Ilo railway line"]


def test_a_generic_appositive_is_said_of_the_project_before_it(tmp_path):
    projects = projects_of(tmp_path, (
        "Rwanda has reopened talks with Tanzania on a fuel pipeline from Isaka to Kigali, a separate project "
        "that has nothing to do with the railway."))
    assert [p.label for p in projects] == ["Isaka–Kigali fuel pipeline"]



def test_a_centre_with_only_a_descriptive_name_where_a_summit_opens_is_a_venue(tmp_path):
    projects = projects_of(tmp_path, (
        "Good evening from Astana, where the tenth forum of the Turkic Council opens in the Exhibition Centre."))
    assert projects == []


def test_a_named_route_whose_section_the_story_tells_of_is_a_project(tmp_path):
    projects = projects_of(tmp_path, (
        "Its board approved a loan for the Ghanaian section of the Trans-Sahel Coastal Highway in March, Togo said."))
    assert [p.label for p in projects] == ["Trans-Sahel Coastal Highway"]


def test_a_bridge_with_a_descriptive_name_where_a_complex_opens_stays_a_project(tmp_path):
    projects = projects_of(tmp_path, (
        "A joint customs complex is due to open next year at the Unity Bridge, the second road link over the "
        "Parana River between Foz do Iguacu and the Paraguayan city of Presidente Franco, which opened to traffic "
        "this year."))
    assert any(p.label.startswith("Unity Bridge") for p in projects)
