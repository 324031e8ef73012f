"""A project told under two names in one sentence: 'X, better known as Y', 'the link, dubbed Y',
'X, as the corridor ... is formally known'. One of the two nouns is said of the other."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

ALIAS_VERBS = ("know", "call", "dub", "name", "nickname")


def alias_of(head: Token) -> Token | None:
    """The verb of 'X, better known as Y' when `head` is Y (the parser hangs the verb anywhere)."""
    prep = head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else None
    verb = prep.head if prep is not None else None
    if verb is None and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
        verb = head.head  # 'known locally as the Vuna wharf upgrade', 'as' parsed as a conjunction
    if verb is not None and verb.lemma_.lower() in ALIAS_VERBS and verb.tag_ == "VBN":
        return verb
    return None


def named_by_alias(head: Token, is_project_noun: Callable[[Token], bool]) -> bool:
    """'The link, dubbed the Green Energy Corridor, ...': a noun whose participle gives it a project's
    name is that project, told by the name."""
    for verb in head.children:
        if verb.dep_ == "acl" and verb.lemma_.lower() in ALIAS_VERBS and verb.tag_ in ("VBN", "VBD"):
            if any(c.dep_ in ("oprd", "attr", "dobj") and is_project_noun(c) for c in verb.children):
                return True
    return False


def restated_head(head: Token) -> bool:
    """'the X Route, as the corridor linking A to B is formally known': `head` ('corridor') is the
    project told before under another name; X is its formal name."""
    verb = head.head
    return head.dep_ == "nsubjpass" and verb.lemma_.lower() in ALIAS_VERBS and verb.tag_ == "VBN" and \
        any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and \
        any(c.lower_ in ("the", "this") for c in head.children if c.dep_ == "det")
