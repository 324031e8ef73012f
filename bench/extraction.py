"""Extraction benchmark: words/s of `relgraph build` against spaCy's own `nlp.pipe` with the same
model on the same text, with 1 and 2 processes; plus the corpus generator's speed.

Every measurement is a whole fresh process timed from outside (wall clock), so both sides pay
their imports and model load: `relgraph build DIR --store NEW` against
`python -m bench.extraction --spacy DIR N_PROCESS BATCH` (import spacy, `spacy.load(model)`,
iterate `nlp.pipe(texts, batch_size, n_process)`). The same runs on a one-article corpus give each
side's fixed start-up cost, and "steady" words/s leave it out. Runs are interleaved (A B C D A B C
D ...) so that load from other processes on the machine hits every configuration alike. Each run's
CPU seconds (user + system, with its worker processes) are given in a second table: on a shared
machine they move less with the load than the wall clock.

`baseline=` (a source tree of another relgraph commit, e.g. `git worktree add /tmp/base COMMIT`)
adds that tree's `relgraph build` (its `src` first on PYTHONPATH) to the same interleaved runs, so
a speed change is measured against its parent in the same minutes of the same machine.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import PYTHON, RELGRAPH, REPO, Result, Table, fmt_num, fmt_ratio, log, median
from bench.corpus import corpus_words, ensure_corpus, generate_corpus

TARGET_OVERHEAD = 0.8   # build words/s >= 0.8 x bare nlp.pipe
TARGET_SCALING = 1.5    # 2 processes >= 1.5 x one
CORPUS_SIZES = (100, 1_000, 10_000)


def spacy_child(directory: str, n_process: int, batch_size: int) -> dict:
    """Bare spaCy over the .txt files of `directory` (runs in the child process)."""
    t0 = time.perf_counter()
    import spacy

    from relgraph.settings import Settings

    model = Settings.load().spacy_model
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(directory).glob("*.txt"))]
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        tokens += len(doc)
    done = time.perf_counter()
    return {"model": model, "load_s": loaded - t0, "pipe_s": done - loaded, "tokens": tokens,
            "pipeline": nlp.pipe_names}


def build_supports_workers() -> bool:
    out = subprocess.run([RELGRAPH, "build", "--help"], capture_output=True, text=True, cwd=REPO).stdout
    return "--workers" in out


def timed(cmd: list[str], tree: Path | None = None) -> tuple[float, str | None, str]:
    """Wall seconds of a command, run on the relgraph of source tree `tree` (default: this one);
    (seconds, error or None, stdout)."""
    seconds, _cpu, error, out = timed_cpu(cmd, tree)
    return seconds, error, out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_cpu(cmd: list[str], tree: Path | None = None) -> tuple[float, float, str | None, str]:
    """`timed`, with the CPU seconds (user + system) of the command and of the worker processes it
    waited for: on a shared machine they move less with the load than the wall clock does."""
    env = None
    if tree is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(tree / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    t0, cpu0 = time.perf_counter(), _children_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tree or REPO, env=env)
    seconds, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if proc.returncode != 0:
        tail = " | ".join((proc.stderr or proc.stdout).strip().splitlines()[-3:])
        return seconds, cpu, f"exit {proc.returncode}: {tail}", proc.stdout
    return seconds, cpu, None, proc.stdout


BASELINE = "relgraph build (baseline)"


def run(articles: int = 200, repeat: int = 3, *, workdir: Path, quick: bool = False,
        baseline: str | None = None) -> Result:
    from relgraph.settings import Settings

    result = Result("extraction")
    batch = Settings.load().batch_size

    # -- the corpus generator ----------------------------------------------------------------------
    gen = Table("Corpus generator (realistic diplomacy articles, .txt + .meta.json)",
                ["articles", "words", "seconds", "articles/s"])
    for n in CORPUS_SIZES[:1] if quick else CORPUS_SIZES:
        target = Path(tempfile.mkdtemp(prefix="relgraph-bench-corpus-"))
        try:
            t0 = time.perf_counter()
            info = generate_corpus(target, n)
            seconds = time.perf_counter() - t0
        finally:
            shutil.rmtree(target, ignore_errors=True)
        gen.add(f"{n:,}", f"{info['words']:,}", f"{seconds:.2f}", fmt_num(n / seconds))
    result.tables.append(gen)

    # -- extraction ---------------------------------------------------------------------------------
    corpus = ensure_corpus(workdir / "corpus", articles)
    one = ensure_corpus(workdir / "corpus", 1)
    words, words_one = corpus_words(corpus), corpus_words(one)
    workers = build_supports_workers()
    configs = {
        ("spaCy nlp.pipe", 1): lambda d: [PYTHON, "-m", "bench.extraction", "--spacy", str(d), "1", str(batch)],
        ("spaCy nlp.pipe", 2): lambda d: [PYTHON, "-m", "bench.extraction", "--spacy", str(d), "2", str(batch)],
        ("relgraph build", 1): lambda d: [RELGRAPH, "build", str(d), "--store", "{store}"],
    }
    if workers:
        configs[("relgraph build", 1)] = lambda d: [RELGRAPH, "build", str(d), "--store", "{store}",
                                                    "--workers", "1"]
        configs[("relgraph build", 2)] = lambda d: [RELGRAPH, "build", str(d), "--store", "{store}",
                                                    "--workers", "2"]
    else:
        log("extraction: `relgraph build --workers` does not exist yet; 2-process build not measured")
    base_tree = Path(baseline).resolve() if baseline else None
    if base_tree is not None:
        configs[(BASELINE, 1)] = configs[("relgraph build", 1)]
        if workers:
            configs[(BASELINE, 2)] = configs[("relgraph build", 2)]
    times: dict[tuple[str, int, str], list[float]] = {}
    cpu: dict[tuple[str, int, str], list[float]] = {}
    errors: list[str] = []
    for directory, label, runs in ((one, "one", max(1, repeat - 1)), (corpus, "all", repeat)):
        for r in range(runs):
            for key, make in configs.items():
                store = Path(tempfile.mkdtemp(prefix="relgraph-bench-build-"))
                try:
                    cmd = [str(store) if c == "{store}" else c for c in make(directory)]
                    log(f"extraction: {key[0]} ×{key[1]} on {label} ({r + 1}/{runs})")
                    seconds, used, error, _ = timed_cpu(cmd, base_tree if key[0] == BASELINE else None)
                finally:
                    shutil.rmtree(store, ignore_errors=True)
                if error:
                    errors.append(f"{key[0]} ×{key[1]}: {error}")
                    log(f"  failed: {error}")
                    continue
                times.setdefault((*key, label), []).append(seconds)
                cpu.setdefault((*key, label), []).append(used)
    table = Table(f"Extraction: {articles:,} generated articles, {words:,} words (wall clock of a fresh "
                  f"process, batch {batch}; start-up = the same on a 1-article corpus of {words_one} words)",
                  ["pipeline", "processes", "runs", "seconds (median)", "words/s", "start-up s",
                   "steady words/s", "÷ bare spaCy (same processes)", "2 ÷ 1 processes"])
    rates: dict[tuple[str, int], tuple[float, float]] = {}
    for key in configs:
        got = times.get((*key, "all"))
        if not got:
            table.add(key[0], key[1], 0, "failed", "–", "–", "–", "–", "–")
            continue
        seconds = median(got)
        startup = median(times.get((*key, "one"), [float("nan")]))
        steady = (words - words_one) / (seconds - startup) if seconds > startup else float("nan")
        rates[key] = (words / seconds, steady)
    for key in configs:
        if key not in rates:
            continue
        seconds = median(times[(*key, "all")])
        startup = median(times.get((*key, "one"), [float("nan")]))
        rate, steady = rates[key]
        peer = rates.get(("spaCy nlp.pipe", key[1]))
        vs_spacy = f"{fmt_ratio(rate / peer[0])} (steady {fmt_ratio(steady / peer[1])})" \
            if key[0].startswith("relgraph build") and peer else "–"
        one_proc = rates.get((key[0], 1))
        scaling = fmt_ratio(rate / one_proc[0]) + f" (steady {fmt_ratio(steady / one_proc[1])})" \
            if key[1] == 2 and one_proc else "–"
        table.add(key[0], key[1], len(times[(*key, "all")]), f"{seconds:.1f}", fmt_num(rate),
                  f"{startup:.1f}", fmt_num(steady), vs_spacy, scaling)
    if not workers:
        table.add("relgraph build", 2, 0, "not measured: `relgraph build --workers` is not there yet",
                  "–", "–", "–", "–", "–")
    if base_tree is not None:
        for n in (1, 2):
            ours_n, base_n = rates.get(("relgraph build", n)), rates.get((BASELINE, n))
            if ours_n and base_n:
                table.notes.append(f"{n} process(es): this tree ÷ the baseline ({base_tree}) = "
                                   f"{fmt_ratio(ours_n[0] / base_n[0])} (steady {fmt_ratio(ours_n[1] / base_n[1])})")
    table.notes += [
        f"Words are whitespace-separated words of the article files (the generator's corpus, first "
        f"{articles:,} of the 10,000-article corpus; extraction uses this subset to stay in time).",
        "spaCy's side does only the statistical pipeline; relgraph build also reads the articles and "
        "sidecars, runs its rules, resolves entities across the corpus, maps to RDF and writes the store "
        "(the bulk loader for a first build into an empty store).",
    ] + [f"error: {e}" for e in errors]
    result.tables.append(table)
    result.tables.append(_cpu_table(configs, cpu, words, words_one))
    result.raw = {"words": words, "words_one": words_one,
                  "times": {" ".join(map(str, k)): v for k, v in times.items()},
                  "cpu": {" ".join(map(str, k)): v for k, v in cpu.items()}}
    ours, bare = rates.get(("relgraph build", 1)), rates.get(("spaCy nlp.pipe", 1))
    if ours and bare:
        result.target("build ≥ 0.8 × bare nlp.pipe words/s (1 process, end to end)",
                      f"{fmt_ratio(ours[0] / bare[0])} (steady {fmt_ratio(ours[1] / bare[1])})",
                      ours[0] / bare[0] >= TARGET_OVERHEAD)
    two = rates.get(("relgraph build", 2))
    result.target("build with 2 processes ≥ 1.5 × one",
                  fmt_ratio(two[0] / ours[0]) if two and ours else "not measured (no --workers yet)",
                  (two[0] / ours[0] >= TARGET_SCALING) if two and ours else None)
    return result


def _cpu_table(configs: dict, cpu: dict, words: int, words_one: int) -> Table:
    """The same runs in CPU seconds (user + system, the process and its workers)."""
    table = Table("Extraction in CPU seconds (the same runs; user + system of each process and its workers)",
                  ["pipeline", "processes", "CPU s (median)", "words per CPU s", "start-up CPU s",
                   "steady words per CPU s", "÷ bare spaCy (same processes)"])
    rates: dict[tuple[str, int], tuple[float, float]] = {}
    for key in configs:
        if not cpu.get((*key, "all")):
            continue
        used, startup = median(cpu[(*key, "all")]), median(cpu.get((*key, "one"), [float("nan")]))
        steady = (words - words_one) / (used - startup) if used > startup else float("nan")
        rates[key] = (words / used, steady)
        table.add(key[0], key[1], f"{used:.1f}", fmt_num(words / used), f"{startup:.1f}", fmt_num(steady), "–")
    for row, key in zip(table.rows, [k for k in configs if k in rates]):
        peer = rates.get(("spaCy nlp.pipe", key[1]))
        if key[0].startswith("relgraph build") and peer:
            row[-1] = f"{fmt_ratio(rates[key][0] / peer[0])} (steady {fmt_ratio(rates[key][1] / peer[1])})"
    for n in (1, 2):
        ours, base = rates.get(("relgraph build", n)), rates.get((BASELINE, n))
        if ours and base:
            table.notes.append(f"{n} process(es), words per CPU s: this tree ÷ the baseline = "
                               f"{fmt_ratio(ours[0] / base[0])} (steady {fmt_ratio(ours[1] / base[1])})")
    return table


def main(argv: list[str]) -> None:
    if argv[:1] == ["--spacy"]:
        print(json.dumps(spacy_child(argv[1], int(argv[2]), int(argv[3]))))
        return
    raise SystemExit("usage: python -m bench extraction (or --spacy DIR N_PROCESS BATCH)")


if __name__ == "__main__":
    main(sys.argv[1:])
