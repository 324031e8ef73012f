"""What reading web archives met, kept apart from the reader so that a build report can hold it
without loading warcio."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class WarcCounts:
    """What reading archives met: records, pages read, records skipped by reason."""
    records: int = 0
    pages: int = 0
    skipped: Counter = field(default_factory=Counter)   # reason -> records, e.g. "request record"

    def summary(self) -> str:
        """One line for a build's report: '2,001 WARC record(s): 1,000 page(s) read; skipped 1,000 x
        request record, 1 x warcinfo record' (reasons by count, most first)."""
        skipped = ", ".join(f"{n:,} × {reason}"
                            for reason, n in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0])))
        return (f"{self.records:,} WARC record(s): {self.pages:,} page(s) read"
                + (f"; skipped {skipped}" if skipped else ""))
