"""spaCy's rule lemmatizer with its per-token loop on attribute arrays.

The model's lemmatizer walks every token in Python, builds a key from a Token and a MorphAnalysis
and calls its rules, which cache their answer for most keys but not for proper nouns, punctuation or
base forms (a third of a news text's tokens). Its rule mode is a pure function of the token's text,
part of speech and morphology (ORTH, POS, MORPH: its English `is_base_form` reads only the last two),
so `lemmatize_doc` reads those three from `Doc.to_array`, asks the lemmatizer only for a key it has
not answered before, and writes all lemmas back with one `Doc.from_array`. Same lemmas.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

KEY_ATTRS = [ORTH, POS, MORPH, LEMMA]
MAX_KEYS = 500_000   # the table of answers is emptied past this many keys
# the base forms these read are decided by POS and MORPH alone (spacy/lang/en/lemmatizer.py)
PURE_BASE_FORMS = (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)


def lemmatize_doc(lemmatizer: Lemmatizer, doc: Doc, answers: dict[tuple[int, int, int], int]) -> Doc:
    """What `lemmatizer(doc)` does: a lemma for each token without one (every token with
    `overwrite`), each key's answer taken from `answers` once the lemmatizer has given it."""
    if not len(doc):
        return doc
    rows = doc.to_array(KEY_ATTRS)
    lemmas = rows[:, 3].copy()
    strings, overwrite = doc.vocab.strings, lemmatizer.overwrite
    if len(answers) > MAX_KEYS:
        answers.clear()
    for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
        if lemma and not overwrite:
            continue
        found = answers.get((orth, pos, morph))
        if found is None:
            found = answers[(orth, pos, morph)] = strings.add(lemmatizer.lemmatize(doc[i])[0])
        lemmas[i] = found
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))
    return doc


def install(lemmatizer: Lemmatizer) -> Lemmatizer:
    """Make `lemmatizer` run through `lemmatize_doc` when its answers are a function of (ORTH, POS,
    MORPH): spaCy's rule mode with the base or English base-form test. spaCy calls a component
    through its type, so the instance gets a subclass whose __call__ is the fast one."""
    base = type(lemmatizer)
    if lemmatizer.mode != "rule" or base.rule_lemmatize is not Lemmatizer.rule_lemmatize \
            or base.is_base_form not in PURE_BASE_FORMS:
        return lemmatizer
    answers: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated or doc.vocab is not self.vocab:
            # spaCy validates its tables (and raises) the first time; the answers hold hashes of
            # this vocab's strings, so a doc of another vocab goes the slow way
            return base.__call__(self, doc)
        try:
            return lemmatize_doc(self, doc, answers)
        except Exception as exc:  # noqa: BLE001 - spaCy's own error handler decides, as in its __call__
            return self.get_error_handler()(self.name, self, [doc], exc)

    lemmatizer.__class__ = type(f"Fast{base.__name__}", (base,), {"__call__": __call__})
    return lemmatizer
