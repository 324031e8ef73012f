"""articles -> NLP -> records -> quads -> store, in one transaction per build."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from relgraph import __version__
from relgraph.articles import Article, ArticleError, iter_articles
from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker
from relgraph.mapping import article_quads
from relgraph.namespaces import DIP
from relgraph.resolve import CorpusIndex
from relgraph.settings import Settings
from relgraph.store import RelStore, open_store


@dataclass
class BuildReport:
    read: int = 0
    extracted: int = 0
    unchanged: int = 0
    quads_written: int = 0
    store_quads: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_inputs(paths: Iterable[str | Path], report: BuildReport) -> list[Article]:
    """Good articles in input order; bad input is reported and skipped, never fatal."""
    articles, seen = [], {}
    for item in iter_articles(paths):
        if isinstance(item, ArticleError):
            report.errors.append(str(item))
        elif item.id in seen:
            report.errors.append(f"{item.source}: article id {item.id!r} already read from {seen[item.id]}; skipped")
        else:
            seen[item.id] = item.source
            articles.append(item)
    report.read = len(articles)
    return articles


def unchanged_articles(store: RelStore, iris: IriMaker) -> dict[str, str]:
    """Article id -> sha256 of the articles already in the store from this extractor version."""
    extractor = iris.extractor(__version__)
    rows = store.query(f"""SELECT ?id ?sha WHERE {{ GRAPH ?g {{
        ?a a <{DIP}Article> ; <http://purl.org/dc/terms/identifier> ?id ; <{DIP}sha256> ?sha .
        <{extractor}> a <{DIP}Extractor> }} }}""", union=False)
    return {r["id"].value: r["sha"].value for r in rows}


def build(paths: Iterable[str | Path], settings: Settings | None = None, *, force: bool = False,
          progress: Callable[[int], None] | None = None) -> BuildReport:
    """Extract `paths` into the store. Articles already stored with the same text are skipped
    unless `force`. All writes of one build land in one transaction."""
    from relgraph.nlp.extract import extract_articles  # spaCy loads only when a build needs it

    settings = settings or Settings.load()
    report = BuildReport()
    articles = read_inputs(paths, report)
    store = open_store(settings.store)
    iris = IriMaker(settings.base_iri)
    known = {} if force else unchanged_articles(store, iris)
    todo = [a for a in articles if known.get(a.id) != a.sha256]
    report.unchanged = len(articles) - len(todo)
    graphs = {iris.graph(a.id) for a in todo}
    index = CorpusIndex.from_store(store, default_gazetteer(), iris, graphs)
    quads = []
    for article, records in extract_articles(todo, settings.spacy_model, settings.batch_size):
        if isinstance(records, Exception):
            report.errors.append(f"{article.source}: extraction failed: {type(records).__name__}: {records}")
            graphs.discard(iris.graph(article.id))  # keep what the store had for it
            continue
        index.resolve(records)
        quads.extend(article_quads(article, records, iris, index.labels))
        report.extracted += 1
        if progress:
            progress(1)
    store.replace_graphs(graphs, quads)
    report.quads_written = len(quads)
    report.store_quads = len(store)
    return report
