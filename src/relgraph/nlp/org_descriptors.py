"""Organisations the text describes: a name in apposition with what it is ('the state oil company
PNK', 'the ZPA news agency', 'Kalvor Group, the Estonian shipping company running ...'). The
description is evidence enough for names NER missed or gave another type, bare acronyms included."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext, Mention, clean_name
from relgraph.nlp.org_features import model_words
from relgraph.nlp.org_headed import headed_names
from relgraph.nlp.org_shapes import org_shapes
from relgraph.records import Ref

MAX_NAME_TOKENS = 5
MAX_MODIFIERS = 6
STOP_ENT_TYPES = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY", "NORP"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
DETERMINERS = {"the", "a", "an"}
POSSESSIVE = {"'s", "\u2019s"}

Recorder = Callable[[ArticleContext, str, str, Span, str], None]


def extract_described_orgs(ctx: ArticleContext, record: Recorder) -> None:
    """Every descriptor noun ('company', 'agency', ...) lends its type to the name beside it."""
    descriptors = org_shapes().descriptor_nouns
    runners = org_shapes().runner_participles
    for tok in ctx.index.tokens(ctx.index.with_lemma_or_lower(descriptors | {"-"})):  # the tests below
        if tok.text == "-" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ in runners:
            runner = _name_before_hyphen(ctx, tok)
            if runner is not None:
                _add(ctx, runner, None, record, over_person=False)
            continue
        if tok.tag_ == "NNS" and tok.lemma_ in descriptors and tok.text == tok.lower_:
            for span in _names_of_plural(ctx, tok):
                _add(ctx, span, None, record, over_person=True)
            continue
        if tok.lower_ not in descriptors or tok.text != tok.lower_ or tok.pos_ != "NOUN":
            continue
        # 'the Italian company Ann Roe' names a company even if the name reads as a person's:
        # a determined descriptor right before a name outranks that reading, as an apposition does
        for found, over_person in ((_name_after(ctx, tok), _determined(ctx.doc, tok) or _led_by_a_demonym(ctx, tok)),
                                   (_name_before(ctx, tok), False),
                                   (_name_in_apposition(ctx, tok), True), (_name_after_comma(ctx, tok), False)):
            if found is not None:
                _add(ctx, *found, record, over_person)
    for tok in speaking_acronyms(ctx):
        _add(ctx, ctx.doc[tok.i:tok.i + 1], None, record, over_person=False)
    for span, named in headed_names(ctx):   # the head noun describes the name it ends (org_headed)
        _add_over_demonyms(ctx, span, named, record)


def _add_over_demonyms(ctx: ArticleContext, span: Span, named: Span, record: Recorder) -> None:
    """Record a name whose words may hold a demonym's state reading ('the Tarsk EXIM Bank' after
    'Saudi'): the name takes the words; the readings come back if it is not recorded."""
    held = {id(m): m for i in range(span.start, span.end) if (m := ctx.by_token.get(i)) is not None}
    for mention in held.values():
        ctx.remove_mention(mention)
    _add(ctx, span, None, record, over_person=False, named=named)
    if ctx.by_token.get(span.start) is None:
        for mention in held.values():
            ctx.add_mention(mention)


def speaking_acronyms(ctx: ArticleContext) -> list[Token]:
    """'ZPA said in a statement', 'TRK signed the contract': a bare capitalised acronym NER reads as
    an organisation, that no reading holds and that is the active subject of a verb of speech or of
    a deal, is a body that speaks or signs (a fuel, a measure or a currency written in capitals does
    neither); the acronym alone is not evidence enough elsewhere ('LNG imports'), and capitals NER
    does not read as an organisation are as often a place's or a person's short name."""
    words = model_words()
    verbs = words.speech_verbs | words.deal_verbs
    found = []
    for tok in ctx.doc:
        if not (2 <= len(tok.text) <= 6 and tok.text.isupper() and tok.is_alpha) or tok.i in ctx.by_token \
                or tok.i in ctx.post_tokens or tok.dep_ != "nsubj" \
                or tok.head.lemma_.lower() not in verbs or tok.head.pos_ not in ("VERB", "AUX"):
            continue   # the subject of a passive ('X was announced') is what is said or signed
        if tok.ent_type_ != "ORG" or tok.text.lower() in ctx.lex.not_entities \
                or ctx.is_excluded(tok.doc[tok.i:tok.i + 1]) or _in_capitals(tok) or _beside_a_state(ctx, tok):
            continue
        found.append(tok)
    return found


def _in_capitals(tok: Token) -> bool:
    """'HÀ NỘI -', 'TARSK AND VELMOR SIGN': a word of a line or phrase written in capitals."""
    doc = tok.doc
    return any(0 <= j < len(doc) and doc[j].is_alpha and doc[j].text.isupper() and len(doc[j]) > 1
               for j in (tok.i - 1, tok.i + 1))


def _beside_a_state(ctx: ArticleContext, tok: Token) -> bool:
    """'SA and China sign ...': coordinated with a state, the capitals are a state's short name."""
    for other in tok.conjuncts:
        mention = ctx.by_token.get(other.i)
        if other.ent_type_ in PLACE_TYPES or mention is not None and mention.ref.kind in ("state", "city"):
            return True
    return False


def _name_after(ctx: ArticleContext, tok: Token) -> tuple[Span, str | None] | None:
    """'the state oil company PNK', 'the state news agency ZPA'."""
    doc = ctx.doc
    end = tok.i + 1
    while end < len(doc) and end - tok.i <= MAX_NAME_TOKENS and (
            _name_token(ctx, doc[end]) or end == tok.i + 1 and _unknown_nationality(ctx, doc[end])):
        end += 1
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and _name_token(ctx, doc[end + 1]):
            end += 1   # 'Roe-Engel': a hyphenated name is one name
    return (doc[tok.i + 1:end], None) if end > tok.i + 1 else None


def _unknown_nationality(ctx: ArticleContext, token: Token) -> bool:
    """'the Italian cable maker Prysmian': NER may type a company's one-word name after its descriptor
    as a nationality; a capitalised word no state is the demonym of is the name."""
    return token.ent_type_ == "NORP" and token.pos_ == "PROPN" and token.text[:1].isupper() \
        and token.i not in ctx.by_token and ctx.gaz.state_by_demonym(token.text) is None


def _led_by_a_demonym(ctx: ArticleContext, tok: Token) -> bool:
    """'contracted Turkish firm Ann Roe', 'with Italian cable maker X': a descriptor whose phrase begins
    with a state's demonym says what the name after it is as surely as an article does."""
    doc = ctx.doc
    i = tok.i - 1
    while i >= 0 and tok.i - i <= MAX_MODIFIERS and doc[i].pos_ in ("ADJ", "NOUN") and doc[i].text == doc[i].lower_:
        i -= 1   # 'cable' in 'Italian cable maker'
    return i >= 0 and doc[i].ent_type_ == "NORP" and ctx.gaz.state_by_demonym(doc[i].text) is not None \
        and (i == 0 or doc[i - 1].lower_ not in DETERMINERS | POSSESSIVE)   # those are _determined's


def _names_of_plural(ctx: ArticleContext, tok: Token) -> list[Span]:
    """'the grid operators Voltra and Nordnet', 'Voltra and Nordnet, the two grid operators,': a
    plural descriptor and two names joined by 'and' describe both (one name alone is not told so)."""
    doc = ctx.doc
    if _determined(doc, tok):
        first = _name_after(ctx, tok)
        if first is not None and first[0].end + 1 < len(doc) and doc[first[0].end].lower_ == "and":
            second = _name_after(ctx, doc[first[0].end])
            if second is not None:
                return [first[0], second[0]]
    i = tok.i - 1   # back over the modifiers ('the Tarsk and Velmoran grid') to the article and comma
    while i >= 0 and tok.i - i <= MAX_MODIFIERS and doc[i].lower_ not in DETERMINERS \
            and doc[i].pos_ in ("ADJ", "NOUN", "PROPN", "CCONJ", "NUM"):
        i -= 1
    if i < 2 or doc[i].lower_ not in DETERMINERS or doc[i - 1].text != ",":
        return []
    second = _proper_run_before(ctx, i - 1)
    if second is None or second.start < 2 or doc[second.start - 1].lower_ != "and":
        return []
    first = _proper_run_before(ctx, second.start - 1)
    return [first, second] if first is not None else []


def _name_before_hyphen(ctx: ArticleContext, hyphen: Token) -> Span | None:
    """'the Omnitrans-operated terminal': the capitalised words written onto the hyphen (the tagger
    may call them a nationality or a common noun, so neither is asked of them)."""
    doc = ctx.doc
    if hyphen.whitespace_ or hyphen.i == 0 or doc[hyphen.i - 1].whitespace_:
        return None
    i = hyphen.i - 1
    while i >= 0 and hyphen.i - i <= MAX_NAME_TOKENS and doc[i].text[:1].isupper() and doc[i].is_alpha \
            and doc[i].lower_ not in DETERMINERS and i not in ctx.post_tokens and doc[i].sent == hyphen.sent:
        i -= 1
    return doc[i + 1:hyphen.i] if hyphen.i > i + 1 else None


def _proper_run_before(ctx: ArticleContext, end: int) -> Span | None:
    """The proper name that ends right before token `end`."""
    i = end - 1
    while i >= 0 and end - i <= MAX_NAME_TOKENS and _name_token(ctx, ctx.doc[i]) and ctx.doc[i].pos_ == "PROPN":
        i -= 1
    return ctx.doc[i + 1:end] if end > i + 1 else None


def _name_after_comma(ctx: ArticleContext, tok: Token) -> tuple[Span, str | None] | None:
    """"Ruritania's official news agency, ZPA, said ...", 'the UN peacekeeping mission, UNMIR,':
    a described noun phrase, then the name between commas."""
    doc = ctx.doc
    start = tok.i + 2
    if start >= len(doc) or doc[tok.i + 1].text != "," or not _determined(doc, tok):
        return None
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and _name_token(ctx, doc[end]) \
            and doc[end].pos_ == "PROPN":
        end += 1
    if end == start or end >= len(doc) or doc[end].text != ",":
        return None
    return doc[start:end], None


def _determined(doc, tok: Token) -> bool:
    """The descriptor's phrase begins with an article or a possessive ('the state news agency')."""
    i = tok.i - 1
    while i >= 0 and tok.i - i <= MAX_MODIFIERS and doc[i].lower_ not in DETERMINERS \
            and doc[i].text not in POSSESSIVE:
        participle = doc[i].tag_ == "VBN" or doc[i].text == "-"   # 'the state-owned oil company'
        if doc[i].pos_ not in ("ADJ", "NOUN", "PROPN", "ADV") and not participle or doc[i].text == ",":
            return False
        i -= 1
    return i >= 0 and tok.i - i <= MAX_MODIFIERS


def _name_before(ctx: ArticleContext, tok: Token) -> tuple[Span, str | None] | None:
    """'the ZPA news agency': a proper name, then lower-case modifiers, then the descriptor."""
    doc = ctx.doc
    i = tok.i - 1
    # a lower-case modifier the tagger calls a proper noun inside NER's name is still a modifier
    while i >= 0 and tok.i - i <= 2 and doc[i].text == doc[i].lower_ and doc[i].pos_ in ("NOUN", "ADJ", "PROPN"):
        i -= 1
    end = i + 1
    while i >= 0 and end - i <= MAX_NAME_TOKENS and _name_token(ctx, doc[i]) and doc[i].pos_ == "PROPN":
        i -= 1
    if i + 1 == end or i >= 0 and doc[i].text in POSSESSIVE and not _a_states_possessive(ctx, i):
        return None   # "the company's ZPA unit"; but "Ruritania's ZPA development bank" is Ruritania's bank
    return doc[i + 1:end], None


def _a_states_possessive(ctx: ArticleContext, i: int) -> bool:
    """The "'s" at token i follows a state's name ("Ruritania's")."""
    owner = ctx.by_token.get(i - 1) if i >= 1 else None
    return owner is not None and owner.ref.kind == "state"


def _name_in_apposition(ctx: ArticleContext, tok: Token) -> tuple[Span, str | None] | None:
    """'Kalvor Group, the Estonian shipping company running ...', "Norvik (NRV), Latvia's main refiner"."""
    doc = ctx.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.text in POSSESSIVE):
        return None   # 'the company's director', 'the bank governor': the descriptor is no head
    i = tok.i - 1
    while i >= 0 and tok.i - i <= MAX_MODIFIERS and doc[i].lower_ not in DETERMINERS and doc[i].text != ",":
        if doc[i].pos_ not in ("ADJ", "NOUN", "PROPN", "PART", "PUNCT", "ADV") or doc[i].text in "()":
            return None
        i -= 1
    if i >= 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    i -= 1
    acronym = None
    if i >= 3 and doc[i].text == ")" and doc[i - 2].text == "(":
        acronym, i = doc[i - 1].text, i - 3
    end = i + 1
    while i >= 0 and end - i <= MAX_NAME_TOKENS and _name_token(ctx, doc[i]) and doc[i].pos_ == "PROPN":
        i -= 1
    return (doc[i + 1:end], acronym) if end > i + 1 else None


def _name_token(ctx: ArticleContext, token: Token) -> bool:
    if not token.text[:1].isupper() or "\n" in token.text or token.i in ctx.post_tokens:
        return False
    if token.ent_type_ in STOP_ENT_TYPES:
        return False
    mention = ctx.by_token.get(token.i)
    return mention is None or mention.ref.kind in ("person", "organization")


def _add(ctx: ArticleContext, span: Span, acronym: str | None, record: Recorder, over_person: bool,
         named: Span | None = None) -> None:
    """Record the described name; only an apposition ('X, the ... fund') outranks a person reading.
    `named`, a longer span around `span`, gives the name when the words outside `span` keep their
    own readings ('Tarsk-Velmor' in 'the Tarsk-Velmor Joint Commission')."""
    named = named or span
    text = clean_name(named.text)
    gaz = ctx.gaz
    first = span[0].lower_
    if first in ctx.lex.posts or first in org_shapes().title_heads \
            or first in ctx.lex.post_shapes.get("heads", frozenset()):
        return   # 'the central bank Governor ...': a title follows the descriptor
    if not text or text.lower() in ctx.lex.not_entities or gaz.state(text) or gaz.city(text) \
            or gaz.state_by_demonym(text) or text.lower() in ctx.lex.posts or ctx.is_excluded(span):
        return
    held = {id(m): m for i in range(span.start, span.end) if (m := ctx.by_token.get(i)) is not None}
    if any(m.ref.kind == "organization" for m in held.values()):
        return
    for mention in held.values():
        if not over_person or mention.start < span.start or mention.end > span.end:
            return
        ctx.remove_mention(mention)
    org = gaz.organization(text)
    key = org.name if org else text
    if ctx.add_mention(Mention(Ref("organization", key), span.start, span.end, "name")):
        record(ctx, "organization", key, Span(ctx.doc, named.start, named.end, label="ORG"), "name")
        if acronym:
            ctx.records.entity("organization", key).names.add(acronym)
