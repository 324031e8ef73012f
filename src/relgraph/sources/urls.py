"""URLs as input: `https://…` arguments and `.urls` lists, fetched into the page cache.

`fetch_into_cache` fetches what the cache does not hold yet (everything with `refresh`) and says,
URL by URL, what happened; `fetch_inputs` does that for a build, turning every URL among its inputs
into the cached page's path before the articles are read, so a build reads a fetched page exactly
as it reads a saved one. A `.urls` file holds one URL per line; blank lines and lines starting with
`#` are skipped; a line that is not an http(s) URL is reported with its line number.

A URL may serve a page or a feed. A feed is kept in the cache as a feed and fetched again on every
build, since a feed's point is its new entries (when that fetch fails, the cached copy is read and
the build says so); the pages its entries link to are fetched through `LinkFetcher`, cache first, so
a rebuild reads them offline and identically.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from relgraph.article_files import ArticleError
from relgraph.settings import Settings
from relgraph.sources.fetch import FEED_TYPES, HTML_TYPES, Fetched, Fetcher, FetchFailure, FetchPolicy
from relgraph.sources.page_cache import PageCache, is_feed_record, no_text_failure

URL_LIST_SUFFIX = ".urls"
PAGE_OR_FEED_TYPES = HTML_TYPES + FEED_TYPES
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


@dataclass(frozen=True)
class UrlList:
    """A file of URLs given as such (`--urls FILE`), whatever its suffix."""

    path: Path


@dataclass
class FetchSummary:
    fetched: list[str] = field(default_factory=list)      # URLs fetched now
    cached: list[str] = field(default_factory=list)       # URLs the cache already held
    failed: list[str] = field(default_factory=list)       # "URL: reason" (or "file:line: reason")
    paths: dict[str, Path] = field(default_factory=dict)  # URL -> cached page (with a text) or feed
    warnings: list[str] = field(default_factory=list)     # read all the same, e.g. a feed from the cache


def looks_like_url(arg: str | Path) -> bool:
    """An argument that names a URL rather than a file: `scheme:…` and not an existing path."""
    text = str(arg)
    return bool(_SCHEME.match(text)) and not Path(text).exists()


def read_url_list(path: Path) -> tuple[list[str], list[ArticleError]]:
    """The URLs of a `.urls` file, and an error for each line that is not one (with its line number)."""
    try:
        lines = path.read_text(encoding="utf-8").removeprefix("\ufeff").split("\n")
    except FileNotFoundError:
        return [], [ArticleError(str(path), "no such file")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [ArticleError(str(path), f"cannot read the URL list ({exc})")]
    urls, errors = [], []
    for lineno, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        problem = url_problem(line)
        if problem:
            errors.append(ArticleError(f"{path}:{lineno}", problem))
        else:
            urls.append(normalize_url(line))
    return urls, errors


def url_problem(text: str) -> str | None:
    """Why `text` is not a URL relgraph fetches, or None."""
    if any(ch.isspace() for ch in text):
        return f"not a URL (contains a space): {text!r}"
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        if not parts.scheme:
            return f"not an absolute URL: {text!r}"
        return f"only http and https URLs are fetched, not {parts.scheme}: ({text})"
    if not parts.hostname:
        return f"URL without a host: {text!r}"
    return None


def normalize_url(url: str) -> str:
    """The URL as fetched and cached: the fragment never reaches the server."""
    return url.strip().split("#", 1)[0]


def fetch_into_cache(urls: Iterable[str], cache: PageCache, fetcher: Fetcher,
                     refresh: bool = False) -> FetchSummary:
    """Fetch each URL not in `cache` (each one when `refresh`, and every feed again) into it; every
    outcome is counted."""
    summary = FetchSummary()
    for url in dict.fromkeys(urls):
        record = None if refresh else cache.record(url)
        if record is not None and not is_feed_record(record):
            failure = no_text_failure(record)
            summary.cached.append(url)
        else:
            result = fetcher.fetch(url, accept=PAGE_OR_FEED_TYPES)
            if isinstance(result, FetchFailure) and record is not None:
                # A feed that cannot be fetched now is read as it was last fetched.
                summary.warnings.append(f"{result}; the copy fetched at {record['fetched_at']} is read "
                                        "from the page cache")
                summary.cached.append(url)
                failure = None
            else:
                kept, failure = save_fetched(result, cache)
                if not kept:                # the fetch failed, or brought neither a page nor a feed
                    summary.failed.append(str(failure))
                    continue
                record = cache.record(url)
                summary.fetched.append(url)
        if failure:
            summary.failed.append(str(failure))
        else:
            summary.paths[url] = cache.cached_path(url, record)
    return summary


def save_fetched(result: Fetched | FetchFailure, cache: PageCache) -> tuple[bool, FetchFailure | None]:
    """Keep what a fetch returned, as a feed when it is one, else as a page. Returns whether anything
    was kept and the failure to report: the fetch's, a body that is neither kind (both: nothing
    kept), or a page without main text (kept all the same, so a rebuild reports it offline)."""
    from relgraph.sources.feeds import is_feed_bytes  # feedparser loads only when a feed may be read

    if isinstance(result, FetchFailure):
        return False, result
    if result.content_type in FEED_TYPES and is_feed_bytes(result.body):
        cache.save_feed(result)
        return True, None
    if result.content_type not in HTML_TYPES and not _looks_like_html(result.body):
        return False, FetchFailure(result.url, f"content type {result.content_type} holds neither a feed "
                                               "(RSS or Atom) nor a web page")
    _path, no_text = cache.save(result)
    return True, (FetchFailure(result.url, no_text.message) if no_text else None)


def _looks_like_html(body: bytes) -> bool:
    """An XHTML page may be served as plain XML."""
    return b"<html" in body[:4096].lower()


class LinkFetcher:
    """`fetch(url)` for the pages feed entries link to: the cached page when the cache holds it (and
    not `refresh`), else fetched into the cache; the page's path, or an ArticleError saying why not.
    The network client is made only when a page must be fetched, so a rebuild stays offline."""

    def __init__(self, settings: Settings, report=None):
        self.settings, self.report = settings, report
        self.cache = PageCache(page_cache_folder(settings))
        self._fetcher: Fetcher | None = None

    def __call__(self, url: str) -> Path | ArticleError:
        url = normalize_url(url)
        if problem := url_problem(url):
            return ArticleError(url, problem)
        record = None if self.settings.fetch_refresh else self.cache.record(url)
        if record is None:
            if self._fetcher is None:
                self._fetcher = Fetcher(FetchPolicy.from_settings(self.settings))
            kept, failure = save_fetched(self._fetcher.fetch(url), self.cache)
            if kept:
                self._count("fetched")
        else:
            failure = no_text_failure(record)
            self._count("fetched_from_cache")
        if record is not None and is_feed_record(record):
            return ArticleError(url, "links to a feed, not to a page")
        if failure is not None:
            return ArticleError(failure.url, failure.reason)
        return self.cache.html_path(url)

    def _count(self, attribute: str) -> None:
        if self.report is not None:
            setattr(self.report, attribute, getattr(self.report, attribute) + 1)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def fetch_listed(urls: Iterable[str], url_files: Iterable[Path], settings: Settings) -> FetchSummary:
    """`relgraph fetch`: the URLs given and those of the URL lists, fetched into the settings' page
    cache; bad URLs and bad list lines are failures like the others."""
    wanted, bad = [], []
    for url in urls:
        problem = url_problem(url)
        (bad.append(f"{url}: {problem}") if problem else wanted.append(normalize_url(url)))
    for path in url_files:
        listed, errors = read_url_list(Path(path))
        wanted.extend(listed)
        bad.extend(str(e) for e in errors)
    summary = fetch_with_settings(wanted, settings)
    summary.failed[:0] = bad
    return summary


def fetch_with_settings(urls: Iterable[str], settings: Settings) -> FetchSummary:
    """`fetch_into_cache` with the settings' fetch policy, page cache folder and refresh flag."""
    fetcher = Fetcher(FetchPolicy.from_settings(settings))
    try:
        return fetch_into_cache(urls, PageCache(page_cache_folder(settings)), fetcher,
                                refresh=settings.fetch_refresh)
    finally:
        fetcher.close()


def page_cache_folder(settings: Settings) -> Path:
    """Where fetched pages go: the setting, else `<store>-pages` beside a local store."""
    if settings.page_cache_dir is not None:
        return Path(settings.page_cache_dir)
    store = settings.store
    if isinstance(store, Path):
        return store.parent / f"{store.name}-pages"
    return Path.cwd() / "pages"


def fetch_inputs(inputs: Iterable[str | Path | UrlList], settings: Settings,
                 report) -> list[str | Path]:
    """Build inputs with every URL (and URL list) replaced by its cached page, in input order.
    Fetch failures and bad URL-list lines go to `report.errors`; counts to `report.fetched` and
    `report.fetched_from_cache`. Nothing is fetched, and nothing created, when no input is a URL."""
    planned: list[str | Path | list[str]] = []
    for item in inputs:
        if isinstance(item, UrlList) or str(item).endswith(URL_LIST_SUFFIX):
            urls, errors = read_url_list(item.path if isinstance(item, UrlList) else Path(item))
            report.errors.extend(str(e) for e in errors)
            planned.append(urls)
        elif looks_like_url(item):
            problem = url_problem(str(item))
            if problem:
                report.errors.append(f"{item}: {problem}")
                continue
            planned.append([normalize_url(str(item))])
        else:
            planned.append(item)
    urls = [url for item in planned if isinstance(item, list) for url in item]
    if not urls:
        return [item for item in planned if not isinstance(item, list)]
    summary = fetch_with_settings(urls, settings)
    report.errors.extend(summary.failed)
    report.warnings.extend(summary.warnings)
    report.fetched += len(summary.fetched)
    report.fetched_from_cache += len(summary.cached)
    resolved: list[str | Path] = []
    for item in planned:
        if isinstance(item, list):
            resolved.extend(summary.paths.pop(url) for url in item if url in summary.paths)
        else:
            resolved.append(item)
    return resolved
