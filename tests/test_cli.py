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
    "events": ["event", "type", "label", "participant", "place", "date", "cameo"],
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


def run_apart(*args):
    """Invoke with stdout and stderr kept apart (paging reports on stderr)."""
    return CliRunner(mix_stderr=False).invoke(cli, list(args))


def page_rows(store, name, page, per_page):
    result = run_apart("query", name, "--store", store, "--format", "json", "--page", str(page),
                       "--per-page", str(per_page))
    assert result.exit_code == 0, result.output + result.stderr
    data = json.loads(result.stdout)
    return [json.dumps(b, sort_keys=True) for b in data["results"]["bindings"]], result.stderr


@pytest.mark.parametrize("name", ["people", "events"])
def test_pages_of_a_named_query_split_its_listing(store, name):
    full = json.loads(run_apart("query", name, "--store", store, "--format", "json").stdout)
    expected = sorted(json.dumps(b, sort_keys=True) for b in full["results"]["bindings"])
    seen, page = [], 1
    while True:
        rows, said = page_rows(store, name, page, 4)
        assert len(rows) <= 4 and f"page {page} of {name}" in said
        seen += rows
        if "next: --page" not in said:
            assert "the last page" in said
            break
        assert f"next: --page {page + 1}" in said and len(rows) == 4
        page += 1
    assert page > 1 and sorted(seen) == expected


def test_page_of_a_query_file_in_table_format(store):
    result = run_apart("query", str(ROOT / "queries" / "states.rq"), "--store", store, "--page", "2",
                       "--per-page", "2")
    assert result.exit_code == 0 and "(2 rows)" in result.stdout and "from row 3" in result.stderr


@pytest.mark.parametrize("args,message", [
    (["--page", "0"], "'--page'"), (["--per-page", "0"], "'--per-page'"), (["--per-page", "1001"], "'--per-page'"),
    (["--page", "x"], "'--page'"),
])
def test_bad_page_options_name_the_option(store, args, message):
    result = run("query", "people", "--store", store, *args)
    assert result.exit_code == 2 and message in result.output


def test_query_text_cannot_be_paged(store):
    result = run("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", store, "--page", "2")
    assert result.exit_code == 2 and "named query or a .rq file" in result.output


def test_missing_query_file(store):
    result = run("query", "nope.rq", "--store", store)
    assert result.exit_code != 0 and "nope.rq" in result.output


@pytest.mark.parametrize("command", [["query", "SELECT * WHERE { ?s ?p ?o }"], ["stats"], ["export"],
                                     ["validate", "--skip-reasoner"]])
def test_read_only_commands_never_create_a_store(tmp_path, command):
    result = run(*command, "--store", str(tmp_path / "fresh"))
    assert result.exit_code != 0 and f"no store at {tmp_path / 'fresh'}" in result.output
    assert not (tmp_path / "fresh").exists()


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


def _holding_the_store_for_writing(path: str):
    """A process that has the store open for writing (as a build has) until its stdin closes."""
    code = ("import sys; from relgraph.store import open_store\n"
            "store = open_store(sys.argv[1]); print('open', flush=True); sys.stdin.read()")
    proc = subprocess.Popen([sys.executable, "-c", code, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_stats_query_and_export_work_while_a_build_writes_the_store(store, tmp_path):
    import shutil

    copy = str(tmp_path / "store")
    shutil.copytree(store, copy)
    writer = _holding_the_store_for_writing(copy)
    try:
        stats = run("stats", "--store", copy)
        assert stats.exit_code == 0, stats.output
        assert "articles" in stats.output and " 5" in stats.output
        query = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", copy,
                    "--format", "json")
        assert query.exit_code == 0, query.output
        assert int(json.loads(query.stdout)["results"]["bindings"][0]["n"]["value"]) > 100
        export = run("export", "--store", copy, "--format", "nquads")
        assert export.exit_code == 0 and export.stdout.count("\n") > 100
    finally:
        writer.communicate("", timeout=30)


def test_stats_reports_an_interrupted_first_build_and_leaves_the_store_alone(store, tmp_path):
    import shutil

    from relgraph.store import BULK_MARKER

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    (copy / BULK_MARKER).write_text("12345\n")   # what a first build killed mid-write leaves
    before = sorted((p.name, p.stat().st_size) for p in copy.iterdir() if p.name != "LOCK")
    for command in (["stats"], ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"], ["export"]):
        result = run(*command, "--store", str(copy))
        assert result.exit_code != 0 and "interrupted first build" in result.output
    assert (copy / BULK_MARKER).exists()
    assert sorted((p.name, p.stat().st_size) for p in copy.iterdir() if p.name != "LOCK") == before
    (copy / BULK_MARKER).unlink()
    assert " 5" in run("stats", "--store", str(copy)).output   # nothing was emptied
