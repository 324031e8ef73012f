"""Builders for the hF gold files and the check each file must pass before it is written.

Every reference inside a gold file (agreement parties, project participants and locations,
event participants and places, the state of a person's role or of an organisation) must name an
entity listed in the same file; no person, state or organisation may be listed twice; every
city has a state; dates are YYYY, YYYY-MM or YYYY-MM-DD; every event has a participant. State
Wikidata ids and official names are taken from shared/reference/countries.csv, never typed by hand.
Two more checks use the referee's own normalisation (shared/eval/score.py), so they fail the way
scoring would: each agreement and project label must satisfy one of its keyword alternatives
(otherwise the keywords describe something else), and each person, state, organisation and city
must appear in its article under its name or one of its aliases (a typo or a name that is only
in the writer's head).
"""
import csv
import json
import re
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
GOLD = TOOLS.parent / "gold"
ARTICLES = TOOLS.parent / "articles"
COUNTRIES = Path("/work/shared/reference/countries.csv")
EVENT_TYPES = {"Visit", "Meeting", "Consultation", "PressConference", "Signing", "Statement"}
# Dates are as precise as the text allows: a year, a month or a day.
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
REFEREE = Path("/work/shared/eval")
sys.path.insert(0, str(REFEREE))
import score  # noqa: E402  (the referee: its norm() and has_keywords() are what matching uses)


def _load_countries(path: Path) -> dict:
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["name"]: row for row in csv.DictReader(fh)}


_COUNTRY = _load_countries(COUNTRIES)


def role(title: str, st, *aliases: str) -> dict:
    return {"role": title, "role_aliases": list(aliases), "state": st}


def person(name: str, *roles: dict, aliases=(), wikidata=None) -> dict:
    return {"name": name, "aliases": list(aliases), "wikidata": wikidata, "roles": list(roles)}


def state(name: str, actor: bool = True, aliases=None) -> dict:
    """A state from the reference list; by default its official name is its one alias."""
    row = _COUNTRY.get(name)
    if row is None:
        raise KeyError(f"{name!r} is not a name in {COUNTRIES}")
    if aliases is None:
        aliases = [row["official_name"]] if row["official_name"] not in ("", name) else []
    return {"name": name, "aliases": list(aliases), "wikidata": row["wikidata"], "actor": actor}


def org(name: str, st=None, aliases=(), wikidata=None) -> dict:
    return {"name": name, "aliases": list(aliases), "wikidata": wikidata, "state": st}


def city(name: str, st, aliases=()) -> dict:
    """A city; aliases (local spellings) are written only when there are some."""
    out = {"name": name, "state": st}
    if aliases:
        out["aliases"] = list(aliases)
    return out


def agreement(label: str, keywords: list, parties, date=None) -> dict:
    return {"label": label, "keywords": keywords, "parties": list(parties), "date": date}


def project(label: str, keywords: list, participants=(), locations=()) -> dict:
    return {"label": label, "keywords": keywords, "participants": list(participants), "locations": list(locations)}


def event(kind: str, label: str, participants, place=None, date=None) -> dict:
    if kind not in EVENT_TYPES:
        raise ValueError(f"event {label!r}: unknown type {kind!r}")
    return {"type": kind, "label": label, "participants": list(participants), "place": place, "date": date}


def problems_of(doc: dict) -> list:
    """Every dangling reference or duplicate in one gold document, as readable lines."""
    states = {s["name"] for s in doc["states"]}
    actors = states | {p["name"] for p in doc["persons"]} | {o["name"] for o in doc["organizations"]}
    places = states | {c["name"] for c in doc["cities"]}
    out = []
    for p in doc["persons"]:
        out += [f"person {p['name']}: role state {r['state']!r}" for r in p["roles"]
                if r["state"] is not None and r["state"] not in states]
    out += [f"organization {o['name']}: state {o['state']!r}" for o in doc["organizations"]
            if o["state"] is not None and o["state"] not in states]
    out += [f"city {c['name']}: state {c['state']!r} (kept outside `states` only if never named)"
            for c in doc["cities"] if c["state"] is None]
    for a in doc["agreements"]:
        out += [f"agreement {a['label']}: party {x!r}" for x in a["parties"] if x not in actors]
    for pr in doc["projects"]:
        out += [f"project {pr['label']}: participant {x!r}" for x in pr["participants"] if x not in actors]
        out += [f"project {pr['label']}: location {x!r}" for x in pr["locations"] if x not in places]
    for e in doc["events"]:
        out += [f"event {e['label']}: participant {x!r}" for x in e["participants"] if x not in actors]
        if e["place"] is not None and e["place"] not in places:
            out.append(f"event {e['label']}: place {e['place']!r}")
    dated = [("published", doc["published"])] + [(f"agreement {a['label']}", a["date"]) for a in doc["agreements"]] \
        + [(f"event {e['label']}", e["date"]) for e in doc["events"]]
    out += [f"{what}: date {d!r} is not YYYY, YYYY-MM or YYYY-MM-DD" for what, d in dated
            if d is not None and not DATE.fullmatch(d)]
    out += [f"event {e['label']}: no participants" for e in doc["events"] if not e["participants"]]
    names = [x["name"] for kind in ("persons", "states", "organizations") for x in doc[kind]]
    out += [f"{n!r} listed twice" for n in sorted(set(names)) if names.count(n) > 1]
    if not (ARTICLES / doc["article"]).is_file():
        out.append(f"no article file {ARTICLES / doc['article']}")
        return out
    out += _keyword_problems(doc) + _mention_problems(doc)
    return out


def _keyword_problems(doc: dict) -> list:
    out = []
    for kind in ("agreements", "projects"):
        for item in doc[kind]:
            if not score.has_keywords({"labels": {score.norm(item["label"])}}, item["keywords"]):
                out.append(f"{kind[:-1]} {item['label']!r}: label matches none of its keywords")
    return out


def _mention_problems(doc: dict) -> list:
    """Names are compared as the referee normalises them, inside a normalised copy of the article."""
    text = " " + score.norm((ARTICLES / doc["article"]).read_text(encoding="utf-8")) + " "
    out = []
    for kind in ("persons", "states", "organizations", "cities"):
        for ent in doc[kind]:
            forms = [ent["name"], *ent.get("aliases", [])]
            # norm() drops apostrophes, so a possessive ("Japan's") reads as "japans".
            if not any(f" {score.norm(f)}{end} " in text for f in forms for end in ("", "s")):
                out.append(f"{kind[:-1]} {ent['name']!r}: no form of the name in the article")
    return out


def check(doc: dict) -> None:
    """Raise ValueError naming the gold file and each problem found in it."""
    found = problems_of(doc)
    if found:
        raise ValueError(f"{doc['article']}: " + "; ".join(found))


def write(article, published, persons, states, organizations, cities, agreements, projects, events) -> None:
    doc = {"article": article, "published": published, "persons": persons, "states": states,
           "organizations": organizations, "cities": cities, "agreements": agreements,
           "projects": projects, "events": events}
    check(doc)
    out = GOLD / article.replace(".txt", ".json")
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out.name}: {len(persons)} persons, {len(states)} states, {len(organizations)} organisations, "
          f"{len(agreements)} agreements, {len(projects)} projects, {len(events)} events")
