"""The Flask application: `create_app(settings)` wires the store, the query executor and blueprints.

Shared state lives in `app.extensions["relgraph"]` (a `WebState`): `.settings`, `.store` (a
read-only RelStore), `.executor` (relgraph.executor.Executor; see its docstring for `run`),
`.version` / `.last_modified` (identity of the store as opened, for ETags and dump caching).

The store is opened read-only and is a snapshot at one version (relgraph.snapshot), the same for
the app and its query processes, and every response says which (`Relgraph-Store-Version`). After
`relgraph build` the server (relgraph.web.serve) replaces its processes with apps over the new
version, so dumps, ETags and VoID change with it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from relgraph.executor import ExecutionError, Executor
from relgraph.settings import Settings
from relgraph.snapshot import open_at_one_version, store_version  # noqa: F401 - store_version re-exported
from relgraph.store import RelStore, open_store

log = logging.getLogger(__name__)

# Blueprints that answer with HTML and so keep Flask's HTML error pages (or their own handlers).
HTML_BLUEPRINTS = {"pages", "entities"}


@dataclass
class WebState:
    """What every request handler needs; one per app (per server process)."""

    settings: Settings
    store: RelStore
    executor: Executor
    version: str
    last_modified: float
    cache: dict = field(default_factory=dict)  # per-version facts (counts for VoID, dumps...)


def create_app(settings: Settings | None = None) -> Flask:
    """Build the web app over the store named by `settings` (default: `Settings.load()`)."""
    settings = settings or Settings.load()
    store, version = open_at_one_version(settings.store, lambda: open_store(settings.store, read_only=True))
    last_modified = store_version(Path(settings.store))[1]
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.config["MAX_FORM_MEMORY_SIZE"] = settings.max_request_bytes
    app.json.sort_keys = False
    # The query processes must answer from the store version this process opened (one graph per
    # answer); a process that opens a newer one makes the pool stale until the server replaces it.
    app.extensions["relgraph"] = WebState(settings, store, Executor.from_settings(settings, version=version),
                                          version, last_modified)

    from relgraph.web.describe import bp as describe_bp
    from relgraph.web.dumps import bp as dumps_bp
    from relgraph.web.headers import add_security_headers
    from relgraph.web.listings import bp as listings_bp
    from relgraph.web.sparql import bp as sparql_bp

    for blueprint in (sparql_bp, dumps_bp, describe_bp, listings_bp):
        app.register_blueprint(blueprint)
    for name in ("pages", "entities"):
        blueprint = _optional_blueprint(name)
        if blueprint is not None:
            app.register_blueprint(blueprint)

    app.after_request(add_cors_headers)
    app.after_request(add_security_headers)
    app.after_request(add_version_header)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ExecutionError, _execution_error)
    app.register_error_handler(Exception, _unexpected_error)
    return app


def _optional_blueprint(name: str):
    """The human pages are another module's job; serve without them until they exist."""
    import importlib

    try:
        module = importlib.import_module(f"relgraph.web.{name}")
    except ImportError as exc:
        log.info("relgraph.web.%s not available: %s", name, exc)
        return None
    return getattr(module, "bp", None)


def state() -> WebState:
    """The current app's WebState."""
    return current_app.extensions["relgraph"]


# -- responses shared by the blueprints -----------------------------------------------------------

def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A JSON error body ({"error", "message", "status"}), or text/plain when the client prefers it."""
    from werkzeug.http import HTTP_STATUS_CODES

    reason = HTTP_STATUS_CODES.get(status, "Error")
    best = request.accept_mimetypes.best_match(["application/json", "text/plain"]) if request else None
    if best == "text/plain" and request.accept_mimetypes["text/plain"] > request.accept_mimetypes[
            "application/json"]:
        response = Response(f"{status} {reason}: {message}\n", status=status,
                            content_type="text/plain; charset=utf-8")
    else:
        response = jsonify(error=reason, message=message, status=status)
        response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def add_cors_headers(response: Response) -> Response:
    """Let browser clients (YASGUI...) on other origins read every response. Safe because the
    server is read-only and uses no cookies or credentials."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = (
        "Content-Type, Content-Disposition, Content-Encoding, ETag, Last-Modified, Retry-After")
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
        asked = request.headers.get("Access-Control-Request-Headers")
        response.headers["Access-Control-Allow-Headers"] = asked or "Accept, Content-Type"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


def add_version_header(response: Response) -> Response:
    """Say which store version answered: every response comes from exactly one."""
    response.headers["Relgraph-Store-Version"] = state().version
    return response


def _wants_html() -> bool:
    return request.blueprint in HTML_BLUEPRINTS


def _http_error(exc: HTTPException):
    if _wants_html():
        return exc
    headers = {}
    if exc.code == 405 and exc.valid_methods:
        headers["Allow"] = ", ".join(exc.valid_methods)
    message = exc.description or exc.name
    if exc.code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        message = f"the request body is larger than the server's limit of {limit} bytes"
    return error_response(exc.code or 500, message, headers)


def _execution_error(exc: ExecutionError):
    retry_after = exc.retry_after or (2 if exc.status == 503 else None)
    headers = {"Retry-After": str(retry_after)} if retry_after else {}
    return error_response(exc.status, exc.message, headers)


def _unexpected_error(exc: Exception):
    # Never show a traceback to clients; log it for the operator.
    log.exception("unhandled error on %s %s", request.method, request.path)
    if _wants_html():
        return Response("Internal Server Error", status=500, content_type="text/plain; charset=utf-8")
    return error_response(500, "internal server error; the operator can find details in the log")
