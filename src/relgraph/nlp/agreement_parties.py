"""Who is party to an agreement: its signers and subjects, the states and bodies its name or its
clauses name ('the Declaration, in which X and Y committed ...')."""
from __future__ import annotations

import re

from spacy.tokens import Token

from relgraph.nlp.actors import (actors_in, pair_refs, states_in_compound, subject_actors, subject_of,
                                 subtree_span, with_states)
from relgraph.nlp.context import ArticleContext
from relgraph.records import Ref


def clauses_of(noun: Token) -> list[Token]:
    """The noun's participle and relative clauses; a relative clause the parser hung on the party
    ('the agreement with the EU, which negotiators concluded in December') is the agreement's."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
            clauses += [c for pobj in prep.children for c in pobj.children if c.dep_ == "relcl"]
    return clauses


def parties_of(ctx: ArticleContext, noun: Token, verb: Token) -> list[Ref]:
    """The signers ('signed by X'), the partners ('with X', 'between X and Y'), whom it commits, and
    the subject of the concluding verb ('X and Y signed')."""
    refs: list[Ref] = []
    for child in verb.children:
        if child.dep_ == "agent":  # 'the agreement was signed by X and Y'
            refs += actors_in(ctx, subtree_span(child)) or pair_refs(ctx, subtree_span(child))
    refs += prep_parties(ctx, noun) + (prep_parties(ctx, verb) if verb.i != noun.i else [])
    refs += committed_parties(ctx, noun)
    refs += _holder_under_the_deal(ctx, noun, verb)
    subject = subject_of(verb)
    if subject is not None and subject.i != noun.i and any(a.i == subject.i for a in noun.ancestors) \
            and subject.dep_ == "nsubjpass":
        refs = actors_in(ctx, subtree_span(noun)) + refs  # 'two of the protocols, on ... the ICRC': the rest is what they are
    elif verb.head.i != noun.i or verb.dep_ == "relcl":
        refs = (_stranded_subject(ctx, verb) or subject_actors(ctx, verb)) + _pair_possessor(ctx, subject) + refs
    return _only_parties(ctx, refs)


def _holder_under_the_deal(ctx: ArticleContext, noun: Token, verb: Token) -> list[Ref]:
    """'Terna will build the station under a connection agreement signed with Interconnect Malta':
    the deal was signed with the one side; the other is who acts under it, the clause's subject."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under" or verb.head.i != noun.i:
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return []
    governor = noun.head.head
    return subject_actors(ctx, governor) if governor.pos_ in ("VERB", "AUX") else []


def _stranded_subject(ctx: ArticleContext, verb: Token) -> list[Ref]:
    """'On the sidelines of the session, Petrobras and CNOOC struck a deal': a finite verb the parser
    left without a subject (it hung the names on the phrase before the comma) has as subject the
    actors right before it, back to the comma."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)  # a root 'signed' with no auxiliary is finite
    if not finite or verb.dep_ not in ("ROOT", "ccomp") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    start = verb.i
    while start > verb.sent.start and verb.doc[start - 1].text not in (",", ";", ":"):
        start -= 1
    return actors_in(ctx, verb.doc[start:verb.i]) if start < verb.i else []


def _pair_possessor(ctx: ArticleContext, subject: Token | None) -> list[Ref]:
    """'the two countries' ministries of transport signed ...': the bodies act for the pair's states,
    whatever the bodies' own names resolve to."""
    if subject is None:
        return []
    owners = [c for c in subject.children if c.dep_ == "poss"]
    return [r for o in owners for r in pair_refs(ctx, subtree_span(o))]


def prep_parties(ctx: ArticleContext, token: Token) -> list[Ref]:
    """'a pact with X', 'between X and Y', also on the noun's 'of' complement ('a memorandum of
    understanding between X and Y', 'a plan of consultations between the two ministries')."""
    refs: list[Ref] = []
    complements = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]
    for child in [c for h in [token, *complements] for c in h.children]:
        if child.dep_ == "prep" and child.lower_ in ("between", "with", "among"):
            span = _without_clauses(subtree_span(child))
            refs += actors_in(ctx, span) or pair_refs(ctx, span)
    return _only_parties(ctx, refs)


def _without_clauses(span):
    """'between the two governments that set up the Nile Basin Initiative': the partners end where a
    relative or participle clause on them begins; what the clause names does not sign."""
    clauses = [t.left_edge.i for t in span if t.dep_ in ("relcl", "acl") and t.i > span.start + 1]
    return span.doc[span.start:min(clauses)] if clauses else span


def committed_parties(ctx: ArticleContext, noun: Token) -> list[Ref]:
    """Who a document binds: 'the Declaration, in which the army and the RSF committed to ...',
    'adopted the Declaration, committing the AU and CARICOM to ...'."""
    verbs = ctx.lex.words("commitment_verbs")
    refs: list[Ref] = []
    clauses = list(clauses_of(noun))
    if noun.dep_ in ("dobj", "nsubjpass"):
        clauses += [c for c in noun.head.children if c.dep_ == "advcl" and c.i > noun.i]
    for clause in clauses:
        if clause.lemma_.lower() not in verbs:
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "dobj"):
                refs += actors_in(ctx, subtree_span(child))
    return _only_parties(ctx, refs)


def parties_from_name(ctx: ArticleContext, name: str) -> list[Ref]:
    """'Canada-United States-Mexico Agreement' -> its three states."""
    return [Ref("state", s) for s in states_in_compound(ctx, name)]


def bodies_in_name(ctx: ArticleContext, name: str) -> list[Ref]:
    """'the ECO Transit Transport Framework Agreement', 'the EU-Chile Advanced Framework Agreement':
    an organisation the article names outside the document's name, written in it (by its name or by
    the short form the article gives it), is a party to it."""
    refs: list[Ref] = []
    occurrences = [(m.start(), m.end()) for m in re.finditer(re.escape(name), ctx.text)]
    for mention in ctx.mentions:
        if mention.ref.kind != "organization" or mention.ref in refs:
            continue
        at = ctx.doc[mention.start].idx
        if any(start <= at < end for start, end in occurrences):
            continue  # named only inside the document's name ('... of Commerce and Navigation'): a fragment
        if any(_written_in(form, name) for form in _name_forms(ctx.doc[mention.start:mention.end].text)):
            refs.append(mention.ref)
    return refs


def _name_forms(text: str) -> list[str]:
    """'The Economic Cooperation Organization (ECO)' -> its name and its short form."""
    text = text[4:] if text.lower().startswith("the ") else text
    short = re.search(r"\(([^()]+)\)\s*$", text)
    return [text[:short.start()].strip(), short.group(1).strip()] if short else [text]


def _written_in(form: str, name: str) -> bool:
    return bool(form) and form.lower() != name.lower() and re.search(
        rf"(?<!\w){re.escape(form)}(?!\w)", name) is not None


def sentence_parties(ctx: ArticleContext, noun: Token) -> list[Ref]:
    """A treaty named in passing: the story's two main states, and the states of its sentence; a
    sentence that names no state but a body ('the bloc was founded under the Treaty of X') gives it."""
    refs = [Ref("state", s) for s in ctx.main_pair()]
    named = _only_parties(ctx, actors_in(ctx, noun.sent))
    states = [r for r in named if r.kind == "state"]
    if not states:
        return [r for r in named if r.kind == "organization"] + refs
    return refs + [r for r in states if r not in refs]


def possessor_parties(ctx: ArticleContext, noun: Token) -> list[Ref]:
    """'the WTO's Agreement on ...', 'Canada's treaty with ...': the possessor owns the document."""
    name_start = min((t for t in noun.subtree if t.i <= noun.i), key=lambda t: t.i)
    refs: list[Ref] = []
    for token in {noun, name_start}:
        for child in token.children:
            if child.dep_ == "poss":
                refs += actors_in(ctx, subtree_span(child))
    return _only_parties(ctx, refs)


def _only_parties(ctx: ArticleContext, refs: list[Ref]) -> list[Ref]:
    out: list[Ref] = []
    for r in with_states(ctx, refs):
        if r not in out and r.kind in ("state", "organization"):
            out.append(r)
    return out
