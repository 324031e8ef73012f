"""The one module that knows where rule data lives; loads and checks it once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from relgraph.errors import InputError
from relgraph.settings import REPO_ROOT

DATA_DIR = REPO_ROOT / "data"


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"malformed JSON: {exc.msg}") from exc
    return rows


def read_json_object(path: Path) -> dict:
    """A JSON object whose keys must be unique: json.loads would silently keep the last of two lists
    with the same name, and a rule would read another rule's vocabulary."""
    def unique(pairs: list[tuple[str, object]]) -> dict:
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise InputError(str(path), f"key {key!r} appears twice")
            seen.add(key)
        return dict(pairs)
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}", f"malformed JSON: {exc.msg}") from exc


@dataclass(frozen=True)
class Lexicon:
    """Rule vocabularies from data/patterns/."""

    posts: dict[str, str]                 # lower-case phrase -> generic role ("foreign minister" -> "Foreign Minister")
    ministries: dict[str, str]            # lower-case phrase -> ministry name
    event_nouns: dict[str, str]           # lower-case phrase -> event type
    event_verbs: dict[str, str]           # verb lemma -> event type
    facts: dict[str, list[str]]           # the lists of facts.json
    post_shapes: dict[str, frozenset[str]]  # heads / portfolios / joiners of titles not in posts.jsonl
    not_entities: frozenset[str]
    word_sets: dict[str, frozenset[str]]  # the lists of facts.json as sets: rules ask per token

    def words(self, name: str) -> frozenset[str]:
        return self.word_sets[name]


@lru_cache(maxsize=4)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    patterns = data_dir / "patterns"
    posts = {p.lower() if p != p.upper() else p: row["role"]
             for row in read_jsonl(patterns / "posts.jsonl") for p in row["phrases"]}
    ministries = {p.lower() if p != p.upper() else p: row["ministry"]
                  for row in read_jsonl(patterns / "ministries.jsonl") for p in row["phrases"]}
    event_nouns, event_verbs = {}, {}
    for row in read_jsonl(patterns / "events.jsonl"):
        for noun in row["nouns"]:
            event_nouns.setdefault(noun.lower(), row["type"])
        for verb in row["verbs"]:
            event_verbs.setdefault(verb.lower(), row["type"])
    facts = read_json_object(patterns / "facts.json")
    facts.pop("_comment", None)
    stop = frozenset(
        line.strip().lower() for line in (patterns / "not_entities.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    shapes = read_json_object(patterns / "post_shapes.json")
    shapes.pop("_comment", None)
    post_shapes = {key: frozenset(word.lower() for word in words) for key, words in shapes.items()}
    word_sets = {name: frozenset(words) for name, words in facts.items()}
    return Lexicon(posts, ministries, event_nouns, event_verbs, facts, post_shapes, stop, word_sets)
