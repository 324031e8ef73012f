"""Which articles of a build are exact copies (skipped) and which story each other one joins.

`StoryIndex.admit` runs before extraction, so a copy costs no spaCy time. What the store already
holds is read by key only: the new articles' news digests and URLs (exact copies) and their LSH
band keys (near copies), each in `VALUES` queries, so the cost follows the build, not the store.
"""
from __future__ import annotations

from typing import NamedTuple

from relgraph.articles import Article
from relgraph.iris import IriMaker
from relgraph.minhash import MinHash
from relgraph.namespaces import DIP
from relgraph.syndication import (
    DCT_ID, SCHEMA_URL, Member, Params, Placement, band_keys, canonical_url, decode_signature,
    load_params, news_digest, signature, similarity, story_quads, values_chunks,
)


class Seen(NamedTuple):
    """An article of the build with what recognises its copies."""

    article: Article
    digest: str
    url: str | None          # canonical
    minhash: MinHash
    keys: list[str]


class StoryIndex:
    """Articles seen so far (stored or earlier in the build) by digest, URL and band key."""

    def __init__(self, store, iris: IriMaker, params: Params | None = None):
        self.store = store
        self.iris = iris
        self.params = params or load_params()
        self.by_digest: dict[str, str] = {}         # news digest -> "article 'id' (where)"
        self.by_url: dict[str, str] = {}            # canonical URL -> the same
        self.by_key: dict[str, list[Member]] = {}   # band key -> articles with that band
        self.placements: dict[str, Placement] = {}
        self.queries = 0
        self.rows_read = 0

    # -- the build's entry points ----------------------------------------------------------
    def admit(self, articles: list[Article], report=None) -> list[Article]:
        """The articles to extract, in order: exact copies of a stored or earlier article are left
        out and named in `report.warnings`; every other article is placed in a story (`quads`)."""
        seen = []
        for article in articles:
            minhash = signature(article.text, self.params)
            seen.append(Seen(article, news_digest(article.text), canonical_url(article.url),
                             minhash, band_keys(minhash, self.params)))
        rebuilt = {a.id for a in articles}
        if self.store is not None:
            # Stored URLs are as the source gave them: look up both the given and canonical forms.
            urls = {a.url for a in articles if a.url} | {s.url for s in seen if s.url}
            self._load_exact({s.digest for s in seen}, urls, rebuilt)
            self._load_members({k for s in seen for k in s.keys}, rebuilt)
        kept = []
        for item in seen:
            if copy_of := self._copy_of(item.digest, item.url):
                if report is not None:
                    report.warnings.append(f"{item.article.source}: {copy_of}; a copy, skipped")
                continue
            self._place(item)
            kept.append(item.article)
        if report is not None:
            report.lookup_queries += self.queries
            report.lookup_rows += self.rows_read
            self.queries = self.rows_read = 0
        return kept

    def quads(self, article: Article) -> list:
        """The story quads of an admitted article, for its own graph."""
        return story_quads(self.placements[article.id], self.iris)

    # -- placing ---------------------------------------------------------------------------
    def _copy_of(self, digest: str, url: str | None) -> str | None:
        """Why the article is an exact copy, naming the article it repeats; None if it is not."""
        if url and url in self.by_url:
            return f"the same canonical URL as {self.by_url[url]}"
        if digest in self.by_digest:
            return f"the same news text as {self.by_digest[digest]}"
        return None

    def _place(self, item: Seen) -> None:
        article, digest, url, minhash, keys = item
        story = self._story_of(minhash, keys) or self.iris.story(article.id)
        where = f"article {article.id!r} ({article.source})"
        self.by_digest[digest] = where
        if url:
            self.by_url[url] = where
        member = Member(article.id, story, minhash, keys)
        for key in keys:
            self.by_key.setdefault(key, []).append(member)
        self.placements[article.id] = Placement(article.id, article.title, digest, minhash, keys, story)

    def _story_of(self, minhash, keys: list[str]) -> str | None:
        """The story of the most similar known article at or above the threshold, if any."""
        candidates = {m.id: m for key in keys for m in self.by_key.get(key, ())}
        scored = sorted(((similarity(minhash, m.minhash), m.story) for m in candidates.values()),
                        key=lambda s: (-s[0], s[1]))
        return next((story for score, story in scored if score >= self.params.threshold), None)

    # -- reading the store by key ----------------------------------------------------------
    def _rows(self, sparql: str) -> list:
        self.queries += 1
        rows = list(self.store.query(sparql))
        self.rows_read += len(rows)
        return rows

    def _load_exact(self, digests: set[str], urls: set[str], rebuilt: set[str]) -> None:
        for values in values_chunks(digests):
            for r in self._rows(f"""SELECT ?id ?key ?file WHERE {{ VALUES ?key {{ {values} }}
                    ?a <{DIP}newsSha256> ?key ; <{DCT_ID}> ?id OPTIONAL {{ ?a <{DIP}sourceFile> ?file }} }}"""):
                if r["id"].value not in rebuilt:
                    self.by_digest.setdefault(r["key"].value, _stored(r))
        for values in values_chunks(urls):
            for r in self._rows(f"""SELECT ?id ?key ?file WHERE {{ VALUES ?key {{ {values} }}
                    ?a <{SCHEMA_URL}> ?key ; <{DCT_ID}> ?id OPTIONAL {{ ?a <{DIP}sourceFile> ?file }} }}"""):
                if r["id"].value not in rebuilt and (url := canonical_url(r["key"].value)):
                    self.by_url.setdefault(url, _stored(r))

    def _load_members(self, keys: set[str], rebuilt: set[str]) -> None:
        members: dict[str, Member] = {}
        for values in values_chunks(keys):
            for r in self._rows(f"""SELECT ?id ?key ?sig ?story WHERE {{ VALUES ?key {{ {values} }}
                    ?a <{DIP}lshBand> ?key ; <{DCT_ID}> ?id ; <{DIP}minhashSignature> ?sig ;
                       <{DIP}partOfStory> ?story }}"""):
                ident = r["id"].value
                if ident in rebuilt:
                    continue
                if ident not in members:
                    minhash = decode_signature(r["sig"].value, self.params)
                    if minhash is None:   # stored with other parameters: its keys cannot match anyway
                        continue
                    members[ident] = Member(ident, r["story"].value, minhash)
                members[ident].keys.append(r["key"].value)
                self.by_key.setdefault(r["key"].value, []).append(members[ident])


def _stored(row) -> str:
    where = f" ({row['file'].value})" if row["file"] is not None else ""
    return f"article {row['id'].value!r}{where}, already in the store"
