"""Agreements that were actually concluded: signed, adopted, reached or struck (GOLD_SCHEMA policy)."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.actors import actors_in, pair_refs, place_in, subject_actors, subtree_span, with_states
from relgraph.nlp.context import ArticleContext
from relgraph.records import FactRecord, Ref

def extract_agreements(ctx: ArticleContext) -> list[FactRecord]:
    nouns = ctx.lex.words("agreement_nouns")
    verbs = ctx.lex.words("conclusion_verbs")
    found = []
    for token in ctx.doc:
        if (token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in nouns and token.lower_ not in nouns
                or ctx.is_excluded(token.doc[token.i:token.i + 1])):
            continue
        verb = _concluding_verb(token, verbs)
        if verb is None or _hedged(ctx, token, verb):
            continue
        parties = _parties(ctx, token, verb)
        states = [r for r in parties if r.kind in ("state", "organization")]
        date = ctx.date_near(verb, tense="past")
        place = place_in(ctx, verb)  # where it was signed: the place of its signing, not of the deal
        if len(states) < 1:
            if found and _anaphoric(token):  # 'The pact was signed in Perth': the deal just reported
                found[-1].places = found[-1].places or ([place] if place else [])
                found[-1].date = found[-1].date or date
            continue
        name = agreement_name(token)
        topic, weak = (name, False) if name else _topic_and_scope(ctx, token)
        found.append(FactRecord(
            kind="agreement", label="", topic=topic, topic_from_sentence=weak, participants=states, date=date,
            places=[place] if place else [], name=name,
            evidence=[ctx.evidence(token.doc[token.i:token.i + 1], "agreement-concluded", 0.75)],
        ))
    found += _agreed_to(ctx)
    return _merge_agreements(ctx, found)


def agreement_name(noun: Token) -> str | None:
    """The proper name of an agreement: 'the Comprehensive Economic Partnership Agreement (CEPA)',
    'the Joint Declaration on Security Cooperation', 'the Treaty of Friendship'. None for common
    nouns ('a trade deal')."""
    doc = noun.doc
    if not noun.text[:1].isupper() or noun.i == noun.sent.start:
        return None
    start = noun.i
    while start > noun.sent.start and doc[start - 1].dep_ in ("compound", "amod", "nmod", "punct") \
            and doc[start - 1].head.i >= start and (doc[start - 1].text[:1].isupper() or doc[start - 1].text == "-"):
        start -= 1
    end = noun.i + 1
    if end + 1 < len(doc) and doc[end].lower_ in ("of", "on") and doc[end + 1].text[:1].isupper():
        end += 1
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ in ("and", "of")) \
                and doc[end].ent_type_ not in ("DATE", "GPE") or end < len(doc) and doc[end].text == "-":
            end += 1
        while doc[end - 1].lower_ in ("and", "of", "-"):
            end -= 1
    if start == noun.i and end == noun.i + 1:
        return None
    while start < noun.i and doc[start].text == "-":
        start += 1
    return doc[start:end].text


def _anaphoric(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _agreed_to(ctx: ArticleContext) -> list[FactRecord]:
    """'Saudi Arabia and Iran agreed on Friday to re-establish relations': two or more states that
    (in the past tense, without hedging) agreed to do something have concluded an agreement."""
    out = []
    for verb in ctx.doc:
        if verb.lemma_.lower() != "agree" or verb.tag_ not in ("VBD", "VBN"):
            continue
        actions = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        # 're-establish' comes out as three tokens: take the one that names the action
        action = next((c for c in actions if c.lemma_.lower() in ctx.lex.words("agreed_actions")), None)
        if action is None or _hedged(ctx, verb, verb) or action.lemma_.lower() not in ctx.lex.words("agreed_actions"):
            continue
        parties = [r for r in with_states(ctx, subject_actors(ctx, verb)) if r.kind in ("state", "organization")]
        if len({r.key for r in parties if r.kind == "state"}) < 2:
            continue
        out.append(FactRecord(
            kind="agreement", label="", topic=_topic(ctx, action), participants=parties,
            date=ctx.date_near(verb, tense="past"),
            evidence=[ctx.evidence(verb.doc[verb.i:verb.i + 1], "agreement-agreed-to", 0.65)],
        ))
    return out


def _merge_agreements(ctx: ArticleContext, found: list[FactRecord]) -> list[FactRecord]:
    """The headline and the body often report one deal: same topic, shared party, compatible date.
    A headline's wording ('energy deals') may differ from the body's ('gas pipeline'), so a report
    from the first line joins any body report that shares a party."""
    first_line_end = ctx.doc.text.find("\n")
    in_title = [d for d in found if 0 <= first_line_end and d.evidence[0].start < first_line_end]
    merged: list[FactRecord] = []
    for deal in [d for d in found if d not in in_title] + in_title:
        for other in merged:
            same_topic = (deal.topic == other.topic or not deal.topic or not other.topic or deal in in_title
                          or deal.topic_from_sentence or other.topic_from_sentence)
            dates_ok = not deal.date or not other.date or deal.date[:7] == other.date[:7]
            if same_topic and dates_ok and set(deal.participants) & set(other.participants):
                other.participants += [p for p in deal.participants if p not in other.participants]
                if not other.topic or other.topic_from_sentence and deal.topic and not deal.topic_from_sentence:
                    other.topic, other.topic_from_sentence = deal.topic, deal.topic_from_sentence
                if deal.date and (not other.date or len(deal.date) > len(other.date)):
                    other.date = deal.date
                other.places = other.places or deal.places
                if deal.name and not other.name:  # the deal's proper name wins over a topic
                    other.name, other.topic, other.topic_from_sentence = deal.name, deal.topic, False
                other.evidence += deal.evidence
                break
        else:
            merged.append(deal)
    return merged


def _concluding_verb(noun: Token, verbs: frozenset[str]) -> Token | None:
    """'signed a deal' (dobj), 'a deal was signed' (nsubjpass), 'the deal struck in April' (acl)."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in verbs:
        return noun.head
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in verbs and child.tag_ in ("VBN", "VBD"):
            return child
    return None


def _hedged(ctx: ArticleContext, noun: Token, verb: Token) -> bool:
    """Offers, plans, talks, negations and futures are not concluded agreements."""
    hedges = ctx.lex.words("hedge_words")
    negations = ctx.lex.words("negation_words")
    for tok in (noun, verb):
        for child in tok.children:
            if child.lower_ in negations or (child.dep_ in ("aux", "auxpass") and child.lower_ in hedges):
                return True
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "advcl", "pcomp"):
        return True  # "to sign", "plans to sign", "before signing"
    return any(a.lemma_.lower() in hedges for a in verb.ancestors)


def _parties(ctx: ArticleContext, noun: Token, verb: Token) -> list[Ref]:
    refs: list[Ref] = []
    for child in verb.children:
        if child.dep_ == "agent":  # 'the agreement was signed by X and Y'
            refs += actors_in(ctx, subtree_span(child)) or pair_refs(ctx, subtree_span(child))
    for tok in (noun, verb):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "with", "among"):
                span = subtree_span(child)
                refs += actors_in(ctx, span) or pair_refs(ctx, span)
    if verb.head.i != noun.i:
        refs = subject_actors(ctx, verb) + refs
    refs = with_states(ctx, refs)
    out: list[Ref] = []
    for r in refs:
        if r not in out and r.kind in ("state", "organization"):
            out.append(r)
    return out


def _topic(ctx: ArticleContext, noun: Token) -> str | None:
    return _topic_and_scope(ctx, noun)[0]


def _topic_and_scope(ctx: ArticleContext, noun: Token) -> tuple[str | None, bool]:
    """The topic word of a deal, and whether it was only found outside the deal's own phrase."""
    topics = ctx.lex.facts["topics"]
    for n, scope in enumerate((subtree_span(noun), noun.sent)):
        tokens = [t for t in scope if t.i not in ctx.post_tokens]
        words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        for topic in topics:
            if all(w in words for w in topic.split()):
                return topic, n == 1
    return None, False
