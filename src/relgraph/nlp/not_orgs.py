"""The contexts in which a span NER typed as an organisation is something else: a place, a person,
a title or a portfolio, a government, document, event or undertaking, or page furniture."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, clean_name
from relgraph.nlp.not_org_contexts import context_reason
from relgraph.nlp.not_org_titles import QUOTES, apposed_to_a_title, is_title_name, names_a_person
from relgraph.nlp.org_furniture import on_furniture_line
from relgraph.nlp.org_shapes import content_words, has_org_head, name_head, org_shapes

DASHES = {"-", "\u2013", "\u2014"}
# 'the chairman of X', 'ambassador to the X, Ann Roe': X after these is the body a title serves.
BODY_PREPOSITIONS = {"of", "for", "at", "to"}


def not_org_reason(ctx: ArticleContext, span: Span, text: str) -> str | None:
    """Why a span NER typed as an organisation (and no gazetteer knows) is not one, or None."""
    shapes = org_shapes()
    words = text.split()
    head_word = has_org_head(text)
    if on_furniture_line(ctx, span) or re.search(r"[/\[\]]", text) or re.search(r"\s[\-\u2013\u2014]\s", text):
        return "furniture"              # 'VNA/VNS Photo', '[Photo] Party ...', a dateline 'LA PAZ - Chile'
    if (reason := context_reason(span)) is not None:
        return reason                   # 'the Committee on the Tarsk' | '-Velmor crossing', 'the two Leaders'
    if _short_name_of_non_org(span):
        return "short name of a document or undertaking"
    if words[-1].lower() in shapes.dangling_words:
        return "fragment"
    if any(w[0].islower() for w in content_words(text)):
        return "not a proper name"      # 'Ruritanian state news'
    if _described_as_non_org(span) or _always_before_a_document_noun(ctx, text) \
            or not head_word and _news_text_names_an_undertaking(ctx, text):
        return "described as a document, event, undertaking or place"
    if len(words) == 1 and _singular(text.lower()) in shapes.heads | shapes.not_org_heads | shapes.portfolio_words:
        return "bare head noun"         # 'the Conference', 'the Cabinet', 'the State of Qatar'
    if words[-1].lower() in shapes.place_nouns and name_head(text) not in shapes.heads:
        return "place"                  # 'Senate Hill', not 'Commission on ... the State Border'
    if _plural_of_a_head(words[0]):
        return "several bodies"         # "the two countries' Ministries of Transport"
    if _names_a_document_after(span):
        return "government, document, event or undertaking"
    if _singular(name_head(text)) in shapes.not_org_heads or words[0].lower() in shapes.not_org_heads \
            or _singular(words[-1].lower()) in shapes.document_heads:
        return "government, document, event or undertaking"   # also 'Status of Forces Agreement'
    if _after_an_ordinal(span):
        return "one session of a recurring event"   # 'the second Tarsk Investment Forum'
    if _names_a_gathering(ctx, words):
        return "a gathering"                         # 'the Chile-Ghana Business Forum'
    if ctx.gaz.state_by_demonym(text) is not None or _formed_demonym(ctx, text):
        return "demonym"
    if text.lower() in ctx.lex.posts or is_title_name(text):
        return "title"
    if head_word:
        return None
    if _in_a_documents_title(span):
        return "part of a document's title"   # 'the Agreement ... concerning the Joint Development of ...'
    if is_placed(ctx, span):
        return "place"
    if _portfolio_of_title(ctx, span, text):
        return "portfolio of a title"
    if re.search(r"\sand\s|,", text):
        return "list of names"          # two people or two towns read as one name
    if names_a_person(ctx, span, text) or apposed_to_a_title(ctx, span):
        return "person"
    if title_of_a_person(ctx, span):
        return "title"
    if _inside_quotes(span) or _word_before(span) is not None and _word_before(span).lower_ == "called":
        return "quoted title"           # a theme, or 'the so-called Lithium Belt': a nickname
    if _ordinary_words(ctx, text):
        return "ordinary words"         # 'Coastal Cooperation' in a headline
    return None


def numbered_sessions(ctx: ArticleContext) -> set[str]:
    """Unknown names the article once counts ('the third Tarsk Investment Forum'): a recurring event,
    in a caption or a later sentence too ('delegates at the Tarsk Investment Forum')."""
    return {name for e in ctx.ents if e.label_ == "ORG" and not e.ent_id_ and _after_an_ordinal(e)
            and ctx.gaz.organization(name := clean_name(e.text)) is None}


def _after_an_ordinal(span: Span) -> bool:
    """'the 14th Ministerial Conference', 'the second Tarsk Investment Forum': a numbered forum,
    conference or meeting is one session of an event; a body is not counted so."""
    i = span.start - 1
    before = span.doc[i] if i >= 0 else None
    return before is not None and before.ent_type_ == "ORDINAL" and before.sent == span.sent \
        and (before.like_num or before.is_lower)


def _names_a_gathering(ctx: ArticleContext, words: list[str]) -> bool:
    """'the Chile-Ghana Business Forum', 'the Peru-Kenya Investment Conference': a forum or
    conference of two states' businesses or investors is a gathering they hold (an event); a
    forum with a name of its own may be a standing body ('the Tarsk Mining Investment Forum met')."""
    shapes = org_shapes()
    if len(words) < 3 or words[-1].lower() not in shapes.gathering_heads \
            or words[-2].lower() not in shapes.gathering_modifiers:
        return False
    pair = re.split(r"[\-\u2013]", " ".join(words[:-2]))
    gaz = ctx.gaz
    return len(pair) == 2 and all(p[:1].isupper() for p in pair) \
        and any(gaz.state(p) or gaz.state_by_demonym(p) or gaz.organization(p) for p in pair)


def _plural_of_a_head(word: str) -> bool:
    """'Ministries', 'Embassies': the plural of a head noun names several bodies, unless the plural
    is itself a head ('Railways', 'Holdings', 'Forces')."""
    heads = org_shapes().heads
    low = word.lower()
    return low not in heads and low != _singular(low) and _singular(low) in heads


def _singular(word: str) -> str:
    """'MoUs' -> 'mou', 'treaties' -> 'treaty': head nouns are listed in the singular."""
    shapes = org_shapes()
    if word in shapes.heads or word in shapes.not_org_heads:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def is_placed(ctx: ArticleContext, span: Span) -> bool:
    """'at Villa Serena', 'near Rocky Shoal', "Ruritania's Marenga peninsula", 'Lyon-Turin-Milan':
    a place, unless the name has an organisation's head noun."""
    shapes = org_shapes()
    doc = span.doc
    before = _word_before(span)
    if before is not None and before.lower_ == "between" and _paired_with_a_body(ctx, span):
        return False   # 'a contract between Omnigas and the Tarsk Oil Corporation': two parties
    if before is not None and before.lower_ in shapes.locative_prepositions:
        # 'from' also gives sources ('a loan from Eximbank'); a place when a route or a location follows
        return before.lower_ != "from" or span.end < len(doc) and doc[span.end].lower_ in ("to", "in")
    if named_as_a_place(ctx, span):
        return True
    if span.start >= 2 and doc[span.start - 1].text in DASHES:
        return _is_place_word(ctx, doc[span.start - 2])   # 'Lyon-Turin-Milan'
    return _coordinated_with_a_place(ctx, span)


def _paired_with_a_body(ctx: ArticleContext, span: Span) -> bool:
    """'between X and Y' where Y is an organisation's name: X is the other party, not a place."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].lower_ != "and":
        return False
    j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else i + 1
    end = j
    while end < len(doc) and end - j < 6 and (doc[end].text[:1].isupper() or doc[end].lower_ in ("of", "and", "for")):
        end += 1
    other = doc[j:end].text.strip()
    return bool(other) and (has_org_head(other) or ctx.gaz.organization(other) is not None)


def named_as_a_place(ctx: ArticleContext, span: Span) -> bool:
    """The words around the name say it is a place, not only where something is ('in X', 'between
    X and Y' also take bodies): 'X peninsula', 'the border city of X', 'X, Ruritania', 'visit X'."""
    shapes = org_shapes()
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in shapes.place_nouns | ctx.lex.words("facility_suffixes"):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lower_ in shapes.place_nouns:
        return True                                       # 'the border city of Tarsk'
    return _destination(span) or _located_in_a_state(ctx, span)


def _destination(span: Span) -> bool:
    """'visit the Alley of Honour', 'accompany the president to Tarsk': where someone goes."""
    doc = span.doc
    motion = org_shapes().motion_verbs
    before = _word_before(span)
    if before is not None and before.lemma_ in motion and before.pos_ == "VERB":
        return True   # 'visit X', 'tour X'
    if before is None or before.lower_ != "to":
        return False
    head = before.head
    return head.pos_ == "VERB" and head.lemma_ in motion


def _located_in_a_state(ctx: ArticleContext, span: Span) -> bool:
    """'TARSK, Ruritania, 3 May', 'in Tarsk, Ruritania.': a name followed by its state in apposition
    (a state's possessive, "Tarsk, Ruritania's port", is not this)."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    state = next((e for e in ctx.ents if e.start == i + 1 and ctx.gaz.state(e.text) is not None), None)
    if state is None:
        return False
    after = doc[state.end] if state.end < len(doc) else None
    return after is None or after.text in (",", ".", ";", ")") or after.is_space or after.text in DASHES


def _coordinated_with_a_place(ctx: ArticleContext, span: Span) -> bool:
    """'at Wolvin and Tarsk': the second of two coordinated names is a place when the first is."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].lower_ not in ("and", "or"):
        return False
    end = i
    while i > 0 and doc[i - 1].text[:1].isupper() and end - i < 4:
        i -= 1
    if i == end:
        return False
    first = Span(doc, i, end, label="ORG")
    return _is_place_word(ctx, doc[end - 1]) or not has_org_head(first.text) and is_placed(ctx, first)


def _is_place_word(ctx: ArticleContext, token: Token) -> bool:
    mention = ctx.by_token.get(token.i)
    if mention is not None:
        return mention.ref.kind in ("city", "state")
    return bool(ctx.gaz.city(token.text) or ctx.gaz.state(token.text))


def _short_name_of_non_org(span: Span) -> bool:
    """'the Coastal Fisheries Agreement (CFAG)': a bracketed short name of a document."""
    doc = span.doc
    return (span.start >= 2 and doc[span.start - 1].text == "("
            and doc[span.start - 2].lower_ in org_shapes().not_org_heads)


def _portfolio_of_title(ctx: ArticleContext, span: Span, text: str) -> bool:
    """'Minister of State', 'Special Envoy for Pacific Island Countries Affairs', '... Affairs and
    Trade': portfolio words right after an office title end the title."""
    shapes = org_shapes()
    if _named_portfolio(span, text):
        return True
    portfolios = ctx.lex.post_shapes.get("portfolios", frozenset()) | shapes.portfolio_words
    if not all(w.lower() in portfolios for w in content_words(text)):
        return False
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - 12) - 1, -1):
        tok = doc[i]
        if i in ctx.post_tokens or tok.lower_ in shapes.title_heads | shapes.portfolio_nouns:
            return True
        if not (tok.text[:1].isupper() or tok.lower_ in ("and", "of", "for", "on", ",", "the")):
            return False
    return False


def _named_portfolio(span: Span, text: str) -> bool:
    """'Deputy Secretary of Homeland Security', 'Commissioner for Digital Affairs': a headless name
    right after a title and 'of'/'for', with no article, is the title's portfolio (a body there takes
    'the' or is an acronym the gazetteer knows: 'Secretary of the X Council', 'Secretary-General of X')."""
    doc = span.doc
    if span.start < 2 or text.isupper() or doc[span.start].lower_ == "the":
        return False
    prep, title = doc[span.start - 1], doc[span.start - 2]
    return prep.lower_ in ("of", "for") and title.lower_ in org_shapes().title_heads and title.text[:1].isupper()


def _names_a_document_after(span: Span) -> bool:
    """'the Coastal Waters (Protection) Act': the start of a law's title;
    'Strand Four of the Harbour Agreement': a part of a document."""
    doc = span.doc
    heads = org_shapes().not_org_heads
    i = span.end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - span.end < 8:
            i += 1
        i += 1
    if i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ in heads:
        return True
    if i + 1 < len(doc) and doc[i].lower_ == "of" and not has_org_head(span.text):
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        while j < len(doc) and j - i <= 6 and doc[j].text[:1].isupper():
            j += 1
        return j > i + 1 and doc[j - 1].lower_ in heads
    return False


def _in_a_documents_title(span: Span) -> bool:
    """'the Agreement between X and Y concerning the Joint Development of the Shelf': the name is
    the object of a title's preposition that hangs on a capitalised document noun."""
    prep = span.root.head
    doc_noun = prep.head
    return prep.lower_ in org_shapes().title_prepositions and prep.i < span.start \
        and doc_noun.lower_ in org_shapes().document_heads and doc_noun.text[:1].isupper()


def _described_as_non_org(span: Span) -> bool:
    """'the Seabird Union, a treaty signed with ...', 'the Conference on the Long Bridge, the
    new crossing over ...': an apposition says what the name is."""
    doc = span.doc
    shapes = org_shapes()
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
        return False
    head = None
    for tok in doc[i + 2:i + 8]:
        if tok.pos_ == "NOUN":
            head = tok
        elif tok.pos_ not in ("ADJ", "ADV", "PUNCT", "PROPN", "VERB") or tok.text == ",":
            break
        elif tok.pos_ == "VERB" and tok.tag_ != "VBN":
            break   # 'a treaty signed ...' ends at 'signed'; 'cable-stayed' is a modifier
    if head is None or head.dep_ in ("nsubj", "nsubjpass"):
        return False   # 'According to X, the next meeting will ...': the comma starts the clause
    if head.lower_ in shapes.described_non_org_nouns:
        # 'a financing mechanism', 'the planned network'; but 'a network of unions' is a body
        return not (head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "of")
    return head.lower_ in shapes.not_org_heads | shapes.place_nouns


def _always_before_a_document_noun(ctx: ArticleContext, text: str) -> bool:
    """'the Seabird Union treaty with ...', and nowhere without 'treaty': the name of a document
    used as a modifier, not a body that has one (a body's 'meeting' or 'project' is its own)."""
    heads = org_shapes().document_heads
    found = list(re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", ctx.text))
    return bool(found) and all(
        (nxt := re.match(r"\s+([a-z]+)", ctx.text[m.end():])) and nxt.group(1) in heads for m in found)


def _news_text_names_an_undertaking(ctx: ArticleContext, text: str) -> bool:
    """'the Tarsk-II hydroelectric project', 'the Tarsk-II plant', and a headline's bare 'Tarsk-II':
    wherever the news text (lines that end a sentence) uses the name, it qualifies an undertaking
    noun, so the name is the undertaking's."""
    nouns = org_shapes().undertaking_nouns
    news = _news_lines(ctx.text)
    uses = [(after := re.match(r"(?:[ \t]+[a-z][a-z\-]*){1,3}", news[m.end():])) is not None
            and any(w in nouns for w in after.group(0).split())
            for m in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", news)]
    return bool(uses) and all(uses)


@lru_cache(maxsize=4)
def _news_lines(text: str) -> str:
    """The lines of the text that end a sentence (no headline, button or caption credit), once per text."""
    return "\n".join(line for line in text.splitlines() if line.rstrip().endswith((".", '"', "\u201d")))


def _formed_demonym(ctx: ArticleContext, text: str) -> bool:
    """'Nepali', 'Sudanese': a state's name with a demonym ending."""
    if " " in text or not text[:1].isupper():
        return False
    for ending in org_shapes().demonym_endings:
        stem = text[: -len(ending)]
        if text.endswith(ending) and len(stem) >= 3 and (ctx.gaz.state(stem) or ctx.gaz.state(stem + "a")):
            return True
    return False


def title_of_a_person(ctx: ArticleContext, span: Span) -> bool:
    """'the Vizier, Ann Roe', 'Vizier and Secretary of State': a title beside a name or
    coordinated with another title. Not 'the chairman of the X Council, Ann Roe': a body's name."""
    doc = span.doc
    if has_org_head(span.text) or span.start >= 1 and doc[span.start - 1].lower_ in BODY_PREPOSITIONS:
        return False
    if span.start >= 2 and doc[span.start - 1].lower_ == "the" \
            and doc[span.start - 2].lower_ in BODY_PREPOSITIONS:
        return False
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        nxt = doc[span.end + 1]
        mention = ctx.by_token.get(nxt.i)
        if nxt.ent_type_ == "PERSON" or mention is not None and mention.ref.kind == "person":
            return True
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "and":
        nxt = span.end + 2 if doc[span.end + 1].lower_ == "the" else span.end + 1
        if nxt in ctx.post_tokens:
            return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "and" and span.start - 2 in ctx.post_tokens


def _word_before(span: Span) -> Token | None:
    """The word before a name, over an article ('in the Northern Marches')."""
    i = span.start - 1
    doc = span.doc
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return doc[i] if i >= 0 else None


def _inside_quotes(span: Span) -> bool:
    """A theme or slogan ('the "Sea of Calm" concept') is quoted; names of bodies are not."""
    sent = span.sent
    before = [t.text for t in span.doc[sent.start:span.start] if t.text in QUOTES]
    return len(before) % 2 == 1


def _ordinary_words(ctx: ArticleContext, text: str) -> bool:
    """Every word of the span also appears in lower case in the article: a capitalised common noun
    phrase (a headline's 'Coastal Cooperation', 'Trade' from a title), not a name."""
    words = content_words(text)
    return bool(words) and all(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", ctx.text)
                               for w in words)
