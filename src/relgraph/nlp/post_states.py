"""The states officials serve in their posts, and the role records: a title's own state word, the
body it heads, or, for a bare title, the story's two sides."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext, Mention
from relgraph.nlp.entities import nearest_state
from relgraph.nlp.post_bodies import (
    HeadedBody, body_names, is_staff_title, mention_before_title, named_body_before, organization_of_post,
    organization_post_state, organization_title,
)
from relgraph.nlp.posts import state_word_in
from relgraph.records import Ref, RoleRecord

ORG_POST = "\x00organization"


@dataclass
class PostMention:
    span: Span
    role: str | None           # None for "counterpart" until resolved
    state: str | None = None
    person: str | None = None
    generic: str | None = None  # the listed title a longer one was read from ('Foreign Minister')
    guess_state: bool = True    # False for a title several holders share: the sentence tells not whose is whose
    state_at: int | None = None  # a place named right after the holder ('X of Armenia'), read as the state


def assign_roles(ctx: ArticleContext, posts: list[PostMention]) -> None:
    """Give each named post its state, resolve 'counterpart', and record the roles."""
    previous, names, bodies = None, None, {}
    for post in posts:
        post.state = _state_after_holder(ctx, post) or _explicit_state(ctx, post.span) \
            or _coordinated_state(ctx, previous, post)
        if post.state is None and post.span.start > 0 and ctx.doc[post.span.start - 1].pos_ in ("PROPN", "PART"):
            names = body_names(ctx) if names is None else names
            if (body := named_body_before(ctx, post.span, names)) is not None:
                post.state, bodies[id(post)] = ORG_POST, body
        if post.state and post.state != ORG_POST and post.role:
            _title_with_stateless_body(ctx, post)
        previous = post
    named = {id(p): p.state for p in posts if p.state and p.state != ORG_POST}  # before any guess
    for post in posts:
        if post.state == ORG_POST:
            post.state = None
            if _record_organization_post(ctx, post, bodies.get(id(post))):
                continue
        if post.role is None:
            other = _other_post_in_sentence(posts, post)
            role = (other.generic or other.role) if other else _role_of_person_before(ctx, post)
            post.role = _counterpart_role(ctx, role) if role else None
            # of the other side, but which: the sentence names no other official whose state to exclude
            post.guess_state = post.guess_state and other is not None
        if post.role is None:
            continue
        if post.person is None:
            continue
        known = ctx.gaz.person(post.person) if post.state is None else None
        if known is not None and known.state:
            post.state, confidence = known.state, 0.8  # 'Prime Minister Narendra Modi': the gazetteer knows
        elif post.state is None and not post.guess_state:
            confidence = 0.6
        elif post.state is None:
            exclude = {named[id(p)] for p in posts if p.person and p.person != post.person and id(p) in named
                       and p.span.sent == post.span.sent}
            post.state = _bare_title_state(ctx, posts, post, exclude)
            confidence = 0.6
        else:
            confidence = 0.9
        ctx.person_roles.setdefault(post.person, (post.role, post.state))
        ctx.records.roles.append(
            RoleRecord(post.person, post.role, post.state, ctx.evidence(post.span, "post-title", confidence))
        )
    _possessive_state_holders(ctx, posts)
    _settle_guessed_states(ctx)
    _link_bare_posts(ctx, posts)
    _companions_states(ctx, posts)


def _companions_states(ctx: ArticleContext, posts: list[PostMention]) -> None:
    """'The King ... was accompanied by Prime Minister X and Foreign Minister Y': officials whose state
    was only guessed serve the state of the one they accompany (a delegation travels with its head);
    the companions of an organisation's officer who serves no state serve none either."""
    confident: dict[str, list[str | None]] = {}
    guessed: dict[str, list[str | None]] = {}
    for r in ctx.records.roles:
        (confident if r.evidence.confidence >= 0.8 else guessed).setdefault(r.person, []).append(r.state)
    for post in posts:
        if not post.person or post.person in confident:
            continue
        head = _accompanied(ctx, posts, post.span)
        # the head's own state, else the one guessed for it: the two sides are one delegation either way
        states = confident.get(head) or guessed.get(head) if head != post.person else None
        if not states:
            continue
        state = next((s for s in states if s), None)
        for i, r in enumerate(ctx.records.roles):
            if r.person == post.person and r.state != state:
                ctx.records.roles[i] = RoleRecord(r.person, r.role, state, r.evidence)
        if post.person in ctx.person_roles:
            ctx.person_roles[post.person] = (ctx.person_roles[post.person][0], state)


def _accompanied(ctx: ArticleContext, posts: list[PostMention], span: Span) -> str | None:
    """The person the holder of a title in the agent of 'accompanied by' accompanies: the passive
    verb's subject (or the noun a 'who' clause hangs on), when a person's mention stands there or a
    title only one person of the article holds ('The King, who arrived ..., was accompanied by')."""
    verbs = ctx.lex.post_shapes.get("companion_verbs", frozenset())
    agent = next((t for t in [span.root, *span.root.ancestors]
                  if t.dep_ == "agent" and t.head.lemma_ in verbs), None)
    if agent is None:
        return None
    verb = agent.head
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None:
        return None
    m = ctx.by_token.get(subject.i)
    if m is not None:
        return m.ref.key if m.ref.kind == "person" else None
    title = next((p.role for p in posts if p.role and p.span.start <= subject.i < p.span.end), None)
    holders = {r.person for r in ctx.records.roles if r.role == title}
    return holders.pop() if title and len(holders) == 1 else None


def _possessive_state_holders(ctx: ArticleContext, posts: list[PostMention]) -> None:
    """'Paraguay's President X, Uruguay's Y and Bolivia's Z', 'Estonia's Foreign Minister X hosted
    Latvia's Y': a name after a state's possessive, without a title of its own, serves that state,
    and holds the office of the titled official of another state named before it in the sentence
    (the story lists counterparts). A holder titled elsewhere without a state gets the state."""
    doc = ctx.doc
    titled = [p for p in posts if p.person and p.role and p.state and p.state != ORG_POST]
    roles: dict[str, list[RoleRecord]] = {}
    for r in ctx.records.roles:
        roles.setdefault(r.person, []).append(r)
    for m in ctx.mentions:
        if m.ref.kind != "state" or m.end + 1 >= len(doc) or doc[m.end].lower_ not in ("'s", "’s") \
                or doc[m.start].pos_ != "PROPN":
            continue
        holder = ctx.by_token.get(m.end + 1)
        state = ctx.state_of(m.ref)
        if holder is None or holder.ref.kind != "person" or holder.start != m.end + 1 or state is None:
            continue
        person, own = holder.ref.key, roles.get(holder.ref.key, [])
        if any(r.state for r in own):
            continue
        if own:
            role = own[0].role
        else:
            before = [p for p in titled if p.span.sent == doc[m.start].sent and p.span.end <= m.start
                      and p.state != state and p.person != person]
            if not before:
                continue
            role = before[-1].generic or before[-1].role
        record = RoleRecord(person, role, state, ctx.evidence(doc[m.start:holder.end], "post-title", 0.6))
        ctx.records.roles.append(record)
        roles.setdefault(person, []).append(record)
        ctx.person_roles.setdefault(person, (role, state))


def _state_after_holder(ctx: ArticleContext, post: PostMention) -> str | None:
    m = ctx.by_token.get(post.state_at) if post.state_at is not None else None
    return ctx.state_of(m.ref) if m is not None and m.ref.kind == "state" else None


def _coordinated_state(ctx: ArticleContext, previous: PostMention | None, post: PostMention) -> str | None:
    """'Iraqi Deputy Prime Minister and Foreign Minister X', 'the Ivorian Minister of State, Minister of
    Foreign Affairs, X': a title joined by 'and' or a comma to the one before it, held by the same
    person, serves the state that title names."""
    if previous is None or previous.state in (None, ORG_POST) or not post.person or previous.person != post.person:
        return None
    start = post.span.start
    joined = start >= 1 and previous.span.end == start - 1 and ctx.doc[start - 1].lower_ in ("and", ",")
    return previous.state if joined else None


def _bare_title_state(ctx: ArticleContext, posts: list[PostMention], post: PostMention,
                      exclude: set[str]) -> str | None:
    """The state of an official titled without one, within what the title allows: a king reigns in a
    monarchy ('King X received President Y': of the story's two states, the one with a crown)."""
    state = _bare_title_guess(ctx, posts, post, exclude)
    if not _monarch_title(ctx, post) or state is None or _is_monarchy(ctx, state):
        return state
    crowned = [s for s in ctx.main_pair() if _is_monarchy(ctx, s) and s not in exclude]
    return crowned[0] if len(crowned) == 1 else None


def _monarch_title(ctx: ArticleContext, post: PostMention) -> bool:
    role = (post.generic or post.role or "").lower()
    return role in ctx.lex.post_shapes.get("monarch_titles", frozenset())


def _is_monarchy(ctx: ArticleContext, state: str) -> bool:
    return state.lower() in ctx.lex.post_shapes.get("monarchies", frozenset())


def _bare_title_guess(ctx: ArticleContext, posts: list[PostMention], post: PostMention,
                      exclude: set[str]) -> str | None:
    """The state of an official titled without one. Beside an official of the other side ('Prime
    Minister X hosted his Singaporean counterpart'), the other state of the story's pair; else the
    one state the sentence itself names for nobody else ('Colombia was represented by Foreign
    Minister X'); else the story's home state, the one of the pair whose officials the text does
    not need to name ('Deputy President X met Chinese Vice President Y'); else the nearest state in
    the sentence."""
    pair = ctx.main_pair()
    others = [s for s in pair if s not in exclude]
    if exclude and len(pair) == 2 and len(others) == 1:
        return others[0]
    return (_only_state_in_sentence(ctx, post.span, exclude) or _home_state(posts, pair)
            or nearest_state(ctx, post.span.root, exclude) or ctx.primary_state())


def _only_state_in_sentence(ctx: ArticleContext, span: Span, exclude: set[str]) -> str | None:
    """The one state the sentence names by its name or its bodies' ('the Qatar Fund'), besides those
    of other officials and places visited: 'X was represented by Foreign Minister Y'. A demonym
    ('the Korean ambassador') or a city (a dateline, a venue) tells less about a bare title than
    the story's sides do."""
    sent = span.sent
    named = {ctx.state_of(m.ref) for m in ctx.mentions_in(sent.start, sent.end, ("state", "organization"))
             if m.ref.kind == "organization" or ctx.doc[m.start].pos_ == "PROPN"} - exclude - {None}
    if len(named) != 1:
        return None
    [state] = named
    others = {ctx.state_of(m.ref) for m in ctx.mentions_in(sent.start, sent.end, ("state", "city"))} - named
    # nearest_state passes over a place visited: then the state is the host's, not the official's
    return state if nearest_state(ctx, span.root, exclude | others) == state else None


def _home_state(posts: list[PostMention], pair: list[str]) -> str | None:
    """Of the story's two states, the one fewer of whose officials are named with their state word."""
    if len(pair) != 2:
        return None
    named = [state for _, state in {(p.person, p.state) for p in posts if p.person and p.state in pair}]
    first, second = (named.count(s) for s in pair)
    if first == second:
        return None
    return pair[0] if first < second else pair[1]


def _settle_guessed_states(ctx: ArticleContext) -> None:
    """A state only guessed from the sentence gives way to the one the text names for the same
    person elsewhere in the article ('South Africa's Deputy President Paul Mashatile' ... 'Mashatile
    met the Chinese premier'): an official serves one state."""
    named: dict[str, str] = {}
    for r in ctx.records.roles:
        if r.state and r.evidence.confidence >= 0.8:
            named.setdefault(r.person, r.state)
    for i, r in enumerate(ctx.records.roles):
        if r.evidence.confidence < 0.8 and r.person in named and r.state != named[r.person]:
            ctx.records.roles[i] = RoleRecord(r.person, r.role, named[r.person], r.evidence)
            if ctx.person_roles.get(r.person, (None, None))[1] == r.state:
                ctx.person_roles[r.person] = (ctx.person_roles[r.person][0], named[r.person])


def _title_with_stateless_body(ctx: ArticleContext, post: PostMention) -> None:
    """'Turkmenistan's deputy chairman of the Cabinet of Ministers': the state named before the title,
    the body it heads after it; the title keeps the body when the body names no state of its own."""
    body = organization_of_post(ctx, post.span)
    if body is not None and body.after and body.ref is None:
        post.role = organization_title(ctx, post.span, body)


def _record_organization_post(ctx: ArticleContext, post: PostMention, named_body: HeadedBody | None) -> bool:
    """An office of an organisation: 'UN Secretary-General' serves no state, 'Governor of the Bank of
    Ghana' serves Ghana. False when the body's state is unknown (the holder's state is looked for
    as for any official)."""
    body = organization_of_post(ctx, post.span) or named_body
    if body is None or not post.role:
        return not post.role
    if body.after:
        post.role = organization_title(ctx, post.span, body)
    elif post.role.lower() in ctx.lex.post_shapes["state_titles"] and not is_staff_title(ctx, post.span):
        # 'PDVSA president': a body's president, not a head of state; titled with the body as written
        post.role = f"{ctx.doc[body.start:body.end].text} {post.role}"
    known, state = organization_post_state(ctx, body)
    if not known:
        return False
    if post.person:
        post.state = state
        ctx.person_roles.setdefault(post.person, (post.role, state))
        ctx.records.roles.append(RoleRecord(post.person, post.role, state,
                                            ctx.evidence(post.span, "post-title", 0.8)))
    return True


def _explicit_state(ctx: ArticleContext, span: Span) -> str | None:
    doc = ctx.doc
    m = mention_before_title(ctx, span)
    if m is not None and m.ref.kind == "organization":
        return ORG_POST
    if m is not None and m.ref.kind in ("state", "city"):
        return ctx.state_of(m.ref)
    # another person's name, or none: look after the title instead
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        if organization_of_post(ctx, span) is not None:
            return ORG_POST  # 'the chairperson of the AU Commission'
        nxt = span.end + 2 if doc[span.end + 1].lower_ == "the" and span.end + 2 < len(doc) else span.end + 1
        m = ctx.by_token.get(nxt)
        if m and m.ref.kind == "state":
            return m.ref.key
    return state_word_in(ctx, span)


def _other_post_in_sentence(posts: list[PostMention], post: PostMention) -> PostMention | None:
    """The title 'counterpart' stands for: the nearest before it in the sentence ('Colombian Foreign
    Minister Laura Sarabia and her Venezuelan counterpart'), else the first after it."""
    same = [p for p in posts if p is not post and p.role and p.span.sent == post.span.sent]
    before = [p for p in same if p.span.start < post.span.start]
    return before[-1] if before else (same[0] if same else None)


def _role_of_person_before(ctx: ArticleContext, post: PostMention) -> str | None:
    """'X said he would host his Burkinabè counterpart': with no other title in the sentence, the
    counterpart holds the office (titled earlier in the article) of the nearest person named before."""
    sent = post.span.sent
    for m in reversed(ctx.mentions_in(sent.start, post.span.start, ("person",))):
        if m.ref.key != post.person and m.ref.key in ctx.person_roles:
            return ctx.person_roles[m.ref.key][0]
    return None


def _counterpart_role(ctx: ArticleContext, role: str) -> str:
    """A counterpart holds the other side's office by its common name: the counterpart of an
    'External Affairs Minister' or a 'Cabinet Secretary for Foreign and Diaspora Affairs' is a
    Foreign Minister; a rank ('Deputy ...') keeps the office its own."""
    words = set(role.lower().replace("-", " ").split())
    shapes = ctx.lex.post_shapes
    if words & shapes.get("foreign_portfolio_words", frozenset()) and words & shapes.get("minister_heads", frozenset()) \
            and not words & shapes["ranks"] and "state" not in words:
        return "Foreign Minister"
    return role


def _link_bare_posts(ctx: ArticleContext, posts: list[PostMention]) -> None:
    """'the Russian Foreign Minister said' refers to the person who holds that post in this article."""
    holders = {(r.role, r.state): r.person for r in ctx.records.roles}
    for post in posts:
        if post.person is None and post.role and (post.role, post.state) in holders:
            ctx.add_mention(Mention(Ref("person", holders[(post.role, post.state)]), post.span.start,
                                    post.span.end, "post", 0.7))
