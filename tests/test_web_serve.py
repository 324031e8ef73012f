"""relgraph.web.serve: what `relgraph serve` runs, through real servers on 127.0.0.1."""
from __future__ import annotations

import inspect
import socket
import subprocess
import sys
import time

import pytest
import requests
from conftest import free_port
from test_web_front import assert_json_error, connect, parse_response, read_until_closed

from relgraph.cli import serve
from relgraph.web.serve import run_server


def test_serve_listens_on_loopback_unless_told_otherwise():
    host_option = next(p for p in serve.params if p.name == "host")
    assert host_option.default == "127.0.0.1"
    assert inspect.signature(run_server).parameters["host"].default == "127.0.0.1"


def test_serve_without_a_store_says_so_and_does_not_listen(tmp_path):
    port = free_port()
    result = subprocess.run([sys.executable, "-m", "relgraph.cli", "serve", "--store", str(tmp_path / "none"),
                             "--port", str(port)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert f"no store at {tmp_path / 'none'}" in result.stderr, result.stderr[-2000:]
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


def test_the_portable_single_process_path_has_the_same_front(start_server):
    base = start_server("waitress", workers=1, env={"RELGRAPH_FRONT_HEADER_TIMEOUT_S": "2"})
    answer = requests.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=10)
    assert answer.json()["boolean"] is True and answer.headers["Relgraph-Store-Version"]
    with connect(base) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        data, elapsed, closed = read_until_closed(sock, 8)
    assert closed and elapsed < 5.0
    assert_json_error(*parse_response(data), 408, "within 2 s")


def test_the_access_log_is_off_by_default_and_can_be_turned_on(start_server, live_server):
    logged = start_server("serve", workers=1, env={"RELGRAPH_ACCESS_LOG": "true"})
    for base in (logged, live_server):
        assert requests.get(f"{base}/sparql", params={"query": "ASK {}", "probe": "access-log"},
                            timeout=10).status_code == 200
    deadline = time.monotonic() + 5
    while "probe=access-log" not in logged.log_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    line = next(line for line in logged.log_text().splitlines() if "probe=access-log" in line)
    assert '"GET /sparql?' in line and " 200 " in line and line.startswith("127.0.0.1")
    assert "probe=access-log" not in live_server.log_text()
