"""Gazetteer of states, cities, organisations and people (data/gazetteer/*.tsv).

The TSVs are produced at development time by scripts/build_gazetteer.py and ship with the repo;
this module only reads them (no network). See data/gazetteer/SOURCES.md for provenance.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from relgraph.name_keys import (  # noqa: F401  (re-exported: the keys are part of the gazetteer's API)
    _surface, abbreviation_key, edit_distance_at_most_one, is_abbreviation, norm_key, strip_accents,
)
from relgraph.namespaces import DBR, GN, WD

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "data" / "gazetteer"
PATTERN_CITY_MIN_POPULATION = 500_000
FUZZY_MIN_LENGTH = 5

# Honorifics stripped before person matching (the scorer ignores Mr/Dr too).
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "h.e", "he", "hon", "president", "premier",
               "minister", "prince", "sheikh", "shaikh", "king", "emir", "ayatollah", "general", "gen",
               "syed", "mian", "makhdoom"}

# Names too ambiguous to tag blindly in running text. They stay in the lookup tables (a span that
# NER already calls an organisation may still resolve to them), but get no EntityRuler pattern.
_NO_PATTERN = {
    "security council", "general assembly", "commonwealth", "reliance", "total", "shell", "quad",
    "sputnik", "amnesty", "the news", "the nation", "dawn", "the hindu", "congress party", "fatah",
    "the guardian", "the economist", "the diplomat", "mint", "rt", "ria", "pia", "apec",
    "red cross", "raw", "anadolu", "wagner", "houthi", "nikkei", "the kremlin", "kremlin",
    "white house", "the white house", "pentagon", "state department", "department of state",
    "department of defense", "lula", "prachanda", "jokowi", "abu mazen", "holland", "america",
    "congo", "macedonia", "bosnia", "micronesia", "georgia", "jersey", "victoria",
    "male", "mobile", "reading", "split", "nice", "bath", "orange", "hamilton", "kingston",
    "sucre", "praia", "mercedes", "santa clara", "aurora", "columbia", "columbus", "concord",
    "independence", "lincoln", "jackson", "jacksonville", "madison", "lafayette", "charlotte",
    "salem", "eugene", "tyler", "sandy springs", "carrollton",
    "david", "roseau", "apia", "honcho", "sale", "van", "natal", "erode", "canton",
    "queens", "union state", "crisis group", "the diplomat",
}
# Two-letter capitals are usually ambiguous ("AP", "PA", "IS"); only these are tagged.
_SHORT_ABBREVIATIONS_OK = {"US", "UK", "UN", "EU", "AU", "G7"}

# Lower-case dictionary words within edit distance 1 of a state name/alias (>= 5 letters), so
# fuzzy_state never turns a real word into a country ("chine", "persia"...). Generated with
# `scripts/build_gazetteer.py --print-fuzzy-blocklist` from /usr/share/dict/words (wamerican).
_FUZZY_BLOCKLIST = frozenset("""
angora begin belie benign bongo brunet burka cambia chicle chide child chiles chili chill chime
chink chino chins chive condo conga franc francs gambit germane grenade guineas hungry inland
japans malts nicer nigher niter noway pilau prance samba sedan semen sepal slain spawn sprain
stain surname swain tiger tongs trance turkeys turnkey while yeomen
""".split())
# Real places that are one edit away from a state in the table but are not it.
_OTHER_PLACES = frozenset({
    "prussia", "austria-hungary", "rhodesia", "persia", "siam", "ceylon", "zaire", "bohemia",
    "bavaria", "kurdistan", "scotland", "wales", "england", "somaliland", "abkhazia", "transnistria",
    "crimea", "donbas", "kashmir", "tibet", "xinjiang", "punjab", "bengal", "malaya", "nubia",
    "galicia", "moravia", "silesia", "dalmatia", "serbia and montenegro", "guiana", "samaria",
    "nevis", "tobago", "zanzibar", "biafra", "katanga", "darfur", "tigray", "gaza", "west bank",
})


@dataclass(frozen=True)
class GazEntry:
    """One gazetteer row, whatever its kind."""

    # For a city, `capitals` holds the state it is the national capital of (empty otherwise).
    kind: str                 # "state" | "city" | "organization" | "person"
    name: str                 # canonical name
    aliases: tuple[str, ...]
    wikidata: str | None      # bare QID
    dbpedia: str | None       # resource name
    geonames: str | None      # numeric id
    state: str | None         # canonical state name (cities, organizations)
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    org_kind: str | None = None
    population: int | None = None
    sovereign: bool = True
    historical: bool = False

    def same_as(self) -> list[str]:
        """Full IRIs of the external records this entry is linked to."""
        out = []
        if self.wikidata:
            out.append(f"{WD}{self.wikidata}")
        if self.dbpedia:
            out.append(f"{DBR}{self.dbpedia}")
        if self.geonames:
            out.append(f"{GN}{self.geonames}/")
        return out

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


class _Index:
    """Name -> entries, with a case-sensitive side for abbreviations ("US" but never "us")."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[GazEntry]] = {}
        self.by_abbrev: dict[str, list[GazEntry]] = {}

    def add(self, name: str, entry: GazEntry) -> None:
        if is_abbreviation(name):
            self._put(self.by_abbrev, abbreviation_key(name), entry)
        else:
            self._put(self.by_key, norm_key(name), entry)

    @staticmethod
    def _put(table: dict, key: str | None, entry: GazEntry) -> None:
        if key:
            bucket = table.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    def get(self, text: str) -> list[GazEntry]:
        if not text or not text.strip():
            return []
        abbrev = abbreviation_key(text)
        if abbrev is not None and abbrev in self.by_abbrev:
            return self.by_abbrev[abbrev]
        return self.by_key.get(norm_key(text), [])


# ---------------------------------------------------------------------------------------------
# the gazetteer
# ---------------------------------------------------------------------------------------------

class Gazetteer:
    """In-memory lookups over the shipped TSVs. Use default_gazetteer() for the shared instance."""

    def __init__(self, states: list[GazEntry], cities: list[GazEntry], organizations: list[GazEntry],
                 people: list[GazEntry], name_variants: list[tuple[str, ...]]) -> None:
        self.states, self.cities = states, cities
        self.organizations, self.people = organizations, people
        self._variant_of = self._variant_table(name_variants)
        self._states = self._index(states)
        self._cities = self._index(cities)
        self._orgs = self._index(organizations)
        self._demonyms = _Index()
        self._capitals = _Index()
        # current states first so that "Moscow" and "Soviet" resolve sensibly
        for s in sorted(states, key=lambda e: e.historical):
            for d in s.demonyms:
                self._demonyms.add(d, s)
            for c in s.capitals:
                self._capitals.add(c, s)
        self._people: dict[str, GazEntry] = {}
        for p in people:
            for n in p.names:
                self._people.setdefault(self.name_variant_key(n), p)
        # filed by length: a near miss differs by at most one letter, so only three lengths count
        self._fuzzy_names: dict[int, list[tuple[str, GazEntry]]] = {}
        for s in states:
            for n in s.names:
                if len(norm_key(n)) >= FUZZY_MIN_LENGTH and not is_abbreviation(n):
                    self._fuzzy_names.setdefault(len(norm_key(n)), []).append((norm_key(n), s))

    # -- loading ------------------------------------------------------------------------------

    @classmethod
    def load(cls, directory: Path | None = None) -> "Gazetteer":
        """Read the TSVs from `directory` (default: <repo>/data/gazetteer)."""
        d = Path(directory) if directory else DEFAULT_DIRECTORY
        states = [cls._state(r) for r in _read_tsv(d / "states.tsv")]
        cities = cls._english_city_names([cls._city(r) for r in _read_tsv(d / "cities.tsv")],
                                         d / "city_exonyms.tsv")
        orgs = [cls._org(r) for r in _read_tsv(d / "organizations.tsv")]
        people = [cls._person(r) for r in _read_tsv(d / "people.tsv")]
        variants = [_split(line) for line in (d / "name_variants.tsv").read_text(encoding="utf-8").splitlines()
                    if line.strip()]
        return cls(states, cities, orgs, people, variants)

    @staticmethod
    def _english_city_names(cities: list[GazEntry], path: Path) -> list[GazEntry]:
        """GeoNames' main name is sometimes the local one ("Geneve"): use the English one that news
        writes, keeping the local name as an alias. The curated list is city_exonyms.tsv."""
        if not path.exists():
            return cities
        english = {r["geonames"]: r["name"] for r in _read_tsv(path)}
        out = []
        for c in cities:
            name = english.get(c.geonames or "")
            if name and name != c.name:
                c = replace(c, name=name, aliases=(c.name, *[a for a in c.aliases if a != name]))
            out.append(c)
        return out

    @staticmethod
    def _state(r: dict[str, str]) -> GazEntry:
        return GazEntry("state", r["name"], _split(r["aliases"]), r["wikidata"] or None, r["dbpedia"] or None,
                        r["geonames"] or None, None, demonyms=_split(r["demonyms"]),
                        capitals=_split(r["capitals"]), sovereign=r["sovereign"] == "true",
                        historical=r["historical"] == "true")

    @staticmethod
    def _city(r: dict[str, str]) -> GazEntry:
        capital = r["capital"] == "true"
        return GazEntry("city", r["name"], _split(r["aliases"]), r["wikidata"] or None, r["dbpedia"] or None,
                        r["geonames"] or None, r["state"] or None,
                        population=int(r["population"]) if r["population"] else None,
                        capitals=(r["state"],) if capital else ())

    @staticmethod
    def _org(r: dict[str, str]) -> GazEntry:
        return GazEntry("organization", r["name"], _split(r["aliases"]), r["wikidata"] or None,
                        r["dbpedia"] or None, None, r["state"] or None, org_kind=r["kind"] or None)

    @staticmethod
    def _person(r: dict[str, str]) -> GazEntry:
        return GazEntry("person", r["name"], _split(r["aliases"]), r["wikidata"] or None, r["dbpedia"] or None,
                        None, r.get("state") or None)

    @staticmethod
    def _index(entries: Iterable[GazEntry]) -> _Index:
        idx = _Index()
        for e in entries:
            for n in e.names:
                idx.add(n, e)
        return idx

    # -- lookups ------------------------------------------------------------------------------

    def state(self, text: str) -> GazEntry | None:
        """State by canonical name, alias or official name ("US", "Türkiye", "Pakistan's")."""
        hits = self._states.get(text)
        return hits[0] if hits else None

    def state_by_demonym(self, text: str) -> GazEntry | None:
        """"Russian" -> Russia, "Soviet" -> Soviet Union, "Emirati" -> United Arab Emirates."""
        hits = self._demonyms.get(text)
        if not hits:
            t = _surface(text)
            if t.endswith("s") and len(t) > 4:  # plural nouns: "Russians", "Pakistanis"
                hits = self._demonyms.get(t[:-1])
        return hits[0] if hits else None

    def state_by_capital(self, text: str) -> GazEntry | None:
        """"Moscow" -> Russia (capital metonymy); current states win over historical ones."""
        hits = self._capitals.get(text)
        return hits[0] if hits else None

    def city(self, text: str, prefer_state: str | None = None) -> GazEntry | None:
        """City by name/alias; among namesakes prefer `prefer_state`, then capitals, then population."""
        hits = self._cities.get(text)
        if not hits:
            return None
        return max(hits, key=lambda c: (c.state == prefer_state, bool(c.capitals), c.population or 0))

    def organization(self, text: str) -> GazEntry | None:
        hits = self._orgs.get(text)
        return hits[0] if hits else None

    def person(self, text: str) -> GazEntry | None:
        """Person by full name or alias, tolerant of transliteration variants and honorifics."""
        key = self.name_variant_key(text)
        return self._people.get(key) if key else None

    # -- names --------------------------------------------------------------------------------

    @staticmethod
    def _variant_table(lines: list[tuple[str, ...]]) -> dict[str, str]:
        table: dict[str, str] = {}
        for forms in lines:
            rep = norm_key(forms[0])
            for f in forms:
                table.setdefault(norm_key(f), rep)
        return table

    def name_variant_key(self, name: str) -> str:
        """Key under which spellings of one person collide ("Sergey Lavrov" == "Sergei Lavrov")."""
        tokens = norm_key(name.replace("-", " ")).split()
        while tokens and tokens[0] in _HONORIFICS and len(tokens) > 2:
            tokens = tokens[1:]
        return " ".join(self._variant_of.get(t, t) for t in tokens)

    def fuzzy_state(self, text: str) -> GazEntry | None:
        """Typo-tolerant state lookup: one edit on names of >= 5 letters, only when unambiguous.

        Never fires for a known name of anything else (demonym, city, other place) nor for an
        ordinary English word, so "Russian", "Prussia" and "Austria" keep their own meaning.
        """
        exact = self.state(text)
        if exact:
            return exact
        key = norm_key(text)
        if _surface(text).islower():  # country names are capitalised; "chine" is a word
            return None
        if len(key.replace(" ", "")) < FUZZY_MIN_LENGTH or key in _FUZZY_BLOCKLIST or key in _OTHER_PLACES:
            return None
        if self.state_by_demonym(text) or self._cities.get(text) or self._orgs.get(text) \
                or self.person(text) or self.state_by_capital(text):
            return None
        found = {s.name: s for length in (len(key) - 1, len(key), len(key) + 1)
                 for k, s in self._fuzzy_names.get(length, ()) if edit_distance_at_most_one(key, k)}
        return next(iter(found.values())) if len(found) == 1 else None

    # -- spaCy --------------------------------------------------------------------------------

    def entity_ruler_patterns(self) -> list[dict]:
        """EntityRuler token patterns: states/aliases (GPE), demonyms (NORP), big cities and
        capitals (GPE), organisations (ORG) and people (PERSON). Ids are "<kind>:<canonical>"."""
        return list(_patterns(self))


def _tokens(text: str) -> list[str]:
    return [t.text for t in _tokenizer()(text)]


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy  # local import: only pattern building needs spaCy
    return spacy.blank("en").tokenizer


def _pattern(text: str) -> list[dict] | None:
    """Single words and abbreviations match case-sensitively (ORTH) so that "us", "turkey" or
    "chad" in lower case never match; longer names match case-insensitively (LOWER)."""
    tokens = _tokens(text)
    if not tokens:
        return None
    if len(tokens) == 1:
        return [{"ORTH": tokens[0]}]
    return [{"ORTH": t} if is_abbreviation(t) else {"LOWER": t.lower()} for t in tokens]


def _taggable(name: str) -> bool:
    if norm_key(name) in _NO_PATTERN or len(name) < 2:
        return False
    if is_abbreviation(name) and len(name.replace(".", "")) == 2:
        return name.replace(".", "") in _SHORT_ABBREVIATIONS_OK
    return True


def _patterns(gaz: Gazetteer):
    seen: set[tuple[str, str]] = set()
    state_keys = {norm_key(n) for s in gaz.states for n in s.names}

    def emit(label: str, pid: str, name: str):
        if not _taggable(name):
            return None
        pat = _pattern(name)
        key = (label, repr(pat))
        if pat is None or key in seen:
            return None
        seen.add(key)
        return {"label": label, "pattern": pat, "id": pid}

    for s in gaz.states:
        for n in s.names:
            yield from filter(None, [emit("GPE", f"state:{s.name}", n)])
        for d in s.demonyms:
            yield from filter(None, [emit("NORP", f"demonym:{s.name}", d)])
    for c in gaz.cities:
        if not c.capitals and (c.population or 0) < PATTERN_CITY_MIN_POPULATION:
            continue
        for n in c.names:
            if norm_key(n) not in state_keys:  # "Singapore", "Kuwait": the state wins
                yield from filter(None, [emit("GPE", f"city:{c.name}", n)])
    for o in gaz.organizations:
        for n in o.names:
            yield from filter(None, [emit("ORG", f"org:{o.name}", n)])
    for p in gaz.people:
        for n in p.names:
            if len(_tokens(n)) > 1:  # never a bare surname
                yield from filter(None, [emit("PERSON", f"person:{p.name}", n)])


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer loaded from the repository's data/gazetteer directory."""
    return Gazetteer.load()
