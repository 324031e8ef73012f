"""Syndicated copies (relgraph.syndication, relgraph.story_index): exact copies read once, near
copies grouped in one dip:Story, facts not multiplied, "reported by N sources (M stories)"."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from relgraph.articles import iter_articles
from relgraph.build import build
from relgraph.iris import IriMaker
from relgraph.namespaces import DEFAULT_BASE_IRI, DIP
from relgraph.settings import REPO_ROOT, Settings
from relgraph.store import open_store
from relgraph.story_index import StoryIndex
from relgraph.syndication import (
    band_keys, canonical_url, decode_signature, encode_signature, load_params, news_digest,
    signature, similarity,
)
from relgraph.validate import validate_nquads

FIXTURES = Path(__file__).parent / "fixtures" / "syndication"
SAMPLES = REPO_ROOT / "data" / "articles"
RUSSIA_PAKISTAN = ("000_d41b808b5fb25158", "001_5b58551331a1c740")
STORY = f"{DEFAULT_BASE_IRI}story/"
FACTS = f"""PREFIX dip: <{DIP}> SELECT DISTINCT ?x WHERE {{
    VALUES ?c {{ dip:Agreement dip:Event dip:Project }} ?x a ?c }}"""


def article(path: Path):
    return next(iter_articles([path]))


def put(folder: Path, name: str, text: str, meta: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        path.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def rows(store_path: Path, sparql: str) -> list:
    store = open_store(store_path)
    try:
        return list(store.query(sparql))
    finally:
        store.close()


def members(store_path: Path) -> dict[str, set[str]]:
    """Story IRI -> ids of its member articles."""
    found: dict[str, set[str]] = {}
    for r in rows(store_path, f"""PREFIX dip: <{DIP}> PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?s ?id WHERE {{ ?s a dip:Story ; dip:hasReport ?a . ?a dcterms:identifier ?id ;
            dip:partOfStory ?s }}"""):
        found.setdefault(r["s"].value, set()).add(r["id"].value)
    return found


def facts(store_path: Path) -> set[str]:
    return {r["x"].value for r in rows(store_path, FACTS)}


# ---------------------------------------------------------------- the pieces

def test_the_same_news_text_ignores_white_space_and_furniture_but_not_wording():
    assert news_digest("Kenya and  Ethiopia\nsigned.\n\n") == news_digest(" Kenya and Ethiopia signed.")
    assert news_digest("Kenya and Ethiopia signed.") != news_digest("Kenya and Ethiopia Signed.")
    original = article(FIXTURES / "dA02.txt")
    # The copy's headline and byline edits fall on lines the furniture rules strip.
    copy = article(FIXTURES / "dA02-light.txt")
    assert copy.raw_text != original.raw_text and copy.sha256 != original.sha256
    assert news_digest(copy.text) == news_digest(original.text)


def test_canonical_urls_drop_the_fragment_and_the_case_of_the_host():
    assert canonical_url("HTTPS://News.Example.COM/a/b?id=3#comments") == "https://news.example.com/a/b?id=3"
    assert canonical_url("https://news.example.com") == "https://news.example.com/"
    assert canonical_url("  ") is None and canonical_url(None) is None


def test_wire_copies_are_similar_and_stories_on_one_relationship_are_not():
    params = load_params()
    original = signature(article(FIXTURES / "dA01.txt").text, params)
    for variant in ("light", "medium", "heavy", "trimmed"):
        copy = signature(article(FIXTURES / f"dA01-{variant}.txt").text, params)
        assert similarity(original, copy) >= params.threshold, variant
        assert set(band_keys(original, params)) & set(band_keys(copy, params)), variant
    one, two = (signature(article(SAMPLES / f"{name}.txt").text, params) for name in RUSSIA_PAKISTAN)
    assert similarity(one, two) < params.threshold


def test_a_stored_signature_reads_back_as_the_same_minhash():
    params = load_params()
    minhash = signature(article(FIXTURES / "dB01.txt").text, params)
    again = decode_signature(encode_signature(minhash), params)
    assert again is not None and similarity(minhash, again) == 1.0
    assert band_keys(again, params) == band_keys(minhash, params)
    assert decode_signature("not base64!", params) is None
    assert decode_signature(encode_signature(minhash)[:40], params) is None   # other num_perm


def test_the_story_index_places_copies_in_order_without_a_store():
    index = StoryIndex(None, IriMaker(DEFAULT_BASE_IRI))
    names = ["dA01.txt", "dB01.txt", "dA01-heavy.txt", "dB01-trimmed.txt", "dA01-trimmed.txt"]
    kept = index.admit([article(FIXTURES / n) for n in names])
    assert [a.id for a in kept] == [n.removesuffix(".txt") for n in names]
    story = {i: p.story for i, p in index.placements.items()}
    assert story["dA01-heavy"] == story["dA01-trimmed"] == f"{STORY}dA01"
    assert story["dB01-trimmed"] == f"{STORY}dB01"


# ---------------------------------------------------------------- builds into a real store

@pytest.fixture(scope="module")
def wire(tmp_path_factory) -> tuple[Path, object]:
    """One story on three sites (different furniture, headline, byline, lead), two Russia–Pakistan
    stories, an exact copy (the same news text with other furniture) and a page at the same URL
    as another; built into one store."""
    root = tmp_path_factory.mktemp("wire")
    inputs = root / "in"
    original = (FIXTURES / "dA01.txt").read_text(encoding="utf-8")
    put(inputs, "a-xinhua.txt", original)
    put(inputs, "b-ledger.txt", (FIXTURES / "dA01-light.txt").read_text(encoding="utf-8"))
    put(inputs, "c-herald.txt", (FIXTURES / "dA01-heavy.txt").read_text(encoding="utf-8"))
    # The same news text: the Xinhua source line replaced by share buttons, paragraphs re-wrapped.
    paragraphs = original.split("\n\n")
    copy = "\n\n".join([paragraphs[0].split("\n")[0], "Share", "Advertisement",
                        *(p.replace(". ", ".\n", 1) for p in paragraphs[1:]), "Print"])
    put(inputs, "d-exact-copy.txt", copy)
    for name in RUSSIA_PAKISTAN:
        shutil.copy(SAMPLES / f"{name}.txt", inputs / f"{name}.txt")
        meta = json.loads((SAMPLES / f"{name}.meta.json").read_text(encoding="utf-8"))
        meta["url"] = f"https://news.example.com/{name}"
        (inputs / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    put(inputs, "e-mirror.txt", (FIXTURES / "dB01.txt").read_text(encoding="utf-8"),
        {"url": f"HTTPS://NEWS.example.com/{RUSSIA_PAKISTAN[0]}#comments"})
    store = root / "store"
    report = build([str(inputs)], Settings.load(store=store))
    return store, report


def test_three_copies_make_one_story_with_three_reports(wire):
    store, report = wire
    assert report.ok, report.errors
    stories = members(store)
    assert stories[f"{STORY}a-xinhua"] == {"a-xinhua", "b-ledger", "c-herald"}
    # Two stories on one relationship stay two stories.
    assert stories[f"{STORY}{RUSSIA_PAKISTAN[0]}"] == {RUSSIA_PAKISTAN[0]}
    assert stories[f"{STORY}{RUSSIA_PAKISTAN[1]}"] == {RUSSIA_PAKISTAN[1]}
    assert len(stories) == 3


def test_exact_copies_are_named_and_skipped(wire):
    store, report = wire
    assert report.extracted == 5 and report.read == 7
    notes = "\n".join(report.warnings)
    assert "d-exact-copy.txt: the same news text as article 'a-xinhua'" in notes
    assert f"e-mirror.txt: the same canonical URL as article '{RUSSIA_PAKISTAN[0]}'" in notes
    ids = {r["id"].value for r in rows(store, "SELECT ?id WHERE { ?a <http://purl.org/dc/terms/identifier> ?id }")}
    assert "d-exact-copy" not in ids and "e-mirror" not in ids


def test_every_copy_is_a_source_of_one_node_per_fact(wire, tmp_path):
    store, _ = wire
    alone = tmp_path / "alone"
    build([str(put(tmp_path / "in", "a-xinhua.txt", (FIXTURES / "dA01.txt").read_text(encoding="utf-8")))],
          Settings.load(store=alone))
    dA01_facts = facts(alone)
    copies = " ".join(f"<{DEFAULT_BASE_IRI}article/{name}>" for name in ("a-xinhua", "b-ledger", "c-herald"))
    reported = {r["x"].value for r in rows(store, f"""PREFIX dip: <{DIP}> SELECT DISTINCT ?x WHERE {{
        VALUES ?c {{ dip:Agreement dip:Event dip:Project }} VALUES ?a {{ {copies} }} ?x a ?c ; dip:mentionedIn ?a }}""")}
    assert dA01_facts and reported == dA01_facts   # the same nodes as one copy alone, none twice
    sources = {r["x"].value: int(r["n"].value) for r in rows(store, f"""PREFIX dip: <{DIP}>
        SELECT ?x (COUNT(DISTINCT ?src) AS ?n) WHERE {{ ?as dip:sourceArticle ?src ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?x
        }} GROUP BY ?x""")}
    signed = [x for x in dA01_facts if "/agreement/" in x or "/signing-" in x]
    assert signed and all(sources[x] == 3 for x in signed)


def test_the_built_graph_conforms_to_the_shapes(wire, tmp_path):
    store, _ = wire
    dump = tmp_path / "all.nq"
    handle = open_store(store)
    try:
        handle.dump(dump, "nquads")
    finally:
        handle.close()
    report = validate_nquads(dump)
    assert report.conforms, report.text[:2000]


def test_entity_pages_and_home_say_how_many_sources_and_stories(wire, make_app):
    store, _ = wire
    agreement = next(x for x in facts(store) if "/agreement/ethiopia-kenya-memorandum" in x)
    client = make_app(store=store).test_client()
    page = client.get("/id/" + agreement.removeprefix(DEFAULT_BASE_IRI))
    assert page.status_code == 200, (agreement, page.get_data(as_text=True)[:500])
    assert "Reported by 3 sources (1 independent story)" in page.get_data(as_text=True)
    kenya = client.get("/id/state/kenya").get_data(as_text=True)
    assert "Reported by 3 sources (1 independent story)" in kenya
    russia = client.get("/id/state/russia").get_data(as_text=True)
    assert "Reported by 2 sources (2 independent stories)" in russia
    home = client.get("/").get_data(as_text=True)
    assert "Reported by 5 sources (3 independent stories)" in home
    listed = client.get("/query?name=stories").get_data(as_text=True)
    assert f"{STORY}a-xinhua" in listed and f"{STORY}{RUSSIA_PAKISTAN[0]}" not in listed   # single stories are not listed
    story = client.get("/id/story/a-xinhua")
    assert story.status_code == 200 and "b-ledger" in story.get_data(as_text=True)


def test_a_copy_built_later_joins_the_stored_story(tmp_path):
    store = tmp_path / "store"
    first = build([str(put(tmp_path / "one", "a-xinhua.txt", (FIXTURES / "dA01.txt").read_text(encoding="utf-8")))],
                  Settings.load(store=store))
    assert first.ok
    before = facts(store)
    second = build([str(put(tmp_path / "two", "b-ledger.txt", (FIXTURES / "dA01-light.txt").read_text(encoding="utf-8"))),
                    str(put(tmp_path / "two", "c-herald.txt", (FIXTURES / "dA01-heavy.txt").read_text(encoding="utf-8")))],
                   Settings.load(store=store))
    assert second.ok and second.extracted == 2
    # The store is read by key: an unrelated story reads nothing, a copy only the rows of its bands.
    # Read-only: no RocksDB lock, so the next build can open the store (RelStore.close flushes,
    # which a read-only store refuses, so it is just dropped).
    handle = open_store(store, read_only=True)
    unrelated = StoryIndex(handle, IriMaker(DEFAULT_BASE_IRI))
    unrelated.admit([article(FIXTURES / "dB01.txt")])
    assert unrelated.rows_read == 0 and unrelated.queries == 2   # digest and band keys; no URL
    related = StoryIndex(handle, IriMaker(DEFAULT_BASE_IRI))
    related.admit([article(FIXTURES / "dA01-trimmed.txt")])
    assert 0 < related.rows_read <= 3 * len(related.params.bands)
    del handle, unrelated, related
    third = build([str(put(tmp_path / "three", "f-short.txt", (FIXTURES / "dA01-trimmed.txt").read_text(encoding="utf-8")))],
                  Settings.load(store=store))
    assert third.ok and third.extracted == 1
    assert members(store) == {f"{STORY}a-xinhua": {"a-xinhua", "b-ledger", "c-herald", "f-short"}}
    assert facts(store) >= before and len(facts(store) - before) <= 1   # the trimmed copy adds no fact twice
    # Rebuilding the founder keeps the story's IRI: its copies still point at it.
    again = build([str(tmp_path / "one" / "a-xinhua.txt")], Settings.load(store=store), force=True)
    assert again.ok and again.extracted == 1
    assert members(store) == {f"{STORY}a-xinhua": {"a-xinhua", "b-ledger", "c-herald", "f-short"}}
    # An exact copy of a stored article is found in the store and skipped.
    copy = build([str(put(tmp_path / "four", "g-copy.txt", (FIXTURES / "dA01.txt").read_text(encoding="utf-8")))],
                 Settings.load(store=store))
    assert copy.extracted == 0
    assert any("g-copy.txt: the same news text as article 'a-xinhua'" in w and "already in the store" in w
               for w in copy.warnings)


def test_the_void_counts_articles_and_stories(wire, make_app):
    store, _ = wire
    client = make_app(store=store).test_client()
    graph = ox.Store()
    graph.load(client.get("/.well-known/void", headers={"Accept": "text/turtle"}).get_data(), ox.RdfFormat.TURTLE)
    counts = {r["c"].value: int(r["n"].value) for r in graph.query(
        """PREFIX void: <http://rdfs.org/ns/void#> SELECT ?c ?n WHERE {
           ?ds void:classPartition [ void:class ?c ; void:entities ?n ] }""")}
    assert counts == {f"{DIP}Article": 5, f"{DIP}Story": 3}


# ---------------------------------------------------------------- one story on three web pages

SITE_PAGES = {
    # A wire service: JSON-LD NewsArticle, navigation, share bar, related box, footer.
    "wire.example": """<html lang="en"><head><title>{title} | Wire Desk</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "2025-03-13T10:00:00Z",
"publisher": {{"@type": "Organization", "name": "Wire Desk"}}}}</script>
<link rel="canonical" href="https://wire.example/world/{slug}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav>
<article><h1>{title}</h1><div class="share">Share on X | Email this story</div>{story}</article>
<aside><h3>Related</h3><ul><li><a href="/r1">Grain prices ease after the harvest report</a></li></ul></aside>
<footer>Copyright Wire Desk. All rights reserved.</footer></body></html>""",
    # A regional paper: OpenGraph, a cookie banner, comments under the story.
    "ledger.example": """<html lang="en"><head><title>{title}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2025-03-14T06:30:00Z">
<meta property="og:url" content="https://ledger.example/2025/03/14/{slug}"></head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<header><a href="/">The Ledger</a> <a href="/subscribe">Subscribe now</a></header>
<main><div class="story-body"><h1>{title}</h1>{story}</div></main>
<section class="comments"><h3>Comments</h3><p>Reader42: Finally some good news for the region, well done to both leaders!</p></section>
<footer>The Ledger Media Group. Terms of use.</footer></body></html>""",
    # A portal: no structured metadata, a plain date tag, a sidebar of headlines, a newsletter box.
    "portal.example": """<html lang="en"><head><title>{title} - Portal News</title>
<meta name="date" content="2025-03-13"></head><body>
<div class="top"><a href="/">Portal</a> <a href="/weather">Weather</a> <a href="/horoscopes">Horoscopes</a></div>
<div id="content"><h2>{title}</h2><div class="text">{story}</div></div>
<ul class="sidebar"><li><a href="/s1">Ten recipes for a quick dinner</a></li><li><a href="/s2">Traffic on the ring road</a></li></ul>
<div class="newsletter">Sign up for our morning briefing</div></body></html>""",
}
FURNITURE = ("Share on X", "Grain prices ease", "All rights reserved", "cookies", "Reader42",
             "Subscribe now", "Ten recipes", "morning briefing", "Terms of use")


def page_story(path: Path) -> tuple[str, str]:
    """A fixture text's headline and its paragraphs as HTML (its text furniture lines dropped by
    keeping only paragraphs of a sentence or more)."""
    import html as markup

    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    headline = next(p for p in paragraphs if 6 <= len(p.split()) <= 20 and not p.endswith("."))
    body = [p for p in paragraphs if len(p.split()) >= 12 and p != headline]
    return headline, "".join(f"<p>{markup.escape(p)}</p>" for p in body)


def test_one_story_on_three_sites_with_different_furniture_is_one_story_with_three_sources(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    versions = ("dA01.txt", "dA01-light.txt", "dA01-medium.txt")
    for (site, layout), version in zip(SITE_PAGES.items(), versions):
        headline, story = page_story(FIXTURES / version)
        page = layout.format(title=headline.replace('"', "'"), slug="ethiopia-kenya-deals", story=story)
        (folder / f"{site.split('.')[0]}.html").write_text(page, encoding="utf-8")
    store = tmp_path / "store"
    report = build([str(folder)], Settings.load(store=store))
    assert report.ok, report.errors
    assert (report.read, report.extracted) == (3, 3)
    assert members(store) == {f"{STORY}ledger": {"ledger", "portal", "wire"}}
    sources = {a.id: a for a in iter_articles([folder])}
    assert {a.publisher for a in sources.values()} == {"Wire Desk", "The Ledger", None}
    assert sources["wire"].url == "https://wire.example/world/ethiopia-kenya-deals"
    assert sources["ledger"].published == "2025-03-14"
    for article in sources.values():
        assert "Lamu" in article.text
        assert not [f for f in FURNITURE if f in article.raw_text], article.id
    signed = [x for x in facts(store) if "/agreement/" in x]
    count = {r["x"].value: int(r["n"].value) for r in rows(store, f"""PREFIX dip: <{DIP}>
        SELECT ?x (COUNT(DISTINCT ?src) AS ?n) WHERE {{ ?as dip:sourceArticle ?src ;
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?x }} GROUP BY ?x""")}
    assert signed and all(count[x] == 3 for x in signed)   # one node per agreement, three sources each


def test_band_counts_in_the_parameter_file_are_checked(tmp_path):
    good = json.loads((REPO_ROOT / "data" / "patterns" / "syndication.json").read_text(encoding="utf-8"))
    assert load_params().bands == [(i * 3, i * 3 + 3) for i in range(37)]
    for bad, message in (({"lsh_bands": 37}, "both be given"), ({"lsh_bands": "x", "lsh_rows": 3}, "integers"),
                         ({"lsh_bands": 40, "lsh_rows": 4}, "at most num_perm")):
        path = tmp_path / "syndication.json"
        path.write_text(json.dumps({k: v for k, v in good.items() if not k.startswith("lsh_")} | bad))
        with pytest.raises(ValueError, match=message) as error:
            load_params(path)
        assert str(path) in str(error.value)
