"""The fixed page queries: constant files, bounded in rows, the entity bound by substitution."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from relgraph.web.page_queries import (
    PAGE_QUERIES_DIR,
    PageQueryError,
    load_page_query,
    page_query,
    run_page_query,
    select_rows,
)

NAMES = sorted(p.stem for p in PAGE_QUERIES_DIR.glob("*.rq"))


def test_there_are_page_queries():
    expected = {"entity-exists", "entity-describe", "entity-evidence", "neighbourhood", "home-sources"}
    assert expected <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_page_query_parses_and_is_bounded(name, app):
    query = page_query(name)
    assert query.limit >= 1
    assert "ASK" in query.text or f"LIMIT {query.limit}" in query.text
    this = ox.NamedNode("https://w3id.org/relgraph/id/person/sergei-lavrov")
    with app.app_context():
        result = run_page_query(name, this if "?this" in query.text else None)
        rows = list(result) if not isinstance(result, ox.QueryBoolean) else [result]
    assert len(rows) <= query.limit


def test_a_query_without_limit_is_refused(tmp_path):
    path = tmp_path / "unbounded.rq"
    path.write_text("SELECT * WHERE { ?this ?p ?o }\n")
    with pytest.raises(PageQueryError, match="unbounded.rq.*LIMIT"):
        load_page_query(path)
    with pytest.raises(PageQueryError, match="missing.rq"):
        load_page_query(tmp_path / "missing.rq")


def test_the_iri_is_bound_not_parsed(app):
    """An IRI with characters that mean something in SPARQL text is only ever a value."""
    tricky = ox.NamedNode("https://w3id.org/relgraph/id/person/x#'(SERVICE)*+,;=$!&")
    with app.app_context():
        assert not bool(run_page_query("entity-exists", tricky))
        assert select_rows("entity-outgoing", tricky) == []
        real = ox.NamedNode("https://w3id.org/relgraph/id/person/sergei-lavrov")
        assert bool(run_page_query("entity-exists", real))
        assert {r["this"] for r in select_rows("entity-outgoing", real)} == {real}
