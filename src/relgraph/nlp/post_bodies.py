"""The organisation an office title heads ('NATO spokesperson', 'Governor of the Bank of Ghana',
'EDC president'), the title it gives ('Director General of the National Electric Power Company')
and the state its officer serves."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext, Mention
from relgraph.nlp.posts import SMALL_WORDS, body_name_end, titled
from relgraph.records import Ref


@dataclass
class HeadedBody:
    """The organisation an office title heads: 'NATO' in 'NATO spokesperson' (before the title),
    'the Bank of Ghana' in 'Governor of the Bank of Ghana' (after it)."""

    start: int
    end: int
    ref: Ref | None     # the organisation's mention, when it was recognised as one
    after: bool


def mention_before_title(ctx: ArticleContext, span: Span) -> Mention | None:
    """The mention right before a title, past determiners, possessives and adjectives only ('the
    AU's', 'Kenya's new'): whose office it is. None when another word comes first."""
    doc = ctx.doc
    for i in range(span.start - 1, max(span.start - 4, span.sent.start - 1), -1):
        m = ctx.by_token.get(i)
        if m is not None:
            return m
        if doc[i].pos_ not in ("DET", "PART", "PRON", "ADJ", "PUNCT") and doc[i].lower_ not in ("'s",):
            return None
    return None


def organization_of_post(ctx: ArticleContext, span: Span) -> HeadedBody | None:
    doc = ctx.doc
    m = mention_before_title(ctx, span)
    if m is not None and m.ref.kind == "organization":
        return HeadedBody(m.start, m.end, m.ref, False)
    # a state or a person before the title, or none: look after it
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        nxt = span.end + 2 if doc[span.end + 1].lower_ == "the" and span.end + 2 < len(doc) else span.end + 1
        nxt = _past_possessive_state(ctx, nxt)  # "chairman of Azerbaijan's State Commission"
        m = ctx.by_token.get(nxt)
        if m is not None and m.ref.kind == "organization":
            return HeadedBody(nxt, body_name_end(ctx, m.end, started=True), m.ref, True)
        end = body_name_end(ctx, nxt)
        if end > nxt and (doc[nxt].ent_type_ == "ORG" or any(t.lower_ in ctx.lex.post_shapes["bodies"]
                                                            for t in doc[nxt:end])):
            return HeadedBody(nxt, end, None, True)
    return None


def _past_possessive_state(ctx: ArticleContext, i: int) -> int:
    m = ctx.by_token.get(i)
    doc = ctx.doc
    if m is not None and m.ref.kind == "state" and m.end < len(doc) and doc[m.end].lower_ in ("'s", "\u2019s"):
        return m.end + 1
    return i


def organization_title(ctx: ArticleContext, span: Span, body: HeadedBody) -> str:
    """'Director General of the National Electric Power Company': a head of a named body is
    titled with it, as written (the generic word alone would say little)."""
    doc, gaz = ctx.doc, ctx.gaz
    if is_staff_title(ctx, span):
        return titled(doc, span.start, span.end)   # 'Secretary-General of the X Council': the office alone

    def possessive_state(t) -> bool:  # 'of [Armenia's] Commission on ...'; 'the Bank of Ghana' is a name
        return t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("'s", "\u2019s") and gaz.state(t.text) is not None

    end = next((t.i for t in doc[span.start:body.end] if t.text == "("), body.end)  # '(NEPCO)' abbreviates
    heads = ctx.lex.post_shapes["heads"]
    end = next((t.i for t in doc[span.end + 1:end] if t.i in ctx.post_tokens or t.lower_ in heads), end)
    while end > span.end and doc[end - 1].lower_ in SMALL_WORDS:
        end -= 1  # '... Council for Canada [and] Minister of ...': the next title is not this one's
    if end - span.start > 3 and doc[end - 2].lower_ == "for" and gaz.state(doc[end - 1].text):
        end -= 2  # '... Privy Council [for Canada]' names the post's state; 'the Bank of Ghana' is a name
    return titled(doc, span.start, end, drop=possessive_state)


def is_staff_title(ctx: ArticleContext, span: Span) -> bool:
    """A body's executive officer ('chief executive', 'Secretary-General', 'Director General'), whose
    office is named without the body (post_shapes.json 'staff_titles'); chairs keep theirs."""
    return " ".join(span.text.lower().split()) in ctx.lex.post_shapes.get("staff_titles", frozenset())


def organization_post_state(ctx: ArticleContext, body: HeadedBody) -> tuple[bool, str | None]:
    """(known, state) of an organisation's officer: the officer of an intergovernmental body, a UN
    body, an international court, an NGO or an armed group serves no state; a national body's
    officer serves its state, the one the article gives it or its name holds ('Central Bank of Sri
    Lanka', 'Sri Lanka Ports Authority' for 'SLPA'); unknown when the body's state is not known."""
    gaz = ctx.gaz
    words = [t.text for t in ctx.doc[body.start:body.end]]
    names = [body.ref.key, *sorted(_record_names(ctx, body.ref))] if body.ref is not None else []
    runs = _word_runs(words) + names
    stateless = ctx.lex.post_shapes.get("stateless_body_kinds", frozenset())
    if any((e := gaz.organization(w)) is not None and not e.state and e.org_kind in stateless for w in runs):
        return True, None
    owner = ctx.by_token.get(body.start - 2) if body.start >= 2 and ctx.doc[body.start - 1].lower_ in ("'s", "\u2019s") else None
    if owner is not None and owner.ref.kind == "state":
        return True, owner.ref.key
    state = ctx.state_of(body.ref) if body.ref is not None else None
    if state is None and body.ref is not None and (entry := gaz.organization(body.ref.key)) is not None:
        state = entry.state
    if state is None:
        runs = runs + [run for name in names for run in _word_runs(name.split())]
        state = next((hit.name for w in runs if (hit := gaz.state(w) or gaz.state_by_demonym(w))), None)
    return (True, state) if state else (False, None)


def _record_names(ctx: ArticleContext, ref: Ref) -> set[str]:
    record = ctx.records.entities.get(ref)
    return record.names if record is not None else set()


def body_names(ctx: ArticleContext) -> dict[str, Ref]:
    """The article's organisations by each name and alias they go by, and by the initials of a name
    of several words ('EDC' for 'Export Development Canada'): a body named again before a title."""
    out: dict[str, Ref] = {}
    for ref, record in ctx.records.entities.items():
        if ref.kind != "organization":
            continue
        for name in {ref.key, *record.names}:
            out.setdefault(name, ref)
            words = [w for w in name.replace("&", " ").split() if w.lower() not in SMALL_WORDS]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                out.setdefault("".join(w[0] for w in words), ref)
    return out


def named_body_before(ctx: ArticleContext, span: Span, names: dict[str, Ref]) -> HeadedBody | None:
    """'EDC president and CEO X', "Ecopetrol's chief executive": a proper noun right before the title
    (or before its possessive) that names one of the article's organisations, or one the gazetteer
    knows, where no mention was registered."""
    doc, end = ctx.doc, span.start
    if end > span.sent.start and doc[end - 1].lower_ in ("'s", "\u2019s"):
        end -= 1
    for start in range(end - 1, max(end - 4, span.sent.start - 1), -1):
        if doc[start].pos_ != "PROPN" or any(i in ctx.by_token for i in range(start, end)):
            return None
        text = doc[start:end].text
        ref = names.get(text)
        if ref is None and (entry := ctx.gaz.organization(text)) is not None:
            ref = Ref("organization", entry.name)
        if ref is not None:
            return HeadedBody(start, end, ref, False)
    return None


def _word_runs(words: list[str]) -> list[str]:
    """Every run of consecutive words: 'African Union' inside 'African Union Commission'."""
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
