"""Input files: which files a path stands for, decoding them, sidecar metadata, JSONL records.

Nothing here raises for bad input: every problem is an `ArticleError` naming the file (and line).
"""
from __future__ import annotations

import errno
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from relgraph.dates import normalize_date

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")      # an .xml file met in a folder is read when it is a feed
WARC_SUFFIXES = (".warc", ".warc.gz")
ARTICLE_SUFFIXES = (".txt", ".jsonl", *HTML_SUFFIXES, *FEED_SUFFIXES, *WARC_SUFFIXES)
SIDECAR_SUFFIX = ".meta.json"
META_KEYS = ("title", "published", "publisher", "url")
# Larger files are refused before they are read: a .txt is one article, and no news article comes
# near this; a .jsonl holds many, and is read whole.
MAX_FILE_BYTES = {".txt": 32 * 1024 * 1024, ".jsonl": 512 * 1024 * 1024}


@dataclass(frozen=True)
class ArticleError:
    source: str   # "path" or "path:LINE"
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"



# ---------------------------------------------------------------- which files

def list_files(root: Path) -> Iterator[Path | ArticleError]:
    """Article files under the directory `root`, recursively and in sorted order; hidden files and
    sidecars are skipped. Symbolic links are followed, but a dangling link or a link back into a
    directory being walked (a loop) is reported, never silently skipped."""
    yield from _walk(root, {root.resolve()})


def _walk(folder: Path, ancestors: set[Path]) -> Iterator[Path | ArticleError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ArticleError(str(folder), f"cannot list the folder ({exc.strerror or exc})")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name.endswith(SIDECAR_SUFFIX):
            continue
        if entry.is_symlink():
            problem = _link_problem(path, ancestors)
            if problem:
                yield ArticleError(str(path), problem)
                continue
        if path.is_dir():
            yield from _walk(path, ancestors | {path.resolve()})
        elif is_article_file(path):
            yield path


def is_article_file(path: Path) -> bool:
    """Whether a file met in a folder is input: an article suffix (an `.xml` file only when it is a feed)."""
    name = path.name.lower()
    if not name.endswith(ARTICLE_SUFFIXES) or not path.is_file():
        return False
    if name.endswith(".xml"):
        from relgraph.sources.feeds import is_feed_file  # feedparser loads only when a feed is met

        return is_feed_file(path)
    return True


def _link_problem(link: Path, ancestors: set[Path]) -> str | None:
    try:
        target = link.resolve(strict=True)
    except RuntimeError:            # Python < 3.13 reports a loop in the link chain this way
        return "symbolic link loop"
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else "dangling symbolic link"
    if target.is_dir() and target in ancestors:
        return "symbolic link loop"
    return None


# ---------------------------------------------------------------- decoding

def read_article_text(path: Path) -> str | ArticleError:
    """The file decoded as UTF-8 (BOM dropped), or an ArticleError saying why it cannot be an article."""
    limit = MAX_FILE_BYTES.get(path.suffix.lower(), MAX_FILE_BYTES[".txt"])
    try:
        size = path.stat().st_size
    except OSError as e:
        return ArticleError(str(path), f"cannot read ({e.strerror or e})")
    if size > limit:
        return ArticleError(str(path), f"file of {size:,} bytes is larger than the {limit:,} bytes "
                                       f"relgraph reads from one {path.suffix.lower() or '.txt'} file")
    try:
        data = path.read_bytes()
    except OSError as e:
        return ArticleError(str(path), f"cannot read ({e.strerror or e})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ArticleError(str(path), "not UTF-8 (UTF-16 byte-order mark)")
    if b"\x00" in data:
        return ArticleError(str(path), "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if _mostly_binary(data):
            return ArticleError(str(path), "binary file")
        return ArticleError(str(path), f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return ArticleError(str(path), "empty file")
    if _control_ratio(text) > 0.1:
        return ArticleError(str(path), "binary file (mostly control characters)")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return controls / max(1, len(sample))


def _mostly_binary(data: bytes) -> bool:
    """Undecodable bytes: binary if control bytes are common or most bytes are high (latin-1 text is not)."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v")
    high = sum(1 for b in sample if b >= 0x80)
    return controls / len(sample) > 0.1 or high / len(sample) > 0.3


# ---------------------------------------------------------------- sidecars and record fields

def read_sidecar(path: Path) -> dict | ArticleError:
    """The checked metadata of `<stem>.meta.json` next to the article `path` ({} when there is none)."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    where = str(sidecar)
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as e:
        return ArticleError(where, f"sidecar is not UTF-8 (byte at offset {e.start})")
    except json.JSONDecodeError as e:
        return ArticleError(where, f"malformed sidecar JSON: {e.msg} (line {e.lineno}, column {e.colno})")
    except OSError as e:
        return ArticleError(where, f"cannot read sidecar ({e.strerror or e})")
    if not isinstance(meta, dict):
        return ArticleError(where, "sidecar must be a JSON object")
    checked = check_fields(meta, META_KEYS, where)
    if isinstance(checked, ArticleError):
        return checked
    if checked["published"] and not normalize_date(checked["published"]):
        return ArticleError(where, f"'published' is not a date: {checked['published']!r}")
    checked["published"] = normalize_date(checked["published"])
    return checked


def check_fields(record: dict, keys: Iterable[str], where: str) -> dict | ArticleError:
    """The optional string fields of a record; an error if one is present with another type."""
    out = {}
    for key in keys:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return ArticleError(where, f"field '{key}' must be a string or null, not {type(value).__name__}")
        out[key] = (value.strip() or None) if isinstance(value, str) else None
    return out
