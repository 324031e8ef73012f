"""The build's allocator settings: applied where glibc takes them, the environment's left alone."""
from __future__ import annotations

import subprocess
import sys

import pytest

from relgraph import malloc_tuning


def _run(code: str, env_extra: dict[str, str]) -> str:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


CODE = "from relgraph.malloc_tuning import tune_for_build; r = tune_for_build(); print(r['mmap_threshold'], r['arena_max'])"


@pytest.mark.skipif(malloc_tuning._mallopt() is None, reason="not glibc: nothing to tune")
def test_glibc_takes_both_settings():
    assert _run(CODE, {}) == "True True"


@pytest.mark.skipif(malloc_tuning._mallopt() is None, reason="not glibc: nothing to tune")
def test_settings_the_environment_made_are_left_alone():
    assert _run(CODE, {"MALLOC_ARENA_MAX": "4"}) == "True False"
    assert _run(CODE, {"MALLOC_MMAP_THRESHOLD_": "65536"}) == "False True"
