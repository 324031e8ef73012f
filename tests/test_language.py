"""Language: every article's language detected offline; non-English articles skipped, counted and
reported by the build, English ones (short ones too) kept whatever a page declares."""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from relgraph.articles import Article, iter_articles
from relgraph.build import build
from relgraph.cli import cli
from relgraph.settings import Settings
from relgraph.sources.language import MIN_CHARS, detect_language, is_foreign, primary_subtag
from relgraph.sources.pages import article_from_html
from relgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ENGLISH_CORPORA = [ROOT / "data" / "articles", ROOT / "tests" / "fixtures" / "devset",
                   *sorted((ROOT / "checksets").glob("*/articles"))]
FOREIGN = Path(__file__).parent / "fixtures" / "languages"
FOREIGN_LANGUAGES = {"fr_visite": "fr", "es_acuerdo": "es", "de_besuch": "de", "ru_peregovory": "ru",
                     "ar_mubahathat": "ar"}


@pytest.fixture(scope="module")
def english_articles() -> list[Article]:
    articles = [a for a in iter_articles(ENGLISH_CORPORA) if isinstance(a, Article)]
    assert len(articles) >= 100
    return articles


def test_every_dev_and_check_set_article_is_english(english_articles):
    assert {a.source: a.language for a in english_articles if a.language != "en"} == {}


def test_no_paragraph_of_an_english_article_is_taken_for_another_language(english_articles):
    """Short texts too: each paragraph alone, and the first MIN_CHARS characters, are never foreign."""
    pieces = [p for a in english_articles for p in a.text.split("\n") if p.strip()]
    pieces += [a.text[:MIN_CHARS] for a in english_articles]
    foreign = [(detect_language(p), p[:80]) for p in pieces if is_foreign(detect_language(p))]
    assert foreign == []


@pytest.mark.parametrize(("stem", "code"), sorted(FOREIGN_LANGUAGES.items()))
def test_foreign_articles_are_detected(stem, code):
    [article] = list(iter_articles([FOREIGN / f"{stem}.txt"]))
    assert article.language == code and is_foreign(article.language)


def test_a_short_text_takes_the_declared_language_or_none():
    short = "Ministers met in Geneva on Monday."
    assert len(short) < MIN_CHARS
    assert detect_language(short) is None
    assert detect_language(short, "fr-CA") == "fr"


def test_a_declared_language_never_overrides_the_text():
    french = (FOREIGN / "fr_visite.txt").read_text(encoding="utf-8")
    assert detect_language(french, "en") == "fr"
    english = (ROOT / "data" / "articles").glob("*.txt").__next__().read_text(encoding="utf-8")
    assert detect_language(english, "fr") == "en"


def test_a_page_declaring_english_over_a_french_story_is_french():
    text = (FOREIGN / "fr_visite.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    html = ('<html lang="en-GB"><head><title>' + paragraphs[0] + "</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[1:]) + "</article></body></html>")
    article = article_from_html(html, ident="fr", source="fr.html")
    assert isinstance(article, Article), article
    assert article.language == "fr"


@pytest.mark.parametrize(("tag", "code"), [("en-US", "en"), ("EN_gb", "en"), ("ara", "ara"), ("", None),
                                           (None, None), ("x-klingon-1", None), ("12", None)])
def test_primary_subtag(tag, code):
    assert primary_subtag(tag) == code


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    for stem in FOREIGN_LANGUAGES:
        shutil.copy(FOREIGN / f"{stem}.txt", folder / f"{stem}.txt")
    (folder / "english.txt").write_text(
        "Lavrov meets Qureshi in Moscow\n\nRussian Foreign Minister Sergei Lavrov met his Pakistani "
        "counterpart Shah Mehmood Qureshi in Moscow on Tuesday. The two ministers discussed trade and energy "
        "cooperation and agreed to meet again in Islamabad later this year.\n", encoding="utf-8")
    meta = {"title": "Lavrov meets Qureshi", "published": "2023-06-13"}
    (folder / "english.meta.json").write_text(json.dumps(meta))
    return folder


def test_the_build_skips_counts_and_names_non_english_articles(mixed_folder, tmp_path):
    report = build([mixed_folder], Settings.load(store=tmp_path / "store"))
    assert report.ok, report.errors                      # a foreign article is not an error
    assert (report.read, report.extracted, report.not_english) == (1, 1, len(FOREIGN_LANGUAGES))
    for stem, code in FOREIGN_LANGUAGES.items():
        [message] = [w for w in report.warnings if f"{stem}.txt" in w]
        assert "skipped" in message and repr(code) in message and "English" in message
    graphs = {g.rsplit("/", 1)[1] for g in open_store(tmp_path / "store").named_graphs()}
    assert graphs == {"english"}


def test_the_cli_build_summary_counts_non_english_articles(mixed_folder, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(mixed_folder), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert f"{len(FOREIGN_LANGUAGES)} not in English (skipped)" in result.output
    assert "fr_visite.txt: skipped" in result.output
