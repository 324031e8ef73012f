"""Re-read every gold file in ../gold, run common.check on it, and exit 1 listing all files with problems."""
import json
import sys

from common import GOLD, problems_of

failed = []
paths = sorted(GOLD.glob("*.json"))
for path in paths:
    found = problems_of(json.loads(path.read_text(encoding="utf-8")))
    failed += [f"{path.name}: {p}" for p in found]
if failed:
    sys.exit("\n".join(failed))
print(f"{len(paths)} gold files consistent")
