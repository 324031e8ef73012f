"""View models of the entity and article pages: RDF terms as the templates show them, and the
facts, sources and evidence of one resource, read with the fixed page queries."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox

from relgraph.namespaces import DIP
from relgraph.web.links import DCTERMS, OWL, RDF, RDFS, SKOS, compact, local_url, relgraph, web_href
from relgraph.web.page_queries import reached_limit, select_rows, value

VOCAB_LABELS = {f"{RDF}type": "type", f"{RDFS}label": "label", f"{SKOS}altLabel": "alternative label",
                f"{OWL}sameAs": "same as"}
LINK_SITES = {"http://www.wikidata.org/entity/": "Wikidata", "http://dbpedia.org/resource/": "DBpedia",
              "https://sws.geonames.org/": "GeoNames"}


# -- terms ---------------------------------------------------------------------------------------
@lru_cache(maxsize=4)
def _ontology_terms(path: Path) -> dict[str, tuple[str, str]]:
    """dip: term IRI -> (label, comment), read once from the ontology file."""
    out: dict[str, list[str]] = defaultdict(lambda: ["", ""])
    if not path.exists():
        return {}
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        s, p = t.subject, t.predicate.value
        if isinstance(s, ox.NamedNode) and isinstance(t.object, ox.Literal) and s.value.startswith(str(DIP)):
            if p == f"{RDFS}label":
                out[s.value][0] = t.object.value
            elif p == f"{RDFS}comment":
                out[s.value][1] = t.object.value
    return {k: (v[0], v[1]) for k, v in out.items()}


def term_info(iri: str) -> tuple[str, str]:
    """(label, description) of an ontology term, falling back to its compact name."""
    path = Path(relgraph().settings.ontology_dir) / "diplomacy.ttl"
    label, comment = _ontology_terms(path).get(iri, ("", ""))
    return label or compact(iri), comment


@dataclass
class TermView:
    """One RDF term as a page shows it: text, an optional link and a tooltip. `href` is only
    ever one of our relative URLs or an http(s) IRI."""

    text: str
    href: str | None = None
    title: str = ""
    external: bool = False
    literal: bool = False


def term_view(term, label: str | None = None, *, words: bool = True) -> TermView:
    """Display form of a pyoxigraph term; data IRIs link to their page here. `words` shows
    vocabulary terms by their labels ("holds post"); without it they show as `dip:holdsPost`."""
    if isinstance(term, ox.Literal):
        dtype = compact(term.datatype.value) if term.datatype else ""
        title = f"@{term.language}" if term.language else dtype
        return TermView(term.value, title=title, literal=True)
    if isinstance(term, ox.NamedNode):
        iri = term.value
        href = local_url(iri)
        if href:
            return TermView(label or compact(iri), href, iri)
        if words and (iri.startswith(str(DIP)) or iri in VOCAB_LABELS):
            # Vocabulary terms read as words; the IRI and definition are in the tooltip, not a
            # link, since the ontology namespace need not resolve wherever this runs.
            text, comment = term_info(iri)
            return TermView(label or VOCAB_LABELS.get(iri, text), None, f"{compact(iri)}: {comment}"
                            if comment else iri)
        # Any other scheme (javascript:, data:...) is shown, never linked.
        return TermView(label or compact(iri), web_href(iri), iri, external=True)
    return TermView(str(term))


# -- evidence ------------------------------------------------------------------------------------
@dataclass
class Evidence:
    """One assertion: a sentence of an article supporting one statement."""

    subject: TermView
    predicate: TermView
    object: TermView
    key: tuple[str, str, str]
    sentence: str
    start: int
    end: int
    confidence: float
    article: str


@dataclass
class Source:
    """An article with the evidence it gives for the statements on a page."""

    iri: str
    href: str | None
    title: str
    date: str
    publisher: str
    number: int = 0
    evidence: list[Evidence] = field(default_factory=list)

    def sentences(self) -> list[tuple[int, int, str, list[Evidence]]]:
        """The evidence grouped by sentence, in the order the sentences appear in the article."""
        groups: dict[tuple[int, int, str], list[Evidence]] = defaultdict(list)
        for ev in self.evidence:
            groups[(ev.start, ev.end, ev.sentence)].append(ev)
        return [(start, end, text, evs) for (start, end, text), evs in sorted(groups.items())]


def _evidence(r) -> Evidence:
    return Evidence(
        term_view(r["s"], value(r, "sl")), term_view(r["p"]), term_view(r["o"], value(r, "ol")),
        (r["s"].value, r["p"].value, r["o"].value), r["text"].value,
        int(value(r, "start") or 0), int(value(r, "end") or 0), float(r["conf"].value), r["art"].value)


def evidence_for(this: ox.NamedNode) -> dict[str, Source]:
    """Sources of the statements whose subject or object is `this`, keyed by article IRI."""
    sources: dict[str, Source] = {}
    for r in select_rows("entity-evidence", this):
        art = r["art"].value
        src = sources.get(art) or sources.setdefault(art, Source(
            art, local_url(art), value(r, "title") or compact(art), value(r, "date") or "",
            value(r, "pub") or ""))
        src.evidence.append(_evidence(r))
    ordered = sorted(sources.values(), key=lambda s: (s.date, s.title))
    for number, src in enumerate(ordered, 1):
        src.number = number
        src.evidence.sort(key=lambda e: (e.start, e.predicate.text))
    return {s.iri: s for s in ordered}


def fact_rows(this: ox.NamedNode, direction: str, sources: dict[str, Source]) -> list[SimpleNamespace]:
    """Statements about `this` one way ("out" or "in"), each with the sources and best
    confidence backing it."""
    backing: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for src in sources.values():
        for ev in src.evidence:
            backing[ev.key].append(ev)
    iri = this.value
    rows = []
    for r in select_rows("entity-outgoing" if direction == "out" else "entity-incoming", this):
        p = r["p"].value
        key = (iri, p, r["x"].value) if direction == "out" else (r["x"].value, p, iri)
        evs = backing.get(key, [])
        numbers = sorted({sources[e.article].number for e in evs})
        rows.append(SimpleNamespace(
            predicate=term_view(r["p"]), value=term_view(r["x"], value(r, "label")), sources=numbers,
            confidence=max((e.confidence for e in evs), default=None)))
    return sorted(rows, key=lambda f: (f.predicate.text, f.value.text.lower()))


# -- page head -----------------------------------------------------------------------------------
def head(this: ox.NamedNode) -> SimpleNamespace:
    """Label, types, aliases, external links and articles of a resource."""
    label, types, aliases, links = None, [], [], []
    for r in select_rows("entity-head", this):
        p, o = r["p"].value, r["o"]
        if p == f"{RDFS}label":
            label = label or o.value
        elif p == f"{RDF}type":
            types.append(term_view(o))
        elif p == f"{SKOS}altLabel":
            aliases.append(o.value)
        elif p == f"{OWL}sameAs":
            site = next((name for ns, name in LINK_SITES.items() if o.value.startswith(ns)), "Link")
            links.append(SimpleNamespace(site=site, view=term_view(o)))
    mentions = select_rows("entity-mentioned-in", this)
    articles = [SimpleNamespace(view=term_view(r["o"], value(r, "title")), date=value(r, "date") or "")
                for r in mentions]
    # A specific event type (Visit) says more than its superclass (Event): list it first.
    types.sort(key=lambda t: (t.text == "Event", t.text))
    return SimpleNamespace(
        iri=this.value, label=label or compact(this.value), types=types, aliases=sorted(set(aliases)),
        links=sorted(links, key=lambda link: link.site), articles=sorted(articles, key=lambda a: a.date),
        more_articles=reached_limit("entity-mentioned-in", mentions), reports=reports(this))


def reports(this: ox.NamedNode | None = None, query: str = "entity-reports") -> SimpleNamespace:
    """How many articles report `this` (or, with the home query, the store holds) and how many
    independent stories they carry: copies of one wire story are one story (relgraph.syndication)."""
    rows = select_rows(query, this)
    sources = int(value(rows[0], "sources") or 0) if rows else 0
    stories = int(value(rows[0], "stories") or 0) if rows else 0
    return SimpleNamespace(sources=sources, stories=stories, text=reports_text(sources, stories))


def reports_text(sources: int, stories: int) -> str:
    """'3 sources (1 independent story)'."""
    return (f"{sources} source{'s' if sources != 1 else ''} "
            f"({stories} independent stor{'ies' if stories != 1 else 'y'})")


# -- articles ------------------------------------------------------------------------------------
def article_view(this: ox.NamedNode) -> SimpleNamespace:
    """What was extracted from one article: metadata, entities, statements sentence by sentence."""
    meta: dict[str, str] = {}
    for r in select_rows("article-meta", this):
        meta.setdefault(r["p"].value, r["o"].value)
    mentions: dict[str, list[TermView]] = defaultdict(list)
    for r in sorted(select_rows("article-mentions", this), key=lambda r: r["label"].value):
        mentions[term_info(r["type"].value)[0]].append(term_view(r["x"], r["label"].value))
    sentences: dict[tuple[int, int, str], list[SimpleNamespace]] = defaultdict(list)
    for r in select_rows("article-statements", this):
        key = (int(value(r, "start") or 0), int(value(r, "end") or 0), r["text"].value)
        sentences[key].append(SimpleNamespace(
            subject=term_view(r["s"], value(r, "sl")), predicate=term_view(r["p"]),
            object=term_view(r["o"], value(r, "ol")), confidence=float(r["conf"].value)))
    for facts in sentences.values():
        facts.sort(key=lambda f: (f.subject.text, f.predicate.text, f.object.text))
    url = meta.get("https://schema.org/url")
    fetched_url = meta.get(f"{DIP}fetchedUrl")
    return SimpleNamespace(
        iri=this.value, meta=meta, title=meta.get(f"{DCTERMS}title") or compact(this.value),
        url=url, url_href=web_href(url), fetched_url=fetched_url, fetched_href=web_href(fetched_url),
        mentions=dict(sorted(mentions.items())),
        sentences=sorted(sentences.items()))
