"""Large SPARQL results do not pile up in the server (issue 9, point 8).

The audit: eight concurrent 52 MB results took the server from 357 MB to 1.23 GB, and it stayed at
840 MB. Now a query process writes a large result to a spool file and the front streams it from
disk, so the web processes hold only what is in flight. A real `relgraph serve` over a store of a
synthetic graph big enough for ~15 MB results, eight slow readers at once; the RSS of the web
processes (the query processes evaluate the queries and are capped on their own) is sampled.
"""
from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import psutil
import pytest

from conftest import free_port, wait_until_serving

pytestmark = pytest.mark.slow

EVERYTHING = "CONSTRUCT WHERE { ?s ?p ?o }"
CLIENTS = 8


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """A store with the project's layout (article graphs + their union) of ~110k quads."""
    import pyoxigraph as ox

    from bench.synth import generate
    from relgraph.store import open_store

    root = tmp_path_factory.mktemp("bigstore")
    nquads = root / "synth.nq"
    generate(nquads, 110_000)
    store_path = root / "store"
    raw = ox.Store(str(store_path))
    raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    open_store(store_path).close()  # a writable open materialises the union default graph
    return store_path


def web_rss(pid: int) -> int:
    """RSS of the server's processes that are not query processes."""
    root = psutil.Process(pid)
    total = 0
    for proc in [root, *root.children(recursive=True)]:
        try:
            if "relgraph.query_process" in " ".join(proc.cmdline()):
                continue
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def stop_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def slow_download(port: int, source_ip: str, sink: list) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source_ip, 0))
    try:
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": EVERYTHING}),
                           headers={"Accept": "application/n-triples"})
        response = connection.getresponse()
        size = 0
        while chunk := response.read(256 * 1024):
            size += len(chunk)
            time.sleep(0.01)  # a slow reader: the server must not buffer the rest for it
        sink.append((response.status, size, int(response.headers.get("Content-Length", -1))))
    finally:
        connection.close()


def test_eight_concurrent_large_results_do_not_grow_the_web_processes(big_store, tmp_path):
    port = free_port()
    env = {**os.environ, "RELGRAPH_QUERY_TIMEOUT_S": "60", "RELGRAPH_QUERY_MAX_ROWS": "1000000", "RELGRAPH_QUERY_IN_MEMORY_MAX_MB": "0",
           "RELGRAPH_QUERY_WORKERS": "4", "RELGRAPH_QUERY_PER_CLIENT": "1", "RELGRAPH_WORKERS": "1",
           "RELGRAPH_DUMP_CACHE_DIR": str(tmp_path / "dumps")}
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "relgraph.cli", "serve", "--store", str(big_store),
                             "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        try:
            wait_until_serving(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", proc, 60)
        except RuntimeError as exc:
            pytest.fail(f"{exc}\n{(tmp_path / 'server.log').read_text(errors='replace')[-3000:]}")
        # Warm up: one large result through each path, so the baseline holds what every request needs.
        warm: list = []
        slow_download(port, "127.0.0.2", warm)
        assert warm[0][0] == 200 and warm[0][1] > 10_000_000, warm
        time.sleep(1)
        before = web_rss(proc.pid)
        results: list = []
        peak = [before]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], web_rss(proc.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        # Each reader from its own address: one client may have one query at a time.
        readers = [threading.Thread(target=slow_download, args=(port, f"127.0.1.{i + 1}", results))
                   for i in range(CLIENTS)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout=120)
        done.set()
        sampler.join()
        time.sleep(1)
        after = web_rss(proc.pid)
    finally:
        stop_group(proc)
    served = [r for r in results if r[0] == 200]
    # Four query processes: the other readers wait in the queue or are told to come back (503).
    assert len(served) >= 4 and all(size == length == warm[0][1] for _, size, length in served), results
    in_flight = len(served) * warm[0][1]
    growth = peak[0] - before
    # Far less than the results themselves, which the old server held whole (several copies each).
    assert growth < max(64 << 20, in_flight // 4), (growth, in_flight)
    assert after < before * 1.10 + (8 << 20), (before, after)
