"""Tests of the shipped gazetteer data and of relgraph.gazetteer lookups."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from relgraph.gazetteer import Gazetteer, default_gazetteer, edit_distance_at_most_one

ROOT = Path(__file__).resolve().parents[1]
GAZ_DIR = ROOT / "data" / "gazetteer"
GOLD_DIR = Path("/work/shared/gold")
QID = re.compile(r"^Q[1-9][0-9]*$")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def rows(name: str) -> list[dict[str, str]]:
    with (GAZ_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


# --- data files ---------------------------------------------------------------------------------

def test_row_counts():
    assert len(rows("states.tsv")) == 202  # 194 independent + 4 historical + 4 disputed
    assert 4000 <= len(rows("cities.tsv")) <= 6000
    assert 150 <= len(rows("organizations.tsv")) <= 320
    assert 300 <= len(rows("people.tsv")) <= 450
    variants = (GAZ_DIR / "name_variants.tsv").read_text(encoding="utf-8").splitlines()
    assert len(variants) >= 40 and all("|" in v for v in variants)


@pytest.mark.parametrize("name", ["states.tsv", "cities.tsv", "organizations.tsv", "people.tsv"])
def test_qids_well_formed(name):
    for r in rows(name):
        assert not r["wikidata"] or QID.match(r["wikidata"]), r


@pytest.mark.parametrize("name", ["states.tsv", "organizations.tsv", "people.tsv"])
def test_no_duplicate_canonical_names(name):
    names = [r["name"].lower() for r in rows(name)]
    assert len(names) == len(set(names))


def test_no_duplicate_city_per_state():
    keys = [(r["name"].lower(), r["state"]) for r in rows("cities.tsv")]
    assert len(keys) == len(set(keys))


def test_referenced_states_exist():
    states = {r["name"] for r in rows("states.tsv")}
    assert {r["state"] for r in rows("cities.tsv")} <= states
    assert {r["state"] for r in rows("organizations.tsv") if r["state"]} <= states


def test_state_flags_and_links():
    by_name = {r["name"]: r for r in rows("states.tsv")}
    for n in ["Kosovo", "Palestine", "Taiwan", "Western Sahara"]:
        assert by_name[n]["sovereign"] == "false"
    for n in ["Soviet Union", "Yugoslavia", "Czechoslovakia", "East Germany"]:
        assert by_name[n]["historical"] == "true" and by_name[n]["geonames"] == ""
    assert by_name["Russia"]["dbpedia"] == "Russia" and by_name["Russia"]["geonames"] == "2017370"
    assert by_name["United States"]["dbpedia"] == "United_States"
    assert by_name["Georgia"]["dbpedia"] == "Georgia_(country)"
    assert "Hong Kong" not in by_name  # dependent territories are not state rows


KNOWN_STATE_QIDS = {"Russia": "Q159", "Pakistan": "Q843", "Soviet Union": "Q15180", "Palestine": "Q219060",
                    "United States": "Q30", "China": "Q148", "India": "Q668", "United Arab Emirates": "Q878",
                    "Afghanistan": "Q889", "Israel": "Q801", "Saudi Arabia": "Q851", "Kuwait": "Q817",
                    "Qatar": "Q846", "Kazakhstan": "Q232", "Iran": "Q794", "Egypt": "Q79", "Turkey": "Q43"}


def test_state_qids(gaz):
    for name, qid in KNOWN_STATE_QIDS.items():
        assert gaz.state(name).wikidata == qid, name


@pytest.mark.skipif(not GOLD_DIR.exists(), reason="gold annotations not available")
def test_gold_states_and_orgs_agree(gaz):
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for s in gold["states"]:
            entry = gaz.state(s["name"])
            assert entry is not None and entry.name == s["name"], s["name"]
            if s.get("wikidata"):
                assert entry.wikidata == s["wikidata"], s["name"]
            for alias in s.get("aliases", []):
                assert gaz.state(alias) is entry or gaz.fuzzy_state(alias) is entry, alias
        for o in gold["organizations"]:
            entry = gaz.organization(o["name"])
            if entry is not None and o.get("wikidata"):
                assert entry.wikidata == o["wikidata"], o["name"]
        for c in gold["cities"]:
            assert gaz.city(c["name"]).state == c["state"], c["name"]


# --- lookups ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Russia", "Russia"), ("Russian Federation", "Russia"), ("the United States", "United States"),
    ("US", "United States"), ("U.S.", "United States"), ("USA", "United States"),
    ("America", "United States"), ("UK", "United Kingdom"), ("Britain", "United Kingdom"),
    ("Türkiye", "Turkey"), ("Turkiye", "Turkey"), ("Republic of Turkey", "Turkey"),
    ("Pakistan's", "Pakistan"), ("Islamic Republic of Pakistan", "Pakistan"), ("USSR", "Soviet Union"),
    ("UAE", "United Arab Emirates"), ("Côte d’Ivoire", "Ivory Coast"), ("Burma", "Myanmar"),
    ("Czechia", "Czech Republic"), ("DPRK", "North Korea"), ("PRC", "China"), ("Swaziland", "Eswatini"),
    ("State of Palestine", "Palestine"), ("Holy See", "Vatican City"), ("Holland", "Netherlands"),
    ("Korea", "South Korea"), ("PNG", "Papua New Guinea"),   # the bare short forms news uses
])
def test_state_lookup(gaz, text, expected):
    assert gaz.state(text).name == expected


@pytest.mark.parametrize("text", ["us", "Us", "uk", "the", "Island", "Thai", "Lao", "Mann", "png", ""])
def test_state_lookup_rejects_words(gaz, text):
    assert gaz.state(text) is None


@pytest.mark.parametrize("text,expected", [
    ("Russian", "Russia"), ("Pakistani", "Pakistan"), ("Soviet", "Soviet Union"), ("Chinese", "China"),
    ("Saudi", "Saudi Arabia"), ("Emirati", "United Arab Emirates"), ("American", "United States"),
    ("Russians", "Russia"), ("Afghan", "Afghanistan"), ("Turkish", "Turkey"), ("British", "United Kingdom"),
])
def test_state_by_demonym(gaz, text, expected):
    assert gaz.state_by_demonym(text).name == expected


@pytest.mark.parametrize("text,expected", [
    ("Moscow", "Russia"), ("Islamabad", "Pakistan"), ("Washington", "United States"), ("Beijing", "China"),
    ("New Delhi", "India"), ("Kabul", "Afghanistan"), ("Belgrade", "Serbia"), ("Kiev", "Ukraine"),
])
def test_state_by_capital(gaz, text, expected):
    assert gaz.state_by_capital(text).name == expected


def test_fuzzy_state(gaz):
    assert gaz.fuzzy_state("Rusia").name == "Russia"
    assert gaz.fuzzy_state("Pakistn").name == "Pakistan"
    assert gaz.fuzzy_state("Russia").name == "Russia"
    assert gaz.fuzzy_state("Austria").name == "Austria"
    for text in ["Russian", "Prussia", "Chine", "Hungry", "Nigera", "rusia", "Iraqi", "Lao"]:
        assert gaz.fuzzy_state(text) is None, text


def test_edit_distance():
    assert edit_distance_at_most_one("rusia", "russia")
    assert edit_distance_at_most_one("indai", "india")
    assert not edit_distance_at_most_one("austria", "australia")


@pytest.mark.parametrize("text,state", [
    ("Karachi", "Pakistan"), ("Lahore", "Pakistan"), ("Islamabad", "Pakistan"), ("New Delhi", "India"),
    ("Istanbul", "Turkey"), ("Moscow", "Russia"), ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"),
    ("Bombay", "India"), ("Hong Kong", "China"), ("Bogota", "Colombia"), ("Bogotá", "Colombia"),
])
def test_city_lookup(gaz, text, state):
    assert gaz.city(text).state == state


def test_city_preference(gaz):
    assert gaz.city("Hyderabad").state == "India"  # more populous
    assert gaz.city("Hyderabad", prefer_state="Pakistan").state == "Pakistan"
    assert gaz.city("Islamabad").capitals == ("Pakistan",)
    assert gaz.city("Karachi").capitals == ()
    assert gaz.city("Moscow").geonames == "524901"


@pytest.mark.parametrize("text", ["SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"])
def test_organization_sco(gaz, text):
    org = gaz.organization(text)
    assert org.name == "Shanghai Cooperation Organisation" and org.wikidata == "Q485207"
    assert org.org_kind == "intergovernmental" and org.state is None


def test_organizations(gaz):
    assert gaz.organization("Gazprom").state == "Russia"
    assert gaz.organization("Express Tribune").name == "The Express Tribune"
    assert gaz.organization("the UN").name == "United Nations"
    assert gaz.organization("Afghan Taliban").name == "Taliban"
    assert gaz.organization("Daesh").name == "Islamic State"
    assert gaz.organization("who") is None  # case-sensitive abbreviation


@pytest.mark.parametrize("variant,canonical", [
    ("Sergey Lavrov", "Sergei Lavrov"), ("Sergei Lavrov", "Sergei Lavrov"), ("Mr. Sergey Lavrov", "Sergei Lavrov"),
    ("Shah Mahmood Qureshi", "Shah Mehmood Qureshi"), ("Andrei Rudenko", "Andrey Rudenko"),
    ("Bilawal Bhutto", "Bilawal Bhutto Zardari"), ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("S. Jaishankar", "Subrahmanyam Jaishankar"),
    ("Muhammad bin Salman", "Mohammed bin Salman"), ("Kim Jong-un", "Kim Jong Un"),
    ("Vladimir Putin", "Vladimir Putin"),
])
def test_person_variants(gaz, variant, canonical):
    assert gaz.person(variant).name == canonical


def test_name_variant_key(gaz):
    assert gaz.name_variant_key("Sergey Lavrov") == gaz.name_variant_key("Sergei Lavrov")
    assert gaz.name_variant_key("Shah Mahmood Qureshi") == gaz.name_variant_key("Shah Mehmood Qureshi")
    assert gaz.name_variant_key("Sergei Lavrov") != gaz.name_variant_key("Sergei Shoigu")
    assert gaz.person("Lavrov") is None  # no bare surnames


def test_same_as(gaz):
    assert gaz.state("Russia").same_as() == ["http://www.wikidata.org/entity/Q159",
                                              "http://dbpedia.org/resource/Russia",
                                              "https://sws.geonames.org/2017370/"]
    assert gaz.person("Vladimir Putin").same_as() == ["http://www.wikidata.org/entity/Q7747"]


def test_load_from_directory():
    g = Gazetteer.load(GAZ_DIR)
    assert g.state("Pakistan").wikidata == "Q843"


# --- spaCy EntityRuler --------------------------------------------------------------------------

def test_entity_ruler_patterns(gaz):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    patterns = gaz.entity_ruler_patterns()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    assert all(p["label"] in {"GPE", "NORP", "ORG", "PERSON"} and ":" in p["id"] for p in patterns)
    doc = nlp("Russian Foreign Minister Sergei Lavrov met Pakistan's Shah Mehmood Qureshi in Islamabad.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ents == {("Russian", "NORP", "demonym:Russia"),
                    ("Sergei Lavrov", "PERSON", "person:Sergei Lavrov"),
                    ("Pakistan", "GPE", "state:Pakistan"),
                    ("Shah Mehmood Qureshi", "PERSON", "person:Shah Mehmood Qureshi"),
                    ("Islamabad", "GPE", "city:Islamabad")}
    doc = nlp("Let us see whether the US and the SCO agree, said the turkey farmer in Turkey.")
    found = {(e.text, e.ent_id_) for e in doc.ents}
    assert found == {("US", "state:United States"), ("SCO", "org:Shanghai Cooperation Organisation"),
                     ("Turkey", "state:Turkey")}


def test_fuzzy_state_finds_a_near_miss_one_letter_longer_or_shorter(gaz):
    assert gaz.fuzzy_state("Argentinna").name == "Argentina"   # one letter more
    assert gaz.fuzzy_state("Argntina").name == "Argentina"     # one letter fewer
    assert gaz.fuzzy_state("Argxntxna") is None                # two letters off
