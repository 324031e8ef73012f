"""The `relgraph` command: thin click wrappers over the library."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from relgraph.errors import RelgraphError
from relgraph.paging import MAX_PER_PAGE
from relgraph.settings import Settings

store_option = click.option(
    "--store", "store", default=None, metavar="DIR|URL",
    help="Store directory, or a remote SPARQL store as sparql+http://host:port/path "
         "(default: ./store or $RELGRAPH_STORE).")


def _settings(store: str | Path | None) -> Settings:
    import re

    if store is not None and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", str(store)):
        store = Path(store)  # URLs stay strings: open_store knows sparql+http(s) and refuses the rest
    return Settings.load(store=store)


def _open(settings: Settings):
    """The store for a command that only reads: opened read-only, so it works while a build writes
    and never changes (or creates) a store."""
    from relgraph.store import open_store

    return open_store(settings.store, read_only=True, base_iri=settings.base_iri)


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc)) from exc


@click.group()
@click.version_option(package_name="relgraph")
def cli() -> None:
    """relgraph: build a sourced knowledge graph from diplomacy news and query it with SPARQL."""


urls_option = click.option(
    "--urls", "url_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="A file of URLs to fetch, one per line (# comments and blank lines are skipped); repeatable.")
refresh_option = click.option("--refresh", is_flag=True,
                              help="Fetch URLs again even when the page cache already has them.")


def _fetch_settings(settings: Settings, refresh: bool, page_cache: Path | None) -> Settings:
    from dataclasses import replace

    return replace(settings, fetch_refresh=settings.fetch_refresh or refresh,
                   page_cache_dir=page_cache or settings.page_cache_dir)


@cli.command()
@click.argument("paths", nargs=-1)
@store_option
@urls_option
@refresh_option
@click.option("--page-cache", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="Where fetched pages are kept (default: <store>-pages, or $RELGRAPH_PAGE_CACHE_DIR).")
@click.option("--force", is_flag=True, help="Re-extract articles even when the store has them unchanged.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extract in N local processes (default 1: in this process, or $RELGRAPH_BUILD_WORKERS).")
@click.option("--dask", "dask", default=None, metavar="ADDRESS",
              help="Extract on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://10.0.0.5:8786).")
@click.option("--count", is_flag=True, help="Also count the quads of the whole store afterwards (reads it all).")
@click.option("--commit-every", "commit_every", type=click.IntRange(min=1), default=None, metavar="N",
              help="Write N articles per transaction (default 200 or $RELGRAPH_COMMIT_EVERY); a build that "
                   "stops is resumed after its last written chunk by running it again.")
def build(paths: tuple[str, ...], store: str | None, url_files: tuple[Path, ...], refresh: bool,
          page_cache: Path | None, force: bool, workers: int | None, dask: str | None, count: bool,
          commit_every: int | None) -> None:
    """Extract PATHS (.txt/.jsonl/.html articles or folders of them, http(s) URLs, .urls lists) into the store.

    URLs are fetched into the page cache first; a cached URL is not fetched again.

    Example: relgraph build data/articles --store store --workers 4
    """
    from relgraph.build import build as run_build
    from relgraph.malloc_tuning import tune_for_build
    from relgraph.sources.urls import UrlList

    if not paths and not url_files:
        raise click.UsageError("give PATHS or URLs to build, or --urls FILE")
    settings = _fetch_settings(_settings(store), refresh, page_cache)
    if settings.build_malloc_tuning:
        tune_for_build()   # this process is a build from here on: freed chunks go back to the system
    inputs = [*paths, *(UrlList(path) for path in url_files)]
    try:
        with click.progressbar(length=0, label="extracting", file=sys.stderr) as bar:
            report = run_build(inputs, settings, force=force, progress=bar.update, workers=workers, dask=dask,
                               count_store=count, commit_every=commit_every, on_commit=_chunk_committed)
    except RelgraphError as exc:
        _fail(exc)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if report.warc.records:
        click.echo(report.warc.summary(), err=True)
    total = f"; the store holds {report.store_quads} quads" if report.store_quads is not None else ""
    fetched = (f"{report.fetched} URL(s) fetched, {report.fetched_from_cache} from the page cache; "
               if report.fetched or report.fetched_from_cache else "")
    click.echo(
        f"{fetched}{report.extracted} article(s) extracted, {report.unchanged} unchanged, "
        f"{report.not_english} not in English (skipped), {len(report.errors)} error(s); "
        f"{report.quads_written} quads written to {settings.store}{total}",
        err=True,
    )
    if report.errors:
        sys.exit(1)


def _chunk_committed(report) -> None:
    # One line per transaction: what a build that stops now has kept (a re-run resumes after it).
    click.echo(f"\ncommitted chunk {report.chunks_committed}: {report.extracted} article(s) extracted, "
               f"{report.unchanged} unchanged so far", err=True)


@cli.command()
@click.argument("urls", nargs=-1)
@urls_option
@click.option("--into", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="The page cache folder to fetch into (default: the one `relgraph build` uses).")
@refresh_option
@store_option
def fetch(urls: tuple[str, ...], url_files: tuple[Path, ...], into: Path | None, refresh: bool,
          store: str | None) -> None:
    """Fetch URLS (and the URLs of --urls files) into a page cache folder, without building.

    Example: relgraph fetch https://example.org/news/story.html --urls reading.urls --into pages
    """
    from relgraph.sources.urls import fetch_listed, page_cache_folder

    if not urls and not url_files:
        raise click.UsageError("give URLs to fetch, or --urls FILE")
    settings = _fetch_settings(_settings(store), refresh, into)
    summary = fetch_listed(urls, url_files, settings)
    for failure in summary.failed:
        click.echo(f"failed: {failure}", err=True)
    click.echo(f"{len(summary.fetched)} fetched, {len(summary.cached)} already cached, "
               f"{len(summary.failed)} failed; pages in {page_cache_folder(settings)}", err=True)
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.argument("query")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml", "turtle", "ntriples", "jsonld"]),
              default="table", show_default=True)
@click.option("--page", type=click.IntRange(min=1), default=None, metavar="N",
              help="Print only page N of the listing (a named query or .rq file; pages are in a stable order).")
@click.option("--per-page", "per_page", type=click.IntRange(min=1, max=MAX_PER_PAGE), default=None, metavar="K",
              help=f"Rows per page with --page (default 100, at most {MAX_PER_PAGE}).")
def query(query: str, store: str | None, fmt: str, page: int | None, per_page: int | None) -> None:
    """Run a SPARQL query (a .rq file, a named query from queries/, or the text itself).

    Example: relgraph query queries/people.rq --format json

    Example: relgraph query events --page 2 --per-page 50
    """
    from relgraph.renderers import render
    from relgraph.sparql import QueryParseError, check_query

    settings = _settings(store)
    named = _named_query(query, settings)
    if (page or per_page) and named is None:
        raise click.UsageError("--page and --per-page page a named query or a .rq file, not query text")
    text = named.text if named is not None else query
    try:
        check_query(text, allow_service=settings.allow_service, service_allow_list=settings.service_allow_list,
                    max_chars=settings.query_max_chars)
        rel = _open(settings)
        if page or per_page:
            data = _render_page(rel, named, page or 1, per_page, fmt)
        else:
            data = render(rel.query(text), fmt)
    except QueryParseError as exc:
        # Nothing ran: without the server's sandbox, Oxigraph is not asked for its own reading.
        _fail(QueryParseError(f"SPARQL syntax error (or syntax the safety check cannot read): {exc}"))
    except RelgraphError as exc:
        _fail(exc)
    sys.stdout.buffer.write(data)


def _named_query(query: str, settings: Settings):
    """The query file or named query QUERY stands for; None when it is query text."""
    from relgraph.queries import named_queries, parse_query_file

    path = Path(query)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise click.ClickException(f"query file not found: {query}")
        return parse_query_file(path)
    return named_queries(settings.queries_dir).get(query)


def _render_page(rel, named, page: int, per_page: int | None, fmt: str) -> bytes:
    """One page of a listing, rendered; where the page stands is said on stderr."""
    from relgraph.paging import DEFAULT_PER_PAGE, PageSpec, page_solutions
    from relgraph.renderers import render

    spec = PageSpec(page, per_page or DEFAULT_PER_PAGE)
    solutions, has_next = page_solutions(rel, named, spec)
    data = render(solutions, fmt)
    more = f"; next: --page {page + 1}" if has_next else "; the last page"
    click.echo(f"page {page} of {named.name} ({spec.per_page} rows a page, from row {spec.offset + 1}){more}",
               err=True)
    return data


@cli.command()
@store_option
def listings(store: str | None) -> None:
    """Write every canned listing of the store's current version, so that any page of one is a
    file read (`relgraph serve` does this by itself for each version it serves).

    Example: relgraph listings --store data/store
    """
    from relgraph.listing_cache import materialise_store, report_lines
    from relgraph.store import is_remote

    settings = _settings(store)
    if is_remote(settings.store):
        raise click.ClickException("listings are written for the embedded store; a remote store pages live")
    try:
        version, done = materialise_store(settings)
    except RelgraphError as exc:
        _fail(exc)
    click.echo("\n".join(report_lines(settings, version, done)), err=True)


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld", "xml"]),
              default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@click.option("--graph", default=None, help="Export only this named graph (an article's graph IRI).")
def export(store: str | None, fmt: str, output: Path | None, graph: str | None) -> None:
    """Write the whole graph (or one article's graph) in an RDF format.

    Example: relgraph export --format turtle -o graph.ttl
    """
    from relgraph.namespaces import all_prefixes

    settings = _settings(store)
    prefixes = all_prefixes(settings.base_iri)
    try:
        rel = _open(settings)
        if output is None:
            rel.dump(sys.stdout.buffer, fmt, graph, prefixes)
        else:
            tmp = output.with_name(output.name + ".part")
            with open(tmp, "wb") as fh:
                rel.dump(fh, fmt, graph, prefixes)
            tmp.replace(output)  # never leave a half-written export behind
    except RelgraphError as exc:
        _fail(exc)


@cli.command()
@store_option
def stats(store: str | None) -> None:
    """Counts per class, articles, assertions and links."""
    from relgraph.stats import graph_stats

    try:
        result = graph_stats(_open(_settings(store)))
    except RelgraphError as exc:
        _fail(exc)
    width = max(len(k) for k in result)
    for key, value in result.items():
        click.echo(f"{key.ljust(width)}  {value}")


@cli.command()
@store_option
@click.option("--skip-reasoner", is_flag=True, help="Only run SHACL, not the HermiT consistency check.")
def validate(store: str | None, skip_reasoner: bool) -> None:
    """Check the ontology with HermiT and the stored graph against ontology/shapes.ttl (SHACL)."""
    from relgraph.ontology import check_consistency
    from relgraph.validate import validate_nquads

    ok = True
    if not skip_reasoner:
        result = check_consistency()
        click.echo(f"ontology: {'consistent' if result.consistent else 'INCONSISTENT'} ({result.message})")
        ok &= bool(result.consistent)
    try:
        rel = _open(_settings(store))
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "graph.nq"
            with open(dump, "wb") as fh:
                rel.dump(fh, "nquads")
            report = validate_nquads(dump)
    except RelgraphError as exc:
        _fail(exc)
    click.echo(f"shapes: {'conforms' if report.conforms else 'DOES NOT CONFORM'} "
               f"({len(report.violations)} violation(s))")
    for focus, path, message, severity in report.violations[:50]:
        click.echo(f"  {severity}: {focus} {path}: {message}")
    if not (ok and report.conforms):
        sys.exit(1)


@cli.command()
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True)
@click.argument("articles", nargs=-1, required=True)
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the report (with the calibration) as JSON.")
@click.option("--diff", "show_diff", is_flag=True,
              help="List false positives and false negatives, with the article and sentence of each.")
def evaluate(gold_dir: Path, articles: tuple[str, ...], store: str | None, as_json: bool, show_diff: bool) -> None:
    """Build ARTICLES into a fresh store (or --store) and score it against gold files.

    Example: relgraph evaluate --gold tests/gold data/articles
    """
    from relgraph.build import build as run_build
    from relgraph.evaluation import article_texts, evaluate_store, format_calibration, format_report

    with tempfile.TemporaryDirectory() as tmp:
        settings = _settings(store or Path(tmp) / "store")
        report = run_build(articles, settings)
        for error in report.errors:
            click.echo(f"error: {error}", err=True)
        result = evaluate_store(_open(settings), gold_dir, settings.queries_dir, article_texts(articles))
        if as_json:
            click.echo(json.dumps(result.to_dict(), indent=2))
        else:
            click.echo(format_report(result.report))
            click.echo(format_calibration(result.calibration))
        if show_diff:
            click.echo("\n".join(result.diff))


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=None, type=int, help="WSGI worker processes (default: from settings).")
def serve(store: str | None, host: str, port: int, workers: int | None) -> None:
    """Serve the graph over HTTP: SPARQL endpoint, dumps, query page and entity pages.

    Example: relgraph serve --port 8000
    """
    from relgraph.store import is_remote
    from relgraph.web.serve import run_server

    settings = _settings(store)
    if is_remote(settings.store):
        raise click.ClickException("relgraph serve serves the embedded store; a remote SPARQL store has its own endpoint")
    try:
        run_server(settings, host=host, port=port, workers=workers)
    except RelgraphError as exc:
        _fail(exc)


def main() -> None:  # pragma: no cover - console entry point
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli()
