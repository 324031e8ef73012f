"""Page furniture: the lines of a web page that are not the news (related stories, tag lines, comment
boilerplate, sign-up lines, bylines, agency sign-offs), stripped by rules kept in
data/patterns/furniture.json.

`strip_furniture` returns text made only of characters copied from the raw page, with a segment map
from which `relgraph.articles.Article.raw_offset` finds every character's place in the page.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from relgraph.dates import dateline, is_date_fragment
from relgraph.settings import REPO_ROOT, Settings

Segment = tuple[int, int, int]   # (offset in text, offset in raw_text, length)

# A text of at least this many characters that loses more than this share to the rules is reported:
# news rarely has more furniture than story, and a rule that swallows a long page is a bug to see.
LOSS_MIN_CHARS = 10_000
LOSS_MAX_SHARE = 0.5


def furniture_loss(raw: str, text: str) -> str | None:
    """A warning when the rules removed most of a long text (`raw` as read, `text` what is left)."""
    if len(raw) < LOSS_MIN_CHARS or len(raw) - len(text) <= LOSS_MAX_SHARE * len(raw):
        return None
    share = (len(raw) - len(text)) / len(raw)
    return (f"page furniture rules removed {len(raw) - len(text):,} of {len(raw):,} characters "
            f"({share:.0%}); only {len(text):,} are extracted")

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
