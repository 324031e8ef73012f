"""Web archives written here with warcio's WARCWriter: HTML responses are articles with their
target URI and WARC date, every other record is skipped and counted, a record cut off is an error
naming the file, record and offset after the pages before it, and reading stays in flat memory."""
from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from relgraph.articles import Article, ArticleError, iter_articles
from relgraph.build import build
from relgraph.settings import Settings
from relgraph.sources.pages import MAX_PAGE_BYTES
from relgraph.sources.warc import WarcCounts, read_warc

STATES = ["Russia", "Pakistan", "India", "China", "France", "Turkey", "Brazil", "Kenya", "Egypt", "Japan"]


def news_page(number: int, *, dated: bool = False, paragraphs: int = 5) -> str:
    """A news page with furniture around a story that differs from page to page."""
    a, b = STATES[number % len(STATES)], STATES[(number * 7 + 3) % len(STATES)]
    story = "".join(
        f"<p>The foreign ministers of {a} and {b} met for round {number}.{k} of their talks on trade, "
        f"energy and regional security, officials said, and agreed to meet again within {k + 2} months "
        f"to review progress on the {number * 13 % 97} projects both sides had listed.</p>"
        for k in range(paragraphs))
    head = '<meta property="article:published_time" content="2023-03-09">' if dated else ""
    return (f"<html><head><title>Talks {number} | Wire</title>{head}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/markets'>Markets</a></nav>"
            f"<article><h1>{a} and {b} hold talks, round {number}</h1>{story}</article>"
            "<aside><h3>Related</h3><a href='/r'>Stocks close higher</a></aside>"
            "<footer>Copyright Wire Media. All rights reserved.</footer></body></html>")


class Archive:
    """A WARC file being written with warcio's WARCWriter."""

    def __init__(self, path: Path, gzip: bool = True):
        self.path, self.handle = path, path.open("wb")
        self.writer = WARCWriter(self.handle, gzip=gzip)

    def response(self, uri: str, body: bytes | str, *, status: str = "200 OK",
                 content_type: str = "text/html; charset=utf-8", date: str = "2023-06-20T12:00:00Z") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        self.writer.write_record(self.writer.create_warc_record(
            uri, "response", payload=io.BytesIO(data), http_headers=http,
            warc_headers_dict={"WARC-Date": date}))

    def request(self, uri: str) -> None:
        http = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "wire.example")], is_http_request=True)
        self.writer.write_record(self.writer.create_warc_record(uri, "request", http_headers=http))

    def other(self, uri: str, kind: str) -> None:
        if kind == "revisit":
            record = self.writer.create_revisit_record(uri, digest="sha1:AAAA", refers_to_uri=uri,
                                                       refers_to_date="2023-06-01T00:00:00Z")
        elif kind == "warcinfo":
            record = self.writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"})
        else:
            record = self.writer.create_warc_record(uri, kind, payload=io.BytesIO(b'{"a": 1}'),
                                                    warc_content_type="application/json")
        self.writer.write_record(record)

    def close(self) -> Path:
        self.handle.close()
        return self.path


def pages_archive(path: Path, n: int, gzip: bool = True, stories: int | None = None) -> Path:
    """An archive of `n` pages at distinct URLs; with `stories`, their texts cycle through that many."""
    archive = Archive(path, gzip=gzip)
    for i in range(n):
        page = news_page(i % (stories or n), paragraphs=2 if stories else 5)
        archive.response(f"https://wire.example/{i}", page)
    return archive.close()


def test_html_responses_are_pages_and_every_other_record_is_skipped_and_counted(tmp_path):
    archive = Archive(tmp_path / "crawl.warc.gz")
    archive.other("", "warcinfo")
    archive.request("https://wire.example/a")
    archive.response("https://wire.example/a", news_page(1), date="2023-06-20T12:00:00Z")
    archive.response("https://wire.example/gone", news_page(2), status="404 Not Found")
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    archive.response("https://wire.example/logo.png", png, content_type="image/png")
    archive.other("https://wire.example/a", "revisit")
    archive.other("https://wire.example/a", "metadata")
    archive.response("https://wire.example/b", news_page(3, dated=True), date="2023-06-21T08:15:00Z")
    path = archive.close()
    counts = WarcCounts()
    first, second = list(read_warc(path, counts))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.url == first.fetched_url == "https://wire.example/a"
    assert first.fetched_at == "2023-06-20T12:00:00Z"
    assert first.published == "2023-06-20"                 # no date on the page: the WARC date
    assert second.published == "2023-03-09"                # the page's own date beats it
    assert first.id != second.id and "wire.example-a" in first.id
    assert first.source == f"{path}, record 3"
    assert "round 1.0 of their talks" in first.text
    assert "All rights reserved" not in first.text and "Stocks close higher" not in first.text
    assert counts.records == 8 and counts.pages == 2
    assert counts.skipped == {"warcinfo record": 1, "request record": 1, "HTTP status 404": 1,
                              "non-HTML response": 1, "revisit record": 1, "metadata record": 1}


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_and_warc_gz_files_in_a_folder_are_read(tmp_path, gzip):
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    pages_archive(tmp_path / name, 3, gzip=gzip)
    items = list(iter_articles([tmp_path]))
    assert [type(i) for i in items] == [Article] * 3
    assert [i.url for i in items] == [f"https://wire.example/{i}" for i in range(3)]


def test_a_page_in_its_declared_charset_is_decoded(tmp_path):
    archive = Archive(tmp_path / "latin.warc")
    page = news_page(4).replace("officials said", "officials in Z\u00fcrich said")
    archive.response("https://wire.example/z", page.encode("latin-1"),
                     content_type="text/html; charset=iso-8859-1")
    [article] = list(read_warc(archive.close()))
    assert isinstance(article, Article) and "officials in Z\u00fcrich said" in article.text


def cut(path: Path, keep: int) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[:keep])
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_a_record_cut_off_in_its_body_is_an_error_after_the_pages_before_it(tmp_path, gzip):
    path = pages_archive(tmp_path / ("c.warc.gz" if gzip else "c.warc"), 3, gzip=gzip)
    *pages, error = list(read_warc(cut(path, path.stat().st_size - 300)))
    assert [p.url for p in pages] == ["https://wire.example/0", "https://wire.example/1"]
    assert isinstance(error, ArticleError) and error.source.startswith(f"{path}, record 3 (offset ")
    assert "cut off" in error.message


def test_a_gzip_member_cut_before_its_headers_is_an_error_naming_its_record_and_offset(tmp_path):
    path = pages_archive(tmp_path / "c.warc.gz", 3)
    with path.open("rb") as handle:
        archive = ArchiveIterator(handle)
        offsets = [archive.offset for _record in archive]
    *pages, error = list(read_warc(cut(path, offsets[2] + 20)))     # 20 bytes into the third member
    assert len(pages) == 2 and all(isinstance(p, Article) for p in pages)
    assert error.source == f"{path}, record 3 (offset {offsets[2]})"
    assert "cut off" in error.message


def test_garbage_instead_of_a_record_is_an_error_and_the_pages_before_it_are_read(tmp_path):
    path = pages_archive(tmp_path / "g.warc", 2, gzip=False)
    with path.open("ab") as handle:
        handle.write(b"this is not a WARC record\r\n\r\n" * 3)
    *pages, error = list(read_warc(path))
    assert len(pages) == 2 and isinstance(error, ArticleError)
    assert error.source.startswith(f"{path}, record 3 (offset ")


@pytest.mark.parametrize("content, expected", [
    (b"hello, this is not an archive\n", "not a WARC file (a record in ARC format)"),
    (b"hello not a warc\n", "not a WARC file (Unknown archive format"),
    (bytes(range(256)) * 8, "not a WARC file"),
    (b"", "empty file, not a WARC file"),
])
def test_a_file_that_is_not_a_warc_is_one_error_naming_it(tmp_path, content, expected):
    path = tmp_path / "x.warc"
    path.write_bytes(content)
    [error] = list(iter_articles([path]))
    assert error == ArticleError(str(path), error.message) and error.message.startswith(expected)


def test_a_page_without_main_text_is_an_error_naming_its_record_and_uri(tmp_path):
    archive = Archive(tmp_path / "e.warc.gz")
    archive.response("https://wire.example/empty", 
                     "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    archive.response("https://wire.example/ok", news_page(5))
    error, page = list(read_warc(archive.close()))
    assert isinstance(error, ArticleError) and "https://wire.example/empty" in error.source
    assert "record 1" in error.source and isinstance(page, Article)


def peak_bytes_reading(path: Path) -> int:
    tracemalloc.reset_peak()
    pages = sum(1 for item in read_warc(path) if isinstance(item, Article))
    assert pages > 0
    return tracemalloc.get_traced_memory()[1]


@pytest.mark.slow
def test_reading_an_archive_takes_the_same_memory_for_500_and_2000_pages(tmp_path):
    """Peak traced memory of reading 2,000 pages stays within twice that of 500 pages. A reader that
    kept each page (its HTML, or its Article) would hold ~2 KB more per page: 4 MB against 1 MB, a
    ratio of 3 or more. What does grow is the extractor's own bounded caches (trafilatura's keyed by
    URL, 1,024 entries; htmldate's keyed by text and per-call options, 8,192 entries), ~200 bytes a
    page until they are full: a ratio of about 1.6 at these sizes, flat beyond ~8,000 pages."""
    # The texts cycle through 50 stories, read once first, so the text-keyed caches are full.
    small = pages_archive(tmp_path / "s.warc.gz", 500, stories=50)
    large = pages_archive(tmp_path / "l.warc.gz", 2000, stories=50)
    list(read_warc(pages_archive(tmp_path / "warm.warc.gz", 50, stories=50)))
    tracemalloc.start()
    try:
        small_peak = peak_bytes_reading(small)
        large_peak = peak_bytes_reading(large)
    finally:
        tracemalloc.stop()
    assert large_peak < 2 * small_peak, (small_peak, large_peak)


@pytest.mark.slow
def test_an_archive_builds_into_a_store(tmp_path):
    path = pages_archive(tmp_path / "crawl.warc.gz", 2)
    report = build([path], Settings.load(store=tmp_path / "store"))
    assert report.ok, report.errors
    assert (report.read, report.extracted) == (2, 2)


def gzip_bomb(megabytes: int) -> bytes:
    """An HTML body of `megabytes` MiB gzip-compressed (to about a thousandth), made in 1 MiB steps."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b"<html><body><p>")]
    parts += [packer.compress(b"a" * 2**20) for _ in range(megabytes)]
    return b"".join(parts) + packer.compress(b"</p></body></html>") + packer.flush()


def test_a_gzip_bomb_is_refused_after_reading_one_page_limit_and_the_next_page_is_read(tmp_path):
    archive = Archive(tmp_path / "bomb.warc.gz")
    bomb = gzip_bomb(20 * MAX_PAGE_BYTES // 2**20)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                            protocol="HTTP/1.1")
    archive.writer.write_record(archive.writer.create_warc_record(
        "https://wire.example/bomb", "response", payload=io.BytesIO(bomb), http_headers=http))
    archive.response("https://wire.example/ok", news_page(6))
    path = archive.close()
    tracemalloc.start()
    try:
        error, page = list(read_warc(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert path.stat().st_size < 2 * 2**20                     # 320 MiB of page in under 2 MiB
    assert isinstance(error, ArticleError) and "larger than" in error.message
    assert "record 1" in error.source and isinstance(page, Article)
    assert peak < 4 * MAX_PAGE_BYTES                           # the page was not inflated whole


def test_the_build_report_and_the_cli_summary_count_what_the_archives_held(tmp_path):
    from click.testing import CliRunner

    from relgraph.cli import cli

    archive = Archive(tmp_path / "crawl.warc.gz")
    archive.other("", "warcinfo")
    for name in ("a", "b"):
        archive.request(f"https://wire.example/{name}")
        archive.response(f"https://wire.example/{name}", news_page(ord(name)))
    archive.response("https://wire.example/gone", news_page(9), status="404 Not Found")
    path = archive.close()
    report = build([path], Settings.load(store=tmp_path / "store"))
    assert (report.warc.records, report.warc.pages) == (6, 2)
    assert report.warc.skipped == {"request record": 2, "warcinfo record": 1, "HTTP status 404": 1}
    result = CliRunner().invoke(cli, ["build", str(path), "--store", str(tmp_path / "store2")])
    assert result.exit_code == 0, result.output
    assert ("6 WARC record(s): 2 page(s) read; skipped 2 × request record, 1 × HTTP status 404, "
            "1 × warcinfo record") in result.output
