"""Parsing texts longer than spaCy takes in one piece.

spaCy refuses a text over `nlp.max_length` (E088) and its parser's memory grows with the text, so a
long article is parsed in pieces cut at paragraph breaks (else line breaks, sentence ends, spaces)
and the pieces are joined back into one Doc with `Doc.from_docs`. The pieces are exact, contiguous
slices of the text, so the joined Doc's text is the article's text character for character and every
offset downstream (evidence, sentence spans) is an offset into the whole article. A piece ends at a
paragraph break, which is a sentence boundary anyway, so nothing a sentence says is cut in two.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS = 100_000            # longer texts are parsed in pieces of at most this many characters
MAX_ARTICLE_CHARS = 2_000_000    # hard cap: a longer news text is reported, not extracted
# Where a piece may end, best first: the first kind of break found in the last part of a piece wins.
BREAKS = ("\n\n", "\n", ". ", " ")


def split_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Contiguous pieces of `text`, each at most `size` characters, cut after the best break near
    the end of each piece; `"".join(pieces) == text`."""
    pieces, pos = [], 0
    while len(text) - pos > size:
        end = _cut(text, pos, pos + size)
        pieces.append(text[pos:end])
        pos = end
    pieces.append(text[pos:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    # Only the second half of the window is searched, so pieces stay big and their number bounded.
    floor = start + (limit - start) // 2
    for mark in BREAKS:
        k = text.rfind(mark, floor, limit - len(mark) + 1)
        if k != -1:
            return k + len(mark)
    return limit


def parse(nlp: Language, text: str, size: int = CHUNK_CHARS) -> Doc:
    """One Doc for `text`, parsed in pieces when it is longer than `size`."""
    if len(text) <= size:
        return nlp(text)
    docs = list(nlp.pipe(split_text(text, size)))
    # The tensors are not read by the rules and would be copied whole.
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def parse_many(nlp: Language, texts: Sequence[str], batch_size: int = 32,
               max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Doc | Exception]:
    """A Doc, or the exception that parsing it raised, for each text in order. Short texts go
    through `nlp.pipe` in batches; when a batch fails, its texts are parsed one by one so that one
    bad text never takes the others with it. A text over `max_chars` is refused unparsed."""
    for k in range(0, len(texts), batch_size):
        batch = texts[k:k + batch_size]
        if all(len(t) <= min(CHUNK_CHARS, max_chars) for t in batch):
            try:
                yield from list(nlp.pipe(batch, batch_size=batch_size))
                continue
            except Exception:  # noqa: BLE001 - retried text by text just below
                pass
        for text in batch:
            yield _parse_one(nlp, text, max_chars)


def _parse_one(nlp: Language, text: str, max_chars: int) -> Doc | Exception:
    if len(text) > max_chars:
        return ValueError(f"the news text has {len(text):,} characters, more than the "
                          f"{max_chars:,} relgraph extracts from one article")
    try:
        return parse(nlp, text)
    except Exception as exc:  # noqa: BLE001 - reported for this article only
        return exc
