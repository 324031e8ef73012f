"""Projects: infrastructure, plants, corridors, programmes and supplies the text names or delimits.

A noun of a project kind (data: project_heads) is a project when something delimits it: a proper
name ('the Baynes plant'), a route ('a rail link between A and B', 'the A-B railway'), its
construction or funding ('construction of a border post at A', 'the port a consortium is due to
build'), a purpose ('a programme to train nurses'), or a head that is a project by itself
('pipeline', 'programme') with words saying what it is. Sizes and praise ('a 600-megawatt plant',
'a strategic project') delimit nothing."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.actors import subtree_span
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_aliases import ALIAS_VERBS, alias_of, named_by_alias, restated_head
from relgraph.nlp.project_parties import project_record
from relgraph.nlp.project_purposes import purpose_label, topic_label
from relgraph.nlp.project_names import (
    ProjectMention, clean_label, enumerated_routes, has_place_pair, is_measure, merge_mentions, ranking,
    route_ends, route_label, trimmed,
)
from relgraph.nlp.supplies import extract_supplies
from relgraph.records import FactRecord

PLACE_KINDS = ("city", "state")


def extract_projects(ctx: ArticleContext) -> list[FactRecord]:
    mentions: list[ProjectMention] = []
    pending: list[tuple[Token, Span]] = []      # facilities waiting for a mention that says they are built
    built_heads: set[str] = set()
    for token in ctx.doc:  # names first, so no project name is taken for a participant
        if _head_candidate(ctx, token):
            _free_of_other_entities(ctx, token)
    for token in ctx.doc:
        if not _head_candidate(ctx, token):
            continue
        if restated_head(token):  # 'the X Route, as the corridor ... is formally known'
            if mentions and mentions[-1].sentence == token.sent.start:
                mentions[-1].restates = token.lemma_.lower()
            continue
        found = _mentions_at(ctx, token)
        if found is None:
            core = _core_phrase(ctx, token)
            if core is None and _developed(ctx, token):
                built_heads.add(token.lemma_.lower())  # 'the centre, to be built in Kyiv'
            elif core is not None and _distinctive(ctx, core, token):
                pending.append((token, core))
            continue
        mentions += found
    for token, core in pending:
        if token.lemma_.lower() in built_heads:
            mentions += _mention(ctx, token, core, clean_label(trimmed(ctx, core).text))
    return merge_mentions(mentions) + extract_supplies(ctx)


def _head_candidate(ctx: ArticleContext, token: Token) -> bool:
    # the word lists first: they are cheap and rule out almost every token
    lemma, lex = token.lemma_.lower(), ctx.lex
    if not (lemma in lex.words("project_heads") or lemma in lex.words("project_route_heads")
            or token.lower_ in lex.words("project_named_heads") or lemma in lex.words("project_purpose_heads")):
        return False
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" and not _of_construction(ctx, token):
        return False
    return not ctx.is_excluded(token.doc[token.i:token.i + 1])


def _of_construction(ctx: ArticleContext, token: Token) -> bool:
    """'the ML-1 railway upgrade': a project noun naming what a construction noun works on."""
    return token.head.i == token.i + 1 and token.head.lemma_.lower() in ctx.lex.words("construction_nouns")


def _mentions_at(ctx: ArticleContext, head: Token) -> list[ProjectMention] | None:
    """The projects a head noun names, [] when it is no project, None when only a later mention
    saying it is built would make it one."""
    lex = ctx.lex
    lemma = head.lemma_.lower()
    if not _free_of_other_entities(ctx, head):
        return []
    if lemma not in lex.words("project_heads") | lex.words("project_route_heads") and \
            head.lower_ not in lex.words("project_named_heads"):
        purpose = purpose_label(ctx, head)  # 'plans to export gas from A to B'
        return _mention(ctx, head, _head_span(head), purpose) if purpose else []
    core = _core_phrase(ctx, head) or _apposed_name(ctx, head)
    if _no_project_here(ctx, head, core):
        return []
    if core is not None:
        _release_name_parts(ctx, core)
    routes = _route_mentions(ctx, head, core)
    if routes is not None:
        return routes
    if lemma not in lex.words("project_heads") and head.lower_ not in lex.words("project_named_heads"):
        return []  # 'a bus service' is a project only on a route
    return _phrase_mentions(ctx, head, core)


def _no_project_here(ctx: ArticleContext, head: Token, core: Span | None) -> bool:
    """Weapons programmes, places, and nouns said of a project named elsewhere in the sentence."""
    lex = ctx.lex
    if core is not None and any(t.lower_ in lex.words("project_excluded_modifiers") for t in core):
        return True  # weapons programmes are not undertakings between partners
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PROPN" for o in c.children) for c in head.children):
        return True  # 'the Red Sea port of Aqaba' names a place
    if head.dep_ == "appos" and _head_candidate(ctx, head.head) and \
            head.lemma_.lower() not in lex.words("project_purpose_heads"):
        return True  # 'the Zangezur Corridor, a proposed transport route linking A with B': said of it
    if alias_of(head) is not None or head.dep_ == "compound" and alias_of(head.head) is not None:
        return True  # 'the Trans-Caspian Route, better known as the Middle Corridor': the same project
    if named_by_alias(head, lambda t: _head_candidate(ctx, t)):
        return True  # 'the link, dubbed the Green Corridor': the project is told under its name
    # 'which would be the first air link': said of a project named before
    return head.dep_ == "attr" and (core is None or not _proper_words(ctx, core, head))


def _route_mentions(ctx: ArticleContext, head: Token, core: Span | None) -> list[ProjectMention] | None:
    """Projects named by their routes ('the Kayes–Tambacounda rail link'); None when there is no route."""
    branches = _route_branches(ctx, head)
    if not branches:
        return None
    if head.lemma_.lower() not in ctx.lex.words("project_heads") and not (_developed(ctx, head) or _built(ctx, head)):
        return []  # flights between A and B that are 'fully booked' run already; 'launch flights' is new
    what = clean_label(trimmed(ctx, core).text) if core is not None else head.text
    return [m for ends in branches for m in _mention(ctx, head, core or _head_span(head), route_label(ends, what), ends)]


def _phrase_mentions(ctx: ArticleContext, head: Token, core: Span | None) -> list[ProjectMention] | None:
    """A project named or delimited by its own phrase: a name, a purpose, a site, a construction."""
    lex = ctx.lex
    lemma = head.lemma_.lower()
    purpose = purpose_label(ctx, head)
    if core is None:
        extension = _proper_extension(ctx, head) if not purpose and _developed(ctx, head) else None
        if extension is not None:  # 'help build a new terminal at Clark International Airport'
            return _mention(ctx, head, _head_span(head), clean_label(f"{head.text} {extension.text}"))
        label = purpose or topic_label(ctx, head)
        return _mention(ctx, head, _head_span(head), label) if label else []
    label = clean_label(trimmed(ctx, core).text)
    if _named(ctx, head, core) or has_place_pair(core):
        return _mention(ctx, head, core, label)
    if purpose:
        return _mention(ctx, head, core, purpose)
    extension = _proper_extension(ctx, head) if lemma in lex.words("project_purpose_heads") else None
    if not _distinctive(ctx, core, head):  # 'infrastructure projects at the EDCA sites'
        if extension is None and topic_label(ctx, head):  # 'a joint programme on sea ice'
            return _mention(ctx, head, core, topic_label(ctx, head))
        return _mention(ctx, head, core, clean_label(f"{core.text} {extension.text}")) if extension else []
    if head.tag_ in ("NNS", "NNPS") and extension is None and not _city_in(ctx, head):
        return []  # 'clean energy projects': a kind of projects, not one that can be told apart
    if lemma in lex.words("project_strong_heads") or _built(ctx, head) or _developed(ctx, head):
        return _mention(ctx, head, core, label)
    return None


def _named(ctx: ArticleContext, head: Token, core: Span) -> bool:
    """'the Baynes plant'; a facility named after its city ('Karachi Port', 'Hamad International
    Airport') only when the text says it is being built."""
    lex = ctx.lex
    if head.lower_ not in lex.words("project_named_heads"):
        return False
    if head.lower_ not in lex.words("project_facility_heads"):
        return bool(_name_words(ctx, core, head))
    return bool(_proper_words(ctx, core, head)) and (
        _developed(ctx, head) or _built(ctx, head) or _described_as_developed(ctx, head))


def _free_of_other_entities(ctx: ArticleContext, head: Token) -> bool:
    """A head inside a place or a known organisation is not a project; an unknown 'organisation'
    NER found ending in a project noun ('the Indian Housing Project') is the project's name,
    unless it reads like a company ('Georgian Railway': a state word and the noun); so is a
    'person' ending in one."""
    m = ctx.mention_at(head)
    if m is None:
        return True
    if m.ref.kind == "person" and m.end - 1 == head.i and head.lower_ in ctx.lex.words("project_named_heads"):
        ctx.remove_mention(m)  # 'Corridor Highway' is no person's name
        return True
    if m.ref.kind != "organization" or m.end <= head.i or \
            any(not t.is_punct and head not in t.ancestors for t in ctx.doc[head.i + 1:m.end]):
        return False  # the name may end in its acronym or place: 'the Grand Renaissance Dam (GERD)'

    span = ctx.doc[m.start:m.end]
    if ctx.gaz.organization(span.text) is not None or _company_like(ctx, span, head):
        return False
    if head.lower_ not in ctx.lex.words("project_named_heads") and \
            head.lemma_.lower() not in ctx.lex.words("project_strong_heads"):
        return False
    ctx.remove_mention(m)
    return True


def _company_like(ctx: ArticleContext, span: Span, head: Token) -> bool:
    words = [t for t in span if t.i != head.i and t.pos_ != "DET"]
    return bool(words) and head.text[:1].isupper() and all(_state_word(ctx, t) for t in words)


def _state_word(ctx: ArticleContext, token: Token) -> bool:
    return ctx.gaz.state(token.text) is not None or ctx.gaz.state_by_demonym(token.text) is not None


def _head_span(head: Token) -> Span:
    return head.doc[head.i: head.i + 1]


def _core_phrase(ctx: ArticleContext, head: Token) -> Span | None:
    """'the largest steel mill' -> 'steel mill'; needs at least one modifier that names what it is."""
    mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "nummod") and c.i < head.i
            and not ranking(c) and c.lower_ not in ("first", "new", "last", "next", "other", "such")]
    if head.dep_ == "compound" and _of_construction(ctx, head):  # 'the ML-1 railway upgrade'
        mods += [c for c in head.head.children if c.dep_ in ("compound", "amod") and c.i < head.i and c.pos_ == "PROPN"]
    if not mods:
        return None
    start = min(t.left_edge.i for t in mods)
    return head.doc[start: head.i + 1]


def _apposed_name(ctx: ArticleContext, head: Token) -> Span | None:
    """'the Ethiopia-Kenya Electricity Highway, a project financed by ...': the name the bare
    project noun stands in apposition to."""
    if head.dep_ != "appos" or head.lemma_.lower() not in ctx.lex.words("project_purpose_heads"):
        return None
    name = head.head
    named = ctx.mention_at(name)
    if name.pos_ != "PROPN" or named is not None and named.ref.kind != "organization":
        return None  # 'in Lahore, a project that ...': a place, not the project's name
    start = min(t.i for t in name.subtree if t.i <= name.i and t.dep_ in ("compound", "det", "amod", "nmod")
                or t.i == name.i)
    while start < name.i and name.doc[start].pos_ == "DET":
        start += 1
    return name.doc[start: name.i + 1]


def _release_name_parts(ctx: ArticleContext, name: Span) -> None:
    """Organisation names NER found inside a project's name ('Scarborough' in 'the Scarborough gas
    project') are part of the name, unless the gazetteer knows them ('the Gazprom pipeline')."""
    lo = name.start
    while lo > 0 and ctx.doc[lo - 1].pos_ == "DET":  # NER often takes 'the' into the name
        lo -= 1
    for m in ctx.mentions_in(name.start, name.end, ("organization",)):
        if m.start >= lo and m.end <= name.end and ctx.gaz.organization(
                ctx.doc[m.start:m.end].text) is None:
            ctx.remove_mention(m)


def _proper_words(ctx: ArticleContext, core: Span, head: Token) -> frozenset[str]:
    """Proper words of a name that are not states ('Baynes', 'Narrow', 'Water')."""
    generic = ctx.lex.words("project_generic_modifiers")
    return frozenset(t.lower_ for t in core if _proper(t) and t.i != head.i and not _state_word(ctx, t)
                     and not _is_place(ctx, t) and t.lower_ not in generic)


def _name_words(ctx: ArticleContext, core: Span, head: Token) -> frozenset[str]:
    """The proper words that tell one project from another, places included ('Igdir', 'Nakhchivan')."""
    generic = ctx.lex.words("project_generic_modifiers")
    return frozenset(t.lower_ for t in core if _proper(t) and t.i != head.i and not _state_word(ctx, t)
                     and t.lower_ not in generic)


def _proper(token: Token) -> bool:
    """A proper word, or a capitalised word inside a sentence the tagger took for a common noun
    ('the Rogun hydropower plant'); not in a headline, where every word is capitalised."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ != "NOUN" or not token.text[:1].isupper() or token.i == token.sent.start:
        return False
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.text[:1].isupper() for t in words) * 2 < len(words)


def _is_place(ctx: ArticleContext, token: Token) -> bool:
    """A place word: 'Karachi Port' is named after its city, and names no undertaking by that."""
    m = ctx.mention_at(token)
    return m is not None and m.ref.kind in PLACE_KINDS or ctx.gaz.city(token.text) is not None


def _distinctive(ctx: ArticleContext, core: Span, head: Token) -> frozenset[str]:
    """The words of a phrase that say what the project is: not sizes, praise, status, or who pays."""
    lex = ctx.lex
    skip = lex.words("project_generic_modifiers") | lex.words("project_actor_participles")
    units = lex.words("project_measure_units")
    return frozenset(t.lower_ for t in core if t.i != head.i and t.pos_ not in ("DET", "PUNCT", "PART", "PRON", "ADP")
                     and t.dep_ != "poss" and not is_measure(t, units) and t.lower_ not in skip
                     and t.lemma_.lower() not in skip and not _state_word(ctx, t))


def _proper_extension(ctx: ArticleContext, head: Token) -> Span | None:
    """'infrastructure projects at the EDCA sites': a place phrase that delimits a generic head."""
    after = head.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(head.doc) else None
    for prep in [*head.children, *([after] if after is not None else [])]:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "on", "for") and prep.i > head.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            span = head.doc[prep.i: obj.i + 1] if obj is not None else None
            if span is not None and any(t.pos_ == "PROPN" and not _state_word(ctx, t) for t in span):
                return span
    return None


def _city_in(ctx: ArticleContext, head: Token) -> bool:
    scope = subtree_span(head)
    return bool(ctx.mentions_in(scope.start, scope.end, ("city",)))


def _built(ctx: ArticleContext, head: Token) -> bool:
    """'construction of a border post', 'work on the industrial city', 'a loan for the bridge', 'the
    ML-1 railway upgrade'."""
    construction = ctx.lex.words("construction_nouns") | ctx.lex.words("project_funding_nouns")
    if head.dep_ == "compound":
        return head.head.lemma_.lower() in construction
    return head.dep_ == "pobj" and (head.head.lemma_.lower() in construction
                                    or head.head.head.lemma_.lower() in construction)


def _developed(ctx: ArticleContext, head: Token) -> bool:
    """'the planned port', 'the Chinese-built airport', 'the centre, to be built ...', 'a port that
    a consortium is due to build', 'to build a port'."""
    lex = ctx.lex
    verbs = lex.words("project_development_verbs")
    if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in verbs:
        return True
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "into", "on") and head.head.head.pos_ == "VERB" \
            and head.head.head.lemma_.lower() in verbs:
        return True  # 'invest in a hydrogen plant'

    described = [head] + [c for c in head.children if c.dep_ == "appos"]  # 'the X Bridge, the crossing which is funded by'
    for child in (c for d in described for c in d.children):
        if child.dep_ == "amod" and (child.lower_ in lex.words("project_development_modifiers")
                                     or child.lemma_.lower() in verbs and child.i < head.i):
            return True
        if child.dep_ in ("acl", "relcl") and any(t.lemma_.lower() in verbs and t.pos_ == "VERB"
                                                  for t in child.subtree if t.head.i == child.i or t is child):
            return True
    return False


def _described_as_developed(ctx: ArticleContext, head: Token) -> bool:
    """'the X Bridge, the crossing over the river between A and B, which is being funded by ...': a
    relative clause later in the sentence says it is built, wherever the parser hung it."""
    verbs = ctx.lex.words("project_development_verbs")
    return any(t.i > head.i and t.dep_ in ("relcl", "acl") and t.pos_ == "VERB" and t.lemma_.lower() in verbs
               for t in head.sent)


def _route_branches(ctx: ArticleContext, head: Token) -> list[list[Token]]:
    """Routes that name projects: one, or 'two lines, one linking A with B and the other C with D'."""
    if head.lemma_.lower() not in ctx.lex.words("project_route_heads"):
        return []
    branches = enumerated_routes(head)
    if branches:
        return branches
    core = _core_phrase(ctx, head)
    if core is not None and (has_place_pair(core) or _proper_words(ctx, core, head)):
        return []  # already named: 'the Basra-Aqaba pipeline, which would run from Basra to Aqaba'
    ends = route_ends(ctx, head)
    return [ends] if len(ends) >= 2 else []


def _alias_names(ctx: ArticleContext, head: Token) -> frozenset[str]:
    """Proper words of the alias a project name is given ('..., better known as the Arctic Corridor')."""
    for tok in head.doc[head.i + 1: min(head.i + 5, head.sent.end)]:
        if tok.lemma_.lower() in ALIAS_VERBS and tok.tag_ == "VBN":
            as_ = next((c for c in tok.children if c.lower_ == "as"), None)
            obj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
            core = _core_phrase(ctx, obj) if obj is not None else None
            return _proper_words(ctx, core, obj) if core is not None else frozenset()
    return frozenset()


def _mention(ctx: ArticleContext, head: Token, core: Span, label: str,
             ends: list[Token] | None = None) -> list[ProjectMention]:
    record = project_record(ctx, head, core, label, ends or [])
    if record is None:
        return []
    lex = ctx.lex
    names = (_name_words(ctx, core, head) or frozenset(t.lower_ for t in ends or [])) | _alias_names(ctx, head)
    return [ProjectMention(record=record, head=head.lemma_.lower(), names=names,
                           modifiers=_distinctive(ctx, core, head), plural=head.tag_ in ("NNS", "NNPS"),
                           generic_head=head.lemma_.lower() in lex.words("project_purpose_heads"),
                           sentence=head.sent.start, previous=_previous_sentence(head), anaphoric=_opens_sentence_definite(core, head))]


def _previous_sentence(head: Token) -> int:
    start = head.sent.start
    return head.doc[start - 1].sent.start if start > 0 else -1


def _opens_sentence_definite(core: Span, head: Token) -> bool:
    """'The 4km line, connecting ...' opening a sentence, without a name of its own: it takes up the
    project the sentence before told of."""
    first = head.left_edge
    return first.i == head.sent.start and first.lower_ in ("the", "this") and \
        not any(t.pos_ == "PROPN" for t in core) and not any(t.pos_ == "PROPN" for t in head.doc[first.i:head.i])


