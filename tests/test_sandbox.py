"""The network sandbox of the query processes (relgraph.sandbox).

Every attack runs in a real child process that installs the filter (it is irreversible, so never
in the test process), against a listener on 127.0.0.1 that counts the connections it accepts and
answers each like a SPARQL endpoint would. Each attack has a control without the filter, which
does reach the listener: the tests can fail.
"""
from __future__ import annotations

import errno
import json
import socket
import subprocess
import sys
import textwrap
import threading
import time

import pyoxigraph as ox
import pytest

from relgraph import sandbox

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="seccomp is Linux only")

CHILD_TIMEOUT_S = 60
SANDBOX = "from relgraph.sandbox import deny_network, is_sandboxed, seccomp_mode\ndeny_network()\n"
NO_SANDBOX = "from relgraph.sandbox import is_sandboxed, seccomp_mode\n"
EMPTY_RESULTS = b'{"head":{"vars":["s","p","o"]},"results":{"bindings":[]}}'


class CountingListener:
    """A TCP listener on 127.0.0.1 that counts accepted connections and answers each with an
    empty SPARQL JSON result (so a SERVICE call that gets through would succeed)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            self.accepted += 1
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                 b"Content-Length: %d\r\nConnection: close\r\n\r\n%s"
                                 % (len(EMPTY_RESULTS), EMPTY_RESULTS))
                except OSError:
                    pass

    def settled_count(self) -> int:
        """The count once nothing more is on its way (a bounded wait for late connections)."""
        time.sleep(0.3)
        return self.accepted

    def stop(self) -> None:
        self._stop.set()
        self.server.close()
        self._thread.join(timeout=5)


@pytest.fixture
def listener():
    server = CountingListener()
    yield server
    server.stop()


def run_child(prelude: str, body: str) -> dict:
    """Run `prelude + body` in a fresh interpreter; the body assigns a JSON-able `result`."""
    code = prelude + textwrap.dedent(body) + "\nimport json\nprint(json.dumps(result))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- sockets -----------------------------------------------------------------------------------------

SOCKETS = """
import errno, socket
def attempt(family, kind, proto=0):
    try:
        socket.socket(family, kind, proto).close()
        return "opened"
    except OSError as exc:
        return errno.errorcode[exc.errno]
result = {
    "tcp": attempt(socket.AF_INET, socket.SOCK_STREAM),
    "udp": attempt(socket.AF_INET, socket.SOCK_DGRAM),
    "tcp6": attempt(socket.AF_INET6, socket.SOCK_STREAM),
    "udp6": attempt(socket.AF_INET6, socket.SOCK_DGRAM),
    "raw": attempt(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP),
    "packet": attempt(socket.AF_PACKET, socket.SOCK_RAW),
    "netlink": attempt(socket.AF_NETLINK, socket.SOCK_RAW),
    "unix": attempt(socket.AF_UNIX, socket.SOCK_STREAM),
    "socketpair": len(socket.socketpair()),
    "mode": seccomp_mode(),
    "sandboxed": is_sandboxed(),
}
"""


def test_only_unix_sockets_can_be_created_in_the_sandbox():
    result = run_child(SANDBOX, SOCKETS)
    for kind in ("tcp", "udp", "tcp6", "udp6", "raw", "packet", "netlink"):
        # EACCES is the filter's answer (a missing CAP_NET_RAW would give EPERM)
        assert result[kind] == "EACCES", (kind, result)
    assert result["unix"] == "opened"
    assert result["socketpair"] == 2
    assert result["mode"] == 2 and result["sandboxed"] is True


def test_without_the_sandbox_the_same_sockets_open():
    result = run_child(NO_SANDBOX, SOCKETS)
    assert result["tcp"] == result["udp"] == result["unix"] == "opened"
    assert result["sandboxed"] is False


def test_io_uring_cannot_be_set_up_in_the_sandbox():
    result = run_child(SANDBOX, """
        import ctypes, errno
        from relgraph.sandbox import current_abi
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        params = ctypes.create_string_buffer(120)  # struct io_uring_params
        fd = libc.syscall(ctypes.c_long(current_abi().io_uring_setup), ctypes.c_ulong(4), params)
        result = {"fd": fd, "errno": errno.errorcode.get(ctypes.get_errno())}
    """)
    assert result == {"fd": -1, "errno": "EPERM"}


def test_a_local_listener_never_sees_a_connection_from_the_sandbox(listener):
    body = f"""
        import socket, urllib.request
        result = {{}}
        try:
            socket.create_connection(("127.0.0.1", {listener.port}), timeout=5).close()
            result["connect"] = "connected"
        except OSError as exc:
            result["connect"] = type(exc).__name__
        try:
            urllib.request.urlopen("{listener.url}?query=ASK%7B%7D", timeout=5).read()
            result["urllib"] = "fetched"
        except OSError as exc:  # urllib.error.URLError is an OSError
            result["urllib"] = type(exc).__name__ + ": " + str(exc)
    """
    result = run_child(SANDBOX, body)
    assert result["connect"] == "PermissionError"
    assert result["urllib"].startswith("URLError") and "Permission denied" in result["urllib"]
    assert listener.settled_count() == 0
    control = run_child(NO_SANDBOX, body)
    assert control == {"connect": "connected", "urllib": "fetched"}
    assert listener.settled_count() == 2


# -- pyoxigraph inside the sandbox -------------------------------------------------------------------

@pytest.fixture
def disk_store(tmp_path):
    path = tmp_path / "store"
    store = ox.Store(str(path))
    graph = ox.NamedNode("http://example.org/graph/a")
    store.extend([ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                          ox.Literal(str(i)), graph) for i in range(50)])
    store.flush()
    del store
    return path


def test_pyoxigraph_reads_an_on_disk_store_in_the_sandbox_from_later_threads(disk_store):
    result = run_child(SANDBOX, f"""
        import os, socket, threading
        import pyoxigraph as ox
        store = ox.Store.read_only({str(disk_store)!r})
        query = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
        answers, socket_errors = [], []
        def work():
            answers.append(int(next(iter(store.query(query)))["n"].value))
            try:
                socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
                socket_errors.append("opened")
            except PermissionError:
                socket_errors.append("EACCES")
        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        tasks = os.listdir("/proc/self/task")
        modes = set()
        for task in tasks:
            try:   # a store thread may end between the listing and the read
                lines = open(f"/proc/self/task/{{task}}/status").read().splitlines()
            except (FileNotFoundError, ProcessLookupError):
                continue
            for line in lines:
                if line.startswith("Seccomp:"):
                    modes.add(int(line.split()[1]))
        result = {{"main": int(next(iter(store.query(query)))["n"].value), "threads": answers,
                  "socket_errors": socket_errors, "tasks": len(tasks), "modes": sorted(modes)}}
    """)
    assert result["main"] == 50
    assert result["threads"] == [50, 50, 50, 50]
    assert result["socket_errors"] == ["EACCES"] * 4
    assert result["modes"] == [2]  # every thread of the process, RocksDB's included


def test_threads_started_before_the_filter_are_covered_too():
    result = run_child(NO_SANDBOX, """
        import socket, threading
        from relgraph.sandbox import deny_network
        installed, outcome = threading.Event(), []
        def early():
            installed.wait(30)
            try:
                socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
                outcome.append("opened")
            except PermissionError:
                outcome.append("EACCES")
        thread = threading.Thread(target=early)
        thread.start()
        deny_network()
        installed.set()
        thread.join(30)
        result = outcome
    """)
    assert result == ["EACCES"]


# -- the real attack: pyoxigraph's own SERVICE client, no policy check at all -----------------------

def _service_attack(url: str) -> str:
    return f"""
        import time
        import pyoxigraph as ox
        store = ox.Store()
        store.add(ox.Quad(ox.NamedNode("http://a/s"), ox.NamedNode("http://a/p"), ox.NamedNode("http://a/o")))
        started = time.monotonic()
        try:
            rows = list(store.query("SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))
            result = {{"outcome": "answered", "rows": len(rows)}}
        except Exception as exc:
            result = {{"outcome": type(exc).__name__, "message": str(exc)}}
        result["seconds"] = time.monotonic() - started
    """


def test_pyoxigraph_service_makes_no_connection_from_the_sandbox(listener):
    result = run_child(SANDBOX, _service_attack(listener.url))
    assert result["outcome"] != "answered", result
    assert "Permission denied" in result["message"]
    assert result["seconds"] < CHILD_TIMEOUT_S  # an error, not a hang
    assert listener.settled_count() == 0
    control = run_child(NO_SANDBOX, _service_attack(listener.url))
    assert control["outcome"] == "answered" and control["rows"] == 0
    assert listener.settled_count() >= 1


def test_load_in_an_update_makes_no_connection_from_the_sandbox(listener):
    result = run_child(SANDBOX, f"""
        import pyoxigraph as ox
        try:
            ox.Store().update("LOAD <{listener.url}>")
            result = "loaded"
        except Exception as exc:
            result = type(exc).__name__ + ": " + str(exc)
    """)
    assert "Permission denied" in result
    assert listener.settled_count() == 0


# -- the filter program itself, for both architectures ----------------------------------------------

def _run_bpf(program: list[tuple[int, int, int, int]], data: dict[int, int]) -> int:
    """A minimal classic-BPF interpreter for the three instructions the filter uses."""
    pc, accumulator = 0, 0
    for _ in range(len(program)):  # programs without loops end within len(program) steps
        code, jt, jf, k = program[pc]
        if code == sandbox.BPF_LD_W_ABS:
            accumulator, pc = data[k], pc + 1
        elif code == sandbox.BPF_JEQ_K:
            pc += 1 + (jt if accumulator == k else jf)
        elif code == sandbox.BPF_JGE_K:
            pc += 1 + (jt if accumulator >= k else jf)
        elif code == sandbox.BPF_RET_K:
            return k
        else:
            raise AssertionError(f"unexpected opcode {code:#x}")
    raise AssertionError("the program did not return")


def _verdict(abi: sandbox.Abi, nr: int, arg0: int = 0, arch: int | None = None) -> int:
    data = {sandbox.OFFSET_ARCH: abi.audit_arch if arch is None else arch, sandbox.OFFSET_NR: nr,
            sandbox.OFFSET_ARG0: arg0}
    return _run_bpf(sandbox.assemble(abi), data)


ALLOW = sandbox.SECCOMP_RET_ALLOW
EACCES = sandbox.SECCOMP_RET_ERRNO | errno.EACCES
EPERM = sandbox.SECCOMP_RET_ERRNO | errno.EPERM


@pytest.mark.parametrize("machine", sorted(sandbox.ABIS))
def test_the_filter_program_decides_per_system_call(machine):
    abi = sandbox.ABIS[machine]
    for family in (socket.AF_INET, socket.AF_INET6, socket.AF_PACKET, socket.AF_NETLINK, 0, 255):
        assert _verdict(abi, abi.socket, family) == EACCES
        assert _verdict(abi, abi.socketpair, family) == EACCES
    assert _verdict(abi, abi.socket, socket.AF_UNIX) == ALLOW
    assert _verdict(abi, abi.socketpair, socket.AF_UNIX) == ALLOW
    assert _verdict(abi, abi.io_uring_setup) == EPERM
    assert _verdict(abi, abi.pidfd_getfd) == EPERM
    for other in (0, 1, 2, 3, 9, 56, 57, 202, 435):  # read, write, open/close, mmap, clone...
        if other not in (abi.socket, abi.socketpair):
            assert _verdict(abi, other, socket.AF_INET) == ALLOW, other
    # the socket() number of the other architecture, or any call through a foreign ABI
    assert _verdict(abi, abi.socket, socket.AF_INET, arch=0x40000003) == EPERM  # i386
    assert _verdict(abi, 102, arch=0x40000003) == EPERM  # i386 socketcall


def test_x32_system_calls_are_refused_on_x86_64():
    abi = sandbox.ABIS["x86_64"]
    assert _verdict(abi, sandbox.X32_SYSCALL_BIT | 41, socket.AF_INET) == EPERM
    assert _verdict(abi, sandbox.X32_SYSCALL_BIT | 0) == EPERM


def test_the_test_process_itself_is_not_sandboxed():
    # the filter is irreversible: installing it here would break every later test
    assert sandbox.is_sandboxed() is False
