"""Small builders for hS gold files, and the consistency check every file passes before it is written.

The check: every agreement party, project participant and location, event participant and place,
person-role state and organisation state names an entity listed in the same file (a person, state,
organisation or city). State Wikidata ids come from shared/reference/countries.csv so they are not typed by hand.
"""
import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold"
ARTICLES = HERE.parent / "articles"
REFERENCE = Path("/work/shared/reference/countries.csv")

# Wikidata ids of states by reference name (plus the official name as an alias).
_QID, _OFFICIAL = {}, {}
with REFERENCE.open(encoding="utf-8", newline="") as fh:
    for row in csv.DictReader(fh):
        _QID[row["name"]] = row["wikidata"]
        _OFFICIAL[row["name"]] = row["official_name"]


def role(title, state, *aliases):
    return {"role": title, "role_aliases": list(aliases), "state": state}


def person(name, *roles, aliases=(), wikidata=None):
    return {"name": name, "aliases": list(aliases), "wikidata": wikidata, "roles": list(roles)}


def state(name, actor=True, aliases=None):
    if name not in _QID:
        raise KeyError(f"state {name!r} is not in {REFERENCE}")
    if aliases is None:
        official = _OFFICIAL[name]
        aliases = [official] if official and official != name else []
    return {"name": name, "aliases": list(aliases), "wikidata": _QID[name], "actor": actor}


def org(name, st=None, aliases=(), wikidata=None):
    return {"name": name, "aliases": list(aliases), "wikidata": wikidata, "state": st}


def city(name, st):
    return {"name": name, "state": st}


def agreement(label, keywords, parties, date=None):
    return {"label": label, "keywords": keywords, "parties": list(parties), "date": date}


def project(label, keywords, participants=(), locations=()):
    return {"label": label, "keywords": keywords, "participants": list(participants), "locations": list(locations)}


def event(kind, label, participants, place=None, date=None):
    assert kind in {"Visit", "Meeting", "Consultation", "PressConference", "Signing", "Statement"}, kind
    return {"type": kind, "label": label, "participants": list(participants), "place": place, "date": date}


def check(doc):
    """Raise ValueError naming the file and the dangling reference."""
    where = doc["article"]
    states = {s["name"] for s in doc["states"]}
    actors = states | {p["name"] for p in doc["persons"]} | {o["name"] for o in doc["organizations"]}
    places = states | {c["name"] for c in doc["cities"]}
    problems = []
    for p in doc["persons"]:
        for r in p["roles"]:
            if r["state"] is not None and r["state"] not in states:
                problems.append(f"person {p['name']}: role state {r['state']!r}")
    for o in doc["organizations"]:
        if o["state"] is not None and o["state"] not in states:
            problems.append(f"organization {o['name']}: state {o['state']!r}")
    for a in doc["agreements"]:
        problems += [f"agreement {a['label']}: party {x!r}" for x in a["parties"] if x not in actors]
    for pr in doc["projects"]:
        problems += [f"project {pr['label']}: participant {x!r}" for x in pr["participants"] if x not in actors]
        problems += [f"project {pr['label']}: location {x!r}" for x in pr["locations"] if x not in places]
    for e in doc["events"]:
        problems += [f"event {e['label']}: participant {x!r}" for x in e["participants"] if x not in actors]
        if e["place"] is not None and e["place"] not in places:
            problems.append(f"event {e['label']}: place {e['place']!r}")
    names = [x["name"] for k in ("persons", "states", "organizations") for x in doc[k]]
    problems += [f"duplicate entity {n!r}" for n in set(names) if names.count(n) > 1]
    if not (ARTICLES / where).exists():
        problems.append("article file missing")
    if problems:
        raise ValueError(f"{where}: " + "; ".join(problems))


def write(article, published, persons, states, organizations, cities, agreements, projects, events):
    doc = {"article": article, "published": published, "persons": persons, "states": states,
           "organizations": organizations, "cities": cities, "agreements": agreements,
           "projects": projects, "events": events}
    check(doc)
    out = GOLD / article.replace(".txt", ".json")
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out.name}: {len(persons)} persons, {len(states)} states, {len(organizations)} orgs, "
          f"{len(agreements)} agreements, {len(projects)} projects, {len(events)} events")
