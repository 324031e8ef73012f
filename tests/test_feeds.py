"""Feeds: RSS 0.91, 1.0, 2.0 and Atom files written here, entries with their story read as articles,
linked entries fetched from a real server on 127.0.0.1, bad feeds and entries reported, and a
newer version of a feed adding only its new entries to a real store."""
from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from relgraph.articles import Article, ArticleError, iter_articles
from relgraph.build import build
from relgraph.settings import Settings
from relgraph.sources.feeds import (
    FULL_STORY_MIN_WORDS, FeedLink, feed_articles, feed_items, read_feed,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "articles").glob("*.txt"))


def story_html(path: Path) -> str:
    """A sample article's paragraphs (its headline line dropped) as HTML paragraphs."""
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()][1:]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def first_sentence(path: Path) -> str:
    """The first sentence of the sample's longest paragraph (a piece of the story, not of its furniture)."""
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return max(paragraphs, key=len).split(". ")[0]


def rss2_item(number: int, *, content: str | None = None, link: bool = True, guid: bool = True,
              description: str = "A short teaser.") -> str:
    parts = [f"<title>Story {number}</title>"]
    if link:
        parts.append(f"<link>https://news.example/{number}</link>")
    if guid:
        parts.append(f'<guid isPermaLink="false">news-example-{number}</guid>')
    parts.append(f"<pubDate>Tue, {10 + number:02d} Jun 2023 08:00:00 GMT</pubDate>")
    if description:
        parts.append(f"<description>{html.escape(description)}</description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


def rss2(items: list[str], title: str = "Example News") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{title}</title><link>https://news.example/</link>"
            "<description>News</description>" + "".join(items) + "</channel></rss>\n")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- each kind of feed ----------------------------------------------------------------------------

def test_rss2_entries_with_their_story_are_articles_with_the_entry_metadata(tmp_path):
    feed = write(tmp_path / "news.rss", rss2([rss2_item(1, content=story_html(SAMPLES[0]))]))
    [article] = list(read_feed(feed))
    assert isinstance(article, Article), article
    assert article.title == "Story 1" and article.published == "2023-06-11"
    assert article.publisher == "Example News" and article.url == "https://news.example/1"
    assert first_sentence(SAMPLES[0]) in article.text
    assert article.source == f"{feed}, entry 1" and article.id == "news-example-1"
    assert article.text_extractor.startswith("trafilatura")


def test_atom_entry_content_is_read_and_its_id_is_the_atom_id(tmp_path):
    story = html.escape(story_html(SAMPLES[1]))
    feed = write(tmp_path / "news.atom", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:feed</id>
<updated>2023-06-20T00:00:00Z</updated>
<entry><title>Atom story</title><id>tag:wire.example,2023:42</id>
<link rel="alternate" href="https://wire.example/42"/><published>2023-06-19T09:30:00Z</published>
<updated>2023-06-20T00:00:00Z</updated><summary>Teaser only.</summary>
<content type="html">{story}</content></entry></feed>""")
    [article] = list(read_feed(feed))
    assert isinstance(article, Article), article
    assert (article.title, article.published, article.publisher) == ("Atom story", "2023-06-19", "Atom Wire")
    assert article.url == "https://wire.example/42"
    assert first_sentence(SAMPLES[1]) in article.text
    assert article.id.startswith("tag-wire.example-2023-42-")      # slug of the Atom id, plus its hash


def test_rss1_rdf_entry_with_content_encoded(tmp_path):
    feed = write(tmp_path / "planet.xml", f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://rdf.example/"><title>RDF Daily</title><link>https://rdf.example/</link>
<description>d</description><items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/7"/></rdf:Seq></items>
</channel>
<item rdf:about="https://rdf.example/7"><title>RDF story</title><link>https://rdf.example/7</link>
<dc:date>2023-06-14</dc:date><content:encoded><![CDATA[{story_html(SAMPLES[2])}]]></content:encoded></item>
</rdf:RDF>""")
    [article] = list(iter_articles([feed]))
    assert isinstance(article, Article), article
    assert (article.title, article.published, article.publisher) == ("RDF story", "2023-06-14", "RDF Daily")
    assert first_sentence(SAMPLES[2]) in article.text


def test_rss091_entries_with_only_a_link_are_feed_links(tmp_path):
    feed = write(tmp_path / "old.rss", """<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old Times</title><link>https://old.example/</link>
<description>d</description><language>en</language>
<item><title>First</title><link>https://old.example/a</link><description>Teaser.</description></item>
<item><title>Second</title><link>https://old.example/b</link></item>
</channel></rss>""")
    items = list(feed_items(feed))
    assert items == [
        FeedLink("https://old.example/a", "First", None, f"{feed}, entry 1", items[0].id),
        FeedLink("https://old.example/b", "Second", None, f"{feed}, entry 2", items[1].id),
    ]
    assert items[0].id != items[1].id and "old.example-a" in items[0].id   # from the link: no guid


def test_a_teaser_is_a_link_and_a_story_of_the_minimum_length_is_read(tmp_path):
    sentence = "The foreign ministers of Russia and Pakistan met in Moscow to discuss trade and energy."
    words = sentence.split()
    short = " ".join((words * 20)[:FULL_STORY_MIN_WORDS - 1])
    long = " ".join((words * 20)[:FULL_STORY_MIN_WORDS])
    feed = write(tmp_path / "n.rss", rss2([rss2_item(1, content=f"<p>{short}</p>"),
                                           rss2_item(2, content=f"<p>{long}</p>")]))
    teaser, story = list(feed_items(feed))
    assert isinstance(teaser, FeedLink) and teaser.url == "https://news.example/1"
    assert isinstance(story, Article) and story.title == "Story 2"


def test_a_long_description_is_the_story_when_there_is_no_content_element(tmp_path):
    body = story_html(SAMPLES[3])
    feed = write(tmp_path / "n.rss", rss2([rss2_item(1, description=body)]))
    [article] = list(feed_items(feed))
    assert isinstance(article, Article) and first_sentence(SAMPLES[3]) in article.text


# -- bad feeds and entries ------------------------------------------------------------------------

@pytest.mark.parametrize("name, body, expected", [
    ("notxml.rss", "this is not XML at all, just words", "not a feed: not XML"),
    ("sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>',
     "root element is <urlset>"),
    ("page.atom", "<html><body><p>a web page</p></body></html>", "root element is <html>"),
    ("empty.rss", "   \n", "empty file"),
])
def test_a_file_that_is_not_a_feed_is_one_error_naming_it(tmp_path, name, body, expected):
    path = write(tmp_path / name, body)
    [error] = list(iter_articles([path]))
    assert isinstance(error, ArticleError) and error.source == str(path)
    assert expected in error.message


def test_a_bad_entry_names_the_feed_and_entry_number_and_the_others_still_ingest(tmp_path):
    feed = write(tmp_path / "n.rss", rss2([
        rss2_item(1, content=story_html(SAMPLES[0])),
        rss2_item(2, link=False, guid=False, description=""),
        rss2_item(3, content=story_html(SAMPLES[1])),
    ]))
    first, bad, third = list(read_feed(feed))
    assert isinstance(first, Article) and isinstance(third, Article)
    assert bad == ArticleError(f"{feed}, entry 2", "entry has neither a link nor any content")


def test_a_feed_cut_off_is_reported_and_its_whole_entries_still_ingest(tmp_path):
    text = rss2([rss2_item(1, content=story_html(SAMPLES[0])), rss2_item(2, content=story_html(SAMPLES[1]))])
    feed = write(tmp_path / "cut.rss", text[: text.index("<item><title>Story 2") + 30])
    items = list(read_feed(feed))
    assert isinstance(items[0], ArticleError) and items[0].source == str(feed)
    assert "malformed XML" in items[0].message
    assert any(isinstance(i, Article) and i.title == "Story 1" for i in items[1:])


def test_html_entities_in_a_feed_are_read_without_an_error(tmp_path):
    items = [rss2_item(1, content=story_html(SAMPLES[0]))]
    feed = write(tmp_path / "n.rss", rss2(items, title="Caf&eacute;&nbsp;News"))
    [article] = list(read_feed(feed))
    assert isinstance(article, Article) and article.publisher == "Caf\u00e9\u00a0News"


def test_xml_files_in_a_folder_are_read_only_when_they_are_feeds(tmp_path):
    write(tmp_path / "feed.xml", rss2([rss2_item(1, content=story_html(SAMPLES[0]))]))
    write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    items = list(iter_articles([tmp_path]))
    assert [type(i) for i in items] == [Article] and items[0].title == "Story 1"


def test_feed_bytes_from_a_url_are_read_under_that_name():
    data = rss2([rss2_item(1), rss2_item(2, link=False, guid=False, description="")]).encode()
    link, bad = list(feed_items(data, "https://news.example/feed"))
    assert isinstance(link, FeedLink) and link.source == "https://news.example/feed, entry 1"
    assert bad.source == "https://news.example/feed, entry 2"


def test_without_a_fetcher_a_linked_entry_is_an_error_naming_its_url(tmp_path):
    feed = write(tmp_path / "n.rss", rss2([rss2_item(1)]))
    [error] = list(read_feed(feed))
    assert isinstance(error, ArticleError) and "https://news.example/1" in error.message
    assert error.source == f"{feed}, entry 1"


# -- linked entries fetched from a local server ---------------------------------------------------

PAGE = """<html><head><title>{title} | Site</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{story}</article>
<aside><h3>Related stories</h3><ul><li><a href="/x">Markets rally on rate hopes</a></li></ul></aside>
<footer>Copyright Example Media. All rights reserved.</footer></body></html>"""


@pytest.fixture()
def news_site():
    pages = {
        "/dated": PAGE.format(title="Page headline", story=story_html(SAMPLES[0]), head=(
            '<meta property="article:published_time" content="2023-05-02T10:00:00Z">')),
        # Sample 3 names no year: htmldate turns a bare year in a text into a January 1 date.
        "/undated": PAGE.format(title="Other headline", story=story_html(SAMPLES[3]), head=""),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write((body or "<h1>Not found</h1>").encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def url_fetcher(url: str) -> bytes | ArticleError:
    """A plain fetcher for the test: the body, or an error for an HTTP failure."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        return ArticleError(url, f"HTTP {exc.code}")


def linked_feed(site: str) -> bytes:
    items = [f"<item><title>Entry {name}</title><link>{site}/{name}</link><guid>{name}</guid>"
             f"<pubDate>Wed, 14 Jun 2023 08:00:00 GMT</pubDate><description>Teaser.</description></item>"
             for name in ("dated", "missing", "undated")]
    return rss2(items).encode()


def test_linked_entries_are_fetched_and_a_failing_one_names_its_entry_and_url(news_site):
    dated, missing, undated = list(feed_articles(feed_items(linked_feed(news_site), "feed"), url_fetcher))
    assert isinstance(dated, Article) and isinstance(undated, Article)
    assert dated.title == "Entry dated"                          # the entry's title is the metadata
    assert dated.published == "2023-05-02"                       # the page's own date beats the entry's
    assert undated.published == "2023-06-14"                     # the entry's date is the fallback
    assert dated.fetched_url == f"{news_site}/dated" and dated.fetched_at
    assert first_sentence(SAMPLES[0]) in dated.text
    assert "Related stories" not in dated.text and "All rights reserved" not in dated.text
    assert isinstance(missing, ArticleError) and missing.message == "HTTP 404"
    assert missing.source == f"feed, entry 2 ({news_site}/missing)"


def test_a_fetcher_that_raises_is_one_bad_entry(news_site):
    def broken(url):
        raise ConnectionError("connection refused")

    items = list(feed_articles(feed_items(linked_feed(news_site), "feed"), broken))
    assert len(items) == 3 and all(isinstance(i, ArticleError) for i in items)
    assert "connection refused" in items[0].message


# -- building a feed again ------------------------------------------------------------------------

def test_building_a_newer_version_of_a_feed_adds_only_its_new_entries(tmp_path):
    store = tmp_path / "store"
    settings = Settings.load(store=store)
    feed = tmp_path / "news.rss"
    old = [rss2_item(n, content=story_html(SAMPLES[n])) for n in range(3)]
    write(feed, rss2(old))
    first = build([feed], settings)
    assert first.ok, first.errors
    assert (first.read, first.extracted) == (3, 3)
    new = [rss2_item(n, content=story_html(SAMPLES[n])) for n in (3, 4)]
    write(feed, rss2(new + old))                      # newest first, as feeds list them
    second = build([feed], settings)
    assert second.ok, second.errors
    assert (second.read, second.extracted, second.unchanged) == (5, 2, 3)
    from relgraph.store import open_store

    assert len(open_store(store).named_graphs()) == 5
