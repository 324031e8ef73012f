"""A small picture of an entity's neighbourhood, drawn on the server as SVG (no JS library).

The entity sits in the middle; the entities it is directly linked to (either direction) sit on an
ellipse around it, coloured by kind, each a link to its own page. The document is built with
ElementTree, so every label is escaped by the XML writer and the result is well-formed.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from relgraph.namespaces import DIP
from relgraph.web.entities import base_iri, compact, local_url, relgraph, term_info

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH, HEIGHT = 900, 440
MAX_NEIGHBOURS = 16
# Kinds that are context rather than neighbours: sources, evidence and the extractor.
SKIP_KINDS = {"article", "assertion", "agent", "graph"}
STYLE = """
.rg-edge { stroke: #9aa5b1; stroke-width: 1.4; }
.rg-edge-label { font: 11px system-ui, sans-serif; fill: #52606d; paint-order: stroke;
  stroke: #fff; stroke-width: 3px; }
.rg-node circle { stroke: #fff; stroke-width: 2; }
.rg-node text { font: 13px system-ui, sans-serif; fill: #1f2933; paint-order: stroke;
  stroke: #fff; stroke-width: 3px; }
.rg-node a:hover text, .rg-node a:focus text { text-decoration: underline; }
.rg-centre text { font-weight: 700; font-size: 15px; }
.k-person { fill: #2f6fde; } .k-state { fill: #d64545; } .k-organization { fill: #8e44ad; }
.k-city { fill: #e67e22; } .k-post { fill: #16a085; } .k-agreement { fill: #b7950b; }
.k-project { fill: #6d4c41; } .k-event { fill: #c2185b; } .k-other { fill: #7b8794; }
"""


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


def neighbours(iri: str) -> list[Neighbour]:
    """Entities one statement away from `iri`, without articles, evidence and classes."""
    rows = relgraph().store.query(f"""SELECT DISTINCT ?x ?p ?label ?out WHERE {{
        {{ <{iri}> ?p ?x BIND(true AS ?out) }} UNION {{ ?x ?p <{iri}> BIND(false AS ?out) }}
        FILTER(isIRI(?x) && ?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>
               && ?p != <http://www.w3.org/2002/07/owl#sameAs>)
        ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label .
    }}""")
    seen: dict[str, Neighbour] = {}
    for r in rows:
        n = Neighbour(r["x"].value, r["label"].value, r["p"].value, r["out"].value == "true")
        if n.kind not in SKIP_KINDS and n.iri != iri and n.iri not in seen:
            seen[n.iri] = n
    return sorted(seen.values(), key=lambda n: (n.kind, n.label.lower()))


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()})
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
    _sub(target, "circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=14 if centre else 9, class_=f"k-{kind}")
    if centre:
        anchor, tx, ty = "middle", x, y + 32
    elif abs(x - WIDTH / 2) < 40:  # top or bottom of the ellipse: label above/below the node
        anchor, tx, ty = "middle", x, y + (-16 if y < HEIGHT / 2 else 24)
    else:
        anchor, tx, ty = ("start", x + 14, y + 4) if x > WIDTH / 2 else ("end", x - 14, y + 4)
    limit = 40 if centre or anchor == "middle" else 30  # side labels have less room
    _sub(target, "text", _short(label, limit), x=f"{tx:.1f}", y=f"{ty:.1f}", text_anchor=anchor)


def neighbourhood_svg(iri: str, *, standalone: bool = False) -> str:
    """The SVG markup of `iri`'s neighbourhood; `standalone` adds the XML declaration."""
    label_rows = relgraph().store.query(
        f"SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} LIMIT 1")
    label = next((r["l"].value for r in label_rows), compact(iri))
    found = neighbours(iri)
    shown = found[:MAX_NEIGHBOURS]
    svg = ET.Element("svg", {"xmlns": SVG_NS, "viewBox": f"0 0 {WIDTH} {HEIGHT}", "role": "img",
                             "aria-labelledby": "rg-svg-title", "class": "neighbourhood"})
    summary = f"{label} and {len(found)} directly connected entities"
    _sub(svg, "title", summary, id="rg-svg-title")
    _sub(svg, "style", STYLE)
    cx, cy = WIDTH / 2, HEIGHT / 2
    points = _positions(len(shown))
    edges, nodes = _sub(svg, "g"), _sub(svg, "g")
    for n, (x, y) in zip(shown, points, strict=True):
        _sub(edges, "line", x1=f"{cx:.1f}", y1=f"{cy:.1f}", x2=f"{x:.1f}", y2=f"{y:.1f}", class_="rg-edge")
        prop = term_info(n.predicate)[0] if n.predicate.startswith(str(DIP)) else compact(n.predicate)
        arrow = "→" if n.outgoing else "←"
        mx, my = cx + (x - cx) * 0.55, cy + (y - cy) * 0.55
        _sub(edges, "text", f"{arrow} {prop}" if n.outgoing else f"{prop} {arrow}",
             x=f"{mx:.1f}", y=f"{my:.1f}", text_anchor="middle", class_="rg-edge-label")
        _node(nodes, x, y, n.label, n.kind, local_url(n.iri), f"{n.label} ({n.kind})")
    _node(nodes, cx, cy, label, kind_of(iri), None, label, centre=True)
    if len(found) > len(shown):
        _sub(svg, "text", f"+ {len(found) - len(shown)} more (see the tables below)", x=WIDTH - 10,
             y=HEIGHT - 10, text_anchor="end", class_="rg-edge-label")
    markup = ET.tostring(svg, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + markup if standalone else markup
