"""relgraph's cache folder: what a process derives from installed packages or from the repository's
own data and would otherwise derive again at every start (the language model unpacked, the
gazetteer's entity-ruler patterns). Every entry is named by a digest of what it was made from, so
a stale one is never read; deleting the folder only costs the next start the time to remake it.

The folder is `$RELGRAPH_CACHE_DIR`, else `.cache/` at the top of the checkout."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from relgraph.settings import REPO_ROOT


def cache_root() -> Path:
    """Where relgraph keeps what it derives once."""
    return Path(os.environ.get("RELGRAPH_CACHE_DIR") or REPO_ROOT / ".cache")


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a file beside it and a rename: a reader sees the whole entry
    or none, and two processes writing at once both leave one whole entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
