"""Name normalisation shared by gold loading and matching, the same as the referee's.

Every comparison of a system name with a gold name goes through `fold` (case, accents and
punctuation ignored), `fold_person` (forms of address ignored too) or `post_title` (state words
dropped from an office title), and every spelling resolves to one key through `NameIndex`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Alternative names of states that gold files need not list (normalised form -> normalised canonical).
COMMON_STATE_NAMES: dict[str, str] = {
    "america": "united states",
    "u s": "united states",
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "uk": "united kingdom",
    "union of soviet socialist republics": "soviet union",
    "ussr": "soviet union",
    "uae": "united arab emirates",
    "russian federation": "russia",
    "people s republic of china": "china",
    "prc": "china",
    "islamic republic of iran": "iran",
    "islamic republic of pakistan": "pakistan",
    "republic of turkey": "turkey",
    "turkiye": "turkey",
}

# Adjectives of nationality that are dropped from post titles ("Russian Foreign Minister").
NATIONALITY_WORDS: frozenset[str] = frozenset({
    "afghan", "american", "azerbaijani", "bangladeshi", "british", "chinese", "egyptian", "emirati",
    "european", "french", "german", "indian", "iranian", "iraqi", "israeli", "japanese", "kazakh",
    "kuwaiti", "kyrgyz", "pakistani", "palestinian", "qatari", "russian", "saudi", "soviet", "syrian",
    "tajik", "turkish", "turkmen", "ukrainian", "uzbek",
})

# Forms of address ignored in person names ("Mr Lavrov", "Dr. X", "H.E. Y").
TITLES_OF_ADDRESS: frozenset[str] = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "h", "e"})

_APOSTROPHES = re.compile(r"[’'`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: object) -> str:
    """Lower-case ASCII form of a name: accents removed, apostrophes dropped, any other run of
    punctuation or spaces turned into one space ("Qureshi's" -> "qureshis", "Pak-Russia" -> "pak russia")."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = _APOSTROPHES.sub("", plain)
    return _NON_ALNUM.sub(" ", plain).strip()


def fold_person(text: object) -> str:
    """`fold` without forms of address: "Mr. Sergey Lavrov" -> "sergey lavrov"."""
    return " ".join(word for word in fold(text).split() if word not in TITLES_OF_ADDRESS)


def post_title(role: str, state_words: Iterable[str]) -> str:
    """A post title without state words: "Foreign Minister of the Russian Federation"-style
    suffixes "of <state>" are cut, then nationality adjectives, "the" and one-word state names
    are dropped. "Russian Foreign Minister" -> "foreign minister"; "Deputy Foreign Minister" stays
    "deputy foreign minister"."""
    title = fold(role)
    # Longest state names first, so "of united states" is cut before "of states" could be.
    for state in sorted(set(state_words), key=lambda s: (-len(s), s)):
        suffix = " of " + state
        if state and title.endswith(suffix):
            title = title[: -len(suffix)]
    dropped = NATIONALITY_WORDS | {"the"} | set(state_words)
    return " ".join(word for word in title.split() if word not in dropped)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when two ISO dates of any precision can denote the same day ("2021-04" and
    "2021-04-06"), or when either is unknown."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def local_name(iri: str) -> str:
    """The part of an IRI after its last '/' or '#'."""
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class NameIndex:
    """Resolves every spelling known from the gold (names, aliases, common state names) to one
    canonical key, the folded canonical name. The first entity to claim a spelling keeps it."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = dict(COMMON_STATE_NAMES)

    def register(self, key: str, spellings: Iterable[str]) -> None:
        """Make every spelling (with and without forms of address) resolve to `key`."""
        for spelling in spellings:
            for form in (fold_person(spelling), fold(spelling)):
                if form:
                    self._keys.setdefault(form, key)

    def key_of(self, text: str) -> str | None:
        """The key registered for exactly this folded spelling (forms of address kept), or None."""
        return self._keys.get(fold(text))

    def known(self, text: str) -> str | None:
        """The key of a spelling already registered, or None."""
        return self._keys.get(fold(text)) or self._keys.get(fold_person(text)) or None

    def canon(self, text: str | None) -> str | None:
        """The canonical key of `text`: a registered key when the spelling is known, otherwise
        its folded form."""
        if text is None:
            return None
        return self.known(text) or fold(text)

    def canon_all(self, texts: Iterable[str] | None) -> set[str]:
        """`canon` of each of `texts` (None counts as empty)."""
        return {self.canon(t) for t in texts or []}

