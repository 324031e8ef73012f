"""Projects delimited by what they are for: a purpose clause ('a programme to train nurses') or the
field they work on ('a joint programme on sea ice')."""
from __future__ import annotations

from spacy.tokens import Token

from relgraph.nlp.actors import subtree_span
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.project_names import clean_label


def purpose_label(ctx: ArticleContext, head: Token) -> str | None:
    """'Eskom's programme to build 14,000 km of transmission lines' -> a label from its purpose."""
    if head.lemma_.lower() not in ctx.lex.words("project_purpose_heads"):
        return None
    after = [t for t in head.doc[head.right_edge.i + 1: head.right_edge.i + 3] if not t.is_punct][:1]
    later = [t.head for t in after if t.lower_ == "to" and t.head.dep_ in ("advcl", "xcomp")
             and t.head.head == head.head]  # 'endorsed a programme, led by X, to train ...'
    verb = next((c for c in [*head.children, *later] if c.dep_ in ("acl", "relcl", "advcl", "xcomp")
                 and c.pos_ == "VERB" and c.lemma_.lower() in ctx.lex.words("project_purpose_verbs")
                 and any(a.lower_ == "to" for a in c.children)), None)
    if verb is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    end = obj.right_edge.i
    for prep in sorted((c for c in verb.children if c.dep_ == "prep" and c.i > end), key=lambda c: c.i):
        if prep.i != end + 1 or prep.lower_ not in ("in", "of", "for", "from", "to"):
            break
        end = prep.right_edge.i  # 'to export gas from the Vaca Muerta formation to Brazil'

    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    purpose = ctx.doc[verb.i + 1: end + 1]
    if any(t.lower_ in ctx.lex.words("project_excluded_modifiers") for t in purpose):
        return None
    words = ([owner.text] if owner is not None else []) + [head.text, "to", verb.text, purpose.text]
    return clean_label(" ".join(words))


def topic_label(ctx: ArticleContext, head: Token) -> str | None:
    """'a joint programme on sea ice and permafrost', 'a project into coral bleaching': a programme
    delimited by the field it works on; not by a place or a date ('the project on the Kunene')."""
    lemma = head.lemma_.lower()
    if lemma not in ctx.lex.words("project_heads") or lemma not in ctx.lex.words("project_purpose_heads"):
        return None  # 'a plan on Gaza' is a proposal; 'a post on X' is no programme
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "into") and c.i == head.i + 1), None)
    topic = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if topic is None or topic.pos_ != "NOUN" or topic.ent_type_ in ("DATE", "TIME"):
        return None
    span = subtree_span(prep)
    if any(t.lower_ in ctx.lex.words("project_excluded_modifiers") or t.pos_ == "PROPN" for t in span):
        return None
    return clean_label(f"{head.text} {span.text}")
