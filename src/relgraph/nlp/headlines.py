"""Where a token stands in the article's lines: the headline block, a subheading written in capitals."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext

TITLE_MAX_CHARS = 200  # a longer first line is the lede, not a headline


def in_title(ctx: ArticleContext, token: Token) -> bool:
    """In the headline block: a short line with no full stop, before the first line of sentences
    (menus and headlines come first, the body's lines end in a full stop)."""
    text = ctx.text
    start, line = _line_at(text, token.idx)
    line = line.strip()
    if len(line) > TITLE_MAX_CHARS or _ends_sentence(line):
        return False
    return not any(_ends_sentence(earlier.strip()) for earlier in text[:start].split("\n"))


def in_capitals_line(ctx: ArticleContext, token: Token) -> bool:
    """On a line written all in capitals (a subheading), the token itself longer than an acronym
    or a word of four letters ('A DEAL ON THE BRIDGE'); acronyms are three or four letters."""
    return token.text.isupper() and (len(token.text) > 4 or len(token.text) == 4 and token.is_alpha
                                     and token.lower_ in ctx.lex.words("agreement_nouns")) \
        and not any(c.islower() for c in _line_at(ctx.text, token.idx)[1])


def _line_at(text: str, idx: int) -> tuple[int, str]:
    """The start and the text of the line that holds character idx."""
    start = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx)
    return start, text[start:end if end >= 0 else len(text)]


def _ends_sentence(line: str) -> bool:
    """'... sign pact as Carney looks beyond U.S.' ends in an abbreviation, not a full stop."""
    words = line.rstrip("\"'”’)").split()
    if not words or words[-1].count(".") > 1:
        return False
    return words[-1].endswith((".", "!", "?"))
