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


def test_workers_give_the_same_graph_as_one_process(built, tmp_path):
    """Extraction in 2 worker processes: same graph, same order of results as the 1-worker build."""
    store, _ = built
    parallel = tmp_path / "store"
    report = build([ARTICLES], Settings.load(store=parallel, batch_size=2), workers=2)
    assert report.ok, report.errors
    assert report.extracted == 5
    assert nquads(parallel) == nquads(store)


def test_extract_results_come_back_in_input_order_with_workers():
    from relgraph.articles import iter_articles
    from relgraph.build import extract
    from relgraph.parallel import ExtractionFailure

    articles = [a for a in iter_articles([ARTICLES])]
    settings = Settings.load(batch_size=1)
    one = [(a.id, r) for a, r in extract(articles, settings, workers=1)]
    two = [(a.id, r) for a, r in extract(articles, settings, workers=2)]
    assert [i for i, _ in two] == [a.id for a in articles]
    assert not [r for _, r in two if isinstance(r, ExtractionFailure)]
    assert two == one  # records are plain dataclasses: equal field by field


def test_worker_errors_name_the_file_and_line(tmp_path):
    """Read errors and extraction failures in worker processes keep their file (and line)."""
    src = tmp_path / "in"
    src.mkdir()
    # Each text differs: an exact copy of another would be skipped before extraction.
    lines = [json.dumps({"id": f"w{i}", "title": "t", "text": f"Japan and India signed a defence agreement. Copy {i}.",
                         "published": "2024-03-12"}) for i in range(3)]
    (src / "feed.jsonl").write_text(lines[0] + "\n{not json\n" + lines[1] + "\n" + lines[2] + "\n")
    settings = Settings.load(store=tmp_path / "store", spacy_model="no_such_model_for_this_test")
    report = build([src], settings, workers=2)
    text = "\n".join(report.errors)
    assert "feed.jsonl:2" in text  # unreadable line, found while reading
    for line in (1, 3, 4):         # extraction failed in the workers: no such model there
        assert f"feed.jsonl:{line}: extraction failed" in text
    assert report.extracted == 0
    assert open_store(tmp_path / "store").named_graphs() == []


def _unrelated_graphs(n: int, base: str = "https://w3id.org/relgraph/id/"):
    """`n` article graphs shaped like real ones (article, person with its name key, a meeting with
    a participant) about people and states that the sample articles never mention."""
    import pyoxigraph as ox

    from relgraph import __version__
    from relgraph.gazetteer import default_gazetteer
    from relgraph.iris import IriMaker

    iris, gaz = IriMaker(base), default_gazetteer()
    dip = "https://w3id.org/relgraph/ontology#"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    N = ox.NamedNode
    quads = []
    for k in range(n):
        g = N(iris.graph(f"unrelated-{k}"))
        article, person = N(iris.article(f"unrelated-{k}")), N(f"{base}person/unrelated-person-{k}")
        event, extractor = N(f"{base}event/meeting-of-unrelated-{k}"), N(iris.extractor(__version__))
        name = f"Unrelated Person {k}"
        for s, p, o in [
            (article, rdf_type, N(dip + "Article")),
            (article, N("http://purl.org/dc/terms/identifier"), ox.Literal(f"unrelated-{k}")),
            (article, N(dip + "sha256"), ox.Literal("0" * 64)),
            (extractor, rdf_type, N(dip + "Extractor")),
            (person, rdf_type, N(dip + "Person")), (person, label, ox.Literal(name)),
            (person, N("http://www.w3.org/2004/02/skos/core#hiddenLabel"), ox.Literal(gaz.name_variant_key(name))),
            (event, rdf_type, N(dip + "Meeting")), (event, label, ox.Literal(f"Meeting of {name}")),
            (event, N(dip + "participant"), person), (event, N(dip + "participant"), N(f"{base}state/unrelated-{k}")),
        ]:
            quads.append(ox.Quad(s, p, o, g))
    return quads


def test_adding_articles_reads_only_what_they_need_not_the_store(tmp_path):
    """Adding one article to a store of 2 articles and to the same store plus 3,000 unrelated article
    graphs sends the same lookups and reads the same rows, and writes the same graph: the work of a
    build follows the articles it adds, not the store (timings: bench/)."""
    articles = copy_articles(tmp_path / "a", {"000_d41b808b5fb25158", "003_d76d9ba795c697e9"})
    small, large = tmp_path / "small", tmp_path / "large"
    assert build([articles], Settings.load(store=small)).extracted == 2
    shutil.copytree(small, large)
    big = open_store(large)
    big.replace_graphs([], _unrelated_graphs(3000))
    assert len(big.named_graphs()) == 3002
    del big
    copy_articles(articles, {"004_8600423198ba3a01"})
    reports = {}
    for store in (small, large):
        reports[store] = build([articles], Settings.load(store=store))
        assert (reports[store].extracted, reports[store].unchanged) == (1, 2)
    a, b = reports[small], reports[large]
    assert (a.lookup_queries, a.lookup_rows) == (b.lookup_queries, b.lookup_rows)
    assert a.lookup_rows < 200  # the 2 stored articles' hashes, the persons and facts the new one shares
    new_graph = "graph/004_8600423198ba3a01>"
    assert {q for q in nquads(small) if q.endswith(new_graph + " .")} == \
        {q for q in nquads(large) if q.endswith(new_graph + " .")}
    # Still joins the known press conference (found through its shared actors, not by a scan).
    rows = open_store(large).query("""PREFIX dip: <https://w3id.org/relgraph/ontology#>
        SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e a dip:PressConference ; dip:mentionedIn ?a } GROUP BY ?e""")
    assert [int(r["n"].value) for r in rows] == [2]


# ---------------------------------------------------------------- long articles, caps, the build lock

DEVSET = ROOT / "tests" / "fixtures" / "devset"  # copied from ../shared/devset/articles
DIP_NS = "https://w3id.org/relgraph/ontology#"
LATE_NEWS = ("Russian Foreign Minister Sergei Lavrov met his Pakistani counterpart Shah Mehmood Qureshi "
             "in Moscow on Tuesday to discuss energy cooperation.")
FILLER = ("The weather stayed mild for most of the week and the markets were calm, "
          "according to figures published on the same day.")


def long_article(chars: int) -> str:
    """Real news paragraphs (the news text of the dev set's pages, else the samples'), then plain
    paragraphs up to `chars`, then one more news paragraph that lies beyond 1,000,000 characters
    when `chars` does."""
    from relgraph.articles import iter_articles

    folder = DEVSET
    text = "\n\n".join(a.text for a in iter_articles([folder]) if hasattr(a, "text"))
    filler = "\n\n".join(f"{FILLER} ({i})" for i in range((chars - len(text)) // (len(FILLER) + 8) + 1))
    return f"{text}\n\n{filler}\n\n{LATE_NEWS}\n"


def test_an_article_over_a_million_characters_is_extracted_with_exact_offsets(tmp_path):
    """spaCy refuses texts over 1,000,000 characters (E088); the build parses it in pieces and every
    offset it stores points into the whole article."""
    src = copy_articles(tmp_path / "in", {"001_5b58551331a1c740", "004_8600423198ba3a01"})
    text = long_article(1_200_000)
    assert len(text) > 1_200_000 and text.index(LATE_NEWS) > 1_000_000
    (src / "long.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    report = build([src], Settings.load(store=store))
    assert report.ok, report.errors
    assert report.extracted == 3 and len(open_store(store).named_graphs()) == 3
    rows = list(open_store(store, read_only=True).query(f"""PREFIX dip: <{DIP_NS}>
        SELECT ?text ?start ?end WHERE {{ ?x a dip:Assertion ; dip:sourceArticle ?a ; dip:evidenceText ?text ;
          dip:startOffset ?start ; dip:endOffset ?end . ?a <http://purl.org/dc/terms/identifier> "long" }}"""))
    spans = [(r["text"].value, int(r["start"].value), int(r["end"].value)) for r in rows]
    assert len(spans) > 20
    assert all(text[start:end] == sentence for sentence, start, end in spans)
    late = [s for s in spans if s[1] > 1_000_000]
    assert late and all(sentence == LATE_NEWS for sentence, _, _ in late)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_over_the_hard_cap_is_reported_and_the_others_ingest(tmp_path, workers):
    from relgraph.nlp.chunks import MAX_ARTICLE_CHARS

    src = tmp_path / "in"
    src.mkdir()
    (src / "huge.txt").write_text("\n\n".join([FILLER] * (MAX_ARTICLE_CHARS // len(FILLER) + 10)))
    feed = [{"id": f"w{i}", "text": f"Japan and India signed a defence agreement in Tokyo on 12 March 2024. Copy {i}.",
             "published": "2024-03-12"} for i in range(2)]
    (src / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in feed))
    store = tmp_path / "store"
    report = build([src], Settings.load(store=store), workers=workers)
    assert report.extracted == 2
    assert len(report.errors) == 1 and "huge.txt: extraction failed" in report.errors[0]
    assert f"{MAX_ARTICLE_CHARS:,}" in report.errors[0]
    assert sorted(g.rsplit("/", 1)[1] for g in open_store(store).named_graphs()) == ["w0", "w1"]


def test_a_page_cut_to_a_fraction_by_furniture_rules_is_ingested_and_reported(tmp_path):
    from relgraph.build import BuildReport, read_inputs

    story = "Japan and India signed a defence agreement in Tokyo on 12 March 2024, officials said.\n\n"
    page = story + "Related Stories\n" + "".join(f"Another headline number {i} about markets\n" for i in range(600))
    (tmp_path / "page.txt").write_text(page)
    (tmp_path / "plain.txt").write_text(story * 200)   # long, but all news: no warning
    report = BuildReport()
    articles = read_inputs([tmp_path], report)
    assert [a.id for a in articles] == ["page", "plain"] and report.ok
    assert len(report.warnings) == 1 and "page.txt" in report.warnings[0]
    assert "page furniture rules removed" in report.warnings[0]


def test_a_second_build_on_the_same_store_fails_at_once_and_changes_nothing(built, tmp_path):
    from relgraph.store import BUILD_LOCK, build_running

    store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    before = nquads(copy)
    assert not build_running(copy)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from relgraph.store import build_lock\n"
         "with build_lock(Path(sys.argv[1])):\n    print('held', flush=True); sys.stdin.read()", str(copy)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    try:
        assert holder.stdout.readline().strip() == "held"
        assert build_running(copy)
        started = time.monotonic()
        cli = subprocess.run([sys.executable, "-m", "relgraph.cli", "build", str(ARTICLES), "--store", str(copy),
                              "--force"], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        assert cli.returncode != 0
        assert f"another build is running on this store ({copy})" in cli.stderr
        assert "Traceback" not in cli.stderr and time.monotonic() - started < 60  # bounded wait, no queueing
    finally:
        holder.communicate("", timeout=10)
    assert not build_running(copy) and (copy / BUILD_LOCK).exists()
    assert nquads(copy) == before
    assert build([ARTICLES], Settings.load(store=copy)).ok   # the lock is free again


def test_build_running_never_creates_a_store(tmp_path):
    from relgraph.store import build_running

    assert not build_running(tmp_path / "nowhere") and not (tmp_path / "nowhere").exists()
