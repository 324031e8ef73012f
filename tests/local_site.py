"""A real HTTP server on 127.0.0.1 for the fetcher's tests: routes set per test, every request
recorded on the server side (path, arrival time, user agent), so politeness is checked where a
site owner would see it."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay_s: float = 0.0          # before the status line: a server slow to answer
    drip_s: float = 0.0           # between body bytes: a server that answers, then stalls
    length: bool = True           # send Content-Length (else the body ends when the connection closes)


@dataclass(frozen=True)
class Seen:
    path: str
    at: float                     # time.monotonic() when the request arrived
    user_agent: str


class LocalSite:
    """Routes: path -> Reply, or a function of the number of earlier requests to that path."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[int], Reply]] = {}
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths_seen(self) -> list[str]:
        with self._lock:
            return [s.path for s in self.seen]

    def start(self) -> LocalSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _reply(self, path: str) -> Reply:
        with self._lock:
            earlier = sum(1 for s in self.seen[:-1] if s.path == path)
        route = self.routes.get(path)
        if route is None:
            return Reply(404, b"not here", {"Content-Type": "text/plain"})
        return route(earlier) if callable(route) else route

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - the name http.server calls
                with site._lock:
                    site.seen.append(Seen(self.path, time.monotonic(), self.headers.get("User-Agent", "")))
                reply = site._reply(self.path)
                time.sleep(reply.delay_s)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.length:
                    self.send_header("Content-Length", str(len(reply.body)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                try:
                    self._write(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass            # the client gave up first, as it should

            def _write(self, reply: Reply) -> None:
                if not reply.drip_s:
                    self.wfile.write(reply.body)
                    return
                for i in range(len(reply.body)):
                    self.wfile.write(reply.body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(reply.drip_s)

            def log_message(self, *args):
                pass

        return Handler


def news_page(title: str, paragraphs: list[str], *, canonical: str | None = None,
              published: str = "2023-06-13", site_name: str = "Daily Courier") -> bytes:
    """A news page in the shape of a real site's: navigation, the story, a related box, a footer."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site_name}</title>
{link}<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site_name}">
<meta property="article:published_time" content="{published}T09:30:00Z"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article><h1>{title}</h1>{body}</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Markets close higher</a></li></ul></aside>
</main><footer><p>Copyright 2023 {site_name}. All rights reserved.</p></footer></body></html>""".encode()
