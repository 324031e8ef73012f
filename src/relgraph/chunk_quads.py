"""The quads of one build chunk, held as N-Quads bytes until the store loads them.

A chunk's quads wait in memory while the next chunk is extracted (the write runs on its own
thread, `chunk_writer`). As Python `Quad` objects, with the union copy of each, they took about
840 bytes per quad; as N-Quads text they take about 290 (bench/README "memory"). The embedded store
parses the text in Rust with one `Store.load` transaction, so the objects are never made twice;
any other store iterates the chunk and gets the quads back.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

import pyoxigraph as ox


class ChunkQuads:
    """The article-graph quads of a chunk, serialised article by article as they are mapped."""

    def __init__(self) -> None:
        self._named: list[bytes] = []     # N-Quads of the article graphs
        self._union: list[bytes] = []     # the same statements as N-Triples: the union default graph
        self._count = 0

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Keep `quads` (those in a named graph; the union copies are made here)."""
        quads = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
        if not quads:
            return
        self._named.append(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        self._union.append(ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES))
        self._count += len(quads)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[ox.Quad]:
        """The article-graph quads, parsed back (for stores that take `Quad` objects)."""
        for part in self._named:
            yield from ox.parse(part, format=ox.RdfFormat.N_QUADS)

    def with_union(self) -> io.RawIOBase:
        """A reader of the article-graph quads followed by their union copies, as N-Quads (an
        N-Triples line is an N-Quads line in the default graph), without joining the parts."""
        return _PartsReader(self._named + self._union)

    @property
    def nbytes(self) -> int:
        """Bytes of N-Quads held (with the union copies)."""
        return sum(map(len, self._named)) + sum(map(len, self._union))


class _PartsReader(io.RawIOBase):
    """Reads a list of byte strings one after the other, as one stream."""

    def __init__(self, parts: list[bytes]):
        self._parts = parts
        self._index = 0
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._index < len(self._parts):
            part = self._parts[self._index]
            if self._offset < len(part):
                n = min(len(buffer), len(part) - self._offset)
                buffer[:n] = memoryview(part)[self._offset:self._offset + n]
                self._offset += n
                return n
            self._index += 1
            self._offset = 0
        return 0
