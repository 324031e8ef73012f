"""Where a name stands, when that says it is no person in the story: a byline or a photo credit
(which GOLD_SCHEMA leaves out), a place ('in X', 'the port city of X', 'linking X with Y', 'from
Aswan to X') or a thing named after someone ('the idle X gas pipeline').
The vocabulary is data/patterns/person_names.json (relgraph.nlp.person_names)."""
from __future__ import annotations

import re

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.person_names import NameVocabulary, name_vocabulary

DASHES = {"–", "-", "—"}


def in_credit_or_byline(ctx: ArticleContext, span: Span) -> bool:
    """'Photo: X', '(AP Photo/X)', 'X/Reuters', 'By X', 'Reporting by X; Editing by Y',
    'X, Parliamentary Bureau', or a line that is nothing but X."""
    text = ctx.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:span.start_char].strip()
    after = text[span.end_char:line_end].strip().lower()
    return _credit(before, after) or _byline(before.lower(), after)


def _credit(before: str, after: str) -> bool:
    """Credit lines: a cue ('Photo:', 'Image by') or an agency in capitals ('REUTERS/') before the
    name, or an agency after it ('X/AFP')."""
    vocab = name_vocabulary()
    if after.startswith("/") and after[1:2].isalpha():
        return True
    tail = re.sub(r"[\s(\[|—–-]+$", "", before)
    if not tail.lower().endswith((":", " by", "/")):
        return False
    words = re.sub(r"\s*(:|by|/)$", "", tail, flags=re.IGNORECASE).split(".")[-1].strip(" ([").split()
    if not words:
        return False
    last = words[-1]
    return last.lower() in vocab.credit_cues or tail.endswith("/") and last.isupper() and len(last) > 1


def _byline(before: str, after: str) -> bool:
    vocab = name_vocabulary()
    clause = re.split(r"[;|•]", before)[-1].strip(" (—–-")
    if clause in vocab.byline_cues and not after[:1].isalpha():
        return True
    if before:
        return False
    if not after.strip(" .,"):
        return True  # a line that is nothing but a name
    rest = re.split(r"[,|/—–]", after, maxsplit=1)
    return (len(rest) == 2 and after[:1] in ",|/—–" and len(rest[1].split()) <= 6
            and any(w.strip(".,") in vocab.byline_words for w in rest[1].split()))


def place_names(ctx: ArticleContext) -> set[str]:
    """Names that the article uses as places: standing where places stand somewhere in the text,
    whatever the NER called them there ('the port city of X' makes X a place in every sentence)."""
    return {" ".join(ent.text.split()) for ent in ctx.ents
            if ent.label_ in ("GPE", "LOC", "FAC", "PERSON", "ORG") and in_place_context(ctx, ent)}


def in_place_context(ctx: ArticleContext, span: Span) -> bool:
    """'in X', 'at X', 'the port city of X': where places stand, not people."""
    doc, vocab = ctx.doc, name_vocabulary()
    i = span.start - 1
    if i < span.sent.start:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ("'s", "’s"):
        return False  # 'in Putin's words'
    if doc[i].lower_ in vocab.locative_prepositions:
        return True
    if doc[i].lower_ == "of" and i - 1 >= span.sent.start and doc[i - 1].lower_ in vocab.place_nouns:
        return True
    return _linked_to_city(ctx, span) or _linked_by_verb(span, vocab)


def _linked_by_verb(span: Span, vocab: NameVocabulary) -> bool:
    """'a line linking X with Y', 'connecting X to Y': what a railway or a cable links are places."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "to", "and"):
        root = root.head
    return root.dep_ in ("dobj", "prep") and root.head.pos_ == "VERB" and root.head.lemma_ in vocab.linking_verbs


def _linked_to_city(ctx: ArticleContext, span: Span) -> bool:
    """'Aswan to X', 'between Aswan and X', 'from X to Aswan', 'the X–Aswan line': joined to a known
    city the way places are joined (never by 'with', which joins people to places too)."""
    doc, start, end = ctx.doc, span.start, span.end
    sent = span.sent

    def city(i: int) -> bool:
        return sent.start <= i < sent.end and doc[i].ent_type_ != "PERSON" and bool(ctx.gaz.city(doc[i].text)) \
            and not ctx.gaz.state(doc[i].text)

    def word(i: int) -> str:
        return doc[i].lower_ if sent.start <= i < sent.end else ""

    before, after = word(start - 1), word(end)
    if before in DASHES and city(start - 2) or after in DASHES and city(end + 1):
        return True
    if before == "to" and city(start - 2) or after == "to" and city(end + 1) and word(start - 1) == "from":
        return True
    return (before == "and" and city(start - 2) and word(start - 3) == "between"
            or after == "and" and city(end + 1) and word(start - 1) == "between")


def names_a_thing(ctx: ArticleContext, span: Span) -> bool:
    """'the idle X gas pipeline', 'a new X bridge': a name that modifies a common noun after an
    article names the thing (named after a person, perhaps), not a person in the story."""
    doc = ctx.doc
    after = doc[span.end] if span.end < span.sent.end else None
    if after is None or not after.is_lower:
        return False
    if after.lemma_ in name_vocabulary().thing_nouns or after.lower_ in name_vocabulary().thing_nouns:
        return True  # 'X canal', 'X dam': a person is not built, so no article is needed
    if after.pos_ != "NOUN" or span.root.dep_ != "compound":
        return False
    i = span.start - 1
    while i >= span.sent.start and doc[i].pos_ in ("ADJ", "ADV") and doc[i].is_lower:
        i -= 1
    return i >= span.sent.start and doc[i].lower_ in ("the", "a", "an", "this", "that")


def names_of_a_states_subject(ctx: ArticleContext) -> list[Span]:
    """'Niger's Bakary Yaou Sangaré also attended': a state's possessive before proper nouns that
    the NER left unlabelled and that act as the subject of a verb - the state stands for the office."""
    doc, found = ctx.doc, []
    for head in ctx.index.tokens(ctx.index.with_pos(("PROPN",))):
        if head.pos_ != "PROPN" or head.ent_type_ or head.dep_ not in ("nsubj", "nsubjpass") \
                or head.head.pos_ not in ("VERB", "AUX"):
            continue
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or not ctx.gaz.state(owner.text) or owner.i + 2 > head.i:
            continue
        start = owner.i + 2 if doc[owner.i + 1].lower_ in ("'s", "\u2019s") else owner.i + 1
        words = doc[start:head.i + 1]
        if 2 <= len(words) <= 4 and all(t.pos_ == "PROPN" and not t.ent_type_ and t.text[:1].isupper()
                                        and t.is_alpha for t in words):
            found.append(words)
    return found
