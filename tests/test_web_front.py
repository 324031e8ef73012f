"""relgraph.web.front through a real server on 127.0.0.1: slow and idle clients do not stall it,
requests that take too long are cut off, and the front's own errors are the API's JSON errors.

Every wait is bounded; the time bounds are liveness checks (generous), not benchmarks."""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from contextlib import ExitStack, closing

import pytest
import requests

from relgraph.settings import REPO_ROOT

PEOPLE = (REPO_ROOT / "queries" / "people.rq").read_text()
PROBE_BOUND_S = 2.0  # a probe must be answered within this while the server is under attack

# A front with short time-outs, so cutting clients off takes seconds.
SHORT_TIMEOUTS = {"RELGRAPH_FRONT_HEADER_TIMEOUT_S": "2", "RELGRAPH_FRONT_BODY_TIMEOUT_S": "3",
                  "RELGRAPH_FRONT_IDLE_TIMEOUT_S": "4", "RELGRAPH_FRONT_SEND_TIMEOUT_S": "2"}


@pytest.fixture(scope="module")
def short_server(start_server):
    return start_server("serve", env=SHORT_TIMEOUTS)


def address(base: str) -> tuple[str, int]:
    parts = urllib.parse.urlsplit(base)
    return parts.hostname, parts.port


def connect(base: str, timeout: float = 10.0) -> socket.socket:
    return socket.create_connection(address(base), timeout=timeout)


def read_until_closed(sock: socket.socket, limit_s: float) -> tuple[bytes, float, bool]:
    """Everything the server sends until it closes (or `limit_s` passes): (bytes, seconds,
    closed). A reset counts as closed."""
    started = time.monotonic()
    data = b""
    while time.monotonic() - started < limit_s:
        sock.settimeout(max(0.05, limit_s - (time.monotonic() - started)))
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        except ConnectionResetError:
            return data, time.monotonic() - started, True
        if not chunk:
            return data, time.monotonic() - started, True
        data += chunk
    return data, time.monotonic() - started, False


def parse_response(data: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, body


def exchange(base: str, request: bytes, limit_s: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    with closing(connect(base)) as sock:
        sock.sendall(request)
        data, _, _ = read_until_closed(sock, limit_s)
    assert data, f"no answer to {request[:80]!r}"
    return parse_response(data)


def assert_json_error(status: int, headers: dict[str, str], body: bytes, expected: int, words: str) -> None:
    assert status == expected, body
    assert headers["content-type"] == "application/json"
    error = json.loads(body)
    assert set(error) == {"error", "message", "status"} and error["status"] == expected
    assert words in error["message"], error["message"]


# -- slow and idle clients --------------------------------------------------------------------

class Tricklers:
    """`count` clients sending a request head one byte per second, from one thread."""

    HEAD = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-client\r\nX-Padding: " + b"a" * 200

    def __init__(self, base: str, count: int):
        self.socks = [connect(base) for _ in range(count)]
        self.sent = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stopped.is_set() and self.sent < len(self.HEAD):
            for sock in self.socks:
                sock.send(self.HEAD[self.sent:self.sent + 1])
            self.sent += 1
            self.stopped.wait(1.0)

    def still_connected(self) -> int:
        """How many the server has neither answered nor closed."""
        return sum(not readable_now(sock) for sock in self.socks)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)
        for sock in self.socks:
            sock.close()


def readable_now(sock: socket.socket) -> bool:
    """Has the server sent something or closed? (A silent open connection would block.)"""
    sock.setblocking(False)
    try:
        sock.recv(1, socket.MSG_PEEK)
        return True
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        sock.setblocking(True)


def trickle(sock: socket.socket, every_s: float, limit_s: float) -> tuple[bytes, float, bool]:
    """Send a space every `every_s` until the server closes the connection or `limit_s` passes:
    (what it sent back, seconds, whether it closed)."""
    started, data = time.monotonic(), b""
    while time.monotonic() - started < limit_s:
        try:
            sock.send(b" ")
        except OSError:
            return data, time.monotonic() - started, True
        chunk, _, closed = read_until_closed(sock, every_s)
        data += chunk
        if closed:
            return data, time.monotonic() - started, True
    return data, time.monotonic() - started, False


def timed_get(url: str, **kwargs) -> tuple[requests.Response, float]:
    started = time.monotonic()
    response = requests.get(url, timeout=15, **kwargs)
    return response, time.monotonic() - started


@pytest.mark.parametrize("slow_clients", [8, 16])
def test_probes_are_answered_while_slow_and_idle_clients_hold_connections(live_server, slow_clients):
    with ExitStack() as stack:
        idle = [stack.enter_context(closing(connect(live_server))) for _ in range(200)]
        tricklers = stack.enter_context(Tricklers(live_server, slow_clients))
        time.sleep(2.5)  # every slow client is half-way through its head, every idle one connected

        home, home_s = timed_get(f"{live_server}/")
        sparql, sparql_s = timed_get(f"{live_server}/sparql", params={"query": PEOPLE},
                                     headers={"Accept": "application/sparql-results+json"})
        dump, dump_s = timed_get(f"{live_server}/dump.ttl")

        assert home.status_code == 200 and "news article" in home.text
        assert sparql.status_code == 200 and sparql.json()["results"]["bindings"]
        assert dump.status_code == 200 and "dip:Article" in dump.text
        assert max(home_s, sparql_s, dump_s) < PROBE_BOUND_S, (home_s, sparql_s, dump_s)
        # The attack was still on while the probes were answered.
        assert tricklers.still_connected() == slow_clients and tricklers.sent >= 2
        assert len(idle) == 200


def test_idle_connections_past_the_connection_limit_do_not_keep_new_clients_out(start_server):
    # waitress stops accepting at its limit; the front closes the longest idle connection instead.
    server = start_server("serve", env={"RELGRAPH_FRONT_CONNECTION_LIMIT": "20"})
    with ExitStack() as stack:
        idle = [stack.enter_context(closing(connect(server))) for _ in range(100)]  # 2 x 20 allowed
        time.sleep(2.5)  # idle for longer than the 1 s a connection is spared
        answer, seconds = timed_get(f"{server}/sparql", params={"query": "ASK {}"})
        assert answer.status_code == 200 and seconds < PROBE_BOUND_S, seconds
        closed = wait_for_closed(idle, at_least=100 - 40, seconds=5)
    assert closed >= 60  # the ones that had to make room (or were never accepted) are closed


def wait_for_closed(socks: list[socket.socket], at_least: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while True:
        closed = sum(readable_now(sock) for sock in socks)
        if closed >= at_least or time.monotonic() > deadline:
            return closed
        time.sleep(0.2)


def test_a_client_trickling_its_headers_is_cut_off_at_the_header_timeout(short_server):
    with closing(connect(short_server)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ")
        # A byte every 0.25 s: never idle for the idle time-out, never a complete head.
        data, elapsed, cut = trickle(sock, 0.25, limit_s=8)
    assert cut, "the trickling client was never cut off"
    assert 2.0 <= elapsed < 5.0, elapsed  # header time-out 2 s, checked once a second
    if data:  # the 408 may be lost to the reset a close with unread input causes
        status, headers, body = parse_response(data)
        assert_json_error(status, headers, body, 408, "within 2 s")


def test_a_stalled_request_head_gets_408_as_json(short_server):
    with closing(connect(short_server)) as sock:
        sock.sendall(b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and nothing more
        data, elapsed, closed = read_until_closed(sock, 8)
    assert closed and 2.0 <= elapsed < 5.0, elapsed
    status, headers, body = parse_response(data)
    assert_json_error(status, headers, body, 408, "within 2 s")


def test_a_trickling_body_is_cut_off_at_the_body_timeout(short_server):
    head = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 200\r\n\r\n")
    with closing(connect(short_server)) as sock:
        sock.sendall(head)
        data, elapsed, cut = trickle(sock, 0.25, limit_s=10)  # 200 bytes would take 50 s
    assert cut and 2.5 <= elapsed < 6.0, elapsed  # body time-out 3 s after the headers (not the 2 s of headers)
    if data:  # the 408 may be lost to the reset a close with unread input causes
        status, headers, body = parse_response(data)
        assert_json_error(status, headers, body, 408, "body within 3 s")


def test_an_idle_keep_alive_connection_is_closed_after_the_idle_timeout(short_server):
    with closing(connect(short_server)) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer, _, closed = read_until_closed(sock, 1.0)
        assert answer.startswith(b"HTTP/1.1 200") and not closed  # kept alive
        rest, elapsed, closed = read_until_closed(sock, 10)
    # Idle time-out 4 s, counted from the answer, of which the first read already waited 1 s: the
    # close comes about 3 s into this read, so the floor leaves room for the clock of a busy machine.
    assert closed and rest == b"" and 2.5 <= elapsed < 7.0, elapsed


def test_a_client_that_reads_nothing_of_a_large_answer_is_dropped(short_server):
    big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 60000"
    with closing(socket.socket()) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # the kernel buffers little
        sock.settimeout(10)
        sock.connect(address(short_server))
        sock.sendall(f"GET /sparql?query={urllib.parse.quote(big)} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Accept: application/sparql-results+json\r\n\r\n".encode())
        time.sleep(6)  # read nothing for longer than the send time-out (2 s)
        data, _, closed = read_until_closed(sock, 10)
    status, headers, body = parse_response(data)
    assert status == 200 and closed
    assert len(body) < int(headers["content-length"])  # dropped before the end


# -- the front's own errors -------------------------------------------------------------------

@pytest.mark.parametrize("request_bytes, expected, words", [
    (b"GARBAGE\r\n\r\n", 400, "Start line is invalid"),
    (b"get / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed"),
    (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n", 400, "Content-Length is invalid"),
    (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400, "Content-Length is invalid"),
    (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n", 431, "65536 bytes"),
    (b"GET /sparql?query=" + b"a" * 40_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "32768 bytes"),
    (b"GET /" + b"a" * 40_000, 414, "send long queries with POST"),  # refused before the line ends
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n", 413, "1048576 bytes"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501, "not implemented"),
    (b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, "Invalid header"),
], ids=["request-line", "lower-case-method", "content-length-text", "content-length-negative",
        "header-too-large", "url-too-long", "url-too-long-unfinished", "body-too-large",
        "transfer-encoding", "header-line"])
def test_the_fronts_own_errors_are_json(live_server, request_bytes, expected, words):
    status, headers, body = exchange(live_server, request_bytes)
    assert_json_error(status, headers, body, expected, words)
    assert headers["connection"] == "close"


@pytest.mark.parametrize("size, reaches_the_app", [(1024 * 1024, True), (1024 * 1024 + 1, False)])
def test_the_front_lets_through_exactly_the_bodies_the_app_accepts(live_server, size, reaches_the_app):
    # waitress alone would refuse a body of exactly its limit; the app accepts up to its limit.
    response = requests.post(f"{live_server}/dump.ttl", data=b"x" * size, timeout=30,
                             headers={"Content-Type": "application/octet-stream"})
    assert response.status_code == (405 if reaches_the_app else 413), response.text[:300]
