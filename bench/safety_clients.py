"""The client kinds of the load-and-attack run (`python -m bench.safety`, issue 9).

Each kind connects from its own loopback source addresses (all of 127.0.0.0/8 is loopback on
Linux), because the server may limit concurrent work per client address: a limit that throttles
the attacker must not be what keeps the ordinary clients' numbers clean, nor the reverse.

- OrdinaryClient: one thread, one keep-alive http.client connection, looping over a mix of
  canned queries, pages and dumps; records status and latency of every request.
- SlowClients: one thread driving N sockets that each send a request's header one byte per
  second and never finish it (slowloris); records how and when each one is cut off.
- IdleConnections: one thread holding N connected sockets that send nothing; reopens and counts
  the ones the server closes.
- Attacker: a heavy query every few seconds plus, in turn, the other attacks of issue 9, each
  in its own short-lived thread; records status and time of every answer.
- ConnectionCounter: a TCP listener on 127.0.0.1 that the attacks point at; every accepted
  connection is an outbound connection the server (or one of its processes) made.
"""
from __future__ import annotations

import http.client
import itertools
import selectors
import socket
import threading
import time
from dataclasses import dataclass, field

# Third octet of the source addresses per kind (the fourth runs 1..250, then the next block).
ADDRESS_BLOCKS = {"ordinary": 1, "slow": 10, "idle": 20, "attack": 40}
HOST = "127.0.0.1"


def source_address(kind: str, index: int) -> str:
    """The loopback address client `index` of `kind` binds to, e.g. 127.0.1.1 for ordinary 0."""
    return f"127.0.{ADDRESS_BLOCKS[kind] + index // 250}.{1 + index % 250}"


@dataclass(frozen=True)
class Probe:
    """One request of the ordinary mix. `kind` groups probes in the report (query, page, dump)."""

    kind: str
    name: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    revalidate: bool = False  # send If-None-Match with the ETag of this path's last answer


@dataclass
class Outcome:
    """One answered (or failed) request: status is the HTTP status or the exception's name."""

    kind: str
    name: str
    status: int | str
    seconds: float
    started: float  # time.monotonic() when the request was sent
    sample: str = ""


def is_ordinary_success(status: int | str) -> bool:
    return isinstance(status, int) and (200 <= status < 300 or status == 304)


# -- ordinary keep-alive clients -----------------------------------------------------------------

class OrdinaryClient(threading.Thread):
    """Loops over `probes` (starting at its own offset) on one keep-alive connection until
    `stop_at` (time.monotonic()) or `stop` is set. Requests sent before `record_from` (the
    warm-up) are not recorded."""

    def __init__(self, index: int, port: int, probes: list[Probe], *, stop_at: float, stop: threading.Event,
                 timeout_s: float, record_from: float = 0.0):
        super().__init__(name=f"ordinary-{index}", daemon=True)
        self.index, self.port, self.probes = index, port, probes
        self.stop_at, self.stop, self.timeout_s, self.record_from = stop_at, stop, timeout_s, record_from
        self.address = source_address("ordinary", index)
        self.outcomes: list[Outcome] = []
        self._etags: dict[str, str] = {}
        self._conn: http.client.HTTPConnection | None = None
        self._in_flight: tuple[Probe, float, float] | None = None  # (probe, started, perf_counter)

    def unanswered(self) -> Outcome | None:
        """The request still waiting for its answer (when the run has to end without it)."""
        flight = self._in_flight
        if flight is None or not self.is_alive():
            return None
        probe, started, t0 = flight
        return Outcome(probe.kind, probe.name, "unanswered at the end", time.perf_counter() - t0, started)

    def run(self) -> None:
        for n in itertools.count(self.index):
            if self.stop.is_set() or time.monotonic() >= self.stop_at:
                break
            outcome = self._send(self.probes[n % len(self.probes)])
            if outcome.started >= self.record_from:
                self.outcomes.append(outcome)
        self._close()

    def _send(self, probe: Probe) -> Outcome:
        headers = {"Connection": "keep-alive", **dict(probe.headers)}
        if probe.revalidate and probe.path in self._etags:
            headers["If-None-Match"] = self._etags[probe.path]
        started, t0 = time.monotonic(), time.perf_counter()
        self._in_flight = (probe, started, t0)
        sample = ""
        try:
            conn = self._connection()
            conn.request("GET", probe.path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            status: int | str = response.status
            if response.getheader("ETag"):
                self._etags[probe.path] = response.getheader("ETag")
            if not is_ordinary_success(status):
                sample = body[:200].decode("utf-8", "replace")
            if response.will_close:
                self._close()
        except (OSError, http.client.HTTPException) as exc:
            status, sample = type(exc).__name__, str(exc)[:200]
            self._close()
        self._in_flight = None
        return Outcome(probe.kind, probe.name, status, time.perf_counter() - t0, started, sample)

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout_s,
                                                    source_address=(self.address, 0))
        return self._conn

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


# -- connections that hold the server without finishing a request --------------------------------

@dataclass
class Closure:
    """How the server ended one held connection: 'closed' (EOF), 'reset', 'answered 408'..."""

    how: str
    held_s: float


@dataclass
class _Held:
    sock: socket.socket
    opened: float
    sent: int = 0


def _open(kind: str, index: int, port: int, timeout_s: float = 3.0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout_s)
        sock.bind((source_address(kind, index), 0))
        sock.connect((HOST, port))
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def _how_closed(sock: socket.socket) -> str | None:
    """Read what the server sent on a readable socket: None if the connection is still open
    (bytes arrived but no end), else how it ended."""
    try:
        data = sock.recv(65536)
    except BlockingIOError:
        return None
    except ConnectionResetError:
        return "reset"
    except OSError as exc:
        return type(exc).__name__
    if not data:
        return "closed"
    if data.startswith(b"HTTP/1."):
        parts = data.split(b" ", 2)
        return f"answered {parts[1].decode('ascii', 'replace')}" if len(parts) > 1 else "answered"
    return None


class HeldConnections(threading.Thread):
    """Base of the slow and idle kinds: `count` sockets from their own addresses, watched with a
    selector; a socket the server ends is recorded in `closures` and reopened after `reopen_s`."""

    kind = "idle"

    def __init__(self, count: int, port: int, *, stop: threading.Event, reopen_s: float = 0.2):
        super().__init__(name=f"{self.kind}-connections", daemon=True)
        self.count, self.port, self.stop, self.reopen_s = count, port, stop, reopen_s
        self.closures: list[Closure] = []
        self.opened = 0
        self.connect_failures: dict[str, int] = {}
        self._held: dict[int, _Held] = {}
        self._reopen_at: dict[int, float] = {}
        self._selector = selectors.DefaultSelector()

    def open_all(self) -> None:
        """Open every connection now (before the load starts)."""
        for index in range(self.count):
            self._reopen(index)

    def still_open(self) -> int:
        return len(self._held)

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                self._tick()
                for key, _ in self._selector.select(timeout=0.25):
                    self._check(key.data)
                now = time.monotonic()
                for index, when in list(self._reopen_at.items()):
                    if when <= now:
                        self._reopen(index)
        finally:
            self._close_all()

    def _tick(self) -> None:
        """What the kind does on each loop besides watching (the idle kind does nothing)."""

    def _check(self, index: int) -> None:
        held = self._held.get(index)
        how = _how_closed(held.sock) if held else None
        if how is not None:
            self._drop(index, how)

    def _drop(self, index: int, how: str) -> None:
        held = self._held.pop(index)
        self.closures.append(Closure(how, time.monotonic() - held.opened))
        self._selector.unregister(held.sock)
        held.sock.close()
        self._reopen_at[index] = time.monotonic() + self.reopen_s

    def _reopen(self, index: int) -> None:
        self._reopen_at.pop(index, None)
        try:
            sock = _open(self.kind, index, self.port)
        except OSError as exc:
            name = type(exc).__name__
            self.connect_failures[name] = self.connect_failures.get(name, 0) + 1
            self._reopen_at[index] = time.monotonic() + 1.0
            return
        self.opened += 1
        self._held[index] = _Held(sock, time.monotonic())
        self._selector.register(sock, selectors.EVENT_READ, index)

    def _close_all(self) -> None:
        for held in self._held.values():
            held.sock.close()
        self._held.clear()
        self._selector.close()


class IdleConnections(HeldConnections):
    kind = "idle"


def slow_header_byte(n: int, port: int) -> bytes:
    """Byte `n` of a request header that never ends: a request line, Host, then padding fields."""
    head = f"GET / HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: relgraph-bench-slowloris\r\n".encode()
    if n < len(head):
        return head[n:n + 1]
    pad = b"X-Pad: slow\r\n"
    return pad[(n - len(head)) % len(pad):][:1]


class SlowClients(HeldConnections):
    """Slowloris: every `interval_s` each socket sends the next byte of a header that never ends."""

    kind = "slow"

    def __init__(self, count: int, port: int, *, stop: threading.Event, interval_s: float = 1.0):
        super().__init__(count, port, stop=stop, reopen_s=0.2)
        self.interval_s = interval_s
        self.bytes_sent = 0
        self._next_send = 0.0

    def _tick(self) -> None:
        now = time.monotonic()
        if now < self._next_send:
            return
        self._next_send = now + self.interval_s
        for index, held in list(self._held.items()):
            try:
                held.sock.send(slow_header_byte(held.sent, self.port))
            except (BlockingIOError, InterruptedError):
                continue
            except OSError as exc:
                self._drop(index, "reset" if isinstance(exc, ConnectionResetError) else type(exc).__name__)
                continue
            held.sent += 1
            self.bytes_sent += 1


# -- attacks ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Attack:
    """One attack request; `heavy` ones must be answered 503/504/429 within the time limit + 2 s."""

    name: str
    method: str
    path: str
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()
    heavy: bool = False


class Attacker(threading.Thread):
    """Every `every_s` seconds until `stop_at`: sends each attack of `every_tick` and the next one
    of `rotation`, each in its own thread on a fresh connection from the attacker's address."""

    def __init__(self, port: int, every_tick: list[Attack], rotation: list[Attack], *, every_s: float,
                 stop_at: float, stop: threading.Event, timeout_s: float):
        super().__init__(name="attacker", daemon=True)
        self.port, self.every_tick, self.rotation = port, every_tick, rotation
        self.every_s, self.stop_at, self.stop, self.timeout_s = every_s, stop_at, stop, timeout_s
        self.outcomes: list[Outcome] = []
        self._senders: list[threading.Thread] = []
        self._lock = threading.Lock()

    def run(self) -> None:
        turn = itertools.cycle(self.rotation) if self.rotation else iter(())
        next_at = time.monotonic()
        while not self.stop.is_set() and next_at < self.stop_at:
            for attack in [*self.every_tick, *itertools.islice(turn, 1)]:
                sender = threading.Thread(target=self._send, args=(attack,), name=f"attack-{attack.name}",
                                          daemon=True)
                sender.start()
                self._senders.append(sender)
            next_at += self.every_s
            self.stop.wait(max(0.0, next_at - time.monotonic()))

    def join_senders(self, deadline: float) -> int:
        """Wait for the attacks in flight until `deadline`; the number still unanswered."""
        for sender in self._senders:
            sender.join(max(0.0, deadline - time.monotonic()))
        return sum(sender.is_alive() for sender in self._senders)

    def _send(self, attack: Attack) -> None:
        started, t0 = time.monotonic(), time.perf_counter()
        conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout_s,
                                          source_address=(source_address("attack", 0), 0))
        sample = ""
        try:
            conn.request(attack.method, attack.path, body=attack.body, headers=dict(attack.headers))
            response = conn.getresponse()
            status: int | str = response.status
            sample = response.read(300).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            status, sample = type(exc).__name__, str(exc)[:200]
        finally:
            conn.close()
        outcome = Outcome("heavy" if attack.heavy else "attack", attack.name, status,
                          time.perf_counter() - t0, started, sample)
        with self._lock:
            self.outcomes.append(outcome)


# -- outbound connections --------------------------------------------------------------------------

@dataclass
class ConnectionCounter:
    """A TCP listener on 127.0.0.1 that accepts and counts every connection (then closes it)."""

    port: int = 0
    accepted: list[tuple[str, float]] = field(default_factory=list)  # (peer, time.monotonic())

    def __post_init__(self) -> None:
        self._sock = socket.create_server((HOST, self.port), backlog=64)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="outbound-listener", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, peer = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            self.accepted.append((f"{peer[0]}:{peer[1]}", time.monotonic()))
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._sock.close()
