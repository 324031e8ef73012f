"""Precision and recall of near-copy detection across shingle sizes, permutations and thresholds.

Positives are the pairs of files of one story in tests/fixtures/syndication/labels.tsv (an original
and its wire copies: scripts/make_syndication_set.py); negatives are every pair of different
stories among those files, the sample articles (five Russia–Pakistan stories) and the check sets'
articles (several on the same relationships as the dev set). A pair is found when the two articles
share an LSH band key and their estimated Jaccard similarity reaches the threshold, as in a build
(relgraph.story_index). Texts are the news texts after furniture stripping, as in a build.

    PYTHONPATH=src .venv/bin/python scripts/syndication_thresholds.py [--markdown]
"""
from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np

from relgraph.articles import Article, iter_articles
from relgraph.iris import IriMaker
from relgraph.story_index import StoryIndex
from relgraph.syndication import Params, band_keys, shingles, signature

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "syndication"
NEGATIVE_DIRS = [ROOT / "data" / "articles", *sorted((ROOT / "checksets").glob("h*/articles"))]
SHINGLES = (2, 3, 4, 5, 7)
PERMS = (64, 128, 256)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def corpus() -> tuple[list[Article], list[str], list[str]]:
    """Articles, the story of each and the variant of each (original, light, ... or other)."""
    rows = [line.split("\t") for line in (FIXTURES / "labels.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    label = {name: (story, var) for name, story, var in rows}
    articles, stories, variants = [], [], []
    for item in iter_articles([FIXTURES / name for name, _, _ in rows] + NEGATIVE_DIRS):
        if isinstance(item, Article):
            name = Path(item.source).name
            story, var = label.get(name, (f"other:{item.source}", "other"))
            articles.append(item)
            stories.append(story)
            variants.append(var)
    return articles, stories, variants


def true_jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def evaluate(articles, stories, variants, k: int, perm: int, threshold: float):
    params = Params(k, perm, threshold)
    sigs = [signature(a.text, params) for a in articles]
    values = np.array([s.hashvalues for s in sigs])
    keys = [set(band_keys(s, params)) for s in sigs]
    tp = fp = fn = 0
    missed: dict[str, int] = {}
    for i, j in itertools.combinations(range(len(articles)), 2):
        found = bool(keys[i] & keys[j]) and float(np.mean(values[i] == values[j])) >= threshold
        same = stories[i] == stories[j]
        tp += found and same
        fp += found and not same
        if same and not found:
            fn += 1
            for v in {variants[i], variants[j]} - {"original"}:
                missed[v] = missed.get(v, 0) + 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn, missed


def grouping(articles, stories, k: int, perm: int, threshold: float) -> tuple[int, int]:
    """Place the articles in order as a build does (relgraph.story_index, single link: a copy joins
    the story of its most similar known article): (copies left out of their original's story,
    stories that took in an article of another story)."""
    index = StoryIndex(None, IriMaker("x:"), Params(k, perm, threshold))
    index.admit(articles)
    # An exact copy (the same news text once furniture is stripped) is skipped, as in a build: it
    # is then recognised by its digest, not grouped, and counts as neither.
    kept = [(a, story) for a, story in zip(articles, stories) if a.id in index.placements]
    placed = {a.id: index.placements[a.id].story for a, _ in kept}
    origin = {}
    for a, story in kept:
        origin.setdefault(story, placed[a.id])
    split = sum(placed[a.id] != origin[story] for a, story in kept)
    members: dict[str, set[str]] = {}
    for a, story in kept:
        members.setdefault(placed[a.id], set()).add(story)
    return split, sum(len(v) > 1 for v in members.values())


def separation(articles, stories, k: int) -> tuple[float, float]:
    """The lowest true Jaccard of a positive pair and the highest of a negative one."""
    sets = [shingles(a.text, k) for a in articles]
    low, high = 1.0, 0.0
    for i, j in itertools.combinations(range(len(articles)), 2):
        jac = true_jaccard(sets[i], sets[j])
        if stories[i] == stories[j]:
            low = min(low, jac)
        else:
            high = max(high, jac)
    return low, high


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--perms", type=int, nargs="*", default=list(PERMS))
    parser.add_argument("--shingles", type=int, nargs="*", default=list(SHINGLES))
    args = parser.parse_args(argv)
    articles, stories, variants = corpus()
    positives = sum(a == b for a, b in itertools.combinations(stories, 2))
    print(f"{len(articles)} articles, {positives} positive pairs, "
          f"{len(articles) * (len(articles) - 1) // 2 - positives} negative pairs\n")
    print("| shingle words | lowest positive Jaccard | highest negative Jaccard |\n|---:|---:|---:|")
    for k in args.shingles:
        low, high = separation(articles, stories, k)
        print(f"| {k} | {low:.3f} | {high:.3f} |")
    print("\n| shingle words | permutations | threshold | pair precision | pair recall | false pos. pairs "
          "| pairs missed (by variant) | copies not in their story | mixed stories |")
    print("|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for k, perm, t in itertools.product(args.shingles, args.perms, THRESHOLDS):
        p, r, tp, fp, fn, missed = evaluate(articles, stories, variants, k, perm, t)
        miss = ", ".join(f"{v} {n}" for v, n in sorted(missed.items())) or "-"
        split, mixed = grouping(articles, stories, k, perm, t)
        print(f"| {k} | {perm} | {t:.1f} | {p:.3f} | {r:.3f} | {fp} | {miss} | {split} | {mixed} |", flush=True)


if __name__ == "__main__":
    main()
