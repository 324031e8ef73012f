"""Reading articles: the five samples, page-furniture stripping, offsets and bad input."""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from relgraph.articles import (
    Article, ArticleError, dateline, derive_title, iter_articles, slugify, strip_furniture,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "articles"
STEMS = ["000_d41b808b5fb25158", "001_5b58551331a1c740", "002_51e9582a8b305ce7",
         "003_d76d9ba795c697e9", "004_8600423198ba3a01"]

# 1-based raw line numbers that are page furniture (dropped whole) in each sample.
DROPPED_LINES = {
    "000_d41b808b5fb25158": {1, 2, 6, 8, 10, 30, 32, 33, *range(35, 58)},
    "001_5b58551331a1c740": set(),
    "002_51e9582a8b305ce7": {5, 13, 14, 15},
    "003_d76d9ba795c697e9": {1, 2, 10},
    "004_8600423198ba3a01": {17},
}
# Parts cut out of lines that are otherwise kept.
CUTS = {
    "001_5b58551331a1c740": [" date 2023-06-12 "],
    "004_8600423198ba3a01": [" (ADDS VIDEO)", " EFE-EPA"],
}
FURNITURE_WORDS = ["Related Stories", "Realted", "Tags:", "Comments", "COMMENTS", "Sign up", "Open in App",
                   "Karachi Kings", "Disclaimer", "Read more", "By IANS", "Published:", "Epaper", "Yeni Haber",
                   "jlr/sc", "ADDS VIDEO", "EFE-EPA", "date 2023-06-12", "Lokomotiv", "Blinken"]
KEY_SENTENCES = {
    "000_d41b808b5fb25158": ["Russian Foreign Minister Sergei Lavrov issued a video statement",
                             "In April, the two countries signed a landmark deal",
                             "under no circumstances has abandoned its commitments, The Express Tribune reported."],
    "001_5b58551331a1c740": ["Russia has expressed its intention to strengthen cooperation with Pakistan",
                             "The Guddu Thermal Power Plant, then the largest in your country"],
    "002_51e9582a8b305ce7": ["will visit Islamabad on 20-21 June 2023.",
                             "it may not be easy for Pakistan to maintain that delicate balance."],
    "003_d76d9ba795c697e9": ["ISLAMABAD: Russia has offered co-operation",
                             "relations with Russia were entering a new era."],
    "004_8600423198ba3a01": ["Islamabad, Apr 7 (efe-epa).- Pakistani Foreign Minister Shah Mahmood Qureshi",
                             "as a part of his official tour."],
}
EXPECTED_META = {   # title, published, publisher (from the sidecars, checked against the gold files)
    "000_d41b808b5fb25158": ("Russia seeks expansion in ties with Pakistan", "2023-06-13", "IANS"),
    "001_5b58551331a1c740": (None, "2023-06-12", None),
    "002_51e9582a8b305ce7": (None, "2023-06", None),
    "003_d76d9ba795c697e9": ("Russia offers Pakistan assistance in vaccines, energy, security and other sectors",
                             "2021-04", None),
    "004_8600423198ba3a01": ("Pakistan seeks stronger ties with Russia", "2021-04-07", "EFE-EPA"),
}


@pytest.fixture(scope="module")
def samples() -> dict[str, Article]:
    items = list(iter_articles([SAMPLES]))
    assert all(isinstance(a, Article) for a in items), [str(a) for a in items if isinstance(a, ArticleError)]
    return {a.id: a for a in items}


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def one(paths) -> Article | ArticleError:
    items = list(iter_articles(paths))
    assert len(items) == 1, items
    return items[0]


# ---------------------------------------------------------------- the five samples

def test_samples_are_read_in_order_with_ids_sources_and_checksums(samples):
    assert list(samples) == STEMS
    for stem, article in samples.items():
        path = SAMPLES / f"{stem}.txt"
        assert article.source == str(path)
        assert article.raw_text == path.read_text(encoding="utf-8")
        assert article.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("stem", STEMS)
def test_sample_metadata_comes_from_sidecars(samples, stem):
    title, published, publisher = EXPECTED_META[stem]
    article = samples[stem]
    sidecar = json.loads((SAMPLES / f"{stem}.meta.json").read_text(encoding="utf-8"))
    assert article.published == published == sidecar["published"]
    assert article.publisher == publisher
    assert article.url is None
    assert article.title == sidecar["title"]
    if title:
        assert article.title == title
    else:
        assert sidecar["title_source"] == "editor"     # no headline in the text


@pytest.mark.parametrize("stem", STEMS)
def test_clean_text_keeps_every_news_line_and_drops_furniture_lines(samples, stem):
    article = samples[stem]
    kept = set(article.text.split("\n"))
    for number, line in enumerate(article.raw_text.splitlines(), start=1):
        for cut in CUTS.get(stem, []):
            line = line.replace(cut, " " if cut.startswith(" ") and cut.endswith(" ") else "")
        line = line.strip()
        if not line:
            continue
        if number in DROPPED_LINES[stem]:
            assert line not in kept, f"furniture line {number} kept: {line!r}"
        else:
            assert line in kept, f"news line {number} lost: {line!r}"


@pytest.mark.parametrize("stem", STEMS)
def test_clean_text_has_key_sentences_and_no_furniture_words(samples, stem):
    text = samples[stem].text
    for sentence in KEY_SENTENCES[stem]:
        assert sentence in text
    for word in FURNITURE_WORDS:
        assert word not in text, word
    assert "\n\n\n" not in text and text == text.strip()


def test_teaser_is_dropped_but_the_full_lede_is_kept_once(samples):
    text = samples["000_d41b808b5fb25158"].text
    assert text.count("Moscow, June 13 Russia has sought") == 1
    assert "carrying ..." not in text
    assert text.startswith("Russia seeks expansion in ties with Pakistan\n\nMoscow, June 13")


@pytest.mark.parametrize("stem", STEMS)
def test_raw_offset_maps_every_character_back(samples, stem):
    article = samples[stem]
    rng = random.Random(stem)
    offsets = rng.sample(range(len(article.text)), 300) + [0, len(article.text) - 1]
    for i in offsets:
        assert article.raw_text[article.raw_offset(i)] == article.text[i]
    # and exhaustively, since every character of `text` is copied from `raw_text`
    assert all(article.raw_text[article.raw_offset(i)] == ch for i, ch in enumerate(article.text))
    assert article.raw_offset(len(article.text)) <= len(article.raw_text)
    with pytest.raises(IndexError):
        article.raw_offset(len(article.text) + 1)


def test_raw_offset_of_a_sentence_finds_it_in_the_raw_file(samples):
    article = samples["004_8600423198ba3a01"]
    sentence = "Lavrov arrived in Pakistan after a visit to New Delhi."
    start = article.text.index(sentence)
    end = start + len(sentence)
    assert article.raw_text[article.raw_offset(start):article.raw_offset(end - 1) + 1] == sentence


def test_sample_datelines(samples):
    d0 = dateline(samples["000_d41b808b5fb25158"].text)
    assert (d0.place, d0.month, d0.day, d0.agency) == ("Moscow", 6, 13, None)
    assert samples["000_d41b808b5fb25158"].text[d0.end:].startswith("Russia has sought")
    d3 = dateline(samples["003_d76d9ba795c697e9"].text)
    assert (d3.place, d3.month) == ("Islamabad", None)
    d4 = dateline(samples["004_8600423198ba3a01"].text)
    assert (d4.place, d4.month, d4.day, d4.agency) == ("Islamabad", 4, 7, "EFE-EPA")
    assert samples["004_8600423198ba3a01"].text[d4.start:d4.end] == "Islamabad, Apr 7 (efe-epa).- "
    assert dateline(samples["002_51e9582a8b305ce7"].text) is None


def test_other_datelines():
    d = dateline("WASHINGTON, June 13, 2023 (Reuters) - The United States said...")
    assert (d.place, d.year, d.month, d.day, d.agency) == ("Washington", 2023, 6, 13, "Reuters")
    d = dateline("MOSCOW (Reuters) - Russia said on Tuesday...")
    assert (d.place, d.month, d.agency) == ("Moscow", None, "Reuters")
    assert dateline("NEW DELHI, 13 June (PTI) India and Russia...").place == "New Delhi"
    d = dateline("MOSCOW, June 20. /TASS/. Russian Deputy Foreign Minister Andrey Rudenko will travel.")
    assert (d.place, d.month, d.day, d.agency) == ("Moscow", 6, 20, "TASS")
    text = "Turkey, Russia discuss Syria\nANKARA\nTurkish and Russian officials discussed Syria in Ankara today."
    d = dateline(text)
    assert d.place == "Ankara" and text[d.end:].startswith("Turkish and Russian")
    assert dateline("However, he added, Russia had always been interested.") is None
    assert dateline("In April, the two countries signed a deal.") is None


# ---------------------------------------------------------------- text files without sidecar

def test_txt_without_sidecar_takes_title_after_navigation_and_date_from_byline(tmp_path):
    write(tmp_path / "a.txt", "Home\nWorld\n\nRussia and Pakistan sign oil deal\n\nBy Reuters Staff | "
          "Updated: 3 May 2023\n\nISLAMABAD: Russia and Pakistan signed a deal on oil supplies on Tuesday, "
          "officials said.\n")
    article = one([tmp_path / "a.txt"])
    assert article.title == "Russia and Pakistan sign oil deal"
    assert article.published == "2023-05-03"
    assert article.publisher is None
    assert article.text.startswith("Russia and Pakistan sign oil deal\n\nISLAMABAD: Russia")
    assert "Reuters Staff" not in article.text


def test_short_headline_before_a_news_paragraph_is_kept(tmp_path):
    write(tmp_path / "b.txt", "Menu\nLavrov visits Islamabad\nISLAMABAD: Russian Foreign Minister Sergei Lavrov "
          "arrived in Islamabad on Tuesday for talks.\n")
    article = one([tmp_path / "b.txt"])
    assert article.title == "Lavrov visits Islamabad"
    assert "Menu" not in article.text


def test_title_of_a_text_without_headline_is_its_first_sentence():
    assert derive_title("ISLAMABAD: Russia has offered vaccines. More follows.") == "Russia has offered vaccines"
    long = "Word " * 60
    assert derive_title(long).endswith("…") and len(derive_title(long)) <= 151


def test_crlf_text_is_normalised_and_offsets_stay_exact(tmp_path):
    write(tmp_path / "c.txt", b"Title line here today\r\n\r\nMOSCOW: Russia said things today, "
          b"officials said.\r\nSecond paragraph of news here.\r\n")
    article = one([tmp_path / "c.txt"])
    assert "\r" in article.raw_text and "\r" not in article.text
    assert article.text == ("Title line here today\n\nMOSCOW: Russia said things today, officials said.\n"
                            "Second paragraph of news here.")
    assert all(article.raw_text[article.raw_offset(i)] == ch for i, ch in enumerate(article.text))


def test_utf8_bom_is_dropped(tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbfRussia and Pakistan talk\nMOSCOW: They talked a lot today, "
          b"officials said.\n")
    article = one([tmp_path / "bom.txt"])
    assert article.raw_text.startswith("Russia") and article.title == "Russia and Pakistan talk"


# ---------------------------------------------------------------- sidecars

def test_sidecar_overrides_and_year_month_is_refined_by_dateline(tmp_path):
    write(tmp_path / "d.txt", "Talks in Moscow\nMoscow, Apr 7 (efe-epa).- Russia and Pakistan held talks, "
          "officials said.\n")
    write(tmp_path / "d.meta.json", json.dumps({"title": "Talks", "published": "2021-04", "publisher": "EFE",
                                                 "url": "https://example.org/x"}))
    article = one([tmp_path])      # the sidecar itself is not read as an article
    assert (article.title, article.published, article.publisher, article.url) == \
        ("Talks", "2021-04-07", "EFE", "https://example.org/x")


@pytest.mark.parametrize("content, message", [
    ("{not json", "malformed sidecar JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"title": 5}', "field 'title' must be a string"),
    ('{"published": "soon"}', "'published' is not a date"),
])
def test_bad_sidecar_is_an_error_naming_the_sidecar(tmp_path, content, message):
    write(tmp_path / "e.txt", "Some headline here\nMOSCOW: Some news text, officials said today.\n")
    write(tmp_path / "e.meta.json", content)
    error = one([tmp_path / "e.txt"])
    assert isinstance(error, ArticleError)
    assert error.source == str(tmp_path / "e.meta.json")
    assert message in error.message


# ---------------------------------------------------------------- bad input

def test_missing_path(tmp_path):
    error = one([tmp_path / "nope.txt"])
    assert isinstance(error, ArticleError) and error.message == "no such file or directory"
    assert str(error) == f"{tmp_path / 'nope.txt'}: no such file or directory"


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"  \n\t\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
    (bytes(range(128, 256)) * 8, "binary file"),
    ("Caf\xe9 talks in Paris\n".encode("latin-1"), "not UTF-8 (byte 0xe9 at offset 3)"),
])
def test_unreadable_files_are_errors(tmp_path, data, message):
    error = one([write(tmp_path / "bad.txt", data)])
    assert isinstance(error, ArticleError)
    assert error.message == message


def test_all_furniture_is_an_error(tmp_path):
    error = one([write(tmp_path / "f.txt", "Related Stories\nTags: a, b\nOpen in App\n")])
    assert isinstance(error, ArticleError) and "no news text" in error.message


def test_directory_expansion_is_recursive_sorted_and_skips_hidden_and_sidecars(tmp_path):
    body = "Headline words here now\nMOSCOW: Russia said things today, officials said.\n"
    write(tmp_path / "b.txt", body)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.txt", body)
    write(tmp_path / "a.txt", body)
    write(tmp_path / ".hidden.txt", body)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", body)
    write(tmp_path / "notes.md", body)
    write(tmp_path / "a.meta.json", "{}")
    items = list(iter_articles([tmp_path]))
    assert [a.source for a in items] == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/a.txt")]


# ---------------------------------------------------------------- jsonl

def test_jsonl_good_lines_survive_bad_ones(tmp_path):
    good = {"id": "x1", "url": "https://e.org/1", "title": "Talks", "source": "Dawn",
            "published": "2023-06-13T11:57:00Z", "text": "Talks\nISLAMABAD: Pakistan and Russia held talks, "
            "officials said on Tuesday.\nRelated Stories\nOther story"}
    lines = [json.dumps(good), "", '{"id": "x2", "text": "oops" "more"}', json.dumps({"id": "x3", "title": "t"}),
             "[1, 2]", json.dumps({**good, "id": "x4", "published": "June 13, 2023"})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError", "ArticleError", "ArticleError",
                                                 "Article"]
    first, bad_json, no_text, not_object, last = items
    assert (first.id, first.source, first.published, first.publisher, first.url) == \
        ("x1", f"{path}:1", "2023-06-13", "Dawn", "https://e.org/1")
    assert "Related Stories" not in first.text and "Other story" not in first.text
    assert bad_json.source == f"{path}:3"
    assert bad_json.message == "malformed JSON: Expecting ',' delimiter (column 29)"
    assert str(no_text) == f"{path}:4: missing field 'text'"
    assert not_object.source == f"{path}:5" and "JSON object" in not_object.message
    assert (last.id, last.published, last.source) == ("x4", "2023-06-13", f"{path}:6")


def test_jsonl_missing_date_is_detected_and_unsafe_ids_are_slugified(tmp_path):
    records = [{"id": "a/b c", "text": "Published: August 03, 2023\nMOSCOW: Russia said things, officials said."},
               {"id": "a b/c", "text": "Some text about Russia and Pakistan today."},
               {"text": "No id here at all, said officials."}]
    path = write(tmp_path / "f.jsonl", "\n".join(json.dumps(r) for r in records))
    a, b, c = iter_articles([path])
    assert a.published == "2023-08-03"
    assert a.id != b.id and a.id.startswith("a-b-c-")
    assert all(ch.isalnum() or ch in "._-" for ch in a.id + b.id)
    assert c.id == "f-3" and c.published is None


def test_slugify():
    assert slugify("000_d41b808b5fb25158") == "000_d41b808b5fb25158"
    assert slugify("..") != ".." and not slugify("..").startswith(".")
    assert slugify("Zürich news") .startswith("Zurich-news-")


# ---------------------------------------------------------------- furniture rules in isolation

def clean(raw: str) -> str:
    return strip_furniture(raw)[0]


def test_related_stories_at_the_top_does_not_empty_the_article():
    text = clean("Related Stories\nRussia and Pakistan sign a deal\nMOSCOW: Russia and Pakistan signed a deal "
                 "on Tuesday, officials said.")
    assert "signed a deal on Tuesday" in text and "Related Stories" not in text


def test_inline_read_more_drops_only_its_line():
    text = clean("MOSCOW: Russia and Pakistan signed a deal on Tuesday, officials said.\nRead more: Other story\n"
                 "The deal covers oil and gas supplies for the next three years, they said.")
    assert "Other story" not in text and "next three years" in text


def test_sentences_that_look_like_furniture_are_kept():
    raw = ("MOSCOW: Russia and Pakistan signed a deal on Tuesday, officials said.\n"
           "By Monday, the first tanker had left the port of Novorossiysk for Karachi.\n"
           "Comments by the minister were welcomed in Islamabad, where the talks took place.\n"
           "The agency AFP said the deal was signed.\n")
    assert clean(raw) == raw.strip()


def test_bylines_without_by_and_site_chrome_are_dropped():
    raw = ("Skip to main content\nWorld\nPakistan, Russia ink agreement on gas pipeline\n"
           "Baqir Sajjad Syed Published July 3, 2021 Updated about 3 years ago\n"
           "ISLAMABAD: Pakistan and Russia on Friday signed an agreement on the pipeline, officials said.\n"
           "FILE PHOTO: Russian Foreign Minister Sergei Lavrov speaks in Moscow. REUTERS/Evgenia Novozhenina\n"
           "Comments are closed on this story.\nOur Standards: The Thomson Reuters Trust Principles.")
    assert clean(raw) == ("Pakistan, Russia ink agreement on gas pipeline\n"
                          "ISLAMABAD: Pakistan and Russia on Friday signed an agreement on the pipeline, officials said.")


def test_wire_contributor_credits_are_dropped_and_a_sentence_on_contributions_is_kept():
    raw = ("Lima and Quito open a power line\n"
           "LIMA, Peru (AP) - Peru and Ecuador opened a cross-border power line on Monday, officials said.\n"
           "Local farmers contributed land for the towers near Tumbes, the ministry said.\n"
           "AP writers Ana Lucia Ponce in Quito and Mateo Ruiz in Tumbes contributed to this report.\n"
           "The Wire Service contributed reporting.")
    assert clean(raw) == ("Lima and Quito open a power line\n"
                          "LIMA, Peru (AP) - Peru and Ecuador opened a cross-border power line on Monday, officials said.\n"
                          "Local farmers contributed land for the towers near Tumbes, the ministry said.")


def test_agency_signoff_and_slugs_are_cut():
    text = clean("UPDATE 2-Russia, Pakistan sign deal (ADDS QUOTES)\nMOSCOW (Reuters) - Russia signed a deal "
                 "with Pakistan, officials said. Reuters\n(Reporting by A; Editing by B)")
    assert text == "Russia, Pakistan sign deal\nMOSCOW (Reuters) - Russia signed a deal with Pakistan, officials said."


def test_dangling_links_and_link_loops_are_reported_and_the_rest_is_read(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text("Japan and India signed a defence agreement in Tokyo on 12 March 2024.\n")
    (root / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (root / "sub" / "back").symlink_to(root)                 # a folder link into its own ancestor
    (root / "self.txt").symlink_to(root / "self.txt")        # a link to itself
    (root / "alias.txt").symlink_to(root / "good.txt")       # a good link is still followed
    items = list(iter_articles([root]))
    errors = {Path(e.source).name: e.message for e in items if isinstance(e, ArticleError)}
    assert errors == {"gone.txt": "dangling symbolic link", "back": "symbolic link loop",
                      "self.txt": "symbolic link loop"}
    assert sorted(a.id for a in items if isinstance(a, Article)) == ["alias", "good"]
    given = list(iter_articles([root / "gone.txt"]))
    assert [(e.source, e.message) for e in given] == [(str(root / "gone.txt"), "dangling symbolic link")]


def test_a_file_over_the_size_cap_is_refused_unread_naming_file_and_limit(tmp_path):
    from relgraph.article_files import MAX_FILE_BYTES

    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:                       # sparse: no 32 MiB written to the disk
        fh.truncate(MAX_FILE_BYTES[".txt"] + 1)
    (tmp_path / "ok.txt").write_text("Japan and India signed a defence agreement in Tokyo.\n")
    items = list(iter_articles([tmp_path]))
    errors = [e for e in items if isinstance(e, ArticleError)]
    assert len(errors) == 1 and errors[0].source == str(big)
    assert f"{MAX_FILE_BYTES['.txt']:,} bytes" in errors[0].message
    assert [a.id for a in items if isinstance(a, Article)] == ["ok"]


def test_furniture_loss_is_reported_only_for_long_texts_that_lose_most():
    from relgraph.articles import furniture_loss

    assert furniture_loss("x" * 20_000, "x" * 15_000) is None      # a quarter removed
    assert furniture_loss("x" * 5_000, "x" * 100) is None          # short page: menus may dominate
    warning = furniture_loss("x" * 50_000, "x" * 1_634)
    assert warning and "48,366 of 50,000" in warning and "1,634" in warning


def test_an_also_read_heading_drops_the_links_listed_under_it():
    text = clean("LIMA: Peru and Chile signed a port deal on Monday, officials said.\n\n"
                 "The deal covers two terminals, the ministry added.\n\nAlso read:\n"
                 "- Bolivia, Paraguay leaders meet in Asuncion\nEcuador signs trade pact with Colombia\n")
    assert "two terminals" in text
    assert "Bolivia" not in text and "Ecuador" not in text and "Also read" not in text
