"""Building: idempotent, incremental, atomic, and bad input never loses data."""
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relgraph.build import build
from relgraph.settings import Settings
from relgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"


def nquads(store_dir: Path) -> set[str]:
    out = io.BytesIO()
    open_store(store_dir).dump(out, "nquads")
    return set(out.getvalue().decode().splitlines())


def copy_articles(dest: Path, names=None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for p in sorted(ARTICLES.iterdir()):
        if names is None or p.name.split(".")[0] in names:
            shutil.copy(p, dest / p.name)
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = tmp_path_factory.mktemp("built") / "store"
    report = build([ARTICLES], Settings.load(store=store))
    return store, report


def test_build_reads_every_sample(built):
    store, report = built
    assert report.ok, report.errors
    assert report.extracted == 5
    assert len(open_store(store).named_graphs()) == 5


def test_rebuild_of_unchanged_articles_extracts_nothing_and_changes_nothing(built, tmp_path):
    store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    before = nquads(copy)
    report = build([ARTICLES], Settings.load(store=copy))
    assert report.extracted == 0 and report.unchanged == 5
    assert nquads(copy) == before


def test_forced_rebuild_gives_identical_graph(built, tmp_path):
    store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    before = nquads(copy)
    report = build([ARTICLES], Settings.load(store=copy), force=True)
    assert report.extracted == 5
    assert nquads(copy) == before  # same IRIs, same statements, same evidence nodes


def test_adding_articles_is_incremental(tmp_path):
    articles = copy_articles(tmp_path / "a", {"000_d41b808b5fb25158", "003_d76d9ba795c697e9"})
    store = tmp_path / "store"
    first = build([articles], Settings.load(store=store))
    assert first.extracted == 2
    graphs_before = nquads(store)
    copy_articles(articles, {"004_8600423198ba3a01"})
    second = build([articles], Settings.load(store=store))
    assert (second.extracted, second.unchanged) == (1, 2)
    after = nquads(store)
    old_graph_lines = {q for q in graphs_before if "graph/000_" in q or "graph/003_" in q}
    assert old_graph_lines <= after
    # The new article's report of the Lavrov-Qureshi press conference joins the existing node.
    rows = open_store(store).query("""PREFIX dip: <https://w3id.org/relgraph/ontology#>
        SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e a dip:PressConference ; dip:mentionedIn ?a } GROUP BY ?e""")
    assert [int(r["n"].value) for r in rows] == [2]


def test_bad_input_is_reported_and_the_rest_ingests(tmp_path):
    src = copy_articles(tmp_path / "in", {"001_5b58551331a1c740"})
    (src / "empty.txt").write_text("   \n")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG\x00" * 50)
    (src / "latin1.txt").write_bytes("Caf\xe9 diplomacy in Paris".encode("latin-1"))
    good = {"id": "wire-1", "title": "Japan and India sign defence pact",
            "text": "Japan and India signed a defence agreement in Tokyo on 12 March 2024.",
            "published": "2024-03-12"}
    (src / "feed.jsonl").write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "x"}) + "\n")
    report = build([src, tmp_path / "missing.txt"], Settings.load(store=tmp_path / "store"))
    text = "\n".join(report.errors)
    assert "empty.txt" in text and "binary.txt" in text and "latin1.txt" in text
    assert "feed.jsonl:2" in text and "feed.jsonl:3" in text
    assert "missing.txt" in text
    assert report.extracted == 2  # the sample article and the good JSONL line
    graphs = open_store(tmp_path / "store").named_graphs()
    assert any(g.endswith("/graph/wire-1") for g in graphs)


def test_a_failing_build_keeps_what_the_store_held(built, tmp_path):
    store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    before = nquads(copy)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    report = build([bad], Settings.load(store=copy))
    assert not report.ok
    assert nquads(copy) == before


def test_killed_build_leaves_previous_graph_readable(built, tmp_path):
    store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    before = nquads(copy)
    many = tmp_path / "many"
    many.mkdir()
    texts = [p.read_text() for p in sorted(ARTICLES.glob("*.txt"))]
    for i in range(60):
        (many / f"copy-{i:03d}.txt").write_text(texts[i % len(texts)])
    proc = subprocess.Popen([sys.executable, "-m", "relgraph.cli", "build", str(many), "--store", str(copy)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    time.sleep(4)  # spaCy is loaded and extraction is under way
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert nquads(copy) == before
