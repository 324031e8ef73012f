"""Cluster driver benchmark: how many Dask workers one building process can feed.

A build on a Dask cluster splits in two: workers extract (spaCy and the rules), and the driver (the
process running `relgraph build`) admits stories, resolves, maps and writes each chunk while the
workers extract the next. The driver saturates when its own time per article exceeds a worker's
time per article divided by the number of workers. This runs one build of N generated articles
(`bench/corpus.py`) on a `distributed.LocalCluster` on 127.0.0.1 and takes, from the build
report, the driver's own seconds (`BuildReport.driver_seconds`: everything but the wait for
results) per article; a worker's articles/s comes from extracting a sample of the same corpus in
one process (`parallel.extract_batch`, the function each Dask task runs). It then builds the same
articles in-process and compares the two graphs (sorted N-Quads).

    python -m bench.driver -n 200 --workers 2      # N articles, W LocalCluster worker processes
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import OUT, Result, Table, log
from bench.corpus import corpus_words, ensure_corpus


def _sorted_nquads(store: Path, out: Path) -> Path:
    """The store's N-Quads sorted into a file: at 10,000 articles (millions of quads) the lines do
    not fit comfortably in a list, so GNU sort does it on disk."""
    from relgraph.store import open_store

    raw = out.with_suffix(".unsorted.nq")
    with raw.open("wb") as handle:
        open_store(store, read_only=True).dump(handle, "nquads")
    subprocess.run(["sort", "-o", str(out), "-T", str(out.parent), str(raw)], check=True,
                   env={**os.environ, "LC_ALL": "C"})
    raw.unlink()
    return out


def _same_graph(a: Path, b: Path, scratch: Path) -> bool:
    return filecmp.cmp(_sorted_nquads(a, scratch / "a.nq"), _sorted_nquads(b, scratch / "b.nq"), shallow=False)


def worker_rate(corpus: Path, sample: int, model: str, batch_size: int) -> float:
    """Articles/s of one extraction process on the first `sample` articles (model loaded first)."""
    from relgraph.articles import iter_articles
    from relgraph.nlp.pipeline import load_nlp
    from relgraph.parallel import extract_batch

    articles = [a for a in iter_articles([corpus]) if not isinstance(a, Exception)][:sample]
    load_nlp(model)
    t0 = time.perf_counter()
    extract_batch(articles, model, batch_size)
    return len(articles) / (time.perf_counter() - t0)


def run(articles: int = 200, workers: int = 2, sample: int = 50, *, workdir: Path = OUT) -> Result:
    import distributed

    from relgraph.build import build
    from relgraph.settings import Settings

    corpus = ensure_corpus(workdir / "corpus", articles)
    words = corpus_words(corpus)
    scratch = Path(tempfile.mkdtemp(prefix="driver-", dir=workdir))
    try:
        settings = Settings.load(store=scratch / "dask")
        log(f"LocalCluster of {workers} worker process(es); building {articles} articles")
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None) as cluster:
            t0 = time.perf_counter()
            report = build([corpus], settings, dask=cluster.scheduler_address)
            dask_seconds = time.perf_counter() - t0
        if not report.ok:
            raise RuntimeError("; ".join(report.errors[:3]))
        log("the same articles in-process")
        t0 = time.perf_counter()
        local = build([corpus], Settings.load(store=scratch / "local"))
        local_seconds = time.perf_counter() - t0
        same = _same_graph(scratch / "dask", scratch / "local", scratch)
        log("one extraction process on a sample")
        rate = worker_rate(corpus, sample, settings.spacy_model, settings.batch_size)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    driver_ms = 1000 * report.driver_seconds / max(report.extracted, 1)
    write_ms = 1000 * report.write_seconds / max(report.extracted, 1)
    # The store write runs on its own thread beside the rest of the driver's work: with a core for
    # each, the slower of the two sets the pace; on one core, their sum.
    paced_ms = max(write_ms, driver_ms - write_ms)
    saturation = 1000 / driver_ms / rate     # workers whose output the driver just keeps up with (one core)
    saturation_two = 1000 / paced_ms / rate  # the same with the write on a second core
    table = Table(f"Dask driver: {articles:,} generated articles ({words:,} words), LocalCluster of "
                  f"{workers} worker process(es), chunks of {settings.commit_every}",
                  ["build", "seconds", "articles/s", "driver ms/article", "of it the store write",
                   "worker articles/s", "driver saturates at (workers; one core / two)",
                   "same graph as in-process"])
    table.add("--dask", f"{dask_seconds:.1f}", f"{articles / dask_seconds:.2f}", f"{driver_ms:.1f}",
              f"{write_ms:.1f}", f"{rate:.2f}", f"{saturation:.1f} / {saturation_two:.1f}",
              "yes" if same else "**no**")
    table.add("in-process", f"{local_seconds:.1f}", f"{articles / local_seconds:.2f}",
              f"{1000 * local.driver_seconds / max(local.extracted, 1):.1f}",
              f"{1000 * local.write_seconds / max(local.extracted, 1):.1f}", "", "", "")
    result = Result("driver", tables=[table], raw={
        "articles": articles, "words": words, "workers": workers, "dask_seconds": dask_seconds,
        "local_seconds": local_seconds, "driver_seconds": report.driver_seconds,
        "driver_ms_per_article": driver_ms, "worker_articles_per_s": rate,
        "write_ms_per_article": write_ms, "saturation_workers": saturation,
        "saturation_workers_write_apart": saturation_two, "same_graph": same})
    result.target("a LocalCluster build gives the graph of an in-process build", "same" if same else "differs",
                  same)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Dask driver cost per article and saturation estimate.")
    parser.add_argument("-n", "--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=50)
    args = parser.parse_args(argv)
    result = run(args.articles, args.workers, args.sample)
    for table in result.tables:
        print(table.markdown())
    print(json.dumps(result.raw))


if __name__ == "__main__":
    main()
