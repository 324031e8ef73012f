"""Shared by the rule tests: extract one written article (and read its roles)."""
import json
from pathlib import Path

from relgraph.articles import Article, iter_articles
from relgraph.nlp.extract import extract_article
from relgraph.records import ArticleRecords


def extract_written(tmp_path: Path, text: str, published: str = "2025-05-20") -> ArticleRecords:
    """The records of one article file holding `text`, published on `published`."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "t", "published": published}))
    [item] = list(iter_articles([path]))
    assert isinstance(item, Article), item
    return extract_article(item)


def roles_of(tmp_path: Path, body: str) -> set[tuple[str, str, str | None]]:
    records = extract_written(tmp_path, "A headline about diplomacy\n\n" + body)
    return {(r.person, r.role, r.state) for r in records.roles}
