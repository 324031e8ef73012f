"""Parsing on a thread of its own: same order, same records, errors and early stops handled."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from relgraph.articles import iter_articles
from relgraph.nlp.extract import extract_articles
from relgraph.nlp.parse_ahead import parsed_ahead

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "articles"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def test_items_come_in_order_from_another_thread():
    threads = []

    def numbers():
        for k in range(500):
            threads.append(threading.current_thread())
            yield k

    assert list(parsed_ahead(numbers(), ahead=8)) == list(range(500))
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_error_of_the_producer_is_raised_after_the_items_before_it():
    def failing():
        yield "a"
        yield "b"
        raise RuntimeError("parser broke on item 3")

    got = []
    with pytest.raises(RuntimeError, match="item 3"):
        for item in parsed_ahead(failing(), ahead=1):
            got.append(item)
    assert got == ["a", "b"]


def test_consumer_that_stops_early_stops_the_producer():
    produced = []

    def endless():
        k = 0
        while True:
            produced.append(k)
            yield k
            k += 1

    items = parsed_ahead(endless(), ahead=4)
    assert [next(items) for _ in range(3)] == [0, 1, 2]
    items.close()
    count = len(produced)
    assert not any(t.name == "relgraph-parse-ahead" for t in threading.enumerate())
    assert len(produced) == count <= 3 + 4 + 1   # bounded by the queue, and no longer growing


def _fingerprint(records) -> list[str]:
    return sorted([repr(e) for e in records.entities.values()] + [repr(r) for r in records.roles]
                  + [repr(f) for f in records.facts])


def test_extraction_with_parsing_ahead_gives_the_same_records():
    folder = SAMPLES if not DEVSET.is_dir() else DEVSET
    articles = [a for a in iter_articles([folder]) if hasattr(a, "text")][:6]
    plain = list(extract_articles(articles, batch_size=2))
    ahead = list(extract_articles(articles, batch_size=2, parse_ahead=True))
    assert [a.id for a, _ in ahead] == [a.id for a, _ in plain]
    for (_, left), (_, right) in zip(plain, ahead):
        assert not isinstance(right, Exception)
        assert _fingerprint(left) == _fingerprint(right)
        assert _fingerprint(right)     # something was extracted, so the comparison says something
