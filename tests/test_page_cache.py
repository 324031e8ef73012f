"""relgraph.sources.page_cache and relgraph.sources.urls: fetched pages kept with their record, read
back as articles with their fetch provenance, `.urls` lists, and a second build that needs no
network (the server stopped) and gives the same quads."""
from __future__ import annotations

import hashlib
import io
import json

import pytest
from click.testing import CliRunner

from local_site import LocalSite, Reply, news_page
from relgraph.articles import Article, ArticleError, iter_articles
from relgraph.settings import Settings
from relgraph.sources.fetch import Fetcher, FetchPolicy
from relgraph.sources.page_cache import PageCache, RECORD_SUFFIX, TEXT_SUFFIX
from relgraph.sources.urls import fetch_into_cache, read_url_list

STORY = [
    "Russian Foreign Minister Sergei Lavrov met his Pakistani counterpart Bilawal Bhutto Zardari in "
    "Moscow on Tuesday to discuss energy supplies and regional security.",
    "The two ministers agreed to hold the next round of strategic consultations in Islamabad later "
    "this year, officials said after the meeting.",
    "Pakistan has been seeking discounted crude oil from Russia since last year, and the first "
    "cargo reached Karachi in June.",
]
NO_TEXT = b"<html><head><title>Log in</title></head><body><nav><a href='/'>Home</a></nav></body></html>"


@pytest.fixture()
def site():
    local = LocalSite().start()
    local.routes["/world/talks"] = Reply(body=news_page("Lavrov meets Bhutto Zardari in Moscow", STORY,
                                                       canonical="https://courier.example/world/talks"))
    local.routes["/old-link"] = Reply(301, headers={"Location": "/world/talks"})
    local.routes["/login"] = Reply(body=NO_TEXT)
    yield local
    local.stop()


def cache_run(site, cache, urls, refresh=False):
    fetcher = Fetcher(FetchPolicy(min_delay_s=0.0, read_timeout_s=2.0, retries=0))
    try:
        return fetch_into_cache([site.url(u) for u in urls], cache, fetcher, refresh=refresh)
    finally:
        fetcher.close()


def test_a_fetched_page_is_kept_with_its_text_and_record(site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    summary = cache_run(site, cache, ["/old-link"])
    assert summary.fetched == [site.url("/old-link")] and not summary.failed
    html = cache.html_path(site.url("/old-link"))
    record = json.loads(html.with_name(html.stem + RECORD_SUFFIX).read_text())
    text = html.with_name(html.stem + TEXT_SUFFIX).read_text(encoding="utf-8")
    assert record["url"] == site.url("/old-link") and record["final_url"] == site.url("/world/talks")
    assert record["status"] == 200 and record["content_type"].startswith("text/html")
    assert record["fetched_at"].endswith("Z") and record["text_extractor"].startswith("trafilatura ")
    assert record["html_sha256"] == hashlib.sha256(html.read_bytes()).hexdigest()
    assert record["text_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert "Sergei Lavrov met" in text and "Related stories" not in text and "Copyright" not in text


def test_the_cache_folder_reads_as_articles_with_their_fetch_provenance(site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    cache_run(site, cache, ["/old-link"])
    [article] = list(iter_articles([tmp_path / "pages"]))
    assert isinstance(article, Article), article
    html = cache.html_path(site.url("/old-link"))
    assert article.raw_text == html.with_name(html.stem + TEXT_SUFFIX).read_text(encoding="utf-8")
    assert article.url == "https://courier.example/world/talks"         # the page's canonical URL
    assert article.fetched_url == site.url("/world/talks")
    record = json.loads(html.with_name(html.stem + RECORD_SUFFIX).read_text())
    assert article.fetched_at == record["fetched_at"] and article.sha256 == record["text_sha256"]
    assert article.title == "Lavrov meets Bhutto Zardari in Moscow" and article.published == "2023-06-13"


def test_a_cached_url_is_not_fetched_again_unless_refreshed(site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    cache_run(site, cache, ["/world/talks"])
    requests = len(site.seen)
    again = cache_run(site, cache, ["/world/talks"])
    assert again.cached == [site.url("/world/talks")] and not again.fetched
    assert len(site.seen) == requests
    refreshed = cache_run(site, cache, ["/world/talks"], refresh=True)
    assert refreshed.fetched == [site.url("/world/talks")] and site.paths_seen()[-1] == "/world/talks"


def test_a_page_without_main_text_is_reported_and_kept(site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    first = cache_run(site, cache, ["/login"])
    [reason] = first.failed
    assert reason.startswith(f"{site.url('/login')}: no ") and "text" in reason and not first.paths
    second = cache_run(site, cache, ["/login"])
    assert second.cached and second.failed == first.failed          # reported again, not fetched again
    [error] = list(iter_articles([tmp_path / "pages"]))
    assert isinstance(error, ArticleError) and error.message == reason


def test_an_edited_cached_page_is_refused(site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    cache_run(site, cache, ["/world/talks"])
    html = cache.html_path(site.url("/world/talks"))
    html.write_bytes(html.read_bytes().replace(b"Tuesday", b"Friday"))
    [error] = list(iter_articles([html]))
    assert isinstance(error, ArticleError) and error.source == str(html)
    assert "changed since" in error.message and "--refresh" in error.message


def test_the_saved_text_wins_over_what_todays_extractor_makes(site, tmp_path):
    # As after an upgrade of the extractor: the offsets must still point into the saved text.
    cache = PageCache(tmp_path / "pages")
    cache_run(site, cache, ["/world/talks"])
    html = cache.html_path(site.url("/world/talks"))
    text_path = html.with_name(html.stem + TEXT_SUFFIX)
    saved = text_path.read_text(encoding="utf-8") + "\nOfficials said more talks would follow."
    text_path.write_text(saved, encoding="utf-8")
    record_path = html.with_name(html.stem + RECORD_SUFFIX)
    record = json.loads(record_path.read_text())
    record.update(text_sha256=hashlib.sha256(saved.encode()).hexdigest(), text_extractor="trafilatura 1.0")
    record_path.write_text(json.dumps(record))
    [article] = list(iter_articles([html]))
    assert isinstance(article, Article) and article.raw_text == saved
    assert article.text_extractor == "trafilatura 1.0" and article.fetched_url == site.url("/world/talks")


def test_a_malformed_record_is_an_error_naming_it(site, tmp_path):
    cache = PageCache(tmp_path / "pages")
    cache_run(site, cache, ["/world/talks"])
    html = cache.html_path(site.url("/world/talks"))
    record_path = html.with_name(html.stem + RECORD_SUFFIX)
    record_path.write_text('{"url": "x"}')
    [error] = list(iter_articles([html]))
    assert error.source == str(record_path) and error.message.startswith("malformed fetch record (missing")


def test_a_urls_file_skips_comments_and_reports_bad_lines(tmp_path):
    listing = tmp_path / "reading.urls"
    listing.write_text("# morning reading\n\nhttps://a.example/one#comments\n  http://b.example/two  \n"
                       "ftp://c.example/three\nnews/four.html\nnot a url\n", encoding="utf-8")
    urls, errors = read_url_list(listing)
    assert urls == ["https://a.example/one", "http://b.example/two"]
    assert [e.source for e in errors] == [f"{listing}:5", f"{listing}:6", f"{listing}:7"]
    assert "only http and https" in errors[0].message and "not an absolute URL" in errors[1].message
    assert read_url_list(tmp_path / "missing.urls")[1][0].message == "no such file"


def test_relgraph_fetch_prints_a_summary(site, tmp_path, monkeypatch):
    from relgraph.cli import cli

    monkeypatch.setenv("RELGRAPH_FETCH_MIN_DELAY_S", "0")
    listing = tmp_path / "list.urls"
    listing.write_text(f"{site.url('/world/talks')}\n{site.url('/nowhere')}\nmailto:x@example.org\n")
    into = tmp_path / "pages"
    args = ["fetch", site.url("/login"), "--urls", str(listing), "--into", str(into)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "2 fetched, 0 already cached, 3 failed" in result.output
    assert f"failed: {site.url('/nowhere')}: HTTP 404 Not Found" in result.output
    assert f"failed: {listing}:3: only http and https URLs are fetched" in result.output
    assert f"failed: {site.url('/login')}: no main text found in the page" in result.output
    again = CliRunner().invoke(cli, args)
    assert "0 fetched, 2 already cached, 3 failed" in again.output      # the 404 is asked again


def _quads(store_path) -> set[str]:
    from relgraph.store import open_store

    out = io.BytesIO()
    open_store(store_path, read_only=True).dump(out, "nquads")
    return set(out.getvalue().decode("utf-8").splitlines())


@pytest.mark.slow
def test_a_second_build_is_offline_and_gives_the_same_quads(site, tmp_path):
    from relgraph.build import build
    from relgraph.sources.urls import UrlList

    listing = tmp_path / "more.txt"                  # --urls takes any file name
    listing.write_text(f"# one more\n{site.url('/old-link')}\n{site.url('/gone')}\n")
    inputs = [site.url("/world/talks"), UrlList(listing)]
    cache_dir = tmp_path / "pages"

    def run(store):
        settings = Settings.load(store=tmp_path / store, page_cache_dir=cache_dir, fetch_min_delay_s=0.0,
                                 fetch_retries=0)
        return build(inputs, settings)

    first = run("first")
    # /old-link redirects to /world/talks: the same page under one canonical URL is read once.
    assert (first.fetched, first.fetched_from_cache, first.extracted) == (2, 0, 1)
    assert first.errors == [f"{site.url('/gone')}: HTTP 404 Not Found"]
    assert sum(w.endswith("a copy, skipped") for w in first.warnings) == 1
    site.stop()
    second = run("second")
    assert (second.fetched, second.fetched_from_cache, second.extracted) == (0, 2, 1)
    assert len(second.errors) == 1 and "/gone: " in second.errors[0]    # the failure, fetched again, fails
    quads = _quads(tmp_path / "first")
    assert quads == _quads(tmp_path / "second")
    assert any("Sergei Lavrov" in q or "sergei-lavrov" in q for q in quads)
