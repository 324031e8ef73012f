"""relgraph.minhash: the "affine32" signatures of datasketch, made without importing it. datasketch is
imported here only as the referee: every signature and similarity must be its own, bit for bit."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash as Referee

from relgraph.articles import Article, iter_articles
from relgraph.minhash import MinHash, permutations
from relgraph.settings import REPO_ROOT
from relgraph.syndication import band_keys, load_params, optimal_band_rows, shingles, signature, similarity

CORPORA = [REPO_ROOT / "data" / "articles", Path(__file__).parent / "fixtures" / "syndication",
           Path(__file__).parent / "fixtures" / "languages"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = [a.text for a in iter_articles(CORPORA) if isinstance(a, Article)]
    assert len(found) >= 20
    return found + ["", "one", "Kenya and Ethiopia signed a deal on Monday."]


def referee(text: str, shingle_words: int, num_perm: int, seed: int) -> Referee:
    minhash = Referee(num_perm=num_perm, seed=seed, scheme="affine32")
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text, shingle_words))])
    return minhash


def test_the_permutations_are_datasketchs():
    for num_perm, seed in ((128, 1), (64, 7), (1, 3)):
        a, b = permutations(num_perm, seed)
        theirs = Referee(num_perm=num_perm, seed=seed, scheme="affine32").permutations
        assert np.array_equal(a, theirs[0]) and np.array_equal(b, theirs[1])
        assert a.dtype == b.dtype == np.uint32 and np.all(a % 2 == 1)


def test_every_signature_is_datasketchs_bit_for_bit(texts):
    params = load_params()
    for text in texts:
        ours, theirs = signature(text, params), referee(text, params.shingle_words, params.num_perm, params.seed)
        assert ours.hashvalues.dtype == theirs.hashvalues.dtype == np.uint32
        assert np.array_equal(ours.hashvalues, theirs.hashvalues), text[:60]


def test_other_sizes_and_seeds_match_too(texts):
    for num_perm, seed in ((16, 2), (256, 11)):
        for text in texts[:8]:
            ours = MinHash(num_perm, seed)
            ours.update_batch([s.encode("utf-8") for s in sorted(shingles(text, 3))])
            assert np.array_equal(ours.hashvalues, referee(text, 3, num_perm, seed).hashvalues)


def test_similarities_are_datasketchs(texts):
    params = load_params()
    ours = [signature(t, params) for t in texts[:12]]
    theirs = [referee(t, params.shingle_words, params.num_perm, params.seed) for t in texts[:12]]
    pairs = [(i, j) for i in range(12) for j in range(i, 12)]
    assert [similarity(ours[i], ours[j]) for i, j in pairs] == [theirs[i].jaccard(theirs[j]) for i, j in pairs]
    assert any(0.0 < similarity(ours[i], ours[j]) < 1.0 for i, j in pairs)   # not all trivially 0 or 1


def test_the_bands_in_the_parameter_file_are_datasketchs_choice():
    params = load_params()
    assert params.band_rows == optimal_band_rows(params.threshold, params.num_perm)
    from datasketch import MinHashLSH

    assert params.bands == list(MinHashLSH(threshold=params.threshold, num_perm=params.num_perm).hashranges)


def test_an_empty_batch_changes_nothing_and_bad_values_are_refused():
    empty = MinHash(8)
    empty.update_batch([])
    assert np.array_equal(empty.hashvalues, Referee(num_perm=8, scheme="affine32").hashvalues)
    with pytest.raises(ValueError, match="out of range"):
        MinHash(2, hashvalues=np.array([1, 1 << 33], dtype=np.uint64))
    with pytest.raises(ValueError, match="positive"):
        MinHash(0)
    with pytest.raises(ValueError, match="cannot compare"):
        MinHash(8).jaccard(MinHash(8, seed=2))


def test_band_keys_of_a_decoded_referee_signature_are_the_same():
    """A signature stored by a build that used datasketch reads back with the same keys."""
    params = load_params()
    text = next(a.text for a in iter_articles(CORPORA[:1]) if isinstance(a, Article))
    theirs = referee(text, params.shingle_words, params.num_perm, params.seed)
    ours = MinHash(params.num_perm, params.seed, theirs.hashvalues.astype(np.uint64))
    assert band_keys(ours, params) == band_keys(signature(text, params), params)


def test_a_build_imports_neither_datasketch_nor_scipy():
    code = ("import sys, relgraph.cli, relgraph.build, relgraph.story_index; "
            "from relgraph.syndication import load_params; load_params().bands; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'datasketch', 'scipy'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(REPO_ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
