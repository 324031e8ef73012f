"""Keys under which names are filed and compared: accents, quotes, case, a leading "the" and a
trailing possessive do not count ("Côte d’Ivoire" == "cote d ivoire"); short all-caps forms keep
their case ("US", never "us"). Used by the gazetteer and by every rule that looks a name up."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def _surface(text: str) -> str:
    """Trim a mention: quotes unified, leading "the", trailing possessive and punctuation removed."""
    t = " ".join(text.translate(_QUOTES).split()).strip(" \"“”,;:()[]")
    t = re.sub(r"(?:'s|')$", "", t)
    t = re.sub(r"^(?:the|The|THE)\s+", "", t)
    return t.strip(" ,;:")


# Rules ask the gazetteer about the same few thousand surface strings over and over (every
# mention, every candidate name): the keys depend on the text alone, so they are cached.
@lru_cache(maxsize=131072)
def norm_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key ("Côte d’Ivoire" == "cote d ivoire")."""
    t = strip_accents(_surface(text)).lower().replace("&", " and ")
    t = re.sub(r"[^\w]+", " ", t)
    return " ".join(t.split())


@lru_cache(maxsize=131072)
def abbreviation_key(text: str) -> str | None:
    """Case-sensitive key for short all-caps forms ("U.S." -> "US"); None if not one."""
    t = _surface(text).replace(".", "").replace(" ", "")
    letters = [c for c in t if c.isalpha()]
    if not (2 <= len(t) <= 7) or len(letters) < 2 or sum(c.isupper() for c in letters) < 2:
        return None
    return t


def is_abbreviation(alias: str) -> bool:
    return " " not in alias.strip() and abbreviation_key(alias) is not None and \
        sum(c.islower() for c in alias) <= 1


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]
