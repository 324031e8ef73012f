"""Re-read every gold file in ../gold and run common.check on it (exit 1 on the first problem)."""
import json
import sys

from common import GOLD, check

for path in sorted(GOLD.glob("*.json")):
    try:
        check(json.loads(path.read_text(encoding="utf-8")))
    except ValueError as err:
        sys.exit(str(err))
print(f"{len(list(GOLD.glob('*.json')))} gold files consistent")
