"""Participants and locations of projects (relgraph.nlp.project_parties) on sentences written for them."""
from pathlib import Path

import pytest

from extraction_helpers import extract_written

pytestmark = pytest.mark.slow


def projects_of(tmp_path: Path, text: str):
    records = extract_written(tmp_path, "Infrastructure news\n\n" + text, published="2024-05-02")
    return {f.label: f for f in records.facts if f.kind == "project"}


def keys(refs):
    return {r.key for r in refs}


def test_a_project_told_only_with_a_body_of_no_state_is_the_storys_states(tmp_path):
    projects = projects_of(tmp_path, (
        "Ghana and Togo held talks in Lome on Monday. Ghana said Togo would double its power exports.\n\n"
        "The Joint Technical Commission met in March, and the rail operators are working on the Kpadape line."))
    line = projects["Kpadape line"]
    assert {"Ghana", "Togo"} <= keys(line.participants)


def test_a_project_told_by_its_places_is_the_project_of_their_state(tmp_path):
    projects = projects_of(tmp_path, (
        "Kenya has asked lenders for help.\n\nThe route would begin at Mombasa, follow the Great Rift "
        "Railway across the valley and reach the border with Uganda."))
    assert "Kenya" in keys(projects["Great Rift Railway"].participants)


def test_the_state_a_route_end_lies_in_takes_part_when_the_article_names_it(tmp_path):
    projects = projects_of(tmp_path, (
        "Kenya and Uganda held talks in Nairobi.\n\nOfficials said the Mombasa-Jinja railway would be "
        "finished in 2027, the Chinese embassy said."))
    assert "Kenya" in keys(projects["Mombasa-Jinja railway"].participants)
