"""The HTTP front: waitress, with the guards a public server needs.

waitress reads every request in its asyncore loop and hands only complete requests (headers and
body) to its thread pool, so a slow client costs a socket, not a thread; responses wrapped with
`wsgi.file_wrapper` (the dumps) are sent from the loop as well. What it lacks is added here by
small subclasses of its server, channel, parser and tasks:

- a deadline per request from its first byte: the request line and headers within
  `front_header_timeout_s`, then the body within `front_body_timeout_s`, else `408` and close
  (waitress only closes connections that send nothing at all, so a client trickling a byte a
  second would keep its connection for ever);
- a send time-out: a client that takes none of its response for `front_send_timeout_s` is dropped
  (otherwise the thread writing a large result waits for it for ever);
- at the connection limit, the longest idle connection is closed to let a new one in (waitress
  would stop accepting until the idle time-out);
- a request-line limit (`414`), and every error waitress answers itself (400, 408, 413, 414, 431,
  500, 501) as the API's JSON error body instead of text;
- draining: on `begin_drain()` the process stops accepting, closes idle keep-alive connections,
  finishes the responses in flight (with `Connection: close`) and then its loop returns.
"""
from __future__ import annotations

import json
import logging
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, WSGITask
from waitress.utilities import BadRequest
from werkzeug.http import HTTP_STATUS_CODES

from relgraph.settings import Settings

log = logging.getLogger("relgraph.serve")

# Idle connections a draining process still gives this long to send their next request (a
# connection accepted just before the drain began, or a keep-alive client between two requests).
DRAIN_IDLE_GRACE_S = 1.0
# At the connection limit, a connection idle this long may be closed to let a new client in.
EVICT_AFTER_IDLE_S = 1.0


class RequestUriTooLong(BadRequest):
    code = 414
    reason = "URI Too Long"


class RequestTimeout(BadRequest):
    code = 408
    reason = "Request Timeout"


@dataclass(frozen=True)
class FrontLimits:
    """The front's time-outs and sizes, from the `front_*` settings."""

    header_timeout_s: float
    body_timeout_s: float
    send_timeout_s: float
    max_request_line: int
    max_header_bytes: int
    max_body_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> FrontLimits:
        return cls(settings.front_header_timeout_s, settings.front_body_timeout_s,
                   settings.front_send_timeout_s, settings.front_max_request_line_bytes,
                   settings.front_max_header_bytes, settings.max_request_bytes)


def error_message(code: int, detail: str, limits: FrontLimits) -> str:
    """What the client is told, in the API's words (the app says the same for its own 413)."""
    messages = {
        400: f"malformed HTTP request: {detail}",
        408: "the request was not received completely in time (headers within "
             f"{limits.header_timeout_s:g} s of its first byte, body within {limits.body_timeout_s:g} s)",
        413: f"the request body is larger than the server's limit of {limits.max_body_bytes} bytes",
        414: f"the request line (method, URL, version) is longer than the server's limit of "
             f"{limits.max_request_line} bytes; send long queries with POST",
        431: f"the request line and headers are larger than the server's limit of "
             f"{limits.max_header_bytes} bytes",
        500: "internal server error; the operator can find details in the log",
        501: f"not implemented: {detail}",
    }
    return messages.get(code, detail)


def json_error_body(code: int, message: str) -> bytes:
    """The body of `relgraph.web.error_response`, built without a Flask request."""
    reason = HTTP_STATUS_CODES.get(code, "Error")
    return json.dumps({"error": reason, "message": message, "status": code}).encode()


class JsonErrorTask(ErrorTask):
    """waitress's own error answers, as JSON like every other API error."""

    def execute(self) -> None:
        error = self.request.error
        server = self.channel.server
        body = json_error_body(error.code, error_message(error.code, str(error.body), server.limits))
        self.status = f"{error.code} {HTTP_STATUS_CODES.get(error.code, error.reason)}"
        self.response_headers.extend([("Content-Type", "application/json"),
                                      ("Access-Control-Allow-Origin", "*")])
        if server.store_version:
            self.response_headers.append(("Relgraph-Store-Version", server.store_version))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class FrontTask(WSGITask):
    """A WSGI task that tells the client to reconnect once its process is draining."""

    def build_response_header(self) -> bytes:
        if self.channel.server.draining and not self.close_on_finish:
            self.set_close_on_finish()
        return super().build_response_header()


class LimitedRequestParser(HTTPRequestParser):
    """waitress's parser with a request-line limit (waitress only limits line + headers), and a
    callback when a non-empty request is complete, which ends that request's deadline."""

    on_complete: Callable[[], None] | None = None
    max_request_line = 32 * 1024

    def received(self, data: bytes) -> int:
        consumed = super().received(data)
        if not self.completed and self.body_rcv is None and self._request_line_too_long():
            self.fail_unparsed(RequestUriTooLong("request line too long"))
        elif self.completed and self.error is None and len(getattr(self, "first_line", b"")) > self.max_request_line:
            self.error = RequestUriTooLong("request line too long")
        if self.completed and not self.empty and self.on_complete is not None:
            callback, self.on_complete = self.on_complete, None
            callback()
        return consumed

    def fail_unparsed(self, error) -> None:
        """End a request whose head was not parsed with `error` (waitress does the same for its
        431: the error task needs a method, path and version to answer)."""
        if not self.headers_finished:
            self.parse_header(b"GET / HTTP/1.0\r\n")
        self.error = error
        self.completed = True

    def _request_line_too_long(self) -> bool:
        # Still in the request line: refuse as soon as it passes the limit, not at the header limit.
        head = self.header_plus.lstrip()
        return len(head) > self.max_request_line and b"\r\n" not in head[: self.max_request_line + 2]


class GuardedChannel(HTTPChannel):
    """A connection with a deadline for each request it reads."""

    task_class = FrontTask
    error_task_class = JsonErrorTask

    def __init__(self, server, sock, addr, adj, map=None):
        super().__init__(server, sock, addr, adj, map=map)
        self.pending_since: float | None = None  # first byte of the request being read (monotonic)
        self.body_since: float | None = None     # its headers were complete at

    def parser_class(self, adj) -> LimitedRequestParser:  # waitress calls self.parser_class(adj)
        parser = LimitedRequestParser(adj)
        parser.max_request_line = self.server.limits.max_request_line
        parser.on_complete = self._request_complete
        return parser

    def received(self, data: bytes) -> bool:
        if data and self.pending_since is None:
            self.pending_since = time.monotonic()
        result = super().received(data)
        if self.request is not None:
            now = time.monotonic()
            if self.pending_since is None:  # a new request began in the same read as the last one
                self.pending_since = now
            if self.request.headers_finished and self.body_since is None:
                self.body_since = now
        return result

    def _request_complete(self) -> None:
        self.pending_since = self.body_since = None

    def service(self) -> None:
        super().service()
        if self.request is not None:
            # The channel did not read while the previous request ran: restart the clock.
            now = time.monotonic()
            self.pending_since = now
            self.body_since = now if self.request.headers_finished else None

    def idle(self) -> bool:
        return not self.requests and self.request is None and not self.total_outbufs_len

    def request_overdue(self, now: float) -> bool:
        """True when the request being read missed its header or body deadline."""
        if self.requests or self.will_close or self.close_when_flushed:
            return False  # being answered (the app's own limits apply), or closing anyway
        limits = self.server.limits
        if self.body_since is not None:
            return now - self.body_since > limits.body_timeout_s
        return self.pending_since is not None and now - self.pending_since > limits.header_timeout_s

    def answer_timeout(self) -> None:
        """Answer 408 through waitress's error path (a thread writes it) and close."""
        with self.requests_lock:
            request = self.request or self.parser_class(self.adj)
            request.on_complete = None
            request.fail_unparsed(RequestTimeout("request not received in time"))
            self.request = None
            self.pending_since = self.body_since = None
            self.requests.append(request)
            if len(self.requests) == 1:
                self.server.add_task(self)

    def send_stalled(self, wall_now: float) -> bool:
        """True when output is waiting and the client took none of it for the send time-out."""
        return bool(self.total_outbufs_len) and wall_now - self.last_activity > self.server.limits.send_timeout_s


class GuardedServer(TcpWSGIServer):
    """waitress's TCP server over a listening socket bound elsewhere (shared by several
    processes), running the guards above once a second."""

    channel_class = GuardedChannel

    def __init__(self, application, sock: socket.socket, adj: Adjustments, limits: FrontLimits,
                 store_version: str | None = None):
        self.limits = limits
        self.store_version = store_version
        self.draining = False
        self.drain_started = 0.0
        self.drain_deadline = 0.0
        sockinfo = (sock.family, sock.type, sock.proto, sock.getsockname())
        super().__init__(application, map={}, _sock=sock, adj=adj, bind_socket=False, sockinfo=sockinfo)

    def readable(self) -> bool:
        if self.accepting and not self.draining and len(self._map) >= self.adj.connection_limit:
            self._evict_idle_channel(time.time())
        accepting = super().readable()  # runs maintenance() once per cleanup_interval
        return accepting and not self.draining

    def _evict_idle_channel(self, now: float) -> None:
        """At the connection limit waitress stops accepting, so idle connections alone would keep
        new clients out until the idle time-out: close the longest idle one instead."""
        idle = [channel for channel in self.active_channels.values()
                if channel.idle() and not channel.will_close and now - channel.last_activity > EVICT_AFTER_IDLE_S]
        if idle:
            min(idle, key=lambda channel: channel.last_activity).will_close = True

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # closes channels idle for channel_timeout
        mono = time.monotonic()
        for channel in list(self.active_channels.values()):
            if channel.request_overdue(mono):
                channel.answer_timeout()
            elif channel.send_stalled(now):
                channel.will_close = True
            elif self.draining and channel.idle() and (
                    now - max(channel.last_activity, self.drain_started) > DRAIN_IDLE_GRACE_S):
                # Not at once: a keep-alive client may have its next request on the way, and
                # closing under it resets the connection. Within the grace that request is
                # answered, with `Connection: close`, and the client reconnects to the new process.
                channel.will_close = True

    def begin_drain(self, timeout_s: float) -> None:
        """Stop accepting; the loop ends once every connection is answered and closed."""
        if not self.draining:
            self.draining = True
            self.drain_started = time.time()  # the clock of waitress's maintenance(now)
            self.drain_deadline = time.monotonic() + timeout_s
            self.next_channel_cleanup = 0  # run the drain checks on the next turn of the loop

    def drained(self) -> bool:
        return self.draining and (not self.active_channels or time.monotonic() > self.drain_deadline)

    def serve_until_drained(self, should_drain: Callable[[], bool], drain_timeout_s: float) -> None:
        """Run the loop until `should_drain()` turned true and the drain is over."""
        while not self.drained():
            if should_drain():
                self.begin_drain(drain_timeout_s)
            wasyncore.loop(timeout=self.adj.asyncore_loop_timeout, map=self._map,
                           use_poll=self.adj.asyncore_use_poll, count=1)
        self.task_dispatcher.shutdown(timeout=2)
        wasyncore.close_all(self._map)


def adjustments(settings: Settings, sock: socket.socket, threads: int) -> Adjustments:
    """waitress's settings from ours."""
    return Adjustments(
        sockets=[sock],
        threads=threads,
        ident="relgraph",
        asyncore_use_poll=True,          # select() cannot watch file descriptors above 1024
        asyncore_loop_timeout=1,
        cleanup_interval=1,              # the guards run once a second
        channel_timeout=settings.front_idle_timeout_s,
        connection_limit=settings.front_connection_limit + 2,  # waitress counts its listener and trigger
        backlog=settings.front_backlog,
        max_request_header_size=settings.front_max_header_bytes,
        # waitress refuses a body of exactly the limit; the app accepts up to it.
        max_request_body_size=settings.max_request_bytes + 1,
        expose_tracebacks=False,
        log_socket_errors=False,         # a client that hangs up is not the operator's problem
    )


def make_front(app, settings: Settings, sock: socket.socket, threads: int,
               store_version: str | None = None) -> GuardedServer:
    """The guarded waitress server for `app` on the listening socket `sock`."""
    raise_fd_limit(settings.front_connection_limit + 256)
    wsgi_app = AccessLog(app) if settings.access_log else app
    return GuardedServer(wsgi_app, sock, adjustments(settings, sock, threads),
                         FrontLimits.from_settings(settings), store_version)


def bind_listener(host: str, port: int, backlog: int) -> socket.socket:
    """A listening TCP socket on host:port (IPv4 or IPv6), to be shared by the server processes."""
    family, socktype, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, socktype, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    sock.bind(address)
    sock.listen(backlog)
    sock.setblocking(False)
    return sock


def raise_fd_limit(wanted: int) -> None:
    """Let this process hold `wanted` open files if the hard limit allows (connections are files)."""
    try:
        import resource
    except ImportError:  # not on this platform
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


class AccessLog:
    """A minimal access log on stderr (RELGRAPH_ACCESS_LOG=true): client, request, status, time."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        client = environ.get("REMOTE_ADDR", "-")
        target = environ.get("PATH_INFO", "") + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else "")

        def logged_start_response(status, headers, exc_info=None):
            elapsed_ms = (time.perf_counter() - started) * 1000
            print(f'{client} "{environ.get("REQUEST_METHOD")} {target[:200]}" {status.split(" ", 1)[0]} '
                  f"{elapsed_ms:.1f}ms", file=sys.stderr, flush=True)
            return start_response(status, headers, exc_info)

        return self.app(environ, logged_start_response)
