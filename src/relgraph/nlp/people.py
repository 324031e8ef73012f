"""People in an article: their names, found next to office titles (relgraph.nlp.post_titles,
relgraph.nlp.post_holders), by the NER and by forms of address, resolved to one full name each."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from relgraph.nlp.context import NAME_PARTICLES, ArticleContext, Mention, clean_name
from relgraph.nlp.person_contexts import (
    in_credit_or_byline, in_place_context, names_a_thing, names_of_a_states_subject, place_names,
)
from relgraph.nlp.person_match import names_by_surname, same_full_name
from relgraph.nlp.person_names import (
    is_surname_form, name_after_title_tail, names_after_address, names_coordinated_with_people,
    not_a_person_name, starts_upper, starts_with_honorific, tidy_name_span, title_tail, with_name_forming_title,
    without_abbreviated_given_name,
)
from relgraph.nlp.post_holders import MAX_NAME_TOKENS, name_after, name_before
from relgraph.nlp.post_states import PostMention, assign_roles  # noqa: F401  (assign_roles: the package's entry)
from relgraph.nlp.post_titles import find_posts
from relgraph.nlp.posts import leading_state_word, titled
from relgraph.records import Ref


@dataclass
class NameCandidates:
    """Person names found in an article before they are resolved."""

    not_people: set[str]                               # names the article uses for places or things
    full: list[Span] = field(default_factory=list)     # names of two words or more
    titled: list[tuple[Span, PostMention]] = field(default_factory=list)  # 'President Prabowo'
    singles: list[Span] = field(default_factory=list)  # surnames the NER found ('Lavrov said')

    def add(self, ctx: ArticleContext, name: Span, post: PostMention | None = None, full_ok: bool = True) -> None:
        words = clean_name(name.text).split()
        if is_surname_form(words):
            if post is not None:
                self.titled.append((name, post))
            else:
                self.singles.append(name)
        elif full_ok and _looks_like_name(ctx, words):
            if post is not None:
                post.person = " ".join(words)
            self.full.append(name)


def extract_people(ctx: ArticleContext) -> list[PostMention]:
    """Register person mentions (full names first, then surnames) and return the posts found."""
    posts = find_posts(ctx)
    found = NameCandidates(place_names(ctx))
    _names_of_posts(ctx, posts, found)
    _names_of_entities(ctx, found)
    for span in names_after_address(ctx):
        name = _person_span(ctx, span, found.not_people)
        if name is not None:
            found.add(ctx, name, PostMention(name, None))
    for span in names_coordinated_with_people(ctx) + names_of_a_states_subject(ctx):
        name = _person_span(ctx, span, found.not_people)
        if name is not None:
            found.add(ctx, name)
    full = [s for s in found.full if clean_name(s.text) not in found.not_people]
    canon = _canonical_names(ctx, [clean_name(s.text) for s in full])
    for span in sorted(full, key=lambda s: (s.start, -len(s))):
        _register(ctx, span, canon[clean_name(span.text)], "name")
    for span, post in found.titled:
        post.person = _register_titled(ctx, span, canon, found.not_people)
    for span in found.singles:
        name = _resolve_surname(ctx, clean_name(span.text), span.start, canon)
        if name:
            _register(ctx, span, name, "surname")
    for post in posts:
        if post.person:
            post.person = canon.get(post.person, post.person)
    return posts


def _names_of_posts(ctx: ArticleContext, posts: list[PostMention], found: NameCandidates) -> None:
    """The names next to office titles; past the rest of a long title the posts left unread."""
    for post in posts:
        span = name_after(ctx, post.span) or name_before(ctx, post.span)
        if span is not None and (holder := _holder_past_title_words(ctx, post, span)) is not None:
            span = holder
        name = _person_span(ctx, span, found.not_people) if span is not None else None
        if name is None:
            if span is None and post.span.end < len(ctx.doc) and ctx.doc[post.span.end].lower_ == "and":
                span = post.span  # 'Minister of Energy and Mineral Resources X': the title goes on
            elif span is None or span.start > post.span.end + 1 or not title_tail(ctx, span):
                continue
            else:
                ctx.post_tokens.update(range(span.start, span.end))  # 'Minister of Trade, Industry'
            span = name_after_title_tail(ctx, span)
            if span is not None and (holder := _holder_in_apposition(ctx, span)) is not None:
                # 'Minister for Energy and Green Transition': the words go on the title
                ctx.post_tokens.update(range(span.start, span.end))
                span = holder
            name = _person_span(ctx, span, found.not_people) if span is not None else None
            if name is None:
                continue
        if name.start >= post.span.end and post.state_at is None:
            post.state_at = _state_place_after(ctx, name.end)
        found.add(ctx, name, post)


def _state_place_after(ctx: ArticleContext, end: int) -> int | None:
    """'President Hakainde Hichilema of Zambia', 'President X of the DR Congo': a place named right
    after the holder's name, behind 'of', is where the holder serves (read as a state, if it is one,
    once places are known)."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    i = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1
    place = ctx.ent_at(i)
    return i if place is not None and place.label_ == "GPE" else None


def _holder_past_title_words(ctx: ArticleContext, post: PostMention, span: Span) -> Span | None:
    """'Minister of Transport and Sustainable Mobility, Óscar Puente,': words glued to a title that
    ends on a portfolio word, with a full name in apposition after them, end the title (a holder is
    named once): the title runs on over them, and the name after the comma holds it."""
    doc = ctx.doc
    if span.start < post.span.end or span.start - 1 not in ctx.post_tokens \
            or doc[span.start - 1].lower_ not in ctx.lex.post_shapes["portfolios"]:
        return None  # (the title may be the first of several joined ones: 'Minister of State, Minister of X')
    holder = _holder_in_apposition(ctx, span)
    if holder is None:
        return None
    ctx.post_tokens.update(range(span.start, span.end))
    if span.start == post.span.end and post.role is not None and post.role == post.span.label_:  # as written
        title = titled(doc, post.span.start, span.end, drop=leading_state_word(ctx, post.span.start))
        post.span, post.role = Span(doc, post.span.start, span.end, label=title), title
    return holder


def _holder_in_apposition(ctx: ArticleContext, span: Span) -> Span | None:
    """The full name (two words or more, as a holder's name is read) right after the comma that
    closes `span`, past forms of address ('..., Hon. X Y'), or None."""
    doc = ctx.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    named = name_after(ctx, doc[span.end:span.end])  # from the comma on
    if named is None or len(clean_name(named.text).split()) < 2:
        return None
    return named


def _names_of_entities(ctx: ArticleContext, found: NameCandidates) -> None:
    # One-word persons of the article: "Yoon called ..." makes the ORG "Yoon Suk Yeol" a person.
    surnames = {ent.text for ent in ctx.ents if ent.label_ == "PERSON" and len(ent) == 1}
    for ent in ctx.ents:
        if ctx.is_excluded(ent) or ent.label_ not in ("PERSON", "ORG", "GPE") and not ent.ent_id_.startswith("person:"):
            continue
        is_person = (ent.label_ == "PERSON" or ent.ent_id_.startswith("person:")
                     or starts_with_honorific(ctx, ent)  # 'the Rt Hon X MP', whatever the NER says
                     or not ent.ent_id_ and len(ent) > 1 and (ent[0].text in surnames or ent[-1].text in surnames))
        if not is_person and len(clean_name(ent.text).split()) != 1:
            continue  # but NER calls surnames ORG or GPE often enough ("according to Lavrov")
        name = _person_span(ctx, ent, found.not_people)
        if name is not None:
            found.add(ctx, name, full_ok=is_person)


def _register_titled(ctx: ArticleContext, span: Span, canon: dict[str, str], not_people: set[str]) -> str | None:
    """A surname after a title is the article's full name; one word no full name has is a person named
    by one word ('Foreign Minister Sugiono', 'Vice Admiral Irvansyah')."""
    word = clean_name(span.text)
    name = _resolve_surname(ctx, word, span.start, canon)
    if name is not None:
        _register(ctx, span, name, "surname")
    elif len(word.split()) == 1 and word not in not_people and _looks_like_name(ctx, [word]):
        name = canon[word] = with_name_forming_title(ctx, span, word)
        _register(ctx, span, name, "name")
    return name


def _person_span(ctx: ArticleContext, span: Span, not_people: set[str]) -> Span | None:
    """The tidied name of a candidate span, or None when the span is no person's name. A name
    used for a place or a thing ('in X', 'the X gas pipeline') is no person anywhere in the article."""
    name = tidy_name_span(ctx, span)
    if name is None:
        return None
    words = clean_name(name.text).split()
    if not_a_person_name(ctx, name, words) or in_credit_or_byline(ctx, name):
        return None
    if in_place_context(ctx, name) or names_a_thing(ctx, name):
        not_people.add(" ".join(words))
        return None
    return name


def _looks_like_name(ctx: ArticleContext, words: list[str]) -> bool:
    if any((not starts_upper(w) and w.lower() not in NAME_PARTICLES and w.split("-")[0].lower() not in NAME_PARTICLES)
           or any(c.isdigit() for c in w) for w in words):
        return False
    if len([w for w in words if w.lower() not in NAME_PARTICLES]) > MAX_NAME_TOKENS:
        return False
    return not any(ctx.gaz.state(w) or ctx.gaz.state_by_demonym(w) for w in words)


def _canonical_names(ctx: ArticleContext, names: list[str]) -> dict[str, str]:
    """Spellings of one person collapse to one name: the gazetteer's, else the commonest in the article."""
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(ctx.gaz.name_variant_key(n), []).append(n)
    # A name that extends another ("Bilawal Bhutto" / "Bilawal Bhutto Zardari") or spells it with
    # other letters, initials or without a middle name is the same person, when only one fits.
    keys = sorted(groups, key=lambda k: (len(k.split()), len(k)))
    for short in keys:
        if short not in groups:
            continue
        fits = [long for long in keys if long != short and long in groups
                and len(long.split()) >= len(short.split()) and _same_person(groups[long][0], groups[short][0])]
        if len(fits) == 1:
            groups[fits[0]].extend(groups.pop(short))
    out = {}
    for members in groups.values():
        known = next((ctx.gaz.person(m) for m in members if ctx.gaz.person(m)), None)
        best = known.name if known else max(members, key=lambda m: (len(m.split()), members.count(m)))
        out.update({m: best for m in members})
    return out


def _same_person(long: str, short: str) -> bool:
    bare = without_abbreviated_given_name(long)  # 'Ma. Theresa X' is 'Theresa X'
    return _extends(long, short) or same_full_name(long, short) or bare != long and (
        bare == short or _extends(bare, short) or same_full_name(bare, short))


def _extends(long: str, short: str) -> bool:
    lw, sw = long.split(), short.split()
    return len(sw) >= 2 and lw[: len(sw)] == sw


def _resolve_surname(ctx: ArticleContext, word: str, position: int, canon: dict[str, str]) -> str | None:
    """The article's full name that a surname ('Lavrov', 'Al Khater'), a family name written first
    ('Yoon') or a one-word name stands for; the nearest before it when several fit."""
    names = sorted(set(canon.values()))
    if word in names:
        return word
    candidates = set(names_by_surname(word, names))
    if len(candidates) == 1:
        return candidates.pop()
    if candidates:  # the nearest full mention before this one
        prior = [m for m in ctx.mentions if m.ref.kind == "person" and m.ref.key in candidates and m.start < position]
        return prior[-1].ref.key if prior else None
    return None


def _register(ctx: ArticleContext, span: Span, name: str, via: str) -> None:
    if ctx.add_mention(Mention(Ref("person", name), span.start, span.end, via)):
        person = ctx.records.entity("person", name)
        if via == "name":
            person.names.add(clean_name(span.text))
            entry = ctx.gaz.person(name)
            if entry:
                person.names.add(entry.name)
                person.same_as = entry.same_as()
        person.evidence.append(ctx.evidence(span, f"person-{via}", 0.9 if via == "name" else 0.75))
