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

