"""One web page -> one Article: the main text and metadata read by trafilatura.

trafilatura finds the story among navigation, related-story boxes, comments and footers, and reads
the page's metadata (JSON-LD `NewsArticle`, OpenGraph, `<meta>` tags; dates through htmldate). The
text it returns, one paragraph per line, is given a blank line between paragraphs and the page's
headline as its first paragraph (the shape of a `.txt` article, which the furniture rules, the
long-text splitter and the headline rules rely on) and becomes the
article's `raw_text`: every evidence offset points into it, and its sha256 is the article's
`sha256`, so a user can check an offset against the saved text. What the page's metadata says
(title, date, publisher, canonical URL) beats what the text rules would guess.

trafilatura options, tuned on tests/fixtures/pages: `favor_precision` (furniture must never reach
extraction; on those pages it keeps every story paragraph, and on a page of links and headings it
finds no story instead of returning the links); comments and tables off (a comment is not the
publisher's news; tables in news pages are results and schedules, not sentences); `deduplicate`
off (a repeated sentence in a story is still the story's).
"""
from __future__ import annotations

from dataclasses import replace
from importlib.metadata import version
from pathlib import Path

import trafilatura

from relgraph.article_files import read_sidecar
from relgraph.articles import Article, ArticleError, make_article, slugify
from relgraph.dates import normalize_date

# A page larger than this is refused before parsing: no news page comes near it, and parsing a
# huge document costs memory in proportion.
MAX_PAGE_BYTES = 16 * 1024 * 1024
# A main text without one line of this many words is headings and links, not a story.
MIN_STORY_LINE_WORDS = 8
# A page that repeats its headline does so within its first paragraphs.
HEADLINE_WITHIN = 3
EXTRACTION_OPTIONS = {"favor_precision": True, "include_comments": False, "include_tables": False,
                      "deduplicate": False}
_GZIP_MAGIC = b"\x1f\x8b"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def text_extractor() -> str:
    """Name and version of the main-text extractor, recorded with every article read from a page."""
    return f"trafilatura {version('trafilatura')}"


def article_from_html(html: bytes | str, *, ident: str, source: str, url: str | None = None,
                      fetched_url: str | None = None, fetched_at: str | None = None,
                      fallback_date: str | None = None, meta: dict | None = None) -> Article | ArticleError:
    """The Article of one HTML page, or an ArticleError naming `source` when the page has no main text.

    `html` as bytes is decoded as the page declares (`<meta charset>`, a byte-order mark), else
    detected. `url` is where the page was found (a fetched URL, a WARC target URI); the page's
    canonical URL, when it declares one, is the article's `url`. `fallback_date` (a WARC date, a feed
    entry's date) is used only when neither the page's metadata nor its text dates it. `meta` (a
    sidecar's fields) beats everything the page says."""
    problem = _unreadable(html)
    if problem:
        return ArticleError(source, problem)
    tree = trafilatura.load_html(html)
    if tree is None:
        return ArticleError(source, "cannot read the page as HTML")
    declared_language = _declared_language(tree)
    try:
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, **EXTRACTION_OPTIONS)
    except (ValueError, TypeError) as exc:      # trafilatura's own complaint about unreadable input
        return ArticleError(source, f"cannot read the page as HTML ({exc})")
    text = _paragraphs(doc.text if doc is not None else None)
    if not _has_story(text):
        return ArticleError(source, "no main text found in the page (only navigation, headings or links)")
    text = _with_headline(doc.title, text)
    page_meta = {
        "title": doc.title,
        "published": normalize_date(doc.date) if doc.date else None,
        "publisher": doc.sitename,
        "url": doc.url or url,
    }
    given = {k: v for k, v in (meta or {}).items() if v}
    merged = {**{k: v for k, v in page_meta.items() if v}, **given}
    article = make_article(ident, source, text, merged, fallback_date=fallback_date,
                           declared_language=declared_language)
    if isinstance(article, ArticleError):
        return article
    return replace(article, author=doc.author or None, fetched_url=fetched_url, fetched_at=fetched_at,
                   text_extractor=text_extractor())


def _unreadable(html: bytes | str) -> str | None:
    """Why `html` cannot be a web page at all (too large, empty, compressed, binary), else None."""
    size = len(html.encode("utf-8")) if isinstance(html, str) else len(html)
    if size > MAX_PAGE_BYTES:
        return _too_large(size)
    if not html.strip():
        return "empty page"
    if isinstance(html, str) or html.startswith(_UTF16_BOMS):
        return None
    if html.startswith(_GZIP_MAGIC):
        return "gzip-compressed data, not a web page (decompress it first)"
    sample = html[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v")
    if b"\x00" in sample or controls / len(sample) > 0.1:
        return "binary file, not a web page"
    return None


def _too_large(size: int) -> str:
    return f"page of {size:,} bytes is larger than the {MAX_PAGE_BYTES:,} bytes relgraph reads from one page"


def _declared_language(tree) -> str | None:
    """The page's `<html lang>` or `Content-Language` meta tag (a hint for language detection)."""
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        contents = tree.xpath("//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
                              " = 'content-language']/@content")
        declared = contents[0] if contents else None
    return declared or None


def _paragraphs(text: str | None) -> str:
    """trafilatura's lines as paragraphs separated by one blank line."""
    lines = (line.strip() for line in (text or "").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _with_headline(title: str | None, text: str) -> str:
    """The text with the page's headline as its first paragraph, as a `.txt` article has it: some
    pages repeat the headline above the story and some do not, and the rules read the headline
    (an agreement 'signed' in a headline is concluded) the same way whatever the page did."""
    if not title:
        return text
    headline = " ".join(title.split()).casefold()
    # A kicker or label line may stand above the repeated headline ('Press release | No. 41').
    first = text.split("\n\n", HEADLINE_WITHIN)[:HEADLINE_WITHIN]
    if any(" ".join(p.split()).casefold() == headline for p in first):
        return text
    return f"{title.strip()}\n\n{text}"


def _has_story(text: str) -> bool:
    return any(len(line.split()) >= MIN_STORY_LINE_WORDS for line in text.split("\n"))


def read_html_file(path: Path) -> Article | ArticleError:
    """A saved web page (`.html`/`.htm`), with its `<stem>.meta.json` sidecar when there is one."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:      # refused before it is read
            return ArticleError(str(path), _too_large(size))
        data = path.read_bytes()
    except OSError as exc:
        return ArticleError(str(path), f"cannot read ({exc.strerror or exc})")
    meta = read_sidecar(path)
    if isinstance(meta, ArticleError):
        return meta
    return article_from_html(data, ident=slugify(path.stem), source=str(path), meta=meta)
