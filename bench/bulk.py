"""Writing into Virtuoso: triples/s of relgraph's SPARQL UPDATE path against its bulk-loader path
(relgraph.virtuoso_bulk), same data, same run.

The data is bench/synth.py's graph (one named graph per article), cut into build-sized chunks of
`chunk` articles and written chunk by chunk with `RemoteStore.replace_graphs(graphs, quads)`, as
`relgraph build` writes them. Each path gets a fresh private Virtuoso (bench/virtuoso.py, same
ini), so neither inherits the other's database. Afterwards the quads per graph are read back from
both servers and must be what the input holds. Then, on the same servers, rebuild-sized chunks
(1, 10, 50 articles, replacing graphs the store holds) are timed on both paths: what the
`bulk_min_quads` threshold is chosen from.

`python -m bench.bulk [--quads N] [--chunk ARTICLES] [--repeat R]`; writes bench/out/bulk.md/.json.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.common import OUT, Result, Table, fmt_num, log, machine, median
from bench.synth import ensure_dataset
from bench.virtuoso import running_virtuoso

PATHS = ("update", "bulk")
SMALL = (1, 10, 50)   # articles per chunk for the threshold table
BUFFERS = 60_000      # Virtuoso NumberOfBuffers (8 KiB pages: about 470 MiB) for both servers


def article_graphs(nq: Path) -> list[tuple[str, list[ox.Quad]]]:
    """(graph IRI, its quads) in file order."""
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    return list(graphs.items())


def chunks(graphs: list, size: int) -> list[list]:
    return [graphs[k:k + size] for k in range(0, len(graphs), size)]


def open_remote(server, path: str):
    from relgraph.remote_store import RemoteStore
    from relgraph.virtuoso_bulk import BulkLoader

    if path == "update":
        return RemoteStore(server.url)
    loader = BulkLoader(server.sql_address, "dba", "dba", server.load_dir, min_quads=1)
    return RemoteStore(server.url, bulk=loader)


def write(store, chunk: list[tuple[str, list[ox.Quad]]]) -> float:
    """Seconds to write one chunk the way a build does (its graphs dropped, its quads added)."""
    t0 = time.perf_counter()
    store.replace_graphs([g for g, _ in chunk], [q for _, qs in chunk for q in qs])
    return time.perf_counter() - t0


def counts_per_graph(store) -> dict[str, int]:
    rows = store.query(f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(STRSTARTS(STR(?g), "{store.graph_prefix}")) }} GROUP BY ?g""")
    return {r["g"].value: int(r["n"].value) for r in rows}


def run_path(path: str, graphs: list, chunk: int, repeat: int, workdir: Path) -> dict:
    """Load everything on one path into a fresh server, check it, then time small rebuild chunks."""
    with running_virtuoso(workdir / path, max_rows=len(graphs) + 10, buffers=BUFFERS) as server:
        store = open_remote(server, path)
        seconds = []
        for k, part in enumerate(chunks(graphs, chunk)):
            seconds.append(write(store, part))
            log(f"{path}: chunk {k + 1}: {sum(len(qs) for _, qs in part):,} quads in {seconds[-1]:.2f} s")
        held = counts_per_graph(store)
        small = {}
        for articles in SMALL:
            part = graphs[:articles]
            small[articles] = {"quads": sum(len(qs) for _, qs in part),
                               "seconds": [write(store, part) for _ in range(repeat)]}
            log(f"{path}: rebuild of {articles} article(s): {median(small[articles]['seconds']):.3f} s")
        assert counts_per_graph(store) == held, f"{path}: rebuilding graphs changed the store"
        return {"chunk_seconds": seconds, "held": held, "small": small}


def run(quads: int = 500_000, chunk: int = 200, repeat: int = 3, workdir: Path | None = None) -> Result:
    nq, info = ensure_dataset(OUT / "synth", quads)
    graphs = article_graphs(nq)
    expected = {g: len(set(qs)) for g, qs in graphs}
    total = sum(expected.values())
    result = Result("bulk")
    measured = {}
    with tempfile.TemporaryDirectory(prefix="relgraph-bench-bulk-", dir=workdir) as tmp:
        for path in PATHS:
            measured[path] = run_path(path, graphs, chunk, repeat, Path(tmp))
            assert measured[path]["held"] == expected, f"{path}: the server holds other quads than the input"
    main = Table(f"Build-sized chunks into Virtuoso: {total:,} quads, {len(graphs):,} article graphs, "
                 f"{chunk} articles per chunk, one fresh server per path",
                 ["path", "chunks", "seconds", "triples/s", "× vs SPARQL UPDATE", "slowest chunk s"])
    rates = {p: total / sum(m["chunk_seconds"]) for p, m in measured.items()}
    for path in PATHS:
        m = measured[path]
        main.add("SPARQL UPDATE" if path == "update" else "bulk loader (isql)", len(m["chunk_seconds"]),
                 f"{sum(m['chunk_seconds']):.1f}", fmt_num(rates[path]),
                 f"{rates[path] / rates['update']:.2f}", f"{max(m['chunk_seconds']):.2f}")
    main.notes += ["Both servers end holding exactly the input's quads, graph by graph (checked).",
                   "Bulk: DROP (SPARQL UPDATE), N-Quads file, ld_add + rdf_loader_run(log_enable=>2) + "
                   "checkpoint, load_list check, marks (dip:sha256) by SPARQL UPDATE.",
                   "UPDATE: RemoteStore's default, DROP + INSERT DATA in one request up to max_request_mb "
                   "(8 MB), above it INSERT DATA into staging graphs in 8 MB requests and one request of "
                   "MOVEs (a 200-article chunk is about 25 MB of update text)."]
    small = Table(f"Rebuild chunks (graphs the store holds, replaced), median of {repeat}",
                  ["articles", "quads", "UPDATE s", "bulk s", "UPDATE triples/s", "bulk triples/s"])
    for articles in SMALL:
        q = measured["update"]["small"][articles]["quads"]
        up, bu = (median(measured[p]["small"][articles]["seconds"]) for p in PATHS)
        small.add(articles, f"{q:,}", f"{up:.3f}", f"{bu:.3f}", fmt_num(q / up), fmt_num(q / bu))
    result.tables += [main, small]
    result.raw = {"dataset": info, "machine": machine(), "chunk": chunk,
                  "paths": {p: {k: v for k, v in m.items() if k != "held"} for p, m in measured.items()}}
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bulk", description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=500_000)
    parser.add_argument("--chunk", type=int, default=200, help="articles per chunk (relgraph's commit_every)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(args.quads, args.chunk, args.repeat)
    text = "\n".join(t.markdown() for t in result.tables)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bulk.md").write_text(f"<!-- {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} -->\n" + text)
    (OUT / "bulk.json").write_text(json.dumps({"tables": [vars(t) for t in result.tables], "raw": result.raw},
                                              indent=1, default=str))


if __name__ == "__main__":
    main()
