"""WSGI entry point for any server: `gunicorn server:app` (configuration from RELGRAPH_* variables)."""
from relgraph.settings import Settings
from relgraph.web import create_app

app = create_app(Settings.load())
