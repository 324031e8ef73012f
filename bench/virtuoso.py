"""A private Virtuoso Open Source server (Debian's virtuoso-opensource) on 127.0.0.1, for the tests
(tests/test_remote_store.py, tests/test_virtuoso_bulk.py) and bench/bulk.py: a scratch database
in a directory of its own, its own virtuoso.ini and free ports, and a load directory that its
DirsAllowed includes (what the bulk loader reads N-Quads files from)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.common import stop_process

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {load_dir}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 256M
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
MaxClientConnections = 5
ServerThreads = 5
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
"""


@dataclass(frozen=True)
class Virtuoso:
    url: str           # the SPARQL endpoint, http://127.0.0.1:PORT/sparql
    sql_address: str   # what isql connects to, 127.0.0.1:PORT
    load_dir: Path     # in DirsAllowed: where bulk-load files go
    directory: Path


class VirtuosoMissing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ask(url: str) -> bool:
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
                f"{url}?query=ASK%7B%7D", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def running_virtuoso(directory: Path, *, max_rows: int = 10_000, buffers: int = 10_000) -> Iterator[Virtuoso]:
    """Start Virtuoso on a scratch database in `directory`, let the anonymous /sparql endpoint
    update (it runs as the SQL user "SPARQL"), and stop it on leaving the block."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        raise VirtuosoMissing("Virtuoso is not installed (Debian package virtuoso-opensource; "
                              "scripts/setup.sh installs it)")
    d = Path(directory)
    load_dir = d / "load"
    load_dir.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql_port=sql_port, http_port=http_port, max_rows=max_rows,
                                               load_dir=load_dir, buffers=buffers, dirty=buffers * 3 // 5))
    log = (d / "stdout.log").open("wb")
    proc = subprocess.Popen([server, "-c", str(d / "virtuoso.ini"), "+foreground"], cwd=d, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.monotonic() + 90
        while not _ask(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Virtuoso did not start:\n"
                                   + (d / "stdout.log").read_text(errors="replace")[-3000:])
            time.sleep(0.3)
        grant = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                                'exec=grant SPARQL_UPDATE to "SPARQL";'],
                               capture_output=True, text=True, timeout=60)
        if grant.returncode != 0:
            raise RuntimeError(f"isql grant failed: {grant.stdout}{grant.stderr}")
        yield Virtuoso(url, f"127.0.0.1:{sql_port}", load_dir, d)
    finally:
        stop_process(proc, timeout_s=30)
        log.close()
