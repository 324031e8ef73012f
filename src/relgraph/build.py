"""articles -> NLP -> records -> quads -> store, in one transaction per build.

Extraction (article -> records) is pure and runs in-process, in local worker processes
(`workers`) or on a Dask cluster (`dask`); resolution and mapping run here, in input order, so the
graph is the same wherever extraction ran. Everything a build reads from the store is looked up
by key (the articles it was given, candidate persons and facts), never scanned, so the cost of a
build follows the number of articles it extracts, not the size of the store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from relgraph.fingerprint import extractor_version
from relgraph.articles import Article, ArticleError, furniture_loss, iter_articles
from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker
from relgraph.mapping import article_quads
from relgraph.namespaces import DIP
from relgraph.parallel import ExtractionFailure
from relgraph.resolve import CorpusIndex
from relgraph.settings import Settings
from relgraph.store import GraphStore, build_lock, is_remote, open_store
from relgraph.story_index import StoryIndex


@dataclass
class BuildReport:
    read: int = 0
    extracted: int = 0
    unchanged: int = 0
    quads_written: int = 0
    store_quads: int | None = None     # only counted when asked for: a count reads the whole store
    lookup_queries: int = 0            # queries the build sent to read what the store already holds
    lookup_rows: int = 0               # rows those queries returned
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # ingested, but worth a look (see read_inputs)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_inputs(paths: Iterable[str | Path], report: BuildReport) -> list[Article]:
    """Good articles in input order; bad input is reported and skipped, never fatal. An article that
    page-furniture stripping cut to less than half of a long text is read and also reported in
    `report.warnings`, so a rule that swallowed a story is seen."""
    articles, seen = [], {}
    for item in iter_articles(paths):
        if isinstance(item, ArticleError):
            report.errors.append(str(item))
        elif item.id in seen:
            report.errors.append(f"{item.source}: article id {item.id!r} already read from {seen[item.id]}; skipped")
        else:
            seen[item.id] = item.source
            articles.append(item)
            if (loss := furniture_loss(item.raw_text, item.text)) is not None:
                report.warnings.append(f"{item.source}: {loss}")
    report.read = len(articles)
    return articles


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
            dask: str | None = None, progress: Callable[[int], None] | None = None):
    """(article, ArticleRecords or ExtractionFailure) in input order, wherever extraction runs."""
    from relgraph import parallel

    workers = settings.build_workers if workers is None else workers
    dask = settings.dask_address if dask is None else dask
    if dask:
        yield from parallel.extract_dask(articles, settings.spacy_model, settings.batch_size, dask, progress)
    elif workers > 1 and len(articles) > 1:
        yield from parallel.extract_local(articles, settings.spacy_model, settings.batch_size, workers, progress)
    else:
        from relgraph.nlp.extract import extract_articles  # spaCy loads only when a build needs it

        for article, records in extract_articles(articles, settings.spacy_model, settings.batch_size):
            if isinstance(records, Exception):
                records = ExtractionFailure(type(records).__name__, str(records))
            yield article, records
            if progress:
                progress(1)


def build(paths: Iterable[str | Path], settings: Settings | None = None, *, force: bool = False,
          progress: Callable[[int], None] | None = None, workers: int | None = None,
          dask: str | None = None, count_store: bool = False) -> BuildReport:
    """Extract `paths` into the store. Articles already stored with the same text are skipped
    unless `force`. All writes of one build land in one transaction (one update request for a
    remote store). `workers` > 1 extracts in that many local processes, `dask` on the Dask
    cluster whose scheduler is at that address (defaults: settings.build_workers,
    settings.dask_address). `count_store` also counts the quads of the whole store afterwards."""
    settings = settings or Settings.load()
    if is_remote(settings.store) or settings.store is None:
        return _build(paths, settings, force, progress, workers, dask, count_store)
    with build_lock(Path(settings.store)):
        return _build(paths, settings, force, progress, workers, dask, count_store)


def _build(paths, settings: Settings, force: bool, progress, workers, dask, count_store: bool) -> BuildReport:
    report = BuildReport()
    articles = read_inputs(paths, report)
    store = open_store(settings.store, base_iri=settings.base_iri)
    iris = IriMaker(settings.base_iri)
    known = {} if force else unchanged_articles(store, iris, [a.id for a in articles], report)
    todo = [a for a in articles if known.get(a.id) != a.sha256]
    report.unchanged = len(articles) - len(todo)
    stories = StoryIndex(store, iris)
    todo = stories.admit(todo, report)   # exact copies are skipped, the others placed in stories
    graphs = {iris.graph(a.id) for a in todo}
    index = CorpusIndex.from_store(store, default_gazetteer(), iris, graphs)
    quads = []
    for article, records in extract(todo, settings, workers=workers, dask=dask, progress=progress):
        if isinstance(records, ExtractionFailure):
            report.errors.append(f"{article.source}: extraction failed: {records}")
            graphs.discard(iris.graph(article.id))  # keep what the store had for it
            continue
        index.resolve(records)
        quads.extend(article_quads(article, records, iris, index.labels))
        quads.extend(index.key_quads(records))
        quads.extend(stories.quads(article))
        report.extracted += 1
    store.replace_graphs(graphs, quads)
    report.quads_written = len(quads)
    report.lookup_queries += index.queries
    report.lookup_rows += index.rows_read
    if count_store:
        report.store_quads = len(store)
    return report
