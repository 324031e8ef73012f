"""Write the labelled near-duplicate set of tests/fixtures/syndication/.

Each of the 30 written dev articles (../shared/devset/articles/d??.txt) is copied as it is
(`<id>.txt`) and as four wire copies (`<id>-<variant>.txt`) with the edits sites make to agency
copy; `labels.tsv` names the story of every file. Different stories, including those on the same
relationship (the dev set and the check sets have several), are the negatives
(scripts/syndication_thresholds.py pairs them). The edits are drawn from a seeded random generator,
so running this again writes the same files:

    light    new headline, byline, site furniture above and below
    medium   other dateline and agency, one paragraph dropped, one sentence added, furniture
    heavy    local lead paragraph, two paragraphs swapped, one dropped, new headline, byline
    trimmed  only the first half of the paragraphs (a short version), new headline

    python scripts/make_syndication_set.py [--devset DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITES = ["The Daily Ledger", "Global Times Online", "Capital Post", "Wire Desk Today", "Metro Herald"]
HEADERS = ["Home | World | Politics | Business | Sport", "NEWS › WORLD", "Advertisement",
           "Subscribe to our newsletter", "Skip to main content"]
FOOTERS = ["Share this article: Facebook | X | WhatsApp | Email", "Related: More world news",
           "© 2025 {site}. All rights reserved.", "Follow us on social media for the latest updates.",
           "Read more: Top stories of the day"]
BYLINES = ["By Staff Reporter", "By our correspondent", "From wire reports", "By {site} Desk"]
AGENCIES = ["AFP", "AP", "Reuters", "dpa", "Anadolu"]
LOCAL_LEADS = [
    "Analysts in the region said the outcome would be watched closely by neighbouring capitals.",
    "The news drew cautious comment from business groups on {day}, who said details were still awaited.",
    "Local officials welcomed the announcement, saying it could bring investment and jobs to the area.",
]
ADDED = [
    "Officials did not give further details.",
    "The two sides are expected to meet again later in the year.",
    "Neither government published the full text of the documents.",
]
HEADLINE_TEMPLATES = ["{h}", "UPDATE 1-{h}", "{h} - officials", "WRAPUP: {h}"]
_DATELINE = re.compile(r"^([A-Z][A-Z .'’-]+),\s+([A-Z][a-z]+\.? \d+)\s+\(([^)]+)\)\s+[-–—]+\s+")
_DASH_DATELINE = re.compile(r"^([A-Z][A-Z .'’-]+)\s+[—–-]+\s+")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def body_start(paras: list[str]) -> int:
    """Index of the first news paragraph: the first one of more than 25 words."""
    return next((i for i, p in enumerate(paras) if len(p.split()) > 25), 1)


def rewrite_headline(head: str, rng: random.Random) -> str:
    words = head.split()
    # Swap the two parties of "A, B sign ..." / "A and B ..." as sub-editors often do.
    m = re.match(r"^(.+?)(,| and) (.+?) (sign|agree|hold|strike|ink|reach|vow|seal|meet)(.*)$", head)
    if m:
        head = f"{m.group(3)}{m.group(2)} {m.group(1)} {m.group(4)}{m.group(5)}"
    elif len(words) > 6:
        head = " ".join(words[: len(words) - 2])
    return rng.choice(HEADLINE_TEMPLATES).format(h=head)


def redateline(para: str, rng: random.Random) -> str:
    agency = rng.choice(AGENCIES)
    m = _DATELINE.match(para)
    if m:
        return f"{m.group(1)} ({agency}) - " + para[m.end():]
    m = _DASH_DATELINE.match(para)
    if m:
        return f"{m.group(1)}, ({agency}) -- " + para[m.end():]
    return f"({agency}) - " + para


def add_sentence(para: str, rng: random.Random) -> str:
    return para.rstrip() + " " + rng.choice(ADDED)


def furnish(paras: list[str], site: str, rng: random.Random) -> list[str]:
    top = rng.sample(HEADERS, 2)
    bottom = [f.format(site=site) for f in rng.sample(FOOTERS, 3)]
    return [site, *top, *paras, *bottom]


def variant(name: str, paras: list[str], rng: random.Random) -> list[str]:
    """The paragraphs of one wire copy."""
    site = rng.choice(SITES)
    start = body_start(paras)
    # The headline is the first line; what follows it in the first block is the first site's own.
    head, front, body = paras[0].split("\n")[0], paras[1:start], paras[start:]
    byline = rng.choice(BYLINES).format(site=site)
    if name == "light":
        return furnish([rewrite_headline(head, rng), byline, *front, *body], site, rng)
    if name == "medium":
        body = [redateline(body[0], rng), *body[1:]]
        if len(body) > 3:
            del body[rng.randrange(2, len(body))]
        k = rng.randrange(1, len(body))
        body[k] = add_sentence(body[k], rng)
        return furnish([head, *body], site, rng)
    if name == "heavy":
        lead = rng.choice(LOCAL_LEADS).format(day="Friday")
        if len(body) > 4:
            k = rng.randrange(1, len(body) - 1)
            body[k], body[k + 1] = body[k + 1], body[k]
            del body[rng.randrange(1, len(body))]
        return furnish([rewrite_headline(head, rng), byline, lead, *body], site, rng)
    if name == "trimmed":
        return [rewrite_headline(head, rng), *body[: max(2, (len(body) + 1) // 2)]]
    raise ValueError(name)


VARIANTS = ("light", "medium", "heavy", "trimmed")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset" / "articles")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "syndication")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    labels = ["file\tstory\tvariant"]
    for path in sorted(args.devset.glob("d[ABC][0-9][0-9].txt")):
        text = path.read_text(encoding="utf-8")
        (args.out / path.name).write_text(text, encoding="utf-8")
        labels.append(f"{path.name}\t{path.stem}\toriginal")
        rng = random.Random(path.stem)
        for name in VARIANTS:
            copy = "\n\n".join(variant(name, paragraphs(text), rng)) + "\n"
            (args.out / f"{path.stem}-{name}.txt").write_text(copy, encoding="utf-8")
            labels.append(f"{path.stem}-{name}.txt\t{path.stem}\t{name}")
    (args.out / "labels.tsv").write_text("\n".join(labels) + "\n", encoding="utf-8")
    print(f"{len(labels) - 1} files in {args.out}")


if __name__ == "__main__":
    main()
