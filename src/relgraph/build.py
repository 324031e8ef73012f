"""articles -> NLP -> records -> quads -> store, in chunks of `commit_every` articles, one
transaction per chunk.

The inputs are read as a stream and cut into chunks; each chunk is resolved, mapped and written
while the next one is being extracted (by worker processes, a Dask cluster, or in this process while
the write of an embedded store runs on its own thread: `relgraph.chunk_writer`), and no further
chunk is read before that, so what a build holds in memory follows the chunk, not the corpus, and
extraction need not wait for the store.
Each chunk resolves against the store as the chunks before it left it (a fresh `CorpusIndex` per
chunk, loaded by key), so the graph does not depend on where chunks were cut: a build killed after
chunk k and run again skips the k committed chunks (their articles are stored, unchanged) and ends
with the graph of an uninterrupted build.

Extraction (article -> records) is pure and runs in-process, in local worker processes
(`workers`) or on a Dask cluster (`dask`); resolution and mapping run here, in input order, so the
graph is the same wherever extraction ran. Everything a build reads from the store is looked up
by key (the articles it was given, candidate persons and facts), never scanned, so the cost of a
build follows the number of articles it extracts, not the size of the store.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from relgraph.chunk_quads import ChunkQuads
from relgraph.chunk_writer import ChunkWriter
from relgraph.fingerprint import extractor_version
from relgraph.articles import Article, ArticleError, furniture_loss, iter_articles
from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker
from relgraph.mapping import article_quads
from relgraph.namespaces import DIP
from relgraph.parallel import ExtractionFailure, WorkerPool
from relgraph.resolve import CorpusIndex
from relgraph.settings import Settings
from relgraph.sources.urls import LinkFetcher, fetch_inputs
from relgraph.sources.warc_counts import WarcCounts
from relgraph.sources.language import is_foreign
from relgraph.store import GraphStore, RelStore, build_lock, is_remote, open_store
from relgraph.story_index import StoryIndex


@dataclass
class BuildReport:
    read: int = 0
    extracted: int = 0
    unchanged: int = 0
    not_english: int = 0               # articles skipped because their text is in another language
    quads_written: int = 0
    chunks_committed: int = 0          # transactions written (a chunk with nothing to write has none)
    store_quads: int | None = None     # only counted when asked for: a count reads the whole store
    lookup_queries: int = 0            # queries the build sent to read what the store already holds
    lookup_rows: int = 0               # rows those queries returned
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # ingested, but worth a look (see read_inputs)
    fetched: int = 0                   # URLs fetched into the page cache (relgraph.sources.urls)
    fetched_from_cache: int = 0        # URLs (and pages feed entries link to) the page cache already held
    warc: WarcCounts = field(default_factory=WarcCounts)   # what the web archives among the inputs held
    # The building process's own time (story admission, resolution, mapping, the store write), not
    # counting the wait for extraction results: its cost per article bounds how many workers it feeds.
    driver_seconds: float = 0.0
    # Of driver_seconds, the store writes: they run on a thread of their own (relgraph.chunk_writer)
    # beside the rest of the driver's work, so on a second core they bound it separately.
    write_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors


def iter_inputs(paths: Iterable[str | Path], report: BuildReport, fetch_link=None) -> Iterator[Article]:
    """Good articles in input order, one at a time; bad input is reported and skipped, never fatal.
    A repeated article id is an error (only the ids seen are kept, not the articles). An article
    that page-furniture stripping cut to less than half of a long text is yielded and also
    reported in `report.warnings`, so a rule that swallowed a story is seen. An article in another
    language than English (the only one the rules read) is skipped, reported in `report.warnings`
    and counted in `report.not_english`. `fetch_link` reads the pages feed entries link to
    (`relgraph.sources.urls.LinkFetcher`); what web archives held is counted in `report.warc`."""
    seen: dict[str, str] = {}
    for item in iter_articles(paths, fetch_link=fetch_link, warc_counts=report.warc):
        if isinstance(item, ArticleError):
            report.errors.append(str(item))
        elif is_foreign(item.language):
            report.not_english += 1
            report.warnings.append(f"{item.source}: skipped: the text is in language {item.language!r}, "
                                   "and relgraph reads English only")
        elif item.id in seen:
            report.errors.append(f"{item.source}: article id {item.id!r} already read from {seen[item.id]}; skipped")
        else:
            seen[item.id] = item.source
            report.read += 1
            if (loss := furniture_loss(item.raw_text, item.text)) is not None:
                report.warnings.append(f"{item.source}: {loss}")
            yield item


def read_inputs(paths: Iterable[str | Path], report: BuildReport) -> list[Article]:
    """`iter_inputs` as a list (for callers that want every article at once)."""
    return list(iter_inputs(paths, report))


def unchanged_articles(store: GraphStore, iris: IriMaker, ids: Iterable[str] | None = None,
                       report: BuildReport | None = None, chunk: int = 500) -> dict[str, str]:
    """Article id -> sha256 of the articles (among `ids`; all when None) already in the store from
    this extractor version. With `ids`, only those articles' graphs are looked at."""
    extractor = iris.extractor(extractor_version())
    if ids is None:
        groups = [""]
    else:
        ids = sorted(set(ids))
        groups = ["VALUES ?g { " + " ".join(f"<{iris.graph(i)}>" for i in ids[k:k + chunk]) + " }"
                  for k in range(0, len(ids), chunk)]
    found = {}
    for values in groups:
        rows = list(store.query(f"""SELECT ?id ?sha WHERE {{ {values} GRAPH ?g {{
            ?a a <{DIP}Article> ; <http://purl.org/dc/terms/identifier> ?id ; <{DIP}sha256> ?sha .
            <{extractor}> a <{DIP}Extractor> }} }}""", union=False))
        if report is not None:
            report.lookup_queries += 1
            report.lookup_rows += len(rows)
        found.update((r["id"].value, r["sha"].value) for r in rows)
    return found


def extract(articles: list[Article], settings: Settings, *, workers: int | None = None,
            dask: str | None = None, progress: Callable[[int], None] | None = None, pool=None):
    """(article, ArticleRecords or ExtractionFailure) in input order, wherever extraction runs.
    `pool` (a `parallel.WorkerPool`) keeps local worker processes from one call to the next."""
    from relgraph import parallel

    workers = settings.build_workers if workers is None else workers
    dask = settings.dask_address if dask is None else dask
    if dask:
        yield from parallel.extract_dask(articles, settings.spacy_model, settings.batch_size, dask, progress)
    elif pool is not None and len(articles) > 1:
        yield from pool.extract(articles, progress)
    elif workers > 1 and len(articles) > 1:
        yield from parallel.extract_local(articles, settings.spacy_model, settings.batch_size, workers, progress)
    else:
        from relgraph.nlp.extract import extract_articles  # spaCy loads only when a build needs it

        for article, records in extract_articles(articles, settings.spacy_model, settings.batch_size,
                                                 parse_ahead=settings.parse_ahead):
            if isinstance(records, Exception):
                records = ExtractionFailure(type(records).__name__, str(records))
            yield article, records
            if progress:
                progress(1)


def build(paths: Iterable[str | Path], settings: Settings | None = None, *, force: bool = False,
          progress: Callable[[int], None] | None = None, workers: int | None = None,
          dask: str | None = None, count_store: bool = False, commit_every: int | None = None,
          on_commit: Callable[[BuildReport], None] | None = None) -> BuildReport:
    """Extract `paths` into the store (http(s) URLs, `.urls` files and `relgraph.sources.urls.UrlList`s
    among them are fetched into the page cache first). Articles already stored with the same text
    are skipped unless `force`. The inputs are read, extracted and written `commit_every` articles
    at a time (default settings.commit_every), each chunk in one transaction (one update request
    for a remote store); `on_commit` is called with the report after each chunk lands. `workers` > 1
    extracts in that many local processes, `dask` on the Dask cluster whose scheduler is at that
    address (defaults: settings.build_workers, settings.dask_address). `count_store` also counts
    the quads of the whole store afterwards."""
    settings = settings or Settings.load()
    commit_every = settings.commit_every if commit_every is None else commit_every
    if commit_every < 1:
        raise ValueError(f"commit_every must be at least 1, not {commit_every}")
    options = dict(force=force, progress=progress, workers=workers, dask=dask, count_store=count_store,
                   commit_every=commit_every, on_commit=on_commit)
    if is_remote(settings.store) or settings.store is None:
        return _build(paths, settings, **options)
    with build_lock(Path(settings.store)):
        return _build(paths, settings, **options)


def _build(paths, settings: Settings, *, force: bool, progress, workers, dask, count_store: bool,
           commit_every: int, on_commit) -> BuildReport:
    report = BuildReport()
    paths = fetch_inputs(paths, settings, report)   # URLs and URL lists -> cached pages
    store = open_store(settings.store, base_iri=settings.base_iri, settings=settings)
    iris = IriMaker(settings.base_iri)
    workers = settings.build_workers if workers is None else workers
    dask = settings.dask_address if dask is None else dask
    # An embedded store is written on a thread of its own while the next chunk is extracted, unless
    # local worker processes already fill the cores (then the thread only competes with them: x0.94
    # in bench/README "extraction"); a remote store's client is used from one thread only.
    writer = ChunkWriter(background=isinstance(store, RelStore) and (bool(dask) or workers <= 1))
    extractor = _extractor(settings, workers, dask, writer, progress)
    links = LinkFetcher(settings, report)
    pending = None
    try:
        # One chunk is extracted ahead: the workers (local or on the cluster) extract chunk k+1
        # while this process resolves, maps and writes chunk k. Only two chunks are ever in
        # flight, so memory stays bounded and reading the input waits for the store (back-pressure).
        # In-process extraction runs ahead only of the write: chunk k+1 is extracted here while
        # chunk k's transaction runs on the writer's thread.
        runs_ahead = not isinstance(extractor, _InProcess)
        for chunk in _chunks(iter_inputs(paths, report, links), commit_every):
            ahead = _start_chunk(chunk, store, iris, report, extractor, force=force)
            if pending is not None:
                _finish_chunk(pending, store, iris, report, extractor, writer, progress, on_commit)
            pending = ahead
            if not runs_ahead:
                _finish_chunk(pending, store, iris, report, extractor, writer, progress, on_commit)
                pending = None
        if pending is not None:
            _finish_chunk(pending, store, iris, report, extractor, writer, progress, on_commit)
    finally:
        try:
            writer.wait()   # a chunk already handed to the writer lands before the build returns
        finally:
            links.close()
            extractor.close()
    if count_store:
        report.store_quads = len(store)
    return report


class _InProcess:
    """Extraction in this process: when the chunk is finished, or at once while the chunk before it
    is being written (then a copy of an article of that chunk is extracted for nothing and dropped
    at admission, as with workers)."""

    def __init__(self, settings: Settings, writer: ChunkWriter, progress=None):
        self.settings = settings
        self.writer = writer
        self.progress = progress

    def submit(self, articles: list[Article]) -> list[Article] | _Extracted:
        if self.writer.busy and articles:
            return _Extracted(list(extract(articles, self.settings, workers=1, dask="", progress=self.progress)))
        return articles

    def admitted(self, pending: list[Article] | _Extracted, ids: set[str]) -> list[Article] | _Extracted:
        """Only the articles the chunk keeps are extracted (or kept, when extracted ahead)."""
        if isinstance(pending, _Extracted):
            return _Extracted([(a, r) for a, r in pending.results if a.id in ids])
        return [a for a in pending if a.id in ids]

    def collect(self, pending: list[Article] | _Extracted, progress) -> Iterator[tuple]:
        if isinstance(pending, _Extracted):
            yield from pending.results
            return
        yield from extract(pending, self.settings, workers=1, dask="", progress=progress)

    def close(self) -> None:
        pass


@dataclass
class _Extracted:
    results: list[tuple]          # (article, records) pairs extracted while the chunk before was written


def _extractor(settings: Settings, workers: int, dask: str | None, writer: ChunkWriter, progress=None):
    """Where a build's chunks are extracted: a Dask cluster, local worker processes, or here."""
    from relgraph import parallel

    if dask:
        return parallel.DaskExtractor(settings.spacy_model, settings.batch_size, dask)
    if workers > 1:
        return WorkerPool(settings.spacy_model, settings.batch_size, workers)
    return _InProcess(settings, writer, progress)


@dataclass
class _Chunk:
    articles: list[Article]       # the chunk's changed articles, their extraction under way
    pending: object               # what the extractor's `submit` returned for them


def _start_chunk(articles: list[Article], store: GraphStore, iris: IriMaker, report: BuildReport,
                 extractor, *, force: bool) -> _Chunk:
    """Skip the unchanged articles and hand the others to the extractor. What is unchanged does
    not depend on the chunk being written meanwhile: article ids are unique within a build."""
    known = {} if force else unchanged_articles(store, iris, [a.id for a in articles], report)
    todo = [a for a in articles if known.get(a.id) != a.sha256]
    report.unchanged += len(articles) - len(todo)
    return _Chunk(todo, extractor.submit(todo))


def _finish_chunk(chunk: _Chunk, store: GraphStore, iris: IriMaker, report: BuildReport, extractor,
                  writer: ChunkWriter, progress, on_commit) -> None:
    writer.wait()   # the chunk before this one is in the store before this one is resolved
    started = time.perf_counter()
    waited = 0.0

    def timed(results: Iterator[tuple]) -> Iterator[tuple]:
        nonlocal waited
        while True:
            t0 = time.perf_counter()
            item = next(results, None)       # results are (article, records) pairs, never None
            waited += time.perf_counter() - t0
            if item is None:
                return
            yield item

    def results(admitted: set[str]) -> Iterator[tuple]:
        pending = chunk.pending
        if isinstance(extractor, _InProcess):
            pending = extractor.admitted(pending, admitted)
        return timed(extractor.collect(pending, progress))

    write = _write_chunk(chunk, store, iris, report, results)
    report.driver_seconds += time.perf_counter() - started - waited
    if write is None:
        return
    graphs, quads = write

    def landed(seconds: float) -> None:
        report.quads_written += len(quads)
        report.chunks_committed += 1
        report.driver_seconds += seconds   # the write is the driver's work, on its second thread
        report.write_seconds += seconds
        if on_commit:
            on_commit(report)

    writer.submit(lambda: store.replace_graphs(graphs, quads), landed)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (the last one shorter), taken from `items` as they come."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def _write_chunk(chunk: _Chunk, store: GraphStore, iris: IriMaker, report: BuildReport,
                 results: Callable[[set[str]], Iterator[tuple]]) -> tuple[set[str], ChunkQuads] | None:
    """Resolve and map one chunk: the graphs its transaction replaces and the quads it writes, or
    None when it has nothing to write.
    Copies are recognised against the store as it is now, holding every chunk before this one, so
    a copy of an article in the previous chunk is found whether or not it was extracted ahead (its
    extraction is then dropped). The index is made afresh from the store: what a chunk resolves
    against is the same whether the earlier chunks were written by this run or by one that was
    killed, and memory does not grow from chunk to chunk."""
    stories = StoryIndex(store, iris)
    admitted = {a.id for a in stories.admit(chunk.articles, report)}   # exact copies are skipped
    if not admitted:
        for _ in results(admitted):   # drain what was extracted ahead for nothing
            pass
        return None
    graphs = {iris.graph(a) for a in admitted}
    index = CorpusIndex.from_store(store, default_gazetteer(), iris, graphs)
    quads = ChunkQuads()   # N-Quads text, article by article: a third of the memory of Quad objects
    for article, records in results(admitted):
        if article.id not in admitted:
            continue
        if isinstance(records, ExtractionFailure):
            report.errors.append(f"{article.source}: extraction failed: {records}")
            graphs.discard(iris.graph(article.id))  # keep what the store had for it
            continue
        index.resolve(records)
        quads.add([*article_quads(article, records, iris, index.labels), *index.key_quads(records),
                   *stories.quads(article)])
        report.extracted += 1
    report.lookup_queries += index.queries
    report.lookup_rows += index.rows_read
    if not graphs:
        return None
    return graphs, quads
