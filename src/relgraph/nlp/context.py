"""Per-article working state shared by the extractors: mentions, token lookups, dates."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from relgraph import dates
from relgraph.gazetteer import Gazetteer
from relgraph.nlp.token_index import TokenIndex
from relgraph.records import ArticleRecords, Evidence, Ref
from relgraph.resources import Lexicon

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "h.e.", "madam",
              "prince", "princess", "sheikh", "sheikha", "gen", "gen.", "general", "lt", "col", "col.", "adm"}
# 'ould': Hassaniya 'son of' ('Sidi Ould Tah')
NAME_PARTICLES = {"bin", "bint", "ibn", "ould", "al", "el", "da", "de", "di", "do", "dos", "das", "del",
                  "della", "van", "von", "der", "den", "la", "le", "ul", "ud"}
FUTURE_AUX = {"will", "shall", "'ll", "going"}
MODAL_AUX = {"would", "could", "may", "might", "should", "can", "must"}
# 'agreed to convene the group in August': what one plans or commits to do lies ahead.
COMMITMENT_VERBS = {"plan", "expect", "schedule", "set", "due", "agree", "decide", "pledge", "promise", "undertake", "vow"}


@dataclass
class Mention:
    """One occurrence of an entity in the text."""

    ref: Ref
    start: int          # token index
    end: int
    via: str            # name | demonym | capital | alias | pair | surname | post
    confidence: float = 0.9


@dataclass
class ArticleContext:
    doc: Doc
    article: object                  # relgraph.articles.Article
    gaz: Gazetteer
    lex: Lexicon
    records: ArticleRecords
    matchers: object = None          # relgraph.nlp.pipeline.Matchers
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    person_roles: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # person -> (role, state)
    excluded_spans: list[tuple[int, int]] = field(default_factory=list)            # char spans not to read
    post_tokens: set[int] = field(default_factory=set)                               # tokens inside office titles
    dateline: tuple[int, int] | None = None                                          # char span of the dateline
    _text: str | None = field(default=None, repr=False)
    _ents: tuple[Span, ...] | None = field(default=None, repr=False)
    _ent_by_token: dict[int, Span] | None = field(default=None, repr=False)
    _index: TokenIndex | None = field(default=None, repr=False)
    # what a rule works out once per article and then asks per token (see statements.posting_verb)
    memo: dict = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        """The document text, joined once: spaCy's `Doc.text` rebuilds it from every token on each
        access (about 1 ms on a 600-token article; it was half of the rule time of a build)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def ents(self) -> tuple[Span, ...]:
        """The NER's entities, made once: `Doc.ents` builds a new Span for every entity on each
        access, and rules ask for them per token."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    @property
    def index(self) -> TokenIndex:
        """Token positions by word, lemma and part of speech, made once: rules ask it for their
        trigger words instead of walking every token (nlp/token_index.py)."""
        if self._index is None:
            self._index = TokenIndex(self.doc)
        return self._index

    def ent_at(self, i: int) -> Span | None:
        """The entity that holds token i, if any."""
        if self._ent_by_token is None:
            self._ent_by_token = {t: e for e in self.ents for t in range(e.start, e.end)}
        return self._ent_by_token.get(i)

    # -- mentions ------------------------------------------------------------------------
    def add_mention(self, mention: Mention) -> bool:
        """Register a mention unless its tokens are already claimed by another one."""
        if any(i in self.by_token for i in range(mention.start, mention.end)):
            return False
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention
        return True

    def remove_mention(self, mention: Mention) -> None:
        """Give a mention's tokens back (a better reading took them, e.g. a project's name)."""
        self.mentions.remove(mention)
        for i in range(mention.start, mention.end):
            if self.by_token.get(i) is mention:
                del self.by_token[i]

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def mentions_in(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> list[Mention]:
        seen, out = set(), []
        for i in range(start, end):
            m = self.by_token.get(i)
            if m and id(m) not in seen and (kinds is None or m.ref.kind in kinds):
                seen.add(id(m))
                out.append(m)
        return out

    def in_dateline(self, span: Span) -> bool:
        """The 'Islamabad, Apr 7 (efe-epa).-' lead-in dates the report, not the events in it."""
        return self.dateline is not None and self.dateline[0] <= span.start_char < self.dateline[1]

    def is_excluded(self, span: Span) -> bool:
        return any(s <= span.start_char < e for s, e in self.excluded_spans)

    # -- article-level knowledge ---------------------------------------------------------
    def state_counts(self) -> Counter:
        counts = Counter()
        for m in self.mentions:
            if m.ref.kind == "state":
                counts[m.ref.key] += 1
            elif m.ref.kind == "city":
                city = self.records.entities.get(m.ref)
                if city is not None and city.state:
                    counts[city.state] += 0.5
        return counts

    def main_pair(self) -> list[str]:
        """The two states the story is about: what "the two countries" refers to."""
        return [s for s, _ in self.state_counts().most_common(2)]

    def main_people(self) -> list[str]:
        """The two people with the most mentions (holders of posts first): 'the two leaders'."""
        counts = Counter(m.ref.key for m in self.mentions if m.ref.kind == "person")
        ranked = sorted(counts, key=lambda p: (p not in self.person_roles, -counts[p]))
        return ranked[:2] if len(ranked) >= 2 else []

    def primary_state(self) -> str | None:
        pair = self.main_pair()
        return pair[0] if pair else None

    def state_of(self, ref: Ref) -> str | None:
        """The state an entity stands for or belongs to (a capital used for its government, a person's post)."""
        if ref.kind == "state":
            return ref.key
        if ref.kind in ("city", "organization"):
            ent = self.records.entities.get(ref)
            return ent.state if ent else None
        if ref.kind == "person":
            return self.person_roles.get(ref.key, (None, None))[1]
        return None

    # -- evidence and dates --------------------------------------------------------------
    def evidence(self, span: Span, rule: str, confidence: float) -> Evidence:
        sent = span.sent
        start, end = sent.start_char, sent.end_char
        # A sentence never runs over a line break in the evidence: headlines and datelines are
        # often glued to the next line by the parser, and removed page furniture sits between lines.
        text = self.text
        line_start = text.rfind("\n", start, span.start_char) + 1
        line_end = text.find("\n", span.end_char, end)
        start = max(start, line_start) if line_start > 0 else start
        end = line_end if line_end >= 0 else end
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        return Evidence(stripped, start + lead, start + lead + len(stripped), rule, confidence)

    @property
    def published(self) -> str | None:
        return getattr(self.article, "published", None)

    def date_near(self, trigger: Token, *, tense: str | None = None, intervals: bool = False) -> str | None:
        """The date of an event/agreement: the temporal expression of its sentence closest to the trigger.
        With `intervals`, a date in a 'since' or 'until' clause bounds an interval and dates nothing
        (events ask for it; an agreement's date may sit in such a clause with the agreement itself)."""
        sent = trigger.sent
        text = self.text[sent.start_char:sent.end_char]  # Span.text would join its tokens again
        best, best_dist = None, None
        for start, end, phrase in dates.find_temporal_expressions(text):
            before = text[:start].rstrip().lower()
            if before.endswith(("since", "until", "till", "for", "over")):
                continue  # an interval bound, not the date of this event
            # 'in July.' at a sentence's end: without its full stop, or the stop becomes the span's root
            # and the date's own clause ('since X took office in July.') is lost
            stop = len(text[start:end].rstrip(".,;:")) + start
            span = self.doc.char_span(sent.start_char + start, sent.start_char + stop, alignment_mode="expand")
            if span is not None and (_other_clause(span.root, trigger, intervals) or self.in_dateline(span)):
                continue
            # 'Wong flies to Apia on Thursday', 'Tokayev is to visit ... on Wednesday': a weekday with a verb
            # in the present is the nearest such day, often the coming one, whatever the caller assumed
            value = dates.resolve_relative(phrase, self.published,
                                           tense=None if tense == "past" and in_present(trigger) else tense)
            if not value:
                continue
            char = sent.start_char + start
            dist = abs(char - trigger.idx)
            if best_dist is None or dist < best_dist:
                best, best_dist = value, dist
        return best


# a clause opened by these tells where an interval starts or ends, never when the event itself is
INTERVAL_MARKS = {"since", "until", "till"}
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis", "pcomp"}


def _other_clause(token: Token, trigger: Token, intervals: bool = False) -> bool:
    """True when `token` sits in a clause of its own that does not hang off the trigger or its verb:
    'a project that was approved in 2015' does not date the talks that discussed it."""
    anchors = {trigger.i, trigger.head.i}
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("at", "during"):
        # what happens at or during the event shares its time: 'the plan launched at the Summit in
        # March' (but 'asked about the visit on Monday' dates the asking)
        anchors.add(trigger.head.head.i)
    # Inside a noun trigger's own phrase, a participle or relative clause describes the event itself:
    # 'the commission held later this year', 'the visit, which began Tuesday'.
    in_phrase = trigger.pos_ in ("NOUN", "PROPN") and trigger.left_edge.i <= token.i <= trigger.right_edge.i
    node = token
    while node.i not in anchors:
        if node.dep_ == "ccomp":
            return True  # what was said rather than when
        if intervals and node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in INTERVAL_MARKS for c in node.children) \
                and not node.left_edge.i <= trigger.i <= node.right_edge.i:
            return True  # 'his first visit since Kast took office in March': the bound of an interval
        if node.dep_ in CLAUSE_DEPS and node.head.i not in anchors and not (
                in_phrase and node.dep_ in ("acl", "relcl") and _describes_event(node, trigger)):
            return True  # another clause
        if node.head.i == node.i:
            break  # reached the root: it depends on the trigger's side
        node = node.head
    return _trigger_leaves_clause(trigger, token)


def _describes_event(clause: Token, trigger: Token) -> bool:
    """A clause inside the event's phrase tells of the event when it hangs on the event noun, or on a
    common noun of it; one on a name ('talks with Idris, who arrived on Monday', 'views on North
    Korea, which fired a missile on Sunday') tells of that person or place."""
    if clause.head.i == trigger.i:
        return True
    return clause.head.pos_ != "PROPN" and not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children)


def _trigger_leaves_clause(trigger: Token, token: Token) -> bool:
    """The trigger sits in a subordinate clause that does not contain `token`."""
    above = {t.i for t in token.ancestors} | {token.i}
    node = trigger
    while node.i not in above and node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS and node.i != trigger.i:
            return True
        node = node.head
    return False


def _to_infinitive(verb: Token) -> bool:
    """'(flies to Apia) to meet': a purpose clause takes its time from the verb it depends on."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def in_present(token: Token) -> bool:
    """True if the verb governing `token` (through 'to'-infinitives) is in the simple present: 'she flies
    on to Apia (to meet ...)', 'he is to visit'. News reports what happened in the past tense, what is planned so."""
    verb, steps = token, 0
    while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "xcomp" or _to_infinitive(verb)) \
            and verb.head.i != verb.i and steps < 4:
        verb, steps = verb.head, steps + 1
    return verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBZ", "VBP")


def tense_of(token: Token) -> str:
    """'future' when the clause governing `token` has will/shall/going to or a modal; else 'past'."""
    head = token
    for _ in range(4):
        for child in head.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX | MODAL_AUX:
                return "future"
        if head.dep_ in ("xcomp",) and head.head.lemma_ in COMMITMENT_VERBS:
            return "future"
        if head.head.i == head.i:
            break
        if head.pos_ == "VERB" and head.dep_ not in ("xcomp", "relcl", "acl", "advcl", "ccomp", "conj"):
            break
        head = head.head
    return "past"


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of the same sentence."""
    path_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


@lru_cache(maxsize=65_536)  # asked ~400 times per article, mostly for the same few names
def clean_name(text: str) -> str:
    """Strip honorifics, possessives, quotes and surrounding punctuation from an entity string."""
    text = " ".join(text.replace("\u2019", "'").split())
    if text.endswith("'s"):
        text = text[:-2]
    words = text.strip(" ,.;:'\"()-").split()
    # an all-capital 'DR' is no 'Dr': 'DR Congo' keeps its first word
    while words and (words[0].lower() in HONORIFICS and words[0] != "DR" or words[0].lower() == "the"):
        words = words[1:]
    return " ".join(words).strip(" ,.;:'\"()")
