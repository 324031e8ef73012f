"""How the text says a project is one: built, funded, run, agreed for ('construction of a border
post', 'the planned port', 'a deal for a refinery', 'continued to operate the port'), or that a
programme is only a signed document."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.context import ArticleContext


def signed_document(ctx: ArticleContext, head: Token) -> bool:
    """A programme or plan that is signed or adopted is a document the agreements tell, not an
    undertaking: 'signed a plan', 'the signing of an executive programme', 'a programme signed by'."""
    if head.lemma_.lower() not in ctx.lex.words("project_purpose_heads"):
        return False
    verbs = ctx.lex.words("project_document_verbs")
    governor = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head.head
    if head.dep_ in ("dobj", "nsubjpass", "pobj") and governor.lemma_.lower() in verbs:
        return True  # 'signed a plan', 'the signing of a programme' (lemma 'signing' is 'sign' for the verb)
    if head.dep_ == "pobj" and governor.lower_ in ("signing", "adoption", "ratification"):
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in verbs and c.tag_ == "VBN" for c in head.children)


def only_worked_towards(ctx: ArticleContext, head: Token) -> bool:
    """'agreed to work towards a new economic security initiative': a programme or plan the parties
    only work towards is a policy framework still to be made, no undertaking; a facility worked
    towards ('work towards a new pipeline') is still one."""
    if head.lemma_.lower() not in ctx.lex.words("project_purpose_heads") or head.dep_ != "pobj":
        return False
    prep = head.head
    return prep.lower_ in ("towards", "toward") and prep.head.lemma_.lower() in ctx.lex.words("project_hedge_verbs")


def built(ctx: ArticleContext, head: Token) -> bool:
    """'construction of a border post', 'work on the industrial city', 'a loan for the bridge', 'the
    ML-1 railway upgrade'."""
    construction = ctx.lex.words("construction_nouns") | ctx.lex.words("project_funding_nouns")
    if head.dep_ == "compound":
        return head.head.lemma_.lower() in construction
    if head.dep_ == "pobj" and head.head.lower_ in ("by", "from"):
        return False  # 'investment by North Grid': who invests, not what is invested in
    return head.dep_ == "pobj" and (head.head.lemma_.lower() in construction
                                    or head.head.head.lemma_.lower() in construction) or agreed_for(ctx, head) \
        or _invested_at(ctx, head)


def _invested_at(ctx: ArticleContext, head: Token) -> bool:
    """'coordinating investment at the ports': the parser hangs 'at' on the verb whose object is
    the investment or the works."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("at", "in", "into") or head.head.head.pos_ != "VERB":
        return False
    nouns = ctx.lex.words("construction_nouns") | ctx.lex.words("project_funding_nouns")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in head.head.head.children)


def agreed_for(ctx: ArticleContext, head: Token) -> bool:
    """'signed an agreement with Sinopec for an oil refinery at Hambantota', 'a contract for the
    terminal': a deal for a facility delimits it, wherever the parser hangs 'for'."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("for", "on"):
        return False
    nouns = ctx.lex.words("agreement_nouns")
    governor = head.head.head
    if governor.lemma_.lower() in nouns:
        return True
    return governor.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in governor.children)


def developed(ctx: ArticleContext, head: Token, running: bool = True) -> bool:
    """'the planned port', 'the Chinese-built airport', 'the centre, to be built ...', 'a port that
    a consortium is due to build', 'to build a port'; a facility a company operates under a
    concession ('continued to operate Hambantota port', 'the terminal, which the partners began
    operating') is an undertaking too; not `running`, a service that is run ('will run freight
    services between A and B') is no new route."""
    lex = ctx.lex
    verbs = lex.words("project_development_verbs") | (lex.words("project_operation_verbs") if running else frozenset())
    if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in verbs or started(ctx, head):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "into", "on") and head.head.head.pos_ == "VERB" \
            and head.head.head.lemma_.lower() in verbs:
        return True  # 'invest in a hydrogen plant'

    described = [head] + [c for c in head.children if c.dep_ == "appos"]  # 'the X Bridge, the crossing which is funded by'
    for child in (c for d in described for c in d.children):
        if child.dep_ == "amod" and (child.lower_ in lex.words("project_development_modifiers")
                                     or child.lemma_.lower() in verbs and child.i < head.i):
            return True
        if child.dep_ in ("acl", "relcl") and not relative_subject(child) and any(
                t.lemma_.lower() in verbs and t.pos_ == "VERB" for t in child.subtree if t.head.i == child.i or t is child):
            return True
    return False


def started(ctx: ArticleContext, head: Token) -> bool:
    """'to begin daily flights between A and B', 'start a ferry service', 'set up a logistics hub
    in X': the object of a verb that starts something (data: project_start_verbs, and the phrasal
    project_phrasal_start_verbs) is a new undertaking; only its object, since 'the service, which
    began in 2008' is an old one."""
    if head.dep_ != "dobj" or head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() not in ctx.lex.words("project_route_heads"):
        return False  # 'set up training centres across the region': a kind of facility; 'begin flights between A and B' is one route
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma in ctx.lex.words("project_start_verbs"):
        return True
    return any(f"{lemma} {c.lower_}" in ctx.lex.words("project_phrasal_start_verbs") for c in verb.children if c.dep_ == "prt")


def relative_subject(clause: Token) -> bool:
    """'State Grid, which already operates the lines': the noun does the building or running
    in its relative clause, it is not what is built ('the bridge, which opened to traffic', with
    no object, is what opened)."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who") for c in clause.children) and \
        any(c.dep_ == "dobj" for c in clause.children)


def described_as_developed(ctx: ArticleContext, head: Token) -> bool:
    """'the X Bridge, the crossing over the river between A and B, which is being funded by ...': a
    relative clause later in the sentence says it is built, wherever the parser hung it."""
    verbs = ctx.lex.words("project_development_verbs")
    return any(t.i > head.i and t.dep_ in ("relcl", "acl") and t.pos_ == "VERB" and t.lemma_.lower() in verbs
               and not relative_subject(t) for t in head.sent)


def named_in_its_own_right(ctx: ArticleContext, head: Token) -> bool:
    """'the King Salman Bridge is a decision for the leadership', 'a service to Jeddah Islamic Port':
    a facility whose own name ends in a capitalised port, bridge or terminal noun is an undertaking
    the story tells of, built or not; not where it is only the venue of an event ('landed at
    Jacksons International Airport', 'told reporters at the Tienditas Bridge')."""
    lex = ctx.lex
    if head.lemma_.lower() not in lex.words("project_existing_facility_heads") or not head.text[:1].isupper():
        return False
    return not (head.dep_ == "pobj" and head.head.lower_ in lex.words("project_venue_preps"))
