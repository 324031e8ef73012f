"""How a project is named: its label and the route that names it (which mentions of one article
are one project: project_merge)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from relgraph.nlp.actors import subtree_span
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.pipeline import load_nlp
from relgraph.records import FactRecord, Ref

DASHES = ("-", "–", "—")


@dataclass
class ProjectMention:
    """A project record with what is needed to tell whether two mentions are one project."""

    record: FactRecord
    head: str                                     # lemma of the head noun ('pipeline')
    names: frozenset[str] = frozenset()           # proper words of the name ('baynes')
    modifiers: frozenset[str] = frozenset()       # distinctive common words ('oil', 'hydropower')
    plural: bool = False
    generic_head: bool = False                    # 'project', 'programme': says nothing of what it is
    sentence: int = 0                             # first token of its sentence
    previous: int = -1                            # first token of the sentence before
    anaphoric: bool = False                       # 'The 4km line, connecting ...' opens a sentence
    restates: str | None = None                   # 'X, as the corridor ... is known': head of the project X renames
    headline: bool = False                        # in a headline, where any word may be capitalised
    kind: str | None = None                       # what it is: the head, or a generic head's project noun ('refinery project')
    route_kind: bool = False                      # that kind is a route ('corridor', 'railway', 'road')
    sites: frozenset[str] = frozenset()           # proper words of the site that delimits it ('at Dholera')
    at: int = -1                                  # index of its head token (-1: told by a name alone)
    sibling: int = -1                             # head of the project it shares its name with ('the X plant and port')
    merged: list[FactRecord] = field(default_factory=list)


# -- labels --------------------------------------------------------------------------------
def trimmed(ctx: ArticleContext, core: Span) -> Span:
    """'the long-delayed 224-km Basra-Aqaba oil pipeline' -> 'Basra-Aqaba oil pipeline': leading
    articles, sizes and status words (data: project_generic_modifiers) do not name a project."""
    units = ctx.lex.words("project_measure_units")
    generic = ctx.lex.words("project_generic_modifiers")
    start = core.start
    while start < core.end - 1:
        tok = ctx.doc[start]
        if tok.pos_ in ("DET", "PUNCT", "PRON") or tok.dep_ == "poss" or tok.dep_ == "case" \
                or is_measure(tok, units) or tok.lower_ in generic and tok.pos_ != "PROPN" or tok.is_currency \
                or tok.tag_ == "$" or tok.ent_type_ == "MONEY":  # 'a US$ 3.7 billion refinery'
            start += 1
        else:
            break
    return ctx.doc[start:core.end]


def is_measure(token: Token, units: frozenset[str]) -> bool:
    """'224-km', '14,000km', '1,045 km', '600-megawatt' say how big a project is, not which one;
    not the 'one' of 'one-stop' nor the number of a name ('CASA-1000')."""
    if token.lower_ in units:
        return True
    size = re.fullmatch(r"[\d.,]+-?([A-Za-z]*)", token.text)
    if size and size.group(1):
        return size.group(1).lower() in units
    if not (size or token.like_num):
        return False
    nxt = token.doc[token.i + 1: token.i + 3]
    return any(t.lower_ in units for t in nxt if t.text not in DASHES)


def dashed_first_place(ctx: ArticleContext, head: Token, start: int) -> int:
    """'the Isaccea–Vulcănești–Chișinău line': the parser may hang the noun as an appositive on the
    first place of a dashed route name; the dash before the phrase joins that place to it. Gives
    the phrase's new first token (`start` when nothing is joined)."""
    doc, first = head.doc, head.head
    if not (head.dep_ == "appos" and first.pos_ == "PROPN" and first.i == start - 2 and doc[start - 1].text in DASHES) \
            or first.left_edge.i > 0 and doc[first.left_edge.i - 1].text in DASHES:  # a longer chain the parser cut elsewhere: left as it is
        return start
    start = first.left_edge.i
    while doc[start].pos_ == "DET" or doc[start].like_num or doc[start].lower_ in ctx.lex.words("project_measure_units"):
        start += 1  # 'the 400 kV Isaccea': sizes delimit nothing
    return start


def clean_label(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([-–—])\s+", r"\1", text)  # 'Abidjan - Lagos' as the tokens were joined
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)


def ranking(modifier: Token) -> bool:
    """'the largest plant', 'a bigger port' rank a project, not name it; a noun the tagger reads as a
    comparative ('hydropower' in 'the Rogun hydropower plant', lemma 'hydropow') is no degree of
    any adjective the lemmatizer knows, and names it."""
    if modifier.tag_ not in ("JJS", "JJR"):
        return False
    known = _known_adjectives()
    return not known or modifier.lemma_.lower() in known or modifier.lower_ in ("more", "most", "less", "least")


@lru_cache(maxsize=1)
def _known_adjectives() -> frozenset[str]:
    try:
        lookups = load_nlp()[0].get_pipe("lemmatizer").lookups
        return frozenset(lookups.get_table("lemma_index")["adj"])
    except (KeyError, ValueError):
        return frozenset()


def english_word(word: str) -> bool:
    """A word the lemmatizer knows as an English noun, adjective, verb or adverb ('speed', 'north');
    place names ('Khulna', 'Aqaba') it does not know."""
    return word in _known_words()


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    try:
        index = load_nlp()[0].get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(w for pos in index.keys() for w in index[pos])
    except (KeyError, ValueError):
        return frozenset()


# -- routes --------------------------------------------------------------------------------
def route_ends(ctx: ArticleContext, head: Token) -> list[Token]:
    """'a line that runs from A to B', 'a rail link between A and B', 'a railway linking A with B':
    the heads of the proper names at the ends of the route, in order."""
    verbs = ctx.lex.words("project_route_verbs")
    preps = ctx.lex.words("project_route_preps")
    holders = [head] + [c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs]
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in verbs:
        holders.append(head.head)  # 'the pipeline will run from A to B'
    doc = head.doc
    if head.i + 2 < head.sent.end and doc[head.i + 1].lower_ == "to" and doc[head.i + 2].lemma_.lower() in verbs:
        holders.append(doc[head.i + 2])  # 'a pipeline to carry fuel from A to B', wherever the parser hung it
    holders += [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("over", "across")
                for o in p.children if o.dep_ == "pobj"]  # 'a bridge over the river between A and B'

    ends: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "dobj" and holder is not head and holder.pos_ == "VERB":
                ends += _place_names(child)
                # 'linking Aswan's station with Wadi Halfa': the parser hangs 'with B' under A
                ends += [e for p in child.children if p.dep_ == "prep" and p.lower_ in preps
                         for e in _prep_ends(p, preps)]
            elif child.dep_ == "prep" and child.lower_ in preps:
                ends += _prep_ends(child, preps)
    return [t for i, t in enumerate(ends) if t not in ends[:i]]


def _prep_ends(prep: Token, preps: frozenset[str]) -> list[Token]:
    """'from A to B' where the parser hangs 'to B' under 'from' or under 'A'."""
    ends: list[Token] = []
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        found = _place_names(obj)
        if prep.lower_ == "between" and len(found) == 1:
            found += _after_and(found[0])
        ends += found
        ends += [e for inner in obj.children if inner.dep_ == "prep" and inner.lower_ in preps
                 for e in _prep_ends(inner, preps)]
    ends += [e for inner in prep.children if inner.dep_ == "prep" and inner.lower_ in preps
             for e in _prep_ends(inner, preps)]
    if prep.lower_ == "from" and len(ends) == 1:
        ends += _after_to(ends[0])
    return ends


def _after_to(first: Token) -> list[Token]:
    """'from Jimbe, on the Angolan border, to Chingola': the parser often loses the 'to' of 'from';
    it is the next 'to' before a proper name, a few words on, with no verb between."""
    doc, sent = first.doc, first.sent
    for tok in doc[first.i + 1: min(first.i + 10, sent.end - 1)]:
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ != "to":
            return []
        if tok.lower_ == "to":
            name = doc[tok.i + 1] if doc[tok.i + 1].pos_ == "PROPN" else None
            while name is not None and name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.head.i > name.i:
                name = name.head
            return [name] if name is not None else []
    return []


def enumerated_routes(head: Token) -> list[list[Token]]:
    """'two lines, one linking A with B and the other connecting C with D': the routes of each member,
    read from the words, since the parser hangs 'one' and 'the other' anywhere."""
    sent_end = head.sent.end
    i = head.i + 1
    while i < sent_end and head.doc[i].is_punct:
        i += 1
    if i >= sent_end or head.doc[i].lower_ != "one":
        return []
    routes: list[list[Token]] = [[]]
    for tok in head.doc[i + 1: sent_end]:
        if tok.lower_ in ("other", "another", "second") and tok.i > 0 and head.doc[tok.i - 1].lower_ in ("the", "and"):
            routes.append([])
        elif tok.text in (",", ";", ".") and len(routes[-1]) >= 2:
            if len(routes) > 1:
                break
        elif tok.pos_ == "PROPN" and (tok.i + 1 >= sent_end or head.doc[tok.i + 1].pos_ != "PROPN"):
            routes[-1].append(tok)
    return [r for r in routes if len(r) >= 2] if len(routes) > 1 else []


def _place_names(token: Token) -> list[Token]:
    """The proper name a route end is ('Lubango'), or the one it is 'of' ('the port city of Haiphong')
    or whose facility it is ('Aswan's High Dam station'), with its conjuncts ('with Hanoi and the
    port city of Haiphong')."""
    out = []
    for t in [token, *token.conjuncts]:
        if t.pos_ == "PROPN":
            out.append(t)
            continue
        owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None:
            out.append(owner)
            continue
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.pos_ == "PROPN":
            out.append(obj)
    return out


def _after_and(first: Token) -> list[Token]:
    """'between Oshikango, on the Namibian side of the border, and Lubango': the parser often loses the
    second end of 'between'; it is the first proper name after the next 'and'."""
    sent = first.sent
    conj = next((t for t in sent if t.i > first.i and t.lower_ == "and"), None)
    if conj is None:
        return []
    name = next((t for t in sent if t.i > conj.i and t.pos_ == "PROPN"), None)
    while name is not None and name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.head.i > name.i:
        name = name.head
    return [name] if name is not None else []


def name_text(token: Token) -> str:
    """'Wolayta Sodo' from its head 'Sodo': the head with its proper-noun compounds."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN" \
            and token.doc[start - 1].head.i in range(start, token.i + 1):
        start -= 1
    return token.doc[start: token.i + 1].text


def route_label(ends: list[Token], what: str) -> str:
    return "–".join(name_text(t) for t in ends) + " " + what


def has_place_pair(span: Span) -> bool:
    """'Abidjan-Lagos', 'Lào Cai–Hà Nội': proper names joined by a dash name a route."""
    for tok in span:
        if tok.text in DASHES and tok.i > span.start and tok.i < span.end - 1:
            if tok.doc[tok.i - 1].pos_ == "PROPN" and tok.doc[tok.i + 1].pos_ == "PROPN":
                return True
        if tok.pos_ == "PROPN" and any(d in tok.text[1:-1] for d in DASHES[1:]):
            return True
    return False


# -- phrases that delimit a project -----------------------------------------------------
def conjunct_of_a_name(head: Token) -> bool:
    """'Adani Ports and Special Economic Zone': a head NER reads as the second conjunct of one
    organisation's name is a word of that name, not a project ('the Belt and Road Initiative'
    coordinates its modifiers, not its head)."""
    if head.dep_ != "conj" or head.ent_type_ != "ORG" or head.head.pos_ != "PROPN":
        return False
    first = head.head
    return first.ent_type_ == "ORG" and all(t.ent_iob_ == "I" for t in head.doc[first.i + 1: head.i + 1])


def proper_extension(ctx: ArticleContext, head: Token) -> Span | None:
    """'infrastructure projects at the EDCA sites': a place phrase that delimits a generic head."""
    after = head.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(head.doc) else None
    if after is not None and after.text == "," and after.i + 1 < head.sent.end and _set_off(head.doc[after.i + 1]):
        after = head.doc[after.i + 1]  # 'a second border centre, at La Tina-Macará, next year'
    for prep in [*head.children, *([after] if after is not None else [])]:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "on", "for", "near") and prep.i > head.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.tag_ == "NNS" and obj.lemma_.lower() in ctx.lex.words("project_area_nouns"):
                continue  # 'hydrogen projects in the A and B regions': many areas, a kind of projects
            if obj is not None and obj.ent_type_ in ("DATE", "TIME"):
                continue  # 'a loan to the bullet-train line on Friday': a time, not a site
            span = head.doc[prep.i: obj.i + 1] if obj is not None else None
            if span is not None and any(t.pos_ == "PROPN" and not state_word(ctx, t) for t in span):
                return span
    return None


def _set_off(prep: Token) -> bool:
    """A place phrase between commas ('at La Tina-Macará,'), which the parser hangs on the verb."""
    last = prep.right_edge  # the closing comma may hang inside the phrase
    closed = last.text in (",", ";") or last.i + 1 < len(prep.doc) and prep.doc[last.i + 1].text in (",", ".", ";")
    return prep.dep_ == "prep" and prep.lower_ in ("at", "in", "near") and closed


def named_route_phrase(ctx: ArticleContext, head: Token) -> Span | None:
    """'between the new terminal and the Kelani Valley line': a route whose ends are named
    facilities, not places, still tells the project apart by their names."""
    if head.lemma_.lower() not in ctx.lex.words("project_route_heads"):
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("between", "from")), None)
    if prep is None:
        return None
    span = subtree_span(prep)
    if len(span) > 12 or not any(t.pos_ == "PROPN" and not state_word(ctx, t) for t in span):
        return None
    return span


def state_word(ctx: ArticleContext, token: Token) -> bool:
    return ctx.gaz.state(token.text) is not None or ctx.gaz.state_by_demonym(token.text) is not None


def shared_by_states(ctx: ArticleContext, core: Span) -> bool:
    """Two states in a facility's phrase make it a joint, cross-border undertaking."""
    states = {(ctx.gaz.state(t.text) or ctx.gaz.state_by_demonym(t.text)).name for t in core if state_word(ctx, t)}
    return len(states) >= 2


def named_by_states(ctx: ArticleContext, core: Span, head: Token) -> bool:
    """'the Egypt-Sudan railway': a name of states only, which many projects share; the towns its
    route links ('linking Aswan with Wadi Halfa') tell it apart."""
    return all(state_word(ctx, t) for t in core if t.pos_ == "PROPN" and t.i != head.i)


def in_headline(token: Token) -> bool:
    """A sentence that ends without a full stop is a headline or a subhead."""
    text = token.sent.text.rstrip()
    return bool(text) and text[-1] not in ".!?\"”’)"


def dedupe(refs: list[Ref]) -> list[Ref]:
    out = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out
