"""Security headers on every kind of response, and pages that need no inline script or style."""
from __future__ import annotations

import re

import pytest

from relgraph.web.headers import CONTENT_SECURITY_POLICY

ARTICLE = "/id/article/000_d41b808b5fb25158"
PAGES = ["/", "/query", "/query?name=people", "/timeline", "/id/person/sergei-lavrov", "/id/state/russia",
         "/id/event/visit-of-sergei-lavrov-to-islamabad", ARTICLE, "/id/person/nobody-at-all"]
API = ["/sparql?query=ASK%7B%7D", "/sparql", "/dump.ttl", "/.well-known/void", "/id/person/sergei-lavrov.ttl",
       "/id/person/sergei-lavrov.jsonld", "/neighbourhood/person/sergei-lavrov.svg", "/assets/query.js",
       "/assets/relgraph.css", "/sparql?query=SELECT", "/no/such/path"]


def directives(policy: str) -> dict[str, str]:
    parts = [p.strip().split(" ", 1) for p in policy.split(";") if p.strip()]
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def check_headers(response) -> None:
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'none'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] in ("no-referrer", "strict-origin-when-cross-origin")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_kind_sends_the_security_headers(client, path):
    response = client.get(path)
    assert response.mimetype == "text/html" and response.status_code in (200, 404)
    check_headers(response)


@pytest.mark.parametrize("path", API)
def test_api_responses_send_nosniff_and_the_policy(client, path):
    response = client.get(path)
    assert response.status_code < 500
    check_headers(response)


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_style_or_handlers(client, path):
    page = client.get(path).get_data(as_text=True)
    for tag in re.findall(r"<script\b[^>]*>", page):
        # Scripts come from files; JSON data blocks are not script.
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"<style\b", page, re.I)
    assert not re.search(r"\sstyle\s*=", page, re.I)
    assert not re.search(r"\son[a-z]+\s*=", page, re.I)
    assert "javascript:" not in page.lower()


def test_the_policy_is_the_documented_one():
    assert directives(CONTENT_SECURITY_POLICY)["form-action"] == "'self'"
    assert directives(CONTENT_SECURITY_POLICY)["img-src"] == "'self' data:"


def test_a_live_server_sends_the_headers(live_server):
    import urllib.request

    for path in ("/", "/sparql?query=ASK%7B%7D", "/id/state/russia"):
        with urllib.request.urlopen(live_server + path, timeout=10) as response:
            check_headers(response)
