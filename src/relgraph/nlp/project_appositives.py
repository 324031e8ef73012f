"""Appositives around a project noun: the name a bare project noun stands beside ('the X
Highway, a project financed by ...'), the project noun that names an unnamed one ('a third
hydropower project, the Sunkosh reservoir scheme'), and the phrase that makes a project part of
another ('a hub at Kisumu, the flagship of the Y corridor'). `is_project_noun` is the extractor's
test of a head noun."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_words import core_phrase, name_words

ProjectNoun = Callable[[Token], bool]


def apposed_name(ctx: ArticleContext, head: Token, is_project_noun: ProjectNoun, any_head: bool = False) -> Span | None:
    """'the Ethiopia-Kenya Electricity Highway, a project financed by ...': the name the bare
    project noun (or, `any_head`, any project noun) stands in apposition to."""
    if head.dep_ != "appos" or not any_head and head.lemma_.lower() not in ctx.lex.words("project_purpose_heads"):
        return None
    name = head.head
    named = ctx.mention_at(name)
    kinds = ("organization", "person") if any_head else ("organization",)  # NER reads unknown names as people
    if name.pos_ != "PROPN" or named is not None and named.ref.kind not in kinds:
        return None  # 'in Lahore, a project that ...': a place, not the project's name
    if named is not None and (ctx.gaz.organization(ctx.doc[named.start:named.end].text) or
                              ctx.gaz.person(ctx.doc[named.start:named.end].text)) is not None:
        return None  # 'Sinopec, the state refiner': a company the gazetteer knows
    # 'the railway linking A with Wadi Halfa, a project financed by ...': said of the railway; but in
    # 'the main line of Rail Baltica, the railway ...' the noun before 'of' is a part of the named project
    if any(is_project_noun(a) for a in name.ancestors
           if not (name.dep_ == "pobj" and name.head.lower_ == "of" and a.i == name.head.head.i)):
        return None
    start = min(t.i for t in name.subtree if t.i <= name.i and t.dep_ in ("compound", "det", "amod", "nmod")
                or t.i == name.i)
    while start < name.i and name.doc[start].pos_ == "DET":
        start += 1
    return name.doc[start: name.i + 1]


def part_of_another(ctx: ArticleContext, head: Token, is_project_noun: ProjectNoun) -> bool:
    """'X, the flagship of the Y corridor', 'X, part of the Y programme': the phrase after the comma
    makes X a piece of another project (read from the words: the parser often loses the apposition)."""
    parts = ctx.lex.words("project_part_nouns")
    for appos in (t for t in head.subtree if t.dep_ == "appos" and t.lower_ in parts):
        of = next((c for c in appos.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and any(is_project_noun(t) for t in of.subtree):
            return True
    doc = head.doc
    # the first comma after the head, past a place phrase ('a hub at Kisumu, the centrepiece of ...')
    i = next((t.i for t in doc[head.i + 1: min(head.i + 8, head.sent.end)] if t.text == "," or t.pos_ in ("VERB", "AUX")), None)
    if i is None or doc[i].text != ",":
        return False
    words = list(doc[i: min(i + 4, head.sent.end)])
    rest = [t for t in words[1:] if t.pos_ not in ("DET", "ADJ")]
    if len(rest) < 2 or rest[0].lower_ not in ctx.lex.words("project_part_nouns") or rest[1].lower_ != "of":
        return False
    of = rest[1]
    return any(is_project_noun(t) for t in doc[of.i + 1: min(of.i + 20, head.sent.end)])


def naming_appositive(ctx: ArticleContext, head: Token, is_project_noun: ProjectNoun) -> Token | None:
    """The project noun in apposition that gives an unnamed project noun its name: 'a third
    hydropower project, the 2,560 MW Sunkosh reservoir scheme'."""
    own = core_phrase(ctx, head)
    if own is not None and name_words(ctx, own, head):
        return None
    doc = head.doc
    comma = head.right_edge.i + 1
    after = []  # the parser often hangs 'the X scheme' elsewhere: the noun phrase right after the comma
    if comma + 1 < head.sent.end and doc[comma].text == ",":
        after = [t for t in doc[comma + 1: min(comma + 9, head.sent.end)] if t.left_edge.i == comma + 1
                 and t.right_edge.i + 1 < len(doc) and doc[t.right_edge.i + 1].text in (",", ".", ";")][:1]
    for child in [*(c for c in head.children if c.dep_ == "appos"), *after]:
        if child.i > head.i and is_project_noun(child):
            core = core_phrase(ctx, child)
            if core is not None and name_words(ctx, core, child):
                return child
    return None
