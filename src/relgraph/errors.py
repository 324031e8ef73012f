"""Exceptions that name what went wrong and where; the CLI and web app map them to exit codes and 4xx."""


class RelgraphError(Exception):
    """Base class of every error relgraph reports to users."""


class InputError(RelgraphError):
    """Bad input data: names the file (and line) it came from."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class QueryError(RelgraphError):
    """A SPARQL query that cannot be parsed or is not allowed."""


class StoreError(RelgraphError):
    """The store cannot be opened or written."""
