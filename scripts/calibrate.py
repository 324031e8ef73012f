#!/usr/bin/env python3
"""Fit calibrated confidences on the development set and write data/patterns/confidence.json.

One command, to be re-run whenever the rules change:

    PYTHONPATH=src .venv/bin/python scripts/calibrate.py            # fit, print, write the table
    PYTHONPATH=src .venv/bin/python scripts/calibrate.py --dry-run  # fit and print only
    PYTHONPATH=src .venv/bin/python scripts/calibrate.py --check    # ... then rebuild with the table
    PYTHONPATH=src .venv/bin/python scripts/calibrate.py --with checksets/hX --check   # fit on hX too

It builds the dev set with every rule's own literal confidence, scores it against the gold,
credits each counted item (person, person's state and post, state, organisation, agreement,
project, event) to the rule of its best assertion, and fits each rule's confidence per category,
smoothed toward the category's accuracy (relgraph.evaluation.fitting). It prints the ECE by
region before, fitted on the other regions (what to expect on unseen articles), and fitted on
all. It is a development tool: it needs ../shared/devset, which CI has not.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from relgraph.build import build  # noqa: E402
from relgraph.confidence import ENV_VAR, TABLE_FILE, ConfidenceTable  # noqa: E402
from relgraph.evaluation import compare, contract_rows, evaluate_store, load_gold, read_support  # noqa: E402
from relgraph.evaluation.fitting import DEFAULT_STRENGTH, fit, observations, region_report  # noqa: E402
from relgraph.settings import Settings  # noqa: E402
from relgraph.store import open_store  # noqa: E402

REGION = re.compile(r"^([dh][A-Z])\d")


def region_of(article: str) -> str:
    """Regions by article name: dA01 -> dA, a check set's hX01 -> hX; the five samples (000_...) -> samples."""
    match = REGION.match(article)
    return match.group(1) if match else "samples"


def combined_corpus(folders: list[Path], into: Path) -> Path:
    """One folder of articles/ and gold/ linking every given set's files, built as one corpus."""
    for part in ("articles", "gold"):
        (into / part).mkdir(parents=True)
        for folder in folders:
            for path in sorted((folder / part).iterdir()):
                (into / part / path.name).symlink_to(path.resolve())
    return into


def build_store(articles: Path, store: Path, table: str) -> Settings:
    os.environ[ENV_VAR] = table
    settings = Settings.load(store=store)
    report = build([articles], settings)
    if report.errors:
        sys.exit(f"build failed: {report.errors[:3]}")
    return settings


def table_json(table: ConfidenceTable, n_items: int, strength: float) -> str:
    data = {
        "_comment": "Calibrated dip:confidence per extraction rule (or rule@literal, one reading of a rule) and "
                    "category, fitted on the dev set by scripts/calibrate.py: the share of that rule's items that "
                    "matched the gold, smoothed toward the category's accuracy. Rules not listed keep their "
                    "literal. Regenerate, do not edit by hand.",
        "items": n_items,
        "strength": strength,
        "rules": table.rules,
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def print_regions(report: dict) -> None:
    def ece(cal) -> str:
        return "   n/a" if cal is None or cal.ece is None else f"{cal.ece:6.3f}"

    print(f"{'ECE':10} {'items':>6} {'before':>7} {'held-out':>9} {'fitted':>7}")
    for region, cals in report.items():
        print(f"{region:10} {cals['before'].n:6d} {ece(cals['before']):>7} {ece(cals.get('held_out')):>9} "
              f"{ece(cals['fitted']):>7}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    ap.add_argument("--with", dest="extra", type=Path, action="append", default=[],
                    help="another set (a folder with articles/ and gold/) to fit on, e.g. checksets/hX; repeatable")
    ap.add_argument("--strength", type=float, default=DEFAULT_STRENGTH,
                    help="pseudo-items pulling a rule toward its category's accuracy (default %(default)s)")
    ap.add_argument("--output", type=Path, default=TABLE_FILE)
    ap.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    ap.add_argument("--check", action="store_true", help="rebuild with the written table and report its ECE")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = combined_corpus([args.devset, *args.extra], Path(tmp) / "corpus")
        gold = load_gold(corpus / "gold")
        settings = build_store(corpus / "articles", Path(tmp) / "literal", "off")
        store = open_store(settings.store, read_only=True)
        items = observations(compare(contract_rows(store, settings.queries_dir), gold), read_support(store), gold)
        table = fit(items, args.strength)
        print_regions(region_report(items, region_of, args.strength))
        print(f"{sum(len(v) for v in table.rules.values())} confidences for {len(table.rules)} rules/readings")
        if args.dry_run:
            return
        args.output.write_text(table_json(table, len(items), args.strength), encoding="utf-8")
        print(f"written {args.output}")
        if args.check:
            checked = build_store(corpus / "articles", Path(tmp) / "calibrated", str(args.output))
            result = evaluate_store(open_store(checked.store, read_only=True), corpus / "gold",
                                    checked.queries_dir)
            print(f"rebuilt with the table: ECE {result.calibration.ece} over {result.calibration.n} items, "
                  f"overall_f1 {result.report.overall_f1}")


if __name__ == "__main__":
    main()
