"""glibc's allocator set for a long build, so that memory a chunk freed goes back to the system.

A build allocates and frees the same large blocks chunk after chunk: RocksDB's transaction and
memtables, spaCy's and thinc's arrays, the chunk's N-Quads. With glibc's defaults the threshold
above which a block gets its own mapping rises after every large free (up to 32 MiB), so later
blocks come from the heap and stay there once freed, and every thread (the writer, the parser) gets
an arena of its own to fragment: the RSS between chunks climbed from 724 to 1,111 MiB over 2,000
generated articles. A fixed threshold and two arenas kept it at 741-894 MiB with a 4 MiB threshold
(459-640 MiB with 128 KiB, but thinc's arrays then cost a mapping each: a build ran x0.85 as fast;
bench/README, "memory"). Even at 4 MiB a build pays for it: 600 articles in 79 s against 64-70 s
untuned (system time 17-19 s against 6.5), peak 1,108-1,128 MB against 1,305. Flat memory for long
builds is the default; `RELGRAPH_BUILD_MALLOC_TUNING=false` trades it for the speed. The same
settings made with MALLOC_MMAP_THRESHOLD_ / MALLOC_ARENA_MAX in the environment win: an operator who
set them knows their machine.
"""
from __future__ import annotations

import ctypes
import os
import sys

M_MMAP_THRESHOLD = -3          # glibc's <malloc.h> parameter numbers
M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 4 * 1024 * 1024
ARENA_MAX = 2


def tune_for_build() -> dict[str, bool]:
    """Apply the settings glibc accepts and the environment does not set; which took effect."""
    applied = {"mmap_threshold": False, "arena_max": False}
    mallopt = _mallopt()
    if mallopt is None:
        return applied      # not glibc (musl, macOS): its allocator has its own policy
    if "MALLOC_MMAP_THRESHOLD_" not in os.environ:
        applied["mmap_threshold"] = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    if "MALLOC_ARENA_MAX" not in os.environ:
        applied["arena_max"] = bool(mallopt(M_ARENA_MAX, ARENA_MAX))
    return applied


def _mallopt():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is not None:
        mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt
