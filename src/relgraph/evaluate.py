"""Kept for code that imports `relgraph.evaluate`: the evaluation lives in `relgraph.evaluation`."""
from relgraph.evaluation import *  # noqa: F401,F403
from relgraph.evaluation import __all__  # noqa: F401
