"""Servers the HTTP benchmarks start (each in its own process group):

- `python -m bench.servers nolimit --store DIR --port P`: `relgraph serve` exactly as configured
  (gunicorn, same workers and threads) except that queries run inside the web worker's threads
  against a read-only store instead of in the executor's killable query processes, i.e. without
  the per-query hard time limit. relgraph has no setting for this (`query_workers` must be >= 1),
  so the benchmark patches `relgraph.executor.Executor` in this process only.
- `python -m bench.servers rdflib-endpoint --data FILE.nq --port P`: the Python peer, rdflib-endpoint
  (FastAPI) over an rdflib `Dataset(default_union=True)` holding the same quads, under uvicorn.
"""
from __future__ import annotations

import argparse
import sys


def serve_nolimit(store: str, host: str, port: int) -> None:
    from relgraph import executor as ex
    from relgraph import query_process as qp
    from relgraph.settings import Settings
    from relgraph.web.serve import run_server

    def start(self, wait_s: float = 0.0) -> None:
        # The same store the query processes would use (an in-memory copy of a small store).
        if getattr(self, "_inproc", None) is None:
            self._inproc, _ = qp.open_for_queries(self.store_path, self.in_memory_max_mb)

    def round_trip(self, request: dict, arrival: float, limit: float) -> tuple:
        self.start()
        return qp.execute(self._inproc, request)

    ex.Executor.start = start
    ex.Executor._round_trip = round_trip
    ex.Executor.close = lambda self: None
    ex.Executor.pids = lambda self: []
    run_server(Settings.load(store=store), host=host, port=port)


def serve_rdflib_endpoint(data: str, host: str, port: int) -> None:
    import uvicorn
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    print(f"rdflib-endpoint: {len(dataset)} triples in the union graph", file=sys.stderr, flush=True)
    app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["nolimit", "rdflib-endpoint"])
    parser.add_argument("--store")
    parser.add_argument("--data")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if args.kind == "nolimit":
        serve_nolimit(args.store, args.host, args.port)
    else:
        serve_rdflib_endpoint(args.data, args.host, args.port)


if __name__ == "__main__":
    main()
