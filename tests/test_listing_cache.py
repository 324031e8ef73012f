"""relgraph.listing_cache: canned listings written once per store version and paged from files,
checked against the live page queries on real stores (a synthetic graph from bench/synth.py with
thousands of rows per listing, and the sample articles' graph), through the Flask app and through
a real `relgraph serve` on 127.0.0.1."""
from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

import pytest

from relgraph.listing_cache import Listing, cache_root, materialise, serialise_page
from relgraph.paging import PageSpec, fetch_page
from relgraph.queries import NamedQuery, named_queries
from relgraph.settings import Settings
from relgraph.snapshot import store_version
from relgraph.store import open_store
from tests.test_paging import load_synth

QUERIES = named_queries()


@pytest.fixture(scope="module")
def synth(tmp_path_factory):
    """A synthetic store, its version and its listings written into a private folder."""
    folder = tmp_path_factory.mktemp("listing-synth")
    store = load_synth(folder, 8_000, seed=5)
    version = store_version(folder / "store")[0]
    root = folder / "listings"
    written = materialise(store, version, QUERIES, root)
    return store, version, root, written


def rows_of(page) -> list[tuple]:
    return [tuple(None if t is None else str(t) for t in row) for row in page.rows]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_page_read_from_the_listing_equals_the_live_page(synth, name):
    store, version, root, written = synth
    query = QUERIES[name]
    assert "error" not in written[name], written[name]
    listing = Listing.find(root, version, query)
    assert listing is not None and listing.rows == written[name]["rows"]
    per_page = max(1, listing.rows // 4) if listing.rows < 400 else 250
    number, seen = 1, 0
    while True:
        spec = PageSpec(number, per_page)
        live, cached = fetch_page(store, query, spec), listing.page(spec)
        assert cached.columns == live.columns
        assert rows_of(cached) == rows_of(live), f"{name} page {number}"
        assert cached.has_next == live.has_next
        seen += len(cached.rows)
        if not live.has_next:
            break
        number += 1
    assert seen == listing.rows


def test_a_page_past_the_end_is_empty_and_has_no_next(synth):
    _, version, root, _ = synth
    listing = Listing.find(root, version, QUERIES["people"])
    page = listing.page(PageSpec(listing.rows + 5, 1))
    assert page.rows == [] and page.has_next is False
    body, has_next = serialise_page(listing, PageSpec(10_000, 100), "json")
    assert json.loads(body)["results"]["bindings"] == [] and not has_next


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_pages_are_serialised_in_every_results_format(synth, fmt):
    store, version, root, _ = synth
    listing = Listing.find(root, version, QUERIES["events"])
    body, has_next = serialise_page(listing, PageSpec(2, 10), fmt)
    assert has_next
    text = body.decode()
    if fmt == "json":
        assert len(json.loads(text)["results"]["bindings"]) == 10
    elif fmt in ("csv", "tsv"):
        assert len(text.strip().splitlines()) == 11  # header + 10 rows
    else:
        assert text.count("<result>") == 10


def test_an_edited_query_is_not_answered_from_the_old_listing(synth, tmp_path):
    _, version, root, _ = synth
    people = QUERIES["people"]
    edited = NamedQuery(people.name, people.title, people.description, people.text + "\n# edited\n", people.path)
    assert Listing.find(root, version, people) is not None
    assert Listing.find(root, version, edited) is None


def test_another_version_has_no_listing_and_old_versions_are_pruned(synth, tmp_path):
    store, version, root, _ = synth
    assert Listing.find(root, "0" * 16, QUERIES["people"]) is None
    scratch = tmp_path / "listings"
    for old in ("a" * 16, "b" * 16, "c" * 16):
        (scratch / old).mkdir(parents=True)
        time.sleep(0.01)  # distinct modification times: the newest other version is kept
    materialise(store, version, {"people": QUERIES["people"]}, scratch)
    assert sorted(p.name for p in scratch.iterdir()) == sorted(["c" * 16, version])


def test_a_listing_whose_files_went_away_falls_back_to_none(synth, tmp_path):
    store, version, _, _ = synth
    root = tmp_path / "gone"
    materialise(store, version, {"states": QUERIES["states"]}, root)
    listing = Listing.find(root, version, QUERIES["states"])
    next(root.glob("*/*.tsv")).unlink()
    assert listing.page(PageSpec(1, 5)) is None


def test_the_web_app_serves_the_same_page_from_the_listing_as_live(make_app, web_settings, tmp_path):
    """Flask app over the sample articles' store: the same rows and Link headers with and without
    the listing; the listing is what answered (a page of a query the store cannot run live would
    fail otherwise, so the test reads the files it wrote)."""
    root = tmp_path / "web-listings"
    store = open_store(web_settings.store, read_only=True)
    try:
        version = store_version(web_settings.store)[0]
        written = materialise(store, version, QUERIES, root)
    finally:
        store.close()
    cached_app = make_app(listing_cache_dir=root)
    live_app = make_app(listing_cache=False, query_timeout_s=60.0)  # twelve live listings, on a busy machine too
    for name in sorted(QUERIES):
        rows = written[name]["rows"]
        per_page = max(1, rows // 3)
        url = f"/queries/{name}?page={2 if rows > per_page else 1}&per_page={per_page}"
        cached = cached_app.test_client().get(url, headers={"Accept": "application/sparql-results+json"})
        live = live_app.test_client().get(url, headers={"Accept": "application/sparql-results+json"})
        assert cached.status_code == live.status_code == 200
        assert cached.json["results"]["bindings"] == live.json["results"]["bindings"]
        assert cached.headers.get("Link") == live.headers.get("Link")
    # The page came from the files: with them emptied of rows, the app serves an empty page.
    people = Listing.find(root, version, QUERIES["people"])
    people.stem.with_suffix(".json").write_text(json.dumps({"columns": people.columns, "rows": 0}))
    emptied = cached_app.test_client().get("/queries/people?page=1", headers={"Accept": "application/json"})
    assert emptied.json["results"]["bindings"] == []


def test_cache_root_is_per_store_unless_configured(tmp_path):
    one = cache_root(Settings.load(store=tmp_path / "a"))
    two = cache_root(Settings.load(store=tmp_path / "b"))
    assert one != two and one.parent == two.parent
    assert cache_root(Settings.load(store=tmp_path / "a", listing_cache_dir=tmp_path / "x")) == tmp_path / "x"


def test_relgraph_serve_writes_the_listings_of_the_version_it_serves(start_server, store_dir, tmp_path):
    root = tmp_path / "served-listings"
    server = start_server("serve", workers=1, env={"RELGRAPH_LISTING_CACHE_DIR": str(root)})
    version = store_version(store_dir)[0]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((root / version).glob("*.json"))) < len(QUERIES):
        time.sleep(0.2)
    assert len(list((root / version).glob("*.json"))) == len(QUERIES)
    request = urllib.request.Request(f"{server}/queries/people?page=1&per_page=2",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        served = json.loads(response.read())["results"]["bindings"]
    store = open_store(store_dir, read_only=True)
    try:
        live = fetch_page(store, QUERIES["people"], PageSpec(1, 2))
    finally:
        store.close()
    assert [b["name"]["value"] for b in served] == [str(r[live.columns.index("name")].value) for r in live.rows]


def test_relgraph_listings_command_writes_them(store_dir, tmp_path):
    from click.testing import CliRunner

    from relgraph.cli import cli

    root = tmp_path / "cli-listings"
    result = CliRunner().invoke(cli, ["listings", "--store", str(store_dir)],
                                env={"RELGRAPH_LISTING_CACHE_DIR": str(root)})
    assert result.exit_code == 0, result.output
    assert f"{len(QUERIES)} listing(s) written" in result.output
    assert Path(root).is_dir() and len(list(root.glob("*/*.json"))) == len(QUERIES)
