"""When two spellings name one person: transliteration variants, middle names, initials, surnames.

Used per article (relgraph.nlp.people) and across the corpus (relgraph.resolve). Names are
compared as lists of sound keys, one per word: 'Lyashko' and 'Liashko', 'Zelensky' and
'Zelenskyy', 'Shyaa' and 'Shia' have the same key. Two full names are one person when they
agree on their first and last words and the shorter one's words all occur, in order, in the longer
one ('Mia Mottley' / 'Mia Amor Mottley'; 'KP Sharma Oli' / 'Khadga Prasad Sharma Oli', whose
initials stand for words), or when the shorter one begins the longer ('Luis Arce' / 'Luis Arce
Catacora'). A single word is a surname, or a given name used alone, of a full name
that begins or ends with it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Spelling differences of one sound across transliterations, applied in order.
_SOUND_RULES = (("y", "i"), ("ou", "u"), ("w", "v"), ("ph", "f"), ("ck", "k"), ("q", "k"),
                ("c", "k"), ("x", "ks"), ("dj", "j"))
_WORD_BREAK = re.compile(r"[\s\-‐]+")
# sound keys: 'uld' is 'Ould' (Hassaniya 'son of': 'Sidi Ould Tah' is 'Ould Tah' again)
_PARTICLES = {"al", "el", "bin", "bint", "ibn", "uld", "de", "da", "di", "van", "von", "der", "la", "le",
              "ul", "ud"}


# A corpus compares every new name with the names already known under the same word, so the
# same words are keyed again and again: the keys are cached (they depend on the text alone).
@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """One word's key: no accents, case, apostrophes; variant letters unified; letters not doubled."""
    text = unicodedata.normalize("NFKD", word)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]", "", text)
    text = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", text)  # 'Mustafayev' / 'Mustafaev', 'Aliyev' / 'Aliev'
    for old, new in _SOUND_RULES:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def name_keys(name: str) -> list[str]:
    """The sound keys of a name's words (hyphenated parts count as words). A long surname's last
    vowel is written as 'e' ('Dissanayaka' / 'Dissanayake'), never dropped ('Ivanov' / 'Ivanova')."""
    return list(_name_keys(name))


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> tuple[str, ...]:
    keys = [k for k in (sound_key(w) for w in _WORD_BREAK.split(name)) if k]
    if len(keys) >= 2:
        keys[-1] = _surname_vowel(keys[-1])
    return tuple(keys)


def _surname_vowel(key: str) -> str:
    return key[:-1] + "e" if len(key) >= 7 and key[-1] in "aeiou" else key


def _initials(word: str) -> list[str] | None:
    """'KP', 'K.P.', 'K.' -> ['k', 'p'], ['k']: up to three capitals stand for as many names."""
    letters = word.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and 1 <= len(letters) <= 3):
        return None
    return list(letters.lower()) if len(letters) > 1 or word.endswith(".") else None


def expand_initials(name: str) -> list[str | tuple[str]]:
    """Sound keys, with each run of initials as one-letter tuples: ('k',), ('p',)."""
    return list(_expand_initials(name))


@lru_cache(maxsize=65536)
def _expand_initials(name: str) -> tuple[str | tuple[str], ...]:
    out: list[str | tuple[str]] = []
    for word in _WORD_BREAK.split(name):
        letters = _initials(word)
        if letters:
            out.extend((letter,) for letter in letters)
        elif sound_key(word):
            out.append(sound_key(word))
    return tuple(out)


def _same_word(a: str | tuple[str], b: str | tuple[str]) -> bool:
    if isinstance(a, tuple) or isinstance(b, tuple):
        first_a = a[0] if isinstance(a, tuple) else a[:1]
        first_b = b[0] if isinstance(b, tuple) else b[:1]
        return first_a == first_b
    return a == b


def _in_order(short: list, long: list) -> bool:
    i = 0
    for word in long:
        if i < len(short) and _same_word(short[i], word):
            i += 1
    return i == len(short)


def _core(words: list) -> list:
    return [w for w in words if w not in _PARTICLES]


def same_full_name(a: str, b: str) -> bool:
    """Two names of two or more words for one person (see the module docstring)."""
    wa, wb = _expand_initials(a), _expand_initials(b)
    if len(_core(wa)) < 2 or len(_core(wb)) < 2:
        return False
    if wa == wb or _name_keys(a) == _name_keys(b):
        return True
    if len(wa) == len(wb) == 2 and wa == wb[::-1]:
        return True  # 'KAMIKAWA Yoko' / 'Yoko Kamikawa': the family name first or last
    short, long = sorted((wa, wb), key=len)
    if long[:len(short)] == short:
        return True  # 'Luis Arce' / 'Luis Arce Catacora': a second surname or a dynasty name after
    return (_same_word(short[0], long[0]) and _same_word(short[-1], long[-1])
            and not isinstance(short[-1], tuple) and _in_order(short, long))


def names_by_single_word(word: str, names: list[str]) -> list[str]:
    """The full names that `word` can stand for alone: those ending with it (a surname), else those
    holding it inside ('Arce' of 'Luis Arce Catacora'), else those beginning with it (a family
    name written first, or a given name used alone)."""
    key = sound_key(word)
    full = [n for n in names if len(_name_keys(n)) >= 2]
    for position, form in ((lambda keys: keys[-1:], _surname_vowel), (lambda keys: keys[1:-1], str),
                           (lambda keys: keys[:1], str)):
        found = [n for n in full if form(key) in position(_name_keys(n))]
        if found:
            return found
    return []


def names_by_surname(surname: str, names: list[str]) -> list[str]:
    """Full names whose later words contain the words of `surname` ('Al Khater', 'Akufo-Addo') in a row."""
    keys = _name_keys(surname)
    if len(keys) == 1:
        return names_by_single_word(surname, names)
    found = []
    for n in names:
        nk = _name_keys(n)
        if any(nk[i:i + len(keys)] == keys for i in range(1, len(nk) - len(keys) + 1)):
            found.append(n)
    return found


def lookup_words(name: str) -> set[str]:
    """The words under which a corpus index files a name: its first and its last word (the last
    one as a surname is compared, so that a one-word name is found as a surname, too)."""
    keys = _name_keys(name)
    return {keys[0], keys[-1], _surname_vowel(keys[-1])} if keys else set()


def corpus_match(name: str, known: list[str]) -> list[str]:
    """The names among `known` (found through `lookup_words`) that `name` may be, by the rules above."""
    if len(_core(_name_keys(name))) <= 1:
        return names_by_surname(name, known) or [k for k in known if _name_keys(k) == _name_keys(name)]
    found = [k for k in known if same_full_name(name, k)]
    found += [k for k in known if len(_core(_name_keys(k))) <= 1 and name in names_by_surname(k, [name])]
    return found


def core_length(name: str) -> int:
    """How many words of `name` are not particles: two or more make a full name for `corpus_match`."""
    return len(_core(_name_keys(name)))


def surname_form(key: str) -> str:
    """A word's key as it is compared at the end of a name (`name_keys`)."""
    return _surname_vowel(key)
