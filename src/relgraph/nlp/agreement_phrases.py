"""What an agreement is called: its proper name, the words that describe it (and their stems, to tell
retellings apart), its year, and whether a mention only points back at a deal already reported.
The fields a plural report lists are in agreement_fields."""
from __future__ import annotations

import re

from spacy.tokens import Token

from relgraph import dates
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.list_items import in_list_marker

MAX_DESCRIPTION_TOKENS = 24  # room for 'MoU on the voluntary return of Sudanese nationals', short to read
DEFINITE = ("the", "this", "that", "these", "those")
NAME_LINKS = ("of", "on", "for")  # 'the Treaty of Lima', 'the Doha Framework for Peace


def name_holder(noun: Token) -> Token:
    """The word the parser made head of a name with 'of' inside it before the document noun: in
    'the Status of Forces Agreement', 'the Ocean of Peace Declaration' it hangs the document on
    'of' under 'Status'; that word carries the name's clauses ('..., signed in Suva'). Else the noun."""
    prep = noun.head
    if noun.dep_ == "compound" and is_year_span(prep) and prep.i == noun.i + 1:
        return prep  # 'signed the Duavata Partnership Framework 2025–2030': the years close the name
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.i == 0:
        return noun
    if not all(t.text[:1].isupper() and prep.i < t.head.i <= noun.i for t in noun.doc[prep.i + 1:noun.i]):
        return noun  # only capitalised words of the name between 'of' and the noun
    holder = prep.head
    if holder.i == prep.i - 1 and holder.pos_ == "PROPN" and holder.text[:1].isupper() \
            and holder.ent_type_ not in ("GPE", "DATE") and noun.text[:1].isupper():
        return holder
    return noun


def agreement_name(noun: Token) -> str | None:
    """The proper name of an agreement: 'the Comprehensive Economic Partnership Agreement (CEPA)',
    'the Joint Declaration on Security Cooperation', 'the Treaty of Friendship', 'the Status of
    Forces Agreement'. None for common nouns ('a trade deal')."""
    doc = noun.doc
    if not noun.text[:1].isupper() or noun.i == noun.sent.start:
        return None
    start = noun.i
    holder = name_holder(noun)
    if holder.i == noun.i + 1:  # 'the Duavata Partnership Framework 2025–2030'
        while start > noun.sent.start and _name_modifier(doc[start - 1], start):
            start -= 1
        return doc[start:holder.i + 1].text if start < noun.i else None
    if holder.i != noun.i:  # 'the Status of Forces Agreement': the name starts before 'of'
        start = holder.i
        while start > noun.sent.start and _name_modifier(doc[start - 1], start):
            start -= 1
        # 'Exchange of Notes on a Scholarship Programme': what the exchange is on is the name's
        end = _name_tail(doc, noun.i + 1) if holder.lower_ == "exchange" else noun.i + 1
        return doc[start:end].text + _acronym_after(noun, end)
    while start > noun.sent.start and _name_modifier(doc[start - 1], start):
        start -= 1
    end = _name_tail(doc, noun.i + 1)
    if end == noun.i + 1 and end < len(doc) and is_year_span(doc[end]) and doc[end].head.i == noun.i:
        end += 1  # 'the Moana Partnership Framework 2025–2030' read as an apposition
    if start == noun.i and end == noun.i + 1:
        return None
    while start < noun.i and (doc[start].text == "-" or doc[start].dep_ == "punct"):
        start += 1
    return doc[start:end].text + _acronym_after(noun, end)


def _name_tail(doc, end: int) -> int:
    """Where a name that may go on past its head ends: 'the Treaty of Lima', 'the Convention on the
    Law of the Sea' (capitalised words after 'of', 'on' or 'for')."""
    if end + 1 < len(doc) and doc[end].lower_ in NAME_LINKS and _capital_follows(doc, end + 1):
        end += 1
        first = end  # 'the Treaty of Lima': a place right after 'of' is the name's
        while end < len(doc) and (_name_word(doc[end], end == first) or doc[end].text == "-"
                                  or doc[end].lower_ == "the" and _capital_follows(doc, end)):
            end += 1
        while doc[end - 1].lower_ in ("and", "-", "the", *NAME_LINKS):
            end -= 1
    return end


def _capital_follows(doc, i: int) -> bool:
    """A capitalised word at i, or right after 'the' at i: 'the Convention on the Law of the Sea'."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    return i < len(doc) and doc[i].text[:1].isupper()


def _name_modifier(token: Token, start: int) -> bool:
    """A word of the name before its head: 'the 1959 Nile Waters Agreement'."""
    return token.dep_ in ("compound", "amod", "nmod", "punct", "nummod") and token.head.i >= start \
        and (token.text[:1].isupper() or token.text == "-" or _is_year(token))


def _name_word(token: Token, first: bool) -> bool:
    """A word of the name after 'of'/'on': capitalised, no date, a place only right after 'of'."""
    if not (token.text[:1].isupper() or token.lower_ in ("and", "of")):
        return False
    return token.ent_type_ not in ("DATE", "GPE") or first and token.ent_type_ == "GPE"


def _acronym_after(noun: Token, end: int) -> str:
    """'... Agreement (IA-CEPA)': the bracketed short name belongs to the name."""
    doc = noun.doc
    if end + 2 < len(doc) and doc[end].text == "(":
        close = next((i for i in range(end + 1, min(end + 6, len(doc))) if doc[i].text == ")"), None)
        inner = doc[end + 1:close] if close else None
        if inner is not None and inner.text.replace("-", "").isupper():
            return f" ({inner.text})"
    return ""


YEAR_SPAN = re.compile(r"(1[89]|20)\d\d[-–](1[89]|20)?\d\d")


def is_year_span(token: Token) -> bool:
    """'2025–2030', '2025-29': a period of years that closes a plan's or framework's name."""
    return bool(YEAR_SPAN.fullmatch(token.text))


def _is_year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1800 <= int(token.text) <= 2100


def describe(ctx: ArticleContext, noun: Token, verb: Token | None = None) -> tuple[str, set[str]]:
    """The words of the agreement's own phrase: modifiers, what it is 'on', what it is 'to' do
    ('a memorandum of understanding to facilitate the voluntary return of ...'). Dates, the
    determiner, punctuation and clauses about other things are left out; a purpose clause of the
    signing verb counts when the noun has none ('signed an agreement on Thursday to carry out ...').
    Returns the text and the stems of its content words."""
    keep = [t for t in _phrase_tokens(ctx, noun) if t.i not in ctx.post_tokens]
    extra = [t for t in _participle_phrase(noun) if t.i not in ctx.post_tokens]
    keep += extra
    # a document the participle names ('upgrading the free trade agreement') is a deal of its own: its
    # words do not make this one retell it
    documents = ctx.lex.words("agreement_nouns")
    nested = {t.i for x in extra if x.lemma_.lower() in documents for t in x.subtree}
    if verb is not None and verb.head.i != noun.i and any(a.i == noun.i for a in verb.ancestors):
        clause = {t.i for t in verb.subtree}  # ', signed by X' hung on a deeper noun: how, not what
        keep = [t for t in keep if t.i not in clause and not (t.text == "," and t.i + 1 in clause)]
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        keep += _verb_complements(ctx, noun, verb, keep)
    head = _appositive_head(noun)
    if head is not None:  # 'the Falepili Union, a treaty signed with ...'
        keep = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")] + keep
    # '2. Memorandum on ...': the item's marker is the list's, not the deal's
    keep = sorted({t.i: t for t in keep if not in_list_marker(t)}.values(), key=lambda t: t.i)
    return phrase_text(keep[:MAX_DESCRIPTION_TOKENS]), content_stems(ctx, [t for t in keep if t.i not in nested])


def participle_after(noun: Token) -> Token | None:
    """'signed a protocol upgrading the free trade agreement', 'a protocol setting sanitary rules':
    an -ing word right after the document that takes an object of its own is the document's
    participle, though the parser often reads it as a noun the document modifies, or the document as
    the participle's modifier."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or any(c.i > noun.i for c in noun.children):
        return None
    participle, after = doc[noun.i + 1], doc[noun.i + 2]
    if not participle.lower_.endswith("ing") or participle.pos_ not in ("VERB", "NOUN"):
        return None
    if after.pos_ in ("DET", "ADJ") or after.tag_ == "PRP$" or after.lower_ in ("out", "up") \
            or after.pos_ == "NOUN" and participle.tag_ == "VBG":  # not 'the protocol signing ceremony'
        return participle
    return None


def _participle_phrase(noun: Token) -> list[Token]:
    """The words of the document's misread participle to the end of its clause (a comma, a semicolon
    or the sentence's end): what the document does."""
    participle = participle_after(noun)
    if participle is None:
        return []
    end = participle.i
    while end + 1 < noun.sent.end and noun.doc[end + 1].text not in (",", ";", ":", ".") \
            and end + 1 - participle.i < MAX_DESCRIPTION_TOKENS:
        end += 1
    return list(noun.doc[participle.i:end + 1])


def _verb_complements(ctx: ArticleContext, noun: Token, verb: Token, keep: list[Token]) -> list[Token]:
    """What the signing verb adds about the deal: 'signed X for a credit line', 'signed X on Thursday
    to carry out an inspection', 'signed a protocol setting out how ...' (a purpose or participle
    clause counts when the noun has no clause of its own)."""
    out: list[Token] = []
    has_clause = any(t.dep_ in ("acl", "relcl") and t.head.i == noun.i for t in keep)
    for child in verb.children:
        if child.i < noun.i or is_date_part(child):
            continue
        if child.dep_ == "prep" and child.lower_ in ctx.lex.words("agreement_field_preps"):
            out += [t for t in child.subtree if not is_date_part(t) and not _in_side_clause(t, child)]
        elif child.dep_ in ("advcl", "xcomp") and not has_clause and (
                any(a.lower_ == "to" for a in child.children)
                or child.tag_ == "VBG" and not _after_comma(child)):
            out += [t for t in child.subtree if not is_date_part(t) and not _in_side_clause(t, child)]
            has_clause = True
    return out


def _appositive_head(noun: Token) -> Token | None:
    """The proper name a document noun stands in apposition to, even when the parser did not link
    them: 'the Falepili Union, a treaty signed ...'."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    doc = noun.doc
    first = min(t.i for t in noun.subtree)
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].pos_ == "PROPN" \
            and doc[first].lower_ in ("a", "an"):
        return doc[first - 2]
    return None


def _after_comma(clause: Token) -> bool:
    """'signed the pact, handing farmers access': a participle after a comma comments on the event."""
    first = min(t.i for t in clause.subtree)
    return first > 0 and clause.doc[first - 1].text == ","


def phrase_text(tokens: list[Token]) -> str:
    """The tokens as written: 'Ethiopia's power supply', not 'Ethiopia 's power supply'; no
    dangling 'as well as' or 'the' at the end."""
    words = [t for t in tokens if t.text not in ",;:()\"'"]
    while words and (words[-1].pos_ in ("CCONJ", "ADP", "DET", "SCONJ", "PART")
                     or words[-1].lower_ in ("as", "well")):
        words.pop()
    out = ""
    for n, t in enumerate(words):
        follows = n + 1 < len(words) and words[n + 1].i == t.i + 1
        out += t.text + (t.whitespace_ if follows else " ")
    return " ".join(out.split()).replace(" - ", "-")


def _phrase_tokens(ctx: ArticleContext, noun: Token) -> list[Token]:
    """The noun's subtree without its determiner, dates, other agreements it is coordinated with
    ('an MoU ... and an agreement on ...') and clauses inside it about something else."""
    others = {t.i for t in noun.subtree
              if t.i != noun.i and t.dep_ in ("conj", "appos") and _agreement_word(ctx, t)}
    others |= {c.i for c in _detached_children(noun)}
    # 'among them an agreement on power': the set it is named among is not what it is about
    others |= {c.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "among" and c.i < noun.i}
    out = []
    for t in noun.subtree:
        if t.dep_ in ("det", "punct", "case") and t.head.i == noun.i or is_date_part(t):
            continue
        if any(_is_circumstance(ctx, a, a.head.i == noun.i) for a in _up_to(t, noun)):
            continue
        if t.dep_ == "cc" and t.head.i == noun.i and others:
            continue
        if any(a.i in others for a in [t, *t.ancestors]) or _in_side_clause(t, noun, name_core(ctx, noun)):
            continue
        out.append(t)
    return out


def _detached_children(noun: Token) -> list[Token]:
    """Children the parser hung on the noun across words outside its phrase ('The railway agreement
    was signed by A, while the MoU was signed by B, and C': 'C' is no part of the agreement)."""
    inside = {t.i for t in noun.subtree}
    out = []
    for child in (c for c in noun.children if c.i > noun.i):
        if any(i not in inside for i in range(noun.i + 1, child.left_edge.i)):
            out.append(child)
    return out


def _up_to(token: Token, top: Token) -> list[Token]:
    """The token and its ancestors below `top`."""
    out = []
    for t in [token, *token.ancestors]:
        if t.i == top.i:
            break
        out.append(t)
    return out


def _is_circumstance(ctx: ArticleContext, prep: Token, on_noun: bool) -> bool:
    """'at a summit', 'on the margins of ...', 'in the presence of ...' (wherever the parser hangs
    them) and, right on the noun, 'in Montevideo': where and how it was signed, not what it is.
    A place deeper in the phrase is the deal's ('a logistics hub at Lamu')."""
    if prep.dep_ != "prep":
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if on_noun and prep.lower_ in ctx.lex.words("circumstance_preps") and any(
            o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects):
        return True
    return prep.lower_ in ctx.lex.words("occasion_preps") and any(
        o.lemma_.lower() in ctx.lex.words("circumstance_nouns") for o in objects)


def _agreement_word(ctx: ArticleContext, token: Token) -> bool:
    words = ctx.lex.words("agreement_nouns") | ctx.lex.words("named_agreement_heads")
    return token.lemma_.lower() in words or token.lower_ in words


def name_core(ctx: ArticleContext, noun: Token) -> set[int]:
    """The noun and the complement of its name: 'memorandum of understanding'."""
    tails = ctx.lex.words("memorandum_complements")
    core = {noun.i}
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            core |= {c.i for c in prep.children if c.lemma_.lower() in tails}
    return core


def _in_side_clause(token: Token, top: Token, core: set[int] | None = None) -> bool:
    """Inside a relative clause of a word below the top noun ('militants who have staged raids');
    one on the noun's own name ('a memorandum of understanding under which ...') is the noun's."""
    core = core or {top.i}
    for anc in [token, *token.ancestors]:
        if anc.i == top.i:
            return False
        if anc.dep_ == "relcl" and anc.head.i not in core:
            return True
    return False


def is_date_part(token: Token) -> bool:
    """'on Thursday', 'in May 2023': when, not what. A hyphenated duration modifying a noun ('a
    99-year lease', 'a 10-year deal') tells what the deal is."""
    if token.ent_type_ in ("DATE", "TIME"):
        return not _in_duration_modifier(token)
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _in_duration_modifier(token: Token) -> bool:
    top = token
    while top.head.i != top.i and top.head.ent_type_ in ("DATE", "TIME"):
        top = top.head
    if top.dep_ not in ("compound", "amod", "nmod") or top.head.ent_type_ in ("DATE", "TIME"):
        return False
    words = [t for t in top.subtree]
    return any(t.text == "-" for t in words) and any(t.pos_ == "NUM" or t.like_num for t in words)


def content_stems(ctx: ArticleContext, tokens: list[Token]) -> set[str]:
    """Stems of what the deal is about, to tell whether a headline or a count retells it."""
    generic = ctx.lex.words("agreement_nouns") | ctx.lex.words("memorandum_complements") | ctx.lex.words(
        "generic_agreement_words")
    return {t.lemma_.lower()[:5] for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
            and t.lemma_.lower() not in generic and t.lower_ not in generic and not t.is_stop
            and t.ent_type_ not in ("GPE", "NORP", "DATE", "CARDINAL", "MONEY")}


def is_anaphoric(ctx: ArticleContext, noun: Token) -> bool:
    """'The agreement was signed by ...', 'the MoU', 'the first memorandum': a definite mention that
    adds nothing of its own points back at a deal already reported."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children) or replaced(ctx, noun):
        return False
    tails = ctx.lex.words("memorandum_complements")
    ordinals = ctx.lex.words("ordinal_words")
    concluded = ctx.lex.words("conclusion_verbs")  # 'the signed agreement' adds nothing of its own
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "nummod") and child.i < noun.i \
                and child.lower_ not in ordinals and child.lemma_.lower() not in concluded:
            return False
        if child.dep_ == "acl" and any(a.lower_ == "to" for a in child.children):
            return False  # 'the deal reached in June to revise ...': what it does is its own
        naming = child.lower_ == "of" and any(c.lemma_.lower() in tails for c in child.children)
        if child.dep_ == "prep" and child.lower_ not in ctx.lex.words("circumstance_preps") \
                and not is_date_part(child) and not naming:
            return False
    return True


def replaced(ctx: ArticleContext, noun: Token) -> bool:
    """'signed a new declaration, replacing the declaration the two countries signed in 2008': what a
    deal replaces or updates is an earlier deal, not the one just told."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in ctx.lex.words("replacement_verbs")


def ordinal_of(ctx: ArticleContext, noun: Token) -> int | None:
    """'the second memorandum' -> 2."""
    ordinals = ctx.lex.facts["ordinal_words"]
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in ordinals:
            return ordinals.index(child.lower_) + 1
    return None


NAME_LOOKBACK = 4  # 'the 2022 Lebanon–Israel maritime deal': words the parser may hang elsewhere


def _preceding_modifiers(noun: Token) -> list[Token]:
    """The words between the determiner and the noun's phrase that the parser attached elsewhere:
    years, names and dashes ('the 2022 Lebanon–Israel deal' with '2022' on 'Lebanon')."""
    doc, start = noun.doc, noun.left_edge.i
    out: list[Token] = []
    for i in range(start - 1, max(noun.sent.start, start - NAME_LOOKBACK) - 1, -1):
        token = doc[i]
        if token.dep_ == "det" or not (token.pos_ in ("PROPN", "NUM") or token.text in "-–"):
            return out if token.dep_ == "det" else []
        out.insert(0, token)
    return []


def year_in_phrase(ctx: ArticleContext, noun: Token) -> str | None:
    """'the 1965 treaty', 'the Jeddah Declaration of May 2023', 'a pact dating back to 1964'."""
    tokens = _preceding_modifiers(noun) + list(noun.subtree)
    text = noun.doc[tokens[0].i:tokens[-1].i + 1].text
    for _, _, phrase in dates.find_temporal_expressions(text):
        value = dates.resolve_relative(phrase, ctx.published, tense="past")
        if value and value[:4].isdigit() and any(_is_year(t) and t.text in phrase for t in tokens):
            return value
    return None
