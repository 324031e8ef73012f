"""Listing-cache benchmark: what writing every canned listing of a store version costs, and how fast a
page of each is then served (relgraph.listing_cache).

The store is `bench/synth.py`'s graph at N quads in relgraph's on-disk layout (the one
`python -m bench query` builds, cached in bench/out/stores). The listings are written once, timed
query by query (this is what `relgraph serve` does at low priority for each version it serves, and
what `relgraph listings` does); then page 1 and a page in the middle of each listing (100 rows) are
asked `repeat` times through the Flask app (`GET /queries/<name>?page=N`, SPARQL JSON), the path a
client of /queries and the query page takes, minus the socket.

    python -m bench.listings --quads 5000000
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.common import OUT, Result, Table, log, median, percentile
from bench.query import ensure_disk_store
from bench.synth import ensure_dataset

TARGET_MS = 200.0


def run(quads: int = 5_000_000, repeat: int = 30, seed: int = 42) -> Result:
    from relgraph.listing_cache import Listing, materialise
    from relgraph.queries import named_queries
    from relgraph.settings import Settings
    from relgraph.snapshot import store_version
    from relgraph.store import open_store
    from relgraph.web import create_app

    nq, info = ensure_dataset(OUT / "synth", quads, seed)
    store_dir = ensure_disk_store(OUT, nq)
    queries = named_queries()
    root = Path(tempfile.mkdtemp(prefix="listings-", dir=OUT))
    store = open_store(store_dir, read_only=True)
    version = store_version(store_dir)[0]
    log(f"listings: writing {len(queries)} listings of {info['quads']:,} quads")
    started = time.perf_counter()
    written = materialise(store, version, queries, root)
    total = time.perf_counter() - started
    store.close()
    app = create_app(Settings.load(store=store_dir, listing_cache_dir=root, query_workers=1))
    client = app.test_client()
    table = Table(f"Canned listings at {info['quads']:,} quads: writing them once per store version, then "
                  f"pages of 100 rows through the app (GET /queries/<name>?page=N, JSON; {repeat} runs)",
                  ["query", "rows", "written in s", "listing MiB", "page 1 p50 / p99 ms", "middle page p50 / p99 ms"])
    worst = 0.0
    try:
        for name, query in queries.items():
            listing = Listing.find(root, version, query)
            if listing is None:
                table.add(name, "–", written.get(name, {}).get("error", "not written"), "–", "–", "–")
                worst = float("inf")
                continue
            size = sum(listing.stem.with_suffix(s).stat().st_size for s in (".tsv", ".idx")) / 2**20
            cells = []
            for page in (1, max(1, listing.rows // 200)):
                times = []
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    response = client.get(f"/queries/{name}?page={page}", headers={"Accept": "application/json"})
                    times.append((time.perf_counter() - t0) * 1000)
                    assert response.status_code == 200, response.data[:200]
                cells.append(f"{median(times):.1f} / {percentile(times, 99):.1f}")
                if page == 1:
                    worst = max(worst, median(times))
            table.add(name, f"{listing.rows:,}", f"{written[name]['seconds']:.1f}", f"{size:.1f}", *cells)
    finally:
        app.extensions["relgraph"].executor.close()
    table.notes.append(f"All {len(written)} listings written in {total:.1f} s (one process, the store opened "
                       "read-only, as the server's materialiser does it).")
    result = Result("listings", tables=[table], raw={"written": written, "seconds": total, "quads": info["quads"]})
    result.target(f"first page (100 rows) of every canned query p50 ≤ {TARGET_MS:.0f} ms at "
                  f"{info['quads']:,} quads (from the written listings)", f"{worst:.1f} ms", worst <= TARGET_MS)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Cost of writing canned listings; speed of their pages.")
    parser.add_argument("--quads", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    result = run(args.quads, args.repeat)
    for table in result.tables:
        print(table.markdown())
    for target in result.targets:
        print(" | ".join(target))
    (OUT / "listings.json").write_text(json.dumps(result.raw, default=str, indent=1))


if __name__ == "__main__":
    main()
