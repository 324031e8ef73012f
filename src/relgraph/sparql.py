"""Query policy shared by the CLI and the web app: queries only, no federation, no loading."""
from __future__ import annotations

import re

from relgraph.errors import QueryError

# Comments, strings and IRIs can contain any word; remove them before looking for keywords.
_NOISE = re.compile(
    r"""#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>""",
    re.S,
)
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b\s*(DATA|WHERE|SILENT|GRAPH|DEFAULT|ALL|NAMED|<|\{)",
                     re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)


def keywords_text(query: str) -> str:
    return _NOISE.sub(" ", query)


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
