"""Reading articles: `.txt` files (with optional `<stem>.meta.json` sidecars) and `.jsonl` files.

`iter_articles` never raises for bad input: every unreadable file or record becomes an `ArticleError`
naming the file (and line), and the other files and lines still yield articles.

Each `Article` carries the raw text as read and the news `text` with page furniture stripped
(rules in data/patterns/furniture.json). `text` is made only of characters copied from `raw_text`,
so `Article.raw_offset` maps any offset in `text` back to the same character in `raw_text`.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from relgraph.dates import (
    Dateline, dateline, detect_month_day, detect_published, is_date_fragment, normalize_date,
    refine_with_month_day,
)
from relgraph.settings import REPO_ROOT, Settings

__all__ = [
    "Article", "ArticleError", "Dateline", "FurnitureRules", "dateline", "derive_title", "iter_articles",
    "load_furniture_rules", "read_article_text", "slugify", "strip_furniture",
]

Segment = tuple[int, int, int]   # (offset in text, offset in raw_text, length)

ARTICLE_SUFFIXES = (".txt", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"
META_KEYS = ("title", "published", "publisher", "url")
TITLE_MAX_CHARS = 150


@dataclass(frozen=True)
class Article:
    id: str                 # safe slug [A-Za-z0-9._-]: file stem for .txt, the 'id' field for .jsonl
    source: str             # "path" or "path:LINE" for jsonl
    title: str | None
    published: str | None   # ISO at the precision known: YYYY-MM-DD | YYYY-MM | YYYY
    publisher: str | None
    url: str | None
    raw_text: str           # text as read (BOM dropped)
    text: str               # the news body: furniture stripped, line ends normalised to "\n"
    sha256: str             # hex digest of raw_text (utf-8)
    # (clean_start, raw_start, length) runs copied from raw_text into text; empty means text == raw_text.
    segments: tuple[Segment, ...] = field(default=(), repr=False, compare=False)

    def raw_offset(self, i: int) -> int:
        """Offset in `raw_text` of the character at offset `i` of `text`.

        `i == len(text)` maps to just after the last copied character, so span ends can be mapped too
        (but for a span [s, e) prefer `raw_offset(e - 1) + 1`, which never lands after dropped furniture)."""
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside text of length {len(self.text)}")
        if not self.segments:
            return i
        if i == len(self.text):
            clean, raw, length = self.segments[-1]
            return raw + length
        k = bisect_right(self.segments, i, key=lambda seg: seg[0]) - 1
        clean, raw, _length = self.segments[k]
        return raw + (i - clean)


@dataclass(frozen=True)
class ArticleError:
    source: str   # "path" or "path:LINE"
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


# ---------------------------------------------------------------- public entry point

def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Articles from files and directories (searched recursively, in sorted order, for *.txt and *.jsonl;
    hidden files and *.meta.json sidecars are skipped).

    Bad input yields an ArticleError, never an exception."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _expand(path)
        elif path.exists():
            files = [path]
        else:
            yield ArticleError(str(path), "no such file or directory")
            continue
        for file in files:
            yield from _read_file(file)


def _expand(root: Path) -> list[Path]:
    found = []
    for p in root.rglob("*"):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel) or p.name.endswith(SIDECAR_SUFFIX):
            continue
        if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file():
            found.append(p)
    return sorted(found)


def _read_file(path: Path) -> Iterator[Article | ArticleError]:
    if path.name.endswith(SIDECAR_SUFFIX):
        yield ArticleError(str(path), "a sidecar metadata file, not an article (give the .txt file)")
        return
    raw = read_article_text(path)
    if isinstance(raw, ArticleError):
        yield raw
    elif path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, raw)
    else:
        yield _read_txt(path, raw)


# ---------------------------------------------------------------- decoding

def read_article_text(path: Path) -> str | ArticleError:
    """The file decoded as UTF-8 (BOM dropped), or an ArticleError saying why it cannot be an article."""
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


# ---------------------------------------------------------------- .txt with sidecar

def _read_txt(path: Path, raw: str) -> Article | ArticleError:
    meta = _read_sidecar(path)
    if isinstance(meta, ArticleError):
        return meta
    return _make_article(slugify(path.stem), str(path), raw, meta)


def _read_sidecar(path: Path) -> dict | ArticleError:
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
    checked = _check_fields(meta, META_KEYS, where)
    if isinstance(checked, ArticleError):
        return checked
    if checked["published"] and not normalize_date(checked["published"]):
        return ArticleError(where, f"'published' is not a date: {checked['published']!r}")
    checked["published"] = normalize_date(checked["published"])
    return checked


def _check_fields(record: dict, keys: Iterable[str], where: str) -> dict | ArticleError:
    """The optional string fields of a record; an error if one is present with another type."""
    out = {}
    for key in keys:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return ArticleError(where, f"field '{key}' must be a string or null, not {type(value).__name__}")
        out[key] = (value.strip() or None) if isinstance(value, str) else None
    return out


# ---------------------------------------------------------------- .jsonl

def _read_jsonl(path: Path, raw: str) -> Iterator[Article | ArticleError]:
    # split("\n"), not splitlines(): U+2028 and friends may legally occur inside JSON strings.
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ArticleError(where, f"malformed JSON: {e.msg} (column {e.colno})")
            continue
        yield _jsonl_record(record, where, default_id=f"{path.stem}-{lineno}")


def _jsonl_record(record, where: str, default_id: str) -> Article | ArticleError:
    if not isinstance(record, dict):
        return ArticleError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return ArticleError(where, "missing field 'text'")
    if not isinstance(text, str):
        return ArticleError(where, f"field 'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        return ArticleError(where, "empty text")
    fields_ = _check_fields(record, ("title", "published", "source", "publisher", "url"), where)
    if isinstance(fields_, ArticleError):
        return fields_
    raw_id = record.get("id")
    ident = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else default_id
    meta = {
        "title": fields_["title"],
        # An unparseable metadata date ('3 hours ago') is not fatal: the text may still date the article.
        "published": normalize_date(fields_["published"]),
        "publisher": fields_["source"] or fields_["publisher"],
        "url": fields_["url"],
    }
    return _make_article(slugify(ident), where, text.removeprefix("\ufeff"), meta)


# ---------------------------------------------------------------- building an Article

def _make_article(ident: str, source: str, raw: str, meta: dict) -> Article | ArticleError:
    text, segments = strip_furniture(raw)
    if not text.strip():
        return ArticleError(source, "no news text left after removing page furniture")
    published = meta.get("published") or detect_published(raw)
    # A year-less dateline ('Apr 7 (efe-epa)') sharpens a coarse metadata date ('2021' or '2021-04').
    published = refine_with_month_day(published, detect_month_day(raw))
    return Article(
        id=ident, source=source, title=meta.get("title") or derive_title(text), published=published,
        publisher=meta.get("publisher"), url=meta.get("url"), raw_text=raw, text=text,
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(), segments=tuple(segments),
    )


def derive_title(text: str) -> str | None:
    """The first line of the news text; if that is a whole paragraph, its first sentence (dateline
    removed), cut to TITLE_MAX_CHARS at a word boundary."""
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), None)
    if first is None:
        return None
    if (dl := dateline(first, max_lines=1)) is not None:
        first = first[dl.end:].strip() or first
    if len(first) > TITLE_MAX_CHARS or re.search(r"[.!?][\"”’']?$", first):
        sentence = re.match(r"(.+?[.!?])(?=\s+[A-Z\"“‘]|$)", first)
        first = (sentence.group(1) if sentence else first).rstrip(".")
    if len(first) > TITLE_MAX_CHARS:
        first = first[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first


def slugify(value: str) -> str:
    """`value` if it is already a safe id ([A-Za-z0-9._-], not starting with '.'); otherwise an ASCII slug
    plus a short hash of the original, so that different ids never collide after slugification."""
    if re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}", value):
        return value
    ascii_ = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_).strip("-.")[:80]
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return f"{base}-{digest}" if base else digest


# ---------------------------------------------------------------- page furniture

@dataclass(frozen=True)
class LineRule:
    name: str
    action: str                 # drop_line | drop_rest | drop_block | strip
    regex: re.Pattern
    max_chars: int | None


@dataclass(frozen=True)
class FurnitureRules:
    """data/patterns/furniture.json, compiled."""
    line_rules: tuple[LineRule, ...]
    teaser_min_chars: int = 30
    nav_max_words: int = 3
    headline_max_words: int = 30
    body_min_words: int = 8


_ACTIONS = {"drop_line", "drop_rest", "drop_block", "strip"}
_rules_cache: dict[Path, FurnitureRules] = {}


def load_furniture_rules(path: str | Path | None = None) -> FurnitureRules:
    """Compile the furniture rules (default: <data_dir>/patterns/furniture.json); cached per path.
    A bad rule raises ValueError naming it: the rules are ours, not user input."""
    if path is None:
        path = Settings.load().data_dir / "patterns" / "furniture.json"
        if not path.exists():
            path = REPO_ROOT / "data" / "patterns" / "furniture.json"
    path = Path(path)
    if path not in _rules_cache:
        _rules_cache[path] = _compile_rules(json.loads(path.read_text(encoding="utf-8")), path)
    return _rules_cache[path]


def _compile_rules(spec: dict, path: Path) -> FurnitureRules:
    agencies = "|".join(re.escape(a) for a in sorted(spec.get("agencies", []), key=len, reverse=True))
    rules = []
    for item in spec["line_rules"]:
        if item["action"] not in _ACTIONS:
            raise ValueError(f"{path}: rule {item['name']!r}: unknown action {item['action']!r}")
        flags = 0 if item.get("case_sensitive") else re.IGNORECASE
        try:
            regex = re.compile(item["regex"].replace("{agencies}", agencies), flags)
        except re.error as e:
            raise ValueError(f"{path}: rule {item['name']!r}: bad regex: {e}") from e
        rules.append(LineRule(item["name"], item["action"], regex, item.get("max_chars")))
    structural = spec.get("structural", {})
    return FurnitureRules(
        line_rules=tuple(rules),
        teaser_min_chars=structural.get("teaser_repeat", {}).get("min_chars", 30),
        nav_max_words=structural.get("leading_navigation", {}).get("max_words", 3),
        headline_max_words=structural.get("leading_navigation", {}).get("headline_max_words", 30),
        body_min_words=structural.get("body_line", {}).get("min_words", 8),
    )


@dataclass
class _Line:
    """One raw line: where its content starts, the content (no line break), the break's offset, and
    the parts cut out of it by 'strip' rules (offsets relative to the content)."""
    start: int
    content: str
    newline: int | None
    cuts: list[tuple[int, int]] = field(default_factory=list)
    dropped_by: str | None = None

    def spans(self) -> list[tuple[int, int]]:
        """Raw (start, end) runs of the visible text: content minus cuts, outer whitespace trimmed."""
        runs, pos = [], 0
        for s, e in sorted(self.cuts):
            if s > pos:
                runs.append((pos, s))
            pos = max(pos, e)
        if pos < len(self.content):
            runs.append((pos, len(self.content)))
        text = "".join(self.content[s:e] for s, e in runs)
        lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
        return _trim_runs(runs, lead, trail, self.start)

    def visible(self) -> str:
        return "".join(self.content[s - self.start:e - self.start] for s, e in self.spans())


def _trim_runs(runs, lead: int, trail: int, base: int) -> list[tuple[int, int]]:
    out = []
    for s, e in runs:
        cut = min(lead, e - s)
        s, lead = s + cut, lead - cut
        if e > s:
            out.append([s, e])
    for run in reversed(out):
        cut = min(trail, run[1] - run[0])
        run[1], trail = run[1] - cut, trail - cut
    return [(base + s, base + e) for s, e in out if e > s]


def _split_lines(raw: str) -> list[_Line]:
    lines, pos = [], 0
    for m in re.finditer(r"[^\r\n]*(\r\n|\r|\n)", raw):
        # For CRLF the '\n' is the character the clean text keeps.
        lines.append(_Line(m.start(), raw[m.start():m.start(1)], m.end() - 1))
        pos = m.end()
    if pos < len(raw):
        lines.append(_Line(pos, raw[pos:], None))
    return lines


def strip_furniture(raw: str, rules: FurnitureRules | None = None) -> tuple[str, list[Segment]]:
    """The news text of a page and its segment map [(clean_start, raw_start, length), ...].

    Lines are dropped or trimmed by the rules; blank lines are collapsed to one, outer whitespace of each
    line is trimmed and line breaks become '\\n'. Every character of the result is copied from `raw`."""
    rules = rules or load_furniture_rules()
    lines = _split_lines(raw)
    _apply_line_rules(lines, rules)
    _drop_teasers(lines, rules)
    _drop_leading_navigation(lines, rules)
    return _emit(lines, raw)


def stripped_lines(raw: str, rules: FurnitureRules | None = None) -> list[tuple[str, str]]:
    """(rule name, line) for every line `strip_furniture` drops: for reports and debugging."""
    rules = rules or load_furniture_rules()
    lines = _split_lines(raw)
    _apply_line_rules(lines, rules)
    _drop_teasers(lines, rules)
    _drop_leading_navigation(lines, rules)
    return [(ln.dropped_by, ln.content.strip()) for ln in lines if ln.dropped_by and ln.content.strip()]


def _is_body(text: str, rules: FurnitureRules) -> bool:
    return len(text.split()) >= rules.body_min_words and bool(re.search(r"[.!?]", text))


def _apply_line_rules(lines: list[_Line], rules: FurnitureRules) -> None:
    body_seen = False
    block_rule = None           # set while a drop_block rule is swallowing lines up to a blank line
    for i, line in enumerate(lines):
        text = line.content.strip()
        if block_rule:
            if not text:
                block_rule = None
            else:
                line.dropped_by = block_rule
            continue
        if not text:
            continue
        lead = len(line.content) - len(line.content.lstrip())
        for rule in rules.line_rules:
            if rule.max_chars and len(text) > rule.max_chars:
                continue
            if rule.action == "strip":
                line.cuts += [(lead + m.start(), lead + m.end())
                              for m in rule.regex.finditer(text) if m.end() > m.start()]
                continue
            if not rule.regex.search(text):
                continue
            line.dropped_by = rule.name
            if rule.action == "drop_block":
                block_rule = rule.name
            elif rule.action == "drop_rest" and body_seen:
                # Only once news has been read: a stray heading near the top must not empty the article.
                for later in lines[i + 1:]:
                    later.dropped_by = rule.name
                return
            break
        if not line.dropped_by and _is_body(line.visible(), rules):
            body_seen = True


def _kept(lines: list[_Line]) -> list[tuple[_Line, str]]:
    return [(ln, t) for ln in lines if not ln.dropped_by and (t := ln.visible())]


def _drop_teasers(lines: list[_Line], rules: FurnitureRules) -> None:
    """Drop a paragraph cut short with '...'/'…' whose text starts a later paragraph."""
    kept = _kept(lines)
    for k, (line, text) in enumerate(kept):
        m = re.fullmatch(r"(.*?)\s*(?:\.\.\.|…)", text, re.S)
        if not m or len(m.group(1)) < rules.teaser_min_chars:
            continue
        prefix = " ".join(m.group(1).split())
        if any(" ".join(later.split()).startswith(prefix) for _, later in kept[k + 1:]):
            line.dropped_by = "teaser_repeat"


def _drop_leading_navigation(lines: list[_Line], rules: FurnitureRules) -> None:
    """Drop menu/header lines before the headline (see 'leading_navigation' in furniture.json)."""
    short: list[tuple[_Line, str]] = []
    first_long = None
    for line, text in _kept(lines):
        if len(text.split()) <= rules.nav_max_words and not re.search(r"[.!?]", text):
            short.append((line, text))
            continue
        first_long = text
        break
    if not short or first_long is None:
        return
    headline_like = (len(first_long.split()) <= rules.headline_max_words
                     and not re.search(r"[.!?…][\"”’')]?$", first_long)
                     and dateline(first_long, max_lines=1) is None)
    if not headline_like:
        # The first long line is already the story: the last short line may be its (short) headline.
        last = short[-1][1]
        if len(last.split()) >= 2 and not is_date_fragment(last):
            short = short[:-1]
    for line, _text in short:
        line.dropped_by = "leading_navigation"


def _emit(lines: list[_Line], raw: str) -> tuple[str, list[Segment]]:
    """Join the kept lines with '\\n', one blank line at most between paragraphs, and map every run."""
    rows: list[tuple[list[tuple[int, int]], int | None]] = []
    for line in lines:
        if line.dropped_by:
            continue
        spans = line.spans()
        if not spans and (not rows or not rows[-1][0]):
            continue                # no leading blank lines, no runs of blank lines
        rows.append((spans, line.newline))
    while rows and not rows[-1][0]:
        rows.pop()
    parts: list[str] = []
    segments: list[list[int]] = []

    def add(start: int, end: int, chunk: str) -> None:
        clean = segments[-1][0] + segments[-1][2] if segments else 0
        if segments and segments[-1][1] + segments[-1][2] == start:
            segments[-1][2] += end - start
        else:
            segments.append([clean, start, end - start])
        parts.append(chunk)

    for k, (spans, newline) in enumerate(rows):
        for start, end in spans:
            add(start, end, raw[start:end])
        if k + 1 < len(rows):       # a later row exists, so this line has a line break
            add(newline, newline + 1, "\n")    # a lone '\r' is normalised to '\n'
    return "".join(parts), [tuple(seg) for seg in segments]
