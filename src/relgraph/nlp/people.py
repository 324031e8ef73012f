"""People, the posts they hold and the states they serve."""
from __future__ import annotations

from spacy.tokens import Span
from spacy.util import filter_spans

from relgraph.nlp.context import HONORIFICS, NAME_PARTICLES, ArticleContext, Mention, clean_name
from relgraph.nlp.entities import ctx_matches
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
        if _hyphenated_name(ctx, doc, i, start):  # 'Saleh Al-Kharabsheh', 'Whang Joo-ho', 'el-Sisi'
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
    named = next((e for e in ctx.doc.ents if e.label_ == "PERSON" and e.start <= head.i < e.end), None)
    if named is None or any(i in ctx.post_tokens for i in range(named.start, named.end)):
        return None
    return named if len(clean_name(named.text).split()) >= 2 else None


def _appositive_head(root):
    return root.head if root.dep_ == "appos" and root.head.pos_ == "PROPN" else None


def extract_people(ctx: ArticleContext) -> list[PostMention]:
    """Register person mentions (full names first, then surnames) and return the posts found."""
    posts = find_posts(ctx)
    full: list[Span] = []
    for post in posts:
        name = name_after(ctx, post.span) or name_before(ctx, post.span)
        if name is not None:
            post.person = clean_name(name.text)
            full.append(name)
    singles = []
    for ent in ctx.doc.ents:
        if ctx.is_excluded(ent) or ent.label_ not in ("PERSON", "ORG", "GPE") and not ent.ent_id_.startswith("person:"):
            continue
        words = clean_name(ent.text).split()
        if ent.label_ == "PERSON" or ent.ent_id_.startswith("person:"):
            if len(words) >= 2 and _looks_like_name(ctx, words):
                full.append(ent)
            elif len(words) == 1:
                singles.append(ent)
        elif len(words) == 1:
            singles.append(ent)  # NER calls surnames ORG or GPE often enough ("according to Lavrov")
    canon = _canonical_names(ctx, [clean_name(s.text) for s in full])
    for span in sorted(full, key=lambda s: (s.start, -len(s))):
        name = canon[clean_name(span.text)]
        _register(ctx, span, name, "name")
    for span in singles:
        name = _resolve_surname(ctx, clean_name(span.text), span.start, canon)
        if name:
            _register(ctx, span, name, "surname")
    for post in posts:
        if post.person:
            post.person = canon.get(post.person, post.person)
    return posts


def _looks_like_name(ctx: ArticleContext, words: list[str]) -> bool:
    if any((not w[:1].isupper() and w.lower() not in NAME_PARTICLES and w.split("-")[0].lower() not in NAME_PARTICLES)
           or any(c.isdigit() for c in w) for w in words):
        return False
    if len(words) > MAX_NAME_TOKENS:
        return False
    return not any(ctx.gaz.state(w) or ctx.gaz.state_by_demonym(w) for w in words)


def _canonical_names(ctx: ArticleContext, names: list[str]) -> dict[str, str]:
    """Spellings of one person collapse to one name: the gazetteer's, else the commonest in the article."""
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(ctx.gaz.name_variant_key(n), []).append(n)
    # A name that extends another ("Bilawal Bhutto" / "Bilawal Bhutto Zardari") is the same person.
    keys = sorted(groups, key=len, reverse=True)
    for short in keys:
        for long in keys:
            if short != long and short in groups and long in groups and _extends(long, short):
                groups[long].extend(groups.pop(short))
    out = {}
    for members in groups.values():
        known = next((ctx.gaz.person(m) for m in members if ctx.gaz.person(m)), None)
        best = known.name if known else max(members, key=lambda m: (len(m.split()), members.count(m)))
        out.update({m: best for m in members})
    return out


def _extends(long: str, short: str) -> bool:
    lw, sw = long.split(), short.split()
    return len(sw) >= 2 and lw[: len(sw)] == sw


def _resolve_surname(ctx: ArticleContext, word: str, position: int, canon: dict[str, str]) -> str | None:
    candidates = {c for c in canon.values() if word in c.split()[1:]}
    if not candidates:  # 'Yoon' for 'Yoon Suk Yeol': family name first
        candidates = {c for c in canon.values() if c.split()[0] == word and len(c.split()) >= 2}
        if len(candidates) > 1:
            return None
    if len(candidates) == 1:
        return candidates.pop()
    if candidates:  # the nearest full mention before this one
        prior = [m for m in ctx.mentions if m.ref.kind == "person" and m.ref.key in candidates and m.start < position]
        return prior[-1].ref.key if prior else sorted(candidates)[0]
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
