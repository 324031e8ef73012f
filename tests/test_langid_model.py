"""relgraph.sources.langid_model: py3langid's model unpacked once into the cache folder, read back as
the very arrays py3langid's own loader gives, so language detection answers exactly as before."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from py3langid.modelio import load_model

from relgraph.articles import Article, iter_articles
from relgraph.settings import REPO_ROOT
from relgraph.sources import langid_model
from relgraph.sources.langid_model import cache_dir, model_arrays, model_file, prepare

TEXTS = [REPO_ROOT / "data" / "articles", Path(__file__).parent / "fixtures" / "languages",
         Path(__file__).parent / "fixtures" / "devset"]


@pytest.fixture(scope="module")
def cached(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cache")
    model_arrays(root=root)   # the first use prepares the copy
    return root


def test_the_cached_arrays_are_the_packages(cached):
    ptc, pc, classes, nextmove, row, output = model_arrays(root=cached)
    their_ptc, their_pc, their_classes, their_nextmove, their_row, their_output = load_model(model_file())
    assert ptc.dtype == their_ptc.dtype and np.array_equal(ptc, their_ptc)
    assert pc.dtype == their_pc.dtype and np.array_equal(pc, their_pc)
    assert classes == their_classes and output == their_output
    assert nextmove.tobytes() == their_nextmove.tobytes() and nextmove.format == their_nextmove.typecode
    assert row.tobytes() == their_row.tobytes() and row.format == their_row.typecode


def test_detection_ranks_every_text_exactly_as_py3langid(cached):
    ptc, pc, classes, nextmove, row, output = model_arrays(root=cached)
    ours = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = [a.text for a in iter_articles(TEXTS) if isinstance(a, Article)]
    assert len(texts) >= 20
    texts += [t[:n] for t in texts for n in (150, 200, 400)] + [""]
    assert [ours.rank(t) for t in texts] == [theirs.rank(t) for t in texts]


def test_the_copy_is_named_by_the_model_file_and_prepared_once(cached):
    folder = cache_dir(root=cached)
    assert folder.parent == cached / "langid" and sorted(p.name for p in folder.iterdir()) == sorted(
        f"{n}.npy" for n in langid_model.NAMES)
    stamp = (folder / "ptc.npy").stat().st_mtime_ns
    model_arrays(root=cached)
    assert (folder / "ptc.npy").stat().st_mtime_ns == stamp
    assert [p.name for p in (cached / "langid").iterdir()] == [folder.name]   # no half-written folders left


def test_a_second_writer_finds_the_copy_there(cached):
    """Two processes preparing at once: the one that renames second keeps the first's copy."""
    folder = cache_dir(root=cached)
    assert prepare(model_file(), folder) == folder
    assert len(list((cached / "langid").iterdir())) == 1
    assert model_arrays(root=cached)[2] == load_model(model_file())[2]


def test_an_unwritable_cache_falls_back_to_the_package(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    arrays = model_arrays(root=blocked)   # cannot make blocked/langid: read the package's model
    assert arrays[2] == load_model(model_file())[2] and not (tmp_path / "langid").exists()


def test_a_damaged_copy_falls_back_to_the_package(tmp_path):
    root = tmp_path / "cache"
    folder = cache_dir(root=root)
    folder.mkdir(parents=True)
    (folder / "ptc.npy").write_bytes(b"garbage")
    assert model_arrays(root=root)[2] == load_model(model_file())[2]


def test_make_setup_prepares_it_and_a_build_process_reads_it(tmp_path):
    env = {**os.environ, "RELGRAPH_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(REPO_ROOT / "src")}
    subprocess.run([sys.executable, "-m", "relgraph.sources.langid_model"], env=env, check=True,
                   capture_output=True)
    assert (cache_dir(root=tmp_path) / "ptc.npy").is_file()
    code = ("import sys; from relgraph.sources.language import detect_language; "
            "print(detect_language(open(sys.argv[1], encoding='utf-8').read()))")
    out = subprocess.run([sys.executable, "-c", code, str(TEXTS[1] / "fr_visite.txt")], env=env, check=True,
                         capture_output=True, text=True)
    assert out.stdout.strip() == "fr"
