"""The README documents every command, the ontology and the contract queries."""
from pathlib import Path

from relgraph import ontology
from relgraph.cli import cli
from relgraph.queries import named_queries

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme_and_has_help():
    for name, command in cli.commands.items():
        assert f"relgraph {name}" in README, name
        assert command.help, name


def test_ontology_tables_in_the_readme_match_the_ontology():
    assert ontology.terms_markdown() in README


def test_every_named_query_has_a_title_and_description_and_is_mentioned():
    queries = named_queries(ROOT / "queries")
    assert {"people", "states", "organizations", "agreements", "projects", "events"} <= set(queries)
    for q in queries.values():
        assert q.title != q.name and q.description, q.name
        assert f"{q.name}.rq" in README, q.name


def test_ci_runs_the_readme_test_command():
    assert "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()
