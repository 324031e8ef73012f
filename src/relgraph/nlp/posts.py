"""The shape of an office title around its head word: the portfolio list that runs on after it,
what it is 'to' or 'of', titles coordinated before one name (the organisation a title heads is
relgraph.nlp.post_bodies)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from relgraph.nlp.context import HONORIFICS, NAME_PARTICLES, ArticleContext

TAIL_ENTITY_LABELS = ("GPE", "LOC", "ORG", "NORP", "FAC")
SMALL_WORDS = {"and", "of", "for", "the", "at", "on", "in", "to"}
PARTICLES = NAME_PARTICLES | {"du", "des"}  # lower-case words inside names: 'Office du Niger'


def portfolio_tail(ctx: ArticleContext, span: Span) -> int:
    """The end of a title whose portfolio list runs on past the matched words: 'Minister of Foreign
    Affairs[, Emigration and Egyptian Expatriates]', 'Minister for Foreign Affairs[ and Trade]'.
    A title that does not end on a portfolio word ends where it was matched."""
    doc, shapes = ctx.doc, ctx.lex.post_shapes
    portfolios, joiners = shapes["portfolios"], shapes["joiners"]
    if doc[span.end - 1].lower_ not in portfolios:
        return span.end
    end, i = span.end, span.end
    lower = doc[span.end - 1].text.islower()  # 'who is also minister of infrastructure and transport'
    while i < span.sent.end:
        token = doc[i]
        if token.lower_ in joiners or token.lower_ == "the":
            i += 1
            continue
        if (token.text[:1].isupper() or lower) and (token.lower_ in portfolios or _is_demonym(ctx, token)
                                                    or _compass_before_portfolio(ctx, i)):
            i += 1
            end = i if token.lower_ in portfolios else end
            continue
        break
    return end


def _compass_before_portfolio(ctx: ArticleContext, i: int) -> bool:
    """'[East] African Cooperation': a compass word goes on a portfolio list only before a portfolio
    or demonym word, so that a place after the title ('... and South Korea') stays out of it."""
    doc = ctx.doc
    if doc[i].lower_ not in ctx.lex.post_shapes.get("compass_words", frozenset()) or i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    return after.text[:1].isupper() and (after.lower_ in ctx.lex.post_shapes["portfolios"] or _is_demonym(ctx, after))


def remit_end(ctx: ArticleContext, span: Span) -> int:
    """The end of a 'Minister/Secretary of State for <remit>' title: 'Secretary of State for Northern
    Ireland', 'Minister of State for Security'; a 'of State' title without 'for' ends where matched."""
    doc, end = ctx.doc, span.end
    if len(span) < 3 or [t.lower_ for t in span[-2:]] != ["of", "state"] or end + 1 >= len(doc):
        return end
    if doc[end].lower_ != "for" or not doc[end + 1].text[:1].isupper():
        return end
    i, portfolios = end + 1, ctx.lex.post_shapes["portfolios"]
    while i < span.sent.end and doc[i].text[:1].isupper() and doc[i].is_alpha and (
            doc[i].lower_ in portfolios or doc[i].ent_type_ in ("GPE", "LOC")):
        i += 1
    return i


def _is_demonym(ctx: ArticleContext, token) -> bool:
    return ctx.gaz.state_by_demonym(token.text) is not None


def tail_end(ctx: ArticleContext, end: int) -> int:
    """Skip what a title is 'to', 'in' or 'of' before the holder's name: 'ambassador to China[, ]',
    'ambassador in Caracas', 'Chief Executive of the Ghana Cocoa Board (COCOBOD)', 'Ambassador of
    Ireland to Great Britain'."""
    for _ in range(3):
        after = _one_tail_end(ctx, end)
        if after == end:
            break
        end = after
    return end


def _one_tail_end(ctx: ArticleContext, end: int) -> int:
    doc = ctx.doc
    if end >= len(doc) or doc[end].lower_ not in ("to", "in", "of", "for"):
        return end
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i >= len(doc):
        return end
    if doc[i].ent_type_ in TAIL_ENTITY_LABELS:
        i = _entity_end(doc, i)
    else:  # a name the NER missed, closed by a comma or an abbreviation: 'of the Conseil du Cafe-Cacao (CCC),'
        name_end = body_name_end(ctx, i)
        if name_end == i or name_end >= len(doc) or doc[name_end].text not in ("(", ","):
            return end
        i = name_end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # '(COCOBOD)': an abbreviation of the name just read
    return i


def _entity_end(doc: Doc, i: int) -> int:
    label = doc[i].ent_type_
    i += 1
    while i < len(doc) and doc[i].ent_iob_ == "I" and doc[i].ent_type_ == label:
        i += 1
    return i


def coordinated_end(ctx: ArticleContext, end: int) -> int:
    """Past titles joined with 'and' or a comma to this one, which share its holder: 'Deputy Prime
    Minister and Minister of Industry, Natangwe Ithete', 'Minister of State, Minister of Energy, Mr X'."""
    doc = ctx.doc
    end = tail_end(ctx, end)
    while end + 1 < len(doc) and doc[end].lower_ in ("and", ",") and end + 1 in ctx.post_tokens:
        i = end + 1
        while i in ctx.post_tokens:
            i += 1
        end = tail_end(ctx, i)
    return end


def titled(doc: Doc, start: int, end: int, drop=lambda token: False) -> str:
    """The title as written, capitalised, without the tokens `drop` rejects (state words and
    their possessive 's)."""
    words, dropped = [], False
    for t in doc[start:end]:
        if drop(t) or (dropped and t.lower_ in ("'s", "\u2019s")):
            dropped = True
            continue
        dropped = False
        keep = t.text.isupper() or t.is_punct or (t.text.islower() and (t.lower_ in SMALL_WORDS or t.lower_ in PARTICLES))
        word = t.text if keep else t.text[:1].upper() + t.text[1:]
        words.append(word + t.whitespace_)
    kept = "".join(words).split()
    while kept and kept[-1].lower() in SMALL_WORDS:
        kept.pop()  # '... Security of [Kyrgyzstan]'
    return " ".join(kept).strip(" ,")


def leading_state_word(ctx: ArticleContext, start: int):
    """The tokens a title as written leaves out: a state word before its remit ('[Egyptian] Minister
    of Foreign Affairs'), not one inside its portfolio list after 'of' or 'for', which names the
    portfolio ('Minister of Foreign Affairs, Cooperation and Mauritanians Abroad')."""
    doc = ctx.doc

    def drop(token) -> bool:
        if ctx.gaz.state_by_demonym(token.text) is None:
            return False
        return not any(t.lower_ in ("of", "for") for t in doc[start:token.i])
    return drop


def state_word_in(ctx: ArticleContext, span: Span) -> str | None:
    """A demonym inside a long title names its state: 'Minister of Foreign Affairs and Egyptian Expatriates'."""
    for token in span:
        hit = ctx.gaz.state_by_demonym(token.text)
        if hit is not None:
            return hit.name
    return None


def body_name_end(ctx: ArticleContext, i: int, started: bool = False) -> int:
    """The end of a capitalised name that runs on: 'the State Committee for National Security',
    'the CARICOM Reparations Commission'; it stops at the holder's name."""
    doc, end, first = ctx.doc, i, i - 1 if started else i  # started: a name was read up to i
    while i < len(doc) and i < doc[i].sent.end:
        m = ctx.by_token.get(i)
        if (m is not None and m.ref.kind == "person") or (end > first and (
                i in ctx.post_tokens or doc[i].lower_ in ctx.lex.post_shapes["heads"])):
            break  # the holder's name, or the next title ('... Council for Canada and Minister of ...')
        if doc[i].text[:1].isupper() and (doc[i].is_alpha or doc[i - 1].text == "/" and doc[i].text.isalnum()):
            i += 1
            end = i if m is None or m.ref.kind != "state" else end  # '... Security [of Kyrgyzstan]'
        elif doc[i].text in ("-", "/") and not doc[i - 1].whitespace_ and end == i and i + 1 < len(doc) \
                and doc[i + 1].text[:1].isupper():
            i += 1  # 'Cafe-Cacao', 'the AFC/M23'
        elif (doc[i].lower_ in ("of", "for", "on", "and", "the", "'s", "\u2019s") or doc[i].lower_ in PARTICLES) and end > first:  # 'the Conseil du Cafe-Cacao'
            i += 1  # "the King's Privy Council"
        else:
            break
    return end


def plural_titles(ctx: ArticleContext) -> list[Span]:
    """Listed titles in the plural ('Foreign Ministers', 'Presidents'), labelled with the singular's
    role: a title that several names after it share."""
    doc, posts, found = ctx.doc, ctx.lex.posts, []
    for token in ctx.index.tokens(ctx.index.with_lower([w for w in ctx.index.lower if _singular(w)])):
        singular = _singular(token.lower_)
        # capitalised ('Foreign Ministers X and Y'), in apposition to the list ('the foreign ministers,
        # X and Y'), or lower-case right before a name ('prime ministers X and Y': the list is checked
        # by the caller, which keeps a shared title only for two names or more)
        if singular is None or not (token.text[:1].isupper() or _before_comma(token) or _before_name(token)):
            continue
        for start in range(max(token.i - 3, token.sent.start), token.i + 1):
            phrase = " ".join([*(t.lower_ for t in doc[start:token.i]), singular])
            if phrase in posts:
                found.append(Span(doc, start, token.i + 1, label=posts[phrase]))
                break
    return found


def _before_comma(token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ","


def _before_name(token) -> bool:
    """The NER's person name starts right after the token."""
    nxt = token.i + 1
    return nxt < len(token.doc) and token.doc[nxt].ent_type_ == "PERSON" and token.doc[nxt].ent_iob_ == "B"


def _singular(word: str) -> str | None:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # secretaries
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return None


RELATIVE_PRONOUNS = {"who", "that", "which"}


def holder_of_predicate(root):
    """The holder of a title used as a predicate: 'X, who is also deputy prime minister' (copula),
    'X was sworn in as president' (the subject), 'they appointed X as secretary general' (the object).
    The holder must be a proper noun; a relative pronoun stands for the noun its clause hangs on."""
    verb = None
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        verb = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.pos_ in ("VERB", "AUX"):
        verb = root.head.head
    if verb is None:
        return None
    deps = ("dobj", "nsubjpass", "nsubj") if root.dep_ == "pobj" else ("nsubj",)
    for dep in deps:
        holder = next((c for c in verb.children if c.dep_ == dep), None)
        if holder is None:
            continue
        if dep == "dobj" and any(t.ent_type_ == "PERSON" for t in holder.doc[holder.i + 1: root.i]
                                 if t.ent_iob_ == "B"):
            return None  # 'named A as director ..., B as commissioner': whose title is not clear
        if holder.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            holder = verb.head
        return holder if holder.pos_ == "PROPN" else None
    return None


def honorific_end(ctx: ArticleContext, i: int) -> int:
    """Past the forms of address and ranks before a holder's name: 'Dr', 'the Rt Hon', 'Vice Admiral'."""
    doc, forms = ctx.doc, ctx.lex.post_shapes["address_forms"]
    while i < len(doc):
        word = doc[i].lower_
        if word in HONORIFICS or word in forms or doc[i].text == "," or _abbreviation_dot(doc, i, forms) or (
                word in ("the", "vice", "rear", "air", "lieutenant", "major", "brigadier")
                and i + 1 < len(doc) and doc[i + 1].lower_ in forms):
            i += 1
            continue
        break
    return i


def _abbreviation_dot(doc: Doc, i: int, forms) -> bool:
    """The dot of a form of address the tokenizer split off it ('Hon' '.')."""
    return doc[i].text == "." and i > 0 and not doc[i - 1].whitespace_ and (
        doc[i - 1].lower_ in forms or doc[i - 1].lower_ in HONORIFICS)
