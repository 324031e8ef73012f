"""Canned listings evaluated once per store version, so that any page of them is a file read.

A page of a sorted listing costs as much as the whole listing: the store must evaluate and sort
every row before it can hand out rows 1-100 (bench/README.md, "Paging"). A read-only store version
never changes, so each canned query's full listing, in the stable order of `relgraph.paging`, is
written once per version as SPARQL TSV (one solution per line, terms in N-Triples syntax) beside an
index of line offsets. A page is then the header line plus `per_page + 1` lines read at an offset,
re-serialised into the format the client asked for: milliseconds at any size, the same rows in the
same order as the live page query (tests/test_listing_cache.py compares them page by page).

Files, under `Settings.listing_cache_dir` (default: one folder per store under the temp dir):
`<version>/<name>-<digest of the query text>.tsv`, `.idx` (little-endian uint64 offsets of every
line, then the file size) and `.json` (columns, rows, seconds), written in that order and each
renamed into place, so a reader that finds the `.json` finds the others complete. An edited query
file has another digest and is evaluated again. A listing that is not (yet) written is answered by
the live page query, as before.

Who writes them: `relgraph listings` (`materialise_store`), and `relgraph serve`, which starts
`python -m relgraph.listing_cache` at low CPU priority for every store version it begins to serve
(`start_materialiser`). Nothing a client sends starts or steers it.
"""
from __future__ import annotations

import argparse
import array
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from relgraph.paging import Page, PageSpec, listing_text
from relgraph.queries import NamedQuery
from relgraph.renderers import RESULT_FORMATS
from relgraph.snapshot import open_at_one_version, per_store_temp_dir, store_version

TSV = ox.QueryResultsFormat.TSV
INDEX_ITEM = "Q"  # uint64 offsets
KEEP_VERSIONS = 2  # the version being served and the one before it (a generation may still drain)


def cache_root(settings) -> Path:
    """The configured listing cache folder, or one per store under the temp dir."""
    if settings.listing_cache_dir is not None:
        return Path(settings.listing_cache_dir)
    return per_store_temp_dir(settings.store, "listings")


def _stem(root: Path, version: str, query: NamedQuery) -> Path:
    digest = hashlib.sha256(query.text.encode()).hexdigest()[:12]
    return root / version / f"{query.name}-{digest}"


@dataclass(frozen=True)
class Listing:
    """A materialised listing: its files and what its `.json` says."""

    stem: Path
    columns: list[str]
    rows: int

    @classmethod
    def find(cls, root: Path, version: str, query: NamedQuery) -> Listing | None:
        stem = _stem(root, version, query)
        try:
            meta = json.loads(stem.with_suffix(".json").read_text())
        except (OSError, ValueError):
            return None
        return cls(stem, meta["columns"], meta["rows"])

    def page_tsv(self, spec: PageSpec) -> tuple[bytes, bool] | None:
        """The header and the page's lines as TSV bytes, and whether a next page exists; None when
        the files went away (an old version pruned while this process still served it)."""
        first = min(spec.offset, self.rows)
        last = min(spec.offset + spec.per_page, self.rows)
        try:
            with open(self.stem.with_suffix(".idx"), "rb") as index:
                # offsets of line 0 (the header), line 1 and lines first+1 .. last+1
                head = array.array(INDEX_ITEM)
                head.frombytes(index.read(2 * head.itemsize))
                index.seek((first + 1) * head.itemsize)
                span = array.array(INDEX_ITEM)
                span.frombytes(index.read((last - first + 1) * span.itemsize))
            with open(self.stem.with_suffix(".tsv"), "rb") as rows:
                header = rows.read(head[1] - head[0])
                rows.seek(span[0])
                body = rows.read(span[-1] - span[0])
        except (OSError, IndexError):
            return None
        return header + body, last < self.rows

    def page(self, spec: PageSpec) -> Page | None:
        """The page as pyoxigraph terms (what `relgraph.paging.fetch_page` returns live)."""
        found = self.page_tsv(spec)
        if found is None:
            return None
        tsv, has_next = found
        solutions = ox.parse_query_results(tsv, TSV)
        columns = [v.value for v in solutions.variables]
        return Page(spec, columns, [[s[c] for c in columns] for s in solutions], has_next=has_next)


def serialise_page(listing: Listing, spec: PageSpec, fmt: str) -> tuple[bytes, bool] | None:
    """The page in the results format `fmt` (json, xml, csv, tsv) and whether a next page exists."""
    found = listing.page_tsv(spec)
    if found is None:
        return None
    tsv, has_next = found
    if fmt == "tsv":
        return tsv, has_next
    out = io.BytesIO()
    ox.parse_query_results(tsv, TSV).serialize(out, RESULT_FORMATS[fmt])
    return out.getvalue(), has_next


# -- writing ---------------------------------------------------------------------------------------

def materialise(store, version: str, queries: dict[str, NamedQuery], root: Path) -> dict[str, dict]:
    """Write every canned listing of `store` (opened at `version`) that is not written yet; returns
    what each one took. A query that cannot be paged or fails is left to the live path."""
    from relgraph.errors import QueryError

    done: dict[str, dict] = {}
    folder = root / version
    folder.mkdir(parents=True, exist_ok=True)
    for query in queries.values():
        if Listing.find(root, version, query) is not None:
            continue
        try:
            text = listing_text(query)
        except QueryError:
            continue
        started = time.perf_counter()
        try:
            done[query.name] = _write_listing(store, text, _stem(root, version, query))
        except (OSError, SyntaxError, RuntimeError, ValueError) as exc:
            done[query.name] = {"error": str(exc)[:200]}
            continue
        done[query.name]["seconds"] = round(time.perf_counter() - started, 3)
    _prune(root, keep=version)
    return done


def _write_listing(store, text: str, stem: Path) -> dict:
    folder = stem.parent
    tsv = _temporary(folder, stem.name + ".tsv")
    result = store.query(text)
    columns = [v.value for v in result.variables]
    with open(tsv, "wb") as out:
        result.serialize(out, TSV)
    offsets, rows = _line_offsets(tsv)
    idx = _temporary(folder, stem.name + ".idx")
    idx.write_bytes(offsets.tobytes())
    meta = _temporary(folder, stem.name + ".json")
    info = {"columns": columns, "rows": rows}
    meta.write_text(json.dumps(info))
    for part, suffix in ((tsv, ".tsv"), (idx, ".idx"), (meta, ".json")):  # the .json last: it says "complete"
        os.replace(part, stem.with_suffix(suffix))
    return info


def _temporary(folder: Path, name: str) -> Path:
    fd, path = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=name)
    os.close(fd)
    return Path(path)


def _line_offsets(path: Path) -> tuple[array.array, int]:
    """The offset of every line of `path`, then its size; and the number of lines after the header.
    TSV results end every line, the last one included, with a newline."""
    offsets = array.array(INDEX_ITEM, [0])
    position = 0
    with open(path, "rb") as source:
        for line in source:
            position += len(line)
            offsets.append(position)
    return offsets, max(0, len(offsets) - 2)


def _prune(root: Path, keep: str) -> None:
    """Remove the folders of older versions, keeping `keep` and the newest other ones."""
    others = sorted((p for p in root.iterdir() if p.is_dir() and p.name != keep),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP_VERSIONS - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def materialise_store(settings) -> tuple[str, dict[str, dict]]:
    """Open the embedded store read-only and write its canned listings; (version, what each took)."""
    from relgraph.queries import named_queries
    from relgraph.store import open_store

    store, version = open_at_one_version(settings.store, lambda: open_store(settings.store, read_only=True))
    try:
        return version, materialise(store, version, named_queries(Path(settings.queries_dir)), cache_root(settings))
    finally:
        store.close()


def start_materialiser(settings, version: str) -> subprocess.Popen | None:
    """Start writing the listings of `version` in a low-priority child process, unless
    `settings.listing_cache` is off. The child checks that the store is still at `version`."""
    if not settings.listing_cache:
        return None
    env = dict(os.environ, RELGRAPH_STORE=str(settings.store), RELGRAPH_QUERIES_DIR=str(settings.queries_dir))
    if settings.listing_cache_dir is not None:
        env["RELGRAPH_LISTING_CACHE_DIR"] = str(settings.listing_cache_dir)
    return subprocess.Popen([sys.executable, "-m", "relgraph.listing_cache", "--version", version], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, preexec_fn=_lower_priority)


def _lower_priority() -> None:
    os.nice(10)  # a listing is a full query: it must not take CPU from the requests being served


def main(argv: list[str] | None = None) -> int:
    from relgraph.settings import Settings

    parser = argparse.ArgumentParser(description="Write the canned listings of the store's current version.")
    parser.add_argument("--version", help="only if the store is still at this version")
    args = parser.parse_args(argv)
    settings = Settings.load()
    if args.version and store_version(settings.store)[0] != args.version:
        return 0  # a newer build: the server starts another materialiser for it
    version, done = materialise_store(settings)
    print("\n".join(report_lines(settings, version, done)), file=sys.stderr)
    return 0


def report_lines(settings, version: str, done: dict[str, dict]) -> list[str]:
    """What `materialise_store` wrote, a line per listing and a last line saying where."""
    lines = [f"{name}: {_what(info)}" for name, info in done.items()]
    return lines + [f"store version {version}: {len(done)} listing(s) written to {cache_root(settings) / version}"]


def _what(info: dict) -> str:
    return info["error"] if "error" in info else f"{info['rows']:,} rows in {info['seconds']:.2f} s"


if __name__ == "__main__":
    sys.exit(main())
