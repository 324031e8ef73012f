"""A polite HTTP client for news pages and feeds (urllib3, with protego for robots.txt).

Polite: a user agent naming relgraph, its version and a contact URL; robots.txt read once per host
and obeyed (a robots.txt that answers 4xx allows everything; one that answers 429 or 5xx, or
cannot be fetched, disallows the whole host for the run, as Google's crawler does); a minimum delay
between two requests to one host, raised to the host's Crawl-delay. Safe: only http and https, at
most N redirects (each target checked again), connect and read time-outs and a deadline per URL, a
size limit counted on the decompressed bytes as they stream in (a gzip bomb stops at the limit),
content types checked. Retries with exponential back-off on connection errors, 429 and 5xx
(Retry-After honoured up to a cap).

`Fetcher.fetch` never raises for a bad URL or a bad server: every failure is a `FetchFailure`
naming the URL and what went wrong.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import urllib3
from protego import Protego
from urllib3.exceptions import HTTPError, NewConnectionError, ProtocolError, ReadTimeoutError

HTML_TYPES = ("text/html", "application/xhtml+xml")
# What a feed may be served as (for relgraph.sources.feeds): many servers send RSS as plain XML.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 500 * 1024       # Google reads the first 500 KiB of a robots.txt and ignores the rest
ROBOTS_TOKEN = "relgraph"           # the product token robots.txt groups are matched against
CHUNK_BYTES = 64 * 1024


def _relgraph_version() -> str:
    try:
        return version("relgraph")
    except PackageNotFoundError:    # running from a source tree that was never installed
        return "0"


def user_agent(contact_url: str) -> str:
    """The User-Agent header: product token, version and where a site owner can reach us."""
    return f"{ROBOTS_TOKEN}/{_relgraph_version()} (+{contact_url})"


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how safely to fetch; `from_settings` reads the RELGRAPH_FETCH_* settings."""

    user_agent: str = user_agent("https://w3id.org/relgraph")
    min_delay_s: float = 1.0            # between two requests to one host
    max_delay_s: float = 30.0           # a larger Crawl-delay is honoured only up to this
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0        # longest silence while waiting for headers or body bytes
    deadline_s: float = 60.0            # everything for one URL (redirects, retries), host waits aside
    max_bytes: int = 8 * 1024 * 1024    # decompressed body
    max_redirects: int = 5
    retries: int = 2                    # further attempts after a connection error, 429 or 5xx
    backoff_s: float = 1.0              # first back-off; doubled at each retry
    max_retry_after_s: float = 60.0     # cap on a server's Retry-After

    @classmethod
    def from_settings(cls, settings) -> FetchPolicy:
        """The policy the `fetch_*` fields of a `relgraph.settings.Settings` describe."""
        agent = settings.fetch_user_agent or user_agent(settings.fetch_contact_url)
        return cls(user_agent=agent, min_delay_s=settings.fetch_min_delay_s,
                   max_delay_s=settings.fetch_max_delay_s, connect_timeout_s=settings.fetch_connect_timeout_s,
                   read_timeout_s=settings.fetch_read_timeout_s, deadline_s=settings.fetch_deadline_s,
                   max_bytes=settings.fetch_max_bytes, max_redirects=settings.fetch_max_redirects,
                   retries=settings.fetch_retries, backoff_s=settings.fetch_backoff_s,
                   max_retry_after_s=settings.fetch_max_retry_after_s)


@dataclass(frozen=True)
class Fetched:
    url: str                # as requested
    final_url: str          # after redirects
    status: int
    content_type: str       # the media type, lower case, without parameters
    content_type_header: str  # as sent (keeps the charset parameter)
    body: bytes             # decompressed
    fetched_at: str         # ISO 8601 UTC, to the second


@dataclass(frozen=True)
class FetchFailure:
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


class _Refused(Exception):
    """Why one URL cannot be fetched; caught in `Fetcher.fetch`, never leaves this module."""


class _Budget:
    """The deadline of one URL. Waiting for a host's turn does not use it up: that wait is our
    politeness, not the server's slowness."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        return self.ends - time.monotonic()

    def extend(self, seconds: float) -> None:
        self.ends += seconds

    def check(self) -> None:
        if self.left() <= 0:
            raise _Refused(f"time-out: not done within the {self.seconds:g} s deadline")


class Fetcher:
    """Fetches URLs one at a time, remembering each host's robots.txt and last request."""

    def __init__(self, policy: FetchPolicy | None = None):
        self.policy = policy or FetchPolicy()
        self._pool = urllib3.PoolManager(headers={"User-Agent": self.policy.user_agent,
                                                  "Accept-Encoding": "gzip, deflate"})
        self._robots: dict[str, Protego | str | None] = {}   # None: all allowed; str: why all refused
        self._last_request: dict[str, float] = {}

    def fetch(self, url: str, accept: tuple[str, ...] = HTML_TYPES) -> Fetched | FetchFailure:
        """The page at `url` (its body a type in `accept`), or a FetchFailure saying why not."""
        budget = _Budget(self.policy.deadline_s)
        try:
            return self._follow(url, accept, budget)
        except _Refused as refused:
            return FetchFailure(url, str(refused))

    def close(self) -> None:
        self._pool.clear()

    # ------------------------------------------------------------ redirects, status, type, body

    def _follow(self, url: str, accept: tuple[str, ...], budget: _Budget) -> Fetched:
        seen, current = {url}, url
        for _hop in range(self.policy.max_redirects + 1):
            _check_scheme(current)
            self._check_robots(current, budget)
            response = self._request(current, budget)
            if response.status not in REDIRECT_STATUSES:
                return self._accept(url, current, response, accept, budget)
            response.drain_conn()
            current = self._redirect_target(current, response, seen)
        raise _Refused(f"too many redirects (more than {self.policy.max_redirects})")

    @staticmethod
    def _redirect_target(current: str, response, seen: set[str]) -> str:
        location = response.headers.get("Location")
        if not location:
            raise _Refused(f"HTTP {response.status} redirect without a Location header")
        target = urljoin(current, location.strip()).split("#", 1)[0]
        try:
            _check_scheme(target)
        except _Refused as refused:
            raise _Refused(f"redirect to {target} refused: {refused}") from None
        if target in seen:
            raise _Refused(f"redirect loop ({current} -> {target})")
        seen.add(target)
        return target

    def _accept(self, url: str, final_url: str, response, accept: tuple[str, ...],
                budget: _Budget) -> Fetched:
        if not 200 <= response.status < 300:
            response.drain_conn()
            raise _Refused(f"HTTP {response.status} {response.reason or ''}".rstrip())
        header = response.headers.get("Content-Type", "")
        media_type = header.split(";", 1)[0].strip().lower()
        if media_type not in accept:
            response.drain_conn()
            raise _Refused(f"content type {media_type or '(none)'} is not one of {', '.join(accept)}")
        body = self._read_body(response, self.policy.max_bytes, budget, truncate=False)
        stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        return Fetched(url, final_url, response.status, media_type, header, body, stamp)

    def _read_body(self, response, limit: int, budget: _Budget, truncate: bool) -> bytes:
        """The decompressed body, read in bounded pieces: at most `limit` bytes are ever held, and
        the deadline is checked between pieces (a server dripping bytes cannot hold us)."""
        declared = response.headers.get("Content-Length", "")
        if not truncate and declared.isdigit() and not response.headers.get("Content-Encoding") \
                and int(declared) > limit:
            response.release_conn()
            raise _Refused(f"too large: {int(declared):,} bytes declared, the limit is {limit:,}")
        parts, size = [], 0
        try:
            while piece := response.read1(CHUNK_BYTES):
                size += len(piece)
                if size > limit:
                    if truncate:
                        parts.append(piece[:len(piece) - (size - limit)])
                        break
                    raise _Refused(f"too large: more than {limit:,} bytes (decompressed)")
                parts.append(piece)
                budget.check()
        except ReadTimeoutError:
            raise _Refused(f"time-out: the body stalled for {self.policy.read_timeout_s:g} s") from None
        except HTTPError as exc:                   # a cut-off body, a broken gzip stream
            raise _Refused(f"cannot read the body ({_describe(exc)})") from None
        finally:
            response.release_conn()
        return b"".join(parts)

    # ------------------------------------------------------------ one request, with retries

    def _request(self, url: str, budget: _Budget, retries: int | None = None):
        """The response to GET `url` (body not read yet), after retrying what is worth retrying."""
        retries = self.policy.retries if retries is None else retries
        attempt = 0
        while True:
            self._wait_turn(url, budget)
            budget.check()
            try:
                response = self._pool.request(
                    "GET", url, preload_content=False, redirect=False, retries=False,
                    timeout=urllib3.Timeout(connect=min(self.policy.connect_timeout_s, budget.left()),
                                            read=min(self.policy.read_timeout_s, budget.left())))
            except ReadTimeoutError:
                self._mark_request(url)
                raise _Refused(f"time-out: no response within {self.policy.read_timeout_s:g} s") from None
            except (NewConnectionError, ProtocolError, HTTPError) as exc:
                self._mark_request(url)
                problem, wait = f"connection failed ({_describe(exc)})", None
            else:
                self._mark_request(url)
                if response.status != 429 and response.status < 500:
                    return response
                problem = f"HTTP {response.status} {response.reason or ''}".rstrip()
                wait = _retry_after(response.headers.get("Retry-After"))
                response.drain_conn()
            if attempt >= retries:
                raise _Refused(f"{problem} after {attempt + 1} attempts" if attempt else problem)
            if wait is None:
                wait = self.policy.backoff_s * 2 ** attempt
            wait = min(wait, self.policy.max_retry_after_s)
            if wait >= budget.left():
                raise _Refused(f"{problem}; the next attempt (in {wait:g} s) would pass the deadline")
            time.sleep(wait)
            attempt += 1

    def _wait_turn(self, url: str, budget: _Budget) -> None:
        """Sleep until the host's delay since our last request to it has passed."""
        host = _host_key(url)
        delay = self.policy.min_delay_s
        robots = self._robots.get(host)
        if isinstance(robots, Protego):
            crawl_delay = robots.crawl_delay(ROBOTS_TOKEN)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), self.policy.max_delay_s))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
                budget.extend(wait)

    def _mark_request(self, url: str) -> None:
        # The delay runs from when the host has answered (or failed to), not from when we sent:
        # the host saw our request before it answered, so the gap it sees is never under the delay,
        # however long the request waited in its queue.
        self._last_request[_host_key(url)] = time.monotonic()

    # ------------------------------------------------------------ robots.txt

    def _check_robots(self, url: str, budget: _Budget) -> None:
        host = _host_key(url)
        if host not in self._robots:
            self._robots[host] = self._read_robots(host, budget)
        robots = self._robots[host]
        if isinstance(robots, str):
            raise _Refused(robots)
        if robots is not None and not robots.can_fetch(url, ROBOTS_TOKEN):
            raise _Refused(f"robots.txt of {host} disallows it")

    def _read_robots(self, host: str, budget: _Budget) -> Protego | str | None:
        """The host's rules; None when it has none (4xx); a reason when the whole host is off limits."""
        robots_url, seen = f"{host}/robots.txt", set()
        for _hop in range(self.policy.max_redirects + 1):
            try:
                _check_scheme(robots_url)
                response = self._request(robots_url, budget, retries=0)
                if response.status in REDIRECT_STATUSES:
                    response.drain_conn()
                    robots_url = self._redirect_target(robots_url, response, seen)
                    continue
                if 400 <= response.status < 500 and response.status != 429:
                    response.drain_conn()
                    return None
                if response.status >= 300:
                    response.drain_conn()
                    return (f"robots.txt of {host} answered HTTP {response.status}: "
                            "host disallowed for this run")
                body = self._read_body(response, ROBOTS_MAX_BYTES, budget, truncate=True)
            except _Refused as refused:
                return f"robots.txt of {host} could not be read ({refused}): host disallowed for this run"
            return Protego.parse(body.decode("utf-8", errors="replace"))
        return None     # a redirect chain without end counts as no robots.txt, as for Google


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise _Refused(f"only http and https URLs are fetched, not {parts.scheme or 'a URL without scheme'}:"
                       if parts.scheme else "not an absolute http or https URL")
    if not parts.hostname:
        raise _Refused("URL without a host")


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _describe(exc: Exception) -> str:
    """A short reason for a urllib3 error: its message without the connection object's repr."""
    text = str(exc)
    return text.split("): ", 1)[-1] if text.startswith(("HTTPConnection(", "HTTPSConnection(")) else text
