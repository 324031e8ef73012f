"""Projects told by a proper name alone: 'ELMED, the 600 MW link between Sicily and Cap Bon',
'Germany is to co-finance the Bornholm Energy Island', 'Viking CCS will store CO2 under the sea'.

The head-noun rules (projects.py) start from a project noun; a name with none ('Northern Lights',
'Global Gateway') is a project only by where it stands: an apposition that says it is a project
noun, the object of a verb that builds or pays for works (data: project_proper_build_verbs; not
'launch', 'establish' or 'open', said of bodies and offices too), or the subject of a verb only a
project does ('connects', 'stores'). A name that signs, says or has a chief executive is an
organisation and stays one."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.org_shapes import name_head, org_shapes
from relgraph.nlp.project_names import ProjectMention, clean_label, in_headline, state_word
from relgraph.nlp.project_parties import project_record
from relgraph.nlp.project_words import proper

# entity kinds that a project's name is read as; places, people and numbers are not
NAME_LABELS = ("ORG", "FAC", "PRODUCT", "WORK_OF_ART")


@dataclass
class ProperName:
    """A proper name the text tells as a project; `noun` is the project noun in apposition to it."""

    span: Span
    noun: Token | None = None


def proper_projects(ctx: ArticleContext, is_head: Callable[[Token], bool]) -> list[ProperName]:
    """The names of the article's entities that stand where a project stands (`is_head`: the
    head-noun rules' test of a project noun, whose names those rules read themselves). Only NER's
    names: a proper noun it did not read is as often a place or a body ('to upgrade X')."""
    out: list[ProperName] = []
    for span in (_ent_name(ctx, e) for e in ctx.ents):
        span = _name_span(ctx, span) if span is not None else None
        if span is None or any(is_head(t) for t in span):
            continue
        noun = _apposed_noun(ctx, span, is_head)
        if noun is not None:
            out.append(ProperName(span, noun))
        elif not _organisation_like(ctx, span) and (_built_object(ctx, span, is_head) or _doing_what_projects_do(ctx, span)):
            out.append(ProperName(span))
    return out


def _ent_name(ctx: ArticleContext, ent: Span) -> Span | None:
    """An entity of a kind a project's name is read as, without its article."""
    if ent.label_ not in NAME_LABELS:
        return None
    start = ent.start + (ent[0].pos_ == "DET")
    return ent.doc[start:ent.end] if start < ent.end else None


def _name_span(ctx: ArticleContext, span: Span) -> Span | None:
    """The name, when nobody else holds it: no state, city or person the text knows, no
    organisation the gazetteer knows, and proper words of its own."""
    if in_headline(span[0]) or ctx.is_excluded(span):
        return None
    if ctx.gaz.organization(span.text) is not None or ctx.gaz.person(span.text) is not None:
        return None
    if any(m.ref.kind != "organization" and m.start <= span.start and m.end >= span.end
           for m in ctx.mentions_in(span.start, span.end)):
        return None  # a state, city or person the entity rules read in the whole of it
    if not any(proper(t) and not state_word(ctx, t) and t.lower_ not in ctx.lex.words("project_generic_modifiers")
               for t in span):
        return None
    if any(t.lemma_.lower() in ctx.lex.words("agreement_nouns") for t in span):
        return None  # 'the Viet Nam-Korea Free Trade Agreement': a document, the agreement rules' name
    head = name_head(span.text)
    if head in org_shapes().heads:
        return None  # 'the International Coalition for ...', 'X Company': a body by its own noun
    if head in ctx.lex.words("project_proper_relation_heads"):
        return None  # 'to upgrade the Comprehensive Strategic Partnership': a relation between states
    return span


def _apposed_noun(ctx: ArticleContext, span: Span, is_head: Callable[[Token], bool]) -> Token | None:
    """'ELMED, the 600 MW high-voltage direct-current link between Sicily and Cap Bon': the project
    noun heading the phrase right after the name's comma (the parser often hangs it elsewhere)."""
    doc, comma = span.doc, span.end
    if comma + 2 >= span.sent.end or doc[comma].text != ",":
        return None
    for t in doc[comma + 1: min(comma + 12, span.sent.end)]:
        if t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") or t.text in (",", ";", "(", ":") or \
                t.pos_ == "PRON" and t.tag_ != "PRP$":
            return None  # past the noun phrase: 'X, the company said'
        if t.pos_ == "NOUN" and t.left_edge.i == comma + 1 and t.dep_ not in ("compound", "nmod"):
            if t.lemma_.lower() in ctx.lex.words("project_company_nouns"):
                return None  # 'X, the joint venture that will own the line': the company
            return t if is_head(t) and t.lemma_.lower() not in ctx.lex.words("project_proper_unsure_heads") else None
    return None


def _built_object(ctx: ArticleContext, span: Span, is_head: Callable[[Token], bool]) -> bool:
    """'to build the X', 'X will be financed by ...', 'the construction of X'."""
    root = span.root
    verbs = ctx.lex.words("project_proper_build_verbs")
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in verbs:
        # 'the X Project will rebuild the Y School': a work of that project, told as a part of it
        return not any(c.dep_ == "nsubj" and is_head(c) for c in root.head.children)
    return root.dep_ == "pobj" and root.head.lower_ == "of" and \
        root.head.head.lemma_.lower() in ctx.lex.words("construction_nouns")


def _doing_what_projects_do(ctx: ArticleContext, span: Span) -> bool:
    """'X will connect A and B', 'X stores CO2 under the seabed': the subject of a verb only a
    project does (data: project_proper_subject_verbs)."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ctx.lex.words("project_proper_subject_verbs")


def _organisation_like(ctx: ArticleContext, span: Span) -> bool:
    """A name that says, signs or hires, or has a chief executive, is a body's name wherever else it
    stands ('X said it would build ...', 'the chief executive of X')."""
    acts, posts = ctx.lex.words("project_proper_body_verbs"), ctx.lex.words("project_company_posts")
    root = span.root
    return any(t.dep_ == "nsubj" and t.head.lemma_.lower() in acts or t.dep_ == "poss" and t.head.lemma_.lower() in posts
               or t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in posts
               for t in _same_name(ctx, span)) or root.dep_ == "appos" and \
        root.head.lemma_.lower() in ctx.lex.words("project_company_nouns")


def _same_name(ctx: ArticleContext, span: Span) -> list[Token]:
    """The root tokens of the article's entities with this name's text (what the text says of it
    anywhere)."""
    key = span.text.lower()
    roots = ctx.memo.get("proper_project_roots")
    if roots is None:
        roots = {}
        for e in ctx.ents:
            lo = e.start + (e[0].pos_ == "DET")
            if lo < e.end:
                roots.setdefault(e.doc[lo:e.end].text.lower(), []).append(e.root)
        ctx.memo["proper_project_roots"] = roots
    return roots.get(key, [span.root])


def proper_mention(ctx: ArticleContext, name: ProperName) -> list[ProjectMention]:
    """A mention for a name told as a project by its verb or clause (no project noun)."""
    span = name.span
    record = project_record(ctx, span.root, span, clean_label(span.text), [])
    if record is None:
        return []
    release_organisation(ctx, span)
    return [ProjectMention(record=record, head=span.root.lemma_.lower(), names=proper_name_words(ctx, span),
                           sentence=span.sent.start, headline=in_headline(span.root))]


def proper_name_words(ctx: ArticleContext, span: Span) -> frozenset[str]:
    generic = ctx.lex.words("project_generic_modifiers")
    return frozenset(t.lower_ for t in span if proper(t) and not state_word(ctx, t) and t.lower_ not in generic)


def release_organisation(ctx: ArticleContext, span: Span) -> None:
    """The organisation NER read in a project's name is the project: its mentions of that text go."""
    key = span.text.lower()
    for m in list(ctx.mentions):
        if m.ref.kind == "organization" and ctx.gaz.organization(ctx.doc[m.start:m.end].text) is None and \
                _bare(ctx.doc[m.start:m.end]).text.lower() == key:
            ctx.remove_mention(m)


def _bare(span: Span) -> Span:
    return span[1:] if len(span) > 1 and span[0].pos_ == "DET" else span


def named_without_noun(ctx: ArticleContext, mentions: list[ProjectMention], is_head: Callable[[Token], bool],
                       make: Callable[[Token, Span], list[ProjectMention]]) -> list[ProjectMention]:
    """The projects the article tells by a proper name with no project noun of its own. A name in
    apposition to a project noun names the noun's mention ('ELMED, the ... link between A and B'
    is ELMED) or, where the head-noun rules took none, one made from the noun (`make`)."""
    out: list[ProjectMention] = []
    for name in proper_projects(ctx, is_head):
        words = proper_name_words(ctx, name.span)
        if not words or any(_word_parts(words) <= _word_parts(m.names) or _short_form(name.span.text, m.record.label)
                            for m in mentions + out):
            continue  # already told by this name ('Triton Link, the planned interconnector'), or its initials
        if name.noun is None:
            out += proper_mention(ctx, name)
            continue
        told = next((m for m in mentions if m.at == name.noun.i), None)
        if told is not None:
            told.record.label = f"{clean_label(name.span.text)} ({told.record.label})"
            told.names = told.names | words
            release_organisation(ctx, name.span)
            continue
        made = make(name.noun, name.span)
        if made:
            release_organisation(ctx, name.span)
        out += made
    return out


def _short_form(name: str, label: str) -> bool:
    """'GERD' for 'Grand Ethiopian Renaissance Dam (GERD)': a name another project's label holds, or
    the initials of that label's words."""
    if name.lower() in label.lower():
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", label) if w[0].isupper())
    return name.isupper() and len(name) >= 2 and name in initials


def _word_parts(words: frozenset[str]) -> frozenset[str]:
    """'kambarata-1' is 'kambarata': the letters of each hyphened part."""
    return frozenset(p for w in words for p in re.split(r"[-\u2013]", w) if p.isalpha())
