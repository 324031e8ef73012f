"""The store write of a build chunk, on a thread of its own while the next chunk is extracted.

Writing a chunk into the embedded store is Oxigraph's work (`Store.extend` / `bulk_extend` and the
flush run in Rust without holding the GIL), and extracting the next chunk is spaCy's and the
rules' (Python). One thread for the write lets both run at once on two cores, as a database lets a
client prepare its next batch while the last one commits. The order of the chunks stays the build's
order: only one write is ever in flight, and the next chunk is resolved (which reads the store)
only after `wait()` returned, so what each chunk resolves against is exactly what a build writing in
the foreground would have left, and every chunk is still one transaction.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable


class ChunkWriter:
    """At most one chunk write in flight; its error, if any, is raised by the next `wait()`."""

    def __init__(self, background: bool = True):
        self.background = background        # False: every write runs at once, in the caller's thread
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._seconds = 0.0
        self._landed: Callable[[float], None] | None = None

    @property
    def busy(self) -> bool:
        """True while a chunk is being written (the caller may do store-free work meanwhile)."""
        return self._thread is not None

    def submit(self, write: Callable[[], None], landed: Callable[[float], None]) -> None:
        """Start `write` once the write before it has landed; `landed(seconds)` is called in the
        caller's thread, by the `wait()` that sees the write done (or at once when not in the
        background)."""
        self.wait()
        if not self.background:
            started = time.perf_counter()
            write()
            landed(time.perf_counter() - started)
            return
        self._landed = landed
        # Not a daemon: an interpreter that exits (Ctrl-C in the main thread) lets the transaction
        # finish rather than kill it half-way; a killed process loses it whole (one transaction).
        self._thread = threading.Thread(target=self._run, args=(write,), name="relgraph-chunk-writer")
        self._thread.start()

    def _run(self, write: Callable[[], None]) -> None:
        started = time.perf_counter()
        try:
            write()
        except BaseException as exc:  # handed to the build's thread by wait()
            self._error = exc
        self._seconds = time.perf_counter() - started

    def wait(self) -> None:
        """Block until the write in flight has landed; raise its error if it failed."""
        if self._thread is None:
            return
        self._thread.join()
        self._thread = None
        error, self._error = self._error, None
        landed, self._landed = self._landed, None
        if error is not None:
            raise error
        if landed is not None:
            landed(self._seconds)
