"""Whole organisation names from NER's cut ones: a longer gazetteer name, a name cut at 'of' or
'and' ('Police Service of' | 'Westland Province'), a body named by its seat ('District Court in Lyon');
two bodies NER ran together, and an article's short form of a longer name."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, Mention, clean_name
from relgraph.nlp.org_acronyms import merge_bracketed_acronyms, merge_spelled_acronyms
from relgraph.nlp.org_shapes import has_org_head, name_head, org_shapes

MAX_EXTRA_TOKENS = 6
STOP_ENT_TYPES = {"DATE", "TIME", "CARDINAL", "PERSON", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


def widen_org(ctx: ArticleContext, ent: Span) -> Span:
    """The fullest organisation name that starts where NER's span starts."""
    longer = _gazetteer_name(ctx, ent)
    if longer is not None:
        return longer
    doc = ent.doc
    shapes = org_shapes()
    last = ent[-1].lower_
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if last in shapes.dangling_words:
        return _continue(ctx, ent, ent.end) or ent
    coordinated = coordinated_modifiers(ctx, ent)
    if coordinated is not None:
        return coordinated
    if nxt is None or not has_org_head(ent.text):
        return ent
    if nxt.lower_ in shapes.extension_joiners:
        if _full_name(ent) and _starts_another_org(doc, ent.end + 1):
            return ent   # 'the Policy Department of the Presidential Office': two bodies NER told apart
        return _continue(ctx, ent, ent.end + 1) or ent
    if nxt.lower_ == "and" and any(w in ent.text.split() for w in ("of", "on", "for")):
        wider = _continue(ctx, ent, ent.end + 1)
        rest = doc[ent.end + 1:wider.end] if wider is not None else None
        if rest is not None and not has_org_head(rest.text) and not any(
                t.ent_type_ in ("GPE", "LOC", "NORP") or ctx.gaz.state(t.text) or ctx.gaz.city(t.text)
                for t in rest):
            return wider            # 'Commission on River Demarcation and River Safety'
    if nxt.lower_ == "in" and name_head(ent.text) in shapes.seat_heads:
        seat = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
        if seat is not None and ctx.gaz.city(seat.text) is not None:
            return Span(doc, ent.start, seat.i + 1, label=ent.label_)
    return ent


def coordinated_modifiers(ctx: ArticleContext, ent: Span) -> Span | None:
    """'the Westland Oil' | 'and Gas Corporation', 'the Climate' | ', Infrastructure and Environment
    Agency', 'the Foreign, Commonwealth and' | 'Development Office': NER cut a name inside the
    capitalised modifiers its one head noun shares ('A, B and C Agency'). The whole name runs from the
    first modifier to the head when the words on the other side of the cut are only capitalised
    words, commas and one 'and', with no head noun, state, place or person among them. A part with a
    head of its own is a body of its own ('the Harbour Authority and Omnitel Ltd': coordinated_bodies)."""
    doc = ent.doc
    shapes = org_shapes()
    joiners = shapes.coordinated_modifier_joiners
    cut = ent.end - 1 if ent[-1].text == "," else ent.end   # NER may keep the comma it stopped at
    words = [t for t in ent[:cut - ent.start] if t.lower_ != "the"]
    if len(words) >= 2 and not has_org_head(ent.text) and cut < len(doc) and doc[cut].lower_ in joiners:
        end, ands = cut, 0
        listed = doc[cut].text == ","   # 'A, B and C Agency': a list of modifiers may run into NER's next name
        while end < len(doc) and end - cut <= MAX_EXTRA_TOKENS:
            tok = doc[end]
            if tok.lower_ in joiners:
                ands += tok.lower_ != ","
            elif not (tok.text[:1].isupper() and _modifier_word(ctx, tok)) or not listed and tok.ent_iob_ != "O":
                break   # 'ADNOC Gas and Indian Oil Corporation': after a bare 'and', NER's own name is another body
            end += 1
            if tok.lower_ in shapes.strong_heads:
                break
        if ands == 1 and doc[end - 1].lower_ in shapes.strong_heads and doc[cut + 1].text[:1].isupper() \
                and not has_org_head(doc[cut:end - 1].text):
            return Span(doc, ent.start, end, label=ent.label_)
    start = ent.start
    if not has_org_head(ent.text) or start < 3 or doc[start - 1].lower_ not in joiners - {","}:
        return None
    i = start - 1
    while i > 0 and start - i <= MAX_EXTRA_TOKENS and (doc[i - 1].text == "," or doc[i - 1].text[:1].isupper()
                                                       and doc[i - 1].lower_ != "the" and _modifier_word(ctx, doc[i - 1])):
        i -= 1
    while i < start and doc[i].text == ",":
        i += 1
    before = doc[i:start - 1]
    if len(before) < 3 or "," not in before.text or has_org_head(before.text):
        return None   # 'Foreign, Commonwealth and': at least two modifiers in a list
    return Span(doc, i, ent.end, label=ent.label_)


def _modifier_word(ctx: ArticleContext, token: Token) -> bool:
    """A capitalised word that can modify a name's head: no other reading, entity or post holds it."""
    if token.i in ctx.post_tokens or "\n" in token.text or token.ent_type_ in STOP_ENT_TYPES | {"GPE", "LOC", "NORP"}:
        return False
    mention = ctx.by_token.get(token.i)
    return mention is None and token.is_alpha and token.pos_ != "DET" and token.lower_ not in ("the", "a", "an")


def is_short_form_of(short: str, names: set[str]) -> bool:
    """Whether `short` begins one of `names` and leaves out only what a short form may."""
    for name in names:
        if not name.startswith(short + " "):
            continue
        rest = name[len(short):].split()
        if " " not in short and not has_org_head(" ".join(rest)):
            return True
        if all(w.lower().strip(".,") in org_shapes().legal_forms for w in rest):
            return True
    return False


def _without_its_states(ctx: ArticleContext, short: str, names: set[str]) -> bool:
    """'the Grand Joint Commission' after 'the Ruritania-Westland Grand Joint Commission': a body's
    name without the state or pair of states it begins with is its short form."""
    if not has_org_head(short):
        return False
    for name in names:
        if name.endswith(" " + short):
            states = re.split(r"[\-\u2013/]", name[:-len(short)].strip())
            if all(ctx.gaz.state(w) or ctx.gaz.state_by_demonym(w) for w in states):
                return True
    return False


def cut_at_clause(ent: Span) -> Span:
    """'the House of Commons that Ruritania ...': NER ran a name on into the clause after it; the
    name ends before the clause word."""
    words = org_shapes().clause_words
    for tok in ent[1:]:
        if tok.lower_ in words and tok.text.islower():
            if tok.i - ent.start >= 2 and ent.doc[tok.i - 1].text[:1].isupper():
                return Span(ent.doc, ent.start, tok.i, label=ent.label_)
            return ent
    return ent


def _full_name(ent: Span) -> bool:
    """A head noun with descriptive words of its own ('Foreign Policy Department'), unlike a bare
    'the Council' or an organ's generic 'Political Bureau' that need their 'of ...' to be a name."""
    words = [t for t in ent if t.text[:1].isupper() and t.lower_ != "the"]
    organ_words = org_shapes().organ_words | org_shapes().heads
    return has_org_head(ent.text) and len(words) >= 2 and not all(t.lower_ in organ_words for t in words)


def _starts_another_org(doc, i: int) -> bool:
    """NER began an organisation of its own at token i (or at the word after its article)."""
    if i < len(doc) and doc[i].lower_ == "the" and doc[i].ent_iob_ != "B":
        i += 1
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "ORG"


def _gazetteer_name(ctx: ArticleContext, ent: Span) -> Span | None:
    """'Organization for Security and Co-operation' | 'in Europe': the gazetteer knows the whole."""
    doc = ent.doc
    for end in range(min(len(doc), ent.end + MAX_EXTRA_TOKENS), ent.end, -1):
        piece = doc[ent.start:end]
        if piece[-1].is_alpha and "\n" not in piece.text \
                and ctx.gaz.organization(clean_name(piece.text)) is not None:
            return Span(doc, ent.start, end, label=ent.label_)
    return None


def _continue(ctx: ArticleContext, ent: Span, start: int) -> Span | None:
    """The name running on from `start` over capitalised words (and 'the', 'of' between them)."""
    doc = ent.doc
    shapes = org_shapes()
    end = start
    while end < len(doc) and end - ent.end <= MAX_EXTRA_TOKENS and _name_word(ctx, doc[end]):
        end += 1
    while end > start and doc[end - 1].lower_ in shapes.function_words:
        end -= 1
    if end == start or not doc[start:end].text[:1].isalpha():
        return None
    return Span(doc, ent.start, _over_coordinated_adjective(ctx, doc, end), label=ent.label_)


def _over_coordinated_adjective(ctx: ArticleContext, doc, end: int) -> int:
    """'... Foundation for European' | 'and Foreign Policy': a name that ends on an adjective shares
    the noun after 'and' with it ('for European and Foreign Policy'); the name runs on to that noun."""
    if end + 1 >= len(doc) or doc[end - 1].tag_ != "JJ" or doc[end].lower_ != "and" \
            or not doc[end + 1].text[:1].isupper():
        return end
    k = end + 1
    while k < len(doc) and k - end <= 3 and doc[k].text[:1].isupper() and _modifier_word(ctx, doc[k]):
        k += 1
    return k if k > end + 1 and doc[k - 1].pos_ in ("NOUN", "PROPN") and doc[k - 1].tag_ != "JJ" else end


def _name_word(ctx: ArticleContext, token: Token) -> bool:
    if token.i in ctx.post_tokens or token.ent_type_ in STOP_ENT_TYPES or "\n" in token.text:
        return False
    mention = ctx.by_token.get(token.i)
    if mention is not None and mention.ref.kind not in ("state", "city"):
        return False
    return token.text[:1].isupper() or token.lower_ in org_shapes().function_words and token.lower_ != "and"


def coordinated_bodies(ent: Span) -> list[Span]:
    """'the Harbour Authority and Omnitel Ltd' read as one name: two bodies when the words before
    'and' end with a strong head noun and those after it have a head of their own."""
    if ent.label_ != "ORG" or ent.ent_id_:
        return [ent]
    shapes = org_shapes()
    for k in range(ent.start + 1, ent.end - 1):
        token = ent.doc[k]
        if token.lower_ == "and" and ent.doc[k - 1].lower_ in shapes.strong_heads \
                and ent.doc[k + 1].text[:1].isupper() and has_org_head(ent.doc[k + 1:ent.end].text):
            return [Span(ent.doc, ent.start, k, label="ORG"), Span(ent.doc, k + 1, ent.end, label="ORG")]
    return [ent]


def merge_short_forms(ctx: ArticleContext) -> None:
    """'Itaipu' after 'Itaipu Binacional': a one-word name no gazetteer knows that begins exactly one
    longer name of the article is that organisation's short form, unless the longer name adds a
    head noun of its own ('Lakeland' and 'Lakeland Shipping Company' are two bodies). A longer
    short form may leave out only a company's legal form ('Ann Roe' for 'Ann Roe Holdings')."""
    merge_bracketed_acronyms(ctx)
    merge_spelled_acronyms(ctx)
    unknown = [ref for ref in ctx.records.entities
               if ref.kind == "organization" and ctx.gaz.organization(ref.key) is None]
    for short in unknown:
        entities = ctx.records.entities
        longer = [ref for ref in unknown if ref != short and ref in entities and short in entities
                  and (is_short_form_of(short.key, entities[ref].names | {ref.key})
                       or _without_its_states(ctx, short.key, entities[ref].names | {ref.key}))]
        if len(longer) != 1:
            continue
        target = longer[0]
        for old in [m for m in ctx.mentions if m.ref == short]:
            ctx.remove_mention(old)
            ctx.add_mention(Mention(target, old.start, old.end, "alias", old.confidence))
        merged = ctx.records.entities.pop(short)
        entity = ctx.records.entity(target.kind, target.key)
        entity.names |= merged.names
        entity.evidence.extend(merged.evidence)


def parent_of_member_organ(ctx: ArticleContext, ent: Span) -> str | None:
    """'the CPC Central Committee', 'the Political Bureau of the CPC Central Committee', 'the
    Assembly of the African Union': a body of a known organisation's members, named by its parent
    and words like 'Central Committee' or 'General Assembly', stands for the parent (the gazetteer
    name of the parent), as the news means the party or organisation that acts through it."""
    words = [t.lower_ for t in ent]
    for cut in range(len(words) - 1, 0, -1):
        outer, inner = words[:cut], words[cut:]
        if _member_words(outer) and (parent := ctx.gaz.organization(clean_name(ent[cut:].text))) is not None:
            return parent.name                       # '<organ> of the <Parent>'
        if _member_words(inner) and (parent := ctx.gaz.organization(clean_name(ent[:cut].text))) is not None:
            return parent.name                       # '<Parent> <organ>'
        if _member_words(outer) and outer[-1] in ("of", "the"):
            inner_parent = parent_of_member_organ(ctx, ent[cut:]) if len(ent) - cut >= 2 else None
            if inner_parent is not None:
                return inner_parent                  # '<organ> of the <Parent> <organ>'
    return None


def _member_words(words: list[str]) -> bool:
    """Words that make up a members' body's name, its head among them ('Political Bureau of the')."""
    shapes = org_shapes()
    return bool(words) and all(w in shapes.member_organ_words for w in words) \
        and any(w in shapes.member_organ_heads for w in words)
