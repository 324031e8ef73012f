"""A state's ministries named by pattern ('the Foreign Office', "Russia's Foreign Ministry", NER's
'Ministry of Culture') and its other bodies named with common nouns (state_bodies), and the state
nearest to a word in the sentence's tree."""
from __future__ import annotations

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext, Mention, clean_name, tree_distance
from relgraph.nlp.ministry_names import (bare_title, canonical_title, is_generic_ministry, state_bound_names,
                                         state_named_before, state_phrase, title_case, whole_title)
from relgraph.nlp.org_records import record
from relgraph.nlp.org_shapes import org_shapes
from relgraph.nlp.state_bodies import (extract_bilateral_bodies, extract_generic_bodies, extract_legislatures,
                                      extract_missions, extract_regional_governments)
from relgraph.records import Ref


def extract_ministries(ctx: ArticleContext) -> None:
    """'the Foreign Office', "Russia's Foreign Ministry" -> Ministry of Foreign Affairs of <state>;
    NER's 'Ministry of Culture' -> Ministry of Culture of <state>."""
    doc = ctx.doc
    for match_id, start, end in sorted(ctx_matches(ctx, "ministries"), key=lambda m: (m[1], -m[2])):
        span = doc[start:end]
        if ctx.is_excluded(span) or _held_by_named_org(ctx, span):
            continue
        named = state_named_before(ctx, span)
        if named is None and not any(t.text[:1].isupper() for t in span):
            continue  # lower-case "foreign ministry" without a state before it is usually generic
        state = named or _ministry_state(ctx, span)
        if state is not None:
            whole = whole_title(ctx, span)
            _add_ministry(ctx, whole, _with_a_second_portfolio(span, whole, doc.vocab.strings[match_id]), state)
    for ent in ctx.ents:
        title = bare_title(ctx, ent)
        if ent.label_ != "ORG" or not is_generic_ministry(title) or ctx.is_excluded(ent) \
                or any(i in ctx.by_token for i in range(ent.start, ent.end)):
            continue
        state = state_named_before(ctx, ent) or _state_after(ctx, ent)
        if state is not None:
            _add_ministry(ctx, ent, ctx.lex.ministries.get(title.lower(), canonical_title(title)), state)
        else:  # no state beside it: keep the name as written rather than guess one
            ent = whole_title(ctx, ent)
            for mention in ctx.mentions_in(ent.start, ent.end, ("person", "organization")):
                if mention.end - mention.start == 1:
                    ctx.remove_mention(mention)   # a portfolio word NER took for a name ('Ports')
            kind, key, via = "organization", clean_name(ent.text), "name"
            if ctx.add_mention(Mention(Ref(kind, key), ent.start, ent.end, via)):
                record(ctx, kind, key, ent, via)
    extract_generic_bodies(ctx, _add_ministry, _state_after)
    extract_legislatures(ctx, _add_ministry, _state_after)
    extract_missions(ctx, _state_after)
    extract_bilateral_bodies(ctx)
    extract_regional_governments(ctx)


def _with_a_second_portfolio(span: Span, whole: Span, ministry: str) -> str:
    """'the Ministry of Public Works and Transport': a ministry of two portfolios is named by both
    ('Ministry of Public Works and Transport of <State>'); a longer list ('..., Foreign Employment
    and Tourism') is usually shortened to the first, which stays the name."""
    tail = whole.doc[span.end:whole.end]
    if not len(tail) or tail[0].lower_ != "and" or any(t.text == "," for t in tail) \
            or clean_name(span.text).lower() != ministry.lower():
        return ministry
    return f"{ministry} {tail.text}"


def _held_by_named_org(ctx: ArticleContext, span: Span) -> bool:
    """'State Department' read as the gazetteer's US State Department is not a ministry pattern."""
    for i in range(span.start, span.end):
        m = ctx.by_token.get(i)
        if m is not None and m.ref.kind == "organization" and ctx.gaz.organization(m.ref.key) is not None:
            return True
    return False


def _add_ministry(ctx: ArticleContext, span: Span, ministry: str, state: str) -> None:
    key = _ministry_key(ctx, ministry, state)
    for i in range(span.start, span.end):  # a ministry outranks whatever NER made of the words
        old = ctx.by_token.pop(i, None)
        if old in ctx.mentions:
            ctx.mentions.remove(old)
    ctx.add_mention(Mention(Ref("organization", key), span.start, span.end, "name"))
    entity = ctx.records.entity("organization", key)
    title = title_case(bare_title(ctx, span))
    # Only state-bound names: a bare 'Foreign Ministry' or 'Department of Foreign Affairs' names
    # every state's ministry and would merge them.
    entity.names.add(key)
    entity.names |= state_bound_names(ctx.gaz, title, state) | state_bound_names(ctx.gaz, ministry, state)
    entity.state = state
    entity.evidence.append(ctx.evidence(span, "ministry-pattern", 0.8))


def _ministry_key(ctx: ArticleContext, ministry: str, state: str) -> str:
    """'Ministry of Culture of Spain'; a state whose departments carry its name first gives
    'United States Department of Commerce'; the gazetteer's name wins over both."""
    if state in org_shapes().state_first_bodies and ministry.startswith("Department "):
        key = f"{state} {ministry}"
    else:
        key = f"{ministry} of {state_phrase(state)}"
    known = ctx.gaz.organization(key)
    return known.name if known else key


def ctx_matches(ctx: ArticleContext, name: str):
    return getattr(ctx.matchers, name)(ctx.doc)


def _ministry_state(ctx: ArticleContext, span: Span) -> str | None:
    doc = ctx.doc
    # A modifier right before: "Pakistan's", "the Russian", "Indian".
    for i in range(span.start - 1, max(span.start - 4, span.sent.start - 1), -1):
        m = ctx.by_token.get(i)
        if m and m.ref.kind == "state":
            return m.ref.key
        if doc[i].pos_ not in ("DET", "PART", "PUNCT", "ADJ", "PROPN"):
            break
    after = _state_after(ctx, span)
    if after:
        return after
    # Otherwise the state closest in the sentence's tree, or the story's main state.
    return nearest_state(ctx, span.root, exclude=set()) or ctx.primary_state()


def _state_after(ctx: ArticleContext, span: Span) -> str | None:
    """'... of Pakistan', '... of the Philippines' right after."""
    doc = ctx.doc
    i = span.end + 1
    if i < len(doc) and doc[span.end].lower_ == "of" and doc[i].lower_ == "the":
        i += 1
    if span.end < len(doc) and doc[span.end].lower_ == "of" and i < len(doc):
        m = ctx.by_token.get(i)
        if m and m.ref.kind == "state":
            return m.ref.key
    return None


def nearest_state(ctx: ArticleContext, token, exclude: set[str]) -> str | None:
    """The state mention (or a city standing for its state) nearest to `token` in the dependency tree."""
    best, best_d = None, 99
    for m in ctx.mentions_in(token.sent.start, token.sent.end, ("state", "city")):
        state = ctx.state_of(m.ref)
        if state is None or state in exclude or _is_destination(ctx.doc[m.start]):
            continue
        d = tree_distance(token, ctx.doc[m.start]) + (1 if m.ref.kind == "city" else 0)
        if d < best_d:
            best, best_d = state, d
    return best


def _is_destination(token) -> bool:
    """'visit Islamabad', 'arrived in Pakistan', 'travel to Iran': the place visited, not one's own."""
    head = token.head
    if token.dep_ == "dobj" and head.lemma_ in ("visit", "tour"):
        return True
    if token.dep_ == "pobj" and head.lower_ in ("to", "in") and head.head.lemma_ in ("visit", "arrive", "travel", "fly", "trip"):
        return True
    return False
