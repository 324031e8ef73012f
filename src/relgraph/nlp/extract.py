"""Article -> ArticleRecords: the one entry point of the NLP package."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from relgraph import dates
from relgraph.nlp.chunks import parse, parse_many
from relgraph.nlp.parse_ahead import parsed_ahead
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.agreements import extract_agreements, reports_a_signing, signed_by_one_side
from relgraph.nlp.projects import extract_projects
from relgraph.nlp.entities import extract_ministries, extract_places_and_orgs
from relgraph.nlp.event_history import SIGNING_HISTORY_MONTHS, long_past
from relgraph.nlp.events import extract_events
from relgraph.nlp.org_model import filter_organisations
from relgraph.nlp.people import assign_roles, extract_people
from relgraph.nlp.pipeline import MODEL, load_nlp
from relgraph.records import ArticleRecords, FactRecord, Ref


def extract_article(article, doc=None, model: str = MODEL) -> ArticleRecords:
    """Everything relgraph reads in one article. A pure function of the article text and metadata."""
    ctx, posts = read_entities(article, doc, model)
    filter_organisations(ctx)   # the learned decision on the organisations the rules read
    assign_roles(ctx, posts)
    agreements = extract_agreements(ctx)
    now = getattr(article, "published", None) or _first_full_date(article.text) or max(
        (a.date for a in agreements if a.date), default=None)
    signings = one_ceremony([signing_of(a) for a in agreements if reports_signing(a, now)])
    agreements = [a for a in agreements if not signed_by_one_side(a)]  # signed, but not by all sides
    events = _join_signings(signings, extract_events(ctx))
    facts = agreements + signings + extract_projects(ctx) + events
    ctx.records.facts = [label_fact(f) for f in facts if f.kind != "event" or f.places or f.type != "Visit"
                         or _merged_visit_ok(f)]
    _drop_unmentioned(ctx)
    _mark_participant_states(ctx)
    _complete_states(ctx)
    return ctx.records


def read_entities(article, doc=None, model: str = MODEL) -> tuple[ArticleContext, list]:
    """The article's context with the rules' people, places and organisations read (before the
    organisation model decides, and before posts are assigned): the posts found on the way."""
    nlp, matchers, gaz, lex = load_nlp(model)
    doc = doc if doc is not None else parse(nlp, article.text)
    ctx = ArticleContext(doc=doc, article=article, gaz=gaz, lex=lex,
                         records=ArticleRecords(article.id), matchers=matchers)
    line = dates.dateline(article.text)
    if line is not None:
        ctx.dateline = (line.start, line.end)
    if line is not None and line.agency:
        ctx.excluded_spans.append((line.start, line.end))  # "(efe-epa)" names the wire, not an actor
    posts = extract_people(ctx)
    extract_places_and_orgs(ctx)
    extract_ministries(ctx)
    return ctx, posts


def extract_articles(articles: Iterable, model: str = MODEL, batch_size: int = 32, *,
                     parse_ahead: bool = False) -> Iterator[tuple]:
    """(article, records or the exception it raised) pairs, running spaCy over batches of articles.
    Long articles are parsed in pieces (relgraph.nlp.chunks); an article that cannot be parsed or
    extracted yields its exception and the others go on. With `parse_ahead`, spaCy parses on a
    thread of its own while the rules run (relgraph.nlp.parse_ahead): for a process that has a
    core to itself and another one free, not for worker processes that already fill the cores."""
    nlp = load_nlp(model)[0]
    articles = list(articles)
    docs = parse_many(nlp, [a.text for a in articles], batch_size)
    if parse_ahead and len(articles) > 1:
        docs = parsed_ahead(docs, ahead=2 * batch_size)
    for article, doc in zip(articles, docs, strict=True):
        if isinstance(doc, Exception):
            yield article, doc
            continue
        try:
            yield article, extract_article(article, doc, model)
        except Exception as exc:  # one article's failure must not stop the others
            yield article, exc


def _first_full_date(text: str) -> str | None:
    """The first day-precise date of the text ('Wednesday, November 26, 2025' under the byline):
    when the article was written, if its metadata does not say."""
    for _, _, phrase in dates.find_temporal_expressions(text):
        value = dates.resolve_relative(phrase, None, tense="past")
        if value and len(value) == 10:
            return value
    return None


def reports_signing(agreement: FactRecord, now: str | None) -> bool:
    """A Signing event goes with an agreement whose signing the text reports: not a deal 'reached' or
    'struck', not a treaty named as history ('the Quirinal Treaty, signed in Rome in 2021'). `now` is
    the publication date, else the newest date of the article's deals."""
    if not reports_a_signing(agreement):
        return False
    return agreement.date_assumed or not long_past(agreement.date, now, SIGNING_HISTORY_MONTHS)


def one_ceremony(signings: list[FactRecord]) -> list[FactRecord]:
    """Documents signed on the same day by the same states were signed at one ceremony: one Signing
    event ('Signing of the MoU on X and the agreement on Y')."""
    kept: list[FactRecord] = []
    for signing in signings:
        states = {r for r in signing.participants if r.kind == "state"}
        same = next((k for k in kept if k.date == signing.date
                     and states & {r for r in k.participants if r.kind == "state"}), None)
        if same is None:
            kept.append(signing)
            continue
        same.participants += [r for r in signing.participants if r not in same.participants]
        same.places = same.places or signing.places
        first = same.name or same.description or ""
        same.name, same.description = None, f"{first} and {signing.name or signing.description or ''}".strip()
        same.evidence += signing.evidence
    return kept


def signing_of(agreement: FactRecord) -> FactRecord:
    return FactRecord(kind="event", type="Signing", label="", topic=agreement.topic or "",
                      name=agreement.name, description=agreement.description,
                      # a date the agreement only took from the occasion is left to the event reports
                      participants=list(agreement.participants),
                      date=None if agreement.date_assumed else agreement.date,
                      places=list(agreement.places),
                      evidence=list(agreement.evidence))


def _join_signings(signings: list[FactRecord], events: list[FactRecord]) -> list[FactRecord]:
    """'The leaders witnessed the signing' and 'the MoU was signed by ...' in one article are one
    signing: the event report lends its people and place to the agreement's signing."""
    kept = []
    for event in events:
        same = next((s for s in signings if event.type == "Signing" and _dates_compatible(s, event)
                     and {r for r in s.participants if r.kind == "state"}
                     & {r for r in event.participants if r.kind == "state"}), None)
        if same is None:
            kept.append(event)
            continue
        same.participants += [r for r in event.participants if r not in same.participants]
        same.places = same.places or event.places
        if (not same.date or same.date_assumed) and event.date and not event.date_assumed:
            same.date, same.date_assumed = event.date, False  # the text's date beats a lent one
        same.evidence += event.evidence
    return kept


def _dates_compatible(a: FactRecord, b: FactRecord) -> bool:
    if not a.date or not b.date or a.date_assumed or b.date_assumed:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _names(refs: list[Ref], kinds=("person", "state", "organization")) -> list[str]:
    return [r.key for r in refs if r.kind in kinds]


def agreement_label(fact: FactRecord) -> str:
    """Its proper name, else its parties and the words of its own phrase ('Egypt–Sudan memorandum
    of understanding on the return of ...'), so the label carries what the deal is about."""
    if fact.name:
        return fact.name
    names = _names(fact.participants, ("state", "organization")) or _names(fact.participants)
    parties = "–".join(sorted(names)[:4])
    if fact.description:
        return f"{parties} {fact.description}".strip()
    return " ".join(x for x in (parties, fact.topic, "agreement") if x)


EVENT_WORDS = {"Visit": "Visit", "Meeting": "Meeting", "Consultation": "Consultations",
               "PressConference": "Press conference", "Signing": "Signing", "Statement": "Statement"}


def label_fact(fact: FactRecord) -> FactRecord:
    """Readable labels built from the fact itself, so every report of it gets the same one."""
    if fact.kind == "agreement":
        fact.label = agreement_label(fact)
    elif fact.kind == "event":
        who = (_names(fact.participants, ("person",)) or _names(fact.participants, ("organization",))
               or _names(fact.participants, ("state",)))
        place = f" in {fact.places[0].key}" if fact.places else ""
        if fact.type == "Signing" and fact.topic is not None:
            fact.label = "Signing of the " + agreement_label(fact)
        elif fact.type == "Signing":
            fact.label = f"Signing ceremony with {', '.join(who[:4])}{place}"
        elif fact.type == "Visit":
            fact.label = f"Visit of {' and '.join(who[:2])}" + (f" to {fact.places[0].key}" if fact.places else "")
        elif fact.type == "Statement":
            fact.label = f"Statement by {' and '.join(who[:2])}"
        else:
            fact.label = f"{EVENT_WORDS[fact.type]} of {', '.join(who[:4])}{place}"
        if fact.date:
            fact.label += f" ({fact.date})"
    return fact


def _merged_visit_ok(fact: FactRecord) -> bool:
    """A visit whose place never became known still tells who travelled ('Ruto's state visit'):
    kept when its visitor is a named person."""
    return any(r.kind == "person" for r in fact.participants)


def _drop_unmentioned(ctx: ArticleContext) -> None:
    """Entities whose mentions were all taken over by a better reading (e.g. a ministry pattern)."""
    mentioned = {m.ref for m in ctx.mentions}
    for ref in [r for r in ctx.records.entities if r.kind != "state" and r not in mentioned]:
        del ctx.records.entities[ref]


def _mark_participant_states(ctx: ArticleContext) -> None:
    """A state that takes part in a fact (a visit's host given only by its capital) is part of the story."""
    for fact in ctx.records.facts:
        for ref in fact.participants:
            if ref.kind == "state":
                entity = ctx.records.entity("state", ref.key)
                if not entity.evidence:
                    entity.evidence.append(fact.evidence[0])


def _complete_states(ctx: ArticleContext) -> None:
    """Every state referred to (a city's, a post's, a participant) exists as a record, linked."""
    needed = {e.state for e in ctx.records.entities.values() if e.state}
    needed |= {r.state for r in ctx.records.roles if r.state}
    for fact in ctx.records.facts:
        needed |= {r.key for r in fact.participants + fact.places if r.kind == "state"}
    for name in sorted(needed):
        entity = ctx.records.entity("state", name)
        entry = ctx.gaz.state(name)
        if entry is not None and not entity.same_as:
            entity.same_as = entry.same_as()
