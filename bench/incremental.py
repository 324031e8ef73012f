"""Incremental build benchmark: the time `relgraph build` takes to add 10 new articles to stores
that already hold 0, 100, 1,000 (... ) articles of the generated corpus. It should be proportional
to the 10 new articles, not to the store.

Each base store is built once (cached under bench/out/stores/, keyed by the relgraph version; a
synthetic one by the code that makes its keys, `keys_version`) and copied for every run (its .sst files hard-linked), so every run adds the same 10 articles to the
same store. Stores too large to extract in time (100,000 articles: about 20 h) are loaded from
`bench.synth`'s graph instead, with the keys a build stores (`synthetic_store`), so the resolver
looks up what it looks up in a built store. Runs go round the sizes in turn. Every run is a fresh
`relgraph build NEW --store COPY` process timed from outside (start-up and model load included, as
a user sees it). The largest store is also profiled in-process (cProfile of `relgraph.build.build`):
the top functions by cumulative time go to bench/out/profile-incremental-<N>.txt and the table.
"""
from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import PYTHON, RELGRAPH, REPO, Result, Table, fmt_ratio, log, median
from bench.corpus import ensure_corpus

NEW_START = 500_000     # the new articles come from far beyond any base corpus
TARGET_GROWTH = 1.5     # adding to the largest store may take at most 1.5 x adding to an empty one


def relgraph_version() -> str:
    """The relgraph version plus a digest of its source: a base store is rebuilt when the code
    that writes stores changes."""
    import hashlib

    from relgraph import __version__

    digest = hashlib.sha256()
    for path in sorted((REPO / "src" / "relgraph").rglob("*.py")):
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:10]}"


# What decides the keys a synthetic base store holds: it is loaded again when one of these changes,
# not for every change of relgraph (a 100,000-article store takes about 10 minutes).
KEY_SOURCES = ["fact_keys.py", "fact_identity.py", "person_index.py", "nlp/person_match.py", "gazetteer.py",
               "name_keys.py", "iris.py", "namespaces.py"]


def keys_version() -> str:
    """A digest of the code and data that make the keys of a synthetic store (`KEY_SOURCES`, the
    gazetteer's data, bench.synth)."""
    import hashlib

    digest = hashlib.sha256()
    paths = [REPO / "src" / "relgraph" / name for name in KEY_SOURCES] + [REPO / "bench" / "synth.py"]
    paths += sorted((REPO / "data" / "gazetteer").rglob("*"))
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def base_store(workdir: Path, n: int) -> Path:
    """A store holding the first `n` articles of the corpus, built once."""
    path = workdir / "stores" / f"incremental-{relgraph_version()}-{n}"
    marker = path / ".bench-complete"
    if not marker.exists():
        shutil.rmtree(path, ignore_errors=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        if n:
            corpus = ensure_corpus(workdir / "corpus", n)
            log(f"incremental: building the base store of {n:,} articles (once)")
            cmd = [RELGRAPH, "build", str(corpus), "--store", str(path)]
            help_text = subprocess.run([RELGRAPH, "build", "--help"], capture_output=True, text=True).stdout
            if "--workers" in help_text:
                cmd += ["--workers", "2"]
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)
            log(f"incremental: base store of {n:,} built in {time.perf_counter() - t0:.0f} s")
        else:
            path.mkdir(parents=True)
        marker.write_text("ok\n")
    return path


def synthetic_store(workdir: Path, n: int, seed: int = 42, part: int = 5_000, *, provenance: bool = True) -> Path:
    """A store holding `n` articles of `bench.synth`'s graph with the keys the resolver stores
    (persons' name and role keys, facts' match keys), the union default graph and the marker
    saying it files persons by role, as `relgraph build` writes them, built once. Bulk-loaded `part` articles at a time from a scratch N-Quads file
    (a 100,000-article graph written whole would take ≈ 25 GB). Without `provenance`, the
    statements are not reified (`bench.synth.write_article`): the resolver reads none of that, and
    the store loads in a third of the time."""
    import random

    import pyoxigraph as ox

    from bench import synth
    from relgraph.store import ROLE_MARKER

    lean = "" if provenance else "-lean"
    path = workdir / "stores" / f"incremental-synth{lean}-v{synth.GENERATOR_VERSION}-s{seed}-k{keys_version()}-{n}"
    marker = path / ".bench-complete"
    if marker.exists():
        return _compacted(path)
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    log(f"incremental: loading a synthetic base store of {n:,} articles (once)")
    t0 = time.perf_counter()
    rng = random.Random(seed)
    pools, keys, shared, stats = synth.Pools(rng, n), synth.StoreKeys(), [], {"person_mentions": {}}
    store, scratch, quads = ox.Store(str(path)), path.parent / f"{path.name}.part.nq", 0
    for start in range(0, n, part):
        with open(scratch, "w", encoding="utf-8", buffering=1 << 20) as out:
            for index in range(start, min(n, start + part)):
                quads += synth.write_article(out, index, rng, pools, shared, stats, keys, provenance)
        store.bulk_load(path=str(scratch), format=ox.RdfFormat.N_QUADS)
    scratch.unlink()
    store.flush()
    del store
    (path / ROLE_MARKER).touch()  # its graphs file persons by role key, as a store built now does
    log(f"incremental: synthetic base store of {n:,} articles ({quads:,} quads in article graphs) "
        f"in {time.perf_counter() - t0:.0f} s")
    marker.write_text(f"{quads}\n")
    return _compacted(path)


def _compacted(path: Path) -> Path:
    """`path`, compacted once. A store just bulk-loaded in parts is not at rest: RocksDB compacts it
    in the background as soon as a process opens it for writing (3.7 s of CPU in the first 8 s at
    10,000 articles), and every copy would redo that compaction inside the timed build, on cores the
    build needs; a store that builds wrote compacts as they go."""
    import pyoxigraph as ox

    marker = path / ".bench-compacted"
    if not marker.exists():
        t0 = time.perf_counter()
        store = ox.Store(str(path))
        store.optimize()
        store.flush()
        del store
        marker.write_text("ok\n")
        log(f"incremental: compacted {path.name} in {time.perf_counter() - t0:.0f} s (once)")
    return path


def copy_store(base: Path) -> Path:
    """A scratch copy of `base` that a build may write to. RocksDB never changes an .sst file once
    written, so those are hard links (as in a RocksDB checkpoint) and only the small files are
    copied: copying a 100,000-article store would cost more than the build it is made for."""
    def link_or_copy(src: str, dst: str) -> None:
        if src.endswith(".sst"):
            try:
                os.link(src, dst)
                return
            except OSError:
                pass
        shutil.copy2(src, dst)

    target = Path(tempfile.mkdtemp(prefix="relgraph-bench-inc-", dir=base.parent)) / "store"
    shutil.copytree(base, target, ignore=shutil.ignore_patterns(".bench-complete", ".bench-compacted", "LOCK"),
                    copy_function=link_or_copy)
    return target


def timed_build(new: Path, store: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run([RELGRAPH, "build", str(new), "--store", str(store)], capture_output=True, text=True,
                          cwd=REPO)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"relgraph build failed: {proc.stderr.strip()[-500:]}")
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if "extracted" in line]
    return seconds, lines[-1].strip().split(" to /")[0] if lines else ""


def profile_child(new: str, store: str, out: str) -> None:
    """Profile one incremental build in this process (after loading spaCy, which is not the point)."""
    from relgraph.build import build
    from relgraph.nlp.pipeline import load_nlp
    from relgraph.settings import Settings

    settings = Settings.load(store=store)
    load_nlp(settings.spacy_model)
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    report = build([new], settings)
    profiler.disable()
    seconds = time.perf_counter() - t0
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(30)
    Path(out).write_text(f"build() of {report.extracted} new articles: {seconds:.2f} s (model preloaded)\n"
                         + text.getvalue())
    top = []
    for (filename, line, func), (_, _, tottime, cumtime, _) in stats.stats.items():
        if "relgraph" in filename or "pyoxigraph" in filename or func.startswith("<method"):
            top.append((cumtime, tottime, f"{Path(filename).name}:{line}({func})"))
    top.sort(reverse=True)
    print(json.dumps({"seconds": seconds, "top": top[:12], "lookup_queries": getattr(report, "lookup_queries", None),
                      "lookup_rows": getattr(report, "lookup_rows", None)}))


def run(sizes: list[int] = (100, 1_000), add: int = 10, repeat: int = 3, *, workdir: Path,
        quick: bool = False, synth_sizes: list[int] = (), lean_sizes: list[int] = ()) -> Result:
    """`sizes`: base stores built from the generated corpus; `synth_sizes`: base stores loaded from
    `bench.synth`'s graph (with the resolver's keys), for sizes too large to extract in time;
    `lean_sizes`: the same without the statements' provenance (see `synthetic_store`)."""
    result = Result("incremental")
    new = ensure_corpus(workdir / "corpus", add, start=NEW_START)
    bases = [(0, "built", base_store(workdir, 0))]
    bases += [(n, "built", base_store(workdir, n)) for n in sizes]
    bases += [(n, "synthetic", synthetic_store(workdir, n)) for n in synth_sizes]
    bases += [(n, "synthetic, no provenance", synthetic_store(workdir, n, provenance=False)) for n in lean_sizes]
    times: dict[tuple, list[float]] = {}
    quads: dict[tuple, str] = {}
    for r in range(repeat):  # interleaved: a change in the machine's load touches every size alike
        for n, kind, base in bases:
            store = copy_store(base)
            try:
                log(f"incremental: add {add} to {n:,} {kind} ({r + 1}/{repeat})")
                seconds, summary = timed_build(new, store)
            finally:
                shutil.rmtree(store.parent, ignore_errors=True)
            times.setdefault((n, kind), []).append(seconds)
            quads[n, kind] = summary
    largest = max(bases, key=lambda b: b[0])
    profile = {}
    if largest[0]:
        store = copy_store(largest[2])
        out = workdir / f"profile-incremental-{largest[0]}.txt"
        try:
            log(f"incremental: profiling an incremental build into {largest[0]:,} ({largest[1]})")
            proc = subprocess.run([PYTHON, "-m", "bench.incremental", "--profile", str(new), str(store), str(out)],
                                  capture_output=True, text=True, cwd=REPO)
            if proc.returncode == 0:
                profile = json.loads(proc.stdout.strip().splitlines()[-1])
        finally:
            shutil.rmtree(store.parent, ignore_errors=True)
    table = Table(f"Incremental build: `relgraph build` of {add} new articles into a store of N articles "
                  "(fresh process each run, median; base stores built from the generated corpus or "
                  "loaded from bench.synth's graph)",
                  ["articles in store", "base store", "runs", "seconds", "× adding to an empty store",
                   "build summary"])
    empty = median(times[0, "built"])
    for n, kind, _ in bases:
        t = times[n, kind]
        table.add(f"{n:,}", kind, len(t), f"{median(t):.2f}", fmt_ratio(median(t) / empty), quads[n, kind])
    if profile:
        table.notes.append(f"cProfile of build() into {largest[0]:,} articles ({largest[1]}; model preloaded, "
                           f"{profile['seconds']:.2f} s; {profile.get('lookup_queries')} lookups returned "
                           f"{profile.get('lookup_rows')} rows; full listing in bench/out/{out.name}); "
                           "cumulative / own seconds:")
        table.notes += [f"`{name}` {cum:.2f} / {own:.2f}" for cum, own, name in profile["top"]]
    result.tables.append(table)
    result.raw = {"times": {f"{n}-{kind}": t for (n, kind), t in times.items()}, "profile": profile}
    growth = median(times[largest[0], largest[1]]) / empty
    result.target(f"incremental: adding {add} to {largest[0]:,} articles ({largest[1]}) ≤ 1.5 × adding {add} "
                  "to an empty store", fmt_ratio(growth), growth <= TARGET_GROWTH)
    return result


def main(argv: list[str]) -> None:
    if argv[:1] == ["--profile"]:
        profile_child(*argv[1:4])
        return
    raise SystemExit("usage: python -m bench incremental (or --profile NEW STORE OUT)")


if __name__ == "__main__":
    main(sys.argv[1:])
