"""relgraph.executor: queries in killable worker processes, with time, row and byte limits."""
from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time

import pyoxigraph as ox
import pytest

from relgraph.executor import ExecutionError, Executor, resolve_format

CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Produces no output until it has counted ~3e10 rows: only the time limit can stop it.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RUSSIA = "<https://w3id.org/relgraph/id/state/russia>"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def executor(store_dir):
    ex = Executor(store_dir, size=2, timeout_s=1.0, queue_timeout_s=5.0)
    ex.start()
    yield ex
    ex.close()


@pytest.fixture()
def make_executor(store_dir):
    made = []

    def make(**options):
        ex = Executor(store_dir, **{"size": 1, "timeout_s": 2.0, **options})
        made.append(ex)
        return ex

    yield make
    for ex in made:
        ex.close()


def graph_counts(store_dir) -> dict[str, int]:
    store = ox.Store.read_only(str(store_dir))
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in rows}


def count_of(output) -> int:
    return int(json.loads(output.body)["results"]["bindings"][0]["n"]["value"])


def wait_for(predicate, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_select_as_json_unpacks_to_body_and_content_type(executor):
    body, content_type = executor.run(f"SELECT ?p ?o WHERE {{ {RUSSIA} ?p ?o }}")
    assert content_type == "application/sparql-results+json; charset=utf-8"
    data = json.loads(body)
    assert data["head"]["vars"] == ["p", "o"]
    assert {b["o"]["value"] for b in data["results"]["bindings"]} >= {"https://w3id.org/relgraph/ontology#State"}


@pytest.mark.parametrize("fmt, media, start", [
    ("csv", "text/csv", b"p,o\r\n"), ("tsv", "text/tab-separated-values", b"?p\t?o\n"),
    ("xml", "application/sparql-results+xml", b"<?xml"),
])
def test_select_in_each_results_format(executor, fmt, media, start):
    output = executor.run(f"SELECT ?p ?o WHERE {{ {RUSSIA} ?p ?o }}", accept_format=fmt)
    assert output.content_type == f"{media}; charset=utf-8"
    assert output.body.startswith(start)
    assert output.kind == "solutions"


def test_ask_and_construct(executor):
    assert json.loads(executor.run(f"ASK {{ {RUSSIA} ?p ?o }}").body)["boolean"] is True
    output = executor.run(f"CONSTRUCT WHERE {{ {RUSSIA} ?p ?o }}", accept_format="xml")
    assert output.kind == "graph" and output.content_type.startswith("application/rdf+xml")
    triples = [quad.triple for quad in ox.parse(output.body, ox.RdfFormat.RDF_XML)]
    assert ox.Triple(ox.NamedNode(RUSSIA[1:-1]), ox.NamedNode(RDF_TYPE),
                     ox.NamedNode("https://w3id.org/relgraph/ontology#State")) in triples


def test_turtle_uses_project_prefixes(store_dir):
    from relgraph.settings import Settings

    ex = Executor.from_settings(Settings.load(store=store_dir))
    try:
        body, _ = ex.run(f"CONSTRUCT WHERE {{ {RUSSIA} a ?c }}", accept_format="turtle")
    finally:
        ex.close()
    assert b"@prefix dip: <https://w3id.org/relgraph/ontology#>" in body
    assert b"dip:State" in body


def test_graph_result_with_results_only_format_is_406(executor):
    with pytest.raises(ExecutionError) as err:
        executor.run(f"CONSTRUCT WHERE {{ {RUSSIA} ?p ?o }}", accept_format="csv")
    assert err.value.status == 406


def test_syntax_error_is_400_with_position(executor):
    with pytest.raises(ExecutionError) as err:
        executor.run("SELECT * WHERE {\n  ?s ?p \n}")
    assert err.value.status == 400
    assert "3:1" in err.value.message or "2:" in err.value.message


@pytest.mark.parametrize("query", [
    "INSERT DATA { <http://a/b> <http://a/b> <http://a/b> }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
])
def test_updates_and_service_are_refused_before_running(executor, query):
    with pytest.raises(ExecutionError) as err:
        executor.run(query)
    assert err.value.status == 400


def test_unknown_format_name_is_406():
    with pytest.raises(ExecutionError) as err:
        resolve_format("image/png")
    assert err.value.status == 406
    assert resolve_format("application/sparql-results+xml") == ("xml", None)


def test_default_graph_uris_replace_the_union(executor, store_dir):
    counts = graph_counts(store_dir)
    first, second = sorted(counts)[:2]
    assert count_of(executor.run(COUNT, default_graph_uris=[first])) == counts[first]
    assert count_of(executor.run(COUNT, default_graph_uris=[first, second])) == counts[first] + counts[second]
    # Only named graphs given: the default graph is empty, GRAPH sees just those.
    assert count_of(executor.run(COUNT, named_graph_uris=[first])) == 0
    graphs = executor.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graph_uris=[second])
    assert [b["g"]["value"] for b in json.loads(graphs.body)["results"]["bindings"]] == [second]


def test_from_in_the_query_is_respected(executor, store_dir):
    counts = graph_counts(store_dir)
    first = sorted(counts)[0]
    output = executor.run(f"SELECT (COUNT(*) AS ?n) FROM <{first}> WHERE {{ ?s ?p ?o }}")
    assert count_of(output) == counts[first] < sum(counts.values())


def test_invalid_graph_iri_is_400(executor):
    with pytest.raises(ExecutionError) as err:
        executor.run(COUNT, default_graph_uris=["not an iri"])
    assert err.value.status == 400


def test_from_a_remote_graph_makes_no_connection(executor):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        listener.settimeout(0.5)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/g"
        output = executor.run(f"SELECT * FROM <{url}> FROM NAMED <{url}> WHERE {{ {{ ?s ?p ?o }} UNION "
                              f"{{ GRAPH ?g {{ ?s ?p ?o }} }} }}")
        assert json.loads(output.body)["results"]["bindings"] == []
        with pytest.raises(socket.timeout):
            listener.accept()


def test_cartesian_product_is_stopped_and_the_worker_replaced(executor):
    before = set(executor.pids())
    killed = executor.killed
    started = time.monotonic()
    with pytest.raises(ExecutionError) as err:
        executor.run(SLOW)
    elapsed = time.monotonic() - started
    assert err.value.status == 504 and "1 s limit" in err.value.message
    assert 0.95 <= elapsed < 3
    assert executor.killed == killed + 1
    assert wait_for(lambda: len(executor.pids()) == 2)
    assert set(executor.pids()) != before
    assert json.loads(executor.run("ASK { ?s ?p ?o }").body)["boolean"] is True


def test_other_queries_are_answered_while_a_slow_one_runs(executor):
    outcome = {}

    def slow():
        try:
            executor.run(SLOW)
        except ExecutionError as exc:
            outcome["status"] = exc.status

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    for _ in range(20):
        executor.run(f"SELECT ?p ?o WHERE {{ {RUSSIA} ?p ?o }}")
    assert time.monotonic() - started < 1.0
    thread.join()
    assert outcome["status"] == 504


def test_busy_pool_answers_503_after_the_queue_wait(make_executor):
    ex = make_executor(size=1, timeout_s=1.5, queue_timeout_s=0.3)
    ex.start()
    assert wait_for(lambda: ex._idle.qsize() == 1)
    thread = threading.Thread(target=lambda: pytest.raises(ExecutionError, ex.run, SLOW))
    thread.start()
    time.sleep(0.5)
    with pytest.raises(ExecutionError) as err:
        ex.run("ASK {}")
    assert err.value.status == 503
    thread.join()


def test_row_limit(make_executor):
    ex = make_executor(max_rows=10)
    assert len(json.loads(ex.run("SELECT ?s WHERE { ?s ?p ?o } LIMIT 10").body)["results"]["bindings"]) == 10
    with pytest.raises(ExecutionError) as err:
        ex.run("SELECT ?s WHERE { ?s ?p ?o } LIMIT 11")
    assert err.value.status == 422 and "10 rows" in err.value.message
    with pytest.raises(ExecutionError):
        ex.run("CONSTRUCT WHERE { ?s ?p ?o }", accept_format="turtle")
    # The limit also stops an endless result early instead of after the time limit.
    started = time.monotonic()
    with pytest.raises(ExecutionError) as err:
        ex.run(CARTESIAN)
    assert err.value.status == 422 and time.monotonic() - started < 1.5


def test_byte_limit(make_executor):
    ex = make_executor(max_bytes=2000)
    ex.run("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2")
    with pytest.raises(ExecutionError) as err:
        ex.run("SELECT * WHERE { ?s ?p ?o } LIMIT 200")
    assert err.value.status == 422 and "2000 bytes" in err.value.message


def test_an_idle_worker_killed_from_outside_is_replaced(make_executor):
    ex = make_executor(size=1)
    ex.start()
    assert wait_for(lambda: len(ex.pids()) == 1)
    (pid,) = ex.pids()
    os.kill(pid, signal.SIGKILL)
    assert wait_for(lambda: not _alive(pid), 5)
    # The dead idle worker is noticed and replaced; the query waits for the new one.
    assert json.loads(ex.run("ASK {}").body)["boolean"] is True
    assert ex.pids() and ex.pids() != [pid]


def test_memory_limit_ends_a_runaway_query(make_executor):
    ex = make_executor(memory_mb=256, timeout_s=20.0)
    started = time.monotonic()
    with pytest.raises(ExecutionError) as err:
        ex.run("SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?a ?b ?c ?d ?e ?f WHERE "
               "{ ?a ?b ?c . ?d ?e ?f } } }")
    assert err.value.status == 503 and "memory" in err.value.message
    assert time.monotonic() - started < 15


def test_close_stops_every_process(make_executor):
    ex = make_executor(size=2)
    ex.start()
    assert wait_for(lambda: len(ex.pids()) == 2)
    pids = ex.pids()
    ex.close()
    for pid in pids:
        assert wait_for(lambda pid=pid: not _alive(pid), 5)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it is dead for our purpose.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return False


def test_small_store_is_copied_into_memory_with_the_same_answers(make_executor, executor, store_dir):
    from relgraph.executor import store_size_mb
    from relgraph.queries import named_queries

    in_memory = make_executor(size=1, in_memory_max_mb=max(1, int(store_size_mb(store_dir)) + 1))
    in_memory.start(wait_s=30)
    assert list(in_memory.modes.values()) == ["memory"]
    assert set(executor.modes.values()) == {"disk"}  # the module's executor: in_memory_max_mb=0
    for query in named_queries().values():
        # Same rows; rows that tie under a query's ORDER BY may come in another order.
        assert _rows(in_memory.run(query.text)) == _rows(executor.run(query.text)), query.name
    # Protocol datasets name article graphs: the copy keeps them.
    first = sorted(graph_counts(store_dir))[0]
    assert count_of(in_memory.run(COUNT, default_graph_uris=[first])) == graph_counts(store_dir)[first]


def test_a_store_over_the_in_memory_size_stays_on_disk(make_executor, store_dir):
    from relgraph.executor import store_size_mb

    size = store_size_mb(store_dir)
    assert size > 0.01
    ex = make_executor(size=1, in_memory_max_mb=max(0, int(size) - 1) if size >= 2 else 0)
    ex.start(wait_s=30)
    assert list(ex.modes.values()) == ["disk"]
    assert count_of(ex.run(COUNT)) > 0


def _rows(output) -> tuple[list, list]:
    data = json.loads(output.body)
    return data["head"]["vars"], sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])


# -- admission: nothing waits where waiting cannot help ----------------------------------------------

def _run_in_thread(ex, query: str, **kwargs) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def target():
        started = time.monotonic()
        try:
            ex.run(query, **kwargs)
            outcome["status"] = 200
        except ExecutionError as exc:
            outcome["status"] = exc.status
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=target)
    thread.start()
    return thread, outcome


def test_a_full_queue_answers_503_at_once_with_retry_after(make_executor):
    ex = make_executor(size=1, timeout_s=1.5, queue_timeout_s=5.0, max_waiting=0)
    ex.start(wait_s=30)
    thread, outcome = _run_in_thread(ex, SLOW)
    time.sleep(0.3)
    started = time.monotonic()
    with pytest.raises(ExecutionError) as err:
        ex.run("ASK {}")
    assert time.monotonic() - started < 0.3  # refused without waiting for the queue time-out
    assert err.value.status == 503 and err.value.retry_after
    thread.join()
    assert outcome["status"] == 504
    assert json.loads(ex.run("ASK {}").body)["boolean"] is True  # the pool is whole again


def test_one_client_cannot_take_every_query_process(make_executor):
    ex = make_executor(size=2, timeout_s=1.5, per_client=1)
    ex.start(wait_s=30)
    thread, outcome = _run_in_thread(ex, SLOW, client="198.51.100.1")
    time.sleep(0.3)
    started = time.monotonic()
    with pytest.raises(ExecutionError) as err:
        ex.run(SLOW, client="198.51.100.1")
    assert err.value.status == 429 and err.value.retry_after and time.monotonic() - started < 0.3
    # Another client still finds a free process, at once.
    started = time.monotonic()
    assert json.loads(ex.run("ASK { ?s ?p ?o }", client="198.51.100.2").body)["boolean"] is True
    assert time.monotonic() - started < 1.0
    thread.join()
    assert outcome["status"] == 504
    # Once its query is over the client may send another.
    assert json.loads(ex.run("ASK {}", client="198.51.100.1").body)["boolean"] is True


def test_the_wait_for_a_process_counts_toward_the_time_limit(make_executor):
    ex = make_executor(size=1, timeout_s=1.5, queue_timeout_s=10.0)
    ex.start(wait_s=30)
    first, first_outcome = _run_in_thread(ex, SLOW)
    time.sleep(0.5)
    second, second_outcome = _run_in_thread(ex, SLOW)
    first.join()
    second.join()
    assert first_outcome["status"] == 504
    # It waited ~1 s for the process and then had only what was left of its 1.5 s.
    assert second_outcome["status"] in (503, 504)
    assert second_outcome["seconds"] < 1.5 + 0.7


# -- results: large ones leave memory, previews stop early ---------------------------------------------

def test_large_results_come_from_a_spool_file_that_is_already_gone(make_executor, store_dir):
    ex = make_executor(size=1)
    small = ex.run("SELECT * WHERE { ?s ?p ?o } LIMIT 2")
    assert small._file is None and small.size == len(small.body)
    for fmt in ("json", "xml", "tsv"):
        big = ex.run("SELECT * WHERE { ?s ?p ?o }", accept_format=fmt)
        assert big._file is not None, fmt  # the sample store's ~3,000 triples are > 256 KiB as results
        assert os.listdir(ex._spool) == []  # unlinked as soon as it was opened
        body = big.body
        assert len(body) == big.size
    assert len(json.loads(ex.run("SELECT * WHERE { ?s ?p ?o }").body)["results"]["bindings"]) == \
        count_of(ex.run(COUNT))
    graph = ex.run("CONSTRUCT WHERE { ?s ?p ?o }", accept_format="turtle")
    assert len(list(ox.parse(graph.body, ox.RdfFormat.TURTLE))) == count_of(ex.run(COUNT))
    assert os.listdir(ex._spool) == []


def test_a_stopped_query_leaves_no_spool_file(make_executor):
    # No row or byte limit in reach: the process is still writing its spool file when it is killed.
    ex = make_executor(size=1, timeout_s=1.0, max_rows=10**9, max_bytes=1 << 40)
    with pytest.raises(ExecutionError) as err:
        ex.run(CARTESIAN)
    assert err.value.status == 504
    assert os.listdir(ex._spool) == []


def test_row_cap_returns_a_truncated_preview_instead_of_failing(make_executor):
    ex = make_executor(size=1, max_rows=100)
    preview = ex.run("SELECT * WHERE { ?s ?p ?o }", row_cap=5)
    assert preview.truncated and len(json.loads(preview.body)["results"]["bindings"]) == 5
    whole = ex.run("SELECT * WHERE { ?s ?p ?o } LIMIT 3", row_cap=5)
    assert not whole.truncated and len(json.loads(whole.body)["results"]["bindings"]) == 3
    graph = ex.run("CONSTRUCT WHERE { ?s ?p ?o }", accept_format="turtle", row_cap=4)
    assert graph.truncated and len(list(ox.parse(graph.body, ox.RdfFormat.TURTLE))) == 4


def test_overlong_query_text_is_413_before_any_process_sees_it(make_executor):
    ex = make_executor(size=1, max_chars=1000)
    started = time.monotonic()
    with pytest.raises(ExecutionError) as err:
        ex.run("SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + ", ".join(['"x"'] * 500) + ")) }")
    assert err.value.status == 413 and "1000" in err.value.message
    assert time.monotonic() - started < 0.5
    assert ex.pids() == []  # refused in the server process: the pool did not even start


# -- one store version per answer -------------------------------------------------------------------

def test_query_processes_open_the_version_the_app_opened(make_executor, store_dir):
    from relgraph.snapshot import store_version

    ex = make_executor(size=2)
    ex.start(wait_s=30)
    assert ex.version == store_version(store_dir)[0] and not ex.stale


def test_a_pool_whose_processes_see_another_version_refuses_to_answer(make_executor):
    ex = make_executor(size=1, version="0123456789abcdef")  # the app opened an older build
    ex.start(wait_s=30)
    assert wait_for(lambda: ex.stale, 30)
    with pytest.raises(ExecutionError) as err:
        ex.run("ASK {}")
    assert err.value.status == 503 and err.value.retry_after and "rebuilt" in err.value.message
    assert ex.pids() == []


def test_a_query_past_demote_after_runs_at_the_lowest_priority_and_its_process_comes_back(make_executor):
    # ~1 s of counting: past the 0.3 s mark, well within the limit.
    two_patterns = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
    ex = make_executor(size=1, timeout_s=20.0, demote_after_s=0.3)
    ex.start(wait_s=30)
    (pid,) = ex.pids()
    seen, done = [], threading.Event()

    def watch():  # the highest priority value the process had while the query ran
        while not done.is_set():
            try:
                seen.append(os.getpriority(os.PRIO_PROCESS, pid))
            except ProcessLookupError:  # replaced once the query was over
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        assert count_of(ex.run(two_patterns)) > 1_000_000
    finally:
        done.set()
        watcher.join()
    assert max(seen) == 19
    # Afterwards the pool holds a process at normal priority: the same one restored, or a new one.
    assert wait_for(lambda: len(ex.pids()) == 1, 30)
    assert os.getpriority(os.PRIO_PROCESS, ex.pids()[0]) == os.getpriority(os.PRIO_PROCESS, 0)
    # Short queries are never demoted.
    fast_pid = ex.pids()[0]
    ex.run("ASK {}")
    assert os.getpriority(os.PRIO_PROCESS, fast_pid) == os.getpriority(os.PRIO_PROCESS, 0)
