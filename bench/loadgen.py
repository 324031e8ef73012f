"""A small HTTP load generator: N client threads, each with one keep-alive `http.client`
connection, sending the same GET for a fixed time after a warm-up. Run as a child process
(`python -m bench.loadgen URL CLIENTS DURATION_S WARMUP_S ACCEPT`) so that its GIL is its own; prints
one JSON line: requests, errors (non-200 answers and exceptions, with samples), seconds, latencies.
"""
from __future__ import annotations

import http.client
import json
import sys
import threading
import time
import urllib.parse


def load(url: str, clients: int, duration_s: float, warmup_s: float, accept: str) -> dict:
    parts = urllib.parse.urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    headers = {"Accept": accept, "Connection": "keep-alive"}
    barrier = threading.Barrier(clients + 1)
    state = {"start": 0.0, "stop": 0.0}
    results: list[tuple[list[float], int, list[str], int]] = [([], 0, [], 0)] * clients

    def client(k: int) -> None:
        latencies: list[float] = []
        errors, samples, body_bytes = 0, [], 0
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        barrier.wait()
        while True:
            t0 = time.perf_counter()
            if t0 >= state["stop"]:
                break
            try:
                conn.request("GET", target, headers=headers)
                response = conn.getresponse()
                body = response.read()
                ok = response.status == 200
                if not ok and len(samples) < 3:
                    samples.append(f"HTTP {response.status}: {body[:200]!r}")
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                if len(samples) < 3:
                    samples.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                body = b""
            t1 = time.perf_counter()
            if t0 >= state["start"]:  # past the warm-up
                if ok:
                    latencies.append(t1 - t0)
                    body_bytes += len(body)
                else:
                    errors += 1
        conn.close()
        results[k] = (latencies, errors, samples, body_bytes)

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for thread in threads:
        thread.start()
    now = time.perf_counter()
    state["start"], state["stop"] = now + warmup_s, now + warmup_s + duration_s
    barrier.wait()
    for thread in threads:
        thread.join()
    latencies = sorted(x for r in results for x in r[0])
    return {"clients": clients, "seconds": duration_s, "requests": len(latencies),
            "errors": sum(r[1] for r in results), "error_samples": [s for r in results for s in r[2]][:5],
            "bytes": sum(r[3] for r in results), "latencies_ms": [round(x * 1000, 3) for x in latencies]}


if __name__ == "__main__":
    url, clients, duration, warmup, accept = sys.argv[1:6]
    print(json.dumps(load(url, int(clients), float(duration), float(warmup), accept)))
