"""W3C SPARQL 1.1 query-evaluation tests run through the /sparql HTTP endpoint.

The suite's files are in `tests/w3c/` (a subset of https://github.com/w3c/rdf-tests
`sparql/sparql11/`, see `tests/w3c/README.md`). This module is the runner used by
`tests/test_sparql_w3c.py`, and a report:

    .venv/bin/python -m tests.w3c_report            # live gunicorn server, per-folder table
    .venv/bin/python -m tests.w3c_report --client   # Flask test client instead of a server
    .venv/bin/python -m tests.w3c_report --failures # also list every failing test and why

How a test runs:

- ONE pyoxigraph store holds every data file of the selected tests, each file in the named graph
  named by its IRI (`BASE_IRI` + path, e.g. `.../data-sparql11/subquery/sq01.rdf`), parsed with
  that IRI as its base. The store's own default graph is empty.
- The query is sent over HTTP (POST, form encoded) with `BASE <query file IRI>` in front of it,
  and the test's dataset as SPARQL 1.1 Protocol parameters: one `default-graph-uri` per qt:data
  file (the default graph is their merge, not the union of all graphs) and one `named-graph-uri`
  per qt:graphData file. A query with its own FROM / FROM NAMED gets no protocol parameters, so
  its own dataset clause applies. A test without any data names a graph that does not exist as
  its default graph (an empty dataset).
- The expected result's format decides what is asked for: .srx -> SPARQL XML, .srj -> SPARQL
  JSON, .tsv -> TSV, .csv -> CSV, a result-set graph (.ttl with rs:ResultSet) -> SPARQL JSON, an
  RDF graph -> Turtle. The response is parsed according to its Content-Type.
- Comparison: RDF terms are compared exactly (lexical form, datatype, language tag). The only
  normalisations are the RDF 1.1 identities: a simple literal is the same term as an xsd:string
  literal, and language tags compare case-insensitively. Solutions are compared as multisets
  with a one-to-one blank-node mapping; when the query has a top-level ORDER BY they must also
  come in the expected order (rows whose ORDER BY keys are equal may come in any order among
  themselves when every key is a plain projected variable; otherwise the order must be exactly
  the expected one). Variables (the header) are compared as sets. ASK compares the booleans,
  CONSTRUCT / DESCRIBE graphs are compared with rdflib.compare.isomorphic. CSV loses datatypes, so
  CSV results are compared as strings (blank nodes `_:x` still mapped one-to-one).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

W3C_DIR = Path(__file__).resolve().parent / "w3c"
REPO_ROOT = Path(__file__).resolve().parents[1]
KNOWN_FAILURES_FILE = W3C_DIR / "known_failures.json"

# The IRI the suite was published under; every file of `tests/w3c/` gets BASE_IRI + its path.
BASE_IRI = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
# A graph no test loads: the default graph of a test that has no data at all.
EMPTY_GRAPH = "urn:x-relgraph:w3c:empty-graph"

# The query-language and result-format folders (`manifest-sparql11-query.ttl` and
# `manifest-sparql11-results.ttl`). `cast` (6 Proposed tests) and `syntax-query` (syntax tests
# only) have no approved evaluation test, so their files are not in tests/w3c/.
QUERY_FOLDERS = ("aggregates", "bind", "bindings", "cast", "construct", "exists", "functions",
                 "grouping", "negation", "project-expression", "property-path", "subquery",
                 "syntax-query")
RESULT_FOLDERS = ("csv-tsv-res", "json-res")
FOLDERS = QUERY_FOLDERS + RESULT_FOLDERS
EXPECTED_TOTAL = 178
REQUIRED_PASSES = 161

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = RDF + "langString"
EVALUATION_TYPES = (MF + "QueryEvaluationTest", MF + "CSVResultFormatTest")

RDF_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".rdf": ox.RdfFormat.RDF_XML, ".nt": ox.RdfFormat.N_TRIPLES}
ACCEPT = {"srx": "application/sparql-results+xml", "srj": "application/sparql-results+json",
          "tsv": "text/tab-separated-values", "csv": "text/csv",
          "resultset": "application/sparql-results+json", "graph": "text/turtle"}


# -- the manifests ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class W3CTest:
    """One query-evaluation test of the suite."""

    iri: str
    folder: str
    name: str
    comment: str
    query: Path
    data: tuple[Path, ...]
    graph_data: tuple[Path, ...]
    result: Path

    @property
    def id(self) -> str:
        """Short id for pytest: `folder/name-in-manifest`."""
        return f"{self.folder}/{self.iri.rsplit('#', 1)[1]}"


def file_iri(path: Path, root: Path = W3C_DIR) -> str:
    return BASE_IRI + path.relative_to(root).as_posix()


def iri_path(iri: str, root: Path = W3C_DIR) -> Path:
    assert iri.startswith(BASE_IRI), iri
    return root / iri[len(BASE_IRI):]


def load_tests(root: Path = W3C_DIR) -> list[W3CTest]:
    """The approved query-evaluation tests (mf:QueryEvaluationTest and mf:CSVResultFormatTest
    with dawgt:approval dawgt:Approved) of the folders in FOLDERS, in manifest order. A folder
    whose manifest is not in `root` has no such test (see FOLDERS)."""
    tests: list[W3CTest] = []
    for folder in FOLDERS:
        manifest = root / folder / "manifest.ttl"
        if not manifest.exists():
            continue
        tests.extend(_manifest_tests(manifest, folder, root))
    return tests


def _manifest_tests(manifest: Path, folder: str, root: Path) -> list[W3CTest]:
    store = ox.Store()
    store.load(path=str(manifest), format=ox.RdfFormat.TURTLE, base_iri=file_iri(manifest, root))

    def objects(subject, predicate: str) -> list:
        return [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]

    def one(subject, predicate: str):
        values = objects(subject, predicate)
        return values[0] if values else None

    def collection(node) -> list:
        items = []
        while node is not None and node != ox.NamedNode(RDF + "nil"):
            items.append(one(node, RDF + "first"))
            node = one(node, RDF + "rest")
        return items

    entries = collection(one(ox.NamedNode(file_iri(manifest, root)), MF + "entries"))
    tests = []
    for entry in entries:
        types = {t.value for t in objects(entry, RDF + "type")}
        approval = one(entry, DAWGT + "approval")
        if not types & set(EVALUATION_TYPES) or approval != ox.NamedNode(DAWGT + "Approved"):
            continue
        action = one(entry, MF + "action")
        tests.append(W3CTest(
            iri=entry.value, folder=folder, name=one(entry, MF + "name").value,
            comment=(one(entry, RDFS + "comment") or ox.Literal("")).value,
            query=iri_path(one(action, QT + "query").value, root),
            data=tuple(iri_path(n.value, root) for n in objects(action, QT + "data")),
            graph_data=tuple(iri_path(n.value, root) for n in objects(action, QT + "graphData")),
            result=iri_path(one(entry, MF + "result").value, root)))
    return tests


def load_known_failures(path: Path = KNOWN_FAILURES_FILE) -> dict[str, str]:
    """Test IRI -> why it fails, from tests/w3c/known_failures.json."""
    if not path.exists():
        return {}
    return {item["test"]: item["reason"] for item in json.loads(path.read_text(encoding="utf-8"))}


RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"


# -- the store -------------------------------------------------------------------------------------

def build_store(path: Path, tests: list[W3CTest], root: Path = W3C_DIR) -> int:
    """Write every data file the tests use into a new on-disk store at `path`, each in the named
    graph named by its IRI; return the number of graphs."""
    files = sorted({f for t in tests for f in (*t.data, *t.graph_data)})
    store = ox.Store(str(path))
    for data_file in files:
        iri = file_iri(data_file, root)
        store.load(path=str(data_file), format=RDF_FORMATS[data_file.suffix], base_iri=iri,
                   to_graph=ox.NamedNode(iri))
    # A relgraph store's default graph is the union of its graphs, and the server refuses a store
    # whose default graph is empty (one written before that layout). These tests never use it:
    # every query names its dataset. One marker triple says so.
    store.add(ox.Quad(ox.NamedNode("urn:relgraph:w3c-test-store"), ox.NamedNode(RDFS_COMMENT),
                      ox.Literal("W3C SPARQL 1.1 test data; every query names its dataset")))
    store.flush()
    del store
    return len(files)


# -- RDF terms -------------------------------------------------------------------------------------
# ("iri", value) | ("bnode", label) | ("literal", lexical, datatype or None, language or None)
# | ("text", value) for CSV cells. Simple literals and xsd:string literals are one term (RDF 1.1);
# language tags are kept lower-case (they compare case-insensitively).

def literal(lexical: str, datatype: str | None = None, lang: str | None = None) -> tuple:
    if lang:
        return ("literal", lexical, None, lang.lower())
    if datatype in (None, XSD_STRING):
        return ("literal", lexical, None, None)
    return ("literal", lexical, datatype, None)


def term_from_ox(term) -> tuple:
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, term.datatype.value, term.language)
    raise ValueError(f"unexpected term {term!r}")


def show(term: tuple | None) -> str:
    if term is None:
        return "UNBOUND"
    kind = term[0]
    if kind == "iri":
        return f"<{term[1]}>"
    if kind == "bnode":
        return f"_:{term[1]}"
    if kind == "text":
        return json.dumps(term[1], ensure_ascii=False)
    text = json.dumps(term[1], ensure_ascii=False)
    return text + (f"@{term[3]}" if term[3] else f"^^<{term[2]}>" if term[2] else "")


@dataclass
class Results:
    """Parsed results: kind "boolean" (value), "solutions" (variables, rows) or "graph" (triples).
    `rows` are dicts variable -> term, unbound variables left out."""

    kind: str
    boolean: bool | None = None
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, tuple]] = field(default_factory=list)
    triples: list[tuple] = field(default_factory=list)


# -- parsers for the results formats ---------------------------------------------------------------

SRX = "{http://www.w3.org/2005/sparql-results#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_srx(body: bytes) -> Results:
    root = ET.fromstring(body)
    boolean = root.find(f"{SRX}boolean")
    if boolean is not None:
        return Results("boolean", boolean=_boolean((boolean.text or "").strip()))
    variables = [v.get("name") for v in root.iterfind(f"{SRX}head/{SRX}variable")]
    rows = []
    for result in root.iterfind(f"{SRX}results/{SRX}result"):
        row = {}
        for binding in result.iterfind(f"{SRX}binding"):
            (node,) = list(binding)
            tag = node.tag[len(SRX):]
            if tag == "uri":
                row[binding.get("name")] = ("iri", node.text or "")
            elif tag == "bnode":
                row[binding.get("name")] = ("bnode", node.text or "")
            elif tag == "literal":
                row[binding.get("name")] = literal(node.text or "", node.get("datatype"), node.get(XML_LANG))
            else:
                raise ValueError(f"unknown SPARQL XML term <{tag}>")
        rows.append(row)
    return Results("solutions", variables=variables, rows=rows)


def parse_srj(body: bytes) -> Results:
    data = json.loads(body.decode("utf-8"))
    if "boolean" in data:
        if not isinstance(data["boolean"], bool):
            raise ValueError(f"'boolean' is not a JSON boolean: {data['boolean']!r}")
        return Results("boolean", boolean=data["boolean"])
    rows = []
    for binding in data["results"]["bindings"]:
        row = {}
        for var, value in binding.items():
            kind = value["type"]
            if kind == "uri":
                row[var] = ("iri", value["value"])
            elif kind == "bnode":
                row[var] = ("bnode", value["value"])
            elif kind in ("literal", "typed-literal"):
                row[var] = literal(value["value"], value.get("datatype"), value.get("xml:lang"))
            else:
                raise ValueError(f"unknown SPARQL JSON term type {kind!r}")
        rows.append(row)
    return Results("solutions", variables=list(data["head"].get("vars", [])), rows=rows)


_TSV_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'')
_TSV_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_DOUBLE = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+")


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        code = text[i + 1]
        if code in "uU":
            width = 4 if code == "u" else 8
            out.append(chr(int(text[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(_TSV_ESCAPES[code])
            i += 2
    return "".join(out)


def parse_tsv_term(text: str) -> tuple | None:
    """One TSV cell (SPARQL 1.1 TSV: terms in Turtle/SPARQL syntax); None when empty (unbound)."""
    if text == "":
        return None
    if text.startswith("<") and text.endswith(">"):
        return ("iri", _unescape(text[1:-1]))
    if text.startswith("_:"):
        return ("bnode", text[2:])
    match = _TSV_STRING.match(text)
    if match:
        lexical = _unescape(match.group(1) if match.group(1) is not None else match.group(2))
        rest = text[match.end():]
        if rest == "":
            return literal(lexical)
        if rest.startswith("@") and re.fullmatch(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*", rest):
            return literal(lexical, lang=rest[1:])
        if rest.startswith("^^<") and rest.endswith(">"):
            return literal(lexical, _unescape(rest[3:-1]))
        raise ValueError(f"bad TSV literal {text!r}")
    for pattern, datatype in ((_INTEGER, "integer"), (_DECIMAL, "decimal"), (_DOUBLE, "double")):
        if pattern.fullmatch(text):
            return literal(text, XSD + datatype)
    if text in ("true", "false"):
        return literal(text, XSD + "boolean")
    raise ValueError(f"bad TSV term {text!r}")


def parse_tsv(body: bytes) -> Results:
    lines = body.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    header = lines[0].split("\t") if lines and lines[0] else []
    if not all(name[:1] in "?$" and len(name) > 1 for name in header):
        raise ValueError(f"bad TSV header {lines[0]!r}")
    variables = [name[1:] for name in header]
    rows = []
    for line in lines[1:]:
        cells = line.split("\t") if variables else []
        if len(cells) != len(variables):
            raise ValueError(f"TSV row with {len(cells)} cells for {len(variables)} variables: {line!r}")
        row = {}
        for var, cell in zip(variables, cells):
            term = parse_tsv_term(cell)
            if term is not None:
                row[var] = term
        rows.append(row)
    return Results("solutions", variables=variables, rows=rows)


def parse_csv(body: bytes) -> Results:
    """SPARQL 1.1 CSV: plain strings; an empty cell is unbound (or an empty string: CSV cannot tell)
    and `_:label` is a blank node."""
    table = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    variables = table[0] if table else []
    rows = []
    for cells in table[1:]:
        if len(cells) != len(variables):
            raise ValueError(f"CSV row with {len(cells)} cells for {len(variables)} variables: {cells!r}")
        rows.append({var: ("bnode", cell[2:]) if cell.startswith("_:") else ("text", cell)
                     for var, cell in zip(variables, cells) if cell != ""})
    return Results("solutions", variables=variables, rows=rows)


def parse_rdf(body: bytes, fmt, base_iri: str | None = None) -> list[tuple]:
    return [(term_from_ox(t.subject), term_from_ox(t.predicate), term_from_ox(t.object))
            for t in ox.parse(body, fmt, base_iri=base_iri)]


def parse_result_set_graph(triples: list[tuple]) -> Results:
    """A result written as an RDF graph in the DAWG result-set vocabulary (rs:ResultSet)."""
    def objects(subject, predicate):
        return [o for s, p, o in triples if s == subject and p == ("iri", RS + predicate)]

    (result_set,) = [s for s, p, o in triples
                     if p == ("iri", RDF + "type") and o == ("iri", RS + "ResultSet")]
    booleans = objects(result_set, "boolean")
    if booleans:
        return Results("boolean", boolean=_boolean(booleans[0][1]))
    variables = [v[1] for v in objects(result_set, "resultVariable")]
    indexed = []
    for solution in objects(result_set, "solution"):
        row = {}
        for binding in objects(solution, "binding"):
            (var,) = objects(binding, "variable")
            (value,) = objects(binding, "value")
            row[var[1]] = value
        index = objects(solution, "index")
        indexed.append((int(index[0][1]) if index else None, row))
    ordered = all(i is not None for i, _ in indexed) and indexed
    rows = [row for _, row in (sorted(indexed, key=lambda x: x[0]) if ordered else indexed)]
    return Results("solutions", variables=variables, rows=rows)


def _boolean(text: str) -> bool:
    if text not in ("true", "false"):
        raise ValueError(f"bad boolean {text!r}")
    return text == "true"


def expected_kind(test: W3CTest) -> str:
    """What the expected result file is: srx, srj, tsv, csv, resultset (a result-set graph) or graph."""
    suffix = test.result.suffix.lstrip(".")
    if suffix in ("srx", "srj", "tsv", "csv"):
        return suffix
    if suffix in ("ttl", "rdf", "nt"):
        triples = parse_rdf(test.result.read_bytes(), RDF_FORMATS[test.result.suffix], file_iri(test.result))
        result_set = ("iri", RS + "ResultSet")
        is_result_set = any(p == ("iri", RDF + "type") and o == result_set for _, p, o in triples)
        return "resultset" if is_result_set else "graph"
    raise ValueError(f"unknown result file type {test.result.name}")


def load_expected(test: W3CTest) -> Results:
    body = test.result.read_bytes()
    kind = expected_kind(test)
    if kind in ("resultset", "graph"):
        triples = parse_rdf(body, RDF_FORMATS[test.result.suffix], file_iri(test.result))
        return parse_result_set_graph(triples) if kind == "resultset" else Results("graph", triples=triples)
    return {"srx": parse_srx, "srj": parse_srj, "tsv": parse_tsv, "csv": parse_csv}[kind](body)


RESPONSE_PARSERS = {
    "application/sparql-results+xml": parse_srx,
    "application/sparql-results+json": parse_srj,
    "text/tab-separated-values": parse_tsv,
    "text/csv": parse_csv,
}
RESPONSE_RDF = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
                "application/rdf+xml": ox.RdfFormat.RDF_XML}


def parse_response(content_type: str, body: bytes) -> Results:
    media = content_type.split(";")[0].strip().lower()
    if media in RESPONSE_PARSERS:
        return RESPONSE_PARSERS[media](body)
    if media in RESPONSE_RDF:
        return Results("graph", triples=parse_rdf(body, RESPONSE_RDF[media]))
    raise ValueError(f"unexpected Content-Type {content_type!r}")


# -- comparison ------------------------------------------------------------------------------------

def _has_bnode(row: dict) -> bool:
    return any(t[0] == "bnode" for t in row.values())


def _shape(row: dict) -> tuple:
    """The row with blank-node labels erased: rows that can match have the same shape."""
    return tuple(sorted((k, ("bnode",) if t[0] == "bnode" else t) for k, t in row.items()))


def match_rows(expected: list[dict], actual: list[dict], blocks: list[tuple[int, int]]) -> bool:
    """Is there a one-to-one blank-node mapping under which the actual rows are the expected rows,
    each expected row matched by an actual row in the same block (position range)? One block
    spanning everything = multiset comparison; one block per row = ordered comparison."""
    if len(expected) != len(actual):
        return False
    block_of = {}
    for number, (start, end) in enumerate(blocks):
        for position in range(start, end):
            block_of[position] = number
    # Rows without blank nodes must match exactly: compare them as multisets per block.
    plain_expected = Counter((block_of[i], _shape(r)) for i, r in enumerate(expected) if not _has_bnode(r))
    plain_actual = Counter((block_of[i], _shape(r)) for i, r in enumerate(actual) if not _has_bnode(r))
    if plain_expected != plain_actual:
        return False
    todo = [(block_of[i], r) for i, r in enumerate(expected) if _has_bnode(r)]
    candidates: dict[tuple, list[int]] = {}
    for i, row in enumerate(actual):
        if _has_bnode(row):
            candidates.setdefault((block_of[i], _shape(row)), []).append(i)
    # Most constrained rows first.
    todo.sort(key=lambda item: len(candidates.get((item[0], _shape(item[1])), ())))
    used: set[int] = set()
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}

    def extend(row_e: dict, row_a: dict) -> list[str] | None:
        added = []
        for var, term in row_e.items():
            if term[0] != "bnode":
                continue
            other = row_a[var][1]
            if term[1] in forward:
                if forward[term[1]] != other:
                    break
            elif other in backward:
                break
            else:
                forward[term[1]] = other
                backward[other] = term[1]
                added.append(term[1])
        else:
            return added
        for label in added:
            del backward[forward.pop(label)]
        return None

    def search(k: int) -> bool:
        if k == len(todo):
            return True
        block, row_e = todo[k]
        for j in candidates.get((block, _shape(row_e)), ()):
            if j in used:
                continue
            added = extend(row_e, actual[j])
            if added is None:
                continue
            used.add(j)
            if search(k + 1):
                return True
            used.discard(j)
            for label in added:
                del backward[forward.pop(label)]
        return False

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, len(todo) + 200))
    try:
        return search(0)
    finally:
        sys.setrecursionlimit(limit)


def order_keys(query: str) -> list[str] | None:
    """The top-level ORDER BY of a query: [] when there is none, the key variables when every key
    is a variable (`?x`, `ASC(?x)`, `DESC(?x)`), None when some key is another expression."""
    from relgraph.sparql import keywords_text

    # Only text outside every {...} can hold the outermost query's solution modifiers.
    outside, depth = [], 0
    for char in keywords_text(query):
        if char == "{":
            depth += 1
            outside.append(" ")
        elif char == "}":
            depth -= 1
            outside.append(" ")
        elif depth == 0:
            outside.append(char)
    tail = "".join(outside)
    match = re.search(r"\bORDER\s+BY\b(.*?)(?=\bLIMIT\b|\bOFFSET\b|\bVALUES\b|$)", tail, re.I | re.S)
    if not match:
        return []
    keys = []
    key = re.compile(r"\s*(?:(?:ASC|DESC)\s*\(\s*[?$](\w+)\s*\)|[?$](\w+))\s*|(\S)", re.I)
    for token in key.finditer(match.group(1)):
        if token.group(3) is not None:
            return None
        keys.append(token.group(1) or token.group(2))
    return keys


def compare(expected: Results, actual: Results, query: str) -> str | None:
    """None when the results are the same, otherwise what differs."""
    if expected.kind != actual.kind:
        return f"expected a {expected.kind} result, got a {actual.kind} result"
    if expected.kind == "boolean":
        return None if expected.boolean == actual.boolean else \
            f"expected {expected.boolean}, got {actual.boolean}"
    if expected.kind == "graph":
        return _compare_graphs(expected.triples, actual.triples)
    if set(expected.variables) != set(actual.variables):
        return f"variables differ: expected {sorted(expected.variables)}, got {sorted(actual.variables)}"
    keys = order_keys(query)
    rows_e, rows_a = expected.rows, actual.rows
    if not keys and keys is not None:
        blocks = [(0, len(rows_e))]
    elif keys is None or not set(keys) <= set(expected.variables):
        blocks = [(i, i + 1) for i in range(len(rows_e))]  # strict order
    else:  # rows with equal ORDER BY keys may come in any order among themselves
        blocks, start = [], 0
        for i in range(1, len(rows_e) + 1):
            if i == len(rows_e) or [rows_e[i].get(k) for k in keys] != [rows_e[start].get(k) for k in keys]:
                blocks.append((start, i))
                start = i
    if match_rows(rows_e, rows_a, blocks):
        return None
    how = "multiset" if len(blocks) == 1 else "ordered"
    return (f"solutions differ ({how} comparison): expected {len(rows_e)} rows, got {len(rows_a)}\n"
            f"expected:\n{_show_rows(rows_e)}\nactual:\n{_show_rows(rows_a)}")


def _show_rows(rows: list[dict], limit: int = 30) -> str:
    lines = ["  " + ", ".join(f"{k}={show(v)}" for k, v in sorted(row.items())) for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"  ... {len(rows) - limit} more")
    return "\n".join(lines) or "  (none)"


def _to_rdflib(term: tuple):
    from rdflib import BNode, Literal, URIRef

    if term[0] == "iri":
        return URIRef(term[1])
    if term[0] == "bnode":
        return BNode(term[1])
    return Literal(term[1], datatype=term[2], lang=term[3], normalize=False)


def _compare_graphs(expected: list[tuple], actual: list[tuple]) -> str | None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    graphs = []
    for triples in (expected, actual):
        graph = Graph()
        for triple in triples:
            graph.add(tuple(_to_rdflib(t) for t in triple))
        graphs.append(graph)
    if isomorphic(*graphs):
        return None
    return (f"graphs are not isomorphic: expected {len(graphs[0])} triples, got {len(graphs[1])}\n"
            f"expected:\n{graphs[0].serialize(format='nt')}\nactual:\n{graphs[1].serialize(format='nt')}")


# -- sending the queries ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


class ClientTransport:
    """Requests through Flask's test client (no sockets)."""

    name = "Flask test client"

    def __init__(self, app):
        self.client = app.test_client()

    def post(self, fields: list[tuple[str, str]], accept: str) -> Reply:
        response = self.client.post("/sparql", data=urllib.parse.urlencode(fields),
                                    content_type="application/x-www-form-urlencoded",
                                    headers={"Accept": accept})
        return Reply(response.status_code, response.content_type or "", response.get_data())


class HttpTransport:
    """Requests to a real server over HTTP."""

    name = "HTTP"

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.name = f"HTTP {self.base_url}"

    def post(self, fields: list[tuple[str, str]], accept: str) -> Reply:
        request = urllib.request.Request(
            f"{self.base_url}/sparql", data=urllib.parse.urlencode(fields).encode("ascii"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return Reply(response.status, response.headers.get("Content-Type", ""), response.read())
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.headers.get("Content-Type", ""), error.read())


def has_dataset_clause(query: str) -> bool:
    """Does the query have FROM or FROM NAMED (outside strings, comments and IRIs)?"""
    from relgraph.sparql import keywords_text

    return re.search(r"(?<![?$\w:])FROM\b", keywords_text(query), re.I) is not None


def protocol_fields(test: W3CTest, query: str) -> list[tuple[str, str]]:
    """The form fields of the request: the query with its BASE, and the test's dataset."""
    fields = [("query", f"BASE <{file_iri(test.query)}>\n{query}")]
    if has_dataset_clause(query):  # the query's own FROM / FROM NAMED define its dataset
        return fields
    defaults = [file_iri(f) for f in test.data] or ([] if test.graph_data else [EMPTY_GRAPH])
    fields += [("default-graph-uri", iri) for iri in defaults]
    fields += [("named-graph-uri", file_iri(f)) for f in test.graph_data]
    return fields


@dataclass(frozen=True)
class Outcome:
    test: W3CTest
    passed: bool
    detail: str = ""


def run_test(test: W3CTest, transport) -> Outcome:
    """Send one test's query and compare the answer with the expected result."""
    query = test.query.read_text(encoding="utf-8")
    try:
        expected = load_expected(test)
        kind = expected_kind(test)
    except Exception as exc:  # a broken expected file is the suite's problem; report it
        return Outcome(test, False, f"cannot read the expected result {test.result.name}: {exc!r}")
    reply = transport.post(protocol_fields(test, query), ACCEPT[kind])
    if reply.status != 200:
        return Outcome(test, False, f"HTTP {reply.status}: {reply.body[:500].decode('utf-8', 'replace')}")
    try:
        actual = parse_response(reply.content_type, reply.body)
    except Exception as exc:
        return Outcome(test, False, f"cannot parse the {reply.content_type} response: {exc!r}\n"
                                    f"{reply.body[:1000].decode('utf-8', 'replace')}")
    difference = compare(expected, actual, query)
    return Outcome(test, difference is None, difference or "")


class Runner:
    """Runs tests once each and remembers the outcomes."""

    def __init__(self, transport):
        self.transport = transport
        self.outcomes: dict[str, Outcome] = {}

    def outcome(self, test: W3CTest) -> Outcome:
        if test.iri not in self.outcomes:
            self.outcomes[test.iri] = run_test(test, self.transport)
        return self.outcomes[test.iri]


# -- servers ---------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """`relgraph.web.serve.run_server` (gunicorn) over `store` on 127.0.0.1, in its own process
    group; `stop()` ends it and its query processes."""

    def __init__(self, store: Path, log_path: Path, workers: int = 2):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = {**os.environ, "RELGRAPH_STORE": str(store), "RELGRAPH_QUERY_TIMEOUT_S": "20",
               "RELGRAPH_DUMP_CACHE_DIR": str(log_path.parent / "dumps"), "RELGRAPH_THREADS": "4"}
        code = ("from relgraph.settings import Settings; from relgraph.web.serve import run_server; "
                f"run_server(Settings.load(), host='127.0.0.1', port={self.port}, workers={workers})")
        with log_path.open("wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True,
                                         cwd=str(REPO_ROOT))
        self._wait()

    def _wait(self, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        probe = f"{self.url}/sparql?query=ASK%7B%7D"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not answer within {seconds} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        try:  # query processes left in the group
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def make_client_app(store: Path, scratch: Path):
    """The Flask app over `store` (its query processes stop with `app.extensions['relgraph']
    .executor.close()`)."""
    from relgraph.settings import Settings
    from relgraph.web import create_app

    app = create_app(Settings.load(store=store, query_timeout_s=20.0, dump_cache_dir=scratch / "dumps"))
    app.config["TESTING"] = True
    return app


# -- the report ------------------------------------------------------------------------------------

def folder_table(outcomes: list[Outcome]) -> str:
    """Markdown table: passes per folder, then the total."""
    counts: dict[str, list[int]] = {}
    for outcome in outcomes:
        entry = counts.setdefault(outcome.test.folder, [0, 0])
        entry[0] += outcome.passed
        entry[1] += 1
    lines = ["| folder | passed | approved tests |", "|---|---:|---:|"]
    for folder in FOLDERS:
        if folder in counts:
            lines.append(f"| {folder} | {counts[folder][0]} | {counts[folder][1]} |")
    passed = sum(o.passed for o in outcomes)
    lines.append(f"| **total** | **{passed}** | **{len(outcomes)}** |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.w3c_report", description=__doc__.split("\n\n")[0])
    parser.add_argument("--client", action="store_true",
                        help="use Flask's test client, not a live gunicorn server")
    parser.add_argument("--failures", action="store_true",
                        help="print every failing test with the difference")
    args = parser.parse_args(argv)

    started = time.monotonic()
    tests = load_tests()
    known = load_known_failures()
    with tempfile.TemporaryDirectory(prefix="relgraph-w3c-") as scratch_name:
        scratch = Path(scratch_name)
        graphs = build_store(scratch / "store", tests)
        if args.client:
            app = make_client_app(scratch / "store", scratch)
            transport, stop = ClientTransport(app), app.extensions["relgraph"].executor.close
        else:
            server = LiveServer(scratch / "store", scratch / "server.log")
            transport, stop = HttpTransport(server.url), server.stop
        try:
            runner = Runner(transport)
            outcomes = [runner.outcome(t) for t in tests]
        finally:
            stop()
    passed = sum(o.passed for o in outcomes)
    print(f"W3C SPARQL 1.1 query-evaluation tests through {transport.name} "
          f"({len(tests)} approved tests, {graphs} data graphs, {time.monotonic() - started:.1f} s)\n")
    print(folder_table(outcomes))
    failing = [o for o in outcomes if not o.passed]
    print(f"\n{passed} of {len(outcomes)} pass; {len(failing)} fail.")
    for outcome in failing:
        status = "known" if outcome.test.iri in known else "NEW"
        print(f"\n[{status}] {outcome.test.id}: {outcome.test.name}")
        if outcome.test.iri in known:
            print(f"  reason: {known[outcome.test.iri]}")
        if args.failures or status == "NEW":
            print("  " + outcome.detail.replace("\n", "\n  "))
    fixed = sorted(set(known) - {o.test.iri for o in failing})
    for iri in fixed:
        print(f"\n[FIXED] {iri} passes but is listed in {KNOWN_FAILURES_FILE.name}")
    return 0 if len(outcomes) == EXPECTED_TOTAL and passed >= REQUIRED_PASSES and not fixed and all(
        o.test.iri in known for o in failing) else 1


if __name__ == "__main__":
    sys.exit(main())
