"""rdflib's SPARQL 1.1 grammar, made to read a query text the way Oxigraph 0.5 reads it.

The query policy (relgraph.sparql) decides on a parse tree, so the tree must show every SERVICE and
every update operation that Oxigraph will see in the same text. rdflib's stock `parseQuery` differs
from Oxigraph 0.5 in four lexical places, and each difference can hide a pattern from the checker:

- rdflib replaces every \\uXXXX / \\UXXXXXXXX escape in the whole text before parsing (SPARQL 1.1's
  rule). Oxigraph 0.5 (built without its "standard-unicode-escaping" feature, as pyoxigraph is)
  decodes them only inside IRIs and string literals (the SPARQL 1.2 rule). In rdflib's reading
  `"\\u0022" . SERVICE <...> { } ?x ?y "\\u0022"` is one long string; in Oxigraph's, a live SERVICE.
  Here no global replacement is done: the IRI and string tokens accept the escapes and decode them.
- rdflib ends a comment at LF only; Oxigraph at CR or LF, so `# x<CR> SERVICE ...` hides a SERVICE
  from rdflib. Every CR is read as LF (`normalise_line_ends`): CR is whitespace, ends a comment and
  is refused in IRIs and short strings in both readings, so the structure of the text is unchanged.
- rdflib's strings accept only some escapes (`\\'` is refused inside "..."): the full SPARQL set
  is accepted here.
- rdflib re-scans the whole text for every SERVICE pattern it parses (to keep its source text);
  that re-scan is skipped on quoted local names (`ex:a\\#`) and makes valid queries fail, and it
  costs O(text) per SERVICE. The copy names its SERVICE node "ServicePattern", which skips it.

The changes are made on a private copy of rdflib's parser module (loaded once per process under
another name), so rdflib's own `parseQuery` keeps its behaviour for everyone else.
"""
from __future__ import annotations

import contextlib
import functools
import importlib.util
import re
import sys
from collections.abc import Iterator
from types import ModuleType

import rdflib
from pyparsing import Combine, ParserElement, ParseResults, Regex

SERVICE_NODE = "ServicePattern"
# 10,000 frames: about 900 triples in one block, 260 nested parentheses, 380 nested groups.
PARSE_RECURSION_LIMIT = 10_000

# An escape in a string literal: ECHAR or UCHAR (SPARQL 1.1 [160], SPARQL 1.2 UCHAR).
_STRING_ESCAPE = r"""\\(?:[tbnrf"'\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"""
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
# Token patterns: rdflib's, with the escapes above. The (?!') / (?!") guards are rdflib's: a short
# string may not be directly followed by its own quote (that would be a long string's opening).
_STRING_PATTERNS = {
    "STRING_LITERAL_LONG1": (rf"'''(?:(?:'|'')?(?:[^'\\]|{_STRING_ESCAPE}))*'''", 3),
    "STRING_LITERAL_LONG2": (rf'"""(?:(?:"|"")?(?:[^"\\]|{_STRING_ESCAPE}))*"""', 3),
    "STRING_LITERAL1": (rf"'(?:[^'\n\r\\]|{_STRING_ESCAPE})*'(?!')", 1),
    "STRING_LITERAL2": (rf'"(?:[^"\n\r\\]|{_STRING_ESCAPE})*"(?!")', 1),
}
_IRI_CHARS = "".join(f"\\x{i:02X}" for i in range(33))
_IRIREF_BODY = rf'(?:[^<>"{{}}|^`\\{_IRI_CHARS}]|{_UCHAR})*'
_NOT_IN_IRI = re.compile(rf'[<>"{{}}|^`\\{_IRI_CHARS}]')

_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)


class EscapeError(ValueError):
    """An escape that decodes to no character, or an IRI escape that decodes to a forbidden one."""


def normalise_line_ends(text: str) -> str:
    """CR LF and lone CR become LF (see the module docstring for why the structure is unchanged)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _code_point(hex_digits: str) -> str:
    value = int(hex_digits, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        raise EscapeError(f"\\u{hex_digits} is not a Unicode character")
    return chr(value)


def unescape_string(body: str) -> str:
    """The value of a string literal's body (between its quotes)."""
    def one(match: re.Match) -> str:
        code = match.group(1) or match.group(2)
        return _code_point(code) if code else _ECHAR[match.group(3)]

    return _ESCAPE.sub(one, body)


def unescape_iri(body: str) -> str:
    """The IRI written between < and >; like Oxigraph, an escape may not produce a character that
    is not allowed in an IRI (`\\u003E` cannot close the IRI early, `\\u0020` is no space)."""
    iri = _ESCAPE.sub(lambda m: _code_point(m.group(1) or m.group(2)), body)
    if _NOT_IN_IRI.search(iri):
        raise EscapeError(f"<{body}> holds a character that is not allowed in an IRI")
    return iri


def _set_pattern(token: Regex, pattern: str) -> None:
    # pyparsing compiles and caches the pattern lazily (cached_property `re` / `re_match`).
    compiled = re.compile(pattern)
    token.pattern = token.reString = pattern
    token._re = compiled
    token.__dict__.pop("re", None)
    token.__dict__.pop("re_match", None)
    token.mayReturnEmpty = compiled.match("") is not None


def _elements(root: ParserElement) -> list[ParserElement]:
    """Every element reachable from `root` (rdflib's grammar shares some and copies others)."""
    found, todo, seen = [], [root], set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        found.append(node)
        todo.extend(getattr(node, "exprs", ()))
        if getattr(node, "expr", None) is not None:
            todo.append(node.expr)
    return found


def _literal_action(quotes: int):
    return lambda tokens: rdflib.Literal(unescape_string(tokens[0][quotes:-quotes]))


def _iri_action(tokens):
    return rdflib.URIRef(unescape_iri(tokens[0]))


def _patch(module: ModuleType) -> None:
    # `leave_whitespace()` copies sub-grammars (the datatype IRI of a literal is such a copy), so
    # tokens are found by what they are, not by the module attribute that first named them.
    strings = {getattr(module, name).pattern: (pattern, quotes)
               for name, (pattern, quotes) in _STRING_PATTERNS.items()}
    (iri_body,) = [e for e in _elements(module.IRIREF) if isinstance(e, Regex)]
    old_iri_body = iri_body.pattern
    elements = _elements(module.Query) + _elements(module.UpdateUnit)
    for element in elements:
        if isinstance(element, Regex) and element.pattern in strings:
            pattern, quotes = strings[element.pattern]
            _set_pattern(element, pattern)
            element.set_parse_action(_literal_action(quotes))
    for element in elements:
        if not isinstance(element, Combine):
            continue
        regexes = [e for e in _elements(element) if isinstance(e, Regex)]
        if [r.pattern for r in regexes] == [old_iri_body]:  # an IRIREF or a copy of one
            _set_pattern(regexes[0], _IRIREF_BODY)
            element.set_parse_action(_iri_action)
    module.ServiceGraphPattern.set_name(SERVICE_NODE)


@functools.cache
def grammar() -> ModuleType:
    """The private, patched copy of rdflib.plugins.sparql.parser (built once per process)."""
    origin = importlib.util.find_spec("rdflib.plugins.sparql.parser").origin
    # A name inside rdflib's package, so the module's relative imports resolve; it is not put in
    # sys.modules, so nobody else imports it by accident.
    spec = importlib.util.spec_from_file_location("rdflib.plugins.sparql._relgraph_oxigraph_reading", origin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _patch(module)
    return module


@contextlib.contextmanager
def _deep_recursion() -> Iterator[None]:
    # pyparsing recurses ~20 frames per nesting level and per triple of a block: with Python's
    # default limit of 1,000 a block of 85 triples or 25 nested parentheses could not be read.
    # Python 3.11 runs these frames without C stack, so a higher limit is safe (tested to 50,000).
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, PARSE_RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def parse_query(text: str) -> ParseResults:
    """Parse a query (prologue + one query form) as Oxigraph 0.5 would tokenise it."""
    with _deep_recursion():
        return grammar().Query.parse_string(normalise_line_ends(text), parse_all=True)


def parse_update(text: str):
    """Parse an update request (a CompValue "Update") as Oxigraph 0.5 would tokenise it."""
    with _deep_recursion():
        return grammar().UpdateUnit.parse_string(normalise_line_ends(text), parse_all=True)[0]
