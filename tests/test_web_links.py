"""The slug grammar of data IRIs and which IRIs may become links."""
from __future__ import annotations

import pytest

from relgraph.articles import slugify
from relgraph.iris import slug
from relgraph.web.links import data_iri, is_valid_slug, local_url, web_href

NAMES = ["Sergei Lavrov", "Shah Mehmood Qureshi", "Côte d'Ivoire", "São Paulo", "x" * 300, "Ministry of "
         "Foreign Affairs of the Russian Federation and the Commonwealth of Independent States Affairs"]


@pytest.mark.parametrize("name", NAMES)
def test_every_slug_relgraph_makes_is_valid(name):
    made = slug(name)
    assert is_valid_slug("person", made)
    assert is_valid_slug("post", f"{slug(name)}-of-{slug(name)}")  # the longest two-part slugs
    assert is_valid_slug("event", f"{made}-12")


@pytest.mark.parametrize("ident", ["000_d41b808b5fb25158", "notes.v2", "x" * 200, "über ärticle", "a b"])
def test_every_article_id_relgraph_makes_is_valid(ident):
    assert is_valid_slug("article", slugify(ident)) and is_valid_slug("graph", slugify(ident))


@pytest.mark.parametrize("bad", ["a>b", 'a"b', "a b", "a{b", "a\\b", "a\x00b", "a\ufffdb", "A", "a--b", "-a",
                                 "a-", "", "a" * 200, "a.b", "a/b", "a#b", "a\nb", "a%3Eb"])
def test_anything_else_is_not_a_slug(bad):
    assert not is_valid_slug("person", bad)


@pytest.mark.parametrize("bad", ["a>b", ".a", "", "a" * 121, "a b", "a/b", "a#b", "a\x00b"])
def test_bad_article_ids(bad):
    assert not is_valid_slug("article", bad)


def test_unknown_kind_is_not_a_slug():
    assert not is_valid_slug("planet", "mars")


def test_data_iri_and_local_url_only_for_valid_slugs(app):
    with app.test_request_context():
        assert data_iri("person", "sergei-lavrov").value.endswith("/person/sergei-lavrov")
        assert data_iri("person", "a>b") is None
        base = app.extensions["relgraph"].settings.base_iri
        assert local_url(f"{base}person/sergei-lavrov") == "/id/person/sergei-lavrov"
        assert local_url(f"{base}person/A") is None and local_url("https://example.org/x") is None


@pytest.mark.parametrize("iri", ["http://www.wikidata.org/entity/Q159", "https://sws.geonames.org/1/",
                                 "HTTPS://EXAMPLE.ORG/"])
def test_http_iris_are_links(iri):
    assert web_href(iri) == iri


@pytest.mark.parametrize("iri", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "\tjavascript:alert(1)", "data:text/html,x", "vbscript:x",
                                 "file:///etc/passwd",
                                 "//evil.example/", "http:alert(1)", "https:", "", None, "mailto:a@b"])
def test_other_schemes_are_not(iri):
    assert web_href(iri) is None
