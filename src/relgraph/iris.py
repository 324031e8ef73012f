"""Stable, readable IRIs: a slug of the canonical name under one configurable base."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from relgraph.records import Ref


def slug(text: str) -> str:
    """'Sergei Lavrov' -> 'sergei-lavrov'; accents folded, anything else becomes a hyphen."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]", "", text)
    # Cut to 80 before the last strip: a cut at a hyphen would leave one at the end, and the entity
    # pages only serve slugs whose hyphens stand between letters or digits.
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].rstrip("-") or "x"


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


class IriMaker:
    """Builds every data IRI from the base; persons may be re-pointed by the resolver."""

    def __init__(self, base: str):
        self.base = base
        self.person_iris: dict[str, str] = {}
        self.city_states: dict[str, str | None] = {}

    def entity(self, ref: Ref) -> str:
        if ref.kind == "person" and ref.key in self.person_iris:
            return self.person_iris[ref.key]
        if ref.kind == "city":
            state = self.city_states.get(ref.key)
            suffix = f"-{slug(state)}" if state else ""
            return f"{self.base}city/{slug(ref.key)}{suffix}"
        return f"{self.base}{ref.kind}/{slug(ref.key)}"

    def state(self, name: str) -> str:
        return self.entity(Ref("state", name))

    def post(self, role: str, state: str | None) -> str:
        return f"{self.base}post/{slug(role)}" + (f"-of-{slug(state)}" if state else "")

    def article(self, article_id: str) -> str:
        return f"{self.base}article/{article_id}"

    def graph(self, article_id: str) -> str:
        return f"{self.base}graph/{article_id}"

    def story(self, article_id: str) -> str:
        """The story founded by this article (relgraph.syndication)."""
        return f"{self.base}story/{article_id}"

    def fact(self, kind: str, name: str) -> str:
        return f"{self.base}{kind}/{name}"

    def assertion(self, *parts: str) -> str:
        return f"{self.base}assertion/{short_hash(*parts)}"

    def extractor(self, version: str) -> str:
        return f"{self.base}agent/relgraph-extractor-{slug(version)}"
