"""Chunked builds (`--commit-every`): the graph does not depend on where chunks are cut, each chunk
lands whole, and a build killed or failed mid-way is resumed by running it again."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from relgraph.build import build
from relgraph.cli import cli
from relgraph.settings import Settings
from relgraph.store import open_store

from conftest import ARTICLES
from test_remote_store import virtuoso  # noqa: F401 - the fixture: a private Virtuoso on 127.0.0.1

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset" / "articles"
if not DEVSET.is_dir():  # a worktree next to the main checkout
    DEVSET = Path("/work/shared/devset/articles")
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def sorted_nquads(store: Path | str) -> list[str]:
    out = io.BytesIO()
    opened = open_store(store, read_only=True)
    opened.dump(out, "nquads")
    return sorted(out.getvalue().decode().splitlines())


@pytest.fixture(scope="module")
def devset_count() -> int:
    if not DEVSET.is_dir():
        pytest.skip(f"no dev articles at {DEVSET}")
    return len(list(DEVSET.glob("*.txt")))


@pytest.fixture(scope="module")
def one_chunk(tmp_path_factory, devset_count):
    """The dev articles built in one chunk: the graph every other cut must give."""
    store = tmp_path_factory.mktemp("one") / "store"
    report = build([DEVSET], Settings.load(store=store), commit_every=devset_count)
    assert report.ok, report.errors
    assert report.chunks_committed == 1 and report.extracted == devset_count
    return store, sorted_nquads(store)


@pytest.mark.parametrize("every", [1, 7])
def test_a_chunked_build_gives_the_graph_of_a_one_chunk_build(one_chunk, devset_count, tmp_path, every):
    store = tmp_path / "store"
    commits = []
    report = build([DEVSET], Settings.load(store=store), commit_every=every,
                   on_commit=lambda r: commits.append((r.read, r.extracted)))
    assert report.ok, report.errors
    assert report.chunks_committed == -(-devset_count // every)
    # The inputs are a stream: when a chunk's commit is reported, the articles up to it are
    # extracted and at most the next chunk has been read (it is extracted while the write lands).
    assert [extracted for _, extracted in commits] == [min(devset_count, every * (k + 1)) for k in range(len(commits))]
    assert all(read <= min(devset_count, every * (k + 2)) for k, (read, _) in enumerate(commits)), commits
    assert sorted_nquads(store) == one_chunk[1]


def test_the_setting_sets_the_chunk_size(one_chunk, devset_count, tmp_path, monkeypatch):
    monkeypatch.setenv("RELGRAPH_COMMIT_EVERY", "12")
    store = tmp_path / "store"
    report = build([DEVSET], Settings.load(store=store))
    assert report.chunks_committed == -(-devset_count // 12)
    assert sorted_nquads(store) == one_chunk[1]


def test_commit_every_below_one_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(DEVSET), "--store", str(tmp_path / "s"),
                                      "--commit-every", "0"])
    assert result.exit_code == 2 and "--commit-every" in result.output
    assert not (tmp_path / "s").exists()


def test_a_build_killed_after_a_chunk_resumes_to_the_uninterrupted_graph(one_chunk, devset_count, tmp_path):
    store = tmp_path / "store"
    command = [sys.executable, "-m", "relgraph.cli", "build", str(DEVSET), "--store", str(store),
               "--commit-every", "4"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        for line in proc.stderr:  # killed as soon as the first chunk is reported written
            if line.startswith("committed chunk 1:"):
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    kept = open_store(store, read_only=True).named_graphs()
    # Whole chunks only, and not all of them: the kill came mid-way.
    assert len(kept) % 4 == 0 and 4 <= len(kept) < devset_count
    again = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=600)
    assert again.returncode == 0, again.stderr
    assert (f"{devset_count - len(kept)} article(s) extracted, {len(kept)} unchanged, "
            "0 not in English (skipped), 0 error(s)" in again.stderr)
    assert sorted_nquads(store) == one_chunk[1]


def test_a_build_stopped_inside_a_chunk_keeps_the_chunks_before_it_and_a_rerun_completes(
        one_chunk, devset_count, tmp_path):
    """Ctrl-C while the third chunk of five is being extracted: the two written chunks stay, nothing
    of the third is in the store, and the same build run again finishes the graph."""
    store = tmp_path / "store"
    extracted = []

    def interrupt_in_chunk_three(n):
        extracted.append(n)
        if len(extracted) == 12:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([DEVSET], Settings.load(store=store), commit_every=5, progress=interrupt_in_chunk_three)
    assert len(open_store(store, read_only=True).named_graphs()) == 10
    report = build([DEVSET], Settings.load(store=store), commit_every=5)
    assert report.ok and (report.extracted, report.unchanged) == (devset_count - 10, 10)
    assert sorted_nquads(store) == one_chunk[1]


def test_workers_extract_chunk_by_chunk_in_the_same_processes(one_chunk, tmp_path):
    store = tmp_path / "store"
    report = build([DEVSET], Settings.load(store=store), commit_every=9, workers=2)
    assert report.ok, report.errors
    assert report.chunks_committed == 4
    assert sorted_nquads(store) == one_chunk[1]


def test_a_repeated_id_in_a_later_chunk_is_an_error_and_the_rest_ingests(tmp_path):
    texts = sorted(DEVSET.glob("*.txt"))[:3]
    lines = [{"id": f"a{i}", "title": p.read_text().splitlines()[0], "text": p.read_text()}
             for i, p in enumerate(texts)]
    lines.append({**lines[0], "text": lines[2]["text"]})  # a1's id again, two chunks later
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    report = build([source], Settings.load(store=tmp_path / "store"), commit_every=1)
    assert report.read == 3 and report.extracted == 3 and report.chunks_committed == 3
    assert len(report.errors) == 1
    assert "'a0' already read" in report.errors[0] and "in.jsonl" in report.errors[0]


def test_a_chunked_build_into_a_remote_store_gives_the_embedded_graph(virtuoso, tmp_path):
    """Virtuoso on 127.0.0.1 (test_remote_store's server): the sample articles two at a time, one
    update request per chunk, give the quads of an embedded one-chunk build, and a re-run skips them."""
    base = "https://example.org/chunked/"
    spec = "sparql+" + virtuoso
    report = build([ARTICLES], Settings.load(store=spec, base_iri=base), commit_every=2)
    assert report.ok and report.chunks_committed == 3 and report.extracted == 5
    embedded = tmp_path / "store"
    assert build([ARTICLES], Settings.load(store=embedded, base_iri=base)).ok
    out = io.BytesIO()
    open_store(spec, base_iri=base).dump(out, "nquads")
    assert sorted(set(out.getvalue().decode().splitlines())) == sorted(set(sorted_nquads(embedded)))
    again = build([ARTICLES], Settings.load(store=spec, base_iri=base), commit_every=2)
    assert (again.extracted, again.unchanged, again.chunks_committed) == (0, 5, 0)


SYNDICATION = Path(__file__).parent / "fixtures" / "syndication"


def copies_folder(folder: Path) -> Path:
    """A story, its exact copy (the same text under another name), a light edit of it and another
    story: in chunks of one, the copy's chunk follows the chunk of the article it copies."""
    folder.mkdir()
    original = (SYNDICATION / "dA01.txt").read_text(encoding="utf-8")
    (folder / "a-original.txt").write_text(original, encoding="utf-8")
    (folder / "b-copy.txt").write_text(original, encoding="utf-8")
    (folder / "c-light.txt").write_text((SYNDICATION / "dA01-light.txt").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    (folder / "d-other.txt").write_text((SYNDICATION / "dB01.txt").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    return folder


def test_extraction_ahead_of_the_write_gives_the_graph_of_a_one_chunk_build(tmp_path, monkeypatch):
    """With workers, chunk k+1 is handed to them before chunk k is written; a copy of an article of
    chunk k found in chunk k+1 is still skipped, and the graph is the one-chunk graph."""
    from relgraph import parallel, store as store_module

    inputs = copies_folder(tmp_path / "in")
    whole = build([inputs], Settings.load(store=tmp_path / "whole"), commit_every=10)
    assert whole.ok and whole.extracted == 3, whole.errors
    events = []
    submit, replace = parallel.WorkerPool.submit, store_module.RelStore.replace_graphs
    monkeypatch.setattr(parallel.WorkerPool, "submit",
                        lambda self, articles: events.append(("submit", [a.id for a in articles]))
                        or submit(self, articles))
    monkeypatch.setattr(store_module.RelStore, "replace_graphs",
                        lambda self, drop, quads: events.append(("write", sorted(drop))) or
                        replace(self, drop, quads))
    chunked = build([inputs], Settings.load(store=tmp_path / "chunked"), commit_every=1, workers=2)
    assert chunked.ok, chunked.errors
    assert chunked.extracted == 3 and chunked.chunks_committed == 3
    assert any("b-copy.txt: the same news text as article 'a-original'" in w for w in chunked.warnings)
    kinds = [kind for kind, _ in events]
    # submit a, submit b, write a, submit c, write (nothing for b), ...: one chunk always ahead. The
    # write runs on the writer's thread, so 'submit c' may come before or after 'write a' starts.
    assert kinds[:2] == ["submit", "submit"] and kinds.index("write") in (2, 3), events
    assert events[1] == ("submit", ["b-copy"])
    assert sorted_nquads(tmp_path / "chunked") == sorted_nquads(tmp_path / "whole")
    assert chunked.driver_seconds > 0


def test_an_in_process_build_does_not_extract_an_exact_copy(tmp_path):
    """In-process, nothing runs ahead: a copy recognised at admission is never extracted."""
    inputs = copies_folder(tmp_path / "in")
    extracted = []
    report = build([inputs], Settings.load(store=tmp_path / "store"), commit_every=10,
                   progress=extracted.append)
    assert report.ok and report.extracted == 3, report.errors
    assert sum(extracted) == 3           # a-original, c-light, d-other: b-copy was skipped unread
