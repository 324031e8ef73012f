"""relgraph.web.serve: how the production WSGI server is configured from settings."""
from __future__ import annotations

from relgraph.settings import Settings
from relgraph.web.serve import gunicorn_options


def test_access_log_is_off_by_default_and_can_be_turned_on(monkeypatch):
    monkeypatch.delenv("RELGRAPH_ACCESS_LOG", raising=False)
    assert gunicorn_options(Settings.load(), "127.0.0.1", 8000, 2)["accesslog"] is None
    monkeypatch.setenv("RELGRAPH_ACCESS_LOG", "true")
    assert gunicorn_options(Settings.load(), "127.0.0.1", 8000, 2)["accesslog"] == "-"


def test_workers_threads_and_bind_follow_the_arguments():
    options = gunicorn_options(Settings.load(threads=6), "::1", 8123, 3)
    assert (options["bind"], options["workers"], options["threads"]) == ("[::1]:8123", 3, 6)
    assert options["worker_class"] == "gthread"
