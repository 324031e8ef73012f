"""The holder's name next to an office title: after it ('Foreign Secretary Dr Asad Majeed Khan',
'President of Russia Vladimir Putin') or before it, in apposition or as a predicate ('Sergey Lavrov,
Russia's foreign minister', 'X, who is also deputy prime minister', 'X was sworn in as president')."""
from __future__ import annotations

from spacy.tokens import Span

from relgraph.nlp.context import HONORIFICS, NAME_PARTICLES, ArticleContext, clean_name
from relgraph.nlp.person_names import abbreviated_given_name_end, starts_upper
from relgraph.nlp.posts import coordinated_end, holder_of_predicate, honorific_end

MAX_NAME_TOKENS = 5


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
        elif i == start and (short := abbreviated_given_name_end(doc, i)) is not None \
                and _name_token(ctx, doc[short]):
            i = short  # 'Secretary of Foreign Affairs Ma. Theresa X'
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
    return j + 1 if i < j < len(doc) and _surname_after_particle(ctx, doc[j]) else None


def _surname_after_particle(ctx: ArticleContext, token) -> bool:
    """After 'dos', 'da', 'bin' a capitalised word goes on the name even when it also names a city or a
    company ('Bendito dos Santos Freitas'): a particle after a given name announces a surname."""
    return _name_token(ctx, token) or (starts_upper(token.text) and token.is_alpha and token.lower_ not in ctx.lex.posts
                                       and not ctx.gaz.state(token.text) and not ctx.gaz.state_by_demonym(token.text))


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
    # starts_upper: past a leading okina ('ʻAisake')
    if not starts_upper(token.text) or not token.is_alpha and "-" not in token.text and "'" not in token.text:
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
        return _predicate_holder_name(ctx, root) or _appositive_name(ctx, root)
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
    named = ctx.ent_at(head.i)
    if named is None or named.label_ != "PERSON" \
            or not ctx.post_tokens.isdisjoint(range(named.start, named.end)):
        return None
    return named if len(clean_name(named.text).split()) >= 2 else None


def _appositive_name(ctx: ArticleContext, root) -> Span | None:
    """'Ukraine's Deputy Prime Minister for European and Euro-Atlantic Integration, Taras Kachka,': a
    name of two words or more in apposition to the title, after the comma that closes the title's
    tail (which kept it from being read right after the title)."""
    doc = ctx.doc
    for child in root.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        left = child.i
        while left - 1 > root.i and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN" \
                and doc[left - 1].head.i == child.i:
            left -= 1
        if left < child.i and doc[left - 1].text == "," \
                and ctx.post_tokens.isdisjoint(range(left, child.i + 1)):
            return doc[left:child.i + 1]
    return None


def _appositive_head(root):
    return root.head if root.dep_ == "appos" and root.head.pos_ == "PROPN" else None
