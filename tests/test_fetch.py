"""relgraph.sources.fetch against a real server on 127.0.0.1: robots.txt, rate limits, redirects,
time-outs, failing statuses, size limits and content types. Each failure must be a FetchFailure
naming the URL and the reason; politeness is checked on what the server saw."""
from __future__ import annotations

import gzip
import socket

import pytest

from local_site import LocalSite, Reply, news_page
from relgraph.settings import Settings
from relgraph.sources.fetch import FEED_TYPES, Fetched, Fetcher, FetchFailure, FetchPolicy, user_agent

PAGE = news_page("Talks in Moscow", ["Foreign ministers met in Moscow on Tuesday."] * 3)
TEXT = {"Content-Type": "text/plain"}


def policy(**changes) -> FetchPolicy:
    base = dict(user_agent=user_agent("https://example.org/contact"), min_delay_s=0.0, connect_timeout_s=1.0,
                read_timeout_s=0.5, deadline_s=3.0, max_bytes=64 * 1024, max_redirects=3, retries=2,
                backoff_s=0.05, max_retry_after_s=0.3)
    return FetchPolicy(**{**base, **changes})


@pytest.fixture()
def site():
    local = LocalSite().start()
    yield local
    local.stop()


def fetch(site: LocalSite, path: str, **changes):
    fetcher = Fetcher(policy(**changes))
    try:
        return fetcher.fetch(site.url(path))
    finally:
        fetcher.close()


def failure(result) -> str:
    assert isinstance(result, FetchFailure), result
    return result.reason


def gaps(site: LocalSite) -> list[float]:
    times = [s.at for s in site.seen]
    return [b - a for a, b in zip(times, times[1:])]


# ---------------------------------------------------------------- a good page, robots.txt

def test_a_page_is_fetched_with_the_relgraph_user_agent_and_robots_read_once(site):
    site.routes["/a"] = site.routes["/b"] = Reply(body=PAGE)
    fetcher = Fetcher(policy())
    first, second = fetcher.fetch(site.url("/a")), fetcher.fetch(site.url("/b"))
    fetcher.close()
    assert isinstance(first, Fetched) and isinstance(second, Fetched)
    assert first.body == PAGE and first.status == 200 and first.content_type == "text/html"
    assert first.final_url == site.url("/a") and first.fetched_at.endswith("Z")
    assert site.paths_seen() == ["/robots.txt", "/a", "/b"]          # a robots.txt that 404s allows
    assert {s.user_agent for s in site.seen} == {user_agent("https://example.org/contact")}
    assert user_agent("https://example.org/contact").startswith("relgraph/")


def test_policy_from_settings_reads_the_fetch_settings(monkeypatch):
    monkeypatch.setenv("RELGRAPH_FETCH_MIN_DELAY_S", "2.5")
    monkeypatch.setenv("RELGRAPH_FETCH_CONTACT_URL", "https://example.org/who")
    loaded = FetchPolicy.from_settings(Settings.load(fetch_max_bytes=1000))
    assert loaded.min_delay_s == 2.5 and loaded.max_bytes == 1000
    assert loaded.user_agent.endswith("(+https://example.org/who)")


def test_robots_disallow_is_obeyed_and_the_page_never_requested(site):
    site.routes["/robots.txt"] = Reply(body=b"User-agent: relgraph\nDisallow: /private\n", headers=TEXT)
    site.routes["/private/story"] = Reply(body=PAGE)
    assert "robots.txt of " + site.base + " disallows it" in failure(fetch(site, "/private/story"))
    assert site.paths_seen() == ["/robots.txt"]


def test_a_robots_txt_that_fails_with_5xx_disallows_the_host(site):
    site.routes["/robots.txt"] = Reply(500, b"oops", TEXT)
    site.routes["/a"] = Reply(body=PAGE)
    assert failure(fetch(site, "/a")) == (f"robots.txt of {site.base} could not be read "
                                          "(HTTP 500 Internal Server Error): host disallowed for this run")
    assert site.paths_seen() == ["/robots.txt"]


def test_a_robots_txt_that_times_out_disallows_the_host(site):
    site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nAllow: /\n", headers=TEXT, delay_s=1.5)
    site.routes["/a"] = Reply(body=PAGE)
    reason = failure(fetch(site, "/a"))
    assert "could not be read" in reason and "time-out" in reason
    assert site.paths_seen() == ["/robots.txt"]


def test_crawl_delay_spaces_the_requests_the_server_sees(site):
    site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 0.3\n", headers=TEXT)
    for path in ("/1", "/2", "/3"):
        site.routes[path] = Reply(body=PAGE)
    fetcher = Fetcher(policy())
    results = [fetcher.fetch(site.url(p)) for p in ("/1", "/2", "/3")]
    fetcher.close()
    assert all(isinstance(r, Fetched) for r in results)
    assert site.paths_seen() == ["/robots.txt", "/1", "/2", "/3"]
    assert all(gap >= 0.28 for gap in gaps(site)[1:]), gaps(site)


def test_min_delay_spaces_requests_to_one_host(site):
    for path in ("/1", "/2"):
        site.routes[path] = Reply(body=PAGE)
    fetcher = Fetcher(policy(min_delay_s=0.25))
    for path in ("/1", "/2"):
        assert isinstance(fetcher.fetch(site.url(path)), Fetched)
    fetcher.close()
    assert len(site.seen) == 3 and all(gap >= 0.249 for gap in gaps(site)), gaps(site)


# ---------------------------------------------------------------- redirects and schemes

def test_one_redirect_is_followed(site):
    site.routes["/old"] = Reply(301, headers={"Location": "/new"})
    site.routes["/new"] = Reply(body=PAGE)
    result = fetch(site, "/old")
    assert isinstance(result, Fetched) and result.url == site.url("/old")
    assert result.final_url == site.url("/new") and result.body == PAGE


def test_a_redirect_loop_is_reported(site):
    site.routes["/a"] = Reply(302, headers={"Location": "/b"})
    site.routes["/b"] = Reply(302, headers={"Location": "/a"})
    assert failure(fetch(site, "/a")).startswith("redirect loop")


def test_too_many_redirects_are_reported(site):
    for i in range(10):
        site.routes[f"/r{i}"] = Reply(307, headers={"Location": f"/r{i + 1}"})
    assert failure(fetch(site, "/r0")) == "too many redirects (more than 3)"
    assert site.paths_seen() == ["/robots.txt", "/r0", "/r1", "/r2", "/r3"]


def test_a_redirect_to_a_disallowed_path_is_checked_against_robots(site):
    site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private\n", headers=TEXT)
    site.routes["/go"] = Reply(302, headers={"Location": "/private/page"})
    site.routes["/private/page"] = Reply(body=PAGE)
    assert "disallows it" in failure(fetch(site, "/go"))
    assert "/private/page" not in site.paths_seen()


def test_a_redirect_to_a_file_url_is_refused(site):
    site.routes["/go"] = Reply(302, headers={"Location": "file:///etc/passwd"})
    reason = failure(fetch(site, "/go"))
    assert reason == "redirect to file:///etc/passwd refused: only http and https URLs are fetched, not file:"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x.html", "data:text/html,<p>hi</p>"])
def test_other_schemes_are_refused_without_a_request(url):
    result = Fetcher(policy()).fetch(url)
    assert isinstance(result, FetchFailure) and result.url == url
    assert result.reason.startswith("only http and https URLs are fetched")


# ---------------------------------------------------------------- time-outs, statuses, retries

def test_a_server_slower_than_the_read_timeout_is_a_time_out(site):
    site.routes["/slow"] = Reply(body=PAGE, delay_s=1.5)
    assert failure(fetch(site, "/slow")).startswith("time-out")


def test_a_body_dripping_past_the_deadline_is_cut_off(site):
    site.routes["/drip"] = Reply(body=b"<html><body>" + b"x" * 200, drip_s=0.05)
    assert failure(fetch(site, "/drip", deadline_s=1.0)) == "time-out: not done within the 1 s deadline"


def test_404_is_reported_without_retries(site):
    assert failure(fetch(site, "/missing")) == "HTTP 404 Not Found"
    assert site.paths_seen() == ["/robots.txt", "/missing"]


def test_500_is_retried_with_back_off_then_reported(site):
    site.routes["/broken"] = Reply(500, b"oops", TEXT)
    assert failure(fetch(site, "/broken")) == "HTTP 500 Internal Server Error after 3 attempts"
    assert site.paths_seen().count("/broken") == 3
    assert gaps(site)[-1] >= 0.09        # the second back-off is twice the first (0.05 s)


def test_503_with_retry_after_is_retried_after_the_servers_wait(site):
    site.routes["/busy"] = lambda earlier: (Reply(503, b"busy", {**TEXT, "Retry-After": "1"}) if not earlier
                                            else Reply(body=PAGE))
    result = fetch(site, "/busy", max_retry_after_s=5.0)
    assert isinstance(result, Fetched) and result.body == PAGE
    assert gaps(site)[-1] >= 0.95        # Retry-After: 1, not the 0.05 s back-off


def test_retry_after_is_capped(site):
    site.routes["/busy"] = lambda earlier: (Reply(429, b"slow down", {**TEXT, "Retry-After": "3600"})
                                            if not earlier else Reply(body=PAGE))
    # An hour is more than the 3 s deadline: only the 0.3 s cap lets the second attempt happen.
    assert isinstance(fetch(site, "/busy"), Fetched)


def test_an_unreachable_host_is_reported_through_its_robots_txt():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]         # bound, not listening: connections are refused
        result = Fetcher(policy()).fetch(f"http://127.0.0.1:{port}/a")
    reason = failure(result)
    assert "could not be read (connection failed" in reason and "host disallowed for this run" in reason


# ---------------------------------------------------------------- sizes and types

def test_a_gzip_bomb_stops_at_the_size_limit(site):
    bomb = gzip.compress(b"\0" * (32 * 1024 * 1024), compresslevel=9)
    site.routes["/bomb"] = Reply(body=bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    assert len(bomb) < 64 * 1024
    assert failure(fetch(site, "/bomb")) == "too large: more than 65,536 bytes (decompressed)"


def test_a_gzipped_page_is_decompressed(site):
    site.routes["/z"] = Reply(body=gzip.compress(PAGE), headers={"Content-Type": "text/html",
                                                                  "Content-Encoding": "gzip"})
    result = fetch(site, "/z")
    assert isinstance(result, Fetched) and result.body == PAGE


def test_a_declared_body_over_the_limit_is_refused(site):
    site.routes["/big"] = Reply(body=b"<p>" + b"x" * 100_000)
    assert failure(fetch(site, "/big")) == "too large: 100,003 bytes declared, the limit is 65,536"


def test_an_undeclared_body_over_the_limit_is_cut_off(site):
    site.routes["/big"] = Reply(body=b"<p>" + b"x" * 100_000, length=False)
    assert failure(fetch(site, "/big")) == "too large: more than 65,536 bytes (decompressed)"


def test_a_non_html_content_type_is_refused(site):
    site.routes["/doc.pdf"] = Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"})
    reason = failure(fetch(site, "/doc.pdf"))
    assert reason == "content type application/pdf is not one of text/html, application/xhtml+xml"


def test_feed_types_are_accepted_when_asked_for(site):
    site.routes["/feed"] = Reply(body=b"<rss version='2.0'/>",
                                 headers={"Content-Type": "application/rss+xml"})
    fetcher = Fetcher(policy())
    assert isinstance(fetcher.fetch(site.url("/feed")), FetchFailure)
    assert isinstance(fetcher.fetch(site.url("/feed"), accept=FEED_TYPES), Fetched)
