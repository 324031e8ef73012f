"""Shared fixtures: the sample articles built into a store once per session, Flask apps and
clients over it, and live servers (relgraph.web.serve) on 127.0.0.1."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from relgraph.settings import REPO_ROOT, Settings

ARTICLES = REPO_ROOT / "data" / "articles"
GRAPH_BASE = "https://w3id.org/relgraph/id/graph/"


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:
    """A store holding the sample articles, built once per test session."""
    from relgraph.build import build

    path = tmp_path_factory.mktemp("store") / "store"
    report = build([str(ARTICLES)], Settings.load(store=path))
    assert path.exists(), report
    return path


@pytest.fixture(scope="session")
def web_settings(store_dir, tmp_path_factory) -> Settings:
    """Settings for the web tests: short query time limit, a private dump cache."""
    return Settings.load(store=store_dir, query_timeout_s=2.0, query_queue_timeout_s=5.0,
                         query_workers=2, dump_cache_dir=tmp_path_factory.mktemp("dumps"),
                         listing_cache_dir=tmp_path_factory.mktemp("listings"))


@pytest.fixture(scope="session")
def make_app(web_settings):
    """Factory for apps with settings overrides; their query processes stop with the session."""
    from relgraph.web import create_app

    apps = []

    def make(**overrides):
        settings = Settings.load(**{**vars(web_settings), **overrides})
        app = create_app(settings)
        app.config["TESTING"] = True
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["relgraph"].executor.close()


@pytest.fixture(scope="session")
def app(make_app):
    return make_app()


@pytest.fixture()
def client(app):
    return app.test_client()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, proc: subprocess.Popen, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer within {seconds} s")


class LiveServer(str):
    """The base URL of a running server (it is that string), with its process and log file."""

    proc: subprocess.Popen
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def wait_for_log(log: Path, text: str, proc: subprocess.Popen, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while text not in log.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not log {text!r} within {seconds} s")
        time.sleep(0.1)


@pytest.fixture(scope="session")
def start_server(web_settings, tmp_path_factory):
    """Factory: start a real server in a subprocess on 127.0.0.1:<free port> and return its base
    URL (a LiveServer). `how` is "serve" (`run_server`: the supervisor and `workers` server
    processes) or "waitress" (`run_waitress`: the single-process portable path). `store` defaults
    to the session's store; `env` adds RELGRAPH_* settings. Every server runs in its own session
    and is stopped, with its whole process group, at the end of the test session (tests may stop
    one earlier)."""
    procs = []

    def start(how: str = "serve", workers: int = 2, store: Path | None = None,
              env: dict[str, str] | None = None) -> LiveServer:
        port = free_port()
        log = tmp_path_factory.mktemp("server") / f"{how}.log"
        full_env = {**os.environ, "RELGRAPH_STORE": str(store or web_settings.store),
                    "RELGRAPH_QUERY_TIMEOUT_S": "2", "RELGRAPH_DUMP_CACHE_DIR": str(web_settings.dump_cache_dir),
                    "RELGRAPH_LISTING_CACHE_DIR": str(web_settings.listing_cache_dir),
                    **(env or {})}
        call = {"serve": f"run_server(Settings.load(), host='127.0.0.1', port={port}, workers={workers})",
                "waitress": f"run_waitress(Settings.load(), '127.0.0.1', {port}, {workers})"}[how]
        code = f"from relgraph.settings import Settings; from relgraph.web.serve import run_server, run_waitress; {call}"
        with log.open("wb") as out:
            # Own session: on teardown the server and its query processes are stopped as one group.
            proc = subprocess.Popen([sys.executable, "-c", code], env=full_env, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(proc)
        base = LiveServer(f"http://127.0.0.1:{port}")
        base.proc, base.log = proc, log
        try:
            wait_until_serving(f"{base}/sparql?query=ASK%7B%7D", proc)
            if how == "serve":  # one process answering is not all of them ready
                wait_for_log(log, "serving on http://", proc)
        except RuntimeError as exc:
            pytest.fail(f"{exc}\n{log.read_text(errors='replace')[-3000:]}")
        return base

    yield start
    for proc in procs:
        _stop(proc)


@pytest.fixture(scope="session")
def live_server(start_server) -> LiveServer:
    """`run_server` (the supervisor with 2 server processes) on 127.0.0.1; yields the base URL."""
    return start_server("serve")


def stop_server(server: LiveServer) -> None:
    """Stop a server started by `start_server` now (SIGTERM to its group, then SIGKILL)."""
    _stop(server.proc)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    try:  # query processes left in the group (they also die with their parent)
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
