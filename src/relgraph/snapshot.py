"""Which version of an on-disk store a process reads.

A read-only pyoxigraph store sees the data as it was when it was opened, so every process that
serves a store (web processes and their query processes) records the version it opened and the
server answers only from processes that opened the same one (relgraph.executor, relgraph.web).
"""
from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# RocksDB touches its LOG/LOCK files when a store is opened; RELGRAPH-* are relgraph's own build
# lock and first-write marker. None of them is data.
_NOT_DATA = ("LOG", "LOCK", "RELGRAPH-")


def store_version(path: Path | str) -> tuple[str, float]:
    """A fingerprint of the on-disk store (its data files' names, sizes and times) and the newest
    of those times. Every process computes the same value for the same store, so ETags agree
    across processes; any build changes it."""
    digest = hashlib.sha256()
    newest = 0.0
    path = Path(path)
    for child in sorted(path.iterdir()) if path.is_dir() else ():
        if child.name.startswith(_NOT_DATA):
            continue
        try:
            if not child.is_file():
                continue
            info = child.stat()
        except OSError:  # removed by a compaction while we looked
            continue
        digest.update(f"{child.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
        newest = max(newest, info.st_mtime)
    return digest.hexdigest()[:16], newest


def per_store_temp_dir(store: Path | str, kind: str) -> Path:
    """`<temp dir>/relgraph-<kind>/<key of the store's absolute path>`: where files made from one
    store (dumps, listings) live when no folder is configured; not created here."""
    key = hashlib.sha256(str(Path(store).resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"relgraph-{kind}" / key


def open_at_one_version(path: Path | str, opener: Callable[[], T], attempts: int = 5) -> tuple[T, str]:
    """Open the store with `opener` and return it with the version it holds: the fingerprint is
    taken before and after opening, and the open is retried while a write moved it in between."""
    for _ in range(attempts):
        before = store_version(path)[0]
        opened = opener()
        after = store_version(path)[0]
        if before == after:
            return opened, after
    return opened, after
