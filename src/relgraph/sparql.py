"""The query policy shared by the CLI and the query processes: read-only queries, no federation
unless an operator allows it, decided on the PARSED query.

pyoxigraph fetches SERVICE (and LOAD) targets with its own HTTP client, which nothing in Python
can see or stop, so the policy must know every SERVICE in a text before Oxigraph runs it. A scan of
the text cannot know that (`ex:a\\#` is a local name, not a comment); a parser can. The text is
parsed with rdflib's SPARQL 1.1 grammar, tokenised as Oxigraph 0.5 tokenises it
(relgraph.sparql_grammar), and the decision is taken on the tree. A text the checker cannot parse
is refused (fail closed) with QueryParseError; callers should first ask Oxigraph for its own
syntax error, so ordinary mistakes keep Oxigraph's line/column message. The query processes are in
addition unable to open network connections at all (relgraph.sandbox).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from pyparsing import ParseResults
from rdflib.term import Variable

from relgraph.errors import QueryError
from relgraph.sparql_grammar import SERVICE_NODE, parse_query, parse_update

# Parsing cost grows linearly but steeply with length (rdflib's parser is pure Python: 1.4-1.8 s
# of CPU for a 10,000-character IN list, 11-18 s for 100,000; bench/parse_cost.py), so longer
# texts are refused before any parsing. The canned queries are under 1,000 characters.
DEFAULT_MAX_CHARS = 10_000
# Decisions for texts up to this length are cached by exact text (canned queries repeat).
_CACHED_CHARS = 16_384
_CACHE_ENTRIES = 256

_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
          "DescribeQuery": "DESCRIBE"}
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LOCAL_ESCAPE = re.compile(r"\\(.)")
READ_ONLY = "SPARQL Update is not accepted here: this endpoint is read-only"


class QueryParseError(QueryError):
    """The text is not a query the safety check can parse; it is refused (fail closed)."""


@dataclass(frozen=True)
class Service:
    """One SERVICE pattern: its endpoint IRI (None when it is a variable) and SILENT."""

    iri: str | None
    silent: bool


@dataclass(frozen=True)
class QueryInfo:
    """What the policy knows about a text."""

    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE, or UPDATE
    services: tuple[Service, ...] = ()
    from_graphs: tuple[str, ...] = ()  # FROM <iri>
    from_named_graphs: tuple[str, ...] = ()  # FROM NAMED <iri>

    @property
    def is_update(self) -> bool:
        return self.form == "UPDATE"

    @property
    def service_targets(self) -> tuple[str | None, ...]:
        return tuple(service.iri for service in self.services)

    @property
    def has_dataset(self) -> bool:
        """Does the query name its own dataset (FROM / FROM NAMED)? Then the executor must not
        impose the union default graph."""
        return bool(self.from_graphs or self.from_named_graphs)


# -- reading the tree --------------------------------------------------------------------------

def _param(node, key: str):
    """A parameter of an rdflib CompValue, None when absent (CompValue.get returns the KEY)."""
    return dict.get(node, key)


class _Prologue:
    """BASE and PREFIX declarations, applied in order (a later BASE resolves later IRIs)."""

    def __init__(self, declarations, defaults: tuple[tuple[str, str], ...] = ()) -> None:
        self.base: str | None = None
        self.prefixes: dict[str, str] = dict(defaults)  # those the executor gives Oxigraph too
        for declaration in declarations:
            if declaration.name == "Base":
                self.base = self.resolve(str(_param(declaration, "iri")))
            elif declaration.name == "PrefixDecl":
                self.prefixes[_param(declaration, "prefix") or ""] = self.resolve(str(_param(declaration, "iri")))

    def resolve(self, iri: str) -> str:
        return urljoin(self.base, iri) if self.base and not _ABSOLUTE_IRI.match(iri) else iri

    def term(self, term) -> str | None:
        """The IRI a VarOrIri term names; None for a variable."""
        if getattr(term, "name", None) == "pname":
            prefix = _param(term, "prefix") or ""
            if prefix not in self.prefixes:
                raise QueryError(f"the prefix {prefix}: is not declared")
            local = _LOCAL_ESCAPE.sub(r"\1", _param(term, "localname") or "")  # ex:a\# names <...a#>
            return self.prefixes[prefix] + local
        if isinstance(term, Variable):
            return None
        return self.resolve(str(term))


def _nodes(tree) -> Iterator:
    """Every node of an rdflib parse tree, depth first, without recursion (trees can be deep)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, dict):  # CompValue and Expr are dicts of their parameters
            todo.extend(dict.values(node))
        elif isinstance(node, (list, tuple, ParseResults)):
            todo.extend(node)


def _describe(prologue: _Prologue, body) -> QueryInfo:
    services = tuple(
        Service(prologue.term(_param(node, "term")), bool(_param(node, "silent")))
        for node in _nodes(body) if getattr(node, "name", None) == SERVICE_NODE)
    defaults, named = [], []
    for clause in _param(body, "datasetClause") or ():
        if _param(clause, "default") is not None:
            defaults.append(prologue.term(_param(clause, "default")))
        else:
            named.append(prologue.term(_param(clause, "named")))
    return QueryInfo(_FORMS[body.name], services, tuple(defaults), tuple(named))


def _parse_error(exc: Exception) -> str:
    where = f" (line {exc.lineno}, column {exc.col})" if hasattr(exc, "lineno") else ""
    return f"{type(exc).__name__}{where}"


def _inspect(text: str, prefixes: tuple[tuple[str, str], ...]) -> QueryInfo:
    if not text.strip():
        raise QueryError("empty query")
    try:
        tree = parse_query(text)
    except RecursionError:
        raise QueryParseError("the query is nested too deeply for the safety check") from None
    except QueryError:
        raise
    except Exception as query_exc:  # noqa: BLE001 - any failure of the checker fails closed
        try:
            parse_update(text)
        except Exception:  # noqa: BLE001
            raise QueryParseError(
                "the safety check could not read this query, so it is refused "
                f"({_parse_error(query_exc)}; the checker reads SPARQL 1.1)") from None
        return QueryInfo("UPDATE")
    prologue_part, body = tree[0], tree[1]
    return _describe(_Prologue(prologue_part, prefixes), body)


_inspect_cached = functools.lru_cache(maxsize=_CACHE_ENTRIES)(_inspect)


def inspect_query(text: str, *, prefixes: Mapping[str, str] | None = None) -> QueryInfo:
    """Parse `text` and report its form, SERVICE targets and FROM / FROM NAMED IRIs.

    `prefixes` are the prefixes Oxigraph is given for undeclared names (its `prefixes` argument).
    Raises QueryParseError (a QueryError) when the text parses neither as a query nor as an
    update. An update is reported as form "UPDATE", not refused: that is check_query's job."""
    defaults = tuple(sorted((prefixes or {}).items()))
    if len(text) <= _CACHED_CHARS:
        return _inspect_cached(text, defaults)
    return _inspect(text, defaults)


# -- the policy --------------------------------------------------------------------------------

def _check_services(info: QueryInfo, allow_service: bool, allow_list: Sequence[str]) -> None:
    for service in info.services:
        if service.iri is None:
            raise QueryError("SERVICE with a variable endpoint (SERVICE ?x) is never accepted")
        if not allow_service:
            raise QueryError("SERVICE (federated query) is disabled; an operator can enable it")
        if not _ABSOLUTE_IRI.match(service.iri):
            raise QueryError(f"SERVICE <{service.iri}> must name an absolute IRI")
        if service.iri not in allow_list:
            raise QueryError(f"SERVICE <{service.iri}> is not on this endpoint's allow-list "
                             "of federated endpoints")


def check_query(text: str, *, allow_service: bool = False, service_allow_list: Sequence[str] = (),
                max_chars: int = DEFAULT_MAX_CHARS, prefixes: Mapping[str, str] | None = None) -> QueryInfo:
    """Accept a read-only query or raise QueryError saying why not.

    Refused: empty text; text longer than `max_chars` (before any parsing); any SPARQL Update;
    SERVICE (SILENT or not) unless `allow_service` and its IRI is exactly on
    `service_allow_list`; SERVICE with a variable always. FROM / FROM NAMED only name graphs of
    the store (Oxigraph never fetches them) and are reported in the returned QueryInfo.
    `prefixes`: as for inspect_query."""
    if not text.strip():
        raise QueryError("empty query")
    if len(text) > max_chars:
        raise QueryError(f"the query is {len(text):,} characters long; this endpoint accepts "
                         f"at most {max_chars:,}")
    info = inspect_query(text, prefixes=prefixes)
    if info.is_update:
        raise QueryError(READ_ONLY)
    _check_services(info, allow_service, tuple(service_allow_list))
    return info


# -- not a security check ----------------------------------------------------------------------

# Comments and strings can contain any word: blank them out. IRIs become a fixed token.
_NOISE = re.compile(
    r"(?P<iri><[^<>\"{}|^`\\\s]*>)"      # IRIs (may contain '#')
    r"|#[^\n]*"                        # comments
    r"|'''.*?'''" r'|""".*?"""'        # long strings
    r"|'(?:[^'\\\n]|\\.)*'"          # short strings
    r'|"(?:[^"\\\n]|\\.)*"',
    re.S,
)


def keywords_text(query: str) -> str:
    """The text with comments and strings blanked and IRIs replaced by `<iri>`, for finding the
    query form or ORDER BY of a trusted text (remote_store, the W3C runner).

    NOT a security check: a text scan misreads escaped local names (`ex:a\\#`) and other corners
    of the grammar. Decisions about what a query may do use check_query."""
    # One left-to-right scan, so a '#' inside an IRI or a quote inside a comment is read correctly.
    return _NOISE.sub(lambda m: "<iri>" if m.group("iri") else " ", query)
