"""py3langid's model, decompressed once into relgraph's cache folder instead of at every start.

py3langid ships its model as an LZMA-compressed .npz (4.6 MB, 68 MB unpacked) and unpacks it in
every process that loads it: 0.6 s on a quiet machine, paid at the first article of every build.
The arrays never change for an installed model file, so `model_arrays` writes them once as plain
.npy files under `<cache>/langid/<sha256 of the model file>/` (`make setup` does it; else the
first process that needs them) and every later process reads them back: the score table
memory-mapped (a text reads only the rows of its own features), the small tables whole. They are
the same arrays with the same dtypes as py3langid's own loader gives, so the probabilities are the
same to the last bit.

The cache folder is relgraph.cache's (`$RELGRAPH_CACHE_DIR`, else `.cache/`). Nothing is ever
downloaded: the only source is the model file of the installed py3langid. When the folder
cannot be written, the model is read the slow way, from the package.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from array import array
from pathlib import Path

import numpy as np

from relgraph.cache import cache_root

# py3langid.modelio.load_model's order: (nb_ptc, nb_pc, nb_classes, tk_nextmove, tk_row, tk_output)
NAMES = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def model_file() -> Path:
    """The compressed model shipped with py3langid."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def cache_dir(model: Path | None = None, root: Path | None = None) -> Path:
    """The folder of `model`'s unpacked arrays: named by the file's digest, so another py3langid
    model never reads a stale copy."""
    model = model or model_file()
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:20]
    return (root or cache_root()) / "langid" / digest


def model_arrays(model: Path | None = None, root: Path | None = None) -> tuple:
    """(nb_ptc, nb_pc, nb_classes, tk_nextmove, tk_row, tk_output) as py3langid's loader returns
    them, read from the cache (written first when missing)."""
    model = model or model_file()
    folder = cache_dir(model, root)
    try:
        if not folder.is_dir():
            prepare(model, folder)
        return read_arrays(folder)
    except (OSError, ValueError):
        # an unwritable cache or a damaged copy: the package's own (slow) way is always right
        from py3langid.modelio import load_model

        return load_model(model)


def prepare(model: Path, folder: Path) -> Path:
    """Unpack `model` into `folder` (written beside it, then renamed, so a reader never sees half
    of it and two processes preparing at once both end with one whole copy)."""
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(model)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".part-", dir=folder.parent))
    tmp.chmod(0o755)   # mkdtemp's 0700 would hide the copy from other users of the checkout
    try:
        values = (ptc, pc, np.array(classes), _numpy(nextmove), _numpy(row),
                  np.asarray(output, dtype=np.int32))
        for name, value in zip(NAMES, values, strict=True):
            np.save(tmp / f"{name}.npy", value, allow_pickle=False)
        try:
            os.replace(tmp, folder)
        except OSError:
            if not folder.is_dir():   # not a concurrent writer that won: a real failure
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def read_arrays(folder: Path) -> tuple:
    """The arrays `prepare` wrote, as py3langid's loader gives them, except that the automaton's
    tables are memoryviews of the mapped files (indexed like its stdlib arrays, with no 39 MB copy)."""
    loaded = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in NAMES}
    return (np.asarray(loaded["ptc"]), np.array(loaded["pc"]), loaded["classes"].tolist(),
            _ints(loaded["nextmove"]), _ints(loaded["nextmove_row"]), loaded["out_feat"].tolist())


def _numpy(values: array) -> np.ndarray:
    return np.frombuffer(values, dtype=np.dtype(values.typecode))


def _ints(values: np.ndarray) -> memoryview:
    # py3langid walks its automaton with Python ints: a memoryview indexes as fast as its arrays
    if values.dtype.byteorder not in "=|" or values.dtype.kind != "u":
        raise ValueError(f"unexpected automaton table type {values.dtype}")
    return memoryview(values).cast("B").cast(values.dtype.char)


def main() -> None:
    """`python -m relgraph.sources.langid_model`: prepare the cache now (make setup)."""
    folder = cache_dir()
    if not folder.is_dir():
        prepare(model_file(), folder)
    print(f"langid model ready: {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
