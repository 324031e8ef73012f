"""The words of a project's phrase: which are its name, which say what it is, which are sizes,
places or the actor that runs it."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.actors import subtree_span
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_names import dashed_first_place, is_measure, ranking, state_word
from relgraph.nlp.project_status import built, developed

PLACE_KINDS = ("city", "state")


def unit_of_a_post(ctx: ArticleContext, head: Token) -> bool:
    lex = ctx.lex
    return head.lemma_.lower() in lex.words("project_unit_heads") and head.dep_ == "pobj" and \
        head.head.lower_ == "of" and head.head.head.lemma_.lower() in lex.words("project_unit_posts")


def company_named_as_project(ctx: ArticleContext, head: Token) -> bool:
    """'the joint venture Volta Rail', 'Volta Rail, the line's operator', 'chief executive of the Coastal Railway': a named
    project noun that an organisation noun stands beside, or that has a chief executive or
    shareholders, names the company that builds or runs a line, not the undertaking."""
    lex = ctx.lex
    if head.pos_ != "PROPN":
        return False  # 'the chief executive of the railway project' may still tell the project
    if head.dep_ == "appos" and head.head.lemma_.lower() in lex.words("project_company_nouns"):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in lex.words("project_company_nouns") for c in head.children):
        return True  # 'South Ridge Railway, the network's concessionaire': the company is told as one
    return head.dep_ == "pobj" and head.head.lower_ == "of" and \
        head.head.head.lemma_.lower() in lex.words("project_company_posts")


def said_new(ctx: ArticleContext, head: Token) -> bool:
    """'a new deep-water terminal': a facility said to be new, at a site the text names, is one
    being made."""
    return any(c.dep_ == "amod" and c.lower_ in ctx.lex.words("project_novelty_modifiers") for c in head.children)


def company_owned(ctx: ArticleContext, head: Token) -> bool:
    """'Heidelberg Materials' cement plant': a facility an organisation owns, by the possessive."""
    return any(c.dep_ == "poss" and (m := ctx.mention_at(c)) is not None and m.ref.kind == "organization"
               for c in head.children)


def unowned_name_words(ctx: ArticleContext, core: Span, head: Token) -> bool:
    """Name words of a phrase besides the organisations in it, and the actor of 'X-run', 'X-built'
    ('the DP World-run hub' has none)."""
    start = max((t.i for t in core if t.i > core.start and actor_before_participle(ctx, t.i)), default=core.start)
    units = ctx.lex.words("project_measure_units")
    return any(proper(t) and t.i != head.i and not state_word(ctx, t) and t.lower_ not in units and not (
        (m := ctx.mention_at(t)) is not None and m.ref.kind == "organization") for t in core.doc[start:core.end])


def actor_before_participle(ctx: ArticleContext, end: int) -> bool:
    """'the DP World-run hub', 'a Sinohydro-built dam': the organisation runs or builds the project,
    it is no word of its name."""
    doc = ctx.doc
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and \
        doc[end + 1].lower_ in ctx.lex.words("project_actor_participles")


def proper_words(ctx: ArticleContext, core: Span, head: Token) -> frozenset[str]:
    """Proper words of a name that are not states ('Baynes', 'Narrow', 'Water')."""
    generic = ctx.lex.words("project_generic_modifiers") | ctx.lex.words("project_measure_units")
    return frozenset(t.lower_ for t in core if proper(t) and t.i != head.i and not state_word(ctx, t)
                     and not is_place(ctx, t) and t.lower_ not in generic)


def name_words(ctx: ArticleContext, core: Span, head: Token) -> frozenset[str]:
    """The proper words that tell one project from another, places included ('Igdir', 'Nakhchivan')."""
    generic = ctx.lex.words("project_generic_modifiers") | ctx.lex.words("project_measure_units")  # '600 MW'
    return frozenset(t.lower_ for t in core if proper(t) and t.i != head.i and not state_word(ctx, t)
                     and t.lower_ not in generic)


def proper(token: Token) -> bool:
    """A proper word, or a capitalised word inside a sentence the tagger took for a common noun
    ('the Rogun hydropower plant'); not in a headline, where every word is capitalised."""
    if token.pos_ == "PROPN":
        return True
    if token.pos_ != "NOUN" or not token.text[:1].isupper() or token.i == token.sent.start:
        return False
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.text[:1].isupper() for t in words) * 2 < len(words)


def is_place(ctx: ArticleContext, token: Token) -> bool:
    """A place word: 'Karachi Port' is named after its city, and names no undertaking by that."""
    m = ctx.mention_at(token)
    return m is not None and m.ref.kind in PLACE_KINDS or ctx.gaz.city(token.text) is not None


def distinctive(ctx: ArticleContext, core: Span, head: Token) -> frozenset[str]:
    """The words of a phrase that say what the project is: not sizes, praise, status, or who pays."""
    lex = ctx.lex
    skip = lex.words("project_generic_modifiers") | lex.words("project_actor_participles")
    units = lex.words("project_measure_units")
    return frozenset(t.lower_ for t in core if t.i != head.i and t.pos_ not in ("DET", "PUNCT", "PART", "PRON", "ADP")
                     and t.dep_ != "poss" and not is_measure(t, units) and t.lower_ not in skip
                     and t.ent_type_ != "MONEY" and t.tag_ != "$"
                     and t.lemma_.lower() not in skip and not state_word(ctx, t))


def site_words(ctx: ArticleContext, site: Span) -> frozenset[str]:
    """The proper words of a site phrase ('at Dholera in Gujarat' -> dholera, gujarat), states aside."""
    return frozenset(t.lower_ for t in site if t.pos_ == "PROPN" and not state_word(ctx, t))


def city_in(ctx: ArticleContext, head: Token) -> bool:
    scope = subtree_span(head)
    return bool(ctx.mentions_in(scope.start, scope.end, ("city",)))


def project_kind(ctx: ArticleContext, core: Span, head: Token) -> str | None:
    """What the project is: its head noun, or for 'project', 'programme' the project noun before it
    ('the Lobito refinery project' is a refinery); None when the phrase does not say."""
    lex = ctx.lex
    lemma = head.lemma_.lower()
    if lemma in lex.words("project_vague_route_heads"):
        return None  # 'the BTK line' is any kind of route: the Baku-Tbilisi-Kars railway
    if lemma not in lex.words("project_purpose_heads"):
        return lemma
    return next((t.lemma_.lower() for t in core if t.i != head.i and t.lemma_.lower() in lex.words("project_heads")
                 and t.lemma_.lower() not in lex.words("project_vague_route_heads")), None)


def places_of_built_facility(ctx: ArticleContext, head: Token) -> list[Token]:
    """'investment at the ports of Tanga and Mombasa', 'the expansion of the port of Beira': a
    facility named by the places it is 'of' is a project of each place when the text says it is
    built, funded or expanded ('the Red Sea port of Aqaba', said in passing, is only a place)."""
    if head.lower_ not in ctx.lex.words("project_facility_heads") and \
            head.lemma_.lower() not in ctx.lex.words("project_facility_heads"):
        return []
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ != "PROPN":
        return []
    places = [t for t in [obj, *obj.conjuncts] if t.pos_ == "PROPN" and is_place(ctx, t) and not state_word(ctx, t)]
    if not places or not (built(ctx, head) or developed(ctx, head, running=False)):
        return []
    return places


def of_construction(ctx: ArticleContext, token: Token) -> bool:
    """'the ML-1 railway upgrade': a project noun naming what a construction noun works on."""
    return token.head.i == token.i + 1 and token.head.lemma_.lower() in ctx.lex.words("construction_nouns")


def head_span(head: Token) -> Span:
    return head.doc[head.i: head.i + 1]


def core_phrase(ctx: ArticleContext, head: Token) -> Span | None:
    """'the largest steel mill' -> 'steel mill'; needs at least one modifier that names what it is."""
    mods = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "nummod") and c.i < head.i
            and not ranking(c) and c.lower_ not in ("first", "new", "last", "next", "other", "such")]
    if head.dep_ == "compound" and of_construction(ctx, head):  # 'the ML-1 railway upgrade'
        mods += [c for c in head.head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i and c.pos_ == "PROPN"]
    if not mods:
        return None
    start = min(t.left_edge.i for t in mods)
    return head.doc[dashed_first_place(ctx, head, start): head.i + 1]


def company_name(ctx: ArticleContext, head: Token) -> set[frozenset[str]]:
    """The name words of a project noun the text gives a chairman or a secretariat (a body's name)."""
    if not company_named_as_project(ctx, head):
        return set()
    core = core_phrase(ctx, head)
    names = name_words(ctx, core, head) if core is not None else frozenset()
    return {names} if names else set()


def body_named_after_place(ctx: ArticleContext, head: Token) -> bool:
    """'the Accra Initiative', 'the Nile Basin Initiative': an initiative whose name is only the city
    or the basin, sea or river it was founded for is a body of member states (an organisation);
    'the Belt and Road Initiative', 'the Black Sea Grain Initiative' say what is done, and are projects."""
    lex = ctx.lex
    if head.lemma_.lower() not in lex.words("project_body_heads") or not head.text[:1].isupper():
        return False
    core = core_phrase(ctx, head)
    words = [t for t in core if t.i != head.i and not t.is_punct] if core is not None else []
    if not words or not all(proper(t) or t.like_num for t in words):
        return False
    if words[-1].lemma_.lower() in lex.words("project_geographic_nouns") or \
            words[-1].lower_ in lex.words("project_geographic_nouns"):
        return True  # 'Nile Basin', 'Three Seas': a place by its feature noun
    return ctx.gaz.city(" ".join(t.text for t in words)) is not None
