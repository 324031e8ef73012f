"""Run the web app under a production WSGI server: gunicorn where available (measured 2x waitress
on this machine), waitress otherwise (e.g. on Windows). Never Flask's development server.

`relgraph serve` calls `run_server(settings, host, port, workers)`. Each gunicorn worker process
builds its own app (the store is opened read-only per process; opening it before forking would
share one RocksDB handle between processes) and its own pool of query processes.
"""
from __future__ import annotations

import logging
import sys

from relgraph.settings import Settings
from relgraph.store import open_store

log = logging.getLogger(__name__)


def run_server(settings: Settings | None = None, host: str = "127.0.0.1", port: int = 8000,
               workers: int | None = None) -> None:
    """Serve the app until interrupted. Raises StoreError (before listening) if there is no store."""
    settings = settings or Settings.load()
    workers = workers or settings.workers
    # Fail now, with a clear message, rather than in every worker.
    open_store(settings.store, read_only=True)
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        run_waitress(settings, host, port, workers)
    else:
        run_gunicorn(settings, host, port, workers)


def gunicorn_options(settings: Settings, host: str, port: int, workers: int) -> dict:
    """gunicorn settings; threads let one process keep answering while a slow query runs."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": settings.threads,
        # The query limit is enforced by the executor; gunicorn's own timeout is only a backstop
        # for a worker that stops answering entirely.
        "timeout": max(30, int(settings.query_timeout_s * 3)),
        "graceful_timeout": 10,
        "keepalive": 5,
        "limit_request_line": 8190,  # long GET queries (the maximum gunicorn accepts)
        "limit_request_field_size": 8190,
        "accesslog": "-" if settings.access_log else None,
        "errorlog": "-",
        "proc_name": "relgraph",
        "preload_app": False,
        # A shared default path (~/.gunicorn/gunicorn.ctl) would let two servers on one machine
        # fight over it; operators who want gunicornc can set their own path.
        "control_socket_disable": True,
    }


def run_gunicorn(settings: Settings, host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    class RelgraphApplication(BaseApplication):
        """gunicorn configured from code instead of its command line."""

        def load_config(self) -> None:
            for key, value in gunicorn_options(settings, host, port, workers).items():
                self.cfg.set(key, value)

        def load(self):
            from relgraph.web import create_app

            app = create_app(settings)
            # Start the query processes as the worker boots (it accepts connections only after
            # this returns), so no early request waits for a process to start.
            app.extensions["relgraph"].executor.start(wait_s=30)
            return app

    RelgraphApplication().run()


def run_waitress(settings: Settings, host: str, port: int, workers: int) -> None:
    import waitress

    from relgraph.web import create_app

    app = create_app(settings)
    app.extensions["relgraph"].executor.start(wait_s=30)
    print(f"relgraph: serving on http://{host}:{port} (waitress)", file=sys.stderr)
    waitress.serve(app, host=host, port=port, threads=settings.threads * workers,
                   max_request_body_size=settings.max_request_bytes, ident="relgraph")
