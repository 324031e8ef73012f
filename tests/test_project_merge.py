"""Which project mentions of one article are one project (relgraph.nlp.project_merge), and the
label cleaning they rest on (relgraph.nlp.project_names), on sentences written for them."""
from pathlib import Path

import pytest

from extraction_helpers import extract_written

pytestmark = pytest.mark.slow


def projects_of(tmp_path: Path, text: str):
    records = extract_written(tmp_path, "Infrastructure news\n\n" + text, published="2024-05-02")
    return [f for f in records.facts if f.kind == "project"]


def test_a_facility_at_another_named_project_is_part_of_it(tmp_path):
    projects = projects_of(tmp_path, (
        "Japan and Palau agreed on Tuesday to expand Roman Tmetuchl International Airport. "
        "The minister said the new terminal at Roman Tmetuchl International Airport, financed "
        "with a Japanese loan, would open in 2027."))
    assert [p.label for p in projects] == ["Roman Tmetuchl International Airport"]


def test_a_time_phrase_is_no_site_of_the_project(tmp_path):
    projects = projects_of(tmp_path, (
        "Thailand and China signed a loan for a new cargo terminal on Monday, officials said."))
    # no name, route or site delimits 'a new cargo terminal'; read as a site, 'on Monday' made it a project
    assert projects == []


def test_a_programme_told_by_its_purpose_is_the_named_programme(tmp_path):
    projects = projects_of(tmp_path, (
        "Norway and Ghana launched a programme to train Ghanaian engineers in offshore wind power. "
        "The Offshore Wind Academy Programme will be run by the University of Ghana."))
    assert [p.label for p in projects] == ["Offshore Wind Academy Programme"]
