"""Extraction anywhere: in-process, in local worker processes, or on a Dask cluster.

Extraction is a pure function of an article: `extract_batch(articles)` turns articles into
`ArticleRecords` (plain, picklable dataclasses) with nothing read from or written to the store.
Corpus-level resolution (`relgraph.resolve.CorpusIndex`) and the mapping to quads then run in the
building process, in input order, so the graph does not depend on where or in what order the
batches were extracted.

Each worker process (local or Dask) loads the spaCy pipeline once (`load_nlp` is cached per
process) and reuses it for every batch it gets.
"""
from __future__ import annotations

import math
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from relgraph.errors import RelgraphError


@dataclass(frozen=True)
class ExtractionFailure:
    """An article whose extraction raised: kept as text so it crosses process boundaries."""

    error_type: str
    message: str

    def __str__(self) -> str:
        return f"{self.error_type}: {self.message}"


def extract_batch(articles: Sequence, model: str, batch_size: int = 32) -> list:
    """ArticleRecords (or ExtractionFailure) for each article, in order. Runs on any worker."""
    from relgraph.nlp.extract import extract_articles

    out = []
    try:
        for _, records in extract_articles(articles, model, batch_size):
            out.append(ExtractionFailure(type(records).__name__, str(records))
                       if isinstance(records, Exception) else records)
    except Exception as exc:  # the pipeline itself failed here (no model on this worker...)
        failure = ExtractionFailure(type(exc).__name__, str(exc))
        out += [failure] * (len(articles) - len(out))
    return out


def chunks(items: Sequence, size: int) -> list[list]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def chunk_size(n: int, workers: int, batch_size: int) -> int:
    """Batches small enough to keep every worker busy, never larger than spaCy's batch size."""
    return max(1, min(batch_size, math.ceil(n / max(1, workers * 4))))


def _load_model(model: str) -> None:
    from relgraph.nlp.pipeline import load_nlp

    try:
        load_nlp(model)
    except Exception:  # noqa: BLE001 - reported per article by extract_batch
        pass


class WorkerPool:
    """Local extraction processes kept for a whole build: a chunked build hands every chunk to the
    same processes, so each loads the model once per build, not once per chunk. A pool that a dead
    worker broke is replaced before the next chunk."""

    def __init__(self, model: str, batch_size: int, workers: int):
        self.model, self.batch_size, self.workers = model, batch_size, workers
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: the workers start clean (no copy of the parent's open store or threads) and
            # each loads the model once in its initializer.
            self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                             mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_load_model, initargs=(self.model,))
        return self._pool

    def submit(self, articles: Sequence) -> list[tuple[list, object]]:
        """Hand `articles` to the workers at once; `collect` gathers them. Submitting the next chunk
        before the driver writes this one keeps the workers busy while it does."""
        if not articles:
            return []
        batches = chunks(articles, chunk_size(len(articles), self.workers, self.batch_size))
        pool = self._executor()
        return [(batch, pool.submit(extract_batch, batch, self.model, self.batch_size)) for batch in batches]

    def collect(self, pending: list[tuple[list, object]],
                progress: Callable[[int], None] | None = None) -> Iterator[tuple]:
        """(article, records-or-failure) in input order, for what `submit` handed out."""
        for batch, future in pending:
            try:
                records = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died (killed, out of memory)
                # Its batch (and, the pool being broken, the batches after it) are reported per
                # article; what was extracted before still lands, and the next chunk gets new processes.
                failure = ExtractionFailure(type(exc).__name__, f"an extraction worker failed: {exc}")
                records = [failure] * len(batch)
                self.close()
            yield from zip(batch, records, strict=True)
            if progress:
                progress(len(batch))

    def extract(self, articles: Sequence, progress: Callable[[int], None] | None = None) -> Iterator[tuple]:
        """(article, records-or-failure) in input order."""
        yield from self.collect(self.submit(articles), progress)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def extract_local(articles: Sequence, model: str, batch_size: int, workers: int,
                  progress: Callable[[int], None] | None = None) -> Iterator[tuple]:
    """(article, records-or-failure) in input order, extracted by `workers` processes."""
    if not articles:
        return
    workers = min(workers, len(chunks(articles, chunk_size(len(articles), workers, batch_size))))
    with WorkerPool(model, batch_size, workers) as pool:
        yield from pool.extract(articles, progress)


class DaskExtractor:
    """Extraction on the Dask cluster at `address`, one client for a whole build.

    The workers need relgraph (the same version) and the spaCy model installed; each batch is one
    task, its result the batch's records, gathered back here for resolution and the store.
    A task that fails on the cluster (a worker without relgraph, a lost worker) marks each of its
    articles as failed; the other batches still land.
    """

    def __init__(self, model: str, batch_size: int, address: str, timeout: float = 10.0):
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - the optional extra is not installed
            raise RelgraphError("--dask needs the dask extra: pip install 'relgraph[dask]'") from exc
        self.model, self.batch_size = model, batch_size
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise RelgraphError(f"cannot connect to the Dask scheduler at {address}: {exc}") from exc

    def submit(self, articles: Sequence) -> list[tuple[list, object]]:
        if not articles:
            return []
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        batches = chunks(articles, chunk_size(len(articles), workers, self.batch_size))
        futures = self.client.map(extract_batch, batches, model=self.model, batch_size=self.batch_size,
                                  pure=False)
        return list(zip(batches, futures, strict=True))

    def collect(self, pending: list[tuple[list, object]],
                progress: Callable[[int], None] | None = None) -> Iterator[tuple]:
        for batch, future in pending:
            try:
                records = future.result()
            except Exception as exc:  # noqa: BLE001 - anything raised on the cluster
                failure = ExtractionFailure(type(exc).__name__, f"on the Dask cluster: {exc}")
                records = [failure] * len(batch)
            yield from zip(batch, records, strict=True)
            if progress:
                progress(len(batch))

    def close(self) -> None:
        self.client.close()


def extract_dask(articles: Sequence, model: str, batch_size: int, address: str,
                 progress: Callable[[int], None] | None = None, timeout: float = 10.0) -> Iterator[tuple]:
    """(article, records-or-failure) in input order, extracted on the Dask cluster at `address`
    (see DaskExtractor)."""
    if not articles:
        return
    extractor = DaskExtractor(model, batch_size, address, timeout)
    try:
        yield from extractor.collect(extractor.submit(articles), progress)
    finally:
        extractor.close()
