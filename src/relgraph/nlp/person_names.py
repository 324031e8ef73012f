"""Person names in running text: where a name begins and ends, and what looks like one but is not.

A name span from the NER or from a title ('Minister X') is tidied before it becomes a person:
forms of address ('Datuk Seri', 'H.E.', 'the Rt Hon') and titles are cut from its front,
post-nominal letters ('MP', 'T.D.') from its end, and the parts of one name that the tokenizer or
the NER split are joined again ('Akufo-Addo', 'Cho Tae-yul', 'Lolwah bint Rashid Al Khater').
A span is then refused as a person when it is a known place or organisation or holds a word that
no name holds ('Affairs', 'Agreement', 'June'); where it stands in the text (a byline, 'in X') is
relgraph.nlp.person_contexts. The vocabulary is data/patterns/person_names.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from relgraph.nlp.context import NAME_PARTICLES, ArticleContext
from relgraph.resources import DATA_DIR

JOINING_PARTICLES = {"bin", "bint", "binti", "ibn", "ould", "bte"}   # 'X bin Y': one name across them
ARTICLE_PARTICLES = {"al", "el"}                                       # 'Al Thani', 'El Sisi'
NOT_TITLES = {"the", "of", "for", "first", "high", "national", "special", "home"}
FILLERS = {"the", ",", "of", "and", "&"}
UNSURE_LABELS = {"", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"}   # NER labels a missed person may wear


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases of lower-case words filed by their first word, longest first: a token is tried
    against the few phrases that can begin with it, not the whole list (it ran for every token
    of a name's neighbourhood). One-word phrases are kept apart, without their dots ('Amb.')."""
    by_first: dict[str, tuple[tuple[str, ...], ...]]
    singles: frozenset[str]

    @classmethod
    def of(cls, phrases: tuple[tuple[str, ...], ...]) -> "PhraseIndex":
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in phrases:  # longest first already
            if len(words) > 1:
                by_first.setdefault(words[0], []).append(words)
        return cls({w: tuple(p) for w, p in by_first.items()},
                   frozenset(p[0].rstrip(".") for p in phrases if len(p) == 1))

    def may_begin(self, lower: str) -> bool:
        return lower in self.by_first or lower.rstrip(".") in self.singles

    def length_at(self, doc, i: int, end: int) -> int:
        """How many tokens from doc[i] (before `end`) make one of the phrases; 0 for none."""
        lower = doc[i].lower_
        for words in self.by_first.get(lower, ()):
            n = len(words)
            if i + n <= end and all(doc[i + k].lower_ == words[k] for k in range(1, n)):
                return n
        return 1 if i < end and lower.rstrip(".") in self.singles else 0


@dataclass(frozen=True)
class NameVocabulary:
    honorifics: tuple[tuple[str, ...], ...]     # longest first, lower-case words
    honorifics_exact: frozenset[str]
    honorific_index: PhraseIndex
    address_index: PhraseIndex                  # the forms of address, longest first
    post_nominals: frozenset[str]               # without dots
    non_name_words: frozenset[str]
    organisation_words: frozenset[str]
    credit_cues: frozenset[str]
    byline_cues: frozenset[str]
    byline_words: frozenset[str]
    locative_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    linking_verbs: frozenset[str]
    name_forming_titles: frozenset[str]
    title_prefixes: frozenset[str]               # 'Crown' of 'Crown Prince X'
    given_name_titles: frozenset[str]            # 'Amir', 'Sultan': titles that are given names too
    thing_nouns: frozenset[str]                  # 'canal', 'dam': what a name before them names
    abbreviated_given_names: frozenset[str]      # 'ma', 'md': given names written short, without their dot


@lru_cache(maxsize=2)
def name_vocabulary(data_dir: Path = DATA_DIR) -> NameVocabulary:
    raw = json.loads((data_dir / "patterns" / "person_names.json").read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw[key])

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(h.lower().split()) for h in raw[key]}, key=len, reverse=True))

    honorifics = phrases("honorifics")
    return NameVocabulary(
        honorifics=honorifics,
        honorifics_exact=frozenset(raw["honorifics_exact"]),
        honorific_index=PhraseIndex.of(honorifics),
        address_index=PhraseIndex.of(phrases("address_forms")),
        post_nominals=frozenset(p.lower().replace(".", "") for p in raw["post_nominals"]),
        non_name_words=words("non_name_words"),
        organisation_words=words("organisation_words"),
        credit_cues=words("credit_cues"),
        byline_cues=words("byline_cues"),
        byline_words=words("byline_words"),
        locative_prepositions=words("locative_prepositions"),
        place_nouns=words("place_nouns"),
        linking_verbs=words("linking_verbs"),
        name_forming_titles=words("name_forming_titles"),
        title_prefixes=words("title_prefixes"),
        given_name_titles=words("given_name_titles"),
        thing_nouns=words("thing_nouns"),
        abbreviated_given_names=frozenset(w.lower().rstrip(".") for w in raw["abbreviated_given_names"]),
    )


_TITLE_WORDS: dict[int, frozenset[str]] = {}


def title_words(ctx: ArticleContext) -> frozenset[str]:
    """Words of office titles ('deputy', 'prime', 'minister', 'trade'): never the start of a name."""
    key = id(ctx.lex)
    if key not in _TITLE_WORDS:
        words = {w for phrase in ctx.lex.posts for w in phrase.lower().split()}
        for group in ("heads", "portfolios", "ranks"):
            words |= set(ctx.lex.post_shapes.get(group, ()))
        _TITLE_WORDS[key] = frozenset(words - NOT_TITLES)
    return _TITLE_WORDS[key]


# -- the extent of a name ---------------------------------------------------------------------

def tidy_name_span(ctx: ArticleContext, span: Span) -> Span | None:
    """The name proper in or around `span`: split parts joined, titles and post-nominals cut off.
    None when nothing of a name is left ('Prime Minister', 'Emir Sheikh')."""
    start, end = _joined_extent(span)
    start = _skip_forms_of_address(ctx, start, end)
    end = _drop_post_nominals(ctx, start, end)
    if end <= start:
        return None
    return span.doc[start:end]


GLOTTAL_MARKS = "\u02bb\u2018'"   # the Polynesian okina and its stand-ins begin words: 'ʻAisake'


def starts_upper(word: str) -> bool:
    """The word begins with a capital, past a leading glottal mark ('ʻOtai', 'Hawaiʻi' is no matter)."""
    return word.lstrip(GLOTTAL_MARKS)[:1].isupper()


def _capitalised(token: Token) -> bool:
    return starts_upper(token.text) and token.is_alpha


def _glued_hyphen(doc, i: int) -> bool:
    """doc[i] is a hyphen written inside a word ('Akufo-Addo', 'Tae-yul')."""
    return (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i + 1].is_alpha)


def _joined_extent(span: Span) -> tuple[int, int]:
    doc, start, end = span.doc, span.start, span.end
    sent_start, sent_end = span.sent.start, span.sent.end
    while end + 1 < sent_end:
        joined = any(t.lower_ in JOINING_PARTICLES for t in doc[start:end])
        if _glued_hyphen(doc, end) and doc[end - 1].is_alpha:
            end += 2
        elif doc[end].lower_ in JOINING_PARTICLES and _capitalised(doc[end + 1]):
            end += 2
        elif doc[end].lower_ in ARTICLE_PARTICLES and joined and _capitalised(doc[end + 1]):
            end += 2  # 'bin Khalifa' + 'Al Thani'
        else:
            break
    while start - 2 >= sent_start:
        if _glued_hyphen(doc, start - 1) and _capitalised(doc[start - 2]):
            start -= 2
        elif doc[start - 1].lower_ in JOINING_PARTICLES and _capitalised(doc[start - 2]):
            start -= 2
            before = doc[start - 1] if start - 1 >= sent_start else None
            if before is not None and before.lower_ in ARTICLE_PARTICLES and before.is_title:
                start -= 1  # 'Al Mayassa bint Hamad'
        else:
            break
    return start, end


def _skip_forms_of_address(ctx: ArticleContext, start: int, end: int) -> int:
    """Move past honorifics, titles, words no name holds, and the demonym or place of an office at
    the front ('the Rt Hon', 'Azerbaijani Deputy Prime Minister'); `end` when nothing else is left."""
    doc, vocab, titles = ctx.doc, name_vocabulary(), title_words(ctx)
    if _given_name_after_office(ctx, start, end):
        return start
    while start < end:
        token = doc[start]
        length = _honorific_at(doc, start, end, vocab)
        if length:
            start += length
        elif _title_word(token.lower_, titles) or token.lower_ in vocab.non_name_words or token.lower_ in FILLERS:
            start += 1
        elif start + 1 < end and (_place_word(ctx, token) or ctx.gaz.state_by_demonym(token.text)
                                  or _acronym(token)) and (
                doc[start + 1].lower_ in titles or _honorific_at(doc, start + 1, end, vocab)):
            start += 1  # 'Azerbaijani Deputy Prime Minister X', 'Johor Menteri Besar X', 'ACME Chairperson X'
        else:
            break
    return start


def _acronym(token: Token) -> bool:
    """'SLPA', 'KOGAS': a body's initials, which name no person."""
    return token.is_upper and token.is_alpha and 2 <= len(token.text) <= 6


def _given_name_after_office(ctx: ArticleContext, start: int, end: int) -> bool:
    """'the fund's chief executive, Sultan X', 'the foreign minister, Amir X Y': a title that is also a
    given name, in apposition to another office, begins the name - nobody holds both in one phrase."""
    doc, vocab = ctx.doc, name_vocabulary()
    if end - start < 2 or start < 2 or doc[start].lower_ not in vocab.given_name_titles:
        return False
    office = doc[start - 2]
    return (doc[start - 1].text == "," and office.is_lower and office.lower_ in title_words(ctx)
            and office.lower_ not in vocab.given_name_titles and _capitalised(doc[start + 1]))


def _title_word(word: str, titles: frozenset[str]) -> bool:
    return word in titles or word.endswith("s") and word[:-1] in titles  # 'Foreign Ministers X and Y'


def _place_word(ctx: ArticleContext, token: Token) -> bool:
    return bool(ctx.gaz.city(token.text) or ctx.gaz.state(token.text)) and token.ent_type_ != "PERSON"


def _honorific_at(doc, i: int, end: int, vocab: NameVocabulary, forms: PhraseIndex | None = None) -> int:
    """How many tokens from doc[i] make a form of address (0 for none)."""
    if doc[i].text.replace(".", "") in vocab.honorifics_exact:
        return 1
    return (forms or vocab.honorific_index).length_at(doc, i, end)


def _drop_post_nominals(ctx: ArticleContext, start: int, end: int) -> int:
    doc, vocab = ctx.doc, name_vocabulary()
    while end - 1 > start and (doc[end - 1].lower_.replace(".", "") in vocab.post_nominals
                               or doc[end - 1].text in (".", ",")):
        end -= 1
    return end


# -- what is not a person -----------------------------------------------------------------------

def not_a_person_name(ctx: ArticleContext, span: Span, words: list[str]) -> bool:
    """A place, an organisation, a title or a word no name holds, as far as the text itself shows."""
    if not words:
        return True
    vocab, titles, gaz = name_vocabulary(), title_words(ctx), ctx.gaz
    near = ctx.doc[max(span.start - 3, span.sent.start):min(span.end + 2, span.sent.end)]
    if any(t.lower_ in vocab.organisation_words for t in near):
        return True  # 'Agencia Boliviana de Informacion', 'Instituto Nacional de ...'

    text = " ".join(words)
    if gaz.state(text) or gaz.organization(text) or (gaz.city(text) and span.label_ != "PERSON" or
                                                      gaz.city(text) and len(words) > 1):
        return True
    lowered = [w.lower() for w in words]
    if any(w in vocab.non_name_words for w in lowered):
        return True
    if all(w in titles or (w,) in vocab.honorifics for w in lowered):
        return True
    return all(w.isupper() and len(w) > 1 for w in words)  # 'GMT', 'ABI': abbreviations


def title_tail(ctx: ArticleContext, span: Span) -> bool:
    """The span goes on an office title ('Industry' of 'Minister of Trade, Industry and Competition',
    'African Integration'): it ends in a title word or a word no name holds."""
    vocab, titles = name_vocabulary(), title_words(ctx)
    words = [t.lower_ for t in span if t.is_alpha]
    return bool(words) and (words[-1] in titles or words[-1] in vocab.non_name_words)


def names_after_address(ctx: ArticleContext) -> list[Span]:
    """Names that a form of address introduces ('Datuk Onn Hafiz Ghazi', 'Vice Admiral Irvansyah'),
    whether or not the NER saw them."""
    doc, vocab, found = ctx.doc, name_vocabulary(), []
    exact = {h.lower() for h in vocab.honorifics_exact}  # the test below, asked once per distinct word
    words = [w for w in ctx.index.lower if vocab.address_index.may_begin(w) or w.replace(".", "") in exact]
    for token in ctx.index.tokens(ctx.index.with_lower(words)):
        if not token.text[:1].isupper() or not (vocab.address_index.may_begin(token.lower_)
                                                or token.text.replace(".", "") in vocab.honorifics_exact):
            continue
        n = _honorific_at(doc, token.i, token.sent.end, vocab, vocab.address_index)
        if not n:
            continue
        start = i = token.i + n
        while i < token.sent.end and (length := _honorific_at(doc, i, token.sent.end, vocab)):
            start = i = i + length  # 'Dato' Sri Dr X'
        while i < token.sent.end and i - start < 7:
            if _capitalised(doc[i]) and not doc[i].ent_type_ in ("GPE", "NORP", "DATE"):
                i += 1
            elif i > start and (_glued_hyphen(doc, i) or doc[i].lower_ in NAME_PARTICLES
                                and i + 1 < token.sent.end and _capitalised(doc[i + 1])):
                i += 2
            else:
                break
        if i > start:
            found.append(doc[start:i])
    return found


def names_coordinated_with_people(ctx: ArticleContext) -> list[Span]:
    """Names in a list with a person's ('Peña, Uruguay's Yamandú Orsi and Luis Arce'; 'Ministers X Y
    and Jeyhun Bayramov') that the NER gave another label or none: a list of people holds people."""
    doc, found, vocab, titles = ctx.doc, [], name_vocabulary(), title_words(ctx)
    person_roots = {ent.root.i for ent in ctx.ents if ent.label_ == "PERSON" and len(ent) >= 2}
    for token in ctx.index.tokens(ctx.index.with_pos(("PROPN",))):
        unsure = token.ent_type_ in UNSURE_LABELS or token.ent_type_ == "ORG" and _org_shaped_like_name(ctx, token)
        if token.pos_ != "PROPN" or not unsure or not _capitalised(token):
            continue
        linked = token.dep_ == "conj" and token.head.i in person_roots
        linked = linked or any(c.dep_ == "conj" and c.i in person_roots for c in token.children)
        if not linked:
            continue
        start = token.i
        while start > token.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i \
                and doc[start - 1].pos_ == "PROPN" and _capitalised(doc[start - 1]):
            start -= 1
        name = tidy_name_span(ctx, doc[start:token.i + 1])
        if name is not None and len(name) >= 2 and not any(
                _title_word(t.lower_, titles) or _honorific_at(doc, t.i, name.end, vocab) for t in name):
            found.append(name)
    return found


def _org_shaped_like_name(ctx: ArticleContext, token: Token) -> bool:
    """An ORG of two or three capitalised proper nouns, no acronym among them ('Murat Nurtleu' beside
    'Jeyhun Bayramov'): in a list of people the NER's ORG is a name; a real organisation's name holds
    an organisation word, which refuses it later."""
    ent = ctx.ent_at(token.i)
    return ent is not None and 2 <= len(ent) <= 3 and all(
        t.pos_ == "PROPN" and _capitalised(t) and not t.is_upper for t in ent)


def name_after_title_tail(ctx: ArticleContext, tail: Span) -> Span | None:
    """The name after the rest of a long title: 'Minister of Foreign Affairs, Emigration and
    Expatriates Badr Abdelatty' - past the portfolio words, 'and', commas and demonyms."""
    doc, vocab, titles = ctx.doc, name_vocabulary(), title_words(ctx)
    i, limit = tail.end, tail.sent.end
    while i < limit and (doc[i].lower_ in titles or doc[i].lower_ in vocab.non_name_words
                         or doc[i].lower_ in FILLERS or ctx.gaz.state_by_demonym(doc[i].text)):
        i += 1
    start = i
    while i < limit and i - start < 5 and (_capitalised(doc[i]) or _glued_hyphen(doc, i) and i > start):
        i += 2 if _glued_hyphen(doc, i) else 1
    if i - start < 2:
        return None
    return doc[start:i]


def starts_with_honorific(ctx: ArticleContext, span: Span) -> bool:
    """'Mr X', 'the Rt Hon X', 'H.E. X': a form of address begins the span, so a person follows."""
    start = span.start + (1 if span[0].lower_ == "the" else 0)
    return start < span.end - 1 and _honorific_at(ctx.doc, start, span.end, name_vocabulary()) > 0 \
        and ctx.doc[start].lower_ not in title_words(ctx)


def with_name_forming_title(ctx: ArticleContext, span: Span, word: str) -> str:
    """'Hasina' after 'Sheikh' is 'Sheikh Hasina': people known by a title and one name keep it."""
    vocab = name_vocabulary()
    before = ctx.doc[span.start - 1] if span.start > span.sent.start else None
    if before is None or before.lower_ not in vocab.name_forming_titles or not before.is_title:
        return word
    prefix = ctx.doc[before.i - 1] if before.i > span.sent.start else None
    if prefix is not None and prefix.lower_ in vocab.title_prefixes and prefix.is_title:
        return f"{prefix.text} {before.text} {word}"  # 'Crown Prince Haakon'
    return f"{before.text} {word}"


def abbreviated_given_name_end(doc, i: int) -> int | None:
    """The end of a given name written short at doc[i], with its dot ('Ma.' of 'Ma. Theresa X', where
    the splitter may have ended a sentence), when a capitalised word follows; else None."""
    token = doc[i]
    if token.lower_.rstrip(".") not in name_vocabulary().abbreviated_given_names or not token.text[:1].isupper():
        return None
    end = i + 1
    if not token.text.endswith("."):
        if end >= len(doc) or doc[end].text != "." or token.whitespace_:
            return None
        end += 1
    return end if end < len(doc) and starts_upper(doc[end].text) and doc[end].is_alpha else None


def without_abbreviated_given_name(name: str) -> str:
    """'Ma. Theresa X' -> 'Theresa X': how the same person is named without the short given name."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower().rstrip(".") in name_vocabulary().abbreviated_given_names else name


def is_surname_form(words: list[str]) -> bool:
    """One word, or a particle and one word ('Al Khater', 'el-Sisi'): how a known person is named again."""
    if len(words) == 1:
        return True
    return len(words) == 2 and words[0].lower() in NAME_PARTICLES
