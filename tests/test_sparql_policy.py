"""The query policy shared by the CLI and the server."""
import pytest

from relgraph.errors import QueryError
from relgraph.sparql import check_query


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service   <http://x/> { ?s ?p ?o } }",
    "PREFIX : <http://x/> SELECT * WHERE { SERVICE SILENT :e { ?s ?p ?o } }",
])
def test_service_is_refused_by_default(query):
    with pytest.raises(QueryError, match="SERVICE"):
        check_query(query)


def test_service_can_be_enabled():
    check_query("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", allow_service=True)


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "DROP ALL",
    "CLEAR GRAPH <http://g>",
    "PREFIX ex: <http://example.org/#> INSERT DATA { ex:a ex:b ex:c }",
])
def test_updates_are_refused(update):
    with pytest.raises(QueryError, match="read-only"):
        check_query(update)


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "SERVICE" }',
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }  # SERVICE in a comment",
    'SELECT * WHERE { ?s ?p """INSERT DATA { }""" }',
    "SELECT ?insert WHERE { ?insert ?p ?o }",
    "SELECT * WHERE { ?s <http://example.org/vocab#p> ?o . ?o ?q 'x' }",
])
def test_keywords_inside_strings_iris_and_comments_are_fine(query):
    check_query(query)


def test_empty_query_is_an_error():
    with pytest.raises(QueryError):
        check_query("   ")
