"""Feeds in builds: a feed file whose entries only link to their stories, and a feed URL, built from a
real server on 127.0.0.1. The linked pages go into the page cache, so the same build again reads
them without the server; a feed URL is fetched again on every build (its new entries are the point)
and read from the cache when the server is gone."""
from __future__ import annotations

import html
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from relgraph.build import build
from relgraph.settings import Settings
from relgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "articles").glob("*.txt"))

PAGE = """<html lang="en"><head><title>{title} | Harbour Times</title>
<meta property="article:published_time" content="2023-05-0{day}T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>{title}</h1>{story}</article>
<aside><h3>Most read</h3><ul><li><a href="/m1">Ferry timetable changes this weekend</a></li></ul></aside>
<footer>Harbour Times Ltd. All rights reserved.</footer></body></html>"""


def story_html(path: Path) -> str:
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()][1:]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def feed_xml(site: str, names: list[str]) -> str:
    items = "".join(
        f"<item><title>Entry {name}</title><link>{site}/story/{name}</link><guid>{name}</guid>"
        f"<pubDate>Wed, 14 Jun 2023 08:00:00 GMT</pubDate><description>One teaser line.</description></item>"
        for name in names)
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Times</title>'
            f"<link>{site}/</link><description>News</description>{items}</channel></rss>")


class Site:
    """A news site on 127.0.0.1: /feed.xml lists `entries`, /story/<n> are their pages; counts requests."""

    def __init__(self):
        self.entries = ["s0", "s1"]
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                body, kind = site.answer(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", kind)
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, path: str) -> tuple[str | None, str]:
        if path == "/feed.xml":
            return feed_xml(self.url, self.entries), "application/rss+xml; charset=utf-8"
        if path.startswith("/story/s") and path[8:].isdigit() and int(path[8:]) < len(SAMPLES):
            number = int(path[8:])
            return PAGE.format(title=f"Story {number}", day=number + 1,
                               story=story_html(SAMPLES[number])), "text/html; charset=utf-8"
        return None, "text/plain"

    def stop(self):
        if self.server is None:
            return
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
        self.server = None


@pytest.fixture()
def site():
    running = Site()
    yield running
    running.stop()


def settings_for(tmp_path: Path, name: str = "store") -> Settings:
    return Settings.load(store=tmp_path / name, page_cache_dir=tmp_path / "pages", fetch_min_delay_s=0.0,
                         fetch_retries=0, fetch_deadline_s=10.0)


def nquads(store_path: Path) -> set[str]:
    out = io.BytesIO()
    open_store(store_path).dump(out, "nquads")
    return set(out.getvalue().decode().splitlines())


def article_titles(store_path: Path) -> set[str]:
    rows = open_store(store_path).query(
        "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?t WHERE { ?a dcterms:title ?t }")
    return {row[0].value for row in rows}


def test_a_feed_files_linked_entries_are_fetched_into_the_cache_and_rebuilt_offline(tmp_path, site):
    feed = tmp_path / "harbour.rss"
    feed.write_text(feed_xml(site.url, ["s0", "s1", "s9"]), encoding="utf-8")
    first = build([feed], settings_for(tmp_path))
    assert (first.read, first.extracted, first.fetched) == (2, 2, 2)
    [missing] = first.errors                                   # s9 is a 404: named with entry and URL
    assert f"{feed}, entry 3 ({site.url}/story/s9)" in missing and "404" in missing
    assert len(list((tmp_path / "pages").glob("*.html"))) == 2
    site.stop()                                                # no server any more
    again = build([feed], settings_for(tmp_path, "store2"))
    assert (again.read, again.extracted, again.fetched, again.fetched_from_cache) == (2, 2, 0, 2)
    assert nquads(tmp_path / "store2") == nquads(tmp_path / "store")


def test_a_feed_url_is_read_as_a_feed_and_fetched_again_for_its_new_entries(tmp_path, site):
    settings = settings_for(tmp_path)
    first = build([f"{site.url}/feed.xml"], settings)
    assert first.ok, first.errors
    assert (first.read, first.extracted) == (2, 2)
    assert list((tmp_path / "pages").glob("*.xml")), "the feed is kept in the page cache"
    assert {"Entry s0", "Entry s1"} <= article_titles(tmp_path / "store")                 # the entry's title is the metadata
    site.entries = ["s2", "s0", "s1"]                          # a new entry on top
    requests_before = len(site.requests)
    second = build([f"{site.url}/feed.xml"], settings)
    assert second.ok, second.errors
    assert (second.read, second.extracted, second.unchanged) == (3, 1, 2)
    assert site.requests[requests_before:].count("/feed.xml") == 1      # the feed again, its old pages not
    assert "/story/s0" not in site.requests[requests_before:]


def test_a_feed_url_the_server_no_longer_serves_is_read_from_the_cache_with_a_warning(tmp_path, site):
    settings = settings_for(tmp_path)
    url = f"{site.url}/feed.xml"
    assert build([url], settings).ok
    site.entries = []
    site.answer = lambda path: (None, "text/plain")            # everything 404 from now on
    again = build([url], settings)
    assert again.ok, again.errors
    assert (again.read, again.unchanged) == (2, 2)
    assert any(url in w and "page cache" in w for w in again.warnings), again.warnings


def test_a_url_serving_xml_that_is_neither_a_feed_nor_a_page_is_an_error_naming_it(tmp_path, site):
    site.answer = lambda path: ("<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>",
                                "application/xml")
    report = build([f"{site.url}/sitemap.xml"], settings_for(tmp_path))
    [error] = report.errors
    assert error.startswith(f"{site.url}/sitemap.xml: ") and "neither a feed" in error
    assert report.read == 0
