"""Projects: infrastructure, plants, corridors, programmes and supplies the text names or delimits.

A noun of a project kind (data: project_heads) is a project when something delimits it: a proper
name ('the Baynes plant'), a route ('a rail link between A and B', 'the A-B railway'), its
construction or funding ('construction of a border post at A', 'the port a consortium is due to
build'), a purpose ('a programme to train nurses'), or a head that is a project by itself
('pipeline', 'programme') with words saying what it is. Sizes and praise ('a 600-megawatt plant',
'a strategic project') delimit nothing."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_facilities import arrival_venue, coordinated_kind, coordinated_names, event_venue, named_facility, sited_facility
from relgraph.nlp.project_appositives import apposed_name, naming_appositive, part_of_another
from relgraph.nlp.project_aliases import alias_names, alias_of, named_by_alias, proper_name_after, restated_head
from relgraph.nlp.project_parties import project_record
from relgraph.nlp.project_proper import named_without_noun
from relgraph.nlp.project_purposes import purpose_label, topic_label
from relgraph.nlp.project_shapes import (
    descriptive_name, descriptive_venue, name_number, said_of_the_project_before, shared_name, told_by_a_part,
)
from relgraph.nlp.project_merge import merge_mentions
from relgraph.nlp.project_names import (
    ProjectMention, clean_label, conjunct_of_a_name, enumerated_routes, has_place_pair, in_headline,
    name_text, named_by_states, named_route_phrase, proper_extension, route_ends, route_label,
    shared_by_states, state_word, trimmed,
)
from relgraph.nlp.project_words import (
    actor_before_participle, body_named_after_place, city_in, company_name, company_named_as_project, company_owned, core_phrase, distinctive,
    head_span, name_words, of_construction, places_of_built_facility, project_kind, proper_words, said_new, site_words,
    unit_of_a_post, unowned_name_words,
)
from relgraph.nlp.project_status import (
    built, described_as_developed, developed, named_in_its_own_right, only_worked_towards, signed_document,
)
from relgraph.nlp.supplies import extract_supplies
from relgraph.records import FactRecord


def extract_projects(ctx: ArticleContext) -> list[FactRecord]:
    mentions: list[ProjectMention] = []
    pending: list[tuple[Token, Span]] = []      # facilities waiting for a mention that says they are built
    built_heads: set[str] = set()
    companies: set[frozenset[str]] = set()      # names the text gives a chairman or a secretariat
    lex = ctx.lex
    heads = ctx.index.tokens(ctx.index.with_lemma_or_lower(  # the words _head_candidate tests first
        lex.words("project_heads") | lex.words("project_route_heads") | lex.words("project_named_heads")
        | lex.words("project_purpose_heads")))
    for token in heads:  # names first, so no project name is taken for a participant
        if _head_candidate(ctx, token):
            _free_of_other_entities(ctx, token)
            companies |= company_name(ctx, token)
    for token in heads:
        if not _head_candidate(ctx, token):
            continue
        if restated_head(token):  # 'the X Route, as the corridor ... is formally known'
            if mentions and mentions[-1].sentence == token.sent.start:
                mentions[-1].restates = token.lemma_.lower()
            continue
        found = _mentions_at(ctx, token)
        if found is None:
            core = core_phrase(ctx, token)
            if core is None and developed(ctx, token):
                built_heads.add(token.lemma_.lower())  # 'the centre, to be built in Kyiv'
            elif core is not None and distinctive(ctx, core, token):
                pending.append((token, core))
            continue
        mentions += found
    for token, core in pending:
        if token.lemma_.lower() in built_heads:
            mentions += _mention(ctx, token, core, clean_label(trimmed(ctx, core).text))
    # 'chairman of Egypt's Suez Canal Economic Zone' ... 'the Suez Canal Economic Zone, the special
    # zone that runs along the canal': a name the text gives a chairman is a body's, wherever it is told
    mentions = [m for m in mentions if not (m.names and m.names in companies)]
    mentions += named_without_noun(ctx, mentions, lambda t: _head_candidate(ctx, t), lambda noun, name: _mention(
        ctx, noun, head_span(noun), clean_label(name.text), named_by=name))
    return merge_mentions(mentions) + extract_supplies(ctx)


def _is_project_noun(ctx: ArticleContext):
    return lambda t: _head_candidate(ctx, t)


def _head_candidate(ctx: ArticleContext, token: Token) -> bool:
    # the word lists first: they are cheap and rule out almost every token
    lemma, lex = token.lemma_.lower(), ctx.lex
    if not (lemma in lex.words("project_heads") or lemma in lex.words("project_route_heads")
            or token.lower_ in lex.words("project_named_heads") or lemma in lex.words("project_purpose_heads")):
        return False
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" and not of_construction(ctx, token):
        return False
    return not ctx.is_excluded(token.doc[token.i:token.i + 1])


def _mentions_at(ctx: ArticleContext, head: Token) -> list[ProjectMention] | None:
    """The projects a head noun names, [] when it is no project, None when only a later mention
    saying it is built would make it one."""
    lex = ctx.lex
    lemma = head.lemma_.lower()
    if not _free_of_other_entities(ctx, head) or conjunct_of_a_name(head):
        return []
    if lemma not in lex.words("project_heads") | lex.words("project_route_heads") and \
            head.lower_ not in lex.words("project_named_heads"):
        purpose = purpose_label(ctx, head)  # 'plans to export gas from A to B'
        return _mention(ctx, head, head_span(head), purpose) if purpose else []
    places = places_of_built_facility(ctx, head)
    if places:  # 'investment at the ports of Tanga and Mombasa': one port of each place
        return [m for p in places for m in _mention(ctx, head, head_span(head), f"{head.lemma_} of {name_text(p)}", [p])]
    core = core_phrase(ctx, head) or apposed_name(ctx, head, _is_project_noun(ctx))
    if lemma in lex.words("project_named_only_heads") and (core is None or not name_words(ctx, core, head)
                                                           or head.dep_ == "pobj" and head.head.lower_ in ("at", "in", "near")):
        return []  # 'the Ream Naval Base' is one, 'its customer base' none, 'an upgrade at X Air Base' a site
    if _no_project_here(ctx, head, core):
        return []
    if core is not None:
        _release_name_parts(ctx, core)
    names = coordinated_names(ctx, head) if not event_venue(ctx, head) else []
    if names:  # 'the reopening of the Kyzyl-Bel and Guliston crossings': one crossing of each name
        return [m for n in names for m in _mention(ctx, head, n, clean_label(f"{n.text} {coordinated_kind(head, names)}"))]
    shared = shared_name(ctx, head)
    if shared is not None:  # 'the Matarbari coal plant and deep-sea port': the port is Matarbari's too
        own = trimmed(ctx, core).text if core is not None else head.text
        found = _mention(ctx, head, core or head_span(head), clean_label(f"{shared.text} {own}"), named_by=shared)
        for m in found:
            m.sibling = head.head.i
        return found
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
    if said_of_the_project_before(ctx, head, lambda t: _head_candidate(ctx, t)):
        return True  # 'a pipeline from A to B, a separate project that ...': said of the pipeline
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PROPN" for o in c.children) for c in head.children):
        return True  # 'the Red Sea port of Aqaba' names a place
    if head.dep_ == "pobj" and head.head.lower_ in lex.words("project_landmark_preps"):
        return True  # 'engineers working near the X Corridor': a landmark saying where
    if head.dep_ == "appos" and _head_candidate(ctx, head.head) and \
            head.lemma_.lower() not in lex.words("project_purpose_heads") and naming_appositive(ctx, head.head, _is_project_noun(ctx)) != head:
        return True  # 'the Zangezur Corridor, a proposed transport route linking A with B': said of it
    if arrival_venue(ctx, head) or descriptive_venue(ctx, head, core):
        return True  # 'On arrival at the X International Airport': where a visitor lands
    if part_of_another(ctx, head, _is_project_noun(ctx)):
        return True  # 'a logistics hub at Lamu, the flagship of the LAPSSET corridor': told as that corridor
    if unit_of_a_post(ctx, head) or company_named_as_project(ctx, head):
        return True  # 'director of the Africa programme': a department; 'the joint venture X Rail': a company
    if only_worked_towards(ctx, head):
        return True  # 'agreed to work towards a new economic security initiative': a framework still to be made
    if signed_document(ctx, head):
        return True  # 'the signing of an executive programme for cooperation': a document, an agreement
    if naming_appositive(ctx, head, _is_project_noun(ctx)) is not None:
        return True  # 'a third hydropower project, the Sunkosh reservoir scheme': told by its name
    if alias_of(head) is not None or head.dep_ == "compound" and alias_of(head.head) is not None:
        return True  # 'the Trans-Caspian Route, better known as the Middle Corridor': the same project
    if named_by_alias(head, lambda t: _head_candidate(ctx, t)):
        return True  # 'the link, dubbed the Green Corridor': the project is told under its name
    # 'which would be the first air link': said of a project named before
    return head.dep_ == "attr" and (core is None or not proper_words(ctx, core, head))



def _route_mentions(ctx: ArticleContext, head: Token, core: Span | None) -> list[ProjectMention] | None:
    """Projects named by their routes ('the Kayes–Tambacounda rail link'); None when there is no route."""
    branches = _route_branches(ctx, head)
    if not branches:
        return None
    if head.lemma_.lower() not in ctx.lex.words("project_heads") and not (developed(ctx, head, running=False) or built(ctx, head)):
        return []  # flights between A and B that are 'fully booked' run already; 'launch flights' is new
    what = clean_label(trimmed(ctx, core).text) if core is not None else head.text
    if core is not None and has_place_pair(core):  # 'Egypt-Sudan railway (Aswan–Wadi Halfa)'
        return [m for ends in branches for m in _mention(ctx, head, core, f"{what} ({route_label(ends, '').strip()})", ends)]
    return [m for ends in branches for m in _mention(ctx, head, core or head_span(head), route_label(ends, what), ends)]


def _phrase_mentions(ctx: ArticleContext, head: Token, core: Span | None) -> list[ProjectMention] | None:
    """A project named or delimited by its own phrase: a name, a purpose, a site, a construction."""
    lex = ctx.lex
    lemma = head.lemma_.lower()
    purpose = purpose_label(ctx, head)
    if core is None:
        extension = proper_extension(ctx, head) if not purpose else None
        if extension is not None and not (developed(ctx, head) or sited_facility(ctx, head, extension)):
            extension = None
        if extension is not None:  # 'help build a new terminal at Clark International Airport', 'the bridge at X'
            return _mention(ctx, head, head_span(head), clean_label(f"{head.text} {extension.text}"))
        label = purpose or topic_label(ctx, head)
        return _mention(ctx, head, head_span(head), label) if label else []
    label = clean_label(trimmed(ctx, core).text)
    name = apposed_name(ctx, head, _is_project_noun(ctx), any_head=True) if not unowned_name_words(ctx, core, head) else None
    name = name or proper_name_after(ctx, head, core)
    if name is not None:  # 'Bharat Mart, the warehousing and retail hub at Jebel Ali': told by its name
        _release_name_parts(ctx, name)
        person = ctx.mention_at(name[-1])
        if person is not None and person.ref.kind == "person":
            ctx.remove_mention(person)
        return _mention(ctx, head, core, f"{name.text} ({label})", named_by=name)
    state_pair_only = lemma in lex.words("project_purpose_heads") and named_by_states(ctx, core, head)
    unnamed = not name_words(ctx, core, head)
    route = named_route_phrase(ctx, head) if unnamed else None
    site = proper_extension(ctx, head) if (unnamed or descriptive_name(ctx, trimmed(ctx, core), head)) and route is None else None
    if route is not None or site is not None:  # 'a railway link between the terminal and the Kelani
        label = clean_label(f"{label} {(route or site).text}")  # Valley line', 'an oil refinery at Hambantota' 
    if not state_pair_only and (_named(ctx, head, core) or has_place_pair(core)):
        return _mention(ctx, head, core, label)  # not 'the joint Brazil-China initiative': any two states have one
    if purpose:
        return _mention(ctx, head, core, purpose)
    extension = proper_extension(ctx, head) if lemma in lex.words("project_purpose_heads") else None
    if not distinctive(ctx, core, head):  # 'infrastructure projects at the EDCA sites'
        if extension is None and topic_label(ctx, head):  # 'a joint programme on sea ice'
            return _mention(ctx, head, core, topic_label(ctx, head))
        return _mention(ctx, head, core, clean_label(f"{core.text} {extension.text}")) if extension else []
    if head.tag_ in ("NNS", "NNPS") and extension is None and site is None and not city_in(ctx, head):
        return []  # 'clean energy projects': a kind of projects, not one that can be told apart
    if lemma in lex.words("project_strong_heads") or built(ctx, head) or developed(ctx, head) or \
            site is not None and (said_new(ctx, head) or company_owned(ctx, head) or sited_facility(ctx, head, site)) \
            and not _head_candidate(ctx, site[-1]):
        # 'a new regasification terminal at Ravenna', 'Heidelberg Materials' cement plant in Brevik'; not
        # 'the new grain terminal at X port', a part of that port
        within = next((t for t in (route or site or []) if t.i != head.i and _head_candidate(ctx, t)), None)
        return _mention(ctx, head, core, label, named_by=(route or site) if within is not None else None, site=site)
    return None


def _named(ctx: ArticleContext, head: Token, core: Span) -> bool:
    """'the Baynes plant'; a facility named after its city ('Karachi Port', 'Hamad International
    Airport') only when the text says it is being built, or when two states share it ('the
    Egyptian-Sudanese Argeen land port')."""
    lex = ctx.lex
    if named_facility(ctx, head, core):
        return True  # 'the Grand Faw port', 'the Torkham crossing': a facility with a name of its own
    if head.lower_ not in lex.words("project_named_heads"):
        return False
    if head.lemma_.lower() not in lex.words("project_heads") and head.text.islower() and \
            not (developed(ctx, head) or built(ctx, head)):
        return False  # 'arrivals on the Canary Islands route': a lower-case 'route' describes, 'Route' names
    if head.lower_ not in lex.words("project_facility_heads"):
        return bool(name_words(ctx, core, head))
    return bool(proper_words(ctx, core, head)) and (
        developed(ctx, head) or built(ctx, head) or described_as_developed(ctx, head) or shared_by_states(ctx, core)
        or named_in_its_own_right(ctx, head) or told_by_a_part(ctx, head))


def _free_of_other_entities(ctx: ArticleContext, head: Token) -> bool:
    """A head inside a place or a known organisation is not a project; an unknown 'organisation'
    NER found ending in a project noun ('the Indian Housing Project') is the project's name,
    unless it reads like a company ('Georgian Railway': a state word and the noun) or a body named
    after its place ('the Accra Initiative'); so is a 'person' ending in one."""
    if body_named_after_place(ctx, head):
        return False  # 'the Accra Initiative' is a body of its members: NER's organisation stays
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
    return bool(words) and head.text[:1].isupper() and all(state_word(ctx, t) for t in words)


def _release_name_parts(ctx: ArticleContext, name: Span) -> None:
    """Organisation names NER found inside a project's name ('Scarborough' in 'the Scarborough gas
    project') are part of the name, unless the gazetteer knows them ('the Gazprom pipeline')."""
    lo = name.start
    while lo > 0 and ctx.doc[lo - 1].pos_ == "DET":  # NER often takes 'the' into the name
        lo -= 1
    for m in ctx.mentions_in(name.start, name.end, ("organization",)):
        if m.start >= lo and m.end <= name.end and ctx.gaz.organization(
                ctx.doc[m.start:m.end].text) is None and not actor_before_participle(ctx, m.end):
            ctx.remove_mention(m)


def _route_branches(ctx: ArticleContext, head: Token) -> list[list[Token]]:
    """Routes that name projects: one, or 'two lines, one linking A with B and the other C with D'."""
    if head.lemma_.lower() not in ctx.lex.words("project_route_heads"):
        return []
    branches = enumerated_routes(head)
    if branches:
        return branches
    core = core_phrase(ctx, head)
    if core is not None and (has_place_pair(core) and not named_by_states(ctx, core, head)
                             or proper_words(ctx, core, head)):
        return []  # already named: 'the Basra-Aqaba pipeline, which would run from Basra to Aqaba'
    ends = route_ends(ctx, head)
    if core is not None and any(state_word(ctx, t) for t in ends):
        return []  # 'the Egypt-Sudan railway linking Egypt with Sudan' says no more than its name
    return [ends] if len(ends) >= 2 else []


def _mention(ctx: ArticleContext, head: Token, core: Span, label: str, ends: list[Token] | None = None,
             named_by: Span | None = None, site: Span | None = None) -> list[ProjectMention]:
    """`named_by`: the site phrase naming another project noun, whose names tell this one apart
    ('reactors at the Dukovany plant' are the Dukovany plant's project; 'a refinery at Hambantota' is
    not 'Hambantota port'); `site`: the place phrase that delimits an unnamed one ('a plant at Dholera')."""
    number = name_number(ctx, head)
    if number is not None and label.endswith(head.text):  # 'the Malta-Italy Interconnector 2'
        label = f"{label} {number.text}"
    record = project_record(ctx, head, core, label, ends or [])
    if record is None:
        return []
    lex = ctx.lex
    names = (name_words(ctx, core, head) or frozenset(t.lower_ for t in ends or [])) | alias_names(ctx, head)
    if named_by is not None:
        names |= name_words(ctx, named_by, head)
    if number is not None:
        names |= {number.text.lower()}
    kind = project_kind(ctx, core, head)
    return [ProjectMention(record=record, head=head.lemma_.lower(), names=names, kind=kind,
                           route_kind=kind is not None and kind in lex.words("project_route_heads"),
                           modifiers=distinctive(ctx, core, head), plural=head.tag_ in ("NNS", "NNPS"),
                           generic_head=head.lemma_.lower() in lex.words("project_purpose_heads"),
                           sentence=head.sent.start, previous=_previous_sentence(head), anaphoric=_opens_sentence_definite(core, head),
                           headline=in_headline(head), sites=site_words(ctx, site) if site is not None else frozenset(),
                           at=head.i)]


def _previous_sentence(head: Token) -> int:
    start = head.sent.start
    return head.doc[start - 1].sent.start if start > 0 else -1


def _opens_sentence_definite(core: Span, head: Token) -> bool:
    """'The 4km line, connecting ...' opening a sentence, without a name of its own: it takes up the
    project the sentence before told of."""
    first = head.left_edge
    return first.i == head.sent.start and first.lower_ in ("the", "this") and \
        not any(t.pos_ == "PROPN" for t in core) and not any(t.pos_ == "PROPN" for t in head.doc[first.i:head.i])


