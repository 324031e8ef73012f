"""Lists in article text: items that open a line with a marker ('1.', 'b)', '(iii)', '-', '•'), as
foreign-ministry releases list the documents of a signing."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.org_shapes import org_shapes

# A list item's marker at the start of a line: '2.', '2)', 'a.', 'b)', '(iii)', '-', '•', '*', '–'.
LIST_MARKER = re.compile(r"(?:\d{1,2}[.)]|[a-z][.)]|\((?:[ivx]{1,5}|[a-z]|\d{1,2})\)|[-•*–])[ \t]+(?=\S)")

MAX_LINK_CHARS = 120  # a related story's link is a headline: a short line
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


def list_intro(ctx: ArticleContext, token: Token) -> Span | None:
    """The line that introduces the list the token's item is in: the nearest line above that ends in
    a colon, over the list's other items ('4. The ministers also signed:' may itself be an item).
    None when a line of prose comes first."""
    text = ctx.text
    end = text.rfind("\n", 0, token.idx)
    while end > 0:
        line_start = text.rfind("\n", 0, end) + 1
        line = text[line_start:end].strip()
        if line.endswith(":"):
            return ctx.doc.char_span(line_start, end, alignment_mode="expand")
        if line and not LIST_MARKER.match(text, line_start):
            return None
        end = line_start - 1
    return None


def bulleted_headline(ctx: ArticleContext, token: Token) -> bool:
    """The token is on a short bulleted line without a closing stop: a headline in a list of links
    to other stories, unless a line above introduces the list."""
    text = ctx.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line = text[line_start:line_end if line_end >= 0 else None].strip()
    return line[:2] in org_shapes().furniture_bullets and len(line) < MAX_LINK_CHARS and not line.endswith(".")
