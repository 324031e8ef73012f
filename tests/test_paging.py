"""relgraph.paging: pages of every canned query on real stores in tmp_path (a synthetic graph from
bench/synth.py with thousands of rows per listing, and the sample articles' graph)."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from relgraph.errors import QueryError
from relgraph.paging import (
    MAX_PER_PAGE, PageSpec, PagingError, fetch_page, page_solutions, page_text, projected_variables,
    split_query,
)
from relgraph.queries import NamedQuery, named_queries, parse_query_file
from relgraph.settings import REPO_ROOT
from relgraph.store import open_store

sys.path.insert(0, str(REPO_ROOT))  # the bench package lives beside src/, not inside it

from bench import synth  # noqa: E402
from bench.query import bulk_load_dataset  # noqa: E402

QUERIES = named_queries()


def load_synth(directory: Path, quads: int, seed: int):
    """A relgraph store on disk holding a synthetic graph, opened read-only as the server opens it."""
    nq = directory / "synth.nq"
    synth.generate(nq, quads, seed=seed)
    store = ox.Store(str(directory / "store"))
    bulk_load_dataset(store, nq)
    store.flush()
    del store
    return open_store(directory / "store", read_only=True)


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory):
    return load_synth(tmp_path_factory.mktemp("paging-synth"), 12_000, seed=11)


@pytest.fixture(scope="module")
def sample_store(store_dir):
    return open_store(store_dir, read_only=True)


def listing(store, query: NamedQuery) -> list[tuple]:
    """The whole listing, as the canned query returns it when run on its own."""
    result = store.query(query.text)
    columns = [v.value for v in result.variables]
    return [tuple(_text(s[c]) for c in columns) for s in result]


def _text(term) -> str | None:
    return None if term is None else str(term)


def all_pages(store, query: NamedQuery, per_page: int) -> list[list[tuple]]:
    pages, number = [], 1
    while True:
        page = fetch_page(store, query, PageSpec(number, per_page))
        pages.append([tuple(_text(t) for t in row) for row in page.rows])
        assert len(page.rows) <= per_page
        if not page.has_next:
            return pages
        assert len(page.rows) == per_page  # only the last page may be short
        number += 1


def check_pages_cover_the_listing(store, query: NamedQuery, per_page: int) -> int:
    full = listing(store, query)
    pages = all_pages(store, query, per_page)
    rows = [row for page in pages for row in page]
    # Disjoint and covering: every row of the listing is on exactly one page, as often as the
    # listing has it.
    assert len(rows) == len(full)
    assert Counter(rows) == Counter(full)
    for i, page in enumerate(pages):
        for later in pages[i + 1:]:
            assert not (set(page) & set(later)) or len(set(full)) < len(full)
    # The same page twice is the same rows in the same order (a stable order, not the store's whim).
    again = fetch_page(store, query, PageSpec(2, per_page))
    assert [tuple(_text(t) for t in row) for row in again.rows] == (pages[1] if len(pages) > 1 else [])
    return len(full)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_pages_of_every_canned_query_are_disjoint_and_cover_it_on_a_synthetic_graph(synth_store, name):
    query = QUERIES[name]
    total = check_pages_cover_the_listing(synth_store, query, per_page=97)
    assert total > 0, f"{name} lists nothing on the synthetic graph: the test would prove nothing"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_pages_of_every_canned_query_cover_it_on_the_sample_articles(sample_store, name):
    check_pages_cover_the_listing(sample_store, QUERIES[name], per_page=3)


def test_pages_keep_the_query_order(synth_store):
    """Concatenated pages are in the canned query's own order (newest events first)."""
    query = QUERIES["events"]
    rows = [r for page in all_pages(synth_store, query, 250) for r in page]
    dates = [r[5] or "" for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert [r[5] for r in rows] == [r[5] for r in listing(synth_store, query)]


def test_a_page_past_the_end_is_empty(synth_store):
    query = QUERIES["people"]
    total = len(listing(synth_store, query))
    page = fetch_page(synth_store, query, PageSpec(total // 10 + 2, 10))
    assert page.rows == [] and not page.has_next and page.has_previous
    last = fetch_page(synth_store, query, PageSpec((total - 1) // 10 + 1, 10))
    assert 1 <= len(last.rows) <= 10 and not last.has_next


def test_sources_pages_split_its_own_first_thousand(synth_store):
    """sources.rq ends in LIMIT 1000: its listing is those rows, and the pages never go beyond."""
    query = QUERIES["sources"]
    assert len(listing(synth_store, query)) == 1000
    assert check_pages_cover_the_listing(synth_store, query, per_page=300) == 1000
    assert fetch_page(synth_store, query, PageSpec(5, 250)).rows == []


def test_page_solutions_render_exactly_one_page(synth_store):
    solutions, has_next = page_solutions(synth_store, QUERIES["people"], PageSpec(2, 5))
    rows = list(solutions)
    assert len(rows) == 5 and has_next
    expected = fetch_page(synth_store, QUERIES["people"], PageSpec(2, 5))
    assert [[_text(s[v.value]) for v in solutions.variables] for s in rows] == \
        [[_text(t) for t in row] for row in expected.rows]


# -- parameters and query shapes ---------------------------------------------------------------

@pytest.mark.parametrize("page,per_page,parameter", [
    ("0", None, "page"), ("-1", None, "page"), ("abc", None, "page"), ("1.5", None, "page"),
    (None, "0", "per_page"), (None, str(MAX_PER_PAGE + 1), "per_page"), (None, "ten", "per_page"),
    ("1", "9999999999", "per_page"),
])
def test_bad_parameters_name_themselves(page, per_page, parameter):
    with pytest.raises(PagingError) as caught:
        PageSpec.from_params(page, per_page)
    assert caught.value.parameter == parameter and str(caught.value).startswith(parameter + ":")
    assert isinstance(caught.value, QueryError)


def test_defaults_and_offsets():
    assert PageSpec.from_params(None, None) == PageSpec(1, 100)
    assert PageSpec.from_params("3", "25").offset == 50
    assert PageSpec.from_params("", " 7 ").per_page == 7


def test_projected_variables():
    assert projected_variables(" DISTINCT ?a (COUNT(DISTINCT ?x) AS ?n) ?b (MAX(STR(?d)) AS ?date) ") == \
        ["a", "n", "b", "date"]


@pytest.mark.parametrize("text,message", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT *"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "only a SELECT"),
    ("ASK { ?s ?p ?o }", "only a SELECT"),
])
def test_queries_that_cannot_be_paged_are_named(tmp_path, text, message):
    path = tmp_path / "odd.rq"
    path.write_text("# title: Odd\nPREFIX dip: <https://w3id.org/relgraph/ontology#>\n" + text + "\n")
    with pytest.raises(PagingError) as caught:
        split_query(parse_query_file(path))
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_order_is_the_querys_then_a_row_key_then_every_column():
    text = page_text(QUERIES["people"], PageSpec(3, 20))
    assert text.rstrip().endswith("ORDER BY ?name ?role ?pageRowKey ?person ?name ?role ?state\nLIMIT 21 OFFSET 40")
    assert text.count("ORDER BY") == 1
    ox.Store().query(text)  # it parses


def test_grouped_queries_break_ties_on_their_columns_and_others_on_a_row_key():
    grouped = page_text(QUERIES["timeline"], PageSpec(1, 10))
    assert "pageRowKey" not in grouped and "ORDER BY ?date ?label ?date ?fact ?label ?reports" in grouped
    plain = page_text(QUERIES["events"], PageSpec(1, 10))
    assert "AS ?pageRowKey)\n}" in plain and "SELECT DISTINCT ?labelKey ?participantKey ?event" in plain
    assert "ORDER BY DESC(?date) ?labelKey ?participantKey ?pageRowKey ?event" in plain


def test_a_query_using_the_row_key_name_is_refused(tmp_path):
    path = tmp_path / "clash.rq"
    path.write_text("SELECT ?pageRowKey WHERE { ?pageRowKey ?p ?o }\n")
    with pytest.raises(PagingError, match="pageRowKey"):
        page_text(parse_query_file(path), PageSpec())
