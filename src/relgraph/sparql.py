"""Query policy shared by the CLI and the web app: queries only, no federation, no loading."""
from __future__ import annotations

import re

from relgraph.errors import QueryError

# Comments and strings can contain any word: blank them out. IRIs become a fixed token so that
# "LOAD <http://...>" still reads as LOAD followed by an IRI.
_NOISE = re.compile(
    r"(?P<iri><[^<>\"{}|^`\\\s]*>)"      # IRIs (may contain '#')
    r"|#[^\n]*"                        # comments
    r"|'''.*?'''" r'|""".*?"""'        # long strings
    r"|'(?:[^'\\\n]|\\.)*'"          # short strings
    r'|"(?:[^"\\\n]|\\.)*"',
    re.S,
)
_NOT_VAR = r"(?<![?$\w:])"
_UPDATE = re.compile(
    _NOT_VAR + r"(?:(?:INSERT|DELETE)\s*(?:DATA\b|WHERE\b|\{)"
    r"|(?:LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\s+(?:SILENT\s+)?(?:<iri>|GRAPH\b|DEFAULT\b|ALL\b|NAMED\b)"
    r"|WITH\s+<iri>)",
    re.I,
)
_SERVICE = re.compile(_NOT_VAR + r"SERVICE\b", re.I)


def keywords_text(query: str) -> str:
    # One left-to-right scan, so a '#' inside an IRI or a quote inside a comment is read correctly.
    return _NOISE.sub(lambda m: "<iri>" if m.group("iri") else " ", query)


def check_query(query: str, *, allow_service: bool = False) -> None:
    """Refuse updates and (unless allowed) SERVICE before any engine sees the query:
    pyoxigraph would fetch SERVICE and LOAD from the network with no way to stop it."""
    if not query.strip():
        raise QueryError("empty query")
    bare = keywords_text(query)
    if _UPDATE.search(bare):
        raise QueryError("SPARQL Update is not accepted here: this endpoint is read-only")
    if not allow_service and _SERVICE.search(bare):
        raise QueryError("SERVICE (federated query) is disabled; an operator can enable it")
