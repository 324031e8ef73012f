"""W3C SPARQL 1.1 query-evaluation tests through the /sparql endpoint (see tests/w3c_report.py
for how a test runs and how results are compared, docs/conformance.md for the figures).

One store holds every test's data, each file in the named graph named by its IRI; one live
gunicorn server serves it and each test names its dataset with default-graph-uri /
named-graph-uri. `RELGRAPH_W3C_TRANSPORT=client` uses Flask's test client instead of the server.
Tests listed in tests/w3c/known_failures.json are xfail(strict=True): when one starts to pass,
the run fails until it is taken off the list.
"""
from __future__ import annotations

import os
import urllib.parse
from collections import Counter

import pytest

import w3c_report as w3c
from w3c_report import literal

TESTS = w3c.load_tests()
KNOWN_FAILURES = w3c.load_known_failures()
XSD = w3c.XSD


@pytest.fixture(scope="module")
def w3c_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("w3c") / "store"
    w3c.build_store(path, TESTS)
    return path


@pytest.fixture(scope="module")
def transport(w3c_store):
    """The endpoint the suite runs against: a live gunicorn server (default) or the test client."""
    scratch = w3c_store.parent
    if os.environ.get("RELGRAPH_W3C_TRANSPORT", "gunicorn") == "client":
        app = w3c.make_client_app(w3c_store, scratch)
        yield w3c.ClientTransport(app)
        app.extensions["relgraph"].executor.close()
    else:
        server = w3c.LiveServer(w3c_store, scratch / "server.log")
        try:
            yield w3c.HttpTransport(server.url)
        finally:
            server.stop()


@pytest.fixture(scope="module")
def runner(transport):
    return w3c.Runner(transport)


def _cases():
    for test in TESTS:
        marks = [pytest.mark.slow]
        if test.iri in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[test.iri]))
        yield pytest.param(test, id=test.id, marks=marks)


@pytest.mark.parametrize("test", list(_cases()))
def test_w3c_query_evaluation(test, runner):
    outcome = runner.outcome(test)
    assert outcome.passed, f"{test.name}\n{outcome.detail}"


@pytest.mark.slow
def test_at_least_161_of_the_178_approved_tests_pass(runner):
    outcomes = [runner.outcome(test) for test in TESTS]
    passed = sum(o.passed for o in outcomes)
    print("\n" + w3c.folder_table(outcomes))
    assert len(outcomes) == w3c.EXPECTED_TOTAL
    assert passed >= w3c.REQUIRED_PASSES, f"only {passed} of {len(outcomes)} pass"


# -- the denominator and the known-failures list ------------------------------------------------------

def test_the_denominator_is_the_178_approved_evaluation_tests():
    types = Counter(test.folder for test in TESTS)
    assert len(TESTS) == w3c.EXPECTED_TOTAL == 178
    assert len({t.iri for t in TESTS}) == 178
    assert types == {"aggregates": 22, "bind": 10, "bindings": 10, "construct": 4, "exists": 5,
                     "functions": 57, "grouping": 4, "negation": 11, "project-expression": 7,
                     "property-path": 24, "subquery": 14, "csv-tsv-res": 6, "json-res": 4}
    for test in TESTS:  # everything the runner reads is in tests/w3c/
        for path in (test.query, test.result, *test.data, *test.graph_data):
            assert path.is_file(), path


def test_known_failures_name_real_tests_and_say_why():
    iris = {t.iri for t in TESTS}
    assert set(KNOWN_FAILURES) <= iris
    assert all(len(reason) > 20 for reason in KNOWN_FAILURES.values())
    assert len(TESTS) - len(KNOWN_FAILURES) >= w3c.REQUIRED_PASSES


def test_the_suite_licence_is_kept_with_the_files():
    licence = (w3c.W3C_DIR / "LICENSE.md").read_text()
    assert "2008/04-testsuite-copyright" in licence
    assert (w3c.W3C_DIR / "README.md").is_file()


# -- dataset semantics over the protocol ----------------------------------------------------------

def _ask(transport, query: str, **dataset) -> bool:
    fields = [("query", query)] + [(k.replace("_", "-"), v) for k, vs in dataset.items() for v in vs]
    reply = transport.post(fields, "application/sparql-results+json")
    assert reply.status == 200, reply.body
    result = w3c.parse_response(reply.content_type, reply.body)
    return result.boolean


@pytest.mark.slow
def test_the_protocol_dataset_replaces_the_union_default_graph(transport):
    graph = w3c.BASE_IRI + "subquery/sq01.rdf"
    triple = "ASK { ?s ?p ?o }"
    assert _ask(transport, triple)  # no dataset: the server's default graph is the union
    assert not _ask(transport, triple, named_graph_uri=[graph])  # named graphs only: empty default
    assert _ask(transport, f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", named_graph_uri=[graph])
    assert not _ask(transport, f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} }}", default_graph_uri=[graph])
    assert _ask(transport, triple, default_graph_uri=[graph])


def test_each_test_sends_its_own_dataset_and_base():
    by_id = {t.id: t for t in TESTS}
    fields = w3c.protocol_fields(by_id["exists/exists03"], "ASK {}")
    assert fields[0] == ("query", f"BASE <{w3c.BASE_IRI}exists/exists03.rq>\nASK {{}}")
    assert fields[1:] == [("default-graph-uri", w3c.BASE_IRI + "exists/exists01.ttl"),
                          ("named-graph-uri", w3c.BASE_IRI + "exists/exists02.ttl")]
    where = by_id["construct/constructwhere04"]
    query = where.query.read_text()
    assert w3c.has_dataset_clause(query)
    assert [name for name, _ in w3c.protocol_fields(where, query)] == ["query"]
    assert not w3c.has_dataset_clause('SELECT * { ?s <http://ex/FROM> "FROM" } # FROM <x>')
    assert urllib.parse.urlencode(fields)  # encodable as a form


# -- the comparison is strict -------------------------------------------------------------------

def _solutions(*rows, variables=("x",)):
    return w3c.Results("solutions", variables=list(variables), rows=list(rows))


INT = XSD + "integer"


def test_numeric_literals_compare_by_lexical_form_and_datatype():
    one = _solutions({"x": literal("1", INT)})
    assert w3c.compare(one, _solutions({"x": literal("1", INT)}), "SELECT ?x {}") is None
    assert w3c.compare(one, _solutions({"x": literal("01", INT)}), "SELECT ?x {}")
    assert w3c.compare(one, _solutions({"x": literal("1", XSD + "decimal")}), "SELECT ?x {}")
    assert w3c.compare(one, _solutions({"x": literal("1")}), "SELECT ?x {}")


def test_rdf11_term_identities_are_the_only_normalisation():
    assert literal("a", XSD + "string") == literal("a")
    assert literal("a", lang="en-US") == literal("a", lang="en-us")
    assert literal("a", lang="en") != literal("a")


def test_solutions_are_multisets_with_a_one_to_one_blank_node_mapping():
    query = "SELECT ?x ?y {}"
    expected = _solutions({"x": ("bnode", "a"), "y": ("bnode", "a")}, {"x": ("bnode", "b")},
                          variables=("x", "y"))
    same = _solutions({"x": ("bnode", "q")}, {"x": ("bnode", "p"), "y": ("bnode", "p")},
                      variables=("x", "y"))
    assert w3c.compare(expected, same, query) is None
    merged = _solutions({"x": ("bnode", "p"), "y": ("bnode", "p")}, {"x": ("bnode", "p")},
                        variables=("x", "y"))
    assert w3c.compare(expected, merged, query)  # two expected blank nodes cannot map to one
    split = _solutions({"x": ("bnode", "p"), "y": ("bnode", "r")}, {"x": ("bnode", "q")},
                       variables=("x", "y"))
    assert w3c.compare(expected, split, query)
    duplicate = _solutions({"x": ("iri", "http://a")}, {"x": ("iri", "http://a")})
    assert w3c.compare(duplicate, _solutions({"x": ("iri", "http://a")}), "SELECT ?x {}")
    assert w3c.compare(_solutions(variables=("x",)), _solutions(variables=("y",)), "SELECT * {}")


def test_order_matters_only_under_a_top_level_order_by():
    a, b, c = ({"x": ("iri", f"http://{name}"), "k": literal(key, INT)}
               for name, key in (("a", "1"), ("b", "1"), ("c", "2")))
    expected = _solutions(a, b, c, variables=("x", "k"))
    assert w3c.compare(expected, _solutions(c, b, a, variables=("x", "k")), "SELECT * {}") is None
    inner = "SELECT * { { SELECT * {} ORDER BY ?k LIMIT 3 } }"
    assert w3c.compare(expected, _solutions(c, b, a, variables=("x", "k")), inner) is None
    ordered = "SELECT * {} ORDER BY ?k"
    assert w3c.compare(expected, _solutions(c, b, a, variables=("x", "k")), ordered)
    assert w3c.compare(expected, _solutions(b, a, c, variables=("x", "k")), ordered) is None  # a tie
    strict = "SELECT * {} ORDER BY STR(?k)"
    assert w3c.compare(expected, _solutions(b, a, c, variables=("x", "k")), strict)
    assert w3c.order_keys("SELECT * { ?s ?p ?o } ORDER BY DESC(?s) ?p LIMIT 2") == ["s", "p"]
    assert w3c.order_keys("CONSTRUCT { ?s ?p ?o } WHERE { { SELECT * {} ORDER BY ?s } }") == []


def test_graphs_compare_by_isomorphism_with_exact_literals():
    def triple(obj, subject=("bnode", "s")):
        return (subject, ("iri", "http://p"), obj)

    expected = w3c.Results("graph", triples=[triple(literal("1.0", XSD + "decimal"))])
    renamed = w3c.Results("graph", triples=[triple(literal("1.0", XSD + "decimal"), ("bnode", "z"))])
    assert w3c.compare(expected, renamed, "CONSTRUCT {} WHERE {}") is None
    other = w3c.Results("graph", triples=[triple(literal("1", XSD + "decimal"))])
    assert w3c.compare(expected, other, "CONSTRUCT {} WHERE {}")


def test_result_parsers_keep_terms_exactly():
    tsv = w3c.parse_tsv(b'?a\t?b\t?c\n1.0e6\t"x\\ty"@EN\t<http://a>\n'
                        b'_:b0\t\t"-3"^^<http://www.w3.org/2001/XMLSchema#negativeInteger>\n')
    assert tsv.variables == ["a", "b", "c"]
    assert tsv.rows == [{"a": literal("1.0e6", XSD + "double"), "b": literal("x\ty", lang="en"),
                         "c": ("iri", "http://a")},
                        {"a": ("bnode", "b0"), "c": literal("-3", XSD + "negativeInteger")}]
    srj = w3c.parse_srj(b'{"head": {"vars": ["a"]}, "results": {"bindings": [{"a": {"type": "literal", '
                        b'"value": "2.0", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}}]}}')
    assert srj.rows == [{"a": literal("2.0", XSD + "decimal")}]
    csv = w3c.parse_csv(b's,o\r\nhttp://a,"4,4"\r\n_:x,\r\n')
    assert csv.rows == [{"s": ("text", "http://a"), "o": ("text", "4,4")}, {"s": ("bnode", "x")}]
    with pytest.raises(ValueError):
        w3c.parse_tsv_term("foo")
