"""relgraph: a sourced knowledge graph of diplomacy news.

The public API is small; the CLI and the web app are thin layers over it.
"""
from relgraph.settings import Settings

__version__ = "0.1.0"

__all__ = ["Settings", "__version__", "build", "open_store", "run_query"]


def __getattr__(name: str):
    # Imported lazily so that `import relgraph` stays cheap (spaCy loads in ~1 s).
    if name == "build":
        from relgraph.build import build
        return build
    if name == "open_store":
        from relgraph.store import open_store
        return open_store
    if name == "run_query":
        from relgraph.store import run_query
        return run_query
    raise AttributeError(name)
