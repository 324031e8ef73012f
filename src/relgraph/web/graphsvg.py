"""A small picture of an entity's neighbourhood, drawn on the server as SVG (no JS library).

The entity sits in the middle; the entities it is directly linked to (either direction) sit on an
ellipse around it, coloured by kind, each a link to its own page. The document is built with
ElementTree, so every label is escaped by the XML writer and the result is well-formed.

Only our own pages are linked (`local_url`), and the look is given by SVG presentation
attributes rather than a <style> element, so the picture obeys the pages' Content-Security-Policy
(`style-src 'self'`) inline and on its own (hover effects live in static/relgraph.css).
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pyoxigraph as ox

from relgraph.namespaces import DIP
from relgraph.web.entity_views import term_info
from relgraph.web.links import base_iri, compact, local_url
from relgraph.web.page_queries import reached_limit, select_rows

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH, HEIGHT = 900, 440
MAX_NEIGHBOURS = 16
# Kinds that are context rather than neighbours: sources, evidence and the extractor.
SKIP_KINDS = {"article", "assertion", "agent", "graph"}
KIND_COLOURS = {"person": "#2f6fde", "state": "#d64545", "organization": "#8e44ad", "city": "#e67e22",
                "post": "#16a085", "agreement": "#b7950b", "project": "#6d4c41", "event": "#c2185b"}
OTHER_COLOUR = "#7b8794"
FONT = "system-ui, sans-serif"
# White halo behind labels so they stay readable over edges.
HALO = {"paint-order": "stroke", "stroke": "#fff", "stroke-width": "3"}
EDGE = {"stroke": "#9aa5b1", "stroke-width": "1.4"}
EDGE_LABEL = {"font-family": FONT, "font-size": "11", "fill": "#52606d", **HALO}


@dataclass(frozen=True)
class Neighbour:
    iri: str
    label: str
    predicate: str
    outgoing: bool

    @property
    def kind(self) -> str:
        return kind_of(self.iri)


def kind_of(iri: str) -> str:
    base = base_iri()
    return iri[len(base):].split("/", 1)[0] if iri.startswith(base) else "other"


def neighbours(this: ox.NamedNode) -> tuple[list[Neighbour], bool]:
    """Entities one statement away from `this`, without articles, evidence and classes, and
    whether there may be more than the page query's row limit let through."""
    rows = select_rows("neighbourhood", this)
    seen: dict[str, Neighbour] = {}
    for r in rows:
        n = Neighbour(r["x"].value, r["label"].value, r["p"].value, r["out"].value == "true")
        if n.kind not in SKIP_KINDS and n.iri != this.value and n.iri not in seen:
            seen[n.iri] = n
    ordered = sorted(seen.values(), key=lambda n: (n.kind, n.label.lower()))
    return ordered, reached_limit("neighbourhood", rows)


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sub(parent: ET.Element, tag: str, text: str | None = None, style: dict[str, str] | None = None,
         **attrs) -> ET.Element:
    names = {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()}
    el = ET.SubElement(parent, tag, {**(style or {}), **names})
    if text is not None:
        el.text = text
    return el


def _positions(count: int) -> list[tuple[float, float]]:
    """Points on an ellipse around the centre, starting at the top, clockwise."""
    cx, cy, rx, ry = WIDTH / 2, HEIGHT / 2, WIDTH / 2 - 210, HEIGHT / 2 - 55
    step = 2 * math.pi / max(count, 1)
    return [(cx + rx * math.cos(-math.pi / 2 + i * step), cy + ry * math.sin(-math.pi / 2 + i * step))
            for i in range(count)]


def _node(parent: ET.Element, x: float, y: float, label: str, kind: str, href: str | None,
          tooltip: str, centre: bool = False) -> None:
    group = _sub(parent, "g", class_="rg-node rg-centre" if centre else "rg-node")
    target = _sub(group, "a", href=href) if href else group
    _sub(target, "title", tooltip)
    _sub(target, "circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=14 if centre else 9, class_=f"k-{kind}",
         fill=KIND_COLOURS.get(kind, OTHER_COLOUR), stroke="#fff", stroke_width=2)
    if centre:
        anchor, tx, ty = "middle", x, y + 32
    elif abs(x - WIDTH / 2) < 40:  # top or bottom of the ellipse: label above/below the node
        anchor, tx, ty = "middle", x, y + (-16 if y < HEIGHT / 2 else 24)
    else:
        anchor, tx, ty = ("start", x + 14, y + 4) if x > WIDTH / 2 else ("end", x - 14, y + 4)
    limit = 40 if centre or anchor == "middle" else 30  # side labels have less room
    font = {"font-family": FONT, "font-size": "15" if centre else "13", "fill": "#1f2933", **HALO}
    if centre:
        font["font-weight"] = "700"
    _sub(target, "text", _short(label, limit), style=font, x=f"{tx:.1f}", y=f"{ty:.1f}", text_anchor=anchor)


def neighbourhood_svg(this: ox.NamedNode, *, standalone: bool = False) -> str:
    """The SVG markup of the neighbourhood of `this`; `standalone` adds the XML declaration."""
    iri = this.value
    label = next((r["l"].value for r in select_rows("neighbourhood-label", this)), compact(iri))
    found, cut = neighbours(this)
    shown = found[:MAX_NEIGHBOURS]
    svg = ET.Element("svg", {"xmlns": SVG_NS, "viewBox": f"0 0 {WIDTH} {HEIGHT}", "role": "img",
                             "aria-labelledby": "rg-svg-title", "class": "neighbourhood"})
    summary = f"{label} and {len(found)}{'+' if cut else ''} directly connected entities"
    _sub(svg, "title", summary, id="rg-svg-title")
    cx, cy = WIDTH / 2, HEIGHT / 2
    points = _positions(len(shown))
    edges, nodes = _sub(svg, "g"), _sub(svg, "g")
    for n, (x, y) in zip(shown, points, strict=True):
        _sub(edges, "line", style=EDGE, x1=f"{cx:.1f}", y1=f"{cy:.1f}", x2=f"{x:.1f}", y2=f"{y:.1f}",
             class_="rg-edge")
        prop = term_info(n.predicate)[0] if n.predicate.startswith(str(DIP)) else compact(n.predicate)
        arrow = "→" if n.outgoing else "←"
        mx, my = cx + (x - cx) * 0.55, cy + (y - cy) * 0.55
        _sub(edges, "text", f"{arrow} {prop}" if n.outgoing else f"{prop} {arrow}",
             style=EDGE_LABEL, x=f"{mx:.1f}", y=f"{my:.1f}", text_anchor="middle", class_="rg-edge-label")
        _node(nodes, x, y, n.label, n.kind, local_url(n.iri), f"{n.label} ({n.kind})")
    _node(nodes, cx, cy, label, kind_of(iri), None, label, centre=True)
    if len(found) > len(shown):
        more = f"+ {len(found) - len(shown)}{' or more' if cut else ''} more (see the tables below)"
        _sub(svg, "text", more, style=EDGE_LABEL, x=WIDTH - 10, y=HEIGHT - 10, text_anchor="end",
             class_="rg-edge-label")
    markup = ET.tostring(svg, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + markup if standalone else markup
