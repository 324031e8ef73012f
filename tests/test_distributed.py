"""Extraction on a Dask cluster (a real distributed.LocalCluster on 127.0.0.1) gives the same graph
as a local build, and a task that fails on the cluster is reported per article."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="dask/distributed are pinned in requirements.txt")

from relgraph.build import build  # noqa: E402
from relgraph.settings import Settings  # noqa: E402
from relgraph.store import open_store  # noqa: E402

from conftest import ARTICLES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def nquads(store: Path) -> list[str]:
    out = io.BytesIO()
    open_store(store).dump(out, "nquads")
    return sorted(out.getvalue().decode().splitlines())


@pytest.fixture(scope="module")
def cluster():
    """One in-process worker (threads, so its model load is shared with this process), reachable
    over TCP on 127.0.0.1 like any remote scheduler."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                  host="127.0.0.1", dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_graph(tmp_path_factory):
    store = tmp_path_factory.mktemp("local") / "store"
    report = build([ARTICLES], Settings.load(store=store))
    assert report.ok
    return nquads(store)


def test_dask_build_gives_the_same_graph_as_the_local_build(cluster, local_graph, tmp_path):
    store = tmp_path / "store"
    report = build([ARTICLES], Settings.load(store=store, batch_size=2), dask=cluster.scheduler_address)
    assert report.ok, report.errors
    assert report.extracted == 5
    assert nquads(store) == local_graph


def test_cli_connects_to_an_existing_scheduler(cluster, local_graph, tmp_path):
    """`relgraph build --dask ADDRESS` from another process: the client only knows the address."""
    store = tmp_path / "store"
    proc = subprocess.run([sys.executable, "-m", "relgraph.cli", "build", str(ARTICLES), "--store", str(store),
                           "--dask", cluster.scheduler_address],
                          capture_output=True, text=True, timeout=240,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "5 article(s) extracted" in proc.stderr
    assert nquads(store) == local_graph
    again = subprocess.run([sys.executable, "-m", "relgraph.cli", "build", str(ARTICLES), "--store", str(store),
                            "--dask", cluster.scheduler_address],
                           capture_output=True, text=True, timeout=240,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert again.returncode == 0 and "0 article(s) extracted, 5 unchanged" in again.stderr


def test_failures_on_the_cluster_name_the_file_and_line(cluster, tmp_path):
    """Articles whose extraction fails on a worker (here: no such model there) are reported with file:line."""
    import json

    src = tmp_path / "in"
    src.mkdir()
    good = {"id": "wire-ok", "title": "Japan and India sign defence pact",
            "text": "Japan and India signed a defence agreement in Tokyo on 12 March 2024.", "published": "2024-03-12"}
    bad = {"id": "wire-bad", "title": "x", "text": "Japan and India signed a defence agreement.", "published": "2024-03-12"}
    (src / "feed.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    settings = Settings.load(store=tmp_path / "store", spacy_model="no_such_model_for_this_test")
    report = build([src], settings, dask=cluster.scheduler_address)
    assert report.extracted == 0
    assert len(report.errors) == 2
    assert any("feed.jsonl:2" in e and "extraction failed" in e for e in report.errors)


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    from conftest import free_port

    from relgraph.errors import RelgraphError

    with pytest.raises(RelgraphError, match="Dask scheduler"):
        build([ARTICLES], Settings.load(store=tmp_path / "store"), dask=f"tcp://127.0.0.1:{free_port()}")
