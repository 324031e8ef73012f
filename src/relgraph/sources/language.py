"""The language of an article's text, detected offline with py3langid.

relgraph's rules read English only, so what a build needs to know is whether a text is English.
The detector's probabilities are normalised over its ~100 languages, and a text in one language
often splits its mass between close relatives (Arabic: `ar`, `ary`, `arz`), so the decision is made
on P(not English) = 1 - P(en), not on the top language's own probability.

Thresholds, measured on the 110 English articles of the dev set, the check sets and data/articles
(every window of N characters of their texts) and on French, Spanish, German, Russian and Arabic
news texts (tests/fixtures/languages):

- windows of 150 characters: one English window reached P(not English) >= 0.99; of 200: none
  (the highest was 0.955, a sentence full of German names); whole English articles: at most 0.0006.
- the foreign texts: P(not English) > 0.9999 from their first 100 characters on.

So a text of at least MIN_CHARS characters is foreign when P(not English) >= MIN_NOT_ENGLISH and
English when P(en) >= MIN_NOT_ENGLISH. A shorter or undecided text takes the language its page
declares (`<html lang>`), or none: it is kept. A declared language is a hint only, because page
templates often declare their site's language whatever the story is written in, so it never
overrides a decided detection.
"""
from __future__ import annotations

from functools import lru_cache

ENGLISH = "en"
MIN_CHARS = 200
MIN_NOT_ENGLISH = 0.99
# The detector's time grows with the text (2.6 ms for a 3,300-character article); its verdict is
# settled long before this many characters, so a 2,000,000-character text costs no more than this.
SAMPLE_CHARS = 10_000


@lru_cache(maxsize=1)
def _identifier():
    # Once per process, and only when a text is long enough to be checked; the model's arrays come
    # unpacked from relgraph's cache (sources/langid_model.py), not decompressed again each time.
    from py3langid.langid import LanguageIdentifier

    from relgraph.sources.langid_model import model_arrays

    ptc, pc, classes, nextmove, row, output = model_arrays()
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def primary_subtag(tag: str | None) -> str | None:
    """'en' of 'en-US' / 'EN_gb'; None for a missing or malformed tag."""
    if not tag:
        return None
    head = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return head if head.isalpha() and 2 <= len(head) <= 3 else None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """The language code of `text` ('en', 'fr', 'ar'...), or `declared`'s primary subtag when the
    text is too short or the detector undecided, or None when neither says."""
    hint = primary_subtag(declared)
    if len(text.strip()) < MIN_CHARS:
        return hint
    ranked = _identifier().rank(text[:SAMPLE_CHARS])
    english = dict(ranked).get(ENGLISH, 0.0)
    if english >= MIN_NOT_ENGLISH:
        return ENGLISH
    if 1.0 - english >= MIN_NOT_ENGLISH:
        return next(code for code, _p in ranked if code != ENGLISH)
    return hint


def is_foreign(language: str | None) -> bool:
    """True when an article's language is known and is not English (the build skips it)."""
    return language is not None and language != ENGLISH
