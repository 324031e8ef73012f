"""Lists in article text: items that open a line with a marker ('1.', 'b)', '(iii)', '-', '•'), as
foreign-ministry releases list the documents of a signing."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

# A list item's marker at the start of a line: '2.', '2)', 'a.', 'b)', '(iii)', '-', '•', '*', '–'.
LIST_MARKER = re.compile(r"(?:\d{1,2}[.)]|[a-z][.)]|\((?:[ivx]{1,5}|[a-z]|\d{1,2})\)|[-•*–])[ \t]+(?=\S)")

LINE_MARKER = re.compile(r"(?<=\n)" + LIST_MARKER.pattern)


def list_marker_at(token: Token) -> str | None:
    """The list marker a line opens with when `token` is that line's first character, else None."""
    text = token.doc.text
    if token.idx and text[token.idx - 1] != "\n":
        return None
    marker = LIST_MARKER.match(text, token.idx)
    return marker.group(0) if marker else None


@Language.component("relgraph_list_items")
def list_item_boundaries(doc: Doc) -> Doc:
    """A line that opens with a list marker starts a sentence: the parser would otherwise run
    '1. Agreement on ...;' '2. Memorandum on ...' into one sentence, and the second document would
    hang on the first."""
    for marker in LINE_MARKER.finditer(doc.text):
        first = doc.char_span(marker.start(), marker.start() + 1, alignment_mode="expand")
        after = doc.char_span(marker.end(), marker.end() + 1, alignment_mode="expand")
        if first is None or after is None or first.start == 0:
            continue
        doc[first.start].is_sent_start = True
        for inner in doc[first.start + 1:after.end]:
            inner.is_sent_start = False  # the marker's pieces and the item's first word stay with it
    return doc


def in_list_marker(token: Token) -> bool:
    """`token` is (part of) the marker its line opens with: '2', '.' of '2. Agreement on ...'."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    marker = LIST_MARKER.match(text, start)
    return marker is not None and token.idx < marker.end()
