"""Agreements that were actually concluded: signed, adopted, reached or struck (GOLD_SCHEMA policy),
and past treaties the text names."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from relgraph.nlp.actors import place_in, subject_actors, subject_of, subtree_span, with_states
from relgraph.nlp.agreement_fields import count_of, field_phrases, partitive_head
from relgraph.nlp.agreement_hedges import hedged, named_in_passing_plan, one_sided, undone
from relgraph.nlp.agreement_lists import fields_listed_below, list_intro_verb, related_story_link, whole_item_name
from relgraph.nlp.agreement_merge import Report, merge_reports
from relgraph.nlp.agreement_occasions import at_the_same_occasion, ceremony_circumstances
from relgraph.nlp.agreement_parties import (bodies_in_name, committed_parties, parties_from_name, parties_of,
                                            possessor_parties, prep_parties, sentence_parties)
from relgraph.nlp.agreement_phrases import (agreement_name, content_stems, describe, is_anaphoric, ordinal_of,
                                            replaced, year_in_phrase)
from relgraph.nlp.agreement_verbs import concluding_verb, in_lexicon, is_agreement_noun, proper_name
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.headlines import in_capitals_line, in_title
from relgraph.records import FactRecord, Ref

__all__ = ["extract_agreements", "agreement_name", "proper_name", "signed_by_one_side", "reports_a_signing"]

SIGNED_RULE = "agreement-signed"        # the text reports the signing: a Signing event goes with it
CONCLUDED_RULE = "agreement-concluded"  # reached, struck, concluded: an agreement without a Signing
NAMED_RULE = "agreement-named"          # a treaty named as concluded, as history
ONE_SIDED_RULE = "agreement-signed-by-one-side"  # a signing whose document the other side has not signed
HISTORY_YEARS = 2                       # a deal signed this long before the article is history, not news


def extract_agreements(ctx: ArticleContext) -> list[FactRecord]:
    found: list[Report] = []
    lede_start = _lede_start(ctx)
    for token in ctx.index.tokens(ctx.index.with_pos(("NOUN", "PROPN"))):  # is_agreement_noun's first test
        if not is_agreement_noun(ctx, token) or ctx.is_excluded(token.doc[token.i:token.i + 1]):
            continue
        if _restates_head(ctx, token) or _restatement(ctx, token):
            continue  # one report of a deal named twice in apposition
        if related_story_link(ctx, token):
            continue
        verb, signed = concluding_verb(ctx, token)
        if verb is None:
            verb, signed, listed = list_intro_verb(ctx, token)
            if verb is None and listed:
                continue  # an item under 'Talks will cover:'
        if verb is not None and signed and one_sided(ctx, verb) and not undone(ctx, token):
            found += _concluded(ctx, token, verb, signed, found, lede_start, one_side=True)
        elif verb is not None and not hedged(ctx, token, verb) and not undone(ctx, token):
            found += _concluded(ctx, token, verb, signed, found, lede_start)
        elif verb is None and not _named_after_its_place(ctx, token, found) or _joining_a_treaty(ctx, token, verb):
            found += _named(ctx, token)
    found += _agreed_to(ctx)
    return merge_reports(ctx, found)


def signed_by_one_side(deal: FactRecord) -> bool:
    """A document one side signed and the other has not: the signing happened, the deal is not
    concluded (GOLD_SCHEMA policy), so it gives a Signing event but is no agreement."""
    return any(e.rule == ONE_SIDED_RULE for e in deal.evidence)


def reports_a_signing(deal: FactRecord) -> bool:
    """The text reports the document's signing (by both sides or by one)."""
    return any(e.rule in (SIGNED_RULE, ONE_SIDED_RULE) for e in deal.evidence)


def _restates_head(ctx: ArticleContext, noun: Token) -> bool:
    """'a second document, a protocol on ...': a generic word defers to the apposition that names it."""
    return in_lexicon(ctx, noun, "generic_document_nouns") and any(
        c.dep_ == "appos" and is_agreement_noun(ctx, c) for c in noun.children)


def _restatement(ctx: ArticleContext, noun: Token) -> bool:
    """'struck a security pact with China, a deal that alarmed ...': the apposition retells the pact."""
    return noun.dep_ == "appos" and is_agreement_noun(ctx, noun.head) and not in_lexicon(
        ctx, noun.head, "generic_document_nouns") and not _enumerates(noun)


def _enumerates(noun: Token) -> bool:
    """'signed five agreements, among them a protocol on ...': the apposition names one of the
    plural's documents, not the plural again."""
    return any(c.dep_ == "prep" and c.lower_ == "among" and c.i < noun.i for c in noun.children)


def _concluded(ctx: ArticleContext, noun: Token, verb: Token, signed: bool,
               found: list[Report], lede_start: int, one_side: bool = False) -> list[Report]:
    parties = _signers_just_told(ctx, verb, found) or parties_of(ctx, noun, verb)
    date = ctx.date_near(verb, tense="past") or ctx.date_near(noun, tense="past")
    if date and _in_future(ctx, date) or date and _dates_the_attached(ctx, noun, date):
        date = None  # 'signed an MoU on a committee that will report in 2026': not when it was signed
    place = place_in(ctx, verb)  # where it was signed: the place of its signing, not of the deal
    # 'leaders adopted the Addis Ababa Declaration': an adopted text is concluded, but no one signed it
    adopted = verb.lemma_.lower() in ctx.lex.words("adoption_words")
    rule = ONE_SIDED_RULE if one_side else SIGNED_RULE if signed and not adopted else CONCLUDED_RULE
    partitive = partitive_head(noun)
    own_fields = field_phrases(ctx, noun, verb, partitive) if partitive is not None else []
    if is_anaphoric(ctx, noun) and found and not own_fields:
        _refer_back(ctx, noun, found, parties, date, place, rule)
        return []  # ('two of the protocols, on A and on B, were signed' names deals of its own)
    retold = _retold_by_words(ctx, noun, found, date)
    if retold is not None:
        _refer_back(ctx, noun, [retold], parties, date, place, rule)
        return []
    name = whole_item_name(ctx, noun, verb, proper_name(ctx, noun))
    if not parties:
        parties = parties_from_name(ctx, name) if name else []
    if not parties:
        parties = possessor_parties(ctx, noun)
    if not parties:  # 'the two officials signed ...': between the story's two main states
        parties = _main_states(ctx)
    if not parties:
        return []
    if signed and at_the_same_occasion(ctx, verb):  # one ceremony: its date, place and states
        signed_before = [r.fact for r in found if r.fact.evidence[0].rule == SIGNED_RULE]
        date, place, parties = ceremony_circumstances(signed_before, verb, date, place, parties)
    below = [] if name or own_fields else fields_listed_below(ctx, noun)
    if below:  # 'signed loan agreements for the following projects:' and the projects listed
        return [_listed_deal(ctx, noun, rule, parties, date, place, label, words) for label, words in below]
    fields = [] if name else own_fields or field_phrases(ctx, noun, verb)
    if fields and _lists_told_fields(ctx, noun, found):
        return []  # 'The logistics and agri-tech memorandums were exchanged ...': the fields just listed
    # 'exchanged letters': the plural names one document, an exchange of letters, not a count
    plural = noun.tag_ in ("NNS", "NNPS") and not in_lexicon(ctx, noun, "exchanged_document_nouns")
    titled = in_title(ctx, noun)
    summary = bool(fields) or plural or titled
    out = []
    for description, words in fields or [describe(ctx, noun, verb)]:
        text = f"{noun.text} on {description}" if fields and not _is_document(ctx, description) else description
        if not name and _exchanged_papers(ctx, noun, text):
            text = f"exchange of {text}"  # 'exchanged notes', 'after an exchange of letters': the exchange is the deal
        if date and not name and not _recent(ctx, date) and date[:4] not in text:
            text = f"{date[:4]} {text}"  # 'a first accord was signed in 2007': the 2007 accord
        deal = _record(ctx, noun, rule, parties, date, name, text, 0.75)
        deal.places = [place] if place else []
        out.append(Report(deal, words, summary=summary, listed=bool(fields), in_title=titled,
                          head=noun.lemma_.lower(), count=None if fields else count_of(ctx, noun),
                          in_lede=noun.sent.start == lede_start))
    return out


def _listed_deal(ctx: ArticleContext, noun: Token, rule: str, parties: list[Ref], date: str | None,
                 place: Ref | None, label: str, words: list[Token]) -> Report:
    deal = _record(ctx, noun, rule, parties, date, None, label, 0.75)
    deal.places = [place] if place else []
    return Report(deal, content_stems(ctx, words), listed=True, head=noun.lemma_.lower())


def _exchanged_papers(ctx: ArticleContext, noun: Token, text: str) -> bool:
    """Notes or letters (not 'a letter of intent') whose label does not yet say they were exchanged."""
    lowered = text.lower()
    return in_lexicon(ctx, noun, "exchanged_document_nouns") and "exchange" not in lowered \
        and not any(phrase in lowered for phrase in ctx.lex.words("document_of_phrases"))


def _lists_told_fields(ctx: ArticleContext, noun: Token, found: list[Report]) -> bool:
    """A definite plural that names fields ('the logistics and agri-tech memorandums') after a
    report that listed fields under the same noun points back at those deals, not new ones."""
    definite = noun.left_edge.lower_ in ("the", "these", "those")  # the parser may hang it on a modifier
    return definite and any(r.listed and r.head == noun.lemma_.lower() and not r.in_title for r in found)


def _dates_the_attached(ctx: ArticleContext, noun: Token, date: str) -> bool:
    """'signed an addendum to the Cooperation Agreement of February 2018': the year dates the
    agreement the addendum is attached to ('to'), not the addendum's signing."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"):
        inner = [o for o in prep.children if o.dep_ == "pobj" and is_agreement_noun(ctx, o)]
        if inner and date[:4] in subtree_span(prep).text:
            return True
    return False


def _signers_just_told(ctx: ArticleContext, verb: Token, found: list[Report]) -> list[Ref]:
    """'SAF and RSF representatives signed the Declaration ... Nine days later they signed a ceasefire':
    'they' are the parties of the deal the sentence before reported, not the story's two states."""
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.lower_ != "they" or verb.sent.start == 0 or not found:
        return []
    previous = ctx.doc[verb.sent.start - 1].sent
    told = [r for r in found if previous.start_char <= r.fact.evidence[-1].start < verb.sent.start_char
            and r.fact.evidence[0].rule != NAMED_RULE]
    return list(told[-1].fact.participants) if told else []


def _main_states(ctx: ArticleContext) -> list[Ref]:
    """The states a signing with unnamed signers is between: the story's main pair, the second only
    when it is named as a state about as often as the first (a town read as a foreign city, or a
    neighbour named once, is no party: 'the company and the government signed ...')."""
    counts = Counter(m.ref.key for m in ctx.mentions if m.ref.kind == "state")
    pair = ctx.main_pair()
    if len(pair) == 2 and 2 * counts[pair[1]] < counts[pair[0]]:
        pair = pair[:1]
    return [Ref("state", s) for s in pair]


def _lede_start(ctx: ArticleContext) -> int:
    """The first token of the story's first sentence after the headline block."""
    return next((s.start for s in ctx.doc.sents if not in_title(ctx, s[0])), -1)


def _is_document(ctx: ArticleContext, field: str) -> bool:
    """'MoUs on A, B and an intergovernmental agreement on C': the last field is a document itself."""
    head = field.lower().split(" on ")[0].split(" of ")[0].split()
    return any(w in ctx.lex.words("agreement_nouns") for w in head)


def _retold_by_words(ctx: ArticleContext, noun: Token, found: list[Report], date: str | None) -> Report | None:
    """'an intergovernmental agreement on the Kokrajhar-Gelephu railway line ... The railway
    agreement was signed by ...': a definite mention whose own words all belong to one deal already
    told (of a compatible date) retells that deal."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or proper_name(ctx, noun) \
            or replaced(ctx, noun):
        return None
    words = describe(ctx, noun)[1]
    if not words:
        return None
    same = [r for r in found if words <= r.words and r.fact.evidence[0].rule != NAMED_RULE
            and (not date or not r.fact.date or date[:7] == r.fact.date[:7])]
    if len(same) > 1:  # the headline's 'MoUs on food corridor, ...' and the body's field: the body's
        same = [r for r in same if not r.in_title]
    return same[-1] if len(same) == 1 else None


def _refer_back(ctx: ArticleContext, noun: Token, found: list[Report], parties: list[Ref],
                date: str | None, place: Ref | None, rule: str) -> None:
    """'The agreement was signed by X in Y': the deal just reported gains its signers, place and date;
    'the second memorandum' is the second of the fields listed last; 'the deals' are all of them."""
    targets = [_antecedent(ctx, noun, found, date)]
    n = ordinal_of(ctx, noun)
    listed = [r for r in found if r.listed]
    if n is not None and 0 < n <= len(listed):
        targets = [listed[n - 1]]
    elif noun.tag_ in ("NNS", "NNPS"):
        targets = found
    for deal in (r.fact for r in targets):
        deal.participants += [p for p in parties if p not in deal.participants]
        deal.places = deal.places or ([place] if place else [])
        deal.date = deal.date or date
        if rule == SIGNED_RULE and deal.evidence[0].rule != SIGNED_RULE:
            deal.evidence.insert(0, ctx.evidence(noun.doc[noun.i:noun.i + 1], rule, 0.75))


def _antecedent(ctx: ArticleContext, noun: Token, found: list[Report], date: str | None) -> Report:
    """The latest deal the mention can be: one whose date agrees (a deal signed 'this afternoon' is
    not the 1998 treaty just named, nor a treaty named as history), preferably with the same head
    noun ('the treaty')."""
    compatible = [r for r in found if not date or not r.fact.date
                  or date.startswith(r.fact.date) or r.fact.date.startswith(date)]
    if date and _recent(ctx, date):
        compatible = [r for r in compatible if r.fact.evidence[0].rule != NAMED_RULE] or compatible
    same_head = [r for r in compatible if r.head == noun.lemma_.lower()]
    return (same_head or compatible or found)[-1]


def _in_future(ctx: ArticleContext, date: str) -> bool:
    """After the publication date: 'a 2030 climate pact' in a 2025 story is a plan."""
    published = ctx.published or ""
    n = min(len(date), len(published))
    return published[:4].isdigit() and n >= 4 and date[:n] > published[:n]


def _recent(ctx: ArticleContext, date: str) -> bool:
    published = ctx.published or ""
    if not (published[:4].isdigit() and date[:4].isdigit()):
        return False
    return int(published[:4]) - int(date[:4]) < HISTORY_YEARS


def _joining_a_treaty(ctx: ArticleContext, noun: Token, verb: Token | None) -> bool:
    """'Egypt should join the Cooperative Framework Agreement': whether Egypt joins is open, but
    a treaty one can join or ratify, named as such, is in force between its parties."""
    return verb is not None and verb.lemma_.lower() in ctx.lex.words("accession_verbs") \
        and proper_name(ctx, noun) is not None and not undone(ctx, noun)


def _also_known_as(ctx: ArticleContext, noun: Token) -> bool:
    """'the agreement, known as the Entebbe Agreement': another name of the deal just told."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else None
    return verb is not None and verb.lemma_.lower() in ctx.lex.words("naming_verbs") \
        and is_agreement_noun(ctx, verb.head) and is_anaphoric(ctx, verb.head)


def _named_after_its_place(ctx: ArticleContext, noun: Token, found: list[Report]) -> bool:
    """'signed an agreement in Cairo ... the so-called Cairo agreement': a definite deal named after
    a place where a deal just reported was signed is that deal, and the place names it."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    modifiers = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    places = {m.ref for c in modifiers for m in ctx.mentions_in(c.i, c.i + 1, ("city", "state"))}
    if len(modifiers) != 1 or not places:
        return False
    deal = next((r for r in reversed(found) if places & set(r.fact.places)), None)
    if deal is None:
        return False
    deal.fact.name = deal.fact.name or f"{modifiers[0].text} {noun.text}"
    deal.fact.evidence.append(ctx.evidence(noun.doc[noun.i:noun.i + 1], CONCLUDED_RULE, 0.6))
    return True


def _named(ctx: ArticleContext, noun: Token) -> list[Report]:
    """'under the 1965 Treaty on Basic Relations', 'the 1959 Nile Waters Agreement', 'a 2012 defence
    treaty between the two countries': a past agreement the text names, with its year."""
    name = proper_name(ctx, noun)
    document = name is not None and any(p in name.lower() for p in ctx.lex.words("named_document_phrases"))
    if not (in_lexicon(ctx, noun, "named_agreement_heads") or document) or named_in_passing_plan(ctx, noun):
        return []
    if in_capitals_line(ctx, noun) or _also_known_as(ctx, noun):
        return []  # 'EU FRAMEWORK', 'SEABED ACCORD': a subheading in capitals names a topic, not a treaty
    year = year_in_phrase(ctx, noun)
    if name is None and year is None or year and _in_future(ctx, year) or undone(ctx, noun):
        return []
    parties = parties_from_name(ctx, name) if name else []
    parties += [p for p in prep_parties(ctx, noun) + committed_parties(ctx, noun) + possessor_parties(ctx, noun)
                if p not in parties]
    if not parties:
        parties = sentence_parties(ctx, noun)
    if not parties:
        return []
    description, words = describe(ctx, noun)
    if year and year[:4] not in description:
        description = f"{year[:4]} {description}"  # 'Nepal joined under an MoU in May 2017': the 2017 MoU
    deal = _record(ctx, noun, NAMED_RULE, parties, year, name, None if name else description, 0.6)
    title = in_title(ctx, noun)
    return [Report(deal, words, summary=title, in_title=title, head=noun.lemma_.lower())]


def _record(ctx: ArticleContext, noun: Token, rule: str, parties: list[Ref], date: str | None,
            name: str | None, description: str | None, confidence: float) -> FactRecord:
    if name:  # 'the Status of Forces Agreement' read as a body by the NER is no party to itself
        nouns = ctx.lex.words("agreement_nouns")
        parties = [p for p in parties if not (p.kind == "organization" and p.key.lower() in name.lower()
                                              and any(w in nouns for w in p.key.lower().split()))]
        parties += [b for b in bodies_in_name(ctx, name) if b not in parties]
    return FactRecord(kind="agreement", label="", topic=_topic(ctx, noun), participants=list(parties),
                      date=date, name=name, description=description,
                      evidence=[ctx.evidence(noun.doc[noun.i:noun.i + 1], rule, confidence)])


def _agreed_to(ctx: ArticleContext) -> list[Report]:
    """'Saudi Arabia and Iran agreed on Friday to re-establish relations': two or more states that
    (in the past tense, without hedging) agreed to do something have concluded an agreement."""
    out = []
    for verb in ctx.index.tokens(ctx.index.with_lemma(("agree",))):
        if verb.lemma_.lower() != "agree" or verb.tag_ not in ("VBD", "VBN"):
            continue
        actions = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        # 're-establish' comes out as three tokens: take the one that names the action
        action = next((c for c in actions if c.lemma_.lower() in ctx.lex.words("agreed_actions")), None)
        if action is None or hedged(ctx, verb, verb) or any(
                c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.words("pending_nouns")
                for c in action.children):
            continue  # 'agreed to open negotiations' concludes nothing
        parties = [r for r in with_states(ctx, subject_actors(ctx, verb))
                   if r.kind in ("state", "organization")]
        if len({r.key for r in parties if r.kind == "state"}) < 2:
            continue
        description, words = describe(ctx, action)
        deal = FactRecord(kind="agreement", label="", topic=_topic(ctx, action), participants=parties,
                          date=ctx.date_near(verb, tense="past"), description=description,
                          evidence=[ctx.evidence(verb.doc[verb.i:verb.i + 1], "agreement-agreed-to", 0.65)])
        out.append(Report(deal, words, summary=True))
    return out


def _topic(ctx: ArticleContext, noun: Token) -> str | None:
    """The topic word of a deal ('oil', 'trade'), from its own phrase, else from its sentence ('the
    ship carrying crude oil was part of the deal struck in April'): what reports in other articles
    share."""
    topics = ctx.lex.facts["topics"]
    for scope in (subtree_span(noun), noun.sent):
        tokens = [t for t in scope if t.i not in ctx.post_tokens]
        words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
        for topic in topics:
            if all(w in words for w in topic.split()):
                return topic
    return None
