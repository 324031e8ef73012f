"""Projects told by a proper name with no project noun (relgraph.nlp.project_proper), on sentences
written for them."""
from pathlib import Path

import pytest

from extraction_helpers import extract_written

pytestmark = pytest.mark.slow


def extracted(tmp_path: Path, text: str):
    records = extract_written(tmp_path, "Energy news\n\n" + text, published="2024-05-02")
    projects = [f for f in records.facts if f.kind == "project"]
    orgs = {r.key for r in records.entities if r.kind == "organization"}
    return projects, orgs


def keys(refs):
    return {r.key for r in refs}


def test_a_name_in_apposition_to_a_route_names_that_route(tmp_path):
    projects, _ = extracted(tmp_path, (
        "Chile and Peru signed the operating agreement for SURLINK, the 500 MW high-voltage link "
        "between Arica and Tacna, at a ceremony on Monday."))
    [link] = [p for p in projects if "SURLINK" in p.label]
    assert "Arica" in link.label and "Tacna" in link.label  # one project, not a name and a route
    assert len(projects) == 1
    assert {"Chile", "Peru"} <= keys(link.participants)


def test_the_subject_of_a_verb_only_a_project_does_is_a_project(tmp_path):
    projects, orgs = extracted(tmp_path, (
        "Greece and Cyprus said on Monday that Aphrodite Blue CCS would store carbon dioxide "
        "under the seabed off Limassol."))
    assert any("Aphrodite" in p.label for p in projects)
    assert not any("Aphrodite" in o for o in orgs)


def test_the_object_of_a_building_verb_is_a_project(tmp_path):
    projects, _ = extracted(tmp_path, (
        "Norway and Denmark will jointly finance the Skagerrak Energy Storage, officials in Oslo said "
        "on Friday."))
    [hub] = [p for p in projects if "Skagerrak" in p.label]
    assert {"Norway", "Denmark"} & keys(hub.participants)


def test_a_name_that_builds_is_the_builder_not_a_project(tmp_path):
    projects, _ = extracted(tmp_path, (
        "Kenya welcomed Harambee Infrastructure Partners, which is building the new Kisumu port, "
        "and said it would sign more contracts. Harambee Infrastructure Partners said it was "
        "pleased."))
    assert not any("Harambee" in p.label and "Kisumu" not in p.label for p in projects)


def test_a_named_agreement_upgraded_is_no_project(tmp_path):
    projects, _ = extracted(tmp_path, (
        "The two leaders agreed to upgrade the Chile-Korea Free Trade Agreement, which took effect "
        "in 2004."))
    assert not any("Agreement" in p.label for p in projects)
