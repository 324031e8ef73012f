"""The vocabulary of organisation names (data/patterns/org_shapes.json) and the shape of a name:
its content words and its head noun."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from relgraph.resources import DATA_DIR


@dataclass(frozen=True)
class OrgShapes:
    heads: frozenset[str]
    not_org_heads: frozenset[str]
    place_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    function_words: frozenset[str]
    dangling_words: frozenset[str]
    seat_heads: frozenset[str]
    furniture_line_starts: tuple[str, ...]
    furniture_separators: tuple[str, ...]
    furniture_bullets: tuple[str, ...]
    extension_joiners: frozenset[str]
    title_heads: frozenset[str]
    portfolio_words: frozenset[str]
    descriptor_nouns: frozenset[str]
    strong_heads: frozenset[str]
    organ_words: frozenset[str]
    demonym_endings: frozenset[str]
    government_heads: frozenset[str]
    name_particles: frozenset[str]
    name_prepositions: frozenset[str]
    legal_forms: frozenset[str]
    portfolio_nouns: frozenset[str]
    state_first_bodies: frozenset[str]
    clause_words: frozenset[str]
    bilateral_body_nouns: frozenset[str]
    title_prepositions: frozenset[str]
    undertaking_nouns: frozenset[str]
    motion_verbs: frozenset[str]
    credit_labels: frozenset[str]
    described_non_org_nouns: frozenset[str]
    legislature_words: frozenset[str]
    mission_words: frozenset[str]
    article_state_nouns: frozenset[str]
    document_heads: frozenset[str]
    generic_body_words: frozenset[str]
    appositive_title_nouns: frozenset[str]
    venue_words: frozenset[str]
    member_organ_words: frozenset[str]
    member_organ_heads: frozenset[str]
    gathering_heads: frozenset[str]
    gathering_modifiers: frozenset[str]
    presidency_words: frozenset[str]
    currency_nouns: frozenset[str]
    language_names: frozenset[str]
    runner_participles: frozenset[str]
    count_words: frozenset[str]
    document_act_nouns: frozenset[str]
    document_plurals: frozenset[str]
    occasion_nouns: frozenset[str]
    coordinated_modifier_joiners: frozenset[str]


@lru_cache(maxsize=1)
def org_shapes() -> OrgShapes:
    raw = json.loads((DATA_DIR / "patterns" / "org_shapes.json").read_text(encoding="utf-8"))
    raw.pop("_comment", None)
    ordered = {k: tuple(raw.pop(k)) for k in ("furniture_line_starts", "furniture_separators", "furniture_bullets")}
    return OrgShapes(**ordered, **{k: frozenset(v) for k, v in raw.items()})


# -- shape of the name itself --------------------------------------------------------------

def content_words(text: str) -> list[str]:
    """The words of a name but its function words; an elided article goes ("d'Ivoire" -> Ivoire)."""
    shapes = org_shapes()
    words = [re.sub(r"^[dl]['\u2019]", "", w) for w in re.split(r"[\s\-\u2013]+", text)]
    return [w for w in words if w and w.lower().strip("'\u2019s") not in shapes.function_words]


def has_org_head(text: str) -> bool:
    heads = org_shapes().heads
    return any(w.lower().strip(".,()") in heads for w in re.split(r"[\s\-]+", text))


def name_head(text: str) -> str:
    """The noun a name is built on: the word before its first 'of/on/for', else its last word
    ('Declaration of Principles' -> declaration, 'Good Friday Agreement' -> agreement)."""
    words = text.split()
    for i, w in enumerate(words):
        if i and w.lower() in ("of", "on", "for"):
            return words[i - 1].lower()
    return words[-1].lower().strip(".,()") if words else ""
