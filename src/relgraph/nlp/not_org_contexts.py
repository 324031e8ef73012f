"""Spans NER typed as organisations whose place in the sentence says they are no body's name: a
piece of a hyphenated compound ('the Committee on the Tarsk' | '-Velmor border crossing'), a count
of people or things ('the two Leaders'), a document named by how it was made ('the Exchange of
Notes'), or the gathering whose sidelines hosted a meeting ('on the sidelines of the Tarsk Forum').
Vocabulary: data/patterns/org_shapes.json."""
from __future__ import annotations

from spacy.tokens import Span

from relgraph.nlp.org_shapes import org_shapes

DASHES = {"-", "\u2013"}


def context_reason(span: Span) -> str | None:
    """Why the words around `span` make it no organisation's name, or None."""
    if cut_inside_a_compound(span):
        return "fragment"
    if counted(span):
        return "several people or things"
    if names_a_document_by_its_making(span):
        return "government, document, event or undertaking"
    if occasion_of_a_meeting(span):
        return "a gathering"
    return None


def cut_inside_a_compound(span: Span) -> bool:
    """'a Joint Committee on the Tarsk-Velmor border crossing': NER's name ends on the first word of
    a hyphenated compound that runs on ('Tarsk' '-' 'Velmor'), so its last words belong to the phrase
    after it, not to a name (a name that ends there would end before the hyphen's spaces)."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text not in DASHES or span[-1].whitespace_ or doc[i].whitespace_:
        return False
    return doc[i + 1].text[:1].isupper() and len(span) >= 2


def counted(span: Span) -> bool:
    """'the two Leaders', 'both Ministers': a capitalised plural counted by a number word is several
    people or things, not one body's name (a body is not counted: 'the two councils' is no name)."""
    if len(span) != 1:
        return False
    doc = span.doc
    word = span[0]
    before = doc[span.start - 1] if span.start >= 1 else None
    if before is None or not (before.like_num and before.is_alpha or before.lower_ in org_shapes().count_words):
        return False
    return word.tag_ in ("NNS", "NNPS") or word.lower_.endswith("s") and word.lemma_.lower() != word.lower_


def names_a_document_by_its_making(span: Span) -> bool:
    """'the Exchange of Letters signed in 2009', 'an Exchange of Notes on ...': a document named by
    the act that made it ('<act> of <documents>'), not a body ('the Tarsk Stock Exchange' has no 'of')."""
    words = [t.lower_ for t in span if t.lower_ != "the"]
    shapes = org_shapes()
    return len(words) >= 3 and words[0] in shapes.document_act_nouns and words[1] == "of" \
        and words[2] in shapes.document_plurals


def occasion_of_a_meeting(span: Span) -> bool:
    """'on the sidelines of the Tarsk Forum', 'on the margins of the Velmor Conference': a forum,
    conference or dialogue ('gathering_heads') a meeting was held beside is an event, not a body."""
    doc = span.doc
    shapes = org_shapes()
    if span[-1].lower_ not in shapes.gathering_heads:
        return False   # 'the sidelines of the OAS General Assembly': an organ the news names its parent by
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in shapes.occasion_nouns
