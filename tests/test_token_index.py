"""relgraph.nlp.token_index: the positions a rule asks for are exactly the tokens a walk of the whole
doc would test true, in text order, on real parsed articles."""
from __future__ import annotations

import pytest

from relgraph.articles import Article, iter_articles
from relgraph.nlp.chunks import parse_many
from relgraph.nlp.pipeline import load_nlp
from relgraph.nlp.token_index import TokenIndex
from relgraph.settings import REPO_ROOT


@pytest.fixture(scope="module")
def docs():
    articles = [a for a in iter_articles([REPO_ROOT / "data" / "articles"]) if isinstance(a, Article)][:6]
    assert len(articles) >= 3
    parsed = list(parse_many(load_nlp()[0], [a.text for a in articles], 8))
    # lemmas that differ only in case: a proper noun keeps its capital ('Parliament'), a noun not
    parsed.append(load_nlp()[0]("The Parliament met on Monday. The parliament rose. The Commission and the "
                                "commission. Prime Minister and the ministers."))
    return parsed


def walk(doc, test) -> list[int]:
    return [t.i for t in doc if test(t)]


def test_words_lemmas_and_parts_of_speech_are_found_as_a_walk_finds_them(docs):
    for doc in docs:
        index = TokenIndex(doc)
        words = {t.lower_ for t in list(doc)[::7]} | {"agree", "parliament", "the", "no-such-word"}
        assert index.with_lower(words) == walk(doc, lambda t: t.lower_ in words)
        assert index.with_lemma(words) == walk(doc, lambda t: t.lemma_.lower() in words)
        assert index.with_lemma_or_lower(words) == walk(
            doc, lambda t: t.lemma_.lower() in words or t.lower_ in words)
        for tags in (("VERB",), ("NOUN", "PROPN"), ("INTJ", "X")):
            assert index.with_pos(tags) == walk(doc, lambda t: t.pos_ in tags)
        assert index.with_lower(("the",)), "every article has a 'the'"


def test_a_lemma_in_two_cases_is_one_lower_cased_lemma(docs):
    doc, index = docs[-1], TokenIndex(docs[-1])
    assert [doc[i].lemma_ for i in index.with_lemma(("parliament",))] == ["Parliament", "parliament"]
    assert [doc[i].lemma_ for i in index.with_lemma(("commission", "minister"))] == [
        "Commission", "commission", "Minister", "minister"]


def test_queries_take_lists_sets_and_single_words(docs):
    index = TokenIndex(docs[0])
    everything = sorted(set(index.lower))
    assert index.with_lower(everything) == list(range(len(docs[0])))
    assert index.with_lower(frozenset(everything[:3])) == index.with_lower(everything[:3])
    assert index.with_lower([]) == [] and index.with_lemma(("no-such-word",)) == []
    assert [t.i for t in index.tokens(index.with_pos(("VERB",)))] == index.with_pos(("VERB",))


def test_the_context_makes_one_index_per_article(docs):
    from relgraph.nlp.context import ArticleContext
    from relgraph.records import ArticleRecords

    _, _, gaz, lex = load_nlp()
    ctx = ArticleContext(doc=docs[0], article=None, gaz=gaz, lex=lex, records=ArticleRecords("a"))
    assert ctx.index is ctx.index and ctx.index.doc is docs[0]
