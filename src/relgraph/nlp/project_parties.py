"""Who takes part in a project and where it is: the actors of its phrase, of the construction
that governs it, of its clause or sentence, states named in its name, and the ends of its route."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.actors import actors_in, pair_refs, subject_actors, subject_of, subtree_span, with_states
from relgraph.nlp.context import ArticleContext, Mention
from relgraph.nlp.project_status import started
from relgraph.nlp.project_names import DASHES, dedupe, english_word, has_place_pair, state_word
from relgraph.records import FactRecord, Ref


def project_record(ctx: ArticleContext, head: Token, core: Span, label: str, ends: list[Token]) -> FactRecord | None:
    scope = subtree_span(head)
    locations = _end_places(ctx, ends)
    participants = name_states(ctx, core)
    participants += [r for r in actors_in(ctx, scope) if r.kind in ("state", "organization")]
    participants += pair_refs(ctx, scope)
    governor = head.head if head.dep_ == "pobj" else head
    for anc in [governor, governor.head, governor.head.head]:
        if anc.lemma_.lower() in ctx.lex.words("construction_nouns"):
            participants += [r for r in actors_in(ctx, subtree_span(anc)) if r.kind in ("state", "organization")]
    participants += _backers(ctx, head) + _builders(ctx, head) + _agreeing_on_construction(ctx, head) + \
        _deal_parties(ctx, head)
    owner = _owner_of_governor(ctx, head)
    if not participants or owner:
        participants += owner
    if not participants:
        participants = [r for r in subject_actors(ctx, head) if r.kind in ("state", "organization")]
    if not participants:
        participants = _sentence_actors(ctx, head)
    if not participants:
        participants = _neighbour_states(ctx, head) or [Ref("state", s) for s in ctx.main_pair()]
    locations += [m.ref for m in ctx.mentions_in(scope.start, scope.end, ("city",))] + _named_cities(ctx, core)
    if has_place_pair(core):
        locations += pair_places(ctx, core)
    if head.dep_ in ("dobj", "nsubjpass"):  # 'extend the railway project from Nairobi to Kisumu'
        for prep in head.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "to", "between", "in", "through"):
                span = subtree_span(prep)
                locations += [m.ref for m in ctx.mentions_in(span.start, span.end, ("city",))]
    participants += _states_of_places(ctx, locations)
    participants = [r for r in dedupe(with_states(ctx, participants)) if r.kind in ("state", "organization")]
    participants += _story_states(ctx, participants)
    if not participants and not locations:
        return None
    return FactRecord(kind="project", label=label, participants=participants, places=dedupe(locations),
                      evidence=[ctx.evidence(core, "project-phrase", 0.65)])


def _backers(ctx: ArticleContext, head: Token) -> list[Ref]:
    """'Saudi investment in the expansion of the port', 'Chinese support for the grid': the actors
    before a noun of backing or construction that the project hangs from by prepositions."""
    nouns = ctx.lex.words("construction_nouns") | ctx.lex.words("project_backing_nouns") | \
        ctx.lex.words("project_funding_nouns")
    out: list[Ref] = []
    token = head
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.dep_ != "prep" or token.head.head.pos_ != "NOUN":
            break
        token = token.head.head
        if token.lemma_.lower() in nouns:
            out += [r for c in token.children if c.i < token.i and c.dep_ in ("amod", "poss", "compound")
                    for r in actors_in(ctx, subtree_span(c)) if r.kind in ("state", "organization")]
    return out


def _builders(ctx: ArticleContext, head: Token) -> list[Ref]:
    """'Tajikistan, which is building the Rogun plant on the Vakhsh': the subject of the verb that
    builds it (or operates it: 'X continued to operate the port'), without what follows that subject."""
    verbs = ctx.lex.words("project_development_verbs") | ctx.lex.words("project_operation_verbs")
    if head.dep_ != "dobj" or not (head.head.lemma_.lower() in verbs or started(ctx, head)) or head.head.dep_ == "pcomp":
        return []  # 'Egypt accused Ethiopia of operating the dam': Egypt does not run it
    subj = subject_of(head.head)
    if subj is None:
        return []
    span = ctx.doc[subj.left_edge.i: max(t.i for t in [subj, *subj.conjuncts]) + 1]  # 'China and Kenya'
    # a state NER took for a nationality is still the state its name says
    return [r for r in actors_in(ctx, span) if r.kind in ("state", "organization")] or name_states(ctx, span)


def _agreeing_on_construction(ctx: ArticleContext, head: Token) -> list[Ref]:
    """'Denmark and Poland agreed on the development of the Baltica wind farm', 'A and B signed a
    deal on the joint construction of X': who agrees on building it takes part in it."""
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return []
    noun = head.head.head
    if noun.lemma_.lower() not in ctx.lex.words("construction_nouns") or noun.dep_ != "pobj":
        return []
    governor = noun.head.head  # 'agreed' in 'agreed on', 'deal' in 'a deal on'
    if governor.pos_ == "NOUN" and governor.lemma_.lower() in ctx.lex.words("agreement_nouns"):
        governor = governor.head
    if governor.pos_ != "VERB":
        return []
    return [r for r in subject_actors(ctx, governor) if r.kind in ("state", "organization")]


def _deal_parties(ctx: ArticleContext, head: Token) -> list[Ref]:
    """'The Government signed an agreement with China's Sinopec for an oil refinery': who signs a
    deal for a facility, and with whom, take part in it."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("for", "on"):
        return []
    nouns = ctx.lex.words("agreement_nouns")
    governor = head.head.head
    deal = governor if governor.lemma_.lower() in nouns else next(
        (c for c in governor.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)
    if deal is None:
        return []
    verb = deal.head if deal.dep_ == "dobj" else governor
    partners = [o for holder in (deal, verb) for p in holder.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj"]
    refs = [r for o in partners for r in actors_in(ctx, subtree_span(o))]
    if verb.pos_ == "VERB":
        refs += subject_actors(ctx, verb)
    return [r for r in refs if r.kind in ("state", "organization")]


def _owner_of_governor(ctx: ArticleContext, head: Token) -> list[Ref]:
    """'Ethiopia's operation of the dam', 'Eskom's construction of the line': who runs or builds it."""
    if head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.head.pos_ != "NOUN":
        return []
    owners = [c for c in head.head.head.children if c.dep_ == "poss"]
    return [r for o in owners for r in actors_in(ctx, subtree_span(o)) if r.kind in ("state", "organization")]


def _sentence_actors(ctx: ArticleContext, head: Token) -> list[Ref]:
    """Actors of the sentence, but not a state a route avoids or passes ('routes through Russia')."""
    sent = head.sent
    passed = {t.i for p in sent if p.lower_ in ("through", "via", "bypassing", "around", "avoiding")
              for t in p.subtree}
    refs = [r for m in ctx.mentions_in(sent.start, sent.end)
            if m.start not in passed and not _island_name(ctx, m.start)
            for r in actors_in(ctx, ctx.doc[m.start:m.end])]
    places = [m.ref for m in ctx.mentions_in(sent.start, sent.end, ("city",)) if m.start not in passed]
    refs += _states_of_places(ctx, places)
    return dedupe([r for r in refs if r.kind in ("state", "organization")] + pair_refs(ctx, sent))


def _states_of_places(ctx: ArticleContext, places: list[Ref]) -> list[Ref]:
    """'the Mombasa-Kampala line', 'The route would start at Ilheus, follow the X railway to ...':
    the states a project's places (or, told with no actor of its own, its sentence's places) are
    in take part in it, when the article names those states (a state it never names would be a
    new node of this reading only)."""
    named = {m.ref.key for m in ctx.mentions if m.ref.kind == "state"}
    states = [_state_of_place(ctx, ref) for ref in places]
    return [Ref("state", s) for s in states if s in named]


def _state_of_place(ctx: ArticleContext, ref: Ref) -> str | None:
    if ref.kind != "city":
        return None
    entry = ctx.gaz.city(ref.key)
    return ctx.state_of(ref) or (entry.state if entry is not None else None)


def _island_name(ctx: ArticleContext, start: int) -> bool:
    """'on the island of Victoria': a name after 'island of' is the island's, though a city elsewhere
    bears it, so it gives no state."""
    token = ctx.doc[start]
    while token.dep_ == "compound":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "of" and \
        token.head.head.lemma_.lower() in ctx.lex.words("project_island_nouns")


def _named_cities(ctx: ArticleContext, core: Span) -> list[Ref]:
    """'Hambantota port', 'the Colombo West International Terminal': a facility named after a city
    lies in it, though NER read the whole name as an organisation; only a city the article
    mentions elsewhere, so the location is one of its places."""
    words = [t for t in core if t.pos_ == "PROPN"]
    if not words:
        return []
    cities = {m.ref for m in ctx.mentions if m.ref.kind == "city"}
    out = []
    for tok in words:
        entry = ctx.gaz.city(tok.text)
        if entry is not None and Ref("city", entry.name) in cities:
            out.append(Ref("city", entry.name))
    return out


def pair_places(ctx: ArticleContext, core: Span) -> list[Ref]:
    """'the Khulna-Mongla Port rail line', 'the Tokha-Chhahare Tunnel': the names a dash joins in a
    project's name are the places at its ends (states aside: they take part). A place the article
    has no mention of yet becomes a city mention there, so that the graph can name it."""
    doc, out = core.doc, []
    for dash in (t for t in core if t.text in DASHES and core.start < t.i < core.end - 1):
        for run in (_proper_run(ctx, core, dash.i - 1, -1), _proper_run(ctx, core, dash.i + 1, 1)):
            if run is None:
                continue
            text = run.text
            m = ctx.mention_at(run[0])
            if m is not None:
                if m.ref.kind == "city" and m.start >= run.start and m.end <= run.end:
                    out.append(m.ref)
                continue
            if ctx.gaz.state(text) or ctx.gaz.state_by_demonym(text) or ctx.gaz.organization(text):
                continue
            entry = ctx.gaz.city(text)
            ref = Ref("city", entry.name if entry is not None else text)
            if ctx.add_mention(Mention(ref, run.start, run.end, "name", 0.6)):
                entity = ctx.records.entity("city", ref.key)
                entity.names.add(text)
                entity.evidence.append(ctx.evidence(core, "project-route-name", 0.6))
                out.append(ref)
    return out


def _proper_run(ctx: ArticleContext, core: Span, i: int, step: int) -> Span | None:
    """The proper words next to a dash, away from it, without the project nouns of the name
    ('Mongla' of 'Mongla Port rail line')."""
    j = i
    while core.start <= j < core.end and _place_word(ctx, core.doc[j]):
        j += step
    lo, hi = (i, j) if step > 0 else (j + 1, i + 1)
    return core.doc[lo:hi] if hi > lo else None


def _place_word(ctx: ArticleContext, token: Token) -> bool:
    """A word of a place's name: proper, no state, no project noun ('Port'), no English word
    ('North-South', 'High-Speed', 'Trans-Caspian'), no acronym or numeral ('Punatsangchhu-II')."""
    lex = ctx.lex
    if token.pos_ != "PROPN" or token.text in DASHES or token.text.isupper() or not token.is_alpha:
        return False
    low = token.lower_
    if any(low in lex.words(key) for key in ("project_heads", "project_named_heads", "project_route_heads",
                                              "project_name_prefixes")) or state_word(ctx, token):
        return False
    return ctx.gaz.city(token.text) is not None or not english_word(token.lower_)


def _end_places(ctx: ArticleContext, ends: list[Token]) -> list[Ref]:
    """The ends of a route are places: a city mention there is a location; a person or organisation
    NER saw in a place name ('Lubango', 'Wadi Halfa') is a misreading and goes."""
    out = []
    for token in ends:
        m = ctx.mention_at(token)
        if m is None:
            continue
        if m.ref.kind == "city":
            out.append(m.ref)
        elif m.ref.kind in ("person", "organization") and ctx.gaz.organization(ctx.doc[m.start:m.end].text) is None:
            ctx.remove_mention(m)
    return out


def name_states(ctx: ArticleContext, core: Span) -> list[Ref]:
    """'the Grand Ethiopian Renaissance Dam', 'the Bolivia-Brazil pipeline': states in the name take part."""
    out, doc, skip_to = [], core.doc, core.start
    for tok in core:
        if tok.i < skip_to:
            continue
        m = ctx.mention_at(tok)
        if m is not None and m.ref.kind == "state" and m.end - m.start > 1:
            if tok.i == m.start:  # 'South Sudan' is one state, not 'Sudan'
                out.append(m.ref)
            continue
        # the longest state name from here ('South Sudan' of 'Lamu Port-South Sudan-Ethiopia
        # Transport', where the NER took the whole name and no state mention was made)
        for n in range(min(MAX_STATE_TOKENS, core.end - tok.i), 1, -1):
            entry = ctx.gaz.state(doc[tok.i:tok.i + n].text)
            if entry is not None and doc[tok.i + n - 1].pos_ == "PROPN":
                out.append(Ref("state", entry.name))
                skip_to = tok.i + n
                break
        else:
            entry = ctx.gaz.state(tok.text) or ctx.gaz.state_by_demonym(tok.text)
            if entry is not None and tok.pos_ in ("PROPN", "ADJ"):
                out.append(Ref("state", entry.name))
    return out


MAX_STATE_TOKENS = 4   # 'Bosnia and Herzegovina', 'Saint Kitts and Nevis'


def _story_states(ctx: ArticleContext, participants: list[Ref]) -> list[Ref]:
    """'we are working with the rail operator on the Lephalale line', told after a commission's
    meeting: a project whose actors are only bodies of no known state is the story's, and the
    story's two states take part in it (as the sentence fallback makes them when none is named)."""
    if not participants or any(r.kind == "state" for r in participants):
        return []
    return [Ref("state", s) for s in ctx.main_pair()]


def _neighbour_states(ctx: ArticleContext, token: Token) -> list[Ref]:
    """States of the previous sentence of the same paragraph ('... was also commissioned at that time')."""
    sent = token.sent
    if sent.start == 0:
        return []
    prev = ctx.doc[sent.start - 1].sent
    # spaCy hangs the blank line ending a paragraph on that paragraph's last sentence, so the
    # break is looked for after its last word, not after the sentence
    words_end = next((t.idx + len(t.text) for t in reversed(prev) if not t.is_space), prev.end_char)
    if "\n" in ctx.text[words_end: sent.start_char]:
        return []
    return [r for r in actors_in(ctx, prev) if r.kind == "state"]
