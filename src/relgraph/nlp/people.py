"""People, the posts they hold and the states they serve."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span
from spacy.util import filter_spans

from relgraph.nlp.context import HONORIFICS, NAME_PARTICLES, ArticleContext, Mention, clean_name
from relgraph.nlp.entities import ctx_matches
from relgraph.nlp.person_contexts import (
    in_credit_or_byline, in_place_context, names_a_thing, names_of_a_states_subject, place_names,
)
from relgraph.nlp.person_match import names_by_surname, same_full_name
from relgraph.nlp.person_names import (
    is_surname_form, name_after_title_tail, names_after_address, names_coordinated_with_people,
    not_a_person_name, starts_upper, starts_with_honorific, tidy_name_span, title_tail, with_name_forming_title,
)
from relgraph.nlp.post_states import PostMention, assign_roles  # noqa: F401  (assign_roles: the package's entry)
from relgraph.nlp.posts import (coordinated_end, holder_of_predicate, honorific_end, plural_titles, portfolio_tail,
                                remit_end, titled)
from relgraph.records import Ref

MAX_NAME_TOKENS = 5
COUNTERPART = "counterpart"


def find_posts(ctx: ArticleContext) -> list[PostMention]:
    """Office titles in the text ('Russian Foreign Minister', 'his Pakistani counterpart')."""
    doc = ctx.doc
    spans = []
    for match_id, start, end in ctx_matches(ctx, "posts"):
        span = Span(doc, start, end, label=match_id)
        if not ctx.is_excluded(span):
            spans.append(span)
    spans.extend(Span(doc, t.i, t.i + 1, label="counterpart") for t in doc if t.lower_ == COUNTERPART)
    spans.extend(span for span in portfolio_titles(ctx)
                 if not any(s.start < span.end and span.start < s.end for s in spans))
    first_words = {p.split()[0] for p in ctx.lex.posts if " " in p}
    posts = []
    kept = filter_spans(spans)
    starts = {s.start for s in kept}
    for span in kept:
        before = doc[span.start - 1] if span.start > 0 else None
        if (before is not None and before.lower_ in ctx.lex.post_shapes["ranks"] and span.label_ != COUNTERPART
                and before.sent == span.sent):
            # 'Vice Chairman', 'Deputy Governor': a rank before a listed title is part of it
            span = Span(doc, span.start - 1, span.end, label=f"{before.text[:1].upper()}{before.text[1:]} {span.label_}")
        elif before is not None and before.lower_ in first_words and before.sent == span.sent:
            continue  # "foreign prime minister": two titles run together, trust neither
        if given_name_title(ctx, doc[span.start]) and span.end == span.start + 1:
            continue  # 'the fund's chief executive, Sultan X': a given name, not a second title
        role = None if span.label_ == "counterpart" else span.label_
        generic = role
        span, role = _with_portfolio_tail(ctx, span, role, starts)
        posts.append(PostMention(span, role, generic=generic))
        ctx.post_tokens.update(range(span.start, span.end))
    for span in plural_titles(ctx):
        if not any(i in ctx.post_tokens for i in range(span.start, span.end)) and not ctx.is_excluded(span):
            posts.extend(_shared_title(ctx, span))
    return posts


def _shared_title(ctx: ArticleContext, span: Span) -> list[PostMention]:
    """'Foreign Ministers Ararat Petrosyan and Elmar Huseynov': one post for each name of the list.
    Each later name's post is the comma or 'and' before it, so that the name follows its post."""
    doc = ctx.doc
    ctx.post_tokens.update(range(span.start, span.end))
    first = name_after(ctx, span)
    if first is None:
        return []
    shared, end = [PostMention(span, span.label_, generic=span.label_, guess_state=False)], first.end
    while end + 1 < len(doc) and doc[end].lower_ in (",", "and"):
        joiner = Span(doc, end, end + 1, label=span.label_)
        name = name_after(ctx, joiner)
        if name is None or name.start != end + 1:
            break
        shared.append(PostMention(joiner, span.label_, generic=span.label_, guess_state=False))
        end = name.end
    return shared if len(shared) > 1 else []


def _with_portfolio_tail(ctx: ArticleContext, span: Span, role: str | None,
                         starts: set[int]) -> tuple[Span, str | None]:
    """A title whose portfolio list runs on ('Minister of Foreign Affairs, Emigration and Egyptian
    Expatriates') is that whole title, as written, without its state words."""
    end = max(portfolio_tail(ctx, span), remit_end(ctx, span))
    end = min([end, *(s for s in starts if span.start < s < end)])
    start = _portfolio_head(ctx, span)
    if role is None or (end <= span.end and start >= span.start):
        return span, role
    gaz = ctx.gaz
    title = titled(ctx.doc, start, end, drop=lambda t: bool(gaz.state_by_demonym(t.text)))
    return Span(ctx.doc, start, end, label=title), title


def _portfolio_head(ctx: ArticleContext, span: Span) -> int:
    """The start of a title whose portfolio list begins before the matched words: '[Transport and]
    Infrastructure Minister', '[Industry and] Trade Minister'."""
    doc, shapes = ctx.doc, ctx.lex.post_shapes
    first = span.start
    if first < 2 or doc[first].lower_ not in shapes["portfolios"] or doc[first - 1].lower_ not in shapes["joiners"]:
        return first
    left = _portfolio_run(doc, first - 1, -1, shapes["portfolios"], shapes["joiners"], span.sent.start)
    return first if left is None else _with_ranks(doc, left, shapes["ranks"])


def portfolio_titles(ctx: ArticleContext) -> list[Span]:
    """Titles outside the post list, by shape: 'Energy Cabinet Secretary', 'Minister of Water and
    Energy', 'Cabinet Secretary for Trade'. The span's label is the title as written."""
    shapes, doc = ctx.lex.post_shapes, ctx.doc
    portfolios, joiners = shapes["portfolios"], shapes["joiners"]
    found = []
    for head in doc:
        if head.lower_ not in shapes["heads"]:
            continue
        start = head.i - 1 if head.i > 0 and doc[head.i - 1].lower_ == "cabinet" else head.i
        left = _portfolio_run(doc, start - 1, -1, portfolios, joiners, head.sent.start)
        if left is not None:
            found.append(_titled(doc, _with_ranks(doc, left, shapes["ranks"]), head.i + 1))
            continue
        after = head.i + 1
        if after + 1 < len(doc) and doc[after].lower_ in ("of", "for"):
            after += 2 if doc[after + 1].lower_ == "the" else 1
            right = _portfolio_run(doc, after, 1, portfolios, joiners, head.sent.end - 1)
            if right is not None:
                found.append(_titled(doc, _with_ranks(doc, start, shapes["ranks"]), right + 1))
    return found


def _portfolio_run(doc, i: int, step: int, portfolios, joiners, limit: int) -> int | None:
    """The far end of a run of portfolio words (joined by 'and' or commas) from token i, or None."""
    end = None
    while (i >= limit if step < 0 else i <= limit) and (doc[i].lower_ in portfolios or doc[i].lower_ in joiners):
        if doc[i].lower_ in portfolios:
            end = i
        i += step
    return end


def _with_ranks(doc, start: int, ranks) -> int:
    while start > 0 and doc[start - 1].lower_ in ranks:
        start -= 1
    return start


def _titled(doc, start: int, end: int) -> Span:
    return Span(doc, start, end, label=titled(doc, start, end))


def name_after(ctx: ArticleContext, span: Span) -> Span | None:
    """'Foreign Secretary Dr Asad Majeed Khan' -> 'Asad Majeed Khan'."""
    doc = ctx.doc
    # "President of Russia Vladimir Putin", "ambassador to China, Li Ming", "Deputy Prime Minister
    # and Foreign Minister Ayman Safadi": what the title is of or to, and titles coordinated with it.
    i = coordinated_end(ctx, span.end)
    i = honorific_end(ctx, i)
    start = i
    while i < len(doc) and i - start < MAX_NAME_TOKENS + 2:
        if i > start and doc[i].is_upper and len(doc[i].text) <= 3 and doc[i].is_alpha and doc[i].text.strip("IVX"):
            break  # 'Hilary Benn MP': a post-nominal, not a name ('Felipe VI' keeps the numeral)
        if i == start and given_name_title(ctx, doc[i]) and i + 1 < len(doc) and _name_token(ctx, doc[i + 1]):
            i += 1
        elif _hyphenated_name(ctx, doc, i, start):  # 'Saleh Al-Kharabsheh', 'Whang Joo-ho', 'el-Sisi'
            i += 3
        elif _name_token(ctx, doc[i]):
            i += 1
        elif i > start and (after := _past_particles(ctx, doc, i)) is not None:
            i = after  # 'Faisal bin Farhan', 'Lula da Silva', 'Gloria de la Fuente'
        elif (i > start and doc[i].lower_ in NAME_PARTICLES and i + 2 < len(doc) and doc[i + 1].text == "-"
              and not doc[i].whitespace_ and _name_token(ctx, doc[i + 2])):  # 'Abdel Fattah el-Sisi'
            i += 3
        else:
            break
    return doc[start:i] if i > start else None


def _past_particles(ctx: ArticleContext, doc, i: int) -> int | None:
    """After one or two name particles and the name word that follows them, or None."""
    j = i
    while j < len(doc) and j - i < 2 and doc[j].lower_ in NAME_PARTICLES:
        j += 1
    return j + 1 if i < j < len(doc) and _name_token(ctx, doc[j]) else None


def given_name_title(ctx: ArticleContext, token) -> bool:
    """A title that is also a given name ('Sultan', 'Amir'), in apposition right after another
    title ('Afghanistan's foreign minister, Amir X'): there it begins the holder's name."""
    i = token.i
    return (token.lower_ in ctx.lex.post_shapes.get("given_name_titles", frozenset()) and i >= 2
            and token.doc[i - 1].text == "," and i - 2 in ctx.post_tokens)


def _is_initial(token) -> bool:
    letters = token.text.replace(".", "")
    return token.text.endswith(".") and 1 <= len(letters) <= 3 and letters.isalpha() and letters.isupper() \
        and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text[:1].isupper()


def _hyphenated_name(ctx: ArticleContext, doc, i: int, start: int) -> bool:
    """Tokens i..i+2 are one hyphenated name word: a name (or, after the first word, a particle),
    a hyphen and a word, written without spaces."""
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return False
    first = _name_token(ctx, doc[i]) or (i > start and doc[i].lower_ in NAME_PARTICLES)
    return first and doc[i + 2].is_alpha and doc[i + 2].lower_ not in ctx.lex.posts


def _name_token(ctx: ArticleContext, token) -> bool:
    if _is_initial(token):
        return True  # 'S. Jaishankar', 'K.P. Oli'
    if not token.text[:1].isupper() or not token.is_alpha and "-" not in token.text and "'" not in token.text:
        return False
    if token.lower_ in ctx.lex.posts or token.ent_type_ in ("DATE", "NORP"):
        return False
    gaz = ctx.gaz
    if gaz.state(token.text) or gaz.state_by_demonym(token.text):
        return False
    if token.ent_type_ != "PERSON" and (gaz.city(token.text) or gaz.organization(token.text)):
        return False  # but 'Vladimir' in 'Vladimir Putin' is a name, whatever the city
    return token.pos_ in ("PROPN", "NOUN", "ADJ") or token.ent_type_ == "PERSON"


def name_before(ctx: ArticleContext, span: Span) -> Span | None:
    """'Sergey Lavrov, Russia's foreign minister' and 'Lavrov, the first Russian ...': the appositive's
    head; 'X, Georgia's First Deputy Prime Minister and Minister of Economy': the second title too;
    'X, who is also deputy prime minister', 'X was sworn in as president', 'appointed X as envoy'."""
    root = span.root
    while root.dep_ in ("compound", "amod") and root.head != root:
        root = root.head
    while root.dep_ == "conj" and root.head != root and root.head.i in ctx.post_tokens:
        root = root.head
    head = _appositive_head(root)
    if head is None:
        return _predicate_holder_name(ctx, root)
    left = head.i
    while (left > head.sent.start and ctx.doc[left - 1].pos_ == "PROPN" and ctx.doc[left - 1].dep_ == "compound"
           and left - 1 not in ctx.post_tokens and ctx.doc[left - 1].lower_ not in HONORIFICS):
        left -= 1  # 'Deputy Prime Minister Mher Grigoryan, chairman of ...': the name, not the title
    return ctx.doc[left: head.i + 1]


def _predicate_holder_name(ctx: ArticleContext, root) -> Span | None:
    """The full name (a PERSON entity of two words or more) holding a predicate title; a bare
    surname there is left to the surname resolution."""
    head = holder_of_predicate(root)
    if head is None:
        return None
    named = next((e for e in ctx.ents if e.label_ == "PERSON" and e.start <= head.i < e.end), None)
    if named is None or any(i in ctx.post_tokens for i in range(named.start, named.end)):
        return None
    return named if len(clean_name(named.text).split()) >= 2 else None


def _appositive_head(root):
    return root.head if root.dep_ == "appos" and root.head.pos_ == "PROPN" else None


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
        name = _person_span(ctx, span, found.not_people) if span is not None else None
        if name is None:
            if span is None and post.span.end < len(ctx.doc) and ctx.doc[post.span.end].lower_ == "and":
                span = post.span  # 'Minister of Energy and Mineral Resources X': the title goes on
            elif span is None or span.start > post.span.end + 1 or not title_tail(ctx, span):
                continue
            else:
                ctx.post_tokens.update(range(span.start, span.end))  # 'Minister of Trade, Industry'
            span = name_after_title_tail(ctx, span)
            name = _person_span(ctx, span, found.not_people) if span is not None else None
            if name is None:
                continue
        found.add(ctx, name, post)


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
    return _extends(long, short) or same_full_name(long, short)


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
