"""The learned decision on the organisations the rules read (issue 10, round 12).

After the rules have read an article's states, cities and organisations, each organisation
candidate (its record and its mentions, nlp/org_features.py) is scored by a logistic regression
trained on the development gold (scripts/train_org_model.py -> data/models/orgs.json); a candidate
whose probability is below the model's threshold is dropped before posts, agreements and events
refer to it. Scoring is one dot product per candidate over its binary features.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from relgraph.nlp.context import ArticleContext, Mention
from relgraph.nlp.org_features import candidate_features
from relgraph.records import EntityRecord, Ref
from relgraph.resources import DATA_DIR

MODEL_PATH = DATA_DIR / "models" / "orgs.json"
SCOPES = ("all", "unknown")   # which candidates the model decides: all, or those the gazetteer lacks


class ModelFileError(ValueError):
    """The model file is missing a field or its weights do not fit its feature list."""


@dataclass(frozen=True)
class OrgModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    threshold: float
    scope: str = "all"

    def __post_init__(self) -> None:
        object.__setattr__(self, "_weight", dict(zip(self.features, self.weights, strict=True)))

    def probability(self, feats: set[str]) -> float:
        """The model's probability that a candidate with these features is a gold organisation
        (features the model does not know weigh nothing)."""
        weight = self._weight
        z = sum(weight.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def decides(self, ctx: ArticleContext, entity: EntityRecord) -> bool:
        return self.scope == "all" or ctx.gaz.organization(entity.key) is None


def read_model(path: Path = MODEL_PATH) -> OrgModel:
    """The model of a JSON file written by scripts/train_org_model.py; a clear error names the file."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        features, weights = tuple(raw["features"]), tuple(float(w) for w in raw["weights"])
        threshold, scope = float(raw["threshold"]), raw.get("scope", "all")
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"{path}: not a readable organisation model ({exc})") from exc
    if len(features) != len(weights) or len(set(features)) != len(features):
        raise ModelFileError(f"{path}: {len(features)} features but {len(weights)} weights "
                             "(or a feature named twice)")
    if scope not in SCOPES:
        raise ModelFileError(f"{path}: scope {scope!r} is not one of {SCOPES}")
    return OrgModel(features, weights, threshold, scope)


@lru_cache(maxsize=1)
def shipped_model() -> OrgModel:
    return read_model(MODEL_PATH)


def org_candidates(ctx: ArticleContext) -> list[tuple[EntityRecord, list[Mention], set[str]]]:
    """Every organisation the rules read in the article with mentions left: its record, its
    mentions and its features."""
    by_ref: dict[Ref, list[Mention]] = {}
    for mention in ctx.mentions:
        if mention.ref.kind == "organization":
            by_ref.setdefault(mention.ref, []).append(mention)
    return [(entity, mentions, candidate_features(ctx, entity, mentions))
            for ref, mentions in by_ref.items() if (entity := ctx.records.entities.get(ref)) is not None]


def filter_organisations(ctx: ArticleContext, model: OrgModel | None = None) -> list[str]:
    """Drop the organisation candidates the model rejects (their mentions and records); the keys
    dropped, for tests and diagnostics."""
    model = model or shipped_model()
    dropped = []
    for entity, mentions, feats in org_candidates(ctx):
        if model.decides(ctx, entity) and model.probability(feats) < model.threshold:
            for mention in mentions:
                ctx.remove_mention(mention)
            del ctx.records.entities[entity.ref]
            dropped.append(entity.key)
    return dropped
