"""Who takes part: actors of a clause, 'the two countries', metonymic capitals."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, Mention
from relgraph.records import Ref

AGENT_KINDS = ("person", "state", "organization", "city")


def as_actor(ctx: ArticleContext, m: Mention) -> Ref | None:
    """An actor reference: a capital city standing for its government becomes the state."""
    if m.ref.kind == "city":
        entry = ctx.gaz.state_by_capital(m.ref.key)
        return Ref("state", entry.name) if entry else None
    if m.ref.kind in ("person", "state", "organization"):
        return m.ref
    return None


LOCATIVE = {"in", "at", "to", "from", "near", "outside", "inside", "into", "across", "via"}


def _locative(token: Token) -> bool:
    head = token
    while head.dep_ in ("compound", "conj", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def pair_refs(ctx: ArticleContext, span: Span) -> list[Ref]:
    """'the two countries', 'both sides', 'bilateral' -> the story's two main states."""
    text = span.text.lower()
    if any(p in text for p in ctx.lex.facts["pair_phrases"]):
        earlier = [r for r in actors_in(ctx, ctx.doc[span.sent.start:span.start]) if r.kind == "state"]
        if len(earlier) == 2:  # 'X and Y ended a dispute in a declaration the two countries signed'
            return earlier
        return [Ref("state", s) for s in ctx.main_pair()]
    if any(p in text for p in ctx.lex.facts["person_pair_phrases"]):
        return [Ref("person", p) for p in ctx.main_people()]
    return []


def actors_in(ctx: ArticleContext, tokens: Span | list[Token]) -> list[Ref]:
    """Actors mentioned in a token range, in order, each once."""
    if isinstance(tokens, Span):
        start, end = tokens.start, tokens.end
    else:
        if not tokens:
            return []
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    out: list[Ref] = []
    for m in ctx.mentions_in(start, end, AGENT_KINDS):
        if m.ref.kind == "city" and _locative(ctx.doc[m.end - 1]):
            continue  # 'signed in Beijing': where, not who
        ref = as_actor(ctx, m)
        if ref and ref not in out:
            out.append(ref)
    return out


def subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i: token.right_edge.i + 1]


def subject_of(token: Token) -> Token | None:
    """The grammatical subject of the clause a token belongs to (following xcomp/conj/acl up)."""
    head = token
    for _ in range(5):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                if child.dep_ == "agent":
                    pobj = [c for c in child.children if c.dep_ == "pobj"]
                    return pobj[0] if pobj else None
                if child.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
                    return head.head
                return child
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def subject_actors(ctx: ArticleContext, token: Token) -> list[Ref]:
    subj = subject_of(token)
    if subj is None:
        return []
    span = subtree_span(subj)
    refs = actors_in(ctx, span) or pair_refs(ctx, span)
    if not refs:  # 'ISTANBUL, July 22 (AFP) - Russia and Ukraine signed': the parser makes the
        # dateline a second subject; the one that names actors is the real one
        for other in subj.head.children:
            if other.dep_ == "nsubj" and other.i != subj.i:
                refs = actors_in(ctx, subtree_span(other)) or pair_refs(ctx, subtree_span(other))
                if refs:
                    break
    if not refs and subj.lower_ in ("he", "she"):
        person = antecedent_person(ctx, subj)
        refs = [person] if person else []
    if not refs and subj.lower_ in ("they", "both"):
        refs = [Ref("state", s) for s in ctx.main_pair()]
    return refs


def antecedent_person(ctx: ArticleContext, pronoun: Token) -> Ref | None:
    """Who 'he'/'she' is: the person subject of the sentence before, else the closest person named
    earlier in this sentence or the one before."""
    sent = pronoun.sent
    previous = ctx.doc[sent.start - 1].sent if sent.start > 0 else None
    if previous is not None:
        subj = subject_of(previous.root)
        if subj is not None:
            people = [r for r in actors_in(ctx, subtree_span(subj)) if r.kind == "person"]
            if len(people) == 1:
                return people[0]
    floor = previous.start if previous is not None else sent.start
    for i in range(pronoun.i - 1, floor - 1, -1):
        m = ctx.by_token.get(i)
        if m is not None and m.ref.kind == "person":
            return m.ref
    return None


def with_states(ctx: ArticleContext, refs: list[Ref]) -> list[Ref]:
    """Add the state each person/organisation acts for, so reports can be matched on states too;
    a bilateral body ('Pak-Russian Intergovernmental Commission') stands for both its states."""
    out = list(refs)
    for ref in refs:
        if ref.kind in ("person", "organization"):
            state = ctx.state_of(ref)
            states = [state] if state else (states_in_compound(ctx, ref.key) if ref.kind == "organization" else [])
            out += [Ref("state", s) for s in states if Ref("state", s) not in out]
    return out


def states_in_compound(ctx: ArticleContext, name: str) -> list[str]:
    """'Pak-Russian ...' -> [Pakistan, Russia]; 'India-China Border ...' -> [India, China]; the first
    state's name may have two words ('Viet Nam-Korea ...', 'South Africa-China ...')."""
    words = name.split()
    for i, word in enumerate(words):
        parts = [p for p in word.split("-") if p]
        if len(parts) < 2:
            continue
        if i and ctx.gaz.state(f"{words[i - 1]} {parts[0]}"):
            parts[0] = f"{words[i - 1]} {parts[0]}"   # 'Nam' alone would be read as a clipped 'Namibia'
        states = [_state_or_prefix(ctx, p) for p in parts]
        if all(states) and len(set(states)) == len(states):
            return states
    return []


def _state_or_prefix(ctx: ArticleContext, part: str) -> str | None:
    hit = ctx.gaz.state(part) or ctx.gaz.state_by_demonym(part)
    if hit:
        return hit.name
    if len(part) < 3 or not part[0].isupper():
        return None
    # A clipped form ('Pak', 'Indo') names a state when exactly one state name starts with it.
    prefix = part.lower()
    matches = {s.name for s in ctx.gaz.states if s.sovereign and not s.historical
               and any(n.lower().startswith(prefix) for n in (s.name, *s.demonyms))}
    return matches.pop() if len(matches) == 1 else None


def place_in(ctx: ArticleContext, token: Token, preps: tuple[str, ...] = ("in", "at")) -> Ref | None:
    """'talks in Istanbul', 'held ... in Moscow': a place attached by in/at to the trigger, or to the
    verb whose object the trigger is. A city wins over a state."""
    holders = [token]
    if token.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") or token.dep_ == "pobj" and token.head.dep_ == "agent":
        holders.append(token.head)
    for child in list(token.children):
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            holders.append(child)  # "the commission held later this year in Moscow"
    candidates = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for t in prep.children:
                if t.dep_ != "pobj":
                    continue
                for x in [t, *t.conjuncts]:
                    m = ctx.mention_at(x)
                    if m and m.ref.kind in ("city", "state"):
                        candidates.append(m.ref)
    if not candidates:  # 'talks between X and Y in Istanbul', 'the commission held ... in Moscow'
        for t in subtree_span(token):
            if t.dep_ == "pobj" and t.head.lower_ in preps and _within_phrase(t, token):
                m = ctx.mention_at(t)
                if m and m.ref.kind == "city":
                    candidates.append(m.ref)
    cities = [c for c in candidates if c.kind == "city"]
    return (cities or candidates or [None])[0] or where_place(ctx, token)


def where_place(ctx: ArticleContext, token: Token) -> Ref | None:
    """'... in Perth, where Kishida arrived for a visit': the place a where-clause hangs from."""
    verb = token
    while verb.dep_ in ("pobj", "prep", "dobj", "xcomp") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    place = verb.head
    while place.dep_ == "appos" and ctx.mention_at(place) is None:
        place = place.head
    m = ctx.mention_at(place)
    return m.ref if m and m.ref.kind in ("city", "state") else None


def _within_phrase(t: Token, top: Token) -> bool:
    """True when the path from `t` up to `top` crosses no relative, reported or adverbial clause."""
    node = t
    while node.i != top.i:
        if node.dep_ in ("relcl", "ccomp", "advcl", "xcomp", "pcomp"):
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True


def governing_noun(token: Token) -> Token:
    """'the 5th round of bilateral consultations' -> 'round': climb of-chains to the phrase head."""
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PROPN"):
        token = token.head.head
    return token
