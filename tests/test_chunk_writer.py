"""The chunk writer: one store write in flight, its error raised in the build's thread, and an
in-process build that extracts the next chunk while the last one is being written."""
from __future__ import annotations

import threading

import pytest

from relgraph.build import build
from relgraph.chunk_writer import ChunkWriter
from relgraph.settings import Settings

from test_build_chunks import DEVSET, sorted_nquads


def test_a_write_lands_in_the_background_and_is_reported_in_the_callers_thread():
    release, landed = threading.Event(), []
    writer = ChunkWriter()
    writer.submit(lambda: release.wait(5), lambda seconds: landed.append(threading.current_thread()))
    assert writer.busy and landed == []          # the caller goes on while the write runs
    release.set()
    writer.wait()
    assert not writer.busy and landed == [threading.current_thread()]


def test_a_second_write_starts_only_after_the_first_has_landed():
    order = []
    writer = ChunkWriter()
    first_running = threading.Event()

    def first():
        first_running.set()
        threading.Event().wait(0.2)
        order.append("first written")

    writer.submit(first, lambda s: order.append("first landed"))
    first_running.wait(5)
    writer.submit(lambda: order.append("second written"), lambda s: order.append("second landed"))
    writer.wait()
    assert order == ["first written", "first landed", "second written", "second landed"]


def test_a_failed_write_is_raised_by_the_next_wait_and_not_reported_as_landed():
    landed = []
    writer = ChunkWriter()

    def fail():
        raise OSError("disk full")

    writer.submit(fail, landed.append)
    with pytest.raises(OSError, match="disk full"):
        writer.wait()
    assert landed == [] and not writer.busy
    writer.wait()   # the error is raised once


def test_a_foreground_writer_writes_at_once():
    done = []
    writer = ChunkWriter(background=False)
    writer.submit(lambda: done.append("written"), lambda s: done.append("landed"))
    assert done == ["written", "landed"] and not writer.busy


def test_an_in_process_build_extracts_the_next_chunk_while_the_last_one_is_written(tmp_path, monkeypatch):
    """The first chunk's write waits until an article of the second chunk has been extracted: it can
    only finish (and the build only end) if extraction ran while the write was in flight."""
    from relgraph import store as store_module

    articles = sorted(DEVSET.glob("*.txt"))[:4]
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in articles:
        (inputs / path.name).write_text(path.read_text())
    whole = build([inputs], Settings.load(store=tmp_path / "whole"), commit_every=4)
    assert whole.ok, whole.errors

    extracted, second_chunk_started, overlapped = [], threading.Event(), []
    replace = store_module.RelStore.replace_graphs

    def slow_first_write(self, drop, quads):
        if not overlapped:   # the first chunk's write
            overlapped.append(second_chunk_started.wait(60))
        return replace(self, drop, quads)

    def progress(n):
        extracted.append(n)
        if len(extracted) > 2:           # an article of the second chunk is extracted
            second_chunk_started.set()

    monkeypatch.setattr(store_module.RelStore, "replace_graphs", slow_first_write)
    report = build([inputs], Settings.load(store=tmp_path / "chunked"), commit_every=2, progress=progress)
    assert report.ok, report.errors
    assert overlapped == [True]
    assert report.chunks_committed == 2 and report.extracted == 4
    assert sorted_nquads(tmp_path / "chunked") == sorted_nquads(tmp_path / "whole")


@pytest.mark.parametrize("workers", [1, 2])
def test_the_write_leaves_the_build_thread_only_when_no_worker_processes_fill_the_cores(tmp_path, monkeypatch, workers):
    from relgraph import store as store_module

    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(DEVSET.glob("*.txt"))[:2]:
        (inputs / path.name).write_text(path.read_text())
    threads, replace = [], store_module.RelStore.replace_graphs
    monkeypatch.setattr(store_module.RelStore, "replace_graphs",
                        lambda self, drop, quads: threads.append(threading.current_thread().name)
                        or replace(self, drop, quads))
    report = build([inputs], Settings.load(store=tmp_path / "store"), commit_every=1, workers=workers)
    assert report.ok and report.chunks_committed == 2, report.errors
    expected = "relgraph-chunk-writer" if workers == 1 else threading.main_thread().name
    assert threads == [expected, expected]
