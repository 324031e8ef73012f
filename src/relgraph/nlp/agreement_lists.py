"""Documents listed line by line, as foreign-ministry releases list a signing's outcomes: which
items a line ending in a colon concludes, what an item names, and which bulleted lines are links
to other stories rather than news text."""
from __future__ import annotations

from spacy.tokens import Span, Token

from relgraph.nlp.agreement_hedges import hedged
from relgraph.nlp.agreement_phrases import phrase_text
from relgraph.nlp.agreement_verbs import in_lexicon
from relgraph.nlp.context import ArticleContext
from relgraph.nlp.list_items import LIST_MARKER, bulleted_headline, list_intro

MAX_ITEM_NAME_WORDS = 24   # a list item longer than this is prose, not a document's name


def list_intro_verb(ctx: ArticleContext, noun: Token) -> tuple[Token | None, bool, bool]:
    """'the two sides exchanged the following documents:' then '1. Agreement on ...;' '2. Memorandum of
    Understanding on ...': a document that heads an item of a list is concluded by the verb (or the
    signing noun: 'At the signing ceremony:') of the line ending in a colon that introduces the list.
    Returns the verb, whether it signs, and whether the noun heads an item under an intro at all (the
    items under 'Talks will cover:' are no deals, named or concluded)."""
    if not _heads_the_item(ctx, noun):
        return None, False, False
    intro = list_intro(ctx, noun)
    if intro is None:
        return None, False, False
    verb = _intro_verb(ctx, intro)
    if verb is None or hedged(ctx, noun, verb):
        return None, False, True
    return verb, verb.lemma_.lower() in ctx.lex.words("signing_verbs") | ctx.lex.words("signing_nouns"), True


def _intro_verb(ctx: ArticleContext, intro: Span) -> Token | None:
    """The word of a list's intro line that concludes its items: a verb, else a signing noun."""
    verbs, nouns = ctx.lex.words("conclusion_verbs"), ctx.lex.words("signing_nouns")
    verb = next((t for t in intro if t.lemma_.lower() in verbs and t.pos_ == "VERB"), None)
    return verb or next((t for t in intro if t.lemma_.lower() in nouns and t.pos_ == "NOUN"), None)


def related_story_link(ctx: ArticleContext, noun: Token) -> bool:
    """'- Chile and Kenya sign air services pact': a short bulleted line without a closing stop,
    not under a line that tells a signing, is a link to another story, which tells its own deal."""
    if not bulleted_headline(ctx, noun):
        return False
    intro = list_intro(ctx, noun)
    return intro is None or _intro_verb(ctx, intro) is None


def whole_item_name(ctx: ArticleContext, noun: Token, verb: Token, name: str | None) -> str | None:
    """'c) Exchange of Notes on a Scholarship Programme for Young Diplomats;': a document's name that
    heads a list item under a signing line runs to the item's end, whatever words it holds."""
    if name is None or verb.sent == noun.sent or not _heads_the_item(ctx, noun):
        return name
    line_start = ctx.text.rfind("\n", 0, noun.idx) + 1
    line_end = ctx.text.find("\n", noun.idx)
    item = ctx.text[LIST_MARKER.match(ctx.text, line_start).end():line_end if line_end >= 0 else None]
    item = item.strip().rstrip(";.,").strip()
    item = item[:-4].rstrip(" ,;") if item.endswith((" and", "; and")) else item
    first, _, rest = item.partition(" ")
    item = rest if first.lower() in ("a", "an", "the") else item
    if item.startswith(name) and len(item.split()) <= MAX_ITEM_NAME_WORDS:
        return item
    return name


def _heads_the_item(ctx: ArticleContext, noun: Token) -> bool:
    """The noun is what a list item is: only its own modifiers stand between the item's marker and
    it ('- a framework protocol on ...;', '(b) Intergovernmental Agreement on ...'), or it is the
    papers of an item that opens with their exchange ('3. Exchange of Notes on ...')."""
    line_start = ctx.text.rfind("\n", 0, noun.idx) + 1
    marker = LIST_MARKER.match(ctx.text, line_start)
    if marker is None:
        return False
    before = [t for t in noun.doc[noun.sent.start:noun.i] if t.idx >= marker.end() and not t.is_space]
    if all(t.i >= noun.left_edge.i for t in before):  # the noun's own left subtree
        return True
    return len(before) == 2 and before[1].lower_ == "of" and before[0].lemma_.lower() in \
        ctx.lex.words("signing_nouns") and in_lexicon(ctx, noun, "exchanged_document_nouns")


def fields_listed_below(ctx: ArticleContext, noun: Token) -> list[tuple[str, list[Token]]]:
    """'The bank signed loan agreements for the following projects:' then '- the Kisumu water plant;'
    '- the Eldoret bypass.': a plural document noun whose line ends in a colon concludes one deal for
    each item below it ('loan agreement for Kisumu water plant'). Items that are documents themselves
    ('1. Agreement on ...') are deals of their own (list_intro_verb). Returns each deal's label and the
    item's tokens."""
    text = ctx.text
    line_end = text.find("\n", noun.idx)
    if noun.tag_ not in ("NNS", "NNPS") or line_end < 0 or not text[noun.idx:line_end].rstrip().endswith(":"):
        return []
    items = []
    while True:
        start = line_end + 1
        marker = LIST_MARKER.match(text, start)
        if marker is None:
            break
        line_end = text.find("\n", start)
        span = ctx.doc.char_span(marker.end(), line_end if line_end >= 0 else len(text), alignment_mode="expand")
        if span is None:
            break
        items.append([t for t in span if not t.is_space])
        if line_end < 0:
            break
    if not items or any(_opens_with_a_document(ctx, item) for item in items):
        return []
    modifiers = [c.text for c in noun.children
                 if c.i < noun.i and c.dep_ in ("compound", "amod") and c.lower_ != "following"]
    head = " ".join([*modifiers, noun.lemma_.lower()])
    link = next((c.lower_ for c in noun.children if c.dep_ == "prep" and c.i > noun.i), "on")
    out = []
    for item in items:
        words = [t for t in item if not t.is_punct and (t.dep_ != "det" or t.i != item[0].i)]
        out.append((f"{head} {link} {phrase_text(words)}", words))
    return out


def _opens_with_a_document(ctx: ArticleContext, item: list[Token]) -> bool:
    nouns = [t for t in item[:4] if t.pos_ in ("NOUN", "PROPN")]
    return bool(nouns) and (in_lexicon(ctx, nouns[0], "agreement_nouns")
                            or in_lexicon(ctx, nouns[0], "signing_nouns"))
