"""Saved web pages: the story and its metadata read right, furniture left out, bad pages reported,
the same facts as from the same story in a .txt, and the page's provenance in the graph.

The pages in tests/fixtures/pages are written in the shapes of real news sites; expected.json says,
for each, its story paragraphs, the furniture that must not reach extraction and its metadata.
"""
import json
import shutil
from html import unescape
from pathlib import Path

import pyoxigraph as ox
import pytest

from relgraph.articles import Article, ArticleError, iter_articles
from relgraph.build import build
from relgraph.gazetteer import default_gazetteer
from relgraph.iris import IriMaker
from relgraph.mapping import article_quads
from relgraph.nlp.extract import extract_article
from relgraph.resolve import CorpusIndex
from relgraph.settings import Settings
from relgraph.sources.pages import MAX_PAGE_BYTES, article_from_html, read_html_file, text_extractor
from relgraph.store import open_store

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
DIP = "https://w3id.org/relgraph/ontology#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def page(name: str) -> Article:
    article = read_html_file(PAGES / name)
    assert isinstance(article, Article), article
    return article


def test_there_are_at_least_six_layouts():
    assert len(EXPECTED) >= 6
    assert sorted(EXPECTED) == sorted(p.name for p in PAGES.glob("*.html"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_text_holds_every_story_paragraph_and_no_furniture(name):
    article, expected = page(name), EXPECTED[name]
    paragraphs = [p.strip() for p in article.text.split("\n\n")]
    for story in expected["story"]:
        assert story in paragraphs, story
    for furniture in expected["furniture"]:
        assert furniture not in article.text, furniture   # case-sensitive: "Share" the button, not "share"
    # Nothing else: the headline (as in a .txt article) and the story.
    assert paragraphs == [expected["title"], *expected["story"]]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_date_publisher_url_and_author(name):
    article, expected = page(name), EXPECTED[name]
    got = {k: getattr(article, k) for k in ("title", "published", "publisher", "url", "author")}
    assert got == {k: expected[k] for k in got}
    assert article.text_extractor == text_extractor() and article.text_extractor.startswith("trafilatura ")
    assert article.language == "en"


def test_the_text_is_shaped_as_a_txt_headline_first_and_blank_lines_between_paragraphs():
    article, expected = page("wire_jsonld.html"), EXPECTED["wire_jsonld.html"]
    assert article.raw_text == "\n\n".join([expected["title"], *expected["story"]])
    assert article.text == article.raw_text     # nothing for the furniture rules to strip


# ---------------------------------------------------------------- which date, which metadata wins

DATED_TEXT_PAGE = """<html lang="en"><head><title>Talks in Astana</title>
<meta property="article:published_time" content="2024-03-14T09:00:00Z"></head><body><article>
<p>Published: June 13, 2023</p>
<p>Kazakh Foreign Minister Murat Nurtleu met his Mongolian counterpart Battsetseg Batmunkh in Astana on
Wednesday, and the two ministers agreed to expand rail freight between their countries.</p>
</article></body></html>"""

UNDATED_PAGE = """<html lang="en"><head><title>Talks in Astana</title></head><body><article>
<p>Kazakh Foreign Minister Murat Nurtleu met his Mongolian counterpart Battsetseg Batmunkh in Astana on
Wednesday, and the two ministers agreed to expand rail freight between their countries.</p>
</article></body></html>"""


def test_the_page_metadata_date_beats_a_date_in_the_text_and_a_fallback_date():
    article = article_from_html(DATED_TEXT_PAGE, ident="a", source="a.html", fallback_date="2020-01-02")
    assert isinstance(article, Article), article
    assert article.published == "2024-03-14"


def test_the_fallback_date_serves_only_an_undated_page():
    article = article_from_html(UNDATED_PAGE, ident="a", source="a.html",
                                fallback_date="2020-01-02T10:00:00Z")
    assert isinstance(article, Article), article
    assert article.published == "2020-01-02"


def test_a_sidecar_beats_the_page(tmp_path):
    shutil.copy(PAGES / "wire_jsonld.html", tmp_path / "story.html")
    (tmp_path / "story.meta.json").write_text(json.dumps(
        {"title": "Rail links: the sidecar's title", "published": "2024-03-15", "publisher": "Sidecar News"}))
    [article] = list(iter_articles([tmp_path]))
    assert isinstance(article, Article), article
    assert (article.title, article.published, article.publisher) == (
        "Rail links: the sidecar's title", "2024-03-15", "Sidecar News")
    assert article.url == EXPECTED["wire_jsonld.html"]["url"]   # what the sidecar does not say, the page does


# ---------------------------------------------------------------- same facts as the same story in a .txt

def _facts(records) -> dict[str, set]:
    refs = lambda refs_: tuple(sorted((r.kind, r.key) for r in refs_))   # noqa: E731
    return {
        "persons": {r.key for r in records.entities if r.kind == "person"},
        "states": {r.key for r in records.entities if r.kind == "state"},
        "roles": {(r.person, r.role, r.state) for r in records.roles},
        "events": {(f.type, refs(f.participants), refs(f.places), f.date)
                   for f in records.facts if f.kind == "event"},
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_page_gives_the_facts_of_the_same_story_as_a_txt(name, tmp_path):
    expected = EXPECTED[name]
    txt = tmp_path / (Path(name).stem + ".txt")
    txt.write_text(expected["title"] + "\n\n" + "\n\n".join(expected["story"]) + "\n", encoding="utf-8")
    txt.with_name(txt.stem + ".meta.json").write_text(json.dumps(
        {"title": expected["title"], "published": expected["published"]}))
    [from_txt] = list(iter_articles([txt]))
    from_page, from_text = _facts(extract_article(page(name))), _facts(extract_article(from_txt))
    assert from_page["persons"] and from_page["states"]
    assert from_page == from_text


# ---------------------------------------------------------------- bad pages

def _bad_pages(folder: Path) -> dict[str, str]:
    """Bad pages written into `folder`: file name -> what its error must say."""
    (folder / "links_only.html").write_text(
        "<html><head><title>World | Site</title></head><body><div class='cookie'>We use cookies. Accept all."
        "</div><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><h1>World news</h1><ul>"
        "<li><a href='/a'>Leaders meet in Geneva for talks on trade</a></li><li><a href='/b'>Minister visits "
        "Cairo</a></li></ul><footer>(c) 2024 Site</footer></body></html>", encoding="utf-8")
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "archive.htm").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4)
    (folder / "empty.html").write_bytes(b"")
    words = b"word " * (MAX_PAGE_BYTES // 5 + 1)
    (folder / "huge.html").write_bytes(b"<html><body><p>" + words + b"</p></body></html>")
    return {"links_only.html": "no main text", "photo.html": "binary file", "archive.htm": "gzip",
            "empty.html": "empty", "huge.html": "larger than"}


def test_each_bad_page_is_an_error_naming_its_file(tmp_path):
    expected = _bad_pages(tmp_path)
    errors = {Path(e.source).name: e.message
              for e in iter_articles([tmp_path]) if isinstance(e, ArticleError)}
    assert set(errors) == set(expected)
    for name, words in expected.items():
        assert words in errors[name], (name, errors[name])


def test_a_page_too_large_given_as_text_is_refused_before_parsing():
    error = article_from_html("<p>" + "x" * MAX_PAGE_BYTES, ident="a", source="http://example.org/a")
    assert isinstance(error, ArticleError) and error.source == "http://example.org/a"
    assert "larger than" in error.message


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252"])
def test_a_page_in_its_declared_charset_is_read_right(charset):
    sentence = ("Señor Núñez met the envoy of Curaçao in Zürich on Monday, and both called the talks "
                "on the café trade “useful” – a word they repeated twice.")
    if charset == "iso-8859-1":
        sentence = sentence.replace("“", '"').replace("”", '"').replace("–", "-")
    html = (f'<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>Talks in Zürich</title></head><body><article><p>{sentence}</p><p>{sentence}</p>"
            "</article></body></html>").encode(charset)
    article = article_from_html(html, ident="a", source="a.html")
    assert isinstance(article, Article), article
    assert sentence in article.text
    assert article.title == "Talks in Zürich"


def test_a_cyrillic_page_in_windows_1251_is_read_right():
    text = (Path(__file__).parent / "fixtures" / "languages" / "ru_peregovory.txt").read_text("utf-8")
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    html = ('<html lang="ru"><head><meta charset="windows-1251"><title>' + title + "</title></head><body>"
            "<article>" + "".join(f"<p>{p.strip()}</p>" for p in paragraphs) + "</article></body></html>")
    article = article_from_html(html.encode("windows-1251"), ident="ru", source="ru.html")
    assert isinstance(article, Article), article
    assert all(p.strip() in article.text for p in paragraphs)
    assert article.language == "ru"


def test_bad_pages_do_not_stop_a_build_and_the_good_page_is_ingested(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = _bad_pages(folder)
    shutil.copy(PAGES / "amp_minimal.html", folder / "amp_minimal.html")
    report = build([folder], Settings.load(store=tmp_path / "store"))
    assert report.extracted == 1
    assert sorted(Path(e.split(": ", 1)[0]).name for e in report.errors) == sorted(bad)
    graphs = {g.rsplit("/", 1)[1] for g in open_store(tmp_path / "store").named_graphs()}
    assert graphs == {"amp_minimal"}


# ---------------------------------------------------------------- provenance in the graph

FETCHED = {"fetched_url": "https://wire.example.com/r/8812?utm=feed", "fetched_at": "2024-03-14T12:00:05Z"}


@pytest.fixture(scope="module")
def page_store(tmp_path_factory):
    """The pages built into a real store, plus one page as a fetcher hands it over (with the URL
    it fetched and when), mapped and stored the way a build does."""
    folder = tmp_path_factory.mktemp("pages")
    for name in EXPECTED:
        shutil.copy(PAGES / name, folder / name)
    store_dir = folder / "store"
    report = build([folder], Settings.load(store=store_dir))
    assert report.ok and report.extracted == len(EXPECTED), report.errors
    fetched = article_from_html((PAGES / "wire_jsonld.html").read_bytes(), ident="fetched-wire",
                                source=FETCHED["fetched_url"], url=FETCHED["fetched_url"], **FETCHED)
    assert isinstance(fetched, Article), fetched
    # What relgraph.build does with an article read from a path, for one the fetcher read from a URL.
    iris, store = IriMaker(Settings.load().base_iri), open_store(store_dir)
    graphs = {iris.graph(fetched.id)}
    index = CorpusIndex.from_store(store, default_gazetteer(), iris, graphs)
    records = extract_article(fetched)
    index.resolve(records)
    quads = article_quads(fetched, records, iris, index.labels) + index.key_quads(records)
    store.replace_graphs(graphs, quads)
    del store                       # closes the store for the readers below
    return store_dir


def _article_values(store_dir: Path, article_id: str) -> dict[str, set]:
    iri = f"https://w3id.org/relgraph/id/article/{article_id}"
    rows = open_store(store_dir).query(f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}", union=False)
    out: dict[str, set] = {}
    for r in rows:
        out.setdefault(r["p"].value, set()).add(r["o"])
    return out


def test_a_saved_page_carries_url_extractor_author_language_and_sha(page_store):
    values = _article_values(page_store, "wire_jsonld")
    expected = EXPECTED["wire_jsonld.html"]
    assert values["https://schema.org/url"] == {ox.Literal(expected["url"])}
    assert values[DIP + "textExtractor"] == {ox.Literal(text_extractor())}
    assert values[DIP + "author"] == {ox.Literal("Daria Novak")}
    assert values[DCT + "language"] == {ox.Literal("en", datatype=ox.NamedNode(XSD + "language"))}
    assert values[DIP + "sha256"] == {ox.Literal(page("wire_jsonld.html").sha256)}
    assert DIP + "fetchedUrl" not in values and DIP + "fetchedAt" not in values   # a saved file, not fetched


def test_a_fetched_page_carries_the_fetched_url_and_time(page_store):
    values = _article_values(page_store, "fetched-wire")
    typed = lambda value, datatype: ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))   # noqa: E731
    assert values[DIP + "fetchedUrl"] == {typed(FETCHED["fetched_url"], "anyURI")}
    assert values[DIP + "fetchedAt"] == {typed(FETCHED["fetched_at"], "dateTime")}
    # the canonical URL the page declares is schema:url, not the URL it was fetched from
    assert values["https://schema.org/url"] == {ox.Literal(EXPECTED["wire_jsonld.html"]["url"])}


def test_the_page_graph_conforms_to_the_shapes(page_store):
    import io

    from relgraph.validate import validate_nquads

    out = io.BytesIO()
    open_store(page_store).dump(out, "nquads")
    report = validate_nquads(out.getvalue())
    assert report.conforms, report.violations[:5]


def test_the_article_page_shows_the_provenance(page_store, make_app):
    app = make_app(store=page_store)
    page = unescape(app.test_client().get("/id/article/fetched-wire").get_data(as_text=True))
    for shown in ("Daria Novak", ">en<", text_extractor(), "2024-03-14T12:00:05Z",
                  f'href="{FETCHED["fetched_url"]}"', EXPECTED["wire_jsonld.html"]["url"]):
        assert shown in page, shown
    saved = unescape(app.test_client().get("/id/article/titled_site_name").get_data(as_text=True))
    assert "Fetched from" not in saved and "Author" not in saved and text_extractor() in saved


def test_relgraph_export_carries_the_provenance(page_store, tmp_path):
    from click.testing import CliRunner

    from relgraph.cli import cli

    out = tmp_path / "graph.nq"
    args = ["export", "--store", str(page_store), "--format", "nquads", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    dump = out.read_text(encoding="utf-8")
    for term in ("fetchedUrl", "fetchedAt", "textExtractor", "author", "sha256"):
        assert f"<{DIP}{term}>" in dump, term
    assert f'"en"^^<{XSD}language>' in dump


@pytest.mark.parametrize(("line", "dropped"), [
    ("Share this post Copy link", True), ("Share: Facebook | X | Email", True), ("Published", True),
    ("Press release | No. 41/2024", True),
    ("Share prices fell in Doha on Monday.", False), ("Published reports say the minister resigned.", False),
    ("PRESS RELEASE", False),       # a bare one is a .txt article's first line (its title) in the dev set
])
def test_the_page_furniture_rules_drop_button_rows_and_bare_labels_only(line, dropped):
    from relgraph.articles import strip_furniture

    news = "The foreign ministers of Oman and Qatar met in Doha on Monday for talks on shipping."
    text, _ = strip_furniture(f"{news}\n\n{line}\n\n{news}")
    assert (line not in text) is dropped
