"""How a state's ministry is named: its whole title ('Ministry of Foreign Affairs and Trade'), the
state it belongs to ('the Egyptian Foreign Ministry', "Brazil's foreign ministry"), and the
state-bound names under which other texts know it ('Hungarian Ministry of ...', '... of Hungary')."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from relgraph.gazetteer import Gazetteer
from relgraph.nlp.org_shapes import org_shapes
from relgraph.nlp.context import ArticleContext, clean_name

POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
GENERIC_MINISTRY = re.compile(r"^(?:Ministry|Department) (?:of|for) [A-Z]|^[A-Z][\w ]* Ministry$")
MAX_PORTFOLIO_TOKENS = 8
LOWER_IN_TITLES = {"of", "and", "the", "for", "on", "in"}


def whole_title(ctx: ArticleContext, span: Span) -> Span:
    """'Ministry of Foreign Affairs' + ', Foreign Employment and Tourism' or ' and Trade': the
    portfolios that follow are part of the name when the list ends with 'and <Portfolio>'."""
    doc = span.doc
    i, last_and = span.end, None
    while i < len(doc) and i - span.end <= MAX_PORTFOLIO_TOKENS:
        tok = doc[i]
        if tok.text in (",", "and") and i + 1 < len(doc) and _portfolio_word(ctx, doc[i + 1]):
            last_and = i if tok.text == "and" else last_and
            i += 1
            continue
        if _portfolio_word(ctx, tok) and i > span.end:
            i += 1
            continue
        break
    if last_and is None:
        return span
    end = i
    return Span(doc, span.start, end, label=span.label_) if end > last_and + 1 else span


def _portfolio_word(ctx: ArticleContext, token: Token) -> bool:
    """A capitalised word of a portfolio: no name of a state, person or body ('..., Russia and China')."""
    if not (token.text[:1].isupper() and token.is_alpha) or token.i in ctx.post_tokens:
        return False
    if token.ent_type_ == "ORG" and token.ent_iob_ == "I":
        return True   # NER's own span runs on over the portfolios
    if token.ent_type_ in ("ORG", "PERSON") and _alone_in_entity(token) and not ctx.gaz.organization(token.text):
        return True   # '..., Highways, Ports and Civil Aviation': NER made a name of one portfolio word
    return token.ent_type_ == "" or token.lower_ in ctx.lex.post_shapes.get("portfolios", frozenset())


def _alone_in_entity(token: Token) -> bool:
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")


def state_named_before(ctx: ArticleContext, span: Span) -> str | None:
    """'Pakistan's', 'the Egyptian', 'Chinese' right before the ministry (or as the first word of
    NER's span for it): its state, read from the words themselves."""
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].text in POSSESSIVE:
        return _state_word(ctx, doc[i - 1]) or _capital_of(ctx, doc[i - 1])
    first = span.start + 1 if doc[span.start].lower_ == "the" else span.start
    for j in (span.start - 1, first):
        if 0 <= j < span.end - 1:
            hit = _state_word(ctx, doc[j])
            if hit:
                return hit
    return None


def _state_word(ctx: ArticleContext, token: Token) -> str | None:
    mention = ctx.by_token.get(token.i)
    if mention is not None and mention.ref.kind == "state":
        return mention.ref.key
    hit = ctx.gaz.state(token.text) or ctx.gaz.state_by_demonym(token.text)
    return hit.name if hit else None


def _capital_of(ctx: ArticleContext, token: Token) -> str | None:
    """"Tokyo's foreign ministry": a national capital's possessive stands for its state's government."""
    mention = ctx.by_token.get(token.i)
    if mention is None or mention.ref.kind != "city" or mention.end != token.i + 1:
        return None
    hit = ctx.gaz.state_by_capital(mention.ref.key)
    return hit.name if hit else None


def bare_title(ctx: ArticleContext, span: Span) -> str:
    """The ministry's own words without the state or article before them."""
    words = clean_name(span.text).split()
    while words and (ctx.gaz.state(words[0]) or ctx.gaz.state_by_demonym(words[0]) or words[0] in POSSESSIVE):
        words = words[1:]
    return " ".join(words)


def is_generic_ministry(text: str) -> bool:
    """'Ministry of Culture', 'Department of Foreign Affairs', 'Culture Ministry': a state's body
    named without its state."""
    return bool(GENERIC_MINISTRY.match(text))


def canonical_title(title: str) -> str:
    """'Culture Ministry' -> 'Ministry of Culture'; other titles stay as written."""
    words = title.split()
    if len(words) >= 2 and words[-1] == "Ministry":
        return "Ministry of " + " ".join(words[:-1])
    return title


def title_case(title: str) -> str:
    """'foreign ministry' -> 'Foreign Ministry'; 'of', 'and', 'the' stay lower-case."""
    return " ".join(w if w.isupper() or w in LOWER_IN_TITLES else w[:1].upper() + w[1:]
                    for w in title.split())


def state_bound_names(gaz: Gazetteer, title: str, state: str) -> set[str]:
    """The names a state's body goes by: 'Ministry of Culture of Spain', "Spain's Ministry of
    Culture", 'Spanish Ministry of Culture', and the same with the state's other names."""
    entry = gaz.state(state)
    states = [state, *(a for a in (entry.aliases if entry else ()) if len(a.split()) <= 2)]
    demonyms = entry.demonyms if entry else ()
    names = set()
    for s in states:
        names |= {f"{title} of {s}", f"{title} of the {s}", f"{s}'s {title}"}
    names |= {f"{d} {title}" for d in demonyms}
    return names


def state_phrase(state: str) -> str:
    """The state as it follows 'of' or 'in': a plural name or one built on a common noun takes
    'the' ('of the Philippines', 'in the United Kingdom'); others do not ('of Chile')."""
    words = state.split()
    if "the" in words:
        return state   # 'Saint Vincent and the Grenadines' has its article inside
    # 'Cyprus', 'Belarus', 'Laos' end in s but are no plurals
    plural = words[-1].endswith("s") and not words[-1].endswith(("us", "os")) or words[-1] == "Comoros"
    if plural and words[-1][:1].isupper() or any(
            w.lower() in org_shapes().article_state_nouns for w in words):
        return f"the {state}"
    return state
