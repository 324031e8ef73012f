"""RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom feeds -> articles, read with feedparser.

An entry that carries the whole story becomes an Article at once: its content is read by
`article_from_html`, with the entry's title, date and link (and the feed's title as publisher) as
metadata, which beats anything the text rules would guess. An entry that only points at its story
is a `FeedLink`, a URL for a fetcher; `feed_articles` turns those into Articles with any
`fetch(url)` callable, so the real fetcher (and a test's local server) plug in the same way. A
build's fetcher (`relgraph.sources.urls.LinkFetcher`) returns the page's path in the page cache,
read with its fetch record and saved text, so rebuilding a feed reads its linked pages offline.

Full story or teaser: a feed's `content:encoded` / `atom:content` (and, when the entry has no
content element, its `description` / `atom:summary`, where many RSS 2.0 feeds put the whole story)
counts as the story when its text has at least FULL_STORY_MIN_WORDS words. Teasers and summaries
are one to three sentences (20-80 words); the shortest wire briefs are longer than 120. An entry
with a shorter text and no link is still read from that text: it is all the story there is.

Each entry's article id comes from its id/guid, else its link, else its title and text, so
building a newer version of the same feed re-reads old entries under the same ids and the build
skips them as unchanged (same id, same sha256).
"""
from __future__ import annotations

import hashlib
import io
import time
import xml.sax
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html

from relgraph.articles import Article, ArticleError, slugify
from relgraph.dates import normalize_date
from relgraph.sources.pages import article_from_html

FULL_STORY_MIN_WORDS = 120
# A feed is parsed whole; the largest real feeds (full-content, hundreds of entries) are a few MB.
MAX_FEED_BYTES = 64 * 1024 * 1024
# Local names of the root elements of RSS 2.0/0.9x (`rss`), RSS 0.90/1.0 (`rdf:RDF`) and Atom (`feed`).
FEED_ROOTS = {"rss", "RDF", "feed"}

# What a fetcher returns for one URL: the page's bytes (or text), a cached page's path, or an error
# saying why not.
FetchResult = bytes | str | Path | ArticleError | Exception
Fetch = Callable[[str], FetchResult]


@dataclass(frozen=True)
class FeedLink:
    """A feed entry without its story: the page at `url` is the article."""
    url: str
    title: str | None
    published: str | None    # the entry's date (ISO), the fallback date of the fetched page
    source: str              # "<feed>, entry N"
    id: str                  # the stable article id (from the entry's id/guid, else its link)


FeedItem = Article | FeedLink | ArticleError


# ---------------------------------------------------------------- reading a feed

def feed_items(feed: str | Path | bytes, source: str | None = None) -> Iterator[FeedItem]:
    """The entries of a feed file (a path) or a fetched feed (bytes; `source` names it, e.g. its URL),
    in feed order: an Article per entry that carries its story, a FeedLink per entry that only
    links to it, an ArticleError per bad entry (naming the feed and entry number). A feed that is
    not XML, or not a feed, is one ArticleError naming it."""
    if isinstance(feed, bytes):
        data, where = feed, source or "feed"
    else:
        where = source or str(feed)
        data = _read_feed_file(Path(feed), where)
        if isinstance(data, ArticleError):
            yield data
            return
    parsed = feedparser.parse(data)
    problem = _not_a_feed(parsed, data)
    if problem:
        yield ArticleError(where, problem)
        return
    damage = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if _is_xml_error(damage) and not _harmless(damage):
        # feedparser's lenient parser still reads the entries before the damage: keep them.
        yield ArticleError(where, f"malformed XML ({damage}); the entries before it are read")
    publisher = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield entry_item(entry, f"{where}, entry {number}", publisher)


def _read_feed_file(path: Path, where: str) -> bytes | ArticleError:
    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            return ArticleError(where, f"feed of {size:,} bytes is larger than the {MAX_FEED_BYTES:,} bytes "
                                       "relgraph reads from one feed")
        return path.read_bytes()
    except OSError as exc:
        return ArticleError(where, f"cannot read ({exc.strerror or exc})")


def _not_a_feed(parsed, data: bytes) -> str | None:
    if parsed.get("version"):
        return None
    if not data.strip():
        return "empty file, not a feed"
    error = parsed.get("bozo_exception")
    if parsed.get("bozo") and _is_xml_error(error):
        return f"not a feed: not XML ({error})"
    root = _root_name(io.BytesIO(data))
    return f"not a feed: XML whose root element is <{root}>, not <rss>, <rdf:RDF> or <feed>" if root \
        else "not a feed: no RSS or Atom root element"


def _is_xml_error(error) -> bool:
    return isinstance(error, xml.sax.SAXException)


def _harmless(error: xml.sax.SAXException) -> bool:
    """HTML entities (`&nbsp;`) are not XML, but common in feeds: feedparser's lenient parser reads
    them and loses nothing, so they are not reported."""
    return error.getMessage() == "undefined entity"


def _root_name(stream) -> str | None:
    """Local name of the first element of the XML in `stream` (read only as far as that element)."""
    try:
        for _event, element in lxml.etree.iterparse(stream, events=("start",), recover=True):
            return lxml.etree.QName(element).localname
    except lxml.etree.LxmlError:
        return None
    return None


def is_feed_bytes(data: bytes) -> bool:
    """Whether `data` is XML with a feed's root element (a fetched body served as XML)."""
    return _root_name(io.BytesIO(data)) in FEED_ROOTS


def is_feed_file(path: Path) -> bool:
    """Whether the XML file `path` has a feed's root element (for `.xml` files met in a folder,
    which may be sitemaps or anything else)."""
    try:
        with path.open("rb") as handle:
            return _root_name(handle) in FEED_ROOTS
    except OSError:
        return False


# ---------------------------------------------------------------- one entry

def entry_item(entry, source: str, publisher: str | None = None) -> FeedItem:
    """The Article, FeedLink or ArticleError of one parsed feedparser entry."""
    link = (entry.get("link") or "").strip() or None
    title = (entry.get("title") or "").strip() or None
    published = entry_date(entry)
    story = _story_html(entry)
    ident = _entry_id(entry, link, title, story)
    if story is not None and (not link or _word_count(story) >= FULL_STORY_MIN_WORDS):
        meta = {"title": title, "published": published, "publisher": publisher, "url": link}
        return article_from_html(_as_page(story, title), ident=ident, source=source, url=link, meta=meta)
    if link:
        return FeedLink(url=link, title=title, published=published, source=source, id=ident)
    return ArticleError(source, "entry has neither a link nor any content")


def entry_date(entry) -> str | None:
    """The entry's publication (else update) date as an ISO date, or None."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
        if entry.get(key) and (date := normalize_date(entry[key])):
            return date
    return None


def _story_html(entry) -> str | None:
    """The entry's longest content element, else its summary; None when both are empty."""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    candidates = [c for c in contents if c.strip()] or [entry.get("summary") or ""]
    best = max(candidates, key=len)
    return best if _word_count(best) else None


def _word_count(html: str) -> int:
    if not html.strip():
        return 0
    try:
        text = lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (lxml.etree.LxmlError, ValueError):
        text = html
    return len(text.split())


def _as_page(story: str, title: str | None) -> str:
    """The entry's story as a page for the main-text extractor (which reads documents, not fragments)."""
    from html import escape

    return (f"<html><head><title>{escape(title or '')}</title></head>"
            f"<body><article>{story}</article></body></html>")


def _entry_id(entry, link: str | None, title: str | None, story: str | None) -> str:
    key = (entry.get("id") or "").strip() or link
    if not key:
        key = "entry-" + hashlib.sha1(f"{title}\n{story}".encode("utf-8")).hexdigest()[:16]
    return slugify(key)


# ---------------------------------------------------------------- fetching linked entries

def feed_articles(items: Iterable[FeedItem], fetch: Fetch | None) -> Iterator[Article | ArticleError]:
    """Articles and errors of a feed's items, each FeedLink's page fetched with `fetch(url)` (which
    returns the page's bytes, or an ArticleError/exception saying why not). Without a fetcher a
    FeedLink is an error naming its entry and URL; the other entries are still read."""
    for item in items:
        if not isinstance(item, FeedLink):
            yield item
        elif fetch is None:
            yield ArticleError(item.source, f"entry carries only a link ({item.url}) and no fetcher is "
                                            "configured to read it")
        else:
            yield linked_article(item, fetch)


def linked_article(link: FeedLink, fetch: Fetch) -> Article | ArticleError:
    """The Article of the page a FeedLink points at; the entry's title is its title, the entry's date
    its fallback date."""
    where = f"{link.source} ({link.url})"
    try:
        page = fetch(link.url)
    except Exception as exc:  # noqa: BLE001 - any fetcher failure is one bad entry, never the feed's end
        return ArticleError(where, f"cannot fetch: {exc}")
    if isinstance(page, ArticleError):
        return ArticleError(where, page.message)
    if isinstance(page, Exception):
        return ArticleError(where, f"cannot fetch: {page}")
    if isinstance(page, Path):
        from relgraph.sources.page_cache import read_page

        article = read_page(page, fallback_date=link.published, meta={"title": link.title})
        if isinstance(article, ArticleError):
            return ArticleError(where, article.message)
        return replace(article, id=link.id, source=where)
    fetched_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return article_from_html(page, ident=link.id, source=where, url=link.url, fetched_url=link.url,
                             fetched_at=fetched_at, fallback_date=link.published,
                             meta={"title": link.title})


def read_feed(feed: str | Path | bytes, source: str | None = None,
              fetch: Fetch | None = None) -> Iterator[Article | ArticleError]:
    """Every article of a feed (file or bytes), linked entries fetched with `fetch` when given."""
    return feed_articles(feed_items(feed, source), fetch)
