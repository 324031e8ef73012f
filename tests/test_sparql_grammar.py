r"""The checker reads a text the way Oxigraph reads it (relgraph.sparql_grammar).

Differential tests: each tricky text is run by pyoxigraph itself (in this process, against a
listener on 127.0.0.1 that counts connections) and given to the policy. Whenever Oxigraph
reaches the listener, the policy must have refused the text. The lexical facts the grammar copy
relies on (where Oxigraph 0.5 decodes \u escapes, where its comments end) are checked against
Oxigraph too, so a pyoxigraph upgrade that changes them fails here.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from test_sandbox import SANDBOX, CountingListener, run_child

from relgraph.errors import QueryError
from relgraph.settings import REPO_ROOT
from relgraph.sparql import check_query
from relgraph.sparql_grammar import normalise_line_ends, parse_query, unescape_iri, unescape_string


@pytest.fixture(scope="module")
def listener():
    server = CountingListener()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def store():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a/s"), ox.NamedNode("http://a/p"), ox.NamedNode("http://a/o")))
    return store


def oxigraph_connects(store, listener, text: str) -> bool | None:
    """True when Oxigraph running `text` reached the listener, False when it ran without
    reaching it, None when it refused the text as a syntax error."""
    before = listener.accepted
    try:
        result = store.query(text)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except SyntaxError:
        return None
    except OSError:
        pass
    return listener.settled_count() > before


def policy_refuses(text: str) -> bool:
    try:
        check_query(text)
    except QueryError:
        return True
    return False


TEXTS = {
    "plain": "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "audit bypass": r"PREFIX ex: <http://x/> SELECT * WHERE { OPTIONAL { ex:a\# ?p ?o } SERVICE <{url}> { ?s ?p ?o } }",
    "CR ends a comment": "SELECT * WHERE { ?s ?p ?o # x\r SERVICE <{url}> { ?a ?b ?c } \n }",
    "CRLF": "SELECT * WHERE { ?s ?p ?o # x\r\n SERVICE <{url}> { ?a ?b ?c } \r\n }",
    "escaped CR in a comment": r"SELECT * WHERE { ?s ?p ?o # x\u000D SERVICE <{url}> { ?a ?b ?c }" + "\n }",
    "escaped LF in a comment": r"SELECT * WHERE { ?s ?p ?o # x\u000A SERVICE <{url}> { ?a ?b ?c }" + "\n }",
    "NEL and LS in a comment": "SELECT * WHERE { ?s ?p ?o # x\x85 \u2028 SERVICE <{url}> { ?a ?b ?c } \n }",
    "escaped quotes": r'SELECT * WHERE { ?s ?p "\u0022" . SERVICE <{url}> { } ?x ?y "\u0022" }',
    "escaped apostrophes": r"SELECT * WHERE { ?s ?p '\u0027' . SERVICE <{url}> { } ?x ?y '\u0027' }",
    "escaped long quotes": r'SELECT * WHERE { ?s ?p "\u0022\u0022" . SERVICE <{url}> { } ?x ?y "\u0022\u0022" }',
    "escaped keyword": r"SELECT * WHERE { \u0053ERVICE <{url}> { ?s ?p ?o } }",
    "escaped brace": r"SELECT * WHERE { SERVICE <{url}> \u007B ?s ?p ?o } }",
    "escaped IRI": "SELECT * WHERE { SERVICE <{escaped_url}> { ?s ?p ?o } }",
    "escape closing an IRI": r"SELECT * WHERE { ?s ?p <http://x/\u003E . SERVICE <{url}> { } ?x ?y <http://x/> }",
    "backslash string": r'SELECT * WHERE { ?s ?p "\u005C" . SERVICE <{url}> { ?s ?p ?o } }',
    "comment inside IRI": "SELECT * WHERE { ?s ?p <http://x/#> . SERVICE <{url}> { ?s ?p ?o } }",
    "hash in a long string": 'SELECT * WHERE { ?s ?p """ # """ . SERVICE <{url}> { ?s ?p ?o } }',
    "string in a comment": "SELECT * WHERE { ?s ?p ?o # \" \n SERVICE <{url}> { ?s ?p ?o } } # \"",
    "mentions only": 'SELECT * WHERE { ?s ?p "SERVICE <{url}> {{ }}" } # SERVICE <{url}> { }',
    "escaped local quote": r"PREFIX ex: <http://x/> SELECT * WHERE { ex:a\' ?p ?o . SERVICE <{url}> { } ex:b\' ?p ?o }",
    "percent local name": "PREFIX ex: <http://x/> SELECT * WHERE { ex:a%23 ?p ?o . SERVICE <{url}> { } }",
    "lower case silent": "select * where { service silent <{url}> { ?s ?p ?o } }",
    "subquery in EXISTS": "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { { SELECT * WHERE { SERVICE <{url}> { } } } } }",
}


def _text(template: str, url: str) -> str:
    escaped = url.replace("/", r"\u002F")
    return template.replace("{escaped_url}", escaped).replace("{url}", url).replace("{{ }}", "{ }")


@pytest.mark.parametrize("template", TEXTS.values(), ids=TEXTS.keys())
def test_whatever_oxigraph_would_send_the_policy_refuses(template, store, listener):
    text = _text(template, listener.url)
    if oxigraph_connects(store, listener, text):
        assert policy_refuses(text), text


HARMLESS = ("escaped CR in a comment", "escaped LF in a comment", "NEL and LS in a comment", "mentions only")


@pytest.mark.parametrize("name", HARMLESS)
def test_what_oxigraph_reads_as_a_comment_or_string_the_policy_allows(name, store, listener):
    text = _text(TEXTS[name], listener.url)
    assert oxigraph_connects(store, listener, text) is False
    assert not policy_refuses(text)


def test_the_differential_test_sees_connections(store, listener):
    # the attacks above are real: Oxigraph does connect for these, so the test above can fail
    for name in ("plain", "audit bypass", "CR ends a comment", "escaped quotes", "escaped IRI"):
        assert oxigraph_connects(store, listener, _text(TEXTS[name], listener.url)), name


# -- Oxigraph 0.5's lexical rules, which the grammar copy reproduces ---------------------------------

def test_oxigraph_decodes_escapes_only_in_iris_and_strings(store, listener):
    assert oxigraph_connects(store, listener, _text(TEXTS["escaped keyword"], listener.url)) is None
    assert oxigraph_connects(store, listener, _text(TEXTS["escaped brace"], listener.url)) is None
    assert oxigraph_connects(store, listener, _text(TEXTS["escaped CR in a comment"], listener.url)) is False
    assert oxigraph_connects(store, listener, _text(TEXTS["escaped IRI"], listener.url)) is True
    value = next(iter(store.query(r'SELECT ?v WHERE { BIND("\u0022\u00e9" AS ?v) }')))["v"].value
    assert value == '"é'


def test_oxigraph_ends_comments_at_cr(store, listener):
    assert oxigraph_connects(store, listener, _text(TEXTS["CR ends a comment"], listener.url)) is True
    assert oxigraph_connects(store, listener, _text(TEXTS["NEL and LS in a comment"], listener.url)) is False


def test_the_grammar_decodes_like_oxigraph():
    assert unescape_string(r"a\u0022\U0001F600\t\'\"\\") == "a\"\U0001F600\t'\"\\"
    assert unescape_iri(r"http:\u002F\u002Fx/") == "http://x/"
    with pytest.raises(ValueError):
        unescape_iri(r"http://x/\u003E")
    with pytest.raises(ValueError):
        unescape_string(r"\uDC00")
    assert normalise_line_ends("a\r\nb\rc\n") == "a\nb\nc\n"


def test_rdflibs_own_parser_keeps_its_behaviour():
    # the copy is private: rdflib's parseQuery still expands escapes everywhere
    from rdflib.plugins.sparql.parser import parseQuery

    text = r"SELECT * WHERE { \u0053ERVICE <http://x/> { } }"
    assert "ServiceGraphPattern" in str(parseQuery(text))
    with pytest.raises(Exception):
        parse_query(text)


def test_a_datatype_iri_with_escapes_is_read():
    tree = parse_query(r'SELECT * WHERE { ?s ?p "1"^^<http:\u002F\u002Fwww.w3.org/2001/XMLSchema#integer> }')
    assert "http://www.w3.org/2001/XMLSchema#integer" in str(tree)


# -- fail closed must not cost conformance ------------------------------------------------------------

SUITES = [REPO_ROOT / "tests" / "w3c", REPO_ROOT.parent / "shared" / "w3c-sparql11"]


def test_every_w3c_text_oxigraph_accepts_is_read_by_the_checker():
    """Every .rq / .ru of the W3C SPARQL 1.1 suites here: what Oxigraph parses as a query the
    checker reads as a query, what it parses as an update the checker reads as an update. Run in
    a sandboxed child: asking Oxigraph means running the text, and some name remote SERVICEs."""
    suites = [str(path) for path in SUITES if path.is_dir()]
    result = run_child(SANDBOX, f"""
        from pathlib import Path
        import pyoxigraph as ox
        from relgraph.errors import QueryError
        from relgraph.sparql import inspect_query
        def oxigraph_accepts(run):
            try:
                run()
            except SyntaxError:
                return False
            except Exception:  # it parsed; running it failed (no network, no data)
                return True
            return True
        def ours(text):
            try:
                return "UPDATE" if inspect_query(text).is_update else "QUERY"
            except QueryError as exc:
                return "refused: " + str(exc)
        files = sorted(p for suite in {suites!r} for p in Path(suite).rglob("*") if p.suffix in (".rq", ".ru"))
        lost, counts = [], {{"query": 0, "update": 0}}
        for path in files:
            text = path.read_text(encoding="utf-8")
            base = "http://example.org/base/"
            if oxigraph_accepts(lambda: ox.Store().query(text, base_iri=base)):
                counts["query"] += 1
                if ours(text) != "QUERY":
                    lost.append((str(path), ours(text)))
            elif oxigraph_accepts(lambda: ox.Store().update(text, base_iri=base)):
                counts["update"] += 1
                if ours(text) != "UPDATE":
                    lost.append((str(path), ours(text)))
        result = {{"files": len(files), "counts": counts, "lost": lost}}
    """)
    assert result["files"] >= 170 and result["counts"]["query"] >= 170
    assert result["lost"] == []
