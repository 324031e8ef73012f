"""Corpus-level identity: one node per real-world fact and person."""
import pytest

from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker, slug
from relgraph.records import ArticleRecords, Evidence, FactRecord, Ref
from relgraph.resolve import CorpusIndex, KnownFact, project_core, same_fact

BASE = "https://example.org/id/"
EV = Evidence("s", 0, 1, "test", 0.5)


def known(kind, type_=None, participants=(), places=(), date=None, core=""):
    return KnownFact("", kind, type_, "x", core, {BASE + p for p in participants}, {BASE + p for p in places}, date)


def test_slugs_are_readable_and_stable():
    assert slug("Sergei Lavrov") == "sergei-lavrov"
    assert slug("Côte d'Ivoire") == "cote-divoire"
    assert slug("  ") == "x"


def test_project_core_ignores_articles_and_generic_words():
    assert project_core("The North-South gas pipeline project") == project_core("North-South gas pipeline")


@pytest.mark.parametrize("a,b,same", [
    (known("event", "Visit", ["person/a", "state/x"], ["city/c"], "2021-04"),
     known("event", "Visit", ["person/a"], ["city/c"], "2021-04-06"), True),
    (known("event", "Visit", ["person/a"], ["city/c"], "2021-04"),
     known("event", "Visit", ["person/b"], ["city/c"], "2021-04"), False),
    (known("event", "Visit", ["person/a"], ["city/c"], "2021-04"),
     known("event", "Meeting", ["person/a"], ["city/c"], "2021-04"), False),
    (known("event", "Meeting", ["state/x", "state/y"], [], "2021-03"),
     known("event", "Meeting", ["state/x", "state/y"], [], "2021-05"), False),
    (known("event", "Statement", ["organization/o", "state/x"], [], "2023-06"),
     known("event", "Statement", ["person/p", "state/x"], [], "2023-06"), False),
    (known("agreement", participants=["state/x", "state/y"], date="2023-04", core="oil"),
     known("agreement", participants=["state/y", "state/x"], date="2023-04", core="oil"), True),
    (known("agreement", participants=["state/x", "state/y"], date="2023-04", core="oil"),
     known("agreement", participants=["state/x", "state/y"], date="2023-04", core="gas"), False),
    (known("project", participants=["state/x"], core="pilot"), known("project", participants=["state/x", "state/z"],
                                                                     core="pilot"), True),
    (known("project", participants=["state/x"], core="pilot"), known("project", participants=["state/z"],
                                                                     core="pilot"), False),
])
def test_same_fact(a, b, same):
    assert same_fact(a, b) is same


def _records(article_id, participants, date):
    rec = ArticleRecords(article_id)
    for ref in participants:
        rec.entity(ref.kind, ref.key)
    rec.facts.append(FactRecord("event", "Visit of Sergei Lavrov", type="Visit", participants=list(participants),
                                places=[Ref("city", "Islamabad")], date=date, evidence=[EV]))
    return rec


def test_two_reports_of_one_visit_share_a_node_and_spellings_share_a_person():
    index = CorpusIndex(default_gazetteer(), IriMaker(BASE))
    first = _records("a", [Ref("person", "Sergei Lavrov"), Ref("state", "Russia")], "2021-04")
    second = _records("b", [Ref("person", "Sergey Lavrov"), Ref("state", "Russia")], "2021-04-06")
    index.resolve(first)
    index.resolve(second)
    assert first.facts[0].key == second.facts[0].key
    assert index.iris.person_iris["Sergei Lavrov"] == index.iris.person_iris["Sergey Lavrov"]


def test_different_facts_with_the_same_label_get_different_iris():
    index = CorpusIndex(default_gazetteer(), IriMaker(BASE))
    a = _records("a", [Ref("person", "Wang Yi")], "2020-01")
    b = _records("b", [Ref("person", "Olaf Scholz")], "2024-01")
    index.resolve(a)
    index.resolve(b)
    assert a.facts[0].key != b.facts[0].key
