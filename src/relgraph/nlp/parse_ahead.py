"""spaCy parses the next articles on a thread of its own while the rules read the last ones.

Most of a parse is thinc's matrix products (`gemm`, 55 % of spaCy's time on the benchmark corpus)
and the parser's transition loop, which run without the GIL; the rules, the resolver and the mapping
are Python and hold it. One parsing thread lets the two overlap on a second core, as a database
prefetches the next pages while a query reads the last. Only the parsing thread calls the pipeline;
the Docs it hands over are finished and only read afterwards. The queue is bounded, so parsing never
runs more than `ahead` documents in front of the rules and memory stays flat.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


def parsed_ahead(items: Iterator[T], ahead: int = 64) -> Iterator[T]:
    """The items of `items` in order, produced on a thread of their own up to `ahead` items in
    front of the consumer. An exception raised by `items` is raised here, where it would have been;
    a consumer that stops early stops the thread."""
    handoff: queue.Queue = queue.Queue(maxsize=max(1, ahead))
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if not _put(handoff, (item, None), stop):
                    return
            _put(handoff, (_DONE, None), stop)
        except BaseException as exc:  # handed to the consumer, raised in its thread
            _put(handoff, (_DONE, exc), stop)

    thread = threading.Thread(target=produce, name="relgraph-parse-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item, error = handoff.get()
            if item is _DONE:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stop.set()
        thread.join()


def _put(handoff: queue.Queue, entry: tuple, stop: threading.Event) -> bool:
    """Put `entry` unless the consumer has gone; False when it has."""
    while not stop.is_set():
        try:
            handoff.put(entry, timeout=0.1)
            return True
        except queue.Full:
            continue
    return False
