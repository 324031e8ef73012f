"""Named queries kept as files: `queries/<name>.rq` with `# title:` / `# description:` header comments."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from relgraph.settings import REPO_ROOT

HEADER = re.compile(r"^#\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    path: Path


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = HEADER.match(line)
        if m:
            meta[m["key"]] = m["value"].strip()
    return NamedQuery(path.stem, meta.get("title", path.stem), meta.get("description", ""), text, path)


def named_queries(directory: Path | None = None) -> dict[str, NamedQuery]:
    directory = directory or REPO_ROOT / "queries"
    return {p.stem: parse_query_file(p) for p in sorted(directory.glob("*.rq"))}
