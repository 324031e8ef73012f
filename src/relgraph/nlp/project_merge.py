"""Which mentions of one article are one project: the same label, the same proper name ('the
Baynes hydropower project' ... 'the Baynes plant'), or a description of the article's one named
project; and which label the merged record keeps."""
from __future__ import annotations

import re

from relgraph.nlp.project_names import ProjectMention
from relgraph.records import FactRecord


def merge_mentions(mentions: list[ProjectMention]) -> list[FactRecord]:
    """Mentions of one project in one article become one record: the same label; the same proper
    name ('Baynes hydropower project', 'Baynes plant'); or a description ('the crude oil pipeline')
    of the article's one named project with that head, or sharing a word with it."""
    kept: list[ProjectMention] = []
    last: ProjectMention | None = None
    for mention in mentions:
        target = next((k for k in kept if _same_project(k, mention)), None)
        if target is None and mention.restates:
            target = next((k for k in reversed(kept) if k.head == mention.restates), None)
        if target is None and mention.anaphoric and last is not None and last.sentence in (mention.sentence, mention.previous) \
                and last.sentence < mention.sentence:
            target = last
        last = target or mention
        if target is None:
            kept.append(mention)
            continue
        if not target.names and mention.names or not mention.anaphoric and (
                len(mention.names) > len(target.names) or _body_names_headline(target, mention)):
            # the fuller name gives the label; a headline's is a short form of the body's
            target.record.label, mention.record.label = mention.record.label, target.record.label
            target.names, target.modifiers = mention.names, target.modifiers | mention.modifiers
        _absorb(target.record, mention.record)
    return [k.record for k in kept]


def _same_project(a: ProjectMention, b: ProjectMention) -> bool:
    if a.sibling >= 0 and a.sibling == b.at or b.sibling >= 0 and b.sibling == a.at:
        return False  # 'the Matarbari coal plant and deep-sea port': two projects of one name
    if a.record.label.lower() == b.record.label.lower():
        return True
    if a.headline != b.headline and a.head == b.head and not a.plural and not b.plural:
        title, body = (a, b) if a.headline else (b, a)  # 'study bioceanic railway': capitals say little there
        if title.names and title.names <= body.names | body.modifiers:
            return True
    if _part_at(a, b) or _part_at(b, a):
        return True
    if _apart_by_site(a, b) or _apart_by_site(b, a):
        return False
    if a.names and b.names:  # 'the Lamu port' in 'the Lamu Port-South Sudan-Ethiopia corridor'
        return (a.names <= b.names or b.names <= a.names) and not _other_kind(a, b)
    if not b.names and a.head in b.modifiers or not a.names and b.head in a.modifiers:
        return True  # 'the subway project' is the 'Metro Manila Subway
    if a.plural or b.plural or a.head != b.head:
        return False
    if not a.names and not b.names and a.modifiers and b.modifiers and not a.modifiers & b.modifiers:
        return False  # 'a water treatment plant', 'a heating plant': two, in one sentence or two
    if not a.generic_head:
        return True
    return bool(a.modifiers & b.modifiers) or _purpose_of_named(a, b) or _purpose_of_named(b, a)


def _purpose_of_named(told: ProjectMention, named: ProjectMention) -> bool:
    """'a programme to train technicians for the green hydrogen industry' ... 'the Green Hydrogen
    Skills Programme': a programme told by its purpose, whose words hold two of the words of the
    article's programme of that name, is that programme."""
    if told.names or told.modifiers or not named.names:
        return False
    return len(named.names & set(re.findall(r"\w+", told.record.label.lower()))) >= 2


def _body_names_headline(target: ProjectMention, mention: ProjectMention) -> bool:
    """'UK and Norway order study on North Sea power cable' ... 'the North Sea Link': the body
    tells the project by its name, the headline by words of its own."""
    return target.headline and not mention.headline and bool(mention.names) and \
        len(mention.names) == len(target.names)


def _apart_by_site(a: ProjectMention, b: ProjectMention) -> bool:
    """'a chip plant at Dholera' is not 'a Tokyo Electron plant', nor 'a plant near Mejillones' the
    'Haru Oni pilot plant': an unnamed mention told by its site is another project than one whose
    name or site shares no word with that site."""
    return bool(a.sites) and not a.names and bool(b.names or b.sites) and not a.sites & (b.names | b.sites)


def _part_at(part: ProjectMention, whole: ProjectMention) -> bool:
    """'a new terminal at Hanimaadhoo International Airport' beside the airport's own mention: an
    unnamed facility the text places at another named project of the article is a part of it."""
    if part.names or not whole.names:
        return False
    return re.search(rf"\b(?:at|in|of|near)\s+(?:the\s+)?{re.escape(whole.record.label)}$",
                     part.record.label, re.I) is not None


def _other_kind(a: ProjectMention, b: ProjectMention) -> bool:
    """Names of one place tell two projects apart when one is a route and the other another kind:
    'the Lobito corridor' is not 'the Lobito Atlantic Railway' nor 'the Lobito refinery project',
    'the planned A-B railway' not 'the A-B road'; the smaller name's kind among the larger name's
    words ('the Lamu port' of 'the Lamu Port-South Sudan-Ethiopia corridor') makes it a part."""
    if not (a.kind and b.kind) or a.kind == b.kind or not (a.route_kind or b.route_kind):
        return False
    small, big = (a, b) if len(a.names) <= len(b.names) else (b, a)
    return small.kind not in big.names


def _absorb(into: FactRecord, other: FactRecord) -> None:
    into.participants += [r for r in other.participants if r not in into.participants]
    into.places += [r for r in other.places if r not in into.places]
    into.evidence += other.evidence
