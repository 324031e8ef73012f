"""A synthetic relgraph dataset of any size, streamed as N-Quads (never held in memory).

The shape follows `relgraph.mapping` (compare with `relgraph export --format nquads`): one named
graph `<base>graph/<id>` per article holding the article's metadata, the extractor, and every
statement read from it; each statement about an entity or fact is also reified as a
`dip:Assertion` (rdf:subject/predicate/object, dip:sourceArticle, dip:evidenceText,
dip:startOffset/endOffset, dip:extractedBy, dip:confidence). Per article: 2–3 states with their
Wikidata/DBpedia/GeoNames links, 3–6 people with posts (holdsPost, servesState, postOfState),
cities, organisations, 3–6 events (typed, with participants, place and date), agreements with
their signing, projects. About 700 quads per article, as on real articles; entities recur across
articles with Zipf-like popularity and a quarter of the events are reported by several articles.

`generate(path, quads, seed)` stops at the first article boundary at or after `quads` quads and
returns counts plus sample IRIs (a popular person and state) that the query benchmarks use.
"""
from __future__ import annotations

import hashlib
import json
import random
import zlib
from pathlib import Path
from typing import IO

from bench.corpus import FIRST, LAST, POSTS, TOPICS, load_states
from relgraph.iris import slug
from relgraph.namespaces import DEFAULT_BASE_IRI, PREFIXES

BASE = DEFAULT_BASE_IRI
DIP, RDF, RDFS, OWL = PREFIXES["dip"], PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["owl"]
XSD, SKOS, DCT, SCHEMA = PREFIXES["xsd"], PREFIXES["skos"], PREFIXES["dcterms"], PREFIXES["schema"]
EXTRACTOR = f"<{BASE}agent/relgraph-extractor-0-1-0>"
TYPE = f"<{RDF}type>"
LABEL = f"<{RDFS}label>"
MENTIONED = f"<{DIP}mentionedIn>"
EVENT_TYPES = ["Visit", "Meeting", "Consultation", "PressConference", "Statement"]
QUADS_PER_ARTICLE = 700  # approximate, to size the entity pools
GENERATOR_VERSION = 1    # bump when the output changes (cached files are keyed by it)


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


class Pools:
    """The entities of the synthetic world, sized for the number of articles."""

    def __init__(self, rng: random.Random, articles: int):
        states = load_states()
        rng.shuffle(states)
        self.states = [(f"<{BASE}state/{slug(s.name)}>", s.name, s.capital) for s in states]
        self.state_weights = [1.0 / (r + 1) ** 0.8 for r in range(len(self.states))]
        people = max(100, int(articles * 1.2))
        titles = [t for t, _ in POSTS]
        self.roster: dict[int, list[tuple[str, str, str]]] = {i: [] for i in range(len(self.states))}
        for k in range(people):
            si = rng.choices(range(len(self.states)), self.state_weights)[0]
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {k}"
            self.roster[si].append((f"<{BASE}person/{slug(name)}>", name, rng.choice(titles)))
        for si, roster in self.roster.items():  # every state has somebody to send
            if not roster:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)} s{si}"
                roster.append((f"<{BASE}person/{slug(name)}>", name, "Foreign Minister"))
        self.orgs = [f"Ministry of {t.capitalize()} {k}" for k, t in
                     ((k, rng.choice(TOPICS)) for k in range(max(50, articles // 4)))]

    def pick_state(self, rng: random.Random) -> int:
        return rng.choices(range(len(self.states)), self.state_weights)[0]

    def pick_person(self, rng: random.Random, state_index: int) -> tuple[str, str, str]:
        roster = self.roster[state_index]
        # Zipf within the roster: the foreign minister is in the news more than the trade minister.
        return roster[min(len(roster) - 1, int(rng.paretovariate(1.2)) - 1)]


class ArticleGraph:
    """Writes the quads of one article graph as N-Quads lines."""

    def __init__(self, index: int, rng: random.Random, keys: "StoreKeys | None" = None, provenance: bool = True):
        self.index, self.rng, self.keys, self.provenance = index, rng, keys, provenance
        self.id = f"a{index:07d}"
        self.graph = f"<{BASE}graph/{self.id}>"
        self.article = f"<{BASE}article/{self.id}>"
        self.lines: list[str] = []
        self.offset = 0

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} {self.graph} .\n")
        if self.keys is not None:  # a store's union default graph, as relgraph writes it
            self.lines.append(f"{s} {p} {o} .\n")

    def assert_(self, s: str, p: str, o: str, sentence: str) -> None:
        self.add(s, p, o)
        if not self.provenance:  # the statement only, without its dip:Assertion
            return
        node = f"<{BASE}assertion/{hashlib.sha1(f'{s}{p}{o}{self.id}'.encode()).hexdigest()[:16]}>"
        start = self.offset
        self.offset += len(sentence) + 1
        for pred, obj in (
            (TYPE, f"<{DIP}Assertion>"), (f"<{RDF}subject>", s), (f"<{RDF}predicate>", p),
            (f"<{RDF}object>", o), (f"<{DIP}sourceArticle>", self.article), (f"<{DIP}evidenceText>", lit(sentence)),
            (f"<{DIP}startOffset>", typed(str(start), "nonNegativeInteger")),
            (f"<{DIP}endOffset>", typed(str(start + len(sentence)), "nonNegativeInteger")),
            (f"<{DIP}extractedBy>", EXTRACTOR),
            (f"<{DIP}confidence>", typed(f"{self.rng.choice((0.6, 0.65, 0.75, 0.8, 0.9))}", "decimal")),
        ):
            self.add(node, pred, obj)


class StoreKeys:
    """The lookup keys relgraph's resolver stores with each person and fact (`CorpusIndex.key_quads`),
    so that a store loaded from the synthetic graph is resolved against as a built one is."""

    def __init__(self):
        from relgraph.gazetteer import default_gazetteer

        self.gaz = default_gazetteer()

    def person(self, w: "ArticleGraph", iri: str, name: str) -> None:
        from relgraph.person_index import PersonIndex

        for key in PersonIndex(self.gaz).stored_keys(name):
            w.add(iri, f"<{SKOS}hiddenLabel>", lit(key))

    @staticmethod
    def fact(w: "ArticleGraph", iri: str, cls: str, label: str, actors: list[str], date: str | None,
             topic: str | None) -> None:
        from relgraph.fact_keys import project_words, stored_keys

        name = cls[1:-1].rsplit("#", 1)[1]
        words = project_words(label) if name == "Project" else ()
        for key in stored_keys(name, sorted(a[1:-1] for a in actors), date, topic, words):
            w.add(iri, f"<{SKOS}hiddenLabel>", lit(key))


def write_article(out: IO[str], index: int, rng: random.Random, pools: Pools,
                  shared_events: list[tuple[str, str]], stats: dict, keys: StoreKeys | None = None,
                  provenance: bool = True) -> int:
    """Write article `index`; return the number of quads written. With `keys`, also the resolver's
    keys and the union default graph, as a relgraph store holds them; without `provenance`, no
    statement is reified as a `dip:Assertion` (a third of the quads; the resolver never reads them)."""
    w = ArticleGraph(index, rng, keys, provenance)
    year = 2019 + index % 6
    published = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    w.add(w.article, TYPE, f"<{DIP}Article>")
    w.add(w.article, f"<{DCT}identifier>", lit(w.id))
    w.add(w.article, f"<{DCT}title>", lit(f"Diplomatic news report number {index}"))
    if rng.random() < 0.5:
        w.add(w.article, f"<{DCT}publisher>", lit(rng.choice(["Reuters", "AFP", "TASS", "APP", "Xinhua"])))
    w.add(w.article, f"<{DIP}publishedDate>", typed(published, "date"))
    w.add(w.article, f"<{DIP}sha256>", lit(hashlib.sha256(w.id.encode()).hexdigest()))
    w.add(w.article, f"<{DIP}sourceFile>", lit(f"articles/{w.id}.txt"))
    # Syndicated copies: articles come in stories of up to three, named after their first article.
    story = f"<{BASE}story/a{index - index % 3:07d}>"
    w.add(story, TYPE, f"<{DIP}Story>")
    w.add(story, f"<{DIP}hasReport>", w.article)
    w.add(w.article, f"<{DIP}partOfStory>", story)
    w.add(EXTRACTOR, TYPE, f"<{DIP}Extractor>")
    w.add(EXTRACTOR, LABEL, lit("relgraph extractor 0.1.0"))

    state_ix: list[int] = []
    while len(state_ix) < rng.choice((2, 2, 3)):
        si = pools.pick_state(rng)
        if si not in state_ix:
            state_ix.append(si)
    states = [pools.states[i] for i in state_ix]
    for si, (iri, name, _) in zip(state_ix, states, strict=True):
        qid = 100 + si
        w.assert_(iri, TYPE, f"<{DIP}State>", f"{name} and its partners discussed cooperation in report {index}.")
        w.add(iri, LABEL, lit(name))
        w.add(iri, f"<{OWL}sameAs>", f"<http://www.wikidata.org/entity/Q{qid}>")
        w.add(iri, f"<{OWL}sameAs>", f"<http://dbpedia.org/resource/{name.replace(' ', '_')}>")
        w.add(iri, f"<{OWL}sameAs>", f"<https://sws.geonames.org/{qid * 1000}/>")
        w.add(iri, MENTIONED, w.article)

    people = []
    for _ in range(rng.randint(3, 6)):
        si = rng.choice(state_ix)
        person = pools.pick_person(rng, si)
        if person in [p for p, _ in people]:
            continue
        people.append((person, si))
        iri, name, title = person
        state_iri, state_name, _ = pools.states[si]
        sentence = f"{state_name} {title} {name} spoke to reporters in report {index}."
        w.assert_(iri, TYPE, f"<{DIP}Person>", sentence)
        w.add(iri, LABEL, lit(name))
        if rng.random() < 0.2:
            w.add(iri, f"<{SKOS}altLabel>", lit(name.split()[-2]))
        w.add(iri, MENTIONED, w.article)
        if keys is not None:
            keys.person(w, iri, name)
        post = f"<{BASE}post/{slug(title)}-of-{slug(state_name)}>"
        w.add(post, TYPE, f"<{DIP}Post>")
        w.add(post, f"<{DIP}roleName>", lit(title))
        w.add(post, LABEL, lit(f"{title} of {state_name}"))
        w.add(post, f"<{DIP}postOfState>", state_iri)
        w.assert_(iri, f"<{DIP}holdsPost>", post, sentence)
        w.assert_(iri, f"<{DIP}servesState>", state_iri, sentence)
        stats["person_mentions"][iri] = stats["person_mentions"].get(iri, 0) + 1

    cities = []
    for _ in range(rng.randint(1, 2)):
        state_iri, state_name, capital = rng.choice(states)
        city = f"<{BASE}city/{slug(capital)}-{slug(state_name)}>"
        if city in cities:
            continue
        cities.append(city)
        sentence = f"Officials gathered in {capital} for the talks reported in {index}."
        w.assert_(city, TYPE, f"<{DIP}City>", sentence)
        w.add(city, LABEL, lit(capital))
        w.add(city, f"<{OWL}sameAs>", f"<https://sws.geonames.org/{zlib.crc32(capital.encode()) % 10**7}/>")
        w.add(city, MENTIONED, w.article)
        w.assert_(city, f"<{DIP}locatedInState>", state_iri, sentence)

    for _ in range(rng.randint(0, 2)):
        org_name = rng.choice(pools.orgs)
        org = f"<{BASE}organization/{slug(org_name)}>"
        state_iri = rng.choice(states)[0]
        sentence = f"The {org_name} issued a statement on report {index}."
        w.assert_(org, TYPE, f"<{DIP}Organization>", sentence)
        w.add(org, LABEL, lit(org_name))
        w.add(org, MENTIONED, w.article)
        w.assert_(org, f"<{DIP}basedInState>", state_iri, sentence)

    actors = [p[0][0] for p in people] + [s[0] for s in states]
    places = cities or [s[0] for s in states]
    for k in range(rng.randint(3, 6)):
        if shared_events and rng.random() < 0.25:
            event, etype = rng.choice(shared_events)  # another article reports the same event
        else:
            etype = rng.choice(EVENT_TYPES)
            event = f"<{BASE}event/{slug(etype)}-{index}-{k}>"
            shared_events.append((event, etype))
            if len(shared_events) > 500:
                del shared_events[: len(shared_events) - 500]
        label = f"{etype} of {' and '.join(p[0][1] for p in people[:2]) or states[0][1]}"
        sentence = f"The {etype.lower()} took place as part of report {index}, officials said ({k})."
        write_fact(w, event, f"<{DIP}{etype}>", label, sentence, f"<{DIP}participant>",
                   rng.sample(actors, min(len(actors), rng.randint(2, 3))), f"<{DIP}place>",
                   [rng.choice(places)], published[:7] if rng.random() < 0.5 else published)
        w.add(event, TYPE, f"<{DIP}Event>")

    for k in range(rng.choice((0, 1, 1, 2))):
        topic = rng.choice(TOPICS)
        parties = [s[0] for s in states[:2]]
        names = "–".join(sorted(s[1] for s in states[:2]))
        agreement = f"<{BASE}agreement/{slug(names)}-{topic}-agreement-{index}-{k}>"
        sentence = f"{names.replace('–', ' and ')} signed an agreement on {topic} in report {index}."
        write_fact(w, agreement, f"<{DIP}Agreement>", f"{names} {topic} agreement", sentence,
                   f"<{DIP}party>", parties, None, [], published, topic)
        w.add(agreement, f"<{DIP}topic>", lit(topic))
        signing = f"<{BASE}event/signing-of-the-{slug(names)}-{topic}-agreement-{index}-{k}>"
        write_fact(w, signing, f"<{DIP}Signing>", f"Signing of the {names} {topic} agreement", sentence,
                   f"<{DIP}participant>", parties, None, [], published, topic)
        w.add(signing, TYPE, f"<{DIP}Event>")
        w.add(signing, f"<{DIP}topic>", lit(topic))

    if rng.random() < 0.5:
        project = f"<{BASE}project/project-{index}>"
        sentence = f"Work on the joint project began as part of report {index}."
        write_fact(w, project, f"<{DIP}Project>", f"Joint project {index}", sentence, f"<{DIP}participant>",
                   [s[0] for s in states[:2]], f"<{DIP}projectLocation>", [rng.choice(places)], None)

    out.writelines(w.lines)
    return len(w.lines) // (1 if keys is None else 2)  # quads of the article graph


def write_fact(w: ArticleGraph, iri: str, cls: str, label: str, sentence: str, role: str, participants: list[str],
               place_pred: str | None, places: list[str], date: str | None, topic: str | None = None) -> None:
    """An agreement, event or project with its asserted type, participants, place and date (and,
    with the store's keys, its match keys; `topic` is written by the caller)."""
    if w.keys is not None:
        w.keys.fact(w, iri, cls, label, [*participants, *(places if place_pred else ())], date, topic)
    w.assert_(iri, TYPE, cls, sentence)
    w.add(iri, LABEL, lit(label))
    w.add(iri, MENTIONED, w.article)
    for who in participants:
        w.assert_(iri, role, who, sentence)
    for where in places if place_pred else ():
        w.assert_(iri, place_pred, where, sentence)
    if date:
        w.assert_(iri, f"<{DIP}date>", typed(date, "date" if len(date) == 10 else "gYearMonth"), sentence)


def generate(path: str | Path, quads: int, seed: int = 42) -> dict:
    """Write at least `quads` quads (whole articles) to `path` as N-Quads; return counts and samples."""
    rng = random.Random(seed)
    pools = Pools(rng, max(1, quads // QUADS_PER_ARTICLE))
    stats: dict = {"person_mentions": {}}
    shared: list[tuple[str, str]] = []
    written, articles = 0, 0
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        while written < quads:
            written += write_article(out, articles, rng, pools, shared, stats)
            articles += 1
    mentions = stats["person_mentions"]
    popular_person = max(mentions, key=mentions.get)[1:-1]
    return {"quads": written, "articles": articles, "seed": seed, "version": GENERATOR_VERSION,
            "person": popular_person, "state": pools.states[0][0][1:-1],
            "person_articles": mentions[f"<{popular_person}>"]}


def to_turtle(nquads: str | Path, turtle: str | Path) -> int:
    """The union of all graphs of an N-Quads file as Turtle (streamed); returns the triples written
    (one per quad: a triple repeated in two graphs is written twice and read back once)."""
    import pyoxigraph as ox

    from relgraph.namespaces import all_prefixes

    count = 0

    def triples():
        nonlocal count
        for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
            count += 1
            yield ox.Triple(quad.subject, quad.predicate, quad.object)

    ox.serialize(triples(), str(turtle), ox.RdfFormat.TURTLE, prefixes=all_prefixes())
    return count


def ensure_dataset(root: Path, quads: int, seed: int = 42, *, turtle: bool = False) -> tuple[Path, dict]:
    """The cached N-Quads file for (quads, seed) and its summary, generating them when missing.
    With `turtle`, a Turtle file beside it too (`.ttl`)."""
    root.mkdir(parents=True, exist_ok=True)
    stem = root / f"synth-v{GENERATOR_VERSION}-s{seed}-{quads}"
    nq, meta = stem.with_suffix(".nq"), stem.with_suffix(".json")
    if not meta.exists():
        info = generate(nq.with_suffix(".part"), quads, seed)
        nq.with_suffix(".part").replace(nq)
        meta.write_text(json.dumps(info, indent=1))
    info = json.loads(meta.read_text())
    if turtle and not stem.with_suffix(".ttl").exists():
        to_turtle(nq, stem.with_suffix(".ttl.part"))
        stem.with_suffix(".ttl.part").replace(stem.with_suffix(".ttl"))
    return nq, info


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic relgraph dataset as N-Quads.")
    parser.add_argument("output")
    parser.add_argument("--quads", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    print(json.dumps(generate(args.output, args.quads, args.seed)))


if __name__ == "__main__":
    main()
