"""The supervisor of `relgraph serve`: several server processes on one listening socket, all on one
store version, replaced together when a build has changed the store.

The supervisor binds the socket (relgraph.web.serve) and forks `workers` server processes, a
*generation*, that share it; each builds its own app and query processes, then writes
`ready <version>` on a pipe. The supervisor itself never opens the store (a RocksDB handle must not
cross a fork); it only reads the store's fingerprint (`relgraph.web.store_version`, file names,
sizes and times).

- A server process that dies is replaced (at most one start per 5 s for a process that keeps
  dying), unless the store moved on: then the next generation replaces it.
- Every `front_reload_poll_s` it compares the store's fingerprint with the version being served.
  When it changed, stayed the same for two looks, no build is running
  (`relgraph.store.build_running`) and the new version opens, a complete new generation starts on
  it; once every process of it is ready the old generation is told to drain (stop accepting,
  finish the responses in flight, exit within `front_drain_timeout_s`). A version that fails to
  open (an interrupted build) is not retried until the store changes again; the old generation
  keeps serving.
- SIGTERM or SIGINT stops every process and then the supervisor. Server processes also stop when
  the supervisor dies (PR_SET_PDEATHSIG), and their query processes when they do.
"""
from __future__ import annotations

import logging
import os
import select
import signal
import socket
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from relgraph.errors import StoreError
from relgraph.settings import Settings

log = logging.getLogger("relgraph.serve")

READY_TIMEOUT_S = 120.0   # a generation not ready by then has failed
RESTART_BACKOFF_S = 5.0   # a server process that died this soon after its start waits this long
STOP_MARGIN_S = 5.0       # beyond the drain time-out, before SIGKILL
STARTUP_RESTARTS = 3     # processes of a starting generation that may die before it has failed
FIRST_START_ATTEMPTS = 5  # the first generation is retried while builds keep moving the store


@dataclass
class Child:
    pid: int
    ready_fd: int | None
    started: float
    version: str | None = None
    ready: bool = False
    error: str | None = None


@dataclass
class Generation:
    number: int
    expected_version: str | None
    children: list[Child] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    stop_deadline: float | None = None
    restarts: int = 0  # processes that died while the generation was starting

    @property
    def version(self) -> str | None:
        versions = {child.version for child in self.children if child.ready}
        return versions.pop() if len(versions) == 1 else None

    def all_ready(self, size: int) -> bool:
        return len(self.children) == size and all(child.ready for child in self.children)


class Supervisor:
    """Runs and replaces the server processes; `run()` returns after SIGTERM/SIGINT."""

    def __init__(self, settings: Settings, sock: socket.socket, workers: int, url: str):
        self.settings = settings
        self.sock = sock
        self.workers = workers
        self.url = url
        self.store_path = Path(settings.store)
        self.current: Generation | None = None
        self.pending: Generation | None = None
        self.draining: list[Generation] = []
        self.generations = 0
        self.stopping = False
        self.candidate: str | None = None       # a changed fingerprint seen once
        self.failed_versions: set[str] = set()  # fingerprints whose generation could not start
        self.first_error: str | None = None     # why the first generation could not start
        self.materialiser = None                # the child writing the served version's listings
        self.restart_at: dict[int, float] = {}  # slot index -> when to start its replacement
        self.next_poll = 0.0
        self.wakeup_r, self.wakeup_w = os.pipe()

    # -- the loop ---------------------------------------------------------------------------
    def run(self) -> None:
        self._install_signals()
        try:
            self.pending = self._start_generation(expected_version=None)
            while not self.stopping:
                self._wait()
                self._reap()
                if self.pending is not None:
                    self._check_pending()
                self._restart_slots()
                self._poll_store()
                self._kill_overdue()
        finally:
            self._stop_all()
            self._restore_signals()

    def _wait(self) -> None:
        """Sleep until a child writes, a signal arrives (wakeup fd) or a second has passed."""
        fds = [self.wakeup_r] + [c.ready_fd for c in self._all_children() if c.ready_fd is not None]
        try:
            readable, _, _ = select.select(fds, [], [], 1.0)
        except InterruptedError:
            return
        for fd in readable:
            if fd == self.wakeup_r:
                _drain_pipe(fd)
            else:
                self._read_message(fd)

    def _install_signals(self) -> None:
        os.set_blocking(self.wakeup_w, False)
        os.set_blocking(self.wakeup_r, False)
        self._old_wakeup = signal.set_wakeup_fd(self.wakeup_w)
        self._old_handlers = {signum: signal.signal(signum, self._on_signal)
                              for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD)}

    def _restore_signals(self) -> None:
        signal.set_wakeup_fd(self._old_wakeup)
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)
        os.close(self.wakeup_r)
        os.close(self.wakeup_w)

    def _on_signal(self, signum, frame) -> None:
        if signum in (signal.SIGTERM, signal.SIGINT):
            self.stopping = True

    # -- generations ------------------------------------------------------------------------
    def _start_generation(self, expected_version: str | None) -> Generation:
        self.generations += 1
        generation = Generation(self.generations, expected_version)
        for _ in range(self.workers):
            generation.children.append(self._spawn(expected_version))
        log.info("starting server processes %s (generation %d, store version %s)",
                 ", ".join(str(c.pid) for c in generation.children), generation.number,
                 expected_version or "as found")
        return generation

    def _check_pending(self) -> None:
        pending = self.pending
        failed = [c for c in pending.children if c.error is not None]
        if failed or time.monotonic() - pending.started > READY_TIMEOUT_S:
            reason = failed[0].error if failed else f"not ready within {READY_TIMEOUT_S:g} s"
            self._abandon_pending(reason)
            return
        if not pending.all_ready(self.workers):
            return
        if pending.version is None or (pending.expected_version and pending.version != pending.expected_version):
            self._abandon_pending("its processes opened different store versions", sticky=False)
            return
        self._promote(pending)

    def _abandon_pending(self, reason: str, sticky: bool = True) -> None:
        pending, self.pending = self.pending, None
        self._signal_generation(pending, signal.SIGTERM)
        self.draining.append(pending)
        moved = not sticky or reason.startswith("moved")
        if self.current is None:
            if moved and pending.number < FIRST_START_ATTEMPTS:  # a build finished as we started
                self.pending = self._start_generation(expected_version=None)
            else:
                self.stopping = True
                self.first_error = reason
            return
        if not moved and pending.expected_version:
            self.failed_versions.add(pending.expected_version)
        log.warning("new server processes (generation %d) failed: %s; still serving store version %s",
                    pending.number, reason, self.current.version)

    def _promote(self, generation: Generation) -> None:
        old, self.current, self.pending = self.current, generation, None
        self.candidate = None
        self._materialise(generation.version)
        if old is None:
            log.info("serving on %s: %d processes x %d threads, store version %s", self.url, self.workers,
                     self.settings.threads, generation.version)
            return
        log.info("serving store version %s (generation %d); stopping generation %d (version %s)",
                 generation.version, generation.number, old.number, old.version)
        self._signal_generation(old, signal.SIGTERM)
        self.draining.append(old)

    def _materialise(self, version: str | None) -> None:
        """Write the canned listings of the version now served (relgraph.listing_cache), in a child
        process at low priority; one that still runs for an older version is stopped."""
        from relgraph.listing_cache import start_materialiser

        if self.materialiser is not None and self.materialiser.poll() is None:
            _kill(self.materialiser.pid, signal.SIGTERM)
        self.materialiser = start_materialiser(self.settings, version) if version else None

    def _signal_generation(self, generation: Generation, signum: int) -> None:
        if generation.stop_deadline is None:
            generation.stop_deadline = time.monotonic() + self.settings.front_drain_timeout_s + STOP_MARGIN_S
        for child in generation.children:
            _kill(child.pid, signum)

    def _kill_overdue(self) -> None:
        now = time.monotonic()
        for generation in self.draining:
            if generation.stop_deadline is not None and now > generation.stop_deadline:
                for child in generation.children:
                    log.warning("server process %d did not stop in time; killing it", child.pid)
                    _kill(child.pid, signal.SIGKILL)
                generation.stop_deadline = None

    # -- the store --------------------------------------------------------------------------
    def _poll_store(self) -> None:
        interval = self.settings.front_reload_poll_s
        now = time.monotonic()
        if interval <= 0 or self.current is None or self.pending is not None or now < self.next_poll:
            return
        self.next_poll = now + interval
        version = _store_version(self.store_path)
        if version == self.current.version or version in self.failed_versions:
            self.candidate = None
            return
        if _build_running(self.store_path):
            self.candidate = None
            return
        if version != self.candidate:  # the store must look the same twice: a write may be under way
            self.candidate = version
            return
        log.info("the store changed (version %s, serving %s): starting new server processes",
                 version, self.current.version)
        self.pending = self._start_generation(expected_version=version)

    # -- processes --------------------------------------------------------------------------
    def _spawn(self, expected_version: str | None) -> Child:
        read_fd, write_fd = os.pipe()
        inherited = [self.wakeup_r, self.wakeup_w, read_fd] + [
            c.ready_fd for c in self._all_children() if c.ready_fd is not None]
        pid = os.fork()
        if pid == 0:  # the server process; it never returns into the supervisor's code
            code = 70
            try:
                from relgraph.web.serve import run_server_process

                code = run_server_process(self.settings, self.sock, write_fd, expected_version, inherited)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        os.close(write_fd)
        return Child(pid, read_fd, time.monotonic())

    def _read_message(self, fd: int) -> None:
        child = next((c for c in self._all_children() if c.ready_fd == fd), None)
        try:
            data = os.read(fd, 4096).decode(errors="replace")
        except OSError:
            data = ""
        if child is None:
            return
        if not data:  # the child closed its end: it is ready (said so first) or it died (reaped later)
            os.close(fd)
            child.ready_fd = None
            return
        kind, _, rest = data.strip().partition(" ")
        if kind == "ready":
            child.ready, child.version = True, rest
            log.info("server process %d ready (store version %s)", child.pid, rest)
        else:
            child.error = f"{kind} {rest}" if kind == "moved" else rest

    def _reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            self._forget(pid, os.waitstatus_to_exitcode(status))

    def _forget(self, pid: int, code: int) -> None:
        for generation in self._generations():
            for index, child in enumerate(generation.children):
                if child.pid != pid:
                    continue
                if child.ready_fd is not None:
                    os.close(child.ready_fd)
                    child.ready_fd = None
                if generation in self.draining:
                    generation.children.remove(child)
                    if not generation.children:
                        self.draining.remove(generation)
                        log.info("generation %d stopped", generation.number)
                elif generation is self.current:
                    self._slot_died(index, child, code)
                elif child.error is None and not self.stopping:
                    self._starting_child_died(generation, index, child, code)
                return

    def _starting_child_died(self, generation: Generation, index: int, child: Child, code: int) -> None:
        """A process of a generation still starting died without saying why (killed, most likely):
        start another a few times; a process that said why (`error ...`) fails the generation."""
        generation.restarts += 1
        if generation.restarts > STARTUP_RESTARTS:
            child.error = f"server process {child.pid} exited with status {code} before all were ready"
            return
        log.warning("server process %d exited with status %d; starting another", child.pid, code)
        generation.children[index] = self._spawn(generation.expected_version or child.version)

    def _slot_died(self, index: int, child: Child, code: int) -> None:
        if self.stopping:
            return
        soon = time.monotonic() - child.started < RESTART_BACKOFF_S
        log.warning("server process %d exited with status %d; starting another%s", child.pid, code,
                    f" in {RESTART_BACKOFF_S:g} s" if soon else "")
        self.restart_at[index] = time.monotonic() + (RESTART_BACKOFF_S if soon else 0.0)
        child.pid = -1

    def _restart_slots(self) -> None:
        if self.current is None or self.stopping:
            return
        now = time.monotonic()
        for index, when in list(self.restart_at.items()):
            if now < when:
                continue
            del self.restart_at[index]
            if _store_version(self.store_path) != self.current.version:
                log.info("the store moved on: the next generation replaces server process slot %d", index)
                continue
            # It accepts connections once its app is ready; until then its sibling serves alone.
            self.current.children[index] = self._spawn(self.current.version)

    def _stop_all(self) -> None:
        if self.materialiser is not None and self.materialiser.poll() is None:
            _kill(self.materialiser.pid, signal.SIGTERM)
        generations = self._generations()
        for generation in generations:
            for child in generation.children:
                _kill(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + self.settings.front_drain_timeout_s + STOP_MARGIN_S
        alive = {c.pid for g in generations for c in g.children if c.pid > 0}
        while alive and time.monotonic() < deadline:
            alive = {pid for pid in alive if not _reaped(pid)}
            time.sleep(0.05)
        for pid in alive:
            log.warning("server process %d did not stop in time; killing it", pid)
            _kill(pid, signal.SIGKILL)
            _reaped(pid, block=True)
        for child in (c for g in generations for c in g.children):
            if child.ready_fd is not None:
                os.close(child.ready_fd)
                child.ready_fd = None
        if self.current is None and self.first_error:
            raise StoreError(self.first_error)
        log.info("stopped")

    def _generations(self) -> list[Generation]:
        return [g for g in (self.current, self.pending, *self.draining) if g is not None]

    def _all_children(self) -> list[Child]:
        return [c for g in self._generations() for c in g.children]


def _store_version(path: Path) -> str:
    from relgraph.web import store_version

    return store_version(path)[0]


def _build_running(path: Path) -> bool:
    """Is `relgraph build` writing this store? (relgraph.store.build_running, from the build lock;
    a relgraph without it says no.)"""
    try:
        from relgraph.store import build_running
    except ImportError:
        return False
    try:
        return bool(build_running(path))
    except OSError as exc:
        log.warning("cannot tell whether a build is running on %s: %s", path, exc)
        return False


def _kill(pid: int, signum: int) -> None:
    if pid > 0:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass


def _reaped(pid: int, block: bool = False) -> bool:
    try:
        done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
    except ChildProcessError:
        return True
    return done == pid


def _drain_pipe(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except (BlockingIOError, OSError):
        pass
