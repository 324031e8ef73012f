"""Acronyms in apposition: 'the Intergovernmental Authority on Development (IGAD)' defines a short
name that later mentions use; NER often keeps the bracket or finds only the acronym."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from relgraph.nlp.context import Mention
from relgraph.nlp.org_shapes import content_words, has_org_head, name_head, org_shapes


def looks_like_acronym(word: str, name: str, short_name_ok: bool = False) -> bool:
    """'LWA', 'BoG', 'Afrobank' after 'African Rural Bank': one capitalised word whose
    first letter starts a word of the name and that is not an ordinary capitalised word. With
    `short_name_ok` (the word is no date or place) any single word in brackets after a name with
    an organisation's head is its short name ('Lakeland Press Agency (Zenit)')."""
    if not re.fullmatch(r"[A-Z][A-Za-z&\-\.]{1,14}", word):
        return False
    initials = {w[0].lower() for w in re.findall(r"[A-Za-z\u00c0-\u024f]+", name)}
    if word[0].lower() not in initials:
        return short_name_ok and has_org_head(name) and word.isalpha() and word not in name.split()
    return sum(c.isupper() for c in word) >= 2 or len(word) >= 6 and word.lower() not in name.lower()


def split_acronym(ent: Span) -> tuple[Span, str | None, int]:
    """'Intergovernmental Authority on Development (IGAD' (NER keeps the bracket) or a name followed
    by '(IGAD)': the name, its acronym and the end of the whole apposition (after ')')."""
    doc = ent.doc
    opens = [t.i for t in ent if t.text == "("]
    if opens and opens[0] > ent.start and opens[0] + 1 < len(doc):
        k = opens[0]
        name = Span(doc, ent.start, k, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
        if k + 1 < ent.end + 1 and looks_like_acronym(doc[k + 1].text, name.text, _plain(doc[k + 1])):
            end = k + 3 if k + 2 < len(doc) and doc[k + 2].text == ")" else k + 2
            return name, doc[k + 1].text, max(end, ent.end)
        return name, None, ent.end
    longer = _run_on_to_bracket(ent)
    if longer is not None:
        ent = longer
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        word = doc[ent.end + 1].text
        if looks_like_acronym(word, ent.text, _plain(doc[ent.end + 1])):
            return ent, word, ent.end + 3
        owner = _with_owner(ent)   # "the President's Press Unit (PPU)"
        if owner is not None and looks_like_acronym(word, owner.text) and word[0] == owner.text[0]:
            return owner, word, ent.end + 3
    return ent, None, ent.end


def _run_on_to_bracket(ent: Span) -> Span | None:
    """'the Lakeland Financing Facility' | 'for the Pacific (LFFP)': NER stopped at 'for', but the
    acronym in brackets spells the whole name, so the name runs on to the bracket."""
    doc = ent.doc
    joiners = org_shapes().extension_joiners
    if ent.end >= len(doc) or doc[ent.end].lower_ not in joiners:
        return None
    function_words = org_shapes().function_words
    for k in range(ent.end + 1, min(len(doc) - 2, ent.end + 7)):
        tok = doc[k]
        if tok.text == "(":
            if doc[k + 2].text != ")" or k == ent.end + 1:
                return None
            longer = Span(doc, ent.start, k, label=ent.label_)
            word = doc[k + 1].text
            return longer if word.isupper() and _spells(word, longer.text) else None
        if not (tok.text[:1].isupper() or tok.lower_ in function_words):
            return None
    return None


def _spells(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are the initials of the name's content words, in order."""
    initials = "".join(w[0] for w in content_words(name) if w[:1].isalpha()).upper()
    return acronym.upper() == initials


def name_before_bracket(ent: Span, taken: dict) -> Span | None:
    """'the Conseil du Thé-Menthe (CTM)' where NER found only 'CTM': the capitalised words before
    the bracket, when the acronym's letters fit them, as one span 'Conseil du Thé-Menthe (CTM'."""
    doc = ent.doc
    word = ent.text
    if len(ent) != 1 or ent.start < 2 or doc[ent.start - 1].text != "(" or not word.isupper():
        return None
    function_words = org_shapes().function_words
    i = ent.start - 1
    while i > 0 and ent.start - i <= 8 and _free_or_place(taken.get(i - 1)) and (
            doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in function_words | {"-", "d'"}):
        i -= 1
    while i < ent.start - 1 and (doc[i].text[:1] != word[0] or doc[i].lower_ in function_words):
        i += 1   # the name starts with the acronym's letter ('Director General of the Conseil ...')
    name = doc[i:ent.start - 1]
    if len(content_words(name.text)) < 2 or word[0].lower() != name.text[0].lower() \
            or not looks_like_acronym(word, name.text):
        return None
    return Span(doc, i, ent.end, label="ORG")


def _capitalised(word: str) -> bool:
    """'Cooperation', and an elided article before a capital ("d'Orvan")."""
    return word[:1].isupper() or bool(re.match(r"[dl]['\u2019][A-Z\u00c0-\u00de]", word))


def _free_or_place(mention) -> bool:
    """A token no mention holds, or a state or city word inside a name ('Ruritania Tehreek-e-Adl')."""
    return mention is None or mention.ref.kind in ("state", "city")


def _plain(token: Token) -> bool:
    """Not read as a date, number or place by NER."""
    return token.ent_type_ in ("", "ORG", "PERSON", "PRODUCT")


def _with_owner(ent: Span) -> Span | None:
    """The name with the capitalised possessor NER left out before it ('President's')."""
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].text in ("'s", "\u2019s") \
            and doc[ent.start - 2].text[:1].isupper():
        return Span(doc, ent.start - 2, ent.end, label=ent.label_)
    return None


ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Za-z&\-]{1,12})\)")
MAX_DEFINED_NAME_TOKENS = 16


def document_acronyms(ctx) -> set[str]:
    """'the Lakeland-Westland Trade Agreement (LWTA)': acronyms the article defines for documents or
    undertakings, which are no organisation wherever they occur (in the headline too)."""
    heads = org_shapes().not_org_heads
    found = set()
    for match in ACRONYM_IN_BRACKETS.finditer(ctx.text):
        acronym = ctx.doc.char_span(match.start(1), match.end(1))
        if acronym is not None and acronym.start >= 2 and ctx.doc[acronym.start - 2].lower_ in heads \
                and ctx.doc[acronym.start - 2].text[:1].isupper():
            found.add(match.group(1))
        elif acronym is not None and acronym.start >= 3 and _ends_a_venue(ctx.doc[max(0, acronym.start - 6):acronym.start - 1]):
            found.add(match.group(1))   # 'the Tarsk International Conference Centre (TICC)'
    return found


def _ends_a_venue(words: Span) -> bool:
    """'... International Conference Centre': a centre named for what is held in it is a venue, not
    a body ('the Roe Center' for policy research is one)."""
    if not len(words) or words[-1].lower_ not in ("centre", "center"):
        return False
    return any(t.lower_ in org_shapes().venue_words and t.text[:1].isupper() for t in words[:-1])


def bracketed_definitions(ctx) -> list[tuple[Span, str]]:
    """'the China-Ruritania High-Level Commission for Concertation (COSRU)', 'the Société Nationale
    d'Études du Détroit (SNED)': a capitalised run with an organisation's head noun right before an
    acronym in brackets, where NER found neither or only pieces. The acronym's first letter must
    begin the run (foreign-language acronyms need not spell the English words)."""
    found = []
    for match in ACRONYM_IN_BRACKETS.finditer(ctx.text):
        acronym = ctx.doc.char_span(match.start(1), match.end(1))
        if acronym is None or len(acronym) != 1 or acronym.start < 2 or acronym.start in ctx.by_token:
            continue
        name = _run_before(ctx, acronym.start - 1, match.group(1))
        if name is not None:
            found.append((name, match.group(1)))
    return found


def _run_before(ctx, bracket: int, word: str) -> Span | None:
    doc = ctx.doc
    shapes = org_shapes()
    inner = shapes.function_words | shapes.name_prepositions | {"-", "d'", "l'", "d\u2019", "l\u2019"}
    sent_start = doc[bracket].sent.start
    i = bracket
    while i > sent_start and bracket - i < MAX_DEFINED_NAME_TOKENS:
        tok = doc[i - 1]
        held = ctx.by_token.get(i - 1)
        if held is not None and held.ref.kind == "person" or "\n" in tok.text:
            break
        if not (_capitalised(tok.text) or tok.lower_ in inner):
            break
        i -= 1
    while i < bracket and (doc[i].text[:1].lower() != word[0].lower() or not doc[i].text[:1].isupper()):
        i += 1   # 'the Minister of the General Administration ... (GACC)': the name starts with G
    name = doc[i:bracket]
    if _ends_a_venue(name):
        return None
    if len(content_words(name.text)) < 2 or not has_org_head(name.text) \
            or not looks_like_acronym(word, name.text) or name[-1].lower_ in inner:
        return None
    head = name_head(name.text)
    before_head = name.text.lower().split(f" {head}")[0] if f" {head}" in name.text.lower() else ""
    if head in shapes.not_org_heads | shapes.place_nouns and not has_org_head(before_head):
        return None   # 'the Coastal Fisheries Agreement (CFAG)', a terminal; not 'Lakeland Ports and Free Zone'
    return name


def merge_spelled_acronyms(ctx) -> None:
    """'the Tarsk Oil and Gas Corporation ...' then 'TOGC said': an acronym no gazetteer knows,
    read as an organisation of its own, whose letters are the initials of exactly one other
    organisation's name in the article is that organisation's short name."""
    entities = ctx.records.entities
    for short in [r for r in entities if r.kind == "organization" and r.key.isupper() and " " not in r.key
                  and ctx.gaz.organization(r.key) is None]:
        longer = [r for r, e in entities.items() if r.kind == "organization" and r != short
                  and any(" " in n and _spells(short.key, n) for n in e.names | {r.key})]
        if len(longer) == 1 and short in entities:
            _merge_into(ctx, short, longer[0])


def _merge_into(ctx, source, target) -> None:
    """Every mention and name of organisation `source` goes to `target`."""
    for old in [m for m in ctx.mentions if m.ref == source]:
        ctx.remove_mention(old)
        ctx.add_mention(Mention(target, old.start, old.end, "alias", old.confidence))
    merged = ctx.records.entities.pop(source)
    entity = ctx.records.entity(target.kind, target.key)
    entity.names |= merged.names | {merged.key}
    entity.evidence.extend(merged.evidence)


def merge_bracketed_acronyms(ctx) -> None:
    """'the Hellenic Foundation for Tarsk and Velmor Policy (HFTVP)', read as two organisations when
    the rules found the name and the acronym apart: an organisation named only by the bracket right
    after another organisation's name, whose first word fits that name as its acronym, is that
    organisation (one node, both names). The gazetteer's name wins; two known bodies stay apart."""
    doc, entities = ctx.doc, ctx.records.entities
    for mention in [m for m in ctx.mentions if m.ref.kind == "organization"]:
        if mention.start < 2 or mention.end >= len(doc) or doc[mention.start - 1].text != "(" \
                or doc[mention.end].text != ")":
            continue
        name = ctx.by_token.get(mention.start - 2)
        if name is None or name.ref.kind != "organization" or name.ref == mention.ref \
                or name.end != mention.start - 1 or mention.ref not in entities or name.ref not in entities:
            continue
        acronym = doc[mention.start:mention.end].text.split()[0]
        if not looks_like_acronym(acronym, doc[name.start:name.end].text):
            continue
        known_short, known_long = (ctx.gaz.organization(r.key) is not None for r in (mention.ref, name.ref))
        if known_short and known_long:
            continue
        source, target = (name.ref, mention.ref) if known_short else (mention.ref, name.ref)
        _merge_into(ctx, source, target)
