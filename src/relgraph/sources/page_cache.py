"""The page cache: every fetched page kept in a local folder, so a rebuild is offline and identical.

For each page, three files share a stem made from its URL:

- `<stem>.html`: the page exactly as fetched (decompressed);
- `<stem>.main-text`: the main text extracted from it, the text every evidence offset refers to (not
  `.txt`: that suffix is read as an article of its own);
- `<stem>.fetch.json`: the fetch record: requested and final URL, status, content type, fetch time
  (UTC), sha256 of the HTML and of the text, and the text extractor (for a page without main
  text: no text file, `text_sha256` null and `text_error` saying why).

A URL that serves a feed (RSS or Atom) is kept as `<stem>.xml` with its fetch record (`"kind":
"feed"`, no text of its own: its entries become the articles, and the pages they link to are cached
like any other page).

The record is written last, so a page is in the cache only once all three files are complete. A
cache folder is build input like any folder: `read_page` reads a cached `.html` with its fetch
provenance and with the saved text, even if a newer extractor would cut the page differently.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from relgraph.article_files import read_sidecar
from relgraph.articles import Article, ArticleError, make_article, slugify
from relgraph.sources.fetch import Fetched, FetchFailure

RECORD_SUFFIX = ".fetch.json"
TEXT_SUFFIX = ".main-text"
FEED_SUFFIX = ".xml"      # read as a feed by relgraph.articles when the cache folder is build input
RECORD_KEYS = ("url", "final_url", "status", "content_type", "fetched_at", "html_sha256", "text_sha256",
               "text_extractor")


def page_stem(url: str) -> str:
    """A file stem for `url`: readable (host and path) and unique (a hash of the whole URL)."""
    parts = urlsplit(url)
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{parts.hostname or ''}{parts.path}").strip("-.")[:60]
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return f"{readable.rstrip('-.')}-{digest}" if readable else digest


class PageCache:
    """A folder of fetched pages, looked up by the URL they were requested as."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def html_path(self, url: str) -> Path:
        return self.folder / f"{page_stem(url)}.html"

    def feed_path(self, url: str) -> Path:
        return self.folder / f"{page_stem(url)}{FEED_SUFFIX}"

    def cached_path(self, url: str, record: dict) -> Path:
        """The cached file of `url`: its page, or its feed when it served one."""
        return self.feed_path(url) if is_feed_record(record) else self.html_path(url)

    def record(self, url: str) -> dict | None:
        """The fetch record of `url`, or None when the cache does not hold it (whole)."""
        record = _load_record(_record_path(self.html_path(url)))
        if isinstance(record, ArticleError) or record["url"] != url or \
                not self.cached_path(url, record).exists():
            return None
        return record

    def save_feed(self, fetched: Fetched) -> Path:
        """Keep a fetched feed (its entries are read when the file is built)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.feed_path(fetched.url)
        _write_atomically(path, fetched.body)
        record = {**_fetch_record(fetched, text=None, extractor=None), "kind": "feed"}
        _write_atomically(_record_path(self.html_path(fetched.url)),
                          (json.dumps(record, indent=1) + "\n").encode("utf-8"))
        return path

    def save(self, fetched: Fetched) -> tuple[Path, ArticleError | None]:
        """Keep a fetched page; returns its path and, when the page has no main text, why (the page
        is kept all the same, so a rebuild reports the same thing without fetching again)."""
        from relgraph.sources.pages import article_from_html, text_extractor

        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.html_path(fetched.url)
        article = article_from_html(fetched.body, ident=slugify(path.stem), source=fetched.url,
                                    url=fetched.final_url, fetched_url=fetched.final_url,
                                    fetched_at=fetched.fetched_at)
        text = None if isinstance(article, ArticleError) else article.raw_text
        _write_atomically(path, fetched.body)
        if text is not None:
            _write_atomically(_text_path(path), text.encode("utf-8"))
        record = _fetch_record(fetched, text=text, extractor=text_extractor())
        if text is None:
            record["text_error"] = article.message      # reported again on every read, without a fetch
        _write_atomically(_record_path(path), (json.dumps(record, indent=1) + "\n").encode("utf-8"))
        return path, article if isinstance(article, ArticleError) else None


def _fetch_record(fetched: Fetched, *, text: str | None, extractor: str | None) -> dict:
    """The fetch record of a page (with the sha256 of its main text) or of a feed (no text)."""
    return {
        "url": fetched.url, "final_url": fetched.final_url, "status": fetched.status,
        "content_type": fetched.content_type_header or fetched.content_type,
        "fetched_at": fetched.fetched_at, "html_sha256": hashlib.sha256(fetched.body).hexdigest(),
        "text_sha256": None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text_extractor": extractor,
    }


def is_feed_record(record: dict) -> bool:
    return record.get("kind") == "feed"


def no_text_failure(record: dict) -> FetchFailure | None:
    """The failure to report for a cached page that has no main text, else None (a feed has no text
    of its own, and that is no failure)."""
    if record["text_sha256"] or is_feed_record(record):
        return None
    return FetchFailure(record["url"], _text_error(record))


def read_page(path: Path, *, fallback_date: str | None = None, meta: dict | None = None) -> Article | ArticleError:
    """The Article of a `.html` file: a cached page with its fetch record and saved text when the
    record is there, else a saved page read by `relgraph.sources.pages`. `meta` (a feed entry's title)
    fills what the page's sidecar does not say; `fallback_date` (a feed entry's date) dates a page
    that neither its metadata nor its text dates."""
    from relgraph.sources.pages import article_from_html, read_html_file

    record_path = _record_path(path)
    if not record_path.exists():
        return read_html_file(path)
    record = _load_record(record_path)
    if isinstance(record, ArticleError):
        return record
    html = _read_checked(path, record["html_sha256"], record["url"])
    if isinstance(html, ArticleError):
        return html
    if not record["text_sha256"]:
        return ArticleError(str(path), f"{record['url']}: {_text_error(record)}")
    text = _read_checked(_text_path(path), record["text_sha256"], record["url"])
    if isinstance(text, ArticleError):
        return text
    sidecar = read_sidecar(path)
    if isinstance(sidecar, ArticleError):
        return sidecar
    given = {**(meta or {}), **{k: v for k, v in sidecar.items() if v}}
    article = article_from_html(html, ident=slugify(path.stem), source=str(path), url=record["final_url"],
                                fetched_url=record["final_url"], fetched_at=record["fetched_at"],
                                fallback_date=fallback_date, meta=given)
    if isinstance(article, ArticleError):
        return article
    return _with_saved_text(article, text.decode("utf-8"), record["text_extractor"])


def _with_saved_text(article: Article, text: str, extractor: str) -> Article | ArticleError:
    """`article` over the saved text: offsets must point into the text the cache shows, even when
    today's extractor cuts the page differently from the one that fetched it."""
    if article.raw_text == text:
        return article
    meta = {"title": article.title, "published": article.published, "publisher": article.publisher,
            "url": article.url}
    remade = make_article(article.id, article.source, text, meta)
    if isinstance(remade, ArticleError):
        return remade
    return replace(remade, author=article.author, fetched_url=article.fetched_url,
                   fetched_at=article.fetched_at, text_extractor=extractor)


def _text_error(record: dict) -> str:
    return str(record.get("text_error") or "no main text found in the page")


def _record_path(html_path: Path) -> Path:
    return html_path.with_name(html_path.stem + RECORD_SUFFIX)


def _text_path(html_path: Path) -> Path:
    return html_path.with_name(html_path.stem + TEXT_SUFFIX)


def _load_record(path: Path) -> dict | ArticleError:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ArticleError(str(path), "no fetch record")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return ArticleError(str(path), f"unreadable fetch record ({exc})")
    if not isinstance(record, dict) or (missing := [k for k in RECORD_KEYS if k not in record]):
        detail = f"missing {', '.join(missing)}" if isinstance(record, dict) else "not a JSON object"
        return ArticleError(str(path), f"malformed fetch record ({detail})")
    return record


def _read_checked(path: Path, sha256: str, url: str) -> bytes | ArticleError:
    """The bytes of a cached file, refused if they are not what was fetched (edited or cut off)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ArticleError(str(path), f"cannot read the cached copy of {url} ({exc.strerror or exc})")
    if hashlib.sha256(data).hexdigest() != sha256:
        return ArticleError(str(path), f"changed since {url} was fetched (its sha256 differs from the fetch "
                                       "record); fetch it again with --refresh")
    return data


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file, so no reader sees a half-written file."""
    tmp = path.with_name(f".{path.name}.part-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)
