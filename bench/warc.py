"""Web-archive build benchmark: `relgraph build crawl.warc.gz` into a scratch store, pages/s and peak RSS.

The archive holds N pages (default 10,000) made from `bench/corpus.py` articles, each wrapped in one
of four news-site layouts (navigation, a related-stories box, share buttons, a footer; metadata in
JSON-LD, OpenGraph or nothing), written with warcio's WARCWriter as request + response pairs with a
warcinfo record first, so the reader meets the records a crawl has. Archives are cached in
bench/out/ by size and generator version. Each build is a fresh `relgraph build` child process
timed from outside; its peak RSS is the child's `ru_maxrss` (resource.getrusage after it exits).

    python -m bench.warc -n 300            # a smoke run
    python -m bench.warc                   # 10,000 pages
"""
from __future__ import annotations

import argparse
import html
import io
import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import OUT, RELGRAPH, REPO, Result, Table, log
from bench.corpus import World, make_article

GENERATOR_VERSION = 1
NAV = "".join(f"<a href='/{s.lower()}'>{s}</a> "
              for s in ("World", "Politics", "Business", "Sport", "Opinion"))
RELATED = "".join(f"<li><a href='/r{i}'>{t}</a></li>" for i, t in enumerate((
    "Markets close higher on rate hopes", "Storm warning issued for the coast", "Five things to know today")))
SHARE = "<div class='share'>Share on Facebook | Share on X | Email</div>"
FOOTER = ("<footer><p>Copyright Example Media Group. All rights reserved.</p>"
          "<a href='/privacy'>Privacy</a></footer>")


def _metadata(layout: int, title: str, published: str, site: str) -> str:
    """The page's <head> metadata: JSON-LD, OpenGraph, a plain <meta name=date>, or none."""
    if layout == 0:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "datePublished": published, "publisher": {"@type": "Organization", "name": site}}
        return f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    if layout == 1:
        return (f'<meta property="og:title" content="{html.escape(title)}">'
                f'<meta property="article:published_time" content="{published}">'
                f'<meta property="og:site_name" content="{site}">')
    return f'<meta name="date" content="{published}">' if layout == 2 else ""


def _main(layout: int, title: str, body: str) -> str:
    """The story in one of four page structures, with a share bar and a related-stories box."""
    return [
        f"<article><h1>{title}</h1>{SHARE}{body}</article><aside><h3>Related</h3><ul>{RELATED}</ul></aside>",
        f"<main><div class='story'><h1>{title}</h1>{body}</div>{SHARE}</main>"
        f"<div class='more'><ul>{RELATED}</ul></div>",
        f"<div id='content'><h2>{title}</h2><div class='text'>{body}</div></div>"
        f"<ul class='side'>{RELATED}</ul>",
        f"<article><header><h1>{title}</h1></header><section>{body}</section></article>{SHARE}",
    ][layout]


def page_html(title: str, published: str, text: str, layout: int, site: str) -> str:
    """One corpus article (headline line, then paragraphs) as a page of layout 0-3."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n")[1:] if p.strip())
    safe = html.escape(title)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{safe} | {site}</title>"
            f"{_metadata(layout, title, published, site)}</head>"
            f"<body><nav>{NAV}</nav>{_main(layout, safe, body)}{FOOTER}</body></html>")


def write_archive(path: Path, n: int, seed: int = 42) -> dict:
    """A .warc.gz of n pages of the seed's corpus; returns counts."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    world, words = World(seed), 0
    sites = ("Daily Courier", "Wire Today", "The Ledger", "Capital Post")
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench/warc.py"}))
        for index in range(n):
            article = make_article(world, seed, index)
            words += article.words
            layout, site = index % 4, sites[index % 4]
            uri = f"https://{site.lower().replace(' ', '')}.example/news/{article.stem}"
            request = StatusAndHeaders(f"GET /news/{article.stem} HTTP/1.1", [("Host", uri.split("/")[2])],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            payload = page_html(article.title, article.published, article.text, layout, site).encode()
            response = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                        protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=response))
    return {"pages": n, "words": words, "bytes": path.stat().st_size}


def ensure_archive(root: Path, n: int, seed: int = 42) -> tuple[Path, dict]:
    path = root / f"warc-v{GENERATOR_VERSION}-s{seed}-n{n}.warc.gz"
    info = path.with_suffix(".json")
    if not (path.exists() and info.exists()):
        root.mkdir(parents=True, exist_ok=True)
        log(f"writing {path.name}")
        info.write_text(json.dumps(write_archive(path, n, seed)))
    return path, json.loads(info.read_text())


def build_once(archive: Path, workers: int) -> dict:
    """A fresh `relgraph build ARCHIVE` into a scratch store: seconds, the child's peak RSS, its report."""
    store = Path(tempfile.mkdtemp(prefix="warc-store-", dir=OUT))
    try:
        t0 = time.perf_counter()
        command = [RELGRAPH, "build", str(archive), "--store", str(store), "--workers", str(workers)]
        proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=dict(os.environ))
        seconds = time.perf_counter() - t0
        # ru_maxrss of RUSAGE_CHILDREN is that of the largest child waited for so far (KiB on Linux):
        # this is the only child the benchmark starts, so it is this build's peak.
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"seconds": seconds, "peak_rss_mib": peak_kib / 1024, "exit": proc.returncode, "tail": tail}
    finally:
        shutil.rmtree(store, ignore_errors=True)


def run(pages: int = 10_000, workers: int = 1, *, workdir: Path = OUT, quick: bool = False) -> Result:
    """Build an archive of `pages` pages once; the table gives pages/s, words/s and peak RSS."""
    archive, info = ensure_archive(workdir / "warc", 300 if quick else pages)
    log(f"building {archive.name} ({info['bytes'] / 2**20:.1f} MiB)")
    measured = build_once(archive, workers)
    mib, seconds = info["bytes"] / 2**20, measured["seconds"]
    table = Table(f"relgraph build of a WARC of {info['pages']:,} pages ({mib:.1f} MiB gzip, "
                  f"{info['words']:,} words), fresh process, {workers} worker(s)",
                  ["pages", "seconds", "pages/s", "words/s", "peak RSS MiB", "exit"])
    table.add(f"{info['pages']:,}", f"{seconds:.1f}", f"{info['pages'] / seconds:.1f}",
              f"{info['words'] / seconds:,.0f}", f"{measured['peak_rss_mib']:,.0f}", measured["exit"])
    if measured["exit"] != 0:
        table.notes.append("build output: " + " | ".join(measured["tail"]))
    return Result("warc", tables=[table], raw={"archive": info, **measured})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build a generated WARC with relgraph: pages/s, peak RSS.")
    parser.add_argument("-n", "--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    result = run(args.pages, args.workers)
    for table in result.tables:
        print(table.markdown())
    print(json.dumps(result.raw, default=str))


if __name__ == "__main__":
    main()
