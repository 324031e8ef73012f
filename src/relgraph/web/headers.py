"""Security headers on every response.

The pages load scripts and styles from this server only, with no inline script, style attribute
or event handler anywhere (the query page's configuration is a JSON data block, which a CSP does
not treat as script), so a value that slipped through escaping still could not run. Frames and
plugins are refused, forms post only here, and links to other sites carry no referrer. Every
other response (SPARQL results, dumps, RDF, SVG) gets the same policy plus `nosniff`, so a
browser never reads a result as HTML or script.
"""
from __future__ import annotations

from flask import Response

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    "Referrer-Policy": "no-referrer",
}


def add_security_headers(response: Response) -> Response:
    """After-request hook: add the security headers a handler did not set itself."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
