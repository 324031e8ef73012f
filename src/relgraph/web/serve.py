"""Serve the web app in production: `relgraph serve` calls `run_server(settings, host, port, workers)`.

The HTTP front is waitress with the guards of relgraph.web.front: requests are read by an
asynchronous loop and only complete ones reach the app's threads, with header, body, idle and send
time-outs, so slow or idle clients cost a socket each and never a thread. Where `fork` exists a
small supervisor (relgraph.web.supervisor) binds the listening socket, runs `workers` server
processes on it, restarts one that dies and, when a build has changed the store, replaces all of
them with processes over the new version. Elsewhere (Windows) one waitress process serves with
`threads * workers` threads and picks up a new build only when restarted. Never Flask's
development server.

Each server process builds its own app (`relgraph.web.create_app`; the store is opened read-only
per process: a RocksDB handle must not cross a fork) and starts its query processes before it
accepts a connection.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import sys

from relgraph.settings import Settings

log = logging.getLogger("relgraph.serve")

EXIT_MOVED = 75  # a server process found the store at another version than it was started for


def run_server(settings: Settings | None = None, host: str = "127.0.0.1", port: int = 8000,
               workers: int | None = None) -> None:
    """Serve the app until SIGTERM/SIGINT. Raises StoreError (before serving) if there is no store
    to serve."""
    settings = settings or Settings.load()
    workers = workers or settings.workers
    _log_to_stderr()
    limit_malloc_arenas()
    if not hasattr(os, "fork"):
        run_waitress(settings, host, port, workers)
        return
    from relgraph.web.front import bind_listener
    from relgraph.web.supervisor import Supervisor

    sock = bind_listener(host, port, settings.front_backlog)
    try:
        Supervisor(settings, sock, workers, _url(host, port)).run()
    finally:
        sock.close()


def run_waitress(settings: Settings, host: str, port: int, workers: int) -> None:
    """The portable path: one process, `settings.threads * workers` threads, same front."""
    from relgraph.web.front import bind_listener

    _log_to_stderr()
    stop = StopFlag()
    stop.install()
    sock = bind_listener(host, port, settings.front_backlog)
    try:
        app = start_app(settings)
        log.info("serving on %s (one process, %d threads, store version %s)", _url(host, port),
                 settings.threads * workers, app.extensions["relgraph"].version)
        serve_on(app, settings, sock, settings.threads * workers, stop)
    finally:
        sock.close()


def start_app(settings: Settings):
    """A new app with its query processes running (so no early request waits for one to start)."""
    from relgraph.web import create_app

    app = create_app(settings)
    app.extensions["relgraph"].executor.start(wait_s=30)
    return app


def serve_on(app, settings: Settings, sock: socket.socket, threads: int, stop: StopFlag) -> None:
    """Serve `app` on the listening socket until `stop` is set, then drain and stop its query
    processes."""
    from relgraph.web.front import make_front

    state = app.extensions["relgraph"]
    front = make_front(app, settings, sock, threads, store_version=state.version)
    try:
        front.serve_until_drained(stop.is_set, settings.front_drain_timeout_s)
    finally:
        state.executor.close()


def run_server_process(settings: Settings, sock: socket.socket, ready_fd: int, expected_version: str | None,
                       inherited: list[int]) -> int:
    """The body of a server process forked by relgraph.web.supervisor: build the app, say
    `ready <version>` (or `error <why>`, `moved <version>`) on `ready_fd`, serve on `sock` until
    SIGTERM. Returns the exit status."""
    from relgraph.errors import RelgraphError

    _die_with_parent()
    signal.set_wakeup_fd(-1)
    for fd in inherited:
        try:
            os.close(fd)  # the supervisor's pipes
        except OSError:
            pass
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    stop = StopFlag()
    stop.install()
    try:
        app = start_app(settings)
    except RelgraphError as exc:
        _say(ready_fd, f"error {exc}")
        return 3
    state = app.extensions["relgraph"]
    if (expected_version and state.version != expected_version) or getattr(state.executor, "stale", False):
        _say(ready_fd, f"moved {state.version}")
        state.executor.close()
        return EXIT_MOVED
    _say(ready_fd, f"ready {state.version}")
    os.close(ready_fd)
    serve_on(app, settings, sock, settings.threads, stop)
    return 0


def _say(fd: int, message: str) -> None:
    os.write(fd, (message.replace("\n", " ") + "\n").encode())


def _die_with_parent() -> None:
    """SIGTERM this process when the supervisor dies, however it dies (Linux)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass


class StopFlag:
    """Set by SIGTERM or SIGINT; the serving loop looks at it once a second. (A signal handler
    must not touch waitress's locks, so it only sets this.)"""

    def __init__(self) -> None:
        self.signal: int | None = None

    def install(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._handle)

    def _handle(self, signum, frame) -> None:
        self.signal = signum

    def is_set(self) -> bool:
        return self.signal is not None


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def limit_malloc_arenas(arenas: int = 2) -> None:
    """Cap glibc's malloc arenas before any thread starts (server processes fork from here and
    inherit it). By default glibc gives each of the 32 request threads its own arena, which keeps
    the memory of a finished large response: measured 55 -> 86-97 MiB after eight concurrent
    17 MB results, against 58 -> 65 MiB with two arenas (tests/test_web_results_memory.py)."""
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(-8, arenas)  # M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def _log_to_stderr() -> None:
    """The server's own messages go to stderr, one line each, with the process id."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s relgraph[%(process)d] %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
