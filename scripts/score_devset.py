#!/usr/bin/env python3
"""Score the extractor on the development set, whole and region by region, with the referee.

A rule made on two regions must hold on the third: this prints one column per region
(samples, dA, dB, dC) beside the whole set, so a change that raises one region and lowers
another shows at once.

    python3 scripts/score_devset.py                       # every region and the whole set
    python3 scripts/score_devset.py --regions dA dB       # some regions only
    python3 scripts/score_devset.py --regions all hX hY   # the dev set and the project's check sets
    python3 scripts/score_devset.py --regions all /some/set  # any folder with articles/ and gold/
    python3 scripts/score_devset.py --relgraph "env PYTHONPATH=src .venv/bin/relgraph"

It is a development tool: it needs ../shared (the dev set and the referee), which CI has not.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["persons", "person_state", "person_role", "states", "organizations",
              "agreements", "projects", "events"]
REGIONS = {"samples": "0", "dA": "dA", "dB": "dB", "dC": "dC"}
# The project's own check sets (checksets/README.md): whole folders, scored as one column each.
CHECKSETS = {p.name: p for p in sorted((ROOT / "checksets").iterdir()) if (p / "gold").is_dir()}


def region_folder(devset: Path, prefix: str | None, into: Path) -> tuple[Path, Path]:
    """Links to the articles and gold files of one region of a set (all of them for prefix None)."""
    articles, gold = into / "articles", into / "gold"
    articles.mkdir(parents=True)
    gold.mkdir()
    for text in sorted((devset / "articles").glob("*.txt")):
        if prefix is None or text.name.startswith(prefix):
            (articles / text.name).symlink_to(text)
            (gold / (text.stem + ".json")).symlink_to(devset / "gold" / (text.stem + ".json"))
    return articles, gold


def referee(scorer: Path, relgraph: str, articles: Path, gold: Path, report: Path) -> dict:
    cmd = [sys.executable, str(scorer), "--gold", str(gold), "--articles", str(articles),
           "--relgraph", relgraph, "--queries", str(ROOT / "queries"), "--json", str(report)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"referee failed on {articles}:\n{proc.stderr[-3000:]}")
    return json.loads(report.read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--relgraph", default=str(ROOT / ".venv" / "bin" / "relgraph"))
    ap.add_argument("--regions", nargs="*", default=[*REGIONS, "all"],
                    help="dev-set regions, 'all' (the whole dev set), the check sets of checksets/ by name "
                         f"({', '.join(CHECKSETS)}), or any folder with articles/ and gold/")
    ap.add_argument("--json", type=Path, help="write every region's full report here")
    args = ap.parse_args()
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for region in args.regions:
            folder = Path(tmp) / region
            if region in CHECKSETS:
                articles, gold = region_folder(CHECKSETS[region], None, folder)
            elif (Path(region) / "gold").is_dir():
                folder = Path(tmp) / Path(region).name
                articles, gold = region_folder(Path(region), None, folder)
            elif region not in REGIONS and region != "all":
                sys.exit(f"--regions: {region!r} is no dev-set region, check set or folder with gold/")
            else:
                articles, gold = region_folder(args.devset, REGIONS.get(region), folder)
            reports[Path(region).name] = referee(args.scorer, args.relgraph, articles, gold, folder / "report.json")
    if args.json:
        args.json.write_text(json.dumps(reports, indent=2))
    print(f"{'category':14}" + "".join(f"{r:>9}" for r in reports))
    for cat in CATEGORIES:
        print(f"{cat:14}" + "".join(f"{rep[cat]['f1']:9.3f}" for rep in reports.values()))
    print(f"{'overall':14}" + "".join(f"{rep['overall_f1']:9.3f}" for rep in reports.values()))
    print(f"{'state wikidata':14}" + "".join(f"{rep['state_wikidata']['accuracy'] or 0:9.3f}"
                                             for rep in reports.values()))


if __name__ == "__main__":
    main()
