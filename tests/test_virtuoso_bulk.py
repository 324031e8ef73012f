"""Virtuoso's bulk loader as the write path of a build (relgraph.virtuoso_bulk), for real: a private
Virtuoso (bench/virtuoso.py) with a load directory in its DirsAllowed, isql-vt, the sample articles
and spaCy. Every dataset lives under its own base IRI in the one server."""
from __future__ import annotations

import io
import logging
import shutil
import sys
from dataclasses import replace

import pytest

from relgraph.build import build
from relgraph.errors import StoreError
from relgraph.settings import REPO_ROOT, Settings
from relgraph.store import open_store
from relgraph.virtuoso_bulk import BulkLoader

from conftest import ARTICLES

sys.path.insert(0, str(REPO_ROOT))  # the bench package lives beside src/, not inside it

from bench.virtuoso import VirtuosoMissing, running_virtuoso  # noqa: E402

DIP = "https://w3id.org/relgraph/ontology#"
# The datasets the tests write. The remote store resolves against the server's whole default graph,
# so a dataset left behind would leak into the next test's build: each test removes its own.
BASES = [None] + [f"https://example.org/bulk-{name}/" for name in ("change", "resume", "refused", "small")]
CHANGED = "003_d76d9ba795c697e9"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    try:
        with running_virtuoso(tmp_path_factory.mktemp("virtuoso-bulk")) as running:
            yield running
    except VirtuosoMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(autouse=True)
def empty_server_after(server):
    yield
    for base in BASES:
        store = open_store("sparql+" + server.url, base_iri=base)
        store.replace_graphs(store.named_graphs(), [])


def bulk_settings(server, base: str | None = None, **overrides) -> Settings:
    """Settings of a build that bulk-loads every chunk (threshold 1 quad)."""
    values = dict(store="sparql+" + server.url, base_iri=base, virtuoso_isql=server.sql_address,
                  virtuoso_isql_password="dba", virtuoso_load_dir=server.load_dir, bulk_min_quads=1)
    return Settings.load(**{**values, **overrides})


def nquads(spec, base: str | None = None) -> set[str]:
    out = io.BytesIO()
    open_store(spec, read_only=True, base_iri=base).dump(out, "nquads")
    return set(out.getvalue().decode("utf-8").splitlines())


def bulk_loads(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("bulk-loaded")]


def copy_articles(target):
    target.mkdir()
    for p in ARTICLES.iterdir():
        shutil.copy(p, target / p.name)
    return target


def change_article(directory) -> None:
    text = directory / f"{CHANGED}.txt"
    text.write_text(text.read_text() + "\nThe two ministers met again in Geneva on Friday.\n")


def test_bulk_build_gives_the_quads_of_the_update_path_and_the_embedded_store(server, store_dir, caplog):
    caplog.set_level(logging.INFO, logger="relgraph.remote_store")
    report = build([ARTICLES], bulk_settings(server))
    assert report.ok and report.extracted == 5
    assert len(bulk_loads(caplog)) == 1 and "5 graph(s)" in bulk_loads(caplog)[0]
    bulk = nquads("sparql+" + server.url)
    assert bulk == nquads(store_dir)
    assert sum(1 for line in bulk if f"<{DIP}sha256>" in line) == 5   # the marks came in after the data
    assert list(server.load_dir.iterdir()) == []                       # the chunk's file is gone
    caplog.clear()
    forced = build([ARTICLES], Settings.load(store="sparql+" + server.url), force=True)  # SPARQL UPDATE
    assert forced.extracted == 5 and bulk_loads(caplog) == []
    assert nquads("sparql+" + server.url) == bulk


def test_rebuild_after_a_change_replaces_the_article_graph(server, tmp_path, caplog):
    base = "https://example.org/bulk-change/"
    src = copy_articles(tmp_path / "in")
    embedded = tmp_path / "embedded"
    assert build([src], bulk_settings(server, base)).extracted == 5
    assert build([src], Settings.load(store=embedded, base_iri=base)).extracted == 5
    change_article(src)
    caplog.set_level(logging.INFO, logger="relgraph.remote_store")
    again = build([src], bulk_settings(server, base))
    assert (again.extracted, again.unchanged) == (1, 4)
    assert len(bulk_loads(caplog)) == 1 and "1 graph(s)" in bulk_loads(caplog)[0]
    assert build([src], Settings.load(store=embedded, base_iri=base)).extracted == 1
    remote = nquads("sparql+" + server.url, base)
    assert remote == nquads(embedded, base)
    graph = f"<{base}graph/{CHANGED}>"
    assert any("Geneva" in line and line.endswith(f"{graph} .") for line in remote)
    assert sum(1 for line in remote if f"<{DIP}sha256>" in line and line.endswith(f"{graph} .")) == 1


def test_a_chunk_killed_before_its_marks_is_extracted_again(server):
    """The state a build killed inside a bulk-loaded chunk leaves: the data (part of it) in, no
    marks. The next build must not take those articles as unchanged. (The server reads the load
    directory through another path here, as a container mounting it elsewhere would.)"""
    base = "https://example.org/bulk-resume/"
    elsewhere = server.directory / "load-as-the-server-sees-it"
    elsewhere.symlink_to(server.load_dir)
    settings = bulk_settings(server, base, virtuoso_server_load_dir=elsewhere)
    assert build([ARTICLES], settings).extracted == 5
    whole = nquads(settings.store, base)
    store = open_store(settings.store, base_iri=base)
    graphs = store.named_graphs()
    for g in graphs:  # the marks did not come in yet
        store._update(f"DELETE WHERE {{ GRAPH <{g}> {{ ?a <{DIP}sha256> ?sha }} }}")
    store._update(f"DELETE WHERE {{ GRAPH <{graphs[0]}> {{ ?s a ?type }} }}")  # a graph loaded in part
    assert not any(f"<{DIP}sha256>" in line for line in nquads(settings.store, base))
    resumed = build([ARTICLES], settings)
    assert (resumed.extracted, resumed.unchanged) == (5, 0)
    assert nquads(settings.store, base) == whole


def test_a_load_error_names_the_chunk_and_leaves_no_half_graph(server):
    """The server cannot read the chunk's file (here: told to look for it in a missing directory)."""
    base = "https://example.org/bulk-refused/"
    settings = bulk_settings(server, base, virtuoso_server_load_dir=server.directory / "not-there")
    with pytest.raises(StoreError, match=r"bulk loader failed on the chunk of 5 graph\(s\) "
                                         rf"<{base}graph/000_d41b808b5fb25158> \.\. .*not-there"):
        build([ARTICLES], settings)
    assert list(server.load_dir.iterdir()) == []
    assert open_store("sparql+" + server.url, base_iri=base).named_graphs() == []


def test_a_bad_file_is_an_error_naming_the_chunk_file_and_line(server):
    loader = BulkLoader.from_settings(bulk_settings(server))
    bad = server.load_dir / "bad-chunk.nq"
    bad.write_text('<https://example.org/s> <https://example.org/p> "ok" <https://example.org/g> .\n'
                   "this is not N-Quads\n")
    try:
        with pytest.raises(StoreError, match=r"failed on chunk 7 \(file .*bad-chunk\.nq\): .*line 2"):
            loader.load(bad, "chunk 7")
    finally:
        bad.unlink()
    left = loader.run("select 'LEFT', count(*) from DB.DBA.load_list;", "count")
    assert [line.split() for line in left.splitlines() if line.startswith("LEFT")] == [["LEFT", "0"]]


def test_isql_errors_are_clear(server):
    wrong = BulkLoader.from_settings(bulk_settings(server, virtuoso_isql_password="wrong"))
    with pytest.raises(StoreError, match=r"bulk load of x: isql at 127\.0\.0\.1:\d+ failed: .*"):
        wrong.run("select 1;", "bulk load of x")


def test_small_chunks_stay_sparql_update(server, caplog):
    base = "https://example.org/bulk-small/"
    caplog.set_level(logging.INFO, logger="relgraph.remote_store")
    report = build([ARTICLES], bulk_settings(server, base, bulk_min_quads=1_000_000))
    assert report.extracted == 5 and bulk_loads(caplog) == []
    assert sum(1 for line in nquads("sparql+" + server.url, base) if f"<{DIP}sha256>" in line) == 5


def test_bulk_loading_is_opt_in_and_for_writers_only(server):
    spec = "sparql+" + server.url
    assert open_store(spec, settings=Settings.load(store=spec)).bulk is None
    assert open_store(spec, read_only=True, settings=bulk_settings(server)).bulk is None
    assert open_store(spec, settings=bulk_settings(server)).bulk.address == server.sql_address
    assert open_store(spec).bulk is None


@pytest.mark.parametrize("overrides, message", [
    ({"virtuoso_load_dir": None}, "virtuoso_load_dir is needed"),
    ({"virtuoso_isql": "localhost"}, "'localhost' is not host:port"),
    ({"virtuoso_isql_command": "no-such-isql"}, "'no-such-isql' not found"),
])
def test_bad_bulk_settings_name_the_setting(server, overrides, message):
    with pytest.raises(StoreError, match=message):
        BulkLoader.from_settings(replace(bulk_settings(server), **overrides))
