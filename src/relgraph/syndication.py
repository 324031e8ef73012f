"""Syndicated copies: one story reported by many sites.

A wire story reaches a corpus as many copies. Two kinds are told apart here:

* **exact copies** (same canonical URL, or the same news text) are read once: a later copy is
  reported with the article it repeats and is not extracted. "The same news text" is the text
  after page furniture is stripped (`Article.text`), Unicode-NFC-normalised, with every run of
  white space made one space and the ends trimmed (`news_digest`). Furniture and layout are what
  differ between sites carrying the same wire text, and `Article.sha256` (of the raw text, which
  the evidence offsets point into) sees them; case and punctuation are kept, because a copy that
  changed them is an edited copy, which the near-duplicate test below handles and keeps as a source.
* **near copies** (a different headline, byline or dateline, a paragraph dropped, added or moved,
  a local lead) are found by MinHash over word shingles with LSH banding (datasketch), with the
  parameters of `data/patterns/syndication.json`. They are all ingested, each a source of its own
  assertions, and grouped in one `dip:Story`. The "affine32" signatures are computed by
  `relgraph.minhash` and the bands read from the JSON file, exactly as datasketch makes them, so a
  build does not import datasketch (nor scipy with it); another scheme, or a file that does not
  give the bands, falls back to datasketch.

A story's IRI is `<base>story/<id of its first article>`: the first article built of the story
founds it and later copies join it, so the IRI never changes when a copy is added (a hash of the
sorted member ids would). A later build finds the story of a new copy by key, not by a scan: every
article stores its LSH band keys (`dip:lshBand`) and its signature (`dip:minhashSignature`), and
the build looks the new articles' band keys up with one `VALUES` query, then checks the estimated
Jaccard similarity of each candidate against the threshold.
"""
from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import pyoxigraph as ox
from relgraph.iris import IriMaker
from relgraph.minhash import AFFINE32, MinHash
from relgraph.namespaces import DIP, PREFIXES
from relgraph.resources import DATA_DIR, read_json_object

PARAMS_FILE = DATA_DIR / "patterns" / "syndication.json"
DCT_ID = PREFIXES["dcterms"] + "identifier"
SCHEMA_URL = PREFIXES["schema"] + "url"
RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
LOOKUP_CHUNK = 400           # VALUES rows per lookup query
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Params:
    """How near copies are recognised (see data/patterns/syndication.json)."""

    shingle_words: int
    num_perm: int
    threshold: float
    seed: int = 1
    scheme: str = "affine32"     # datasketch's hashing scheme: a stored signature must name it
    # (bands, rows) as datasketch's MinHashLSH chooses them for this threshold and num_perm, written
    # in the JSON file so that no build imports it; None: ask datasketch
    band_rows: tuple[int, int] | None = None

    @property
    def bands(self) -> list[tuple[int, int]]:
        """The (start, end) ranges of the LSH bands: datasketch's choice of bands and rows for this
        threshold and number of permutations (it weighs false positives and negatives equally)."""
        bands, rows = self.band_rows or optimal_band_rows(self.threshold, self.num_perm)
        return [(i * rows, (i + 1) * rows) for i in range(bands)]


@lru_cache(maxsize=8)
def optimal_band_rows(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's (bands, rows) for `threshold` and `num_perm` (imports datasketch and scipy)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def load_params(path: Path = PARAMS_FILE) -> Params:
    """The parameters in `path` (a JSON object; keys starting with "_" are comments)."""
    data = {k: v for k, v in read_json_object(path).items() if not k.startswith("_")}
    band_rows = None
    if "lsh_bands" in data or "lsh_rows" in data:
        try:
            band_rows = (int(data["lsh_bands"]), int(data["lsh_rows"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: lsh_bands and lsh_rows must both be given, as integers ({exc!r})") from exc
        if min(band_rows) < 1 or band_rows[0] * band_rows[1] > int(data["num_perm"]):
            raise ValueError(f"{path}: lsh_bands x lsh_rows must be at least 1 and at most num_perm")
    return Params(int(data["shingle_words"]), int(data["num_perm"]), float(data["threshold"]),
                  int(data.get("seed", 1)), str(data.get("scheme", AFFINE32)), band_rows)


# ---------------------------------------------------------------- exact copies

def normalised_text(text: str) -> str:
    """The news text as compared for exact copies: NFC, white space runs as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def news_digest(text: str) -> str:
    """sha256 (hex) of `normalised_text(text)`."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """`url` with the scheme and host in lower case and the fragment dropped (the same page), or
    None for no URL. Query strings stay: on news sites they often select the article."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


# ---------------------------------------------------------------- near copies

def shingles(text: str, size: int) -> set[str]:
    """The set of `size`-word shingles of `text` (words lower-cased, punctuation dropped); a text of
    fewer words is one shingle."""
    words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text))]
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def new_minhash(params: Params, hashvalues: np.ndarray | None = None):
    """An empty signature (or one of the given values) for `params`: relgraph's own for
    "affine32", datasketch's for any other scheme."""
    if params.scheme == AFFINE32:
        return MinHash(params.num_perm, params.seed, hashvalues)
    from datasketch import MinHash as DatasketchMinHash

    return DatasketchMinHash(num_perm=params.num_perm, seed=params.seed, scheme=params.scheme,
                             hashvalues=hashvalues)


def signature(text: str, params: Params) -> MinHash:
    """The MinHash of the text's word shingles."""
    minhash = new_minhash(params)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text, params.shingle_words))])
    return minhash


def encode_signature(minhash: MinHash) -> str:
    """The signature as base64 of its 32-bit values (little-endian), to store as a literal."""
    return base64.b64encode(np.asarray(minhash.hashvalues, dtype="<u4").tobytes()).decode("ascii")


def decode_signature(text: str, params: Params) -> MinHash | None:
    """The MinHash stored by `encode_signature`, or None when it was made with other parameters."""
    try:
        values = np.frombuffer(base64.b64decode(text, validate=True), dtype="<u4")
    except ValueError:
        return None
    if len(values) != params.num_perm:
        return None
    return new_minhash(params, values.astype(np.uint64))


def band_keys(minhash: MinHash, params: Params) -> list[str]:
    """One key per LSH band: two articles that share a key are candidates. The key names the
    parameters, so keys made with other settings never meet."""
    values = np.asarray(minhash.hashvalues, dtype="<u4")
    prefix = f"{params.shingle_words}.{params.num_perm}.{params.threshold:g}.{params.seed}.{params.scheme}"
    return [f"{prefix}:{i}:" + hashlib.sha1(values[start:end].tobytes()).hexdigest()[:16]
            for i, (start, end) in enumerate(params.bands)]


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(a.jaccard(b))


# ---------------------------------------------------------------- what is known per article

@dataclass
class Member:
    """An article as the story index knows it."""

    id: str
    story: str
    minhash: MinHash
    keys: list[str] = field(default_factory=list)


@dataclass
class Placement:
    """What `StoryIndex.admit` decided for an article that is extracted."""

    article_id: str
    title: str | None
    digest: str
    minhash: MinHash
    keys: list[str]
    story: str


def story_quads(place: Placement, iris: IriMaker) -> list[ox.Quad]:
    """The article's story membership, digest, signature and band keys, in its own graph."""
    graph = ox.NamedNode(iris.graph(place.article_id))
    article = ox.NamedNode(iris.article(place.article_id))
    story = ox.NamedNode(place.story)
    quads = [
        ox.Quad(article, ox.NamedNode(f"{DIP}newsSha256"), ox.Literal(place.digest), graph),
        ox.Quad(article, ox.NamedNode(f"{DIP}minhashSignature"), ox.Literal(encode_signature(place.minhash)), graph),
        ox.Quad(article, ox.NamedNode(f"{DIP}partOfStory"), story, graph),
        ox.Quad(story, ox.NamedNode(RDF_TYPE), ox.NamedNode(f"{DIP}Story"), graph),
        ox.Quad(story, ox.NamedNode(f"{DIP}hasReport"), article, graph),
    ]
    quads += [ox.Quad(article, ox.NamedNode(f"{DIP}lshBand"), ox.Literal(k), graph) for k in place.keys]
    if place.story == iris.story(place.article_id) and place.title:
        # The founding article names the story: the only member sure to be there from the start.
        quads.append(ox.Quad(story, ox.NamedNode(RDFS_LABEL), ox.Literal(place.title), graph))
    return quads


def values_chunks(values: Iterable[str], chunk: int = LOOKUP_CHUNK) -> Iterable[str]:
    """`VALUES` bodies of at most `chunk` quoted literals each."""
    items = sorted(set(values))
    for k in range(0, len(items), chunk):
        yield " ".join(str(ox.Literal(v)) for v in items[k:k + chunk])
