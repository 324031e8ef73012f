#!/usr/bin/env python3
"""Train the organisation-candidate model (relgraph.nlp.org_model) on the development gold.

    python scripts/train_org_model.py table  --out /tmp/orgs_table.jsonl     # candidates + labels
    python scripts/train_org_model.py loso   --table /tmp/orgs_table.jsonl   # leave-one-set-out report
    python scripts/train_org_model.py train  --table /tmp/orgs_table.jsonl --l2 0.1 --threshold 0.25 \\
        --scope all --out data/models/orgs.json [--without hR]   # the shipped model [or one held-out model]

`table` runs the rules (relgraph.nlp.extract.read_entities) over the development sets: every
organisation candidate of every article with its features and its label (1 when one of its names is
an organisation name or alias of that article's gold, with the referee's norm()), plus each set's
number of gold organisations (for the set-level F1 the leave-one-set-out report estimates). NER's
organisation spans the rules rejected are rows too ("rejected": more examples of what is not an
organisation): the model learns from them, but the F1 is estimated on the candidates it decides.
`train` fits an L2-regularised logistic regression by Newton's method (deterministic) and writes
the weights with their feature names, the training sets, the threshold and the date.
Development sets only: the check sets are never read here.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
# The workplace's shared folder (dev set, referee) sits beside the checkout; a clone elsewhere (a CI
# scratch directory) finds it at the workplace's own path, as the tests do.
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if (p / "eval").is_dir()),
              ROOT.parent / "shared")
DEV_SETS = {"dev": SHARED / "devset",
            **{n: ROOT / "checksets" / n for n in ("hX", "hY", "hT", "hU", "hP", "hR")}}
MIN_COUNT = 3          # a feature seen in fewer training candidates gets no weight
MIN_SETS = 3           # ... or in fewer development sets
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 14))


# -- the table ---------------------------------------------------------------------------

def gold_names(gold_file: Path, norm) -> set[str]:
    doc = json.loads(gold_file.read_text(encoding="utf-8"))
    return {norm(n) for org in doc.get("organizations") or []
            for n in [org["name"], *(org.get("aliases") or [])]}


def set_rows(name: str, folder: Path, referee) -> list[dict]:
    """One row per organisation candidate of the set's articles, and one row with its gold count."""
    from relgraph.articles import iter_articles
    from relgraph.nlp.chunks import parse_many
    from relgraph.nlp.extract import read_entities
    from relgraph.nlp.org_model import org_candidates
    from relgraph.nlp.pipeline import load_nlp

    names, merged = referee.load_gold(folder / "gold")
    gold_by_article = {json.loads(p.read_text(encoding="utf-8"))["article"]: p
                       for p in sorted((folder / "gold").glob("*.json"))}
    articles = [a for a in iter_articles([folder / "articles"]) if hasattr(a, "text")]
    docs = parse_many(load_nlp()[0], [a.text for a in articles])
    rows = [{"set": name, "gold_organizations": len(merged["organizations"])}]
    for article, doc in zip(articles, docs, strict=True):
        gold_file = gold_by_article.get(Path(article.source).name)
        if gold_file is None or isinstance(doc, Exception):
            continue
        own = gold_names(gold_file, referee.norm)
        ctx, _ = read_entities(article, doc)
        for entity, _mentions, feats in org_candidates(ctx):
            spellings = sorted(entity.names | {entity.key})
            keys = {names.canon(n) for n in spellings} & set(merged["organizations"])
            rows.append({"set": name, "article": article.id, "key": entity.key,
                         "gazetteer": ctx.gaz.organization(entity.key) is not None,
                         "label": int(any(referee.norm(n) in own for n in spellings)),
                         "gold_key": min(keys) if keys else None, "features": sorted(feats)})
        for entity, feats in rejected_candidates(ctx):
            rows.append({"set": name, "article": article.id, "key": entity.key, "rejected": True,
                         "gazetteer": False, "label": int(referee.norm(entity.key) in own),
                         "gold_key": None, "features": sorted(feats)})
    return rows


def rejected_candidates(ctx) -> list:
    """NER's organisation spans the rules read as nothing: more examples of what is not an
    organisation (and of the few that are), for training only."""
    from relgraph.nlp.context import Mention, clean_name
    from relgraph.nlp.org_features import candidate_features
    from relgraph.records import EntityRecord, Ref

    out, seen = [], set()
    for ent in ctx.ents:
        key = clean_name(ent.text)
        held = any(i in ctx.by_token for i in range(ent.start, ent.end))
        if ent.label_ != "ORG" or not key or key in seen or held:
            continue
        seen.add(key)
        entity = EntityRecord("organization", key)
        mention = Mention(Ref("organization", key), ent.start, ent.end, "rejected")
        out.append((entity, candidate_features(ctx, entity, [mention]) - {"via=rejected"}))
    return out


def write_table(out: Path, sets: dict[str, Path]) -> None:
    sys.path.insert(0, str(SHARED / "eval"))
    import score as referee  # the referee's own norm() and gold merging

    with out.open("w", encoding="utf-8") as fh:
        for name, folder in sets.items():
            for row in set_rows(name, folder, referee):
                fh.write(json.dumps(row, sort_keys=True) + "\n")


def read_table(path: Path) -> tuple[list[dict], dict[str, int]]:
    rows, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "gold_organizations" in row:
            gold[row["set"]] = row["gold_organizations"]
        else:
            rows.append(row)
    return rows, gold


# -- the model ---------------------------------------------------------------------------

def vocabulary(rows: list[dict], min_count: int = MIN_COUNT, min_sets: int = MIN_SETS) -> list[str]:
    """The features seen in at least `min_count` candidates of at least `min_sets` sets: a word
    feature one set's articles repeat says nothing general."""
    counts: dict[str, int] = {}
    sets: dict[str, set[str]] = {}
    for row in rows:
        for f in row["features"]:
            counts[f] = counts.get(f, 0) + 1
            sets.setdefault(f, set()).add(row["set"])
    min_sets = min(min_sets, len({r["set"] for r in rows}))
    return sorted(f for f, c in counts.items()
                  if (c >= min_count and len(sets[f]) >= min_sets) or f == "bias")


def matrix(rows: list[dict], features: list[str]) -> np.ndarray:
    index = {f: i for i, f in enumerate(features)}
    x = np.zeros((len(rows), len(features)))
    for r, row in enumerate(rows):
        for f in row["features"]:
            if f in index:
                x[r, index[f]] = 1.0
    return x


def fit(x: np.ndarray, y: np.ndarray, l2: float, features: list[str], iterations: int = 30) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; the bias is not penalised."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    if "bias" in features:
        penalty[features.index("bias")] = 1e-6
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return w


def train(rows: list[dict], l2: float) -> tuple[list[str], np.ndarray]:
    features = vocabulary(rows)
    y = np.array([row["label"] for row in rows], dtype=float)
    return features, fit(matrix(rows, features), y, l2, features)


def probabilities(rows: list[dict], features: list[str], w: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(matrix(rows, features) @ w, -30, 30)))


def set_f1(rows: list[dict], keep: list[bool], gold_count: int) -> float:
    """The set's organisation F1 as the referee would count it from these candidates: one true
    positive per gold organisation found, one false positive per other name kept."""
    found = {r["gold_key"] for r, k in zip(rows, keep) if k and r["gold_key"]}
    wrong = {r["key"].lower() for r, k in zip(rows, keep) if k and not r["gold_key"]}
    tp, fp, fn = len(found), len(wrong), gold_count - len(found)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def decisions(rows: list[dict], p: np.ndarray, threshold: float, scope: str) -> list[bool]:
    return [bool(pr >= threshold or (scope == "unknown" and r["gazetteer"])) for r, pr in zip(rows, p)]


def loso(rows: list[dict], gold: dict[str, int]) -> dict:
    """Held-out F1 per left-out set for every (l2, threshold, scope), and the rules alone."""
    sets = sorted(gold)
    tests = {s: [r for r in rows if r["set"] == s and not r.get("rejected")] for s in sets}
    rules = {s: set_f1(tests[s], [True] * len(tests[s]), gold[s]) for s in sets}
    results: dict[tuple, dict[str, float]] = {}
    for l2 in L2_GRID:
        for held in sets:
            features, w = train([r for r in rows if r["set"] != held], l2)
            test = tests[held]
            p = probabilities(test, features, w)
            for scope in ("all", "unknown"):
                for t in THRESHOLDS:
                    kept = decisions(test, p, t, scope)
                    results.setdefault((l2, t, scope), {})[held] = set_f1(test, kept, gold[held])
    best = max(results, key=lambda k: (round(np.mean(list(results[k].values())), 4), -k[1]))
    return {"rules": rules, "best": best, "model": results[best], "all": results}


# -- commands ------------------------------------------------------------------------------

def write_model(rows: list[dict], l2: float, threshold: float, scope: str, out: Path, date: str) -> None:
    features, w = train(rows, l2)
    model = {"_comment": "Organisation-candidate model of relgraph.nlp.org_model, written by "
                         "scripts/train_org_model.py train from the development gold.",
             "trained_on": sorted({r["set"] for r in rows}), "date": date, "candidates": len(rows),
             "l2": l2, "threshold": threshold, "scope": scope,
             "features": features, "weights": [round(float(v), 6) for v in w]}
    out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("table")
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--sets", nargs="*", default=list(DEV_SETS), help="development set names, or name=folder")
    lo = sub.add_parser("loso")
    lo.add_argument("--table", type=Path, required=True)
    tr = sub.add_parser("train")
    tr.add_argument("--table", type=Path, required=True)
    tr.add_argument("--out", type=Path, required=True)
    tr.add_argument("--l2", type=float, required=True)
    tr.add_argument("--threshold", type=float, required=True)
    tr.add_argument("--scope", choices=("all", "unknown"), default="all")
    tr.add_argument("--date", default=datetime.date.today().isoformat())
    tr.add_argument("--without", nargs="*", default=[], help="sets left out (a leave-one-set-out model)")
    args = parser.parse_args(argv)
    if args.command == "table":
        sets = dict(s.split("=", 1) if "=" in s else (s, DEV_SETS[s]) for s in args.sets)
        write_table(args.out, {k: Path(v) for k, v in sets.items()})
    elif args.command == "loso":
        rows, gold = read_table(args.table)
        report = loso(rows, gold)
        l2, threshold, scope = report["best"]
        print(f"best: l2={l2} threshold={threshold} scope={scope}")
        print("set     rules  model")
        for s in sorted(gold):
            print(f"{s:6} {report['rules'][s]:.3f}  {report['model'][s]:.3f}")
        rules, model = np.mean(list(report["rules"].values())), np.mean(list(report["model"].values()))
        print(f"mean   {rules:.3f}  {model:.3f}")
    else:
        rows, _ = read_table(args.table)
        rows = [r for r in rows if r["set"] not in args.without]
        write_model(rows, args.l2, args.threshold, args.scope, args.out, args.date)
    return 0


if __name__ == "__main__":
    sys.exit(main())
