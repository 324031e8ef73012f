"""The fixed queries the pages run in the web process, kept as files in `queries/pages/`.

A query's text never changes with the request: the resource a page is about is the variable
`?this`, which the store binds (pyoxigraph `substitutions`, SEP-0007), so nothing a URL carries
can reach the query parser. Every page query ends in `LIMIT n` (checked when it is loaded), so a
page reads a bounded number of rows however big the store and however popular the entity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from flask import has_app_context

from relgraph.settings import REPO_ROOT
from relgraph.web.links import relgraph

PAGE_QUERIES_DIR = REPO_ROOT / "queries" / "pages"  # where they are with the default settings
THIS = ox.Variable("this")
_FINAL_LIMIT = re.compile(r"\bLIMIT\s+(\d+)\s*$", re.IGNORECASE)
_ASK_FORM = re.compile(r"^\s*ASK\b", re.IGNORECASE | re.MULTILINE)  # one answer: needs no LIMIT


class PageQueryError(RuntimeError):
    """A page query file is missing or malformed (an installation problem, not a bad request)."""


@dataclass(frozen=True)
class PageQuery:
    """One query file: its name (file stem), text and the row limit it ends with."""

    name: str
    text: str
    limit: int


def load_page_query(path: Path) -> PageQuery:
    """Read and check one page query file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PageQueryError(f"{path}: cannot read the page query: {exc}") from exc
    body = text.strip()
    limit = _FINAL_LIMIT.search(body)
    if limit is None and not _ASK_FORM.search(body):
        raise PageQueryError(f"{path}: a page query must end in LIMIT n (rows are bounded)")
    return PageQuery(path.stem, text, int(limit.group(1)) if limit else 1)


def page_query(name: str) -> PageQuery:
    """The page query `<queries_dir>/pages/<name>.rq`, read once: the app's queries_dir setting,
    or the project's own folder outside an app."""
    directory = Path(relgraph().settings.queries_dir) / "pages" if has_app_context() else PAGE_QUERIES_DIR
    return _cached_page_query(directory, name)


@lru_cache(maxsize=64)
def _cached_page_query(directory: Path, name: str) -> PageQuery:
    return load_page_query(directory / f"{name}.rq")


def run_page_query(name: str, this: ox.NamedNode | None = None):
    """Run the page query `name` on the app's store with `?this` bound to `this`."""
    query = page_query(name)
    store = relgraph().store
    native = getattr(store, "ox", None)
    if isinstance(native, ox.Store):
        return native.query(query.text, substitutions={THIS: this} if this is not None else None)
    # A remote store (SPARQL protocol) has no substitution parameter: the query's trailing VALUES
    # clause binds ?this instead. The term written there is an IRI the route built from a slug
    # that passed the slug grammar and ox.NamedNode's checks, serialised by pyoxigraph.
    text = query.text if this is None else f"{query.text.rstrip()}\nVALUES ?this {{ {this} }}\n"
    return store.query(text)


def select_rows(name: str, this: ox.NamedNode | None = None) -> list:
    """The solutions of a SELECT page query as a list (at most its LIMIT)."""
    return list(run_page_query(name, this))


def reached_limit(name: str, rows: list) -> bool:
    """Whether a page query returned as many rows as its LIMIT lets it (the list may be cut)."""
    return len(rows) >= page_query(name).limit


def value(solution, name: str) -> str | None:
    """The lexical value of variable `name` in `solution`, None when unbound."""
    term = solution[name]
    return None if term is None else term.value
