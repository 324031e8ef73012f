"""Web archives (`.warc`, `.warc.gz`) -> articles, streamed record by record with warcio.

Every `response` record whose HTTP status is 200 and whose content type is HTML is a page: its
`WARC-Target-URI` is the URL it was fetched from (and its article id, so a page archived again is
the same article), its `WARC-Date` the fetch time and the fallback date when neither the page's
metadata nor its text dates it. Other records (request, metadata, revisit, warcinfo, resource),
other statuses and non-HTML responses are skipped and counted in a `WarcCounts`.

Only one record is held at a time: warcio reads the archive as a stream (each gzip member
decompressed as it comes), and a page's body is read up to `MAX_PAGE_BYTES` and then drained, so
a multi-GB archive is read in the memory of its largest page.

A record cut off (the file ends inside its body or inside its gzip member) is an error naming the
file, the record number and its offset; the records before it have been yielded already. A
damaged archive stops at the damage (a WARC has no index to resynchronise on).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from relgraph.articles import Article, ArticleError, slugify
from relgraph.sources.pages import MAX_PAGE_BYTES, article_from_html
from relgraph.sources.warc_counts import WarcCounts  # noqa: F401 - re-exported: the reader's counts

HTML_TYPES = ("text/html", "application/xhtml+xml")
DRAIN_BYTES = 1 << 16


@dataclass(frozen=True)
class _Page:
    uri: str
    date: str | None
    body: bytes
    charset: str | None


def read_warc(path: str | Path, counts: WarcCounts | None = None) -> Iterator[Article | ArticleError]:
    """The pages of the archive at `path`, one at a time, as Articles (or ArticleErrors naming the
    file, record number and offset); `counts`, when given, is filled in as the archive is read."""
    path = Path(path)
    counts = counts if counts is not None else WarcCounts()
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ArticleError(str(path), f"cannot read ({exc.strerror or exc})")
        return
    with handle:
        for number, offset, item in _records(handle, path, counts):
            if isinstance(item, ArticleError):
                yield item
                return
            where = f"{path}, record {number}"
            article = article_from_html(_decoded(item), ident=slugify(item.uri), source=where, url=item.uri,
                                        fetched_url=item.uri, fetched_at=item.date, fallback_date=item.date)
            if isinstance(article, ArticleError):
                article = ArticleError(f"{where} (offset {offset}, {item.uri})", article.message)
            else:
                counts.pages += 1
            yield article


def _records(handle, path: Path, counts: WarcCounts) -> Iterator[tuple[int, int, _Page | ArticleError]]:
    """(record number, offset, page or error) for the HTML pages of the archive; skipped records are
    counted; a cut-off or unreadable record is the last item."""
    size = path.stat().st_size
    archive = ArchiveIterator(handle)
    number, offset = 0, 0
    try:
        for record in archive:
            if record.format != "warc":   # warcio also reads the older ARC format, and text as ARC
                raise ArchiveLoadFailed(f"a record in {record.format.upper()} format")
            number, offset = number + 1, archive.offset
            counts.records += 1
            reason = _skip_reason(record)
            page = None if reason else _page(record)
            if _drain(record):
                yield number, offset, ArticleError(f"{path}, record {number} (offset {offset})",
                                                   "record cut off: the file ends inside its body")
                return
            if reason:
                counts.skipped[reason] += 1
            else:
                yield number, offset, page
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        if number == 0:
            yield 0, 0, ArticleError(str(path), f"not a WARC file ({_one_line(exc)})")
        else:
            where = f"{path}, record {number + 1} (offset {archive.offset})"
            yield number + 1, archive.offset, ArticleError(where, f"unreadable record ({_one_line(exc)})")
        return
    if number == 0 and size == 0:
        yield 0, 0, ArticleError(str(path), "empty file, not a WARC file")
        return
    if archive.offset < size:
        # warcio ends quietly when the last gzip member is cut before its WARC headers.
        yield number + 1, archive.offset, ArticleError(
            f"{path}, record {number + 1} (offset {archive.offset})",
            f"record cut off: the file ends {size - archive.offset:,} bytes into it")


def _skip_reason(record) -> str | None:
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    if record.http_headers is None:
        return "response without HTTP headers"
    status = record.http_headers.get_statuscode()
    if status != "200":
        return f"HTTP status {status}"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return "non-HTML response"
    return None


def _page(record) -> _Page:
    # One byte more than a page may have, so that article_from_html reports an oversized page.
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    content_type = record.http_headers.get_header("Content-Type") or ""
    charset = next((part.split("=", 1)[1].strip().strip('"') for part in content_type.split(";")[1:]
                    if part.strip().lower().startswith("charset=")), None)
    headers = record.rec_headers
    return _Page(headers.get_header("WARC-Target-URI") or "", headers.get_header("WARC-Date"), body, charset)


def _drain(record) -> bool:
    """Read the rest of the record's body; True when the file ended before its Content-Length."""
    raw = record.raw_stream
    while raw.read(DRAIN_BYTES):
        pass
    return getattr(raw, "limit", 0) > 0


def _decoded(page: _Page) -> bytes | str:
    """The body as text in its declared charset; as bytes (for the extractor to sniff) when the
    charset is missing or wrong."""
    if page.charset:
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return page.body


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"
