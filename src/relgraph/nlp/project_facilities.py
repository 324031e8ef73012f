"""The general shape of a named facility: a proper name that is neither a place, a state nor an
owner, before a facility noun ('the Grand Faw port', 'the Torkham crossing', 'the Tengiz field'),
or several names coordinated before one plural noun ('the A and B crossings'). Such a facility is
an undertaking the story tells of, built or not, unless it is only the venue of a visit or of an
arrival ('On arrival at the X Airport', 'due to visit a Y plant')."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_aliases import ALIAS_VERBS
from relgraph.nlp.project_names import state_word
from relgraph.nlp.project_words import actor_before_participle, is_place, proper


def facility_name_words(ctx: ArticleContext, core: Span, head: Token) -> frozenset[str]:
    """The proper words of a facility's phrase that name it: not a state, not a place it is named
    after ('Karachi port'), not the organisation that owns or runs it ('the Equinor terminal',
    'the Chevron-led field')."""
    start = max((t.i for t in core if t.i > core.start and actor_before_participle(ctx, t.i)), default=core.start)
    units = ctx.lex.words("project_measure_units") | ctx.lex.words("project_generic_modifiers")
    words = set()
    for tok in core.doc[start:core.end]:
        if tok.i == head.i or not proper(tok) or state_word(ctx, tok) or is_place(ctx, tok) or tok.lower_ in units:
            continue
        m = ctx.mention_at(tok)
        if m is not None and m.ref.kind == "organization" and ctx.gaz.organization(ctx.doc[m.start:m.end].text) is not None:
            continue  # a company the gazetteer knows owns the facility; an unknown 'organisation' is NER's misreading of the name
        words.add(tok.lower_)
    return frozenset(words)


def named_facility(ctx: ArticleContext, head: Token, core: Span | None) -> bool:
    """'the Grand Faw port', 'the reopened Kyzyl-Bel crossing': a facility noun (data:
    project_named_facility_heads) with a name of its own, that is not only where a visit happens."""
    if core is None or head.lemma_.lower() not in ctx.lex.words("project_named_facility_heads"):
        return False
    return bool(facility_name_words(ctx, core, head)) and not event_venue(ctx, head) and not _second_name(head)


def _second_name(head: Token) -> bool:
    """'The canal, also called the Qush Tepa canal, ...': a name given in a participle clause is
    another spelling of a project the text told of before, no project of its own."""
    verb = head.head
    if head.dep_ not in ("oprd", "dobj", "attr") or verb.lemma_.lower() not in ALIAS_VERBS or verb.tag_ not in ("VBN", "VBD"):
        return False
    before = next((t for t in reversed(head.doc[verb.sent.start: verb.i]) if t.pos_ != "ADV"), None)
    return before is not None and before.text == ","


def arrival_venue(ctx: ArticleContext, head: Token) -> bool:
    """'On arrival at the X International Airport': where a visitor lands is no undertaking, whatever
    names it (data: project_arrival_nouns)."""
    prep = _venue_prep(ctx, head)
    return prep is not None and prep.head.lemma_.lower() in ctx.lex.words("project_arrival_nouns")


def event_venue(ctx: ArticleContext, head: Token) -> bool:
    """'landed at the Y port', 'due to visit the Z refinery', 'told reporters at the W bridge',
    'talks at the V terminal': a facility that is only the place an event happens (data:
    project_venue_nouns, project_visit_verbs), for facilities that only their name makes projects;
    not 'closures at the X port', 'output at the Y field', where a noun says what happens to it."""
    lex = ctx.lex
    if head.dep_ == "dobj" and head.head.lemma_.lower() in lex.words("project_visit_verbs"):
        return True
    prep = _venue_prep(ctx, head)
    if prep is None:
        return False
    governor = prep.head
    return governor.pos_ in ("VERB", "AUX") or governor.lemma_.lower() in lex.words("project_venue_nouns") | \
        lex.words("project_arrival_nouns")


def _venue_prep(ctx: ArticleContext, head: Token) -> Token | None:
    """The 'at', 'on' a facility hangs from, past coordinated ones ('at A in India and at B')."""
    if head.dep_ != "pobj" or head.head.lower_ not in ctx.lex.words("project_venue_preps"):
        return None
    prep = head.head
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
        prep = prep.head
    return prep


def coordinated_names(ctx: ArticleContext, head: Token) -> list[Span]:
    """'the Kyzyl-Bel and Guliston crossings', 'the A and B wind farms': the names coordinated before
    one plural facility noun (data: project_named_facility_heads, project_coordinated_heads), each a
    facility of its own; [] when the noun has fewer than two."""
    lex = ctx.lex
    lemma = head.lemma_.lower()
    facility = lemma in lex.words("project_named_facility_heads")
    if head.tag_ not in ("NNS", "NNPS") or not (facility or lemma in lex.words("project_coordinated_heads")):
        return []
    first = next((c for c in head.children if c.dep_ in ("compound", "nmod", "amod") and c.i < head.i and c.pos_ == "PROPN"
                  and any(k.dep_ == "conj" for k in c.children)), None)
    if first is not None:
        names = [_name_span(first)] + [_name_span(c) for c in first.conjuncts if c.i < head.i and _capitalised(c)]
    else:
        names = _names_parsed_as_conjuncts(head)
    if facility:
        return [n for n in names if facility_name_words(ctx, n, head)] if len(names) >= 2 else []
    # a plant or a farm named after its place is still that one plant: any name but a state's
    names = [n for n in names if any(proper(t) or _capitalised(t) for t in n if not state_word(ctx, t))]
    return names if len(names) >= 2 else []


def _names_parsed_as_conjuncts(head: Token) -> list[Span]:
    """'the Karatau and Ulken wind farms', which the parser reads as 'Karatau' and 'Ulken wind
    farms': a bare name, 'and', then a capitalised word opening the plural noun's phrase."""
    first, doc = head.head, head.doc
    if head.dep_ != "conj" or first.pos_ != "PROPN" or first.i >= head.i or first.i + 2 >= head.i:
        return []
    if doc[first.i + 1].lower_ != "and" or not _capitalised(doc[first.i + 2]) or \
            any(c.dep_ not in ("compound", "det", "punct", "cc", "conj", "prep") for c in first.children):
        return []
    second = doc[first.i + 2]
    if second.head.i != head.i or any(t.pos_ in ("DET", "VERB", "AUX", "ADP") for t in doc[first.i + 2: head.i]):
        return []
    return [_name_span(first), doc[second.i: second.i + 1]]


def coordinated_kind(head: Token, names: list[Span]) -> str:
    """'the Bash and Dzhankeldy wind farms' -> 'wind farm': the words between the last name and the
    plural noun say what each one is."""
    last = max(n.end for n in names)
    words = [t.text for t in head.doc[last: head.i] if not t.is_punct and t.pos_ != "CCONJ"]
    return " ".join([*words, head.lemma_])


def _capitalised(token: Token) -> bool:
    """A name the tagger may read as an adjective ('the Bash and Dzhankeldy farms')."""
    return token.pos_ == "PROPN" or token.text[:1].isupper() and token.i != token.sent.start and token.pos_ in ("ADJ", "NOUN")


def _name_span(token: Token) -> Span:
    """'Kyzyl-Bel' from its head 'Bel', 'Nam Theun 2' from 'Theun': the token with the compounds
    and hyphens before it and a number right after it."""
    start = min((t.i for t in token.children if t.dep_ in ("compound", "punct") and t.i < token.i), default=token.i)
    end = token.i + 1
    if end < len(token.doc) and token.doc[end].dep_ == "nummod" and token.doc[end].head.i == token.i:
        end += 1
    return token.doc[start: end]


def sited_facility(ctx: ArticleContext, head: Token, site: Span) -> bool:
    """'the bridge at Kazungula, which ... carries a rail track', 'the existing centre at A-B': a
    facility noun (data: project_sited_facility_heads) delimited by the named place it stands at is
    one facility the story tells of, built or not; not where it is only the venue of an event."""
    if head.lemma_.lower() not in ctx.lex.words("project_sited_facility_heads"):
        return False
    return site[0].lower_ in ("at", "near") and not event_venue(ctx, head)
