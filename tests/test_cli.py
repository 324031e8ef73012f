"""The command line, through click's runner and as a real subprocess."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from relgraph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = str(ROOT / "data" / "articles")
CONTRACT = {
    "people": ["person", "name", "role", "state"],
    "states": ["state", "name", "wikidata"],
    "organizations": ["org", "name", "state"],
    "agreements": ["agreement", "label", "party", "date"],
    "projects": ["project", "label", "participant", "location"],
    "events": ["event", "type", "label", "participant", "place", "date"],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(cli, ["build", ARTICLES, "--store", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_return_sparql_json_with_the_contract_columns(store, name):
    result = run("query", str(ROOT / "queries" / f"{name}.rq"), "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == CONTRACT[name]
    assert data["results"]["bindings"], f"{name} returned no rows"
    for row in data["results"]["bindings"]:
        for col in ("name", "label", "role", "state", "party", "participant", "location", "place"):
            if col in row and col not in ("state",) or col == "state" and name != "states" and col in row:
                assert row[col]["type"] == "literal" and "xml:lang" not in row[col]


def test_people_query_finds_posts_and_states(store):
    result = run("query", "people", "--store", store, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"name": "Sergei Lavrov", "role": "Foreign Minister", "state": "Russia"}.items() <= \
        next(r for r in rows if r["name"] == "Sergei Lavrov").items()


def test_inline_query_and_table_format(store):
    result = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", store)
    assert result.exit_code == 0 and "(1 row)" in result.stdout


def test_tsv_and_xml_formats(store):
    tsv = run("query", "states", "--store", store, "--format", "tsv").stdout
    assert tsv.splitlines()[0].split("\t") == ["?state", "?name", "?wikidata"]
    xml = run("query", "states", "--store", store, "--format", "xml").stdout
    assert "<sparql" in xml and "Q159" in xml


def test_construct_as_turtle(store):
    result = run("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/relgraph/ontology#State> ; ?p ?o }",
                 "--store", store, "--format", "turtle")
    assert len(Graph().parse(data=result.stdout, format="turtle")) > 10


@pytest.mark.parametrize("query,message", [
    ("SELECT * WHERE { ?s ?p }", "syntax"),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "read-only"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
])
def test_bad_queries_fail_with_a_message(store, query, message):
    result = run("query", query, "--store", store)
    assert result.exit_code != 0
    assert message in result.output


def test_missing_query_file(store):
    result = run("query", "nope.rq", "--store", store)
    assert result.exit_code != 0 and "nope.rq" in result.output


def test_query_on_a_new_store_creates_it(tmp_path):
    result = run("query", "SELECT * WHERE { ?s ?p ?o }", "--store", str(tmp_path / "fresh"), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["results"]["bindings"] == []
    assert (tmp_path / "fresh").is_dir()


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("ntriples", "nt"), ("xml", "xml")])
def test_export_triple_formats_parse(store, tmp_path, fmt, parser):
    out = tmp_path / f"graph.{fmt}"
    assert run("export", "--store", store, "--format", fmt, "-o", str(out)).exit_code == 0
    assert len(Graph().parse(out, format=parser)) > 1000


@pytest.mark.parametrize("fmt,parser", [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_export_quad_formats_keep_article_graphs(store, tmp_path, fmt, parser):
    out = tmp_path / f"graph.{fmt}"
    assert run("export", "--store", store, "--format", fmt, "-o", str(out)).exit_code == 0
    ds = Dataset()
    ds.parse(out, format=parser)
    assert sum(1 for g in ds.graphs() if "/graph/" in str(g.identifier)) == 5


def test_export_parses_in_rapper(store, tmp_path):
    import shutil

    if shutil.which("rapper") is None:
        pytest.skip("rapper (Debian raptor2-utils) is not installed")
    out = tmp_path / "graph.ttl"
    run("export", "--store", store, "--format", "turtle", "-o", str(out))
    proc = subprocess.run(["rapper", "-i", "turtle", "-c", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "returned" in proc.stderr


def test_stats(store):
    result = run("stats", "--store", store)
    assert "persons" in result.output and "articles       5" in result.output


def test_validate_passes_on_the_built_graph(store):
    result = run("validate", "--store", store)
    assert result.exit_code == 0, result.output
    assert "consistent" in result.output and "conforms" in result.output


def test_build_with_bad_input_exits_non_zero_and_names_the_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage")
    proc = subprocess.run([sys.executable, "-m", "relgraph.cli", "build", str(bad), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "bad.txt" in proc.stderr and proc.stdout == ""


def test_build_with_workers(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(Path(ARTICLES).iterdir())[:4]:  # two articles with their sidecars
        (src / p.name).write_bytes(p.read_bytes())
    result = run("build", str(src), "--store", str(tmp_path / "s"), "--workers", "2", "--count")
    assert result.exit_code == 0, result.output
    assert "2 article(s) extracted" in result.output and "the store holds" in result.output


@pytest.mark.parametrize("args,message", [
    (["serve", "--store", "sparql+http://127.0.0.1:9/sparql"], "embedded store"),
    (["query", "people", "--store", "ftp://example.org/x"], "unknown store"),
    (["query", "people", "--store", "sparql+http://127.0.0.1:9/sparql?colour=red"], "colour"),
    (["build", ARTICLES, "--workers", "0"], "--workers"),
])
def test_store_and_build_options_are_checked(args, message):
    result = run(*args)
    assert result.exit_code != 0 and message in result.output
