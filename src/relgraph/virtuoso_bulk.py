"""Big writes into Virtuoso through its bulk loader (``ld_add`` + ``rdf_loader_run`` over isql)
instead of SPARQL UPDATE text.

Opt-in by the operator, and for builds only: settings ``virtuoso_isql`` (host:port of Virtuoso's
SQL port), ``virtuoso_isql_user`` / ``virtuoso_isql_password`` and ``virtuoso_load_dir`` (a
directory the build writes and the server reads: Virtuoso's documentation asks for it in the
server's ``DirsAllowed``; the build runs on the server's machine or shares that directory with it,
and ``virtuoso_server_load_dir`` says where the server sees it when it is mounted elsewhere there,
e.g. in a container). `open_store` attaches a
`BulkLoader` to a remote store only when a build opens it with such settings; the web server opens
stores read-only and never gets one, so nothing an HTTP client sends reaches isql.

One chunk of a build (`RemoteStore.replace_graphs` with at least ``bulk_min_quads`` quads) goes:

1. one SPARQL UPDATE drops the graphs being replaced;
2. the chunk's quads, minus its articles' ``dip:sha256`` marks, are written to one N-Quads file in
   the load directory, registered with ``ld_add`` and loaded with ``rdf_loader_run`` without the
   transaction log, followed by a ``checkpoint`` (from then on the chunk survives a server crash);
   ``DB.DBA.load_list`` is read back: an ``ll_error``, or a file left unloaded (what a file the
   server cannot read gives), is a `StoreError` naming the chunk;
3. one SPARQL UPDATE (logged, so after the checkpoint) adds the marks.
   `relgraph.build.unchanged_articles` skips an article only when its graph has its
   ``dip:sha256``, so a chunk killed before this step is extracted again and its graphs replaced
   by the next build;
4. the file and its ``load_list`` row are removed, whatever happened.

What this does not give (the bulk loader is not one transaction): between steps 1 and 3, a reader
sees the chunk's graphs missing or partly loaded; the UPDATE path swaps a chunk in at once.
"""
from __future__ import annotations

import re
import secrets
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from relgraph.errors import StoreError
from relgraph.namespaces import DIP

# The marks `build.unchanged_articles` reads: loaded last, after the rest of a chunk is in.
MARK_PREDICATE = ox.NamedNode(f"{DIP}sha256")
_STATE_TAG = "RELGRAPH-LOAD-STATE"   # marks the row of our load_list query in isql's output
_ADDRESS = re.compile(r"^[A-Za-z0-9.\-\[\]:]+:\d+$")


@dataclass(frozen=True)
class BulkLoader:
    """How to reach Virtuoso's bulk loader: isql's address and login, and the shared load directory."""

    address: str
    user: str
    password: str = field(repr=False)   # never in logs or error texts
    load_dir: Path
    command: str = "isql-vt"
    min_quads: int = 5_000
    server_dir: Path | None = None   # the load directory as Virtuoso sees it (None: the same path)
    timeout_s: float = 3600.0

    @classmethod
    def from_settings(cls, settings) -> BulkLoader | None:
        """The loader the settings ask for, or None when ``virtuoso_isql`` is empty (bulk loading off)."""
        if not settings.virtuoso_isql:
            return None
        if not _ADDRESS.match(settings.virtuoso_isql):
            raise StoreError(f"setting virtuoso_isql: {settings.virtuoso_isql!r} is not host:port")
        if settings.virtuoso_load_dir is None or str(settings.virtuoso_load_dir) in ("", "."):
            raise StoreError("setting virtuoso_load_dir is needed with virtuoso_isql: a directory in "
                             "Virtuoso's DirsAllowed that this build can write")
        load_dir = Path(settings.virtuoso_load_dir).resolve()
        if not load_dir.is_dir():
            raise StoreError(f"setting virtuoso_load_dir: {load_dir} is not a directory")
        if shutil.which(settings.virtuoso_isql_command) is None:
            raise StoreError(f"setting virtuoso_isql_command: {settings.virtuoso_isql_command!r} not found "
                             "(Debian: virtuoso-opensource's isql-vt)")
        server_dir = settings.virtuoso_server_load_dir
        return cls(settings.virtuoso_isql, settings.virtuoso_isql_user, settings.virtuoso_isql_password,
                   load_dir, settings.virtuoso_isql_command, settings.bulk_min_quads,
                   None if server_dir in (None, "") else Path(server_dir))

    # -- one chunk ---------------------------------------------------------------------------
    def write_chunk(self, quads: list[ox.Quad]) -> tuple[Path, list[ox.Quad]]:
        """Write the chunk's quads except its marks to a fresh N-Quads file; (file, marks)."""
        path = self.load_dir / f"relgraph-chunk-{secrets.token_hex(6)}.nq"
        marks = [q for q in quads if q.predicate == MARK_PREDICATE]
        data = (q for q in quads if q.predicate != MARK_PREDICATE)
        try:
            with path.open("wb") as out:
                ox.serialize(data, out, ox.RdfFormat.N_QUADS)
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise StoreError(f"cannot write the bulk-load file {path}: {exc}") from exc
        return path, marks

    def load(self, path: Path, chunk: str) -> None:
        """Load one N-Quads file of the load directory; an error names `chunk` and the file. The
        file's load_list row is removed either way (a file name is never loaded twice)."""
        name = _sql_string(str(self.server_path(path)))
        script = (f"ld_add({name}, 'urn:relgraph:bulk-default');\n"
                  # Without the transaction log (log_enable 2: 4x faster than logging every row,
                  # 1.5x faster than one logged transaction per file; bench/README.md), then a
                  # checkpoint, after which the chunk survives a server crash.
                  "rdf_loader_run(log_enable=>2);\n"
                  "checkpoint;\n"
                  f"select '{_STATE_TAG}', ll_state, ll_error from DB.DBA.load_list where ll_file = {name};\n"
                  f"delete from DB.DBA.load_list where ll_file = {name};\n")
        output = self.run(script, f"bulk load of {chunk}")
        rows = [line.split(_STATE_TAG, 1)[1].split(None, 1)
                for line in output.splitlines() if _STATE_TAG in line]
        state, error = (rows[0] + [""])[:2] if rows else ("missing", "")
        # 2 is "loaded"; a file the server cannot find stays at 0 with no ll_error at all.
        if state != "2" or error.strip() not in ("", "NULL"):
            detail = error.strip() if error.strip() not in ("", "NULL") else (
                f"not loaded (load_list state {state}): can the server read {self.server_path(path)}? "
                "(settings virtuoso_load_dir / virtuoso_server_load_dir)")
            raise StoreError(f"Virtuoso's bulk loader failed on {chunk} (file {path}): {detail}")

    def server_path(self, path: Path) -> Path:
        """Where Virtuoso finds `path` (the load directory may be mounted elsewhere on its side)."""
        return (self.server_dir or self.load_dir) / path.relative_to(self.load_dir)

    def run(self, script: str, what: str) -> str:
        """Run an isql script; isql's own errors (it exits 0 on them) become a StoreError."""
        argv = [self.command, self.address, self.user, self.password, "VERBOSE=OFF", "BANNER=OFF",
                "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT"]
        try:
            done = subprocess.run(argv, input=script, capture_output=True, text=True, timeout=self.timeout_s)
        except subprocess.TimeoutExpired as exc:
            raise StoreError(f"{what}: isql at {self.address} did not finish in "
                             f"{self.timeout_s:.0f} s") from exc
        except OSError as exc:
            raise StoreError(f"{what}: cannot run {self.command}: {exc}") from exc
        output = done.stdout + done.stderr
        problem = next((line for line in output.splitlines() if line.startswith("*** Error")), None)
        if problem is not None or done.returncode != 0:
            raise StoreError(f"{what}: isql at {self.address} failed: "
                             f"{(problem or output.strip()[-500:]).removeprefix('*** ')}")
        return done.stdout


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
