"""What the clients of `python -m bench.safety` send: the ordinary mix (canned queries, pages,
entity documents, dumps) with entity IRIs picked from the served store over HTTP, and the
attacks of issue 9. Also a trivial HTTP server for calibrating the load generator
(`python -m bench.safety_mix trivial-server PORT`)."""
from __future__ import annotations

import http.client
import json
import re
import sys
import time
import urllib.parse
from pathlib import Path

from bench.safety_clients import HOST, Attack, Probe

RESULTS_JSON = "application/sparql-results+json"
DIP = "https://w3id.org/relgraph/ontology#"
# Entity kinds whose pages the ordinary clients read, by class; the kinds in RDF_FORMS are read
# as Turtle too, NEIGHBOURHOOD_KIND's neighbourhood SVG as well.
ENTITY_CLASSES = {"person": "Person", "state": "State", "event": "Meeting", "article": "Article",
                  "organization": "Organization", "city": "City", "agreement": "Agreement",
                  "project": "Project", "post": "Post"}
RDF_FORMS = ("person", "state", "event", "article")
NEIGHBOURHOOD_KIND = "person"

HEAVY_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SERVICE_BYPASS = ("PREFIX ex: <http://x/> SELECT * WHERE { OPTIONAL { ex:a\\# ?p ?o } "
                  "SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } }")
# The entity-URL injections of issue 9, point 1: the slug closes the IRI and the group of the
# query it is pasted into, then adds a SERVICE call to the listener, or a cartesian product.
ENTITY_SERVICE = ("/id/person/sergei-lavrov%3E%20%3Fp%20%3Fo%20.%20SERVICE%20%3Chttp%3A%5Cu002F%5Cu002F"
                  "127.0.0.1%3A{port}%5Cu002Fx%3E%20%7B%20%3Fs%20%3Fq%20%3Fr%20%7D%20%7D%20%23.html")
ENTITY_CARTESIAN = ("/id/person/sergei-lavrov%3E%20%3Fp%20%3Fo%20.%20%3Fa%20%3Fb%20%3Fc%20.%20%3Fd%20%3Fe"
                    "%20%3Ff%20.%20%3Fg%20%3Fh%20%3Fi%20%7D%20%23.html")
IN_LIST_BYTES = 1_000_000


def sparql_path(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def http_get(port: int, path: str, headers: dict | None = None, timeout_s: float = 30) -> tuple[int, bytes]:
    """One GET from 127.0.0.1 on a fresh connection: (status, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout_s)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def http_get_patiently(port: int, path: str, headers: dict, wait_s: float = 20) -> tuple[int, bytes]:
    """http_get, repeated while the server answers 429/503 (e.g. its query processes still
    starting), for at most `wait_s`; only for setting up, never in the measured load."""
    deadline = time.monotonic() + wait_s
    while True:
        status, body = http_get(port, path, headers)
        if status not in (429, 503) or time.monotonic() > deadline:
            return status, body
        time.sleep(0.5)


def reported_time_limit(port: int) -> float | None:
    """The query time limit the server states in its Service Description, if it states one."""
    status, body = http_get_patiently(port, "/sparql", {"Accept": "text/turtle"})
    found = re.search(r"stop after ([0-9]+(?:\.[0-9]+)?) s", body.decode("utf-8", "replace"))
    return float(found.group(1)) if status == 200 and found else None


def entity_path(iri: str) -> str:
    """/id/<kind>/<slug> for a data IRI <base><kind>/<slug>, whatever the base."""
    kind, slug = iri.rstrip("/").rsplit("/", 2)[-2:]
    return f"/id/{kind}/{urllib.parse.quote(slug, safe='')}"


def discover_entities(port: int) -> tuple[dict[str, str], str | None]:
    """One IRI per kind of ENTITY_CLASSES (the first in IRI order), asked of the server itself,
    and None; or no IRIs and why (the run goes on without entity pages and reports it)."""
    values = " ".join(f'("{kind}" <{DIP}{cls}>)' for kind, cls in ENTITY_CLASSES.items())
    query = (f"SELECT ?kind (MIN(STR(?s)) AS ?iri) WHERE {{ VALUES (?kind ?class) {{ {values} }} "
             f"?s a ?class }} GROUP BY ?kind")
    try:
        status, body = http_get_patiently(port, sparql_path(query), {"Accept": RESULTS_JSON})
        rows = json.loads(body)["results"]["bindings"] if status == 200 else None
    except (OSError, http.client.HTTPException, ValueError, KeyError) as exc:
        return {}, f"picking entity IRIs over /sparql: {exc!r}"
    if rows is None:
        return {}, f"picking entity IRIs: /sparql answered {status}: {body[:200].decode('utf-8', 'replace')}"
    return {row["kind"]["value"]: row["iri"]["value"] for row in rows if "iri" in row}, None


def ordinary_probes(queries_dir: Path, entities: dict[str, str]) -> list[Probe]:
    """The ordinary clients' mix: every canned query, the pages, entity pages and their Turtle,
    VoID, and the dumps (plain, gzip, and a re-download that may be answered 304)."""
    probes = [Probe("query", path.name, sparql_path(path.read_text()), (("Accept", RESULTS_JSON),))
              for path in sorted(queries_dir.glob("*.rq"))]
    html = (("Accept", "text/html"),)
    probes += [Probe("page", "home", "/", html), Probe("page", "query page", "/query?name=people", html),
               Probe("page", "timeline", "/timeline", html),
               Probe("page", "void", "/.well-known/void", (("Accept", "text/turtle"),))]
    for kind, iri in sorted(entities.items()):
        path = entity_path(iri)
        probes.append(Probe("page", f"{kind} page", path + ".html", html))
        if kind in RDF_FORMS:
            probes.append(Probe("page", f"{kind} .ttl", path + ".ttl"))
        if kind == NEIGHBOURHOOD_KIND:
            probes.append(Probe("page", f"{kind} svg", path.replace("/id/", "/neighbourhood/", 1) + ".svg"))
    probes += [Probe("dump", "dump.ttl", "/dump.ttl"),
               Probe("dump", "dump.nq gzip", "/dump.nq", (("Accept-Encoding", "gzip"),)),
               Probe("dump", "dump.ttl again", "/dump.ttl", (("Accept-Encoding", "gzip"),), revalidate=True)]
    return probes


def in_list_query(size: int = IN_LIST_BYTES) -> bytes:
    """A SELECT whose FILTER ... IN list makes the query text `size` bytes long."""
    head, tail = "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (", ")) }"
    items, length, n = [], len(head) + len(tail), 0
    while length < size:
        item = f"{n}, "
        items.append(item)
        length += len(item)
        n += 1
    return (head + "".join(items).rstrip(", ") + tail).encode()


def attacks(listener_port: int) -> tuple[list[Attack], list[Attack]]:
    """(sent every tick, sent one per tick in turn): the heavy query every tick; the SERVICE
    bypass, the two entity-URL injections and the 1 MB IN list in turn."""
    accept = (("Accept", RESULTS_JSON),)
    heavy = Attack("heavy count", "GET", sparql_path(HEAVY_QUERY), headers=accept, heavy=True)
    rotation = [
        Attack("SERVICE bypass", "GET", sparql_path(SERVICE_BYPASS.replace("{port}", str(listener_port))),
               headers=accept),
        Attack("entity URL SERVICE", "GET", ENTITY_SERVICE.replace("{port}", str(listener_port)),
               headers=(("Accept", "text/html"),)),
        Attack("1 MB IN list", "POST", "/sparql", body=in_list_query(),
               headers=(("Content-Type", "application/sparql-query"), *accept)),
        Attack("entity URL cartesian", "GET", ENTITY_CARTESIAN, headers=(("Accept", "text/html"),)),
    ]
    return [heavy], rotation


# -- a trivial server for --calibrate ---------------------------------------------------------------

def serve_trivially(port: int) -> None:
    """Answer every request on 127.0.0.1:`port` with a small 200, keep-alive (asyncio, one process)."""
    import asyncio

    answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, HOST, port, backlog=1024)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


if __name__ == "__main__":
    if sys.argv[1:2] != ["trivial-server"] or len(sys.argv) != 3:
        sys.exit("usage: python -m bench.safety_mix trivial-server PORT")
    serve_trivially(int(sys.argv[2]))
