"""One page of a canned query's listing: LIMIT/OFFSET over a stable total order.

A page orders the listing by the query's own ORDER BY keys, then by tie-breaks that separate any two
rows differing in a column, and takes LIMIT/OFFSET of that. The sequence of rows is therefore the
same on every run over one store version: consecutive pages are disjoint and together they are the
whole listing (rows equal in every column are interchangeable, so their relative order cannot
matter). How the query is wrapped depends on its shape (`page_text`):

- with its own LIMIT (sources.rq): the query is a sub-select, its listing is that slice, and the
  pages split it, ordered by its columns;
- with GROUP BY: the query keeps its shape and its ORDER BY gains the columns;
- otherwise (DISTINCT listings): the query, without its ORDER BY, is a sub-select, so rows are
  made distinct before they are keyed and sorted, and the tie-break is one computed key of every
  column (see `_row_key`). Unprojected sort keys the query orders by (events.rq's ?labelKey) are
  projected from the sub-select too, so they must be functions of its columns, as computed sort
  keys are (tests/test_paging.py checks every canned listing page by page).

Each page asks for one row more than it shows, so the caller knows whether a next page exists
without counting the listing. The web layer runs `page_text` through the killable executor; the
CLI calls `page_solutions` and tests `fetch_page` on a store.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from relgraph.errors import QueryError
from relgraph.queries import NamedQuery

DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 1000  # the query page's table size; the full listing is one download away

_PROLOGUE_LINE = re.compile(r"^\s*(?:#.*|PREFIX\s+\S*:\s*<[^>]*>\s*|BASE\s+<[^>]*>\s*)?$", re.IGNORECASE)
_SELECT = re.compile(r"\bSELECT\b(?P<clause>.*?)(?:\bWHERE\b|\{)", re.IGNORECASE | re.DOTALL)
_ORDER = re.compile(r"\bORDER\s+BY\b(?P<keys>.*?)(?=\bLIMIT\b|\bOFFSET\b|$)", re.IGNORECASE | re.DOTALL)
_SLICE = re.compile(r"\b(?:LIMIT|OFFSET)\s+\d+", re.IGNORECASE)
_VAR = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
ROW_KEY = "pageRowKey"
_SELECT_HEAD = re.compile(r"\bSELECT(?:\s+(?:DISTINCT|REDUCED))?", re.IGNORECASE)


class PagingError(QueryError):
    """A bad paging parameter (its name is `.parameter`) or a query that cannot be paged."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class PageSpec:
    """Which page: 1-based `page` of `per_page` rows."""

    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def __post_init__(self) -> None:
        if self.page < 1:
            raise PagingError("page", f"must be 1 or more, not {self.page}")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise PagingError("per_page", f"must be between 1 and {MAX_PER_PAGE}, not {self.per_page}")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @classmethod
    def from_params(cls, page: str | None, per_page: str | None) -> PageSpec:
        """Read request parameters (None: the default); a bad value names its parameter."""
        return cls(_integer("page", page, 1), _integer("per_page", per_page, DEFAULT_PER_PAGE))


def _integer(name: str, raw: str | None, default: int) -> int:
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"\s*\+?\d{1,9}\s*", raw):
        raise PagingError(name, f"must be a whole number, not {raw[:40]!r}")
    return int(raw)


@dataclass(frozen=True)
class PagedQuery:
    """A canned query split where the paging changes it."""

    prologue: str  # PREFIX / BASE declarations (and comments) before the query form
    body: str  # the SELECT query up to its solution modifiers after the WHERE clause's last brace
    tail: str  # GROUP BY / HAVING (what follows the WHERE clause, without ORDER BY and LIMIT)
    columns: tuple[str, ...]  # projected variables, in order
    order_keys: str  # the query's own ORDER BY conditions ("" when it has none)
    sliced: bool  # the query has its own LIMIT/OFFSET: its listing is that slice
    grouped: bool  # the query has GROUP BY: its ORDER BY sees only group keys and aggregates


def split_query(query: NamedQuery) -> PagedQuery:
    """Read the parts of a canned SELECT query that paging needs; PagingError names the file."""
    lines = query.text.splitlines()
    cut = 0
    while cut < len(lines) and _PROLOGUE_LINE.match(lines[cut]):
        cut += 1
    prologue, body = "\n".join(lines[:cut]), "\n".join(lines[cut:]).strip()
    select = _SELECT.match(body)
    if select is None:
        raise PagingError("query", f"{query.path}: only a SELECT query can be paged")
    columns = projected_variables(select["clause"])
    if not columns:
        raise PagingError("query", f"{query.path}: name the projected variables (SELECT * cannot be paged)")
    # The solution modifiers follow the last closing brace of the WHERE clause.
    end = body.rfind("}")
    head, tail = body[: end + 1], body[end + 1:]
    order = _ORDER.search(tail)
    keys = order["keys"].strip() if order else ""
    sliced = bool(_SLICE.search(tail))
    if order and not sliced:
        tail = tail[: order.start()] + tail[order.end():]
    grouped = bool(re.search(r"\bGROUP\s+BY\b", tail, re.IGNORECASE))
    if ROW_KEY in _VAR.findall(body):
        raise PagingError("query", f"{query.path}: ?{ROW_KEY} is the name paging gives its sort key")
    return PagedQuery(prologue, head, tail.strip(), tuple(columns), keys, sliced, grouped)


def projected_variables(clause: str) -> list[str]:
    """The variables a SELECT clause projects: bare `?v` and `(expression AS ?v)`."""
    names: list[str] = []
    depth = 0
    for token in re.finditer(r"\(|\)|\bAS\s+[?$][A-Za-z_]\w*|[?$][A-Za-z_]\w*", clause, re.IGNORECASE):
        text = token.group(0)
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif text.upper().startswith("AS"):
            names.append(_VAR.search(text).group(1))
        elif depth == 0:
            names.append(text[1:])
    return names


def page_text(query: NamedQuery, spec: PageSpec) -> str:
    """The SPARQL text of one page, asking for `per_page + 1` rows (the extra one says whether a
    next page exists)."""
    return _ordered_text(query, f"LIMIT {spec.per_page + 1} OFFSET {spec.offset}\n")


def listing_text(query: NamedQuery) -> str:
    """The SPARQL text of the whole listing in the pages' order (relgraph.listing_cache writes it)."""
    return _ordered_text(query, "")


def _ordered_text(query: NamedQuery, window: str) -> str:
    parts = split_query(query)
    columns = " ".join(f"?{c}" for c in parts.columns)
    if parts.sliced:
        # The listing is the query's own slice: page over it from outside, ordered by its columns.
        inner = "\n".join("    " + line for line in f"{parts.body}\n{parts.tail}".strip().splitlines())
        return (f"{parts.prologue}\nSELECT {columns} WHERE {{\n  {{\n{inner}\n  }}\n}}\n"
                f"ORDER BY {columns}\n{window}")
    if parts.grouped:
        # After grouping the rows are unique and the ORDER BY sees only group keys and aggregates:
        # the query keeps its shape and its order gains the columns as tie-breaks.
        keys = " ".join(filter(None, [parts.order_keys, columns]))
        return f"{parts.prologue}\n{parts.body}\n{parts.tail}\nORDER BY {keys}\n{window}"
    # Otherwise the query (DISTINCT, without its ORDER BY) becomes a sub-select, so that rows are
    # made distinct before they are sorted and keyed (a listing of mentions can have many times
    # more rows before DISTINCT than after). Its unprojected sort keys (computed from its columns,
    # e.g. events.rq's ?labelKey) are projected too, for the outer ORDER BY.
    extra = [v for v in dict.fromkeys(_VAR.findall(parts.order_keys)) if v not in parts.columns]
    inner = _SELECT_HEAD.sub(lambda m: m.group(0) + "".join(f" ?{v}" for v in extra), parts.body, count=1)
    indented = "\n".join("    " + line for line in inner.splitlines())
    keys = " ".join(filter(None, [parts.order_keys, f"?{ROW_KEY}", columns]))
    return (f"{parts.prologue}\nSELECT {columns} WHERE {{\n  {{\n{indented}\n  }}\n"
            f"  {_row_key(parts.columns)}\n}}\nORDER BY {keys}\n{window}")


def _row_key(columns: tuple[str, ...]) -> str:
    """A BIND of one string made of every column. Oxigraph decodes a stored string from disk on
    each comparison but keeps a computed one in memory, so ties on the query's own keys (common:
    one date, many rows) are broken by comparing this key, not by reading every column again.
    It can only tie for rows that differ in type, language or an unbound-versus-"" column; the
    columns that follow it in the ORDER BY settle those."""
    parts = ', "\\u0001", '.join(f'COALESCE(STR(?{c}), "")' for c in columns)
    return f"BIND(CONCAT({parts}) AS ?{ROW_KEY})"


@dataclass
class Page:
    """One page of solutions (pyoxigraph terms or None per column)."""

    spec: PageSpec
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    has_next: bool = False

    @property
    def has_previous(self) -> bool:
        return self.spec.page > 1

    @property
    def first_row(self) -> int:
        """The 1-based position in the listing of this page's first row."""
        return self.spec.offset + 1


def fetch_page(store, query: NamedQuery, spec: PageSpec) -> Page:
    """Run one page of `query` on `store` (anything with `.query(text)` returning pyoxigraph
    solutions, e.g. a RelStore)."""
    result = store.query(page_text(query, spec))
    columns = [v.value for v in result.variables]
    rows = [[solution[c] for c in columns] for solution in result]
    return Page(spec, columns, rows[: spec.per_page], has_next=len(rows) > spec.per_page)


def page_solutions(store, query: NamedQuery, spec: PageSpec):
    """One page as pyoxigraph QuerySolutions (for the renderers) and whether a next page exists.
    The extra probe row is cut from the TSV serialisation, which holds one solution per line."""
    import io

    import pyoxigraph as ox

    out = io.BytesIO()
    store.query(page_text(query, spec)).serialize(out, ox.QueryResultsFormat.TSV)
    lines = out.getvalue().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    has_next = len(lines) - 1 > spec.per_page
    kept = b"\n".join(lines[: spec.per_page + 1]) + b"\n"
    return ox.parse_query_results(kept, ox.QueryResultsFormat.TSV), has_next
