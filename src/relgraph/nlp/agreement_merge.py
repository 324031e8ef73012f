"""One agreement per deal within an article: headlines and counts ('signed three agreements') retell
deals the body gives one by one; a named treaty mentioned twice is one treaty."""
from __future__ import annotations

from dataclasses import dataclass, field

from relgraph.nlp.context import ArticleContext
from relgraph.records import FactRecord


@dataclass
class Report:
    """One mention of a concluded deal, with what is needed to tell whether it retells another."""

    fact: FactRecord
    words: set[str] = field(default_factory=set)  # stems of what it is about
    summary: bool = False    # a headline, a plural or a count: may retell deals reported one by one
    listed: bool = False     # one of the fields a plural report names ('MoUs on A, B and C')
    in_title: bool = False
    head: str = ""           # lemma of the agreement noun ('treaty'), to resolve 'the treaty'
    count: int | None = None  # 'signed 14 documents': how many deals the report counts
    in_lede: bool = False    # told in the story's first sentence, which the body then details


def merge_reports(ctx: ArticleContext, reports: list[Report]) -> list[FactRecord]:
    kept: list[Report] = []
    for report in [r for r in reports if not r.summary]:
        same = next((k for k in kept if _same_named(k.fact, report.fact) or _details_lede(k, report)), None)
        if same is None:
            kept.append(report)
        else:
            _absorb(same, report)
    singles = list(kept)
    body = [r for r in reports if r.summary and not r.in_title]
    for report in body + [r for r in reports if r.summary and r.in_title]:
        # a headline may name the countries where the body names their companies
        target = (_retold(report, singles, need_party=not report.in_title)
                  or _retold(report, [k for k in kept if k.listed], need_party=not report.in_title))
        _lend_circumstances(report, kept)
        recount = _same_count(report, kept)
        if recount is not None:
            _absorb(recount, report)  # the headline's '11 documents' are the body's 11 documents
        elif _counts_more(report, singles):
            kept.append(report)  # 'signed 14 documents, including an MoU on health': the rest are one more
        elif target is not None:
            _absorb(target, report)
        elif report.listed:
            kept.append(report)
        elif not any(_shares_party(k.fact, report.fact) and not _history_for(k, report) for k in kept):
            kept.append(report)
        else:
            count = next((k for k in kept if k.summary and not k.listed
                          and _shares_party(k.fact, report.fact)), None)
            if count is not None:
                _absorb(count, report)
    _date_from_occasion(kept)
    return [r.fact for r in kept]


def _date_from_occasion(kept: list[Report]) -> None:
    """'Namibia and Angola on Tuesday signed an agreement ... Two ministers signed a second document':
    an undated signing told after a dated one between the same parties was signed on that occasion."""
    dated: Report | None = None
    for report in sorted(kept, key=lambda r: r.fact.evidence[0].start):
        deal = report.fact
        if deal.evidence[0].rule == "agreement-named":
            continue
        if deal.date:
            dated = report
        elif dated is not None and _shares_party(dated.fact, deal):
            deal.date, deal.date_assumed = dated.fact.date, True


def _same_count(summary: Report, kept: list[Report]) -> Report | None:
    """A count already kept with the same number, shared party or told in the headline."""
    if summary.count is None:
        return None
    return next((k for k in kept if k.count == summary.count
                 and (summary.in_title or _shares_party(k.fact, summary.fact))), None)


def _counts_more(summary: Report, singles: list[Report]) -> bool:
    told = [s for s in singles
            if _shares_party(s.fact, summary.fact) and s.fact.evidence[0].rule != "agreement-named"]
    return summary.count is not None and summary.count > len(told) and bool(told)


def _lend_circumstances(summary: Report, kept: list[Report]) -> None:
    """'Kenya and Ethiopia on Thursday signed three agreements' dates the deals told one by one."""
    for other in kept:  # not to a treaty the text recalls: its date is its own
        if _shares_party(other.fact, summary.fact) and not _history_for(other, summary):
            other.fact.date = other.fact.date or summary.fact.date
            other.fact.places = other.fact.places or summary.fact.places


def _retold(summary: Report, candidates: list[Report], need_party: bool = True) -> Report | None:
    """The report the summary retells: a shared party and the most shared content words."""
    best, best_overlap = None, 0
    for other in candidates:
        if other is summary or need_party and not _shares_party(other.fact, summary.fact) \
                or not _dates_ok(other.fact, summary.fact):
            continue
        if _history_for(other, summary):
            continue  # 'signed 11 documents' does not retell the treaty the story recalls
        overlap = len(other.words & summary.words)
        if overlap > best_overlap:
            best, best_overlap = other, overlap
    return best


def _history_for(treaty: Report, summary: Report) -> bool:
    """A treaty the text names as history, beside a report of signing: never the same deal."""
    named = "agreement-named"
    return treaty.fact.evidence[0].rule == named and summary.fact.evidence[0].rule != named


def _same_named(a: FactRecord, b: FactRecord) -> bool:
    """'the 1904 Treaty of Peace and Friendship' and 'the 1904 treaty'; 'the Helsinki Final Act' and
    'the Final Act': one name holds the other, or the same year among the same parties."""
    if a.name and b.name:  # one article's 'Final Act' is its 'Helsinki Final Act', whatever the parties
        x, y = set(a.name.lower().split()), set(b.name.lower().split())
        return (x <= y or y <= x) and _dates_ok(a, b)
    if not _shares_party(a, b) or not _dates_ok(a, b) or _attached_to(a, b) or _attached_to(b, a):
        return False
    if _name_retells(a, b) or _name_retells(b, a):
        return True
    named = a.evidence[0].rule == "agreement-named" or b.evidence[0].rule == "agreement-named"
    same_year = bool(a.date and b.date) and a.date[:4] == b.date[:4]
    return named and same_year and (a.name is None or b.name is None)


NAME_LINK_WORDS = {"the", "of", "on", "for", "and"}


def _details_lede(lede: Report, later: Report) -> bool:
    """'signed a raft of agreements, including a contract to raise gas deliveries ... Eni and
    Sonatrach signed a contract for an additional 3 bcm of gas': the body details a deal of the lede
    under the same noun, with a shared party and a shared word of what it is about."""
    a, b = lede.fact, later.fact
    return lede.in_lede and not later.in_lede and lede.head == later.head and not (a.name and b.name) \
        and b.evidence[0].rule != "agreement-named" and a.evidence[0].rule != "agreement-named" \
        and _shares_party(a, b) and _dates_ok(a, b) and bool(lede.words & later.words)


def _attached_to(document: FactRecord, treaty: FactRecord) -> bool:
    """'an addendum to the Cooperation Agreement of 2018', 'a protocol to the treaty': a document
    attached to a named deal is another document, though its phrase holds the deal's name and year."""
    if not treaty.name or not document.description:
        return False
    text, name = document.description.lower(), treaty.name.lower()
    return f" to the {name}" in text or f" to {name}" in text


def _name_retells(named: FactRecord, described: FactRecord) -> bool:
    """'signed a framework agreement for peace in Doha ... The Doha Framework for Peace, signed by
    ...': a name all of whose words the other report's own phrase holds names that deal (both
    reported as concluded now, not a treaty recalled as history)."""
    if not named.name or described.name or not described.description:
        return False
    if "agreement-named" in (named.evidence[0].rule, described.evidence[0].rule):
        return False
    words = set(named.name.lower().replace("(", " ").replace(")", " ").split()) - NAME_LINK_WORDS
    return len(words) > 1 and words <= set(described.description.lower().split())


def _absorb(target: Report, other: Report) -> None:
    deal, more = target.fact, other.fact
    deal.participants += [p for p in more.participants if p not in deal.participants]
    if more.date and (not deal.date or len(more.date) > len(deal.date) and more.date.startswith(deal.date)):
        deal.date = more.date
    deal.places = deal.places or more.places
    if more.name and not deal.name:  # the deal's proper name wins over a description
        deal.name = more.name
    deal.topic = deal.topic or more.topic
    target.words |= other.words
    deal.evidence += more.evidence


def _shares_party(a: FactRecord, b: FactRecord) -> bool:
    return bool(set(a.participants) & set(b.participants))


def _dates_ok(a: FactRecord, b: FactRecord) -> bool:
    if not a.date or not b.date:
        return True
    return a.date[:7] == b.date[:7] or a.date.startswith(b.date) or b.date.startswith(a.date)
