"""States, cities and organisations from NER and the gazetteer ruler (ministry patterns: relgraph.nlp.ministries)."""
from __future__ import annotations

import re

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext, Mention, clean_name
from relgraph.nlp.ministries import ctx_matches, extract_ministries, nearest_state  # noqa: F401 (their old home)
from relgraph.nlp.ministry_names import bare_title, is_generic_ministry
from relgraph.nlp.not_orgs import named_as_a_place, not_org_reason, numbered_sessions, title_of_a_person
from relgraph.nlp.org_furniture import on_furniture_line
from relgraph.nlp.org_acronyms import bracketed_definitions, document_acronyms, name_before_bracket, split_acronym
from relgraph.nlp.org_descriptors import extract_described_orgs
from relgraph.nlp.org_names import (coordinated_bodies, cut_at_clause, merge_short_forms, parent_of_member_organ,
                                    widen_org)
from relgraph.nlp.org_records import record, state_in_name
from relgraph.nlp.org_shapes import has_org_head, name_head, org_shapes
from relgraph.records import Ref

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAX_ORG_TOKENS = 8


def extract_places_and_orgs(ctx: ArticleContext) -> None:
    """Turn the doc's entities into state/city/organisation mentions (persons are done elsewhere)."""
    acronyms: dict[str, Ref | None] = {}   # short forms this article defines: 'IGAD' -> its organisation
    # A word used as a title once ('the Vizier, Ann Roe') is a title in every sentence.
    titles = {name for e in ctx.ents if e.label_ == "ORG" and not ctx.gaz.organization(name := clean_name(e.text))
              and _used_as_title(ctx, name)}
    # A name once placed ('the border city of Tarsk') is a place in every sentence.
    places = {clean_name(e.text) for e in ctx.ents
              if _unknown_headless_org(ctx, e) and named_as_a_place(ctx, e)} | _read_as_places(ctx)
    # An acronym once defined for a document ('the ... Agreement (LWTA)') is a document everywhere.
    documents = {a for a in document_acronyms(ctx) if ctx.gaz.organization(a) is None}
    not_orgs = titles | places | documents | numbered_sessions(ctx)
    for ent in ctx.ents:
        ent = _before_post(ctx, ent)
        if ent is None or ctx.is_excluded(ent) or ent.label_ == "ORG" and clean_name(ent.text) in not_orgs \
                and not ent.ent_id_:
            continue
        if ent.label_ in ("PERSON", "FAC", "LOC") and _has_strong_head(ent):
            ent = _as_org(ctx, ent)   # '<Name> Railway' read as a person, a commission as a place
        for part in coordinated_bodies(ent):
            if clean_name(part.text) in acronyms:
                _add_acronym_use(ctx, part, acronyms[clean_name(part.text)])
            else:
                _read_entity(ctx, part, acronyms)
    for name, acronym in bracketed_definitions(ctx):
        _read_definition(ctx, name, acronym, acronyms)
    extract_described_orgs(ctx, record)
    merge_short_forms(ctx)


def _read_as_places(ctx: ArticleContext) -> set[str]:
    """Unknown headless names NER also reads as a place after a preposition in another sentence
    ('farms in Velmora' ... 'a hospital for Velmora'): the place reading wins, as NER's ORG guess on
    a bare name varies with the words around it. Not a place reading after a noun ('the commodities
    trader X'): there the noun says what X is."""
    doc = ctx.doc
    place_texts = {clean_name(e.text) for e in ctx.ents if e.label_ in ("GPE", "LOC")
                   and e.start > 0 and doc[e.start - 1].pos_ == "ADP"}
    return {name for e in ctx.ents if _unknown_headless_org(ctx, e)
            and (name := clean_name(e.text)) in place_texts}


def _unknown_headless_org(ctx: ArticleContext, ent: Span) -> bool:
    """An NER organisation that neither the gazetteer (as any kind of name) nor an organisation's
    head noun vouches for."""
    name = clean_name(ent.text)
    return ent.label_ == "ORG" and not ent.ent_id_ and not has_org_head(ent.text) \
        and not (ctx.gaz.organization(name) or ctx.gaz.city(name) or ctx.gaz.state(name))


def _read_entity(ctx: ArticleContext, ent: Span, acronyms: dict[str, Ref | None]) -> None:
    """One NER or gazetteer span: its whole name and acronym, its kind, its mention and record."""
    bracketed = name_before_bracket(ent, ctx.by_token) if ent.label_ == "ORG" else None
    ent, acronym, end = split_acronym(bracketed or ent)
    ent = widen_org(ctx, cut_at_clause(ent)) if ent.label_ == "ORG" and not ent.ent_id_ else ent
    kind, key, via = _classify(ctx, ent)
    if kind == "organization" and (_is_product_name(ent) or on_furniture_line(ctx, ent)):
        kind = None
    if via == "demonym" and _currency_or_language(ent):
        return
    if kind == "organization" and ctx.gaz.organization(key) is None and not acronym:
        parent = parent_of_member_organ(ctx, ent)
        key, via = (parent, "alias") if parent is not None else (key, via)
    known = ctx.gaz.organization(key) or acronym and ctx.gaz.organization(acronym)
    if acronym and kind == "organization" and not known:
        # the article's own short name, as later mentions and reports use it; but a body the
        # article already named in full without it ('the Alliance of X' ... 'the Alliance of X (AX)') keeps its node
        key = _read_as(ctx, key) or acronym
    if acronym and kind in (None, "organization"):
        acronyms[acronym] = Ref(kind, key) if kind else None  # the acronym of a dam is no organisation
    if kind is None:
        return
    end = end if acronym and kind == "organization" else ent.end
    if bracketed is not None and kind == "organization":
        _release_places(ctx, ent.start, end)
    if ctx.add_mention(Mention(Ref(kind, key), ent.start, end, via)):
        record(ctx, kind, key, ent, via)
        if acronym and kind == "organization":
            ctx.records.entity(kind, key).names.update({acronym, clean_name(ent.text)})
        if kind == "organization" and ctx.gaz.organization(key) is None:
            _add_parent(ctx, ent)


def _read_definition(ctx: ArticleContext, name: Span, acronym: str, acronyms: dict[str, Ref | None]) -> None:
    """A name its bracketed acronym defines outranks NER's pieces of it ('Society for Studies',
    'Detroit de Gibraltar') and the places inside it; not a person's or a known body's words."""
    end = name.end + 3   # over '( ACRONYM )'
    start = name.start - 1 if name.start and ctx.doc[name.start - 1].lower_ == "the" else name.start
    held = {id(m): m for i in range(start, end) if (m := ctx.by_token.get(i)) is not None}
    for mention in held.values():
        known_org = mention.ref.kind == "organization" and ctx.gaz.organization(mention.ref.key)
        if mention.start < start or mention.end > end or mention.ref.kind == "person" or known_org:
            return
    for mention in held.values():
        ctx.remove_mention(mention)
    full = clean_name(name.text)
    known = ctx.gaz.organization(full)
    # The same name read elsewhere in the article ('Lakeland Railways chairman ...') is the same body.
    read = _read_as(ctx, full)
    key = known.name if known else read or acronym
    if ctx.add_mention(Mention(Ref("organization", key), name.start, end, "name")):
        record(ctx, "organization", key, name, "name")
        ctx.records.entity("organization", key).names.update({acronym, clean_name(name.text)})
        acronyms[acronym] = Ref("organization", key)


def _read_as(ctx: ArticleContext, name: str | None) -> str | None:
    """The key of the organisation the article already read under `name`, if any."""
    return next((ref.key for ref, e in ctx.records.entities.items()
                 if ref.kind == "organization" and (ref.key == name or name in e.names)), None)


def _add_parent(ctx: ArticleContext, ent: Span) -> None:
    """'the OAS General Assembly', 'the Communist Party of China Central Committee': an organ's name
    starts with its parent's, and the text names the parent too."""
    organ_words = org_shapes().organ_words
    for end in range(ent.end - 1, ent.start, -1):
        parent = ctx.gaz.organization(clean_name(ctx.doc[ent.start:end].text))
        if parent is not None and all(t.lower_ in organ_words for t in ctx.doc[end:ent.end]):
            piece = Span(ctx.doc, ent.start, end, label="ORG")
            # The organ holds the tokens; the parent's mention shares them.
            ctx.mentions.append(Mention(Ref("organization", parent.name), ent.start, end, "name"))
            record(ctx, "organization", parent.name, piece, "name")
            return


def _has_strong_head(ent: Span) -> bool:
    return any(t.lower_ in org_shapes().strong_heads for t in ent)


def _as_org(ctx: ArticleContext, ent: Span) -> Span:
    """The span as an ORG, taking it back from a person reading of exactly these words."""
    held = {id(m): m for i in range(ent.start, ent.end) if (m := ctx.by_token.get(i)) is not None}
    if any(m.ref.kind != "person" or m.start < ent.start or m.end > ent.end for m in held.values()):
        return ent
    for mention in held.values():
        ctx.remove_mention(mention)
    return Span(ctx.doc, ent.start, ent.end, label="ORG")


def _release_places(ctx: ArticleContext, start: int, end: int) -> None:
    """State and city words inside an organisation's name are part of the name."""
    for mention in {id(m): m for i in range(start, end) if (m := ctx.by_token.get(i))}.values():
        if mention.ref.kind in ("state", "city"):
            ctx.remove_mention(mention)


def _used_as_title(ctx: ArticleContext, name: str) -> bool:
    """Whether some occurrence of `name`, tagged or not, is a title beside a person's name."""
    start = ctx.text.find(name)
    while start >= 0 and name:
        span = ctx.doc.char_span(start, start + len(name))
        if span is not None and title_of_a_person(ctx, span):
            return True
        start = ctx.text.find(name, start + 1)
    return False


def _add_acronym_use(ctx: ArticleContext, ent: Span, ref: Ref | None) -> None:
    """A later 'IGAD' is the organisation its definition named, whatever the gazetteer says ('AFP'
    after 'the Westland Federal Police (AFP)' is not the news agency)."""
    if ref is not None and ctx.add_mention(Mention(ref, ent.start, ent.end, "alias")):
        ctx.records.entity(ref.kind, ref.key).evidence.append(ctx.evidence(ent, "acronym-in-article", 0.8))


def _before_post(ctx: ArticleContext, ent: Span) -> Span | None:
    """The entity without an office title it runs into: NER reads 'Kenyan Foreign Affairs Cabinet
    Secretary' as an organisation 'Kenyan Foreign Affairs'; the title is a post and 'Kenyan' still
    names the state."""
    inside = [t.i for t in ent if t.i in ctx.post_tokens]
    if not inside:
        return ent
    if inside[0] == ent.start:
        return None
    head = ctx.doc[ent.start:inside[0]]
    label = "NORP" if ctx.gaz.state_by_demonym(clean_name(head.text)) else ent.label_
    return Span(ctx.doc, ent.start, inside[0], label=label)


def _classify(ctx: ArticleContext, ent: Span) -> tuple[str | None, str | None, str]:
    gaz = ctx.gaz
    text = clean_name(ent.text)
    if not text or text.lower() in ctx.lex.not_entities or "\n" in ent.text.strip():
        return None, None, ""
    if ent.ent_id_:
        kind, _, key = ent.ent_id_.partition(":")
        if kind == "demonym":
            return "state", key, "demonym"
        if kind == "org":
            return "organization", key, "name"
        if kind in ("state", "city"):
            return kind, key, "name"
        return None, None, ""  # persons are handled with their posts
    label = ent.label_
    if label == "NORP":
        hit = gaz.state_by_demonym(text)
        if hit is None and gaz.organization(text):   # NER reads 'Saudi Aramco' as a nationality
            return "organization", gaz.organization(text).name, "name"
        return ("state", hit.name, "demonym") if hit else (None, None, "")
    if label in PLACE_LABELS | {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"}:
        hit = gaz.state(text)
        if hit:
            return "state", hit.name, "name"
        org = gaz.organization(text)
        if org:
            return "organization", org.name, "name"
        if label in PLACE_LABELS:
            city = gaz.city(text, prefer_state=ctx.primary_state())
            if city:
                return "city", city.name, "name"
            fuzzy = gaz.fuzzy_state(text)
            if fuzzy:
                return "state", fuzzy.name, "alias"
            return None, None, ""
        if label == "PERSON":
            fuzzy = gaz.fuzzy_state(text)
            return ("state", fuzzy.name, "alias") if fuzzy else (None, None, "")
        org = gaz.organization(text)
        if org:
            return "organization", org.name, "name"
        if gaz.city(text) and len(ent) <= 3:  # NER reads 'Abu Dhabi Crown Prince' as an organisation
            return "city", gaz.city(text).name, "name"
        if name_head(text) in org_shapes().government_heads and state_in_name(ctx, ent):
            return "state", state_in_name(ctx, ent), "alias"   # 'the Government of X' is X
        if _plausible_org(ctx, ent, text):
            return "organization", text, "name"
    return None, None, ""


def _currency_or_language(ent: Span) -> bool:
    """'15 million Swiss francs', 'a speaker of Arabic, French and English': the demonym names a
    currency or a language, not the state."""
    doc, shapes = ent.doc, org_shapes()
    if ent.end < len(doc) and doc[ent.end].lower_ in shapes.currency_nouns:
        return True
    root = ent.root
    coordinated = list(root.conjuncts) + ([root.head] if root.dep_ == "conj" else [])
    return any(t.lower_ in shapes.language_names for t in coordinated)


def _is_product_name(ent: Span) -> bool:
    """'Sputnik V', 'Boeing 737': a model designation right after the name makes it a product."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return (len(nxt.text) <= 2 and nxt.text.isupper() and nxt.is_alpha) or nxt.like_num and nxt.pos_ == "PROPN"


def _plausible_org(ctx: ArticleContext, ent: Span, text: str) -> bool:
    """NER's ORG spans are noisy: keep names that look like organisations."""
    words = text.split()
    if not words or len(words) > MAX_ORG_TOKENS or len(text) < 2:
        return False
    if re.search(r"\d", text) or not text[0].isupper():
        return False
    if words[-1].lower() in ctx.lex.words("facility_suffixes") and _is_a_venue(words):
        return False
    if len(words) == 1 and text.isupper() and len(text) <= 4 and ctx.gaz.organization(text) is None \
            and not _owned_by_a_state(ctx, ent):
        return False  # bare acronyms (LNG, EPA) are rarely organisations we can name
    if any(t.pos_ == "VERB" for t in ent):
        return False
    if ctx.gaz.person(text) is not None or is_generic_ministry(bare_title(ctx, ent)):
        return False  # a ministry named without its state is read by extract_ministries
    return not_org_reason(ctx, ent, text) is None


def _is_a_venue(words: list[str]) -> bool:
    """'Tarsk Hotel', 'the Tarsk International Conference Centre' are venues; a university or a
    research or policy centre ('the Roe Center', 'Tarsk University') is a body that acts and speaks."""
    last = words[-1].lower()
    if last == "university":
        return False
    if last in ("centre", "center"):
        return any(w.lower() in org_shapes().venue_words for w in words[:-1])
    return True


def _owned_by_a_state(ctx: ArticleContext, ent: Span) -> bool:
    """"France's EDF signed ...": an acronym a state's possessive owns, as the head of its phrase
    (not "Ruritania's LNG imports"), is one of that state's bodies or companies."""
    doc = ctx.doc
    if ent.start < 2 or doc[ent.start - 1].text not in ("'s", "\u2019s"):
        return False
    owner = ctx.by_token.get(ent.start - 2)
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return owner is not None and owner.ref.kind == "state" and ent.root.dep_ != "compound" \
        and not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN"))
