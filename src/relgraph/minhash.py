"""MinHash signatures as datasketch's `MinHash(scheme="affine32")` makes them, without its import.

datasketch's package `__init__` imports every module it has, and its LSH module imports
scipy.integrate: importing `datasketch` costs about 0.45 s of a build's start on a quiet machine
(2 s on a loaded one), even though all a build needs is the "affine32" signature, a few lines of
numpy. So this module computes it the same way, bit for bit (tests/test_minhash.py compares it with
datasketch on many texts): each shingle hashed to 32 bits (the first four bytes of its SHA-1, little
endian: datasketch's `sha1_hash32`), pre-mixed once with the MurmurHash3 finalizer, then permuted
by `a * h + b mod 2**32` with `a` odd, the `a` and `b` drawn from `numpy.random.RandomState(seed)`
in datasketch's order; the signature is each permutation's minimum. Other schemes stay datasketch's
(`relgraph.syndication.new_minhash`).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

AFFINE32 = "affine32"
EMPTY = np.uint32(0xFFFFFFFF)   # the value of a permutation that has seen nothing
# MurmurHash3's 32-bit finalizer: (shift, multiplier, shift, multiplier, shift)
_S1, _M1, _S2, _M2, _S3 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
                           np.uint32(16))


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of each permutation, drawn as datasketch draws them for "affine32"."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.flags.writeable = b.flags.writeable = False   # shared by every signature of the process
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    values = values ^ (values >> _S1)
    values = values * _M1
    values = values ^ (values >> _S2)
    values = values * _M2
    return values ^ (values >> _S3)


class MinHash:
    """A signature of `num_perm` 32-bit minima; what relgraph reads of datasketch's MinHash."""

    __slots__ = ("seed", "hashvalues")
    scheme = AFFINE32

    def __init__(self, num_perm: int, seed: int = 1, hashvalues: np.ndarray | None = None):
        if hashvalues is not None:
            values = np.asarray(hashvalues)
            if values.size and (int(values.max()) > int(EMPTY) or int(values.min()) < 0):
                raise ValueError("hash values out of range for scheme 'affine32'")
            self.hashvalues = values.astype(np.uint32)
        elif num_perm < 1:
            raise ValueError("num_perm must be positive")
        else:
            self.hashvalues = np.full(num_perm, EMPTY, dtype=np.uint32)
        self.seed = seed

    def __len__(self) -> int:
        return len(self.hashvalues)

    def update_batch(self, items: Iterable[bytes]) -> None:
        """Add every item (bytes) to the set the signature stands for."""
        hashes = [int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items]
        if not hashes:
            return
        a, b = permutations(len(self), self.seed)
        # uint32 arithmetic wraps: that wrap is the "mod 2**32" of the permutations
        mixed = _fmix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1))
        self.hashvalues = np.minimum(self.hashvalues, (mixed * a + b).min(axis=0))

    def jaccard(self, other: MinHash) -> float:
        """The estimated Jaccard similarity: the share of permutations with the same minimum."""
        if getattr(other, "scheme", None) != self.scheme or other.seed != self.seed or len(other) != len(self):
            raise ValueError("cannot compare MinHash signatures of other schemes, seeds or sizes")
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / float(len(self))
