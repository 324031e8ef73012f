"""URLs as input: `https://…` arguments and `.urls` lists, fetched into the page cache.

`fetch_into_cache` fetches what the cache does not hold yet (everything with `refresh`) and says,
URL by URL, what happened; `fetch_inputs` does that for a build, turning every URL among its inputs
into the cached page's path before the articles are read, so a build reads a fetched page exactly
as it reads a saved one. A `.urls` file holds one URL per line; blank lines and lines starting with
`#` are skipped; a line that is not an http(s) URL is reported with its line number.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from relgraph.article_files import ArticleError
from relgraph.settings import Settings
from relgraph.sources.fetch import Fetcher, FetchFailure, FetchPolicy
from relgraph.sources.page_cache import PageCache, no_text_failure

URL_LIST_SUFFIX = ".urls"
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
    paths: dict[str, Path] = field(default_factory=dict)  # URL -> cached page, for pages with a text


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
    """Fetch each URL not in `cache` (each one when `refresh`) into it; every outcome is counted."""
    summary = FetchSummary()
    for url in dict.fromkeys(urls):
        record = None if refresh else cache.record(url)
        if record is not None:
            failure = no_text_failure(record)
            summary.cached.append(url)
        else:
            result = fetcher.fetch(url)
            if isinstance(result, FetchFailure):
                summary.failed.append(str(result))
                continue
            path, no_text = cache.save(result)
            failure = FetchFailure(url, no_text.message) if no_text else None
            summary.fetched.append(url)
        if failure:
            summary.failed.append(str(failure))
        else:
            summary.paths[url] = cache.html_path(url)
    return summary


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
    report.fetched += len(summary.fetched)
    report.fetched_from_cache += len(summary.cached)
    resolved: list[str | Path] = []
    for item in planned:
        if isinstance(item, list):
            resolved.extend(summary.paths.pop(url) for url in item if url in summary.paths)
        else:
            resolved.append(item)
    return resolved
