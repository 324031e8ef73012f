"""One web page -> one Article: the main text and metadata read by trafilatura.

trafilatura finds the story among navigation, related-story boxes, comments and footers, and reads
the page's metadata (JSON-LD `NewsArticle`, OpenGraph, `<meta>` tags; dates through htmldate). The
text it returns is the article's `raw_text`: every evidence offset points into it, and its sha256
is the article's `sha256`, so a user can check an offset against the saved text. What the page's
metadata says (title, date, publisher, canonical URL) beats what the text rules would guess.
"""
from __future__ import annotations

from dataclasses import replace
from importlib.metadata import version
from pathlib import Path

import trafilatura

from relgraph.article_files import read_sidecar
from relgraph.articles import Article, ArticleError, make_article
from relgraph.dates import normalize_date

# A page larger than this is refused before parsing: no news page comes near it, and parsing a
# huge document costs memory in proportion.
MAX_PAGE_BYTES = 16 * 1024 * 1024


def text_extractor() -> str:
    """Name and version of the main-text extractor, recorded with every article read from a page."""
    return f"trafilatura {version('trafilatura')}"


def article_from_html(html: bytes | str, *, ident: str, source: str, url: str | None = None,
                      fetched_url: str | None = None, fetched_at: str | None = None,
                      fallback_date: str | None = None, meta: dict | None = None) -> Article | ArticleError:
    """The Article of one HTML page, or an ArticleError naming `source` when the page has no main text.

    `url` is where the page was found (a fetched URL, a WARC target URI); the page's canonical URL,
    when it declares one, is the article's `url`. `fallback_date` (a WARC date, a feed entry's date)
    is used only when neither the page's metadata nor its text dates it. `meta` (a sidecar's fields)
    beats everything the page says."""
    size = len(html)
    if size > MAX_PAGE_BYTES:
        return ArticleError(source, f"page of {size:,} bytes is larger than the {MAX_PAGE_BYTES:,} bytes "
                                    "relgraph reads from one page")
    if not (html.strip() if isinstance(html, str) else html.strip()):
        return ArticleError(source, "empty page")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    except (ValueError, TypeError) as exc:      # trafilatura's own complaint about unreadable input
        return ArticleError(source, f"cannot read the page as HTML ({exc})")
    text = (doc.text if doc is not None else None) or ""
    if not text.strip():
        return ArticleError(source, "no main text found in the page")
    page_meta = {
        "title": doc.title,
        "published": normalize_date(doc.date) if doc.date else None,
        "publisher": doc.sitename,
        "url": doc.url or url,
    }
    given = {k: v for k, v in (meta or {}).items() if v}
    merged = {**{k: v for k, v in page_meta.items() if v}, **given}
    article = make_article(ident, source, text, merged, fallback_date=fallback_date)
    if isinstance(article, ArticleError):
        return article
    return replace(article, author=doc.author or None, fetched_url=fetched_url, fetched_at=fetched_at,
                   text_extractor=text_extractor())


def read_html_file(path: Path) -> Article | ArticleError:
    """A saved web page (`.html`/`.htm`), with its `<stem>.meta.json` sidecar when there is one."""
    from relgraph.articles import slugify

    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return ArticleError(str(path), f"page of {size:,} bytes is larger than the {MAX_PAGE_BYTES:,} "
                                           "bytes relgraph reads from one page")
        data = path.read_bytes()
    except OSError as exc:
        return ArticleError(str(path), f"cannot read ({exc.strerror or exc})")
    meta = read_sidecar(path)
    if isinstance(meta, ArticleError):
        return meta
    return article_from_html(data, ident=slugify(path.stem), source=str(path), meta=meta)
