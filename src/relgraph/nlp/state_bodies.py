"""A state's bodies named with a common noun: its legislature ("Lebanon's parliament", 'the
Parliament of Ruritania' -> Parliament of <State>, named like a ministry) and its missions abroad
('the Chinese embassy in Manila' -> Embassy of China in the Philippines)."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, Mention, clean_name
from relgraph.nlp.ministry_names import state_named_before, state_phrase
from relgraph.nlp.org_shapes import org_shapes
from relgraph.records import Ref

LEGISLATURE = "Parliament"
PRESIDENCY = "Presidency"

AddBody = Callable[[ArticleContext, Span, str, str], None]
StateAfter = Callable[[ArticleContext, Span], str | None]


def extract_legislatures(ctx: ArticleContext, add_body: AddBody, state_after: StateAfter) -> None:
    """Every legislature word bound to a state before or after it becomes that state's parliament."""
    for token in ctx.index.tokens(ctx.index.with_lower(org_shapes().legislature_words)):
        if token.lower_ not in org_shapes().legislature_words or not _free(ctx, token):
            continue
        span = _with_unknown_name(ctx, token)
        if ctx.is_excluded(span) or _own_name_follows(ctx, span):
            continue
        state = state_named_before(ctx, span) or state_after(ctx, span)
        if state is not None:
            add_body(ctx, span, LEGISLATURE, state)
    _extract_presidencies(ctx, add_body)


def _extract_presidencies(ctx: ArticleContext, add_body: AddBody) -> None:
    """'the Ruritanian presidency said', "according to Ruritania's presidency": the office of the
    state's head, named like a ministry (Presidency of <State>). Not a term in office: "Ruritania's
    presidency of the Council" has 'of' after it, 'its G20 presidency' no state right before it."""
    doc = ctx.doc
    words = org_shapes().presidency_words
    # found in the text, not by a pass over every token: the word is rare
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words))) + r")\b", re.IGNORECASE)
    for found in pattern.finditer(ctx.text):
        piece = doc.char_span(found.start(), found.end())
        if piece is None or len(piece) != 1 or not _free(ctx, piece[0]):
            continue
        token = piece[0]
        span = _with_unknown_name(ctx, token)
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if ctx.is_excluded(span) or nxt is not None and nxt.lower_ == "of":
            continue
        state = state_named_before(ctx, span)
        if state is not None:
            add_body(ctx, span, PRESIDENCY, state)


def extract_generic_bodies(ctx: ArticleContext, add_body: AddBody, state_after: StateAfter) -> None:
    """"Ruritania's Central Bank", 'the Supreme Court of Ruritania': a body named only by generic
    words belongs to the state named beside it and is named '<Body> of <State>'. A demonym inside
    the name ('the Ruritanian Coast Guard') is the body's own name and stays."""
    words = org_shapes().generic_body_words
    heads = org_shapes().heads
    for ent in ctx.ents:
        title = clean_name(ent.text)
        parts = title.lower().split()
        if ent.label_ != "ORG" or not parts or not all(w in words for w in parts) \
                or not any(w in heads for w in parts) or ctx.is_excluded(ent):
            continue
        mention = ctx.by_token.get(ent.start + (1 if ent[0].lower_ == "the" else 0))
        if mention is not None and (mention.ref.kind != "organization" or mention.ref.key != title):
            continue   # a known body or another reading holds the words
        state = _possessor_state(ctx, ent) or state_after(ctx, ent)
        if state is not None:
            add_body(ctx, ent, title, state)


def _possessor_state(ctx: ArticleContext, ent: Span) -> str | None:
    """"Ruritania's" right before the name."""
    doc = ctx.doc
    i = ent.start - 1
    if i >= 1 and doc[i].text in ("'s", "\u2019s"):
        mention = ctx.by_token.get(i - 1)
        if mention is not None and mention.ref.kind == "state":
            return mention.ref.key
    return None


def extract_missions(ctx: ArticleContext, state_after: StateAfter) -> None:
    """'the Ruritanian embassy in Tarsk', "Ruritania's consulate in Westland": the sending state
    before the noun (or 'of <State>' after it) and the place after 'in' name the mission."""
    doc = ctx.doc
    for token in ctx.index.tokens(ctx.index.with_lower(org_shapes().mission_words)):
        if token.lower_ not in org_shapes().mission_words or not _free(ctx, token, own_mention_ok=False):
            continue
        noun = doc[token.i:token.i + 1]
        sender = state_named_before(ctx, noun) or state_after(ctx, noun)
        after = token.i + (3 if sender and not state_named_before(ctx, noun) else 1)
        host = _host_place(ctx, after)
        if sender is None or ctx.is_excluded(noun) or _as_a_building(token):
            continue
        if host is None:
            if token.dep_ in ("nsubj", "nsubjpass") and state_named_before(ctx, noun):
                _add_unplaced_mission(ctx, noun, token, sender)   # 'the Ruritanian embassy said'
            continue
        host_state, end = host
        if host_state == sender:
            continue   # 'the ministry's embassy department in Tarsk': not a mission abroad
        start = noun.start
        if state_named_before(ctx, noun):   # 'the Ruritanian embassy', "Ruritania's embassy"
            start -= 2 if doc[noun.start - 1].text in ("'s", "\u2019s") else 1
        key = f"{token.text.capitalize()} of {state_phrase(sender)} in {state_phrase(host_state)}"
        _add_mission(ctx, doc[start:end], key, sender)


def _add_unplaced_mission(ctx: ArticleContext, noun: Span, token: Token, sender: str) -> None:
    """A mission that acts with no host place named, in a story about two states one of which
    sends it: its host is the other ('the Ruritanian embassy said', in a Ruritania-Westland story)."""
    pair = ctx.main_pair()
    if len(pair) != 2 or sender not in pair:
        return
    host = pair[1] if pair[0] == sender else pair[0]
    doc = ctx.doc
    start = noun.start - (2 if doc[noun.start - 1].text in ("'s", "\u2019s") else 1)
    key = f"{token.text.capitalize()} of {state_phrase(sender)} in {state_phrase(host)}"
    _add_mission(ctx, doc[start:noun.end], key, sender)


def extract_bilateral_bodies(ctx: ArticleContext) -> None:
    """'the Ruritania-Westland joint commission on migration', 'the Ruritanian-Westlandic
    intergovernmental commission for economic cooperation': two states joined by a hyphen before a
    body noun name a bilateral body, written in lower case as often as not; named as written."""
    doc = ctx.doc
    shapes = org_shapes()
    for token in ctx.index.tokens(ctx.index.with_lower(shapes.bilateral_body_nouns)):
        if token.lower_ not in shapes.bilateral_body_nouns or token.text != token.lower_ \
                or token.i in ctx.by_token or token.i in ctx.post_tokens:
            continue
        i = token.i
        while i > 0 and token.i - i < 3 and doc[i - 1].pos_ == "ADJ" and doc[i - 1].text.islower():
            i -= 1   # 'joint', 'intergovernmental'
        if i < 3 or doc[i - 2].text not in ("-", "\u2013") or not (_state_token(ctx, doc[i - 1])
                                                                   and _state_token(ctx, doc[i - 3])):
            continue
        end = _remit_end(doc, token.i + 1)
        span = doc[i - 3:end]
        mention = Mention(Ref("organization", clean_name(span.text)), token.i, token.i + 1, "name")
        ctx.by_token[token.i] = mention   # the states keep their own mentions
        ctx.mentions.append(mention)
        entity = ctx.records.entity("organization", mention.ref.key)
        entity.names.add(mention.ref.key)
        entity.evidence.append(ctx.evidence(span, "bilateral-body-pattern", 0.7))


def extract_regional_governments(ctx: ArticleContext) -> None:
    """'the government of Westmark', 'the Westmark government': the government of a place that is
    no state (a province, a region, a city) is an organisation of its own; a state's government is
    the state, and a national capital's stands for its state ('the Beijing government')."""
    doc = ctx.doc
    words = org_shapes().government_heads
    # NER may call the place a nationality before 'government' ('the Westmark government'); a
    # name the article also uses as a place is the place
    places = {clean_name(e.text) for e in ctx.ents if e.label_ == "GPE"}
    for ent in ctx.ents:
        if ent.label_ not in ("GPE", "NORP") or ent.label_ == "NORP" and clean_name(ent.text) not in places \
                or ent.ent_id_ or not _regional_place(ctx, ent):
            continue
        before = ent.start - 2
        if before >= 1 and doc[before + 1].lower_ == "of" and doc[before].lower_ in words:
            word, span = doc[before], doc[before:ent.end]
        elif ent.end < len(doc) and doc[ent.end].lower_ in words:
            word, span = doc[ent.end], doc[ent.start:ent.end + 1]
        else:
            continue
        if word.i in ctx.by_token or word.i in ctx.post_tokens:
            continue
        name = clean_name(ent.text)
        key = f"Government of {name}"
        mention = Mention(Ref("organization", key), word.i, word.i + 1, "name")
        ctx.by_token[word.i] = mention   # the place keeps its own mention
        ctx.mentions.append(mention)
        entity = ctx.records.entity("organization", key)
        entity.names |= {key, f"{name} government"}
        entity.evidence.append(ctx.evidence(span, "regional-government-pattern", 0.7))


def _regional_place(ctx: ArticleContext, ent: Span) -> bool:
    """A place no gazetteer knows as a state, a demonym, a body or a national capital."""
    name = clean_name(ent.text)
    held = {ctx.by_token[i].ref.kind for i in range(ent.start, ent.end) if i in ctx.by_token}
    if held - {"city"} or ctx.gaz.state(name) or ctx.gaz.state_by_demonym(name) or ctx.gaz.organization(name):
        return False
    return ctx.gaz.state_by_capital(name) is None


def _remit_end(doc, i: int) -> int:
    """'... on migration', '... for economic cooperation': the body's remit in lower case."""
    if i + 1 >= len(doc) or doc[i].lower_ not in ("on", "for"):
        return i
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].pos_ in ("NOUN", "ADJ") and doc[j].text.islower():
        j += 1
    return j if doc[j - 1].pos_ == "NOUN" else i


def _state_token(ctx: ArticleContext, token: Token) -> bool:
    mention = ctx.by_token.get(token.i)
    if mention is not None:
        return mention.ref.kind == "state"
    return bool(ctx.gaz.state(token.text) or ctx.gaz.state_by_demonym(token.text))


def _as_a_building(token: Token) -> bool:
    """'the reopening of Ruritania's embassy in Tarsk', 'the closure of the embassy': the mission's
    premises, the object of what is done to them, not a body that acts."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN"


def _host_place(ctx: ArticleContext, i: int) -> tuple[str, int] | None:
    """'in Manila' / 'in the Philippines' at token i: the host state and the end of the place."""
    doc = ctx.doc
    if i >= len(doc) or doc[i].lower_ != "in":
        return None
    j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else i + 1
    mention = ctx.by_token.get(j)
    if mention is None or mention.ref.kind not in ("city", "state"):
        return None
    state = ctx.state_of(mention.ref)
    return (state, mention.end) if state else None


def _add_mission(ctx: ArticleContext, span: Span, key: str, sender: str) -> None:
    noun = next(t for t in span if t.lower_ in org_shapes().mission_words)
    ctx.by_token[noun.i] = mention = Mention(Ref("organization", key), noun.i, noun.i + 1, "name")
    ctx.mentions.append(mention)   # the sender and host keep their own mentions
    entity = ctx.records.entity("organization", key)
    entity.names |= {key, clean_name(span.text)}
    entity.state = sender
    entity.evidence.append(ctx.evidence(span, "mission-pattern", 0.75))


def _own_name_follows(ctx: ArticleContext, span: Span) -> bool:
    """"Ruritania's parliament, the Grand Khural, ...": the body's own name in apposition is read
    already; a second node for the common noun would duplicate it."""
    doc = ctx.doc
    i = span.end + 1
    if span.end >= len(doc) or doc[span.end].text != ",":
        return False
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    mention = ctx.by_token.get(i)
    return mention is not None and mention.ref.kind == "organization"


def _free(ctx: ArticleContext, token: Token, own_mention_ok: bool = True) -> bool:
    """Not part of an office title, a known body or a longer name ('Parliament Hill')."""
    doc = token.doc
    if token.i in ctx.post_tokens:
        return False
    mention = ctx.by_token.get(token.i)
    if mention is not None and (not own_mention_ok or mention.ref.kind != "organization"
                                or ctx.gaz.organization(mention.ref.key)):
        return False
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return nxt is None or not (nxt.text[:1].isupper() and nxt.is_alpha)


def _with_unknown_name(ctx: ArticleContext, token: Token) -> Span:
    """The word, or the whole unknown organisation NER made of it ('the Ruritanian Parliament')."""
    mention = ctx.by_token.get(token.i)
    if mention is not None and mention.end == token.i + 1:
        return ctx.doc[mention.start:token.i + 1]
    return ctx.doc[token.i:token.i + 1]
