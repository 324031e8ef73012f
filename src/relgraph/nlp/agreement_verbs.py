"""Which words mention a document and which word concludes it: agreement nouns ('a deal', 'a letter
of intent', 'the joint vision adopted by ...'), proper names, and the verb or noun that signs,
adopts or concludes them ('signed a deal', 'the deal struck in April', 'the signing of a protocol')."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.agreement_fields import partitive_head
from relgraph.nlp.agreement_parties import clauses_of
from relgraph.nlp.agreement_phrases import agreement_name, is_year_span, name_holder, participle_after
from relgraph.nlp.context import ArticleContext

__all__ = ["is_agreement_noun", "in_lexicon", "proper_name", "concluding_verb"]


def is_agreement_noun(ctx: ArticleContext, token: Token) -> bool:
    """'a deal', 'the MoUs'; 'the Helsinki Final Act', 'the Plan of Action' only as a proper name of a
    document kind. A modifier of another noun ('the Treaty Organization', 'deal talks') is not one."""
    if token.pos_ not in ("NOUN", "PROPN"):  # first: most tokens of an article stop here
        return False
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and not is_year_span(token.head) \
            and not participle_after(token):
        return False
    if in_lexicon(ctx, token, "agreement_nouns"):
        return True
    phrases = ctx.lex.words("document_of_phrases")
    if any(f"{token.lemma_.lower()} of {o.lemma_.lower()}" in phrases
           for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children):
        return True  # 'a letter of intent': a document only with its complement
    if in_lexicon(ctx, token, "signed_document_nouns") and (_signed(ctx, token, ctx.lex.words("signature_verbs"))
                                                             or _named_among_documents(ctx, token)):
        return True  # 'signed a plan of consultations': a plan that is signed is a document
    if in_lexicon(ctx, token, "exchanged_document_nouns") and _exchanged(ctx, token):
        return True  # 'exchanged letters on a climate finance package', 'an exchange of notes': a treaty form
    if in_lexicon(ctx, token, "joint_document_nouns") and any(c.lower_ == "joint" for c in token.children) \
            and _signed(ctx, token, ctx.lex.words("joint_adoption_verbs")):
        return True  # 'the joint vision adopted by the two leaders': a text both sides adopted
    name = proper_name(ctx, token)
    return name is not None and any(p in name.lower() for p in ctx.lex.words("named_document_phrases"))


def _signed(ctx: ArticleContext, noun: Token, verbs: frozenset[str]) -> bool:
    """Signed (or adopted) as a document: 'signed a plan', 'the signing of an executive programme',
    'a joint vision for ... adopted by X and Y' (a participle with its signers, however deep)."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in verbs:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in ctx.lex.words("signing_nouns"):
        return True
    return _participle_with_signers(ctx, noun, verbs) is not None


def _named_among_documents(ctx: ArticleContext, noun: Token) -> bool:
    """'the agreements signed in Beijing, among them an action plan and ...': a plan named among
    documents is one of them."""
    return any(c.dep_ == "prep" and c.lower_ == "among" and c.i < noun.i and any(
        o.dep_ == "pobj" and (o.pos_ == "PRON" or o.tag_ in ("NNS", "NNPS") and in_lexicon(ctx, o, "agreement_nouns"))
        for o in c.children) for c in noun.children)


def _exchanged(ctx: ArticleContext, noun: Token) -> bool:
    """'the two ministers exchanged letters', 'letters were exchanged', 'an exchange of notes'."""
    verbs = ctx.lex.words("exchange_verbs")
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in verbs:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in verbs


def _participle_with_signers(ctx: ArticleContext, noun: Token, verbs: frozenset[str]) -> Token | None:
    """'the joint vision for economic partnership adopted by Modi and X': a concluding participle
    with an agent, inside the noun's phrase with no other document between, is the noun's."""
    for clause in noun.subtree:
        if clause.i > noun.i and clause.dep_ == "acl" and clause.tag_ == "VBN" \
                and clause.lemma_.lower() in verbs and any(c.dep_ == "agent" for c in clause.children) \
                and not any(in_lexicon(ctx, t, "agreement_nouns") for t in noun.doc[noun.i + 1:clause.i]):
            return clause
    return None


def in_lexicon(ctx: ArticleContext, token: Token, name: str) -> bool:
    words = ctx.lex.words(name)
    return token.lemma_.lower() in words or token.lower_ in words


def proper_name(ctx: ArticleContext, noun: Token) -> str | None:
    """The agreement's proper name, unless it is only generic words and a year ('the Memorandum of
    Understanding', 'the 1974 Agreement between X and Y concerning ...': its phrase says what it is)."""
    name = agreement_name(noun)
    generic = ctx.lex.words("agreement_nouns") | ctx.lex.words("memorandum_complements") | {"of", "on", "for"}
    if name is None or all(w.lower().strip("()") in generic or w.isdigit() for w in name.split()):
        return None
    return name


def concluding_verb(ctx: ArticleContext, noun: Token) -> tuple[Token | None, bool]:
    """The verb that concludes the deal, and whether it is a signing: 'signed a deal' (dobj), 'a deal
    was signed' (nsubjpass), 'the deal struck in April' (acl), 'the treaty which both signed' (relcl),
    'an MoU ... and an agreement on ...' (conjunct of the object), 'the signing of a protocol'."""
    verbs = ctx.lex.words("conclusion_verbs")
    signing = ctx.lex.words("signing_verbs")
    holder = name_holder(noun)  # 'the Status of Forces Agreement, signed in ...': the name's head word
    top = holder
    while top.dep_ in ("conj", "appos") and is_agreement_noun(ctx, top.head):
        top = top.head  # 'an MoU ... and an agreement', 'a second document, a protocol on ...'
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lemma_.lower() in ctx.lex.words(
            "quantity_nouns"):
        top = top.head.head  # 'signed a number of agreements'
    top = partitive_head(top) or top  # 'two of the protocols were signed'
    container = _container(ctx, top) or _coordinated_deeper(ctx, top)
    if container is not None:  # 'signed seven agreements, including an MoU on health'
        return container
    if top.dep_ in ("dobj", "nsubjpass") and top.head.lemma_.lower() in verbs:
        return top.head, top.head.lemma_.lower() in signing
    if top.dep_ == "conj" and top.head.pos_ == "VERB" and top.head.lemma_.lower() in verbs \
            and any(c.dep_ == "dobj" for c in top.head.children):
        return top.head, top.head.lemma_.lower() in signing  # 'signed two MoUs, ..., and an agreement on ...'
    for child in clauses_of(noun) + (clauses_of(holder) if holder.i != noun.i else []):
        if child.lemma_.lower() in verbs and child.tag_ in ("VBN", "VBD"):
            return child, child.lemma_.lower() in signing
    nominal = _concluding_noun(ctx, top)
    if nominal is not None:
        return nominal, nominal.lemma_.lower() in ctx.lex.words("signing_nouns")
    late = _participle_set_off(ctx, holder) or _participle_after(ctx, noun) \
        or _participle_with_signers(ctx, noun, verbs)
    if late is not None:
        return late, late.lemma_.lower() in signing
    before = _verb_right_before(ctx, noun)
    if before is not None:
        return before, before.lemma_.lower() in signing
    return None, False


def _verb_right_before(ctx: ArticleContext, noun: Token) -> Token | None:
    """'... signed a protocol setting phytosanitary requirements': the parser may make the document a
    modifier of the participle after it, but a concluding verb right before the noun, with only its
    determiner and adjectives between, has it as its object."""
    i = noun.i - 1
    while i >= noun.sent.start and noun.doc[i].pos_ in ("DET", "ADJ", "NUM") and noun.i - i <= 4:
        i -= 1
    verb = noun.doc[i] if i >= noun.sent.start else None
    if verb is None or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP") \
            or verb.lemma_.lower() not in ctx.lex.words("conclusion_verbs") or noun.dep_ in ("nsubj", "nsubjpass"):
        return None
    return verb


def _participle_set_off(ctx: ArticleContext, noun: Token) -> Token | None:
    """'an agreement on the construction of a cable across the sea, signed by X and Y': a participle
    after a comma closes the document's phrase, though the parser hangs it on the last noun."""
    verbs = ctx.lex.words("conclusion_verbs")
    for clause in noun.subtree:
        if clause.i <= noun.i or clause.dep_ != "acl" or clause.tag_ != "VBN" \
                or clause.lemma_.lower() not in verbs or noun.doc[clause.left_edge.i - 1].text != ",":
            continue
        between = noun.doc[noun.i + 1:clause.i]
        if not any(is_agreement_noun(ctx, t) for t in between):
            return clause
    return None


def _participle_after(ctx: ArticleContext, noun: Token) -> Token | None:
    """'under the 99-year lease concluded in 2017': a participle right after the noun, with no
    subject of its own, is the noun's reduced relative clause, wherever the parser hung it."""
    if noun.i + 1 >= len(noun.doc) or noun.dep_ in ("nsubj", "nsubjpass"):
        return None
    verb = noun.doc[noun.i + 1]
    if verb.lemma_.lower() not in ctx.lex.words("conclusion_verbs") or verb.tag_ not in ("VBN", "VBD") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb


def _container(ctx: ArticleContext, noun: Token) -> tuple[Token, bool] | None:
    """A document named among those concluded: 'signed seven agreements, including an MoU on health'
    (on the verb or on the plural), 'the agreements signed included a protocol on ports'."""
    verbs = ctx.lex.words("conclusion_verbs")
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ctx.lex.words("inclusion_words"):
        holder = head.head
        if holder.lemma_.lower() in verbs and holder.pos_ in ("VERB", "AUX"):
            return holder, holder.lemma_.lower() in ctx.lex.words("signing_verbs")
        if is_agreement_noun(ctx, holder) and holder.i != noun.i:
            verb, signed = concluding_verb(ctx, holder)
            return (verb, signed) if verb is not None else None
    if noun.dep_ == "dobj" and head.lemma_.lower() in ctx.lex.words("inclusion_words"):
        subject = next((c for c in head.children if c.dep_ == "nsubj" and is_agreement_noun(ctx, c)), None)
        if subject is not None:
            verb, signed = concluding_verb(ctx, subject)
            return (verb, signed) if verb is not None else None
    counted = _set_named_among(ctx, noun)
    if counted is not None:
        verb, signed = concluding_verb(ctx, counted)
        return (verb, signed) if verb is not None else None
    return None


def _set_named_among(ctx: ArticleContext, noun: Token) -> Token | None:
    """'signed eight sectoral agreements, among them an agreement on power', 'Among the instruments are
    an MoU on farming and ...': a document named among a set of documents told just before (in its
    sentence or the one before) was concluded with the set. Returns the set's plural noun."""
    holders = [noun] + ([noun.head] if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be" else [])
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # 'among them a ... plan and a memorandum on ...': 'among' is on the first one
        holders.append(first)
    objects = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "among"
               for p in c.children if p.dep_ == "pobj"]
    named = [o for o in objects if is_agreement_noun(ctx, o)]  # 'among the instruments'
    if not named and not any(o.pos_ == "PRON" for o in objects):
        return None  # 'an agreement among the parties'
    sent = noun.sent
    start = sent.start - 1
    start = noun.doc[start].sent.start if start >= 0 else sent.start
    sets = [t for t in noun.doc[start:noun.i] if t.tag_ in ("NNS", "NNPS") and t not in named
            and is_agreement_noun(ctx, t)]
    return sets[-1] if sets else None


def _coordinated_deeper(ctx: ArticleContext, noun: Token) -> tuple[Token, bool] | None:
    """'signed an MoU establishing a dialogue, as well as an agreement on research': the parser
    hangs the second document on a word inside the first one's phrase."""
    if noun.dep_ != "conj":
        return None
    for anc in noun.ancestors:
        if is_agreement_noun(ctx, anc):
            verb, signed = concluding_verb(ctx, anc)
            return (verb, signed) if verb is not None else None
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("acl", "relcl"):
            return None
    return None


def _concluding_noun(ctx: ArticleContext, noun: Token) -> Token | None:
    """'witnessed the signing of a protocol ... and of an agreement', 'hailed the conclusion of a deal'."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
        prep = prep.head
    nouns = ctx.lex.words("conclusion_nouns")
    if prep.dep_ == "conj" and prep.head.lemma_.lower() not in nouns:
        # 'witnessed the signing of a protocol ..., and of an agreement': the parser may hang the
        # second 'of' on the verb; it continues the nearest 'signing of' before it
        earlier = [t for t in prep.sent if t.i < prep.i and t.lemma_.lower() in nouns
                   and any(c.lower_ == "of" for c in t.children)]
        return earlier[-1] if earlier else None
    head = prep.head
    return head if head.lemma_.lower() in nouns else None
