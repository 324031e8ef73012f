"""A deterministic generator of realistic diplomacy news articles for the extraction benchmarks.

`generate_corpus(out_dir, n, seed)` writes `NNNNN_<hash>.txt` files (a headline line first, then
paragraphs) and `.meta.json` sidecars with {"title", "published"}. Article `i` depends only on
(seed, i) and the seed's rosters, so the first 100 articles of a 1,000-article corpus are the
100-article corpus, and `start=` makes new articles for the same world (incremental builds).

The world: states, capitals and demonyms from /work/shared/reference/countries.csv (a small
built-in list when it is missing), each state with a roster of officials holding posts; articles
mix visits, meetings, consultations, press conferences, statements, concluded and merely planned
agreements, projects, relative and absolute dates, datelines and quotes in varied sentence shapes.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

COUNTRIES_CSV = Path("/work/shared/reference/countries.csv")
FALLBACK_STATES = [  # name, capital, demonym
    ("Russia", "Moscow", "Russian"), ("Pakistan", "Islamabad", "Pakistani"), ("India", "New Delhi", "Indian"),
    ("China", "Beijing", "Chinese"), ("France", "Paris", "French"), ("Germany", "Berlin", "German"),
    ("Turkey", "Ankara", "Turkish"), ("Brazil", "Brasília", "Brazilian"), ("Japan", "Tokyo", "Japanese"),
    ("Egypt", "Cairo", "Egyptian"), ("Kenya", "Nairobi", "Kenyan"), ("Mexico", "Mexico City", "Mexican"),
]
FIRST = ["Sergei", "Ahmed", "Maria", "Li", "Anna", "Mohammed", "Jean", "Olga", "Carlos", "Fatima", "Hiroshi",
         "Elena", "Omar", "Ingrid", "Ravi", "Amina", "Pedro", "Yusuf", "Hannah", "Dmitry", "Aisha", "Lars",
         "Mei", "Kwame", "Sofia", "Tariq", "Ivan", "Nadia", "Jorge", "Leila", "Kenji", "Zainab", "Marco",
         "Irina", "Samuel", "Farah", "Viktor", "Chloe", "Hassan", "Priya"]
LAST = ["Petrov", "Khan", "Silva", "Wang", "Novak", "Haddad", "Dubois", "Ivanova", "Mendez", "Rahman",
        "Tanaka", "Popescu", "Farouk", "Lindqvist", "Sharma", "Okafor", "Costa", "Demir", "Weber", "Sokolov",
        "Abbasi", "Nilsen", "Chen", "Mensah", "Rossi", "Qureshi", "Kuznetsov", "Aziz", "Herrera", "Mansour",
        "Sato", "Bello", "Ricci", "Volkova", "Adeyemi", "Nasser", "Horvath", "Martin", "Karimi", "Iyer"]
POSTS = [  # (title, weight)
    ("Foreign Minister", 6), ("President", 3), ("Prime Minister", 3), ("Deputy Foreign Minister", 2),
    ("Defence Minister", 1), ("Energy Minister", 1), ("Trade Minister", 1), ("Foreign Secretary", 1),
    ("Ambassador", 2), ("Finance Minister", 1),
]
TOPICS = ["oil", "gas", "energy", "trade", "defence", "security", "education", "health", "transport",
          "agriculture", "investment", "nuclear", "visa", "tourism"]
AGREEMENT_NOUNS = ["agreement", "memorandum of understanding", "deal", "accord", "treaty", "protocol"]
CONCLUDE = ["signed", "concluded", "struck", "inked", "sealed"]
HEDGE = ["discussed", "proposed", "are negotiating", "plan to sign", "are considering"]
FACILITY = ["Power Plant", "Pipeline", "Steel Mill", "Railway", "Refinery", "Dam", "Corridor", "Port"]
FACILITY_PREFIX = ["North", "Green", "Unity", "Friendship", "Golden", "Eastern", "New", "Grand", "Silk",
                   "Coastal"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AGENCIES = ["Reuters", "AFP", "AP", "Xinhua", "TASS", "APP", "Anadolu"]
FILLER = [
    "Relations between the two countries have improved steadily over the past decade.",
    "Analysts say the talks reflect a broader shift in the region's alliances.",
    "Trade between the two sides reached a record level last year, according to official figures.",
    "The ministry did not give further details.",
    "Observers expect the partnership to deepen in the coming years despite economic headwinds.",
    "Both governments have repeatedly stressed the importance of dialogue and mutual respect.",
    "The visit comes amid rising energy prices and uncertainty over global supply chains.",
    "Officials described the atmosphere of the talks as constructive and friendly.",
    "Opposition politicians criticised the government for moving too slowly on the issue.",
    "The two countries established diplomatic relations more than seventy years ago.",
]
QUOTES = [
    "We are ready to expand our cooperation in every field of mutual interest",
    "Our relations are based on trust and a shared vision of a multipolar world",
    "This agreement opens a new chapter in the history of our friendship",
    "We will continue to work together to ensure stability in the region",
    "The people of our two countries share a long history of friendship",
]


@dataclass(frozen=True)
class State:
    name: str
    capital: str
    demonym: str


@dataclass(frozen=True)
class Official:
    name: str
    post: str
    state: State

    @property
    def his(self) -> str:
        return "her" if self.he == "She" else "his"

    @property
    def he(self) -> str:
        return "She" if self.name.split()[0] in {"Maria", "Anna", "Olga", "Fatima", "Elena", "Ingrid", "Amina",
                                                  "Hannah", "Aisha", "Mei", "Sofia", "Nadia", "Leila", "Zainab",
                                                  "Irina", "Farah", "Chloe", "Priya"} else "He"


def load_states(path: Path = COUNTRIES_CSV) -> list[State]:
    """States with a capital and a demonym, in file order (the built-in list if the file is missing)."""
    if not path.is_file():
        return [State(*row) for row in FALLBACK_STATES]
    states = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            demonym = (row.get("demonyms") or "").split("|")[0].strip()
            capital = (row.get("capital") or "").split("|")[0].strip()
            if row.get("un_member") == "true" and demonym and capital:
                states.append(State(row["name"], capital, demonym))
    return states


class World:
    """The seed's states (with popularity weights) and each state's officials."""

    def __init__(self, seed: int, states: list[State] | None = None):
        rng = random.Random(f"world-{seed}")
        self.states = list(states or load_states())
        rng.shuffle(self.states)
        # Zipf-like popularity: a few states are in the news far more often than the rest.
        self.weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(self.states))]
        self.officials: dict[str, list[Official]] = {}
        used: set[str] = set()
        for state in self.states:
            roster = []
            for title, weight in POSTS:
                for _ in range(1 if weight < 3 else 2):
                    name = _fresh_name(rng, used)
                    roster.append(Official(name, title, state))
            self.officials[state.name] = roster

    def pick_states(self, rng: random.Random, k: int) -> list[State]:
        chosen: list[State] = []
        while len(chosen) < k:
            state = rng.choices(self.states, self.weights)[0]
            if state not in chosen:
                chosen.append(state)
        return chosen

    def official(self, rng: random.Random, state: State, posts: tuple[str, ...] = ()) -> Official:
        roster = [o for o in self.officials[state.name] if not posts or o.post in posts]
        return rng.choice(roster or self.officials[state.name])


def _a(word: str) -> str:
    """'an oil', 'a gas'."""
    return ("an " if word[0] in "aeio" else "a ") + word


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _fresh_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if rng.random() < 0.15:
            name = f"{rng.choice(FIRST)} {name}"
        if name not in used:
            used.add(name)
            return name


@dataclass
class GeneratedArticle:
    stem: str
    title: str
    published: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


class ArticleWriter:
    """Writes one article: a headline, a lead, body paragraphs of varied events, and closing lines."""

    def __init__(self, world: World, rng: random.Random, published: dt.date):
        self.world, self.rng, self.published = world, rng, published

    # -- dates -----------------------------------------------------------------------------------
    def when(self) -> str:
        rng, pub = self.rng, self.published
        choice = rng.random()
        if choice < 0.25:
            return f"on {WEEKDAYS[(pub - dt.timedelta(days=rng.randint(1, 5))).weekday()]}"
        if choice < 0.45:
            past = pub - dt.timedelta(days=rng.randint(20, 200))
            return f"in {MONTHS[past.month - 1]}"
        if choice < 0.6:
            return rng.choice(["last month", "last week", "earlier this year", "yesterday"])
        if choice < 0.8:
            day = pub - dt.timedelta(days=rng.randint(1, 60))
            return f"on {MONTHS[day.month - 1]} {day.day}"
        day = pub - dt.timedelta(days=rng.randint(1, 400))
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"

    # -- sentence shapes ---------------------------------------------------------------------------
    def visit(self, guest: Official, host: State) -> str:
        rng = self.rng
        return rng.choice([
            f"{guest.state.demonym} {guest.post} {guest.name} arrived in {host.capital} {self.when()} for a "
            f"{rng.choice(['two', 'three', 'four'])}-day official visit.",
            f"{guest.name}, the {guest.post.lower()} of {guest.state.name}, paid a visit to {host.name} "
            f"{self.when()}, the foreign ministry said.",
            f"During {guest.his} trip to {host.capital} {self.when()}, {guest.post} {guest.name} was received by senior "
            f"{host.demonym} officials.",
        ])

    def meeting(self, a: Official, b: Official) -> str:
        rng = self.rng
        return rng.choice([
            f"{a.state.demonym} {a.post} {a.name} met {a.his} {b.state.demonym} counterpart {b.name} in "
            f"{rng.choice([a.state.capital, b.state.capital])} {self.when()}.",
            f"{a.name} held talks with {b.post} {b.name} {self.when()} on {rng.choice(TOPICS)} and "
            f"{rng.choice(TOPICS)} cooperation.",
            f"The two ministers, {a.name} and {b.name}, discussed regional security at a meeting in "
            f"{b.state.capital} {self.when()}.",
        ])

    def agreement(self, a: State, b: State, concluded: bool) -> str:
        rng = self.rng
        noun, topic = rng.choice(AGREEMENT_NOUNS), rng.choice(TOPICS)
        if concluded:
            return rng.choice([
                f"{a.name} and {b.name} {rng.choice(CONCLUDE)} {_a(noun)} on {topic} cooperation {self.when()}.",
                f"{_cap(self.when())}, the two countries {rng.choice(CONCLUDE)} {_a(topic)} {noun} worth "
                f"${rng.randint(2, 90)} billion.",
                f"Officials from {a.capital} and {b.capital} {rng.choice(CONCLUDE)} a landmark {topic} "
                f"{noun} that will run for {rng.randint(3, 25)} years.",
            ])
        return rng.choice([
            f"{a.name} and {b.name} {rng.choice(HEDGE)} {_a(topic)} {noun}, but no date has been set.",
            f"{a.name} has offered to sign {_a(topic)} {noun} with {b.name}, officials said.",
            f"The two sides have not yet signed the long-awaited {topic} {noun}.",
        ])

    def project(self, a: State, b: State) -> str:
        rng = self.rng
        name = f"{rng.choice(FACILITY_PREFIX)} {rng.choice([b.capital, a.capital])} {rng.choice(FACILITY)}"
        return rng.choice([
            f"{a.name} will finance the construction of the {name} in {b.name}, which is due to be "
            f"completed by {self.published.year + rng.randint(1, 5)}.",
            f"The {name}, built with {a.demonym} assistance, was commissioned {self.when()}.",
            f"Work on the {name} project, a joint venture of {a.name} and {b.name}, began {self.when()}.",
        ])

    def press(self, a: Official, b: Official) -> str:
        quote = self.rng.choice(QUOTES)
        return self.rng.choice([
            f"Speaking at a joint press conference with {b.name}, {a.name} said: \u201c{quote}.\u201d",
            f"\u201c{quote},\u201d {a.name} told reporters after the talks.",
        ])

    def statement(self, a: Official) -> str:
        return self.rng.choice([
            f"In a statement, the {a.state.demonym} Ministry of Foreign Affairs said the visit would "
            f"\u201cgive new impetus\u201d to bilateral relations.",
            f"{a.post} {a.name} released a video statement {self.when()} calling for closer ties.",
        ])

    def consultation(self, a: Official, b: Official) -> str:
        return (f"Deputy foreign ministers of {a.state.name} and {b.state.name} held consultations in "
                f"{self.rng.choice([a.state.capital, b.state.capital])} {self.when()}.")

    # -- the article -------------------------------------------------------------------------------
    def write(self) -> tuple[str, str]:
        rng, world = self.rng, self.world
        states = world.pick_states(rng, rng.choice([2, 2, 2, 3]))
        a, b = states[0], states[1]
        oa = world.official(rng, a, ("Foreign Minister", "President", "Prime Minister"))
        ob = world.official(rng, b, ("Foreign Minister",) if oa.post == "Foreign Minister" else ())
        topic = rng.choice(TOPICS)
        title = rng.choice([
            f"{a.demonym} {oa.post.lower()} visits {b.capital} to boost {topic} ties",
            f"{a.name} and {b.name} agree to deepen {topic} cooperation",
            f"{oa.name} holds talks with {ob.name} in {b.capital}",
            f"{a.name} seeks expansion in ties with {b.name}",
        ])
        paragraphs: list[list[str]] = []
        lead = self.visit(oa, b)
        if rng.random() < 0.4:
            agency = rng.choice(AGENCIES)
            lead = f"{b.capital.upper()}, {MONTHS[self.published.month - 1]} {self.published.day} ({agency}) - " + lead
        paragraphs.append([lead, self.meeting(oa, ob)])
        shapes = ["agreement", "agreement_hedged", "project", "press", "statement", "consultation", "meeting",
                  "filler", "filler", "third"]
        for _ in range(rng.randint(7, 12)):
            shape = rng.choice(shapes)
            other = states[2] if len(states) > 2 and rng.random() < 0.5 else b
            x, y = world.official(rng, a), world.official(rng, other)
            sentence = {
                "agreement": lambda: self.agreement(a, other, True),
                "agreement_hedged": lambda: self.agreement(a, other, False),
                "project": lambda: self.project(a, other),
                "press": lambda: self.press(x, y),
                "statement": lambda: self.statement(x),
                "consultation": lambda: self.consultation(x, y),
                "meeting": lambda: self.meeting(x, y),
                "filler": lambda: rng.choice(FILLER),
                "third": lambda: self.visit(y, a),
            }[shape]()
            paragraph = [sentence] + [rng.choice(FILLER) for _ in range(rng.randint(0, 3))]
            if rng.random() < 0.3:
                paragraph.append(f"{oa.he} added that {rng.choice(QUOTES).lower()}.")
            paragraphs.append(paragraph)
        body = "\n\n".join(" ".join(p) for p in paragraphs)
        return title, f"{title}\n\n{body}\n"


def make_article(world: World, seed: int, index: int) -> GeneratedArticle:
    """Article number `index` of the corpus of `seed` (independent of any other article)."""
    rng = random.Random(f"article-{seed}-{index}")
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
    title, text = ArticleWriter(world, rng, published).write()
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return GeneratedArticle(f"{index:05d}_{digest}", title, published.isoformat(), text)


def generate_corpus(out_dir: str | Path, n: int, seed: int = 42, *, start: int = 0) -> dict:
    """Write articles start..start+n-1 of the seed's corpus into `out_dir`; return counts."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    world = World(seed)
    words = 0
    for index in range(start, start + n):
        article = make_article(world, seed, index)
        (out / f"{article.stem}.txt").write_text(article.text, encoding="utf-8")
        meta = {"title": article.title, "published": article.published}
        (out / f"{article.stem}.meta.json").write_text(json.dumps(meta) + "\n", encoding="utf-8")
        words += article.words
    return {"articles": n, "words": words, "dir": str(out)}


def corpus_words(directory: str | Path) -> int:
    """Whitespace-separated words of the .txt files in `directory` (the words/s numerator)."""
    return sum(len(p.read_text(encoding="utf-8").split()) for p in sorted(Path(directory).glob("*.txt")))


def ensure_corpus(root: Path, n: int, seed: int = 42, start: int = 0) -> Path:
    """The cached corpus directory for (n, seed, start), generating it when missing."""
    directory = root / f"corpus-s{seed}-from{start}-n{n}"
    marker = directory / ".complete"
    if not marker.exists():
        generate_corpus(directory, n, seed, start=start)
        marker.write_text("ok\n")
    return directory


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Write N synthetic diplomacy articles (.txt + .meta.json).")
    parser.add_argument("out_dir")
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args(argv)
    print(json.dumps(generate_corpus(args.out_dir, args.n, args.seed, start=args.start)))


if __name__ == "__main__":
    main()
