"""Match keys of stored facts: every candidate is found by key, and adding articles reads the same
rows from a store five times larger."""
import dataclasses
import shutil
from itertools import product

import pytest

from relgraph.fact_identity import _dates_agree
from relgraph.fact_keys import probe_keys, project_words, stored_keys

A, B = "https://example.org/id/state/a", "https://example.org/id/state/b"
DATES = [None, "2023", "2023-11", "2023-11-05", "2023-11-20", "2023-12", "2023-12-01", "2024", "2024-11-05"]


@pytest.mark.parametrize("stored, probe", list(product(DATES, DATES)))
def test_a_stored_date_is_found_by_every_probe_date_that_agrees_and_only_near_ones(stored, probe):
    found = set(stored_keys("Meeting", [A], stored)) & set(probe_keys("Meeting", A, probe or ""))
    if _dates_agree(stored, probe):
        assert found
    if stored and probe and stored[:4] != probe[:4]:
        assert not found  # another year is never read


def test_a_year_from_one_report_and_an_actor_from_another_are_found_together():
    """One article names state A with 2023-11-05, another (state B) gives only 2023: a probe of A in
    March 2023 agrees with 2023, and finds the fact through the year's own key."""
    keys = set(stored_keys("Meeting", [A], "2023-11-05")) | set(stored_keys("Meeting", [B], "2023"))
    assert keys & set(probe_keys("Meeting", A, "2023-03-01"))


def test_topic_and_project_keys():
    agreement = set(stored_keys("Agreement", [A], None, topic="trade"))
    assert agreement & set(probe_keys("Agreement", A, "", topic="trade"))
    assert not agreement & set(probe_keys("Agreement", A, "", topic="oil"))
    assert not agreement & set(probe_keys("Meeting", A, ""))
    # Projects that `same_fact` pairs share a word: a shorter core inside a longer one, proper names.
    railway = set(stored_keys("Project", [A], None, words=project_words("Tirana–Skopje railway")))
    for other in ("Skopje-Tirana high-speed railway", "the Tirana project"):
        assert railway & set(probe_keys("Project", A, "", words=project_words(other)))
    assert not railway & set(probe_keys("Project", A, "", words=project_words("Mambilla hydropower plant")))
    assert project_words("The project") == [""]  # a name of stop words only still has a key


def _write_copies(store_dir, articles, copies: int) -> None:
    """`copies` more reports of each of `articles`, each copy's events and agreements moved to a year
    of its own, written through the resolver and the mapping (with their keys) as a build writes
    them: facts of the same classes and actors as the stored ones, that no new report of 2018-2026
    can match."""
    from relgraph.gazetteer import default_gazetteer
    from relgraph.iris import IriMaker
    from relgraph.mapping import article_quads
    from relgraph.nlp.extract import extract_article
    from relgraph.resolve import CorpusIndex
    from relgraph.store import open_store

    store, gaz, iris = open_store(store_dir), default_gazetteer(), IriMaker("https://w3id.org/relgraph/id/")
    for k in range(copies):
        for article in articles:
            copy = dataclasses.replace(article, id=f"{article.id}-copy{k}", sha256=f"{k:064d}")
            records = extract_article(copy)
            # Not the projects: they have no date of their own, so an undated report of the same
            # project name is a candidate of every one of them, whatever year a copy is given.
            records.facts = [f for f in records.facts if f.kind != "project"]
            for fact in records.facts:
                fact.date = f"{1990 + k}-{(fact.date or '2000-06')[5:7] or '06'}"
            index = CorpusIndex.from_store(store, gaz, iris, {iris.graph(copy.id)})
            index.resolve(records)
            store.replace_graphs([], article_quads(copy, records, iris, index.labels) + index.key_quads(records))
    store.close()


def _facts_sharing(store, classes_and_actors, leave_out: set[str]) -> int:
    """Facts of the store with one of the (class, actor) pairs, stated outside the graphs `leave_out`."""
    values = " ".join(f"(<{c}> <{a}>)" for c, a in sorted(classes_and_actors))
    out = ", ".join(f"<{g}>" for g in sorted(leave_out))
    rows = store.query(f"""SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ VALUES (?c ?a) {{ {values} }}
        GRAPH ?g {{ ?f a ?c ; ?r ?a }} FILTER(?g NOT IN ({out})) }}""")
    return int(next(iter(rows))["n"].value)


def test_adding_articles_reads_the_same_rows_from_a_store_five_times_larger(tmp_path):
    """Add the same 3 articles to a built store of 2 and to that store plus 4 more reports of each
    stored article in other years: five times the facts of the same classes and actors, which a
    reading of each actor's facts would go through. The resolver sends the same lookups and gets
    the same rows back (every store read of the resolver is counted in lookup_rows)."""
    from relgraph.articles import iter_articles
    from relgraph.build import build
    from relgraph.settings import REPO_ROOT, Settings

    sample = sorted((REPO_ROOT / "data" / "articles").glob("*"))
    first, new = tmp_path / "first", tmp_path / "new"
    first.mkdir(), new.mkdir()
    for p in sample:
        shutil.copy(p, (first if p.name.startswith(("000_", "003_")) else new) / p.name)
    small, large = tmp_path / "small", tmp_path / "large"
    assert build([first], Settings.load(store=small)).extracted == 2
    shutil.copytree(small, large)
    _write_copies(large, list(iter_articles([first])), copies=4)

    reports = {s: build([new], Settings.load(store=s)) for s in (small, large)}
    assert all(r.ok and r.extracted == 3 for r in reports.values())
    a, b = reports[small], reports[large]
    assert (a.lookup_queries, a.lookup_rows) == (b.lookup_queries, b.lookup_rows)
    assert 0 < a.lookup_rows < 400

    # The larger store does hold five times the facts that share a class and an actor with the new ones.
    from relgraph.store import open_store

    new_graphs = {f"https://w3id.org/relgraph/id/graph/{a.id}" for a in iter_articles([new])}
    small_store, large_store = open_store(small), open_store(large)
    rows = small_store.query(f"""PREFIX dip: <https://w3id.org/relgraph/ontology#>
        SELECT DISTINCT ?c ?a WHERE {{ VALUES ?g {{ {" ".join(f"<{g}>" for g in new_graphs)} }}
          GRAPH ?g {{ ?f a ?c ; dip:participant ?a . FILTER(?c != dip:Event) }} }}""")
    shared = {(r["c"].value, r["a"].value) for r in rows}
    before, after = _facts_sharing(small_store, shared, new_graphs), _facts_sharing(large_store, shared, new_graphs)
    assert after >= 4 * before > 0
