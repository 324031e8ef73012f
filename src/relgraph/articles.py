"""Reading articles: `.txt` files (with optional `<stem>.meta.json` sidecars), `.jsonl` files, saved or
fetched web pages (`.html`, `.htm`: `relgraph.sources.pages`, `.page_cache`), feeds (`.rss`, `.atom`,
`.xml`: `.feeds`) and web archives (`.warc`, `.warc.gz`: `.warc`).

`iter_articles` never raises for bad input: every unreadable file or record becomes an `ArticleError`
naming the file (and line), and the other files and lines still yield articles. Reading files and
their metadata is `relgraph.article_files`; page furniture is `relgraph.furniture`.

Each `Article` carries the raw text as read and the news `text` with page furniture stripped
(rules in data/patterns/furniture.json). `text` is made only of characters copied from `raw_text`,
so `Article.raw_offset` maps any offset in `text` back to the same character in `raw_text`.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from relgraph.article_files import (
    ArticleError, check_fields, FEED_SUFFIXES, HTML_SUFFIXES, list_files, read_article_text, read_sidecar,
    SIDECAR_SUFFIX, WARC_SUFFIXES,
)
from relgraph.dates import (
    Dateline, dateline, detect_month_day, detect_published, normalize_date, refine_with_month_day,
)
from relgraph.sources.language import detect_language
from relgraph.furniture import (
    FurnitureRules, Segment, furniture_loss, load_furniture_rules, strip_furniture, stripped_lines,
)

__all__ = [
    "Article", "ArticleError", "Dateline", "FurnitureRules", "dateline", "derive_title", "furniture_loss",
    "iter_articles", "load_furniture_rules", "make_article", "read_article_text", "slugify", "strip_furniture", "stripped_lines",
]

TITLE_MAX_CHARS = 150


@dataclass(frozen=True)
class Article:
    id: str                 # safe slug [A-Za-z0-9._-]: file stem for .txt, the 'id' field for .jsonl
    source: str             # "path" or "path:LINE" for jsonl
    title: str | None
    published: str | None   # ISO at the precision known: YYYY-MM-DD | YYYY-MM | YYYY
    publisher: str | None
    url: str | None
    raw_text: str           # text as read (BOM dropped)
    text: str               # the news body: furniture stripped, line ends normalised to "\n"
    sha256: str             # hex digest of raw_text (utf-8)
    # (clean_start, raw_start, length) runs copied from raw_text into text; empty means text == raw_text.
    segments: tuple[Segment, ...] = field(default=(), repr=False, compare=False)
    # Provenance of articles read from web pages (None for .txt and .jsonl): the page's author, the
    # URL fetched and when, and the main-text extractor that made raw_text from the page.
    author: str | None = None
    fetched_url: str | None = None
    fetched_at: str | None = None        # ISO 8601 UTC
    text_extractor: str | None = None    # e.g. "trafilatura 2.3.1"
    language: str | None = None          # ISO 639 code ("en", "ar"; py3langid's), None when undecided

    def raw_offset(self, i: int) -> int:
        """Offset in `raw_text` of the character at offset `i` of `text`.

        `i == len(text)` maps to just after the last copied character, so span ends can be mapped too
        (but for a span [s, e) prefer `raw_offset(e - 1) + 1`, which never lands after dropped furniture)."""
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside text of length {len(self.text)}")
        if not self.segments:
            return i
        if i == len(self.text):
            clean, raw, length = self.segments[-1]
            return raw + length
        k = bisect_right(self.segments, i, key=lambda seg: seg[0]) - 1
        clean, raw, _length = self.segments[k]
        return raw + (i - clean)



# ---------------------------------------------------------------- public entry point

def iter_articles(paths: Iterable[str | Path], *, fetch_link=None,
                  warc_counts=None) -> Iterator[Article | ArticleError]:
    """Articles from files and directories (searched recursively, in sorted order, for every input
    kind; hidden files and *.meta.json sidecars are skipped; dangling links and link loops are errors).
    `fetch_link(url)` reads the pages that feed entries only link to (`relgraph.sources.feeds`; without
    it such an entry is an error naming it); `warc_counts` (a `relgraph.sources.warc.WarcCounts`)
    adds up what the web archives held.

    Bad input yields an ArticleError, never an exception."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = list_files(path)
        elif path.exists():
            files = [path]
        elif path.is_symlink():
            files = [ArticleError(str(path), "dangling symbolic link")]
        else:
            yield ArticleError(str(path), "no such file or directory")
            continue
        for file in files:
            if isinstance(file, ArticleError):
                yield file
            else:
                yield from _read_file(file, fetch_link, warc_counts)


def _read_file(path: Path, fetch_link=None, warc_counts=None) -> Iterator[Article | ArticleError]:
    if path.name.endswith(SIDECAR_SUFFIX):
        yield ArticleError(str(path), "a sidecar metadata file, not an article (give the .txt file)")
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        from relgraph.sources.page_cache import read_page  # trafilatura loads only when a page is read

        yield read_page(path)   # a fetched page with its fetch record, else a saved page
        return
    if path.name.lower().endswith(FEED_SUFFIXES):
        from relgraph.sources.feeds import read_feed  # feedparser loads only when a feed is read

        yield from read_feed(path, fetch=fetch_link)
        return
    if path.name.lower().endswith(WARC_SUFFIXES):
        from relgraph.sources.warc import read_warc  # warcio loads only when an archive is read

        yield from read_warc(path, warc_counts)
        return
    raw = read_article_text(path)
    if isinstance(raw, ArticleError):
        yield raw
    elif path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, raw)
    else:
        yield _read_txt(path, raw)


# ---------------------------------------------------------------- .txt with sidecar

def _read_txt(path: Path, raw: str) -> Article | ArticleError:
    meta = read_sidecar(path)
    if isinstance(meta, ArticleError):
        return meta
    return make_article(slugify(path.stem), str(path), raw, meta)


# ---------------------------------------------------------------- .jsonl

def _read_jsonl(path: Path, raw: str) -> Iterator[Article | ArticleError]:
    # split("\n"), not splitlines(): U+2028 and friends may legally occur inside JSON strings.
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ArticleError(where, f"malformed JSON: {e.msg} (column {e.colno})")
            continue
        yield _jsonl_record(record, where, default_id=f"{path.stem}-{lineno}")


def _jsonl_record(record, where: str, default_id: str) -> Article | ArticleError:
    if not isinstance(record, dict):
        return ArticleError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return ArticleError(where, "missing field 'text'")
    if not isinstance(text, str):
        return ArticleError(where, f"field 'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        return ArticleError(where, "empty text")
    fields_ = check_fields(record, ("title", "published", "source", "publisher", "url"), where)
    if isinstance(fields_, ArticleError):
        return fields_
    raw_id = record.get("id")
    ident = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else default_id
    meta = {
        "title": fields_["title"],
        # An unparseable metadata date ('3 hours ago') is not fatal: the text may still date the article.
        "published": normalize_date(fields_["published"]),
        "publisher": fields_["source"] or fields_["publisher"],
        "url": fields_["url"],
    }
    return make_article(slugify(ident), where, text.removeprefix("\ufeff"), meta)


# ---------------------------------------------------------------- building an Article

def make_article(ident: str, source: str, raw: str, meta: dict, fallback_date: str | None = None,
                 declared_language: str | None = None) -> Article | ArticleError:
    """The Article of the text `raw` with metadata `meta` (title, published, publisher, url; each
    may be missing). The date is the metadata's, else the text's, else `fallback_date`. The
    language is detected from the news text (`declared_language`, a page's, is only a hint)."""
    text, segments = strip_furniture(raw)
    if not text.strip():
        return ArticleError(source, "no news text left after removing page furniture")
    published = meta.get("published") or detect_published(raw) or normalize_date(fallback_date or "")
    # A year-less dateline ('Apr 7 (efe-epa)') sharpens a coarse metadata date ('2021' or '2021-04').
    published = refine_with_month_day(published, detect_month_day(raw))
    return Article(
        id=ident, source=source, title=meta.get("title") or derive_title(text), published=published,
        publisher=meta.get("publisher"), url=meta.get("url"), raw_text=raw, text=text,
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(), segments=tuple(segments),
        language=detect_language(text, declared_language),
    )


def derive_title(text: str) -> str | None:
    """The first line of the news text; if that is a whole paragraph, its first sentence (dateline
    removed), cut to TITLE_MAX_CHARS at a word boundary."""
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), None)
    if first is None:
        return None
    if (dl := dateline(first, max_lines=1)) is not None:
        first = first[dl.end:].strip() or first
    if len(first) > TITLE_MAX_CHARS or re.search(r"[.!?][\"”’']?$", first):
        sentence = re.match(r"(.+?[.!?])(?=\s+[A-Z\"“‘]|$)", first)
        first = (sentence.group(1) if sentence else first).rstrip(".")
    if len(first) > TITLE_MAX_CHARS:
        first = first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first


def slugify(value: str) -> str:
    """`value` if it is already a safe id ([A-Za-z0-9._-], not starting with '.'); otherwise an ASCII slug
    plus a short hash of the original, so that different ids never collide after slugification."""
    if re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}", value):
        return value
    ascii_ = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_).strip("-.")[:80]
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}" if base else digest
