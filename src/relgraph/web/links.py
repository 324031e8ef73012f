"""Data IRIs and the URLs of this server, and which IRIs may become links at all.

A data IRI is `{base_iri}{kind}/{slug}`; this server answers for it at `/id/{kind}/{slug}`.
A URL's slug is checked against the grammar relgraph itself uses for slugs (`relgraph.iris.slug`,
article ids from `relgraph.articles.slugify`) before anything else happens: whatever does not
fit cannot name anything in the store, so the pages answer 404 without running a query.

Links. Only our own relative URLs and http(s) IRIs become `href`s; any other scheme
(`javascript:`, `data:`, `vbscript:`, `file:`...) an IRI or literal in the graph may carry is
shown as text.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox
from flask import current_app, url_for

from relgraph.namespaces import DATA_KINDS, DIP, all_prefixes

# relgraph.iris.slug(): lower-case ASCII words joined by single hyphens, at most 80 characters;
# posts ("role-of-state"), cities ("name-state") and facts ("name-2") join two of them.
ENTITY_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ENTITY_SLUG_MAX = 2 * 80 + len("-of-")
# relgraph.articles.slugify(): article (and named graph) ids.
ARTICLE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}")
ARTICLE_KINDS = ("article", "graph")
# Kinds whose slug is an article id: stories are named after their first article (relgraph.syndication).
ARTICLE_ID_KINDS = (*ARTICLE_KINDS, "story")
# Schemes a browser may follow from our pages; compared case-insensitively, as browsers do.
LINKABLE_IRI = re.compile(r"https?://[^\s]", re.IGNORECASE)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
# The editor's starter query declares these (the page queries carry their own PREFIX lines).
PREFIXES = f"""PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX dip: <{DIP}>
PREFIX dcterms: <{DCTERMS}>
PREFIX schema: <https://schema.org/>
"""


def relgraph():
    """The app's relgraph context: `.settings`, `.store` (and `.executor`)."""
    return current_app.extensions["relgraph"]


def base_iri() -> str:
    return relgraph().settings.base_iri


def is_valid_slug(kind: str, slug: str) -> bool:
    """Whether `slug` can be the last segment of a `kind` data IRI (the grammar relgraph writes)."""
    if kind in ARTICLE_ID_KINDS:
        return ARTICLE_ID.fullmatch(slug) is not None
    return kind in DATA_KINDS and len(slug) <= ENTITY_SLUG_MAX and ENTITY_SLUG.fullmatch(slug) is not None


def data_iri(kind: str, slug: str) -> ox.NamedNode | None:
    """The data IRI `{base}{kind}/{slug}`, or None when the slug does not fit the grammar."""
    if not is_valid_slug(kind, slug):
        return None
    try:
        return ox.NamedNode(f"{base_iri()}{kind}/{slug}")
    except ValueError:  # a base IRI that does not make a valid IRI: nothing can be found under it
        return None


def local_url(iri: str) -> str | None:
    """The URL of this server that dereferences `iri`, or None when the IRI is not ours."""
    base = base_iri()
    if not iri.startswith(base):
        return None
    kind, _, slug = iri[len(base):].partition("/")
    if not is_valid_slug(kind, slug):
        return None
    return url_for("entities.resource", kind=kind, slug=slug)


def web_href(value: str | None) -> str | None:
    """`value` when a browser may follow it as a link (an http or https IRI), else None."""
    if value and LINKABLE_IRI.match(value):
        return value
    return None


@lru_cache(maxsize=8)
def _prefix_table(base: str) -> tuple[tuple[str, str], ...]:
    # Longest namespace first so `person:` wins over a shorter one that also matches.
    return tuple(sorted(((p, ns) for p, ns in all_prefixes(base).items()), key=lambda x: -len(x[1])))


def compact(iri: str) -> str:
    """`person:sergei-lavrov` for a data IRI, `dip:Person` for a term; the IRI when no prefix fits."""
    for prefix, ns in _prefix_table(base_iri()):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri
