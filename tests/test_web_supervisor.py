"""relgraph.web.supervisor through real servers on 127.0.0.1: server processes that die are
replaced, SIGTERM stops everything, and a finished build is picked up by all processes together,
every response coming from one store version.

Every wait is bounded; the time bounds are liveness checks (generous), not benchmarks."""
from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

import psutil
import pytest
import requests
from conftest import ARTICLES, stop_server

from relgraph.settings import REPO_ROOT, Settings

DEVSET = REPO_ROOT / "tests" / "fixtures" / "devset"  # copied from ../shared/devset/articles
COUNT_ARTICLES = ("PREFIX dip: <https://w3id.org/relgraph/ontology#> "
                  "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dip:Article }")
HOME_COUNT = re.compile(r"extracted from (\d+) news article")


def server_processes(server) -> list[int]:
    """The supervisor's children that serve: one per server process (not the child writing the
    served version's listings, relgraph.listing_cache)."""
    return sorted(child.pid for child in psutil.Process(server.proc.pid).children()
                  if child.status() != psutil.STATUS_ZOMBIE and not _is_materialiser(child))


def _is_materialiser(process) -> bool:
    try:
        return "relgraph.listing_cache" in " ".join(process.cmdline())
    except psutil.Error:  # it finished meanwhile
        return True


def wait_for(condition, seconds: float, what: str, every: float = 0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"{what} within {seconds} s")


def answering_pid(conn: http.client.HTTPConnection, candidates: list[int]) -> int | None:
    """The server process holding the other end of `conn` (found from its sockets)."""
    client_port = conn.sock.getsockname()[1]
    for pid in candidates:
        try:
            sockets = psutil.Process(pid).net_connections(kind="tcp")
        except psutil.NoSuchProcess:
            continue
        if any(s.raddr and s.raddr.port == client_port for s in sockets):
            return pid
    return None


def get(base: str, path: str, conn: http.client.HTTPConnection | None = None) -> tuple[int, dict, str]:
    conn = conn or http.client.HTTPConnection(*urllib.parse.urlsplit(base)[1].split(":"), timeout=30)
    conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode()


def article_count(path: str, body: str) -> int:
    if path == "/":
        return int(HOME_COUNT.search(body).group(1))
    import json

    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


SPARQL_COUNT = "/sparql?" + urllib.parse.urlencode({"query": COUNT_ARTICLES})


# -- processes --------------------------------------------------------------------------------

def test_a_killed_server_process_is_replaced(start_server):
    server = start_server("serve")
    before = server_processes(server)
    assert len(before) == 2
    victim = psutil.Process(before[0])
    victim.kill()
    victim.wait(timeout=10)  # dead and reaped: connections it had accepted died with it
    # The other process keeps answering while the supervisor starts a replacement.
    assert requests.get(f"{server}/sparql", params={"query": "ASK {}"}, timeout=10).status_code == 200
    after = wait_for(lambda: (lambda p: p if len(p) == 2 and before[0] not in p else None)(server_processes(server)),
                     30, "a replacement server process")
    replacement = next(pid for pid in after if pid not in before)
    wait_for(lambda: f"server process {replacement} ready" in server.log_text(), 30, "the replacement ready")
    seen = set()
    for _ in range(300):  # fresh connections until the replacement has answered one
        conn = http.client.HTTPConnection("127.0.0.1", int(server.rsplit(":", 1)[1]), timeout=30)
        status, headers, _ = get(server, "/sparql?query=ASK%7B%7D", conn)
        assert status == 200
        seen.add(answering_pid(conn, after))
        conn.close()
        if replacement in seen:
            break
    assert replacement in seen
    assert f"server process {before[0]} exited with status -9" in server.log_text()


@pytest.mark.parametrize("how", ["SIGTERM to the group", "SIGTERM to the supervisor", "SIGKILL to the supervisor"])
def test_stopping_the_server_stops_every_process(start_server, how):
    server = start_server("serve")
    port = int(server.rsplit(":", 1)[1])
    supervisor = psutil.Process(server.proc.pid)
    tree = [supervisor] + supervisor.children(recursive=True)
    assert len(tree) >= 1 + 2 + 2 * 2  # the supervisor, 2 server processes, their query processes
    if how == "SIGTERM to the group":
        os.killpg(server.proc.pid, signal.SIGTERM)
    else:
        server.proc.send_signal(signal.SIGTERM if "SIGTERM" in how else signal.SIGKILL)
    server.proc.wait(timeout=45)
    gone, alive = psutil.wait_procs(tree, timeout=30)
    alive = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"still running after {how}: {[p.pid for p in alive]}"
    if "SIGTERM" in how:
        assert server.proc.returncode == 0 and "stopped" in server.log_text()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


# -- a finished build -------------------------------------------------------------------------

@pytest.fixture()
def own_store(tmp_path) -> Path:
    """The sample articles built into a store of this test's own."""
    from relgraph.build import build

    path = tmp_path / "store"
    build([str(ARTICLES)], Settings.load(store=path))
    return path


class Sampler:
    """Clients asking the home page and a SPARQL count of articles in turn, on keep-alive
    connections, recording (path, status, version, count) or the error of every request."""

    def __init__(self, base: str, clients: int = 1):  # one: the pool admits one query per client address
        self.base = base
        self.answers: list[tuple[str, int, str, int]] = []
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(clients)]

    def _run(self) -> None:
        with requests.Session() as session:
            while not self.stop.is_set():
                for path in ("/", SPARQL_COUNT):
                    try:
                        response = session.get(self.base + path, timeout=30,
                                               headers={"Accept": "application/sparql-results+json"})
                        count = article_count(path, response.text) if response.status_code == 200 else -1
                        self.answers.append((path, response.status_code,
                                             response.headers.get("Relgraph-Store-Version"), count))
                    except (requests.RequestException, ValueError, AttributeError) as exc:
                        self.errors.append(f"{path}: {exc!r}")
                time.sleep(0.05)

    def versions(self) -> set[str]:
        return {version for _, _, version, _ in self.answers}

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def test_a_finished_build_is_picked_up_by_every_process_with_one_version_per_answer(start_server, own_store, tmp_path):
    articles = tmp_path / "devset"
    shutil.copytree(DEVSET, articles)
    server = start_server("serve", store=own_store)
    status, headers, body = get(server, "/")
    old_version = headers["Relgraph-Store-Version"]
    assert status == 200 and article_count("/", body) == 5

    with Sampler(server) as sampler:
        build = subprocess.run([sys.executable, "-m", "relgraph.cli", "build", str(articles), "--store", str(own_store)],
                               capture_output=True, text=True, timeout=600)
        assert build.returncode == 0, build.stderr[-2000:]
        built_at = time.monotonic()
        wait_for(lambda: len(sampler.versions()) > 1, 30, "an answer from the new store version")
        picked_up_s = time.monotonic() - built_at
        wait_for(lambda: "generation 1 stopped" in server.log_text(), 60, "the old server processes stopping")
        time.sleep(1.0)  # a few answers from the new generation alone

    # During the switch: no errors, and each version always gave the same count (no mixing).
    assert not sampler.errors, sampler.errors[:5]
    assert {status for _, status, _, _ in sampler.answers} == {200}
    counts_by_version = defaultdict(set)
    for path, _, version, count in sampler.answers:
        counts_by_version[version].add(count)
    new_version = (sampler.versions() - {old_version}).pop()
    assert set(counts_by_version) == {old_version, new_version}, counts_by_version
    assert counts_by_version[old_version] == {5} and len(counts_by_version[new_version]) == 1
    new_count = counts_by_version[new_version].pop()
    assert new_count > 5
    print(f"new version served {picked_up_s:.1f} s after the build; {len(sampler.answers)} answers during the switch")
    assert picked_up_s < 15, picked_up_s  # polled once a second; the new processes start in seconds

    # After it: every process answers from the new version, the home page and SPARQL agree.
    processes = server_processes(server)
    assert len(processes) == 2
    answered_by = defaultdict(list)
    port = int(server.rsplit(":", 1)[1])
    conns = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _ in range(40)]
    for index, conn in enumerate(conns):
        path = "/" if index % 2 else SPARQL_COUNT
        status, headers, body = get(server, path, conn)
        assert status == 200
        answered_by[answering_pid(conn, processes)].append(
            (headers["Relgraph-Store-Version"], article_count(path, body)))
    for conn in conns:
        conn.close()
    assert set(answered_by) == set(processes), answered_by.keys()
    assert {answer for answers in answered_by.values() for answer in answers} == {(new_version, new_count)}


def test_a_new_version_that_does_not_open_is_not_served(start_server, own_store):
    server = start_server("serve", store=own_store)
    old_version = requests.get(f"{server}/", timeout=10).headers["Relgraph-Store-Version"]
    options = next(own_store.glob("OPTIONS-*"))
    # A build killed during its first write leaves its marker: open_store refuses such a store.
    (own_store / "RELGRAPH-FIRST-WRITE").write_text("1\n")
    os.utime(options, (time.time() + 5, time.time() + 5))  # ... and files that changed
    wait_for(lambda: "failed" in server.log_text(), 30, "the new server processes failing")
    for _ in range(10):
        response = requests.get(f"{server}/", timeout=10)
        assert response.status_code == 200 and response.headers["Relgraph-Store-Version"] == old_version
    starts = server.log_text().count("starting server processes")
    time.sleep(3)
    assert server.log_text().count("starting server processes") == starts  # not retried in a loop

    (own_store / "RELGRAPH-FIRST-WRITE").unlink()  # the next build completed
    os.utime(options, (time.time() + 10, time.time() + 10))
    wait_for(lambda: requests.get(f"{server}/", timeout=10).headers["Relgraph-Store-Version"] != old_version,
             30, "the repaired store being served")
    stop_server(server)
