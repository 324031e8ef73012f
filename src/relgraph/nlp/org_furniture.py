"""Page furniture around the news text: share buttons, section bars, tag lists, bylines, related
stories and the credits of photos and wires. A name there is not news text."""
from __future__ import annotations

from spacy.tokens import Span

from relgraph.nlp.context import ArticleContext
from relgraph.nlp.org_shapes import org_shapes

DASHES = {"-", "\u2013", "\u2014"}


def on_furniture_line(ctx: ArticleContext, span: Span) -> bool:
    """Share buttons ('WhatsApp | Print'), section bars, tag lists, bylines, credits and the
    '- headline' links of related stories: a name there is not in the news text."""
    if span.start > 0 and span.doc[span.start - 1].text == "(" and _early_in_text(span):
        return True   # 'PRAGUE, June 4 (Omnipress) --': the wire's credit in the dateline
    text = ctx.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    low = line.lstrip("[(").lower()   # '[Photo: Lakeland News Agency]'
    if _credit_after_dash(span, line) or _after_credit_label(span):
        return True
    shapes = org_shapes()
    if any(sep in line for sep in shapes.furniture_separators) or line.startswith("|") or line.endswith("|"):
        return True   # 'WhatsApp | Print', 'WORLD \u00b7 INTERNATIONAL EDITION': buttons and section bars
    if any(low.startswith(s) for s in shapes.furniture_line_starts) and len(line) < 120:
        return True
    if line[:2] in shapes.furniture_bullets and len(line) < 120 and not line.endswith("."):
        return True
    if _in_bracketed_credit(span, line):
        return True
    return line.strip("()[]-\u2013\u2014 .") == span.text.strip()   # alone on a line: a button, '(Omnipress)'


def _in_bracketed_credit(span: Span, line: str) -> bool:
    """'... at the palace on Thursday. (Omnipress/Ann Roe)': a bracket with a slash that ends a
    caption line names the agency and the photographer."""
    if not line.endswith(")"):
        return False
    doc = span.doc
    opening = line.rfind("(")
    if opening < 0 or "/" not in line[opening:]:
        return False
    line_start = doc.text.rfind("\n", 0, span.start_char) + 1
    bracket_start = doc.text.find(line[opening:], line_start)
    return 0 <= bracket_start < span.start_char


def _after_credit_label(span: Span) -> bool:
    """'... at the summit. Photo: Lakeland News Agency]': a photo credit inside a caption."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == ":" \
        and doc[span.start - 2].lower_ in org_shapes().credit_labels


def _credit_after_dash(span: Span, line: str) -> bool:
    """'Tarsk, 3 May 2025, 10:15 — Omnipress': a name after a dash that ends a short line with
    no verb is the wire's credit under a dateline."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text not in DASHES or len(line) > 80:
        return False
    if not line.rstrip("]) .").endswith(span.text.strip()):
        return False
    sent = span.sent
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:span.start])


def _early_in_text(span: Span) -> bool:
    """Within the first sentence of its paragraph and before any verb: where datelines stand."""
    before = span.doc[span.sent.start:span.start]
    return not any(t.pos_ in ("VERB", "AUX") for t in before) and len(before) <= 8
