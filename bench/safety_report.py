"""The report of `python -m bench.safety`: figures per kind from the raw outcomes, the acceptance
points of issue 9 with PASS/FAIL, a printed table and the JSON written with --json."""
from __future__ import annotations

import argparse
import os
import subprocess
import time
from collections import Counter, defaultdict

from bench.common import REPO, MiB, Table, fmt_num, machine, median, percentile
from bench.safety_clients import Outcome, is_ordinary_success

PAGES_P99_S = 1.0
ANSWER_GRACE_S = 2.0           # heavy queries are answered within the time limit + this
HEAVY_ANSWERS = {503, 504, 429}  # 429: a per-client limit answering at once
RSS_TOLERANCE = 0.10


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1) if seconds == seconds else float("nan")


def latency_figures(outcomes: list[Outcome]) -> dict:
    """Requests, errors (non-2xx/304 or transport error) and p50/p99/max latency of all of them
    (a request that failed counts with the time it took to fail, a time-out with the time-out)."""
    errors = sum(not is_ordinary_success(o.status) for o in outcomes)
    seconds = [o.seconds for o in outcomes]
    return {"requests": len(outcomes), "errors": errors,
            "p50_ms": _ms(percentile(seconds, 50)), "p99_ms": _ms(percentile(seconds, 99)),
            "max_ms": _ms(max(seconds, default=float("nan"))),
            "statuses": dict(Counter(str(o.status) for o in outcomes))}


def per_second(outcomes: list[Outcome], started: float, seconds: float) -> list[list[int]]:
    """[requests, errors] sent in each second of the load: shows when the server stalled."""
    rows = [[0, 0] for _ in range(max(1, int(seconds + 0.999)))]
    for outcome in outcomes:
        row = rows[min(len(rows) - 1, max(0, int(outcome.started - started)))]
        row[0] += 1
        row[1] += not is_ordinary_success(outcome.status)
    return rows


def ordinary_summary(outcomes: list[Outcome], seconds: float, clients: int, started: float) -> dict:
    by_kind, by_name = defaultdict(list), defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
        by_name[outcome.name].append(outcome)
    errors = [o for o in outcomes if not is_ordinary_success(o.status)]
    return {"clients": clients, "requests": len(outcomes), "errors": len(errors),
            "requests_per_s": round(len(outcomes) / seconds, 1) if seconds else 0.0,
            "kinds": {kind: latency_figures(group) for kind, group in sorted(by_kind.items())},
            "by_name": {name: latency_figures(group) for name, group in sorted(by_name.items())},
            "per_second": per_second(outcomes, started, seconds),
            "error_samples": [f"{o.name}: {o.status} after {o.seconds:.2f} s {o.sample[:120]!r}"
                              for o in errors[:8]]}


def attack_summary(outcomes: list[Outcome], limit_s: float) -> dict:
    by_name = defaultdict(list)
    for outcome in outcomes:
        by_name[outcome.name].append(outcome)
    return {name: {"heavy": group[0].kind == "heavy", "sent": len(group),
                   "by_status": dict(Counter(str(o.status) for o in group)),
                   "max_s": round(max(o.seconds for o in group), 2),
                   "within_limit": sum(o.seconds <= limit_s + ANSWER_GRACE_S for o in group),
                   "samples": sorted({f"{o.status}: {o.sample[:100]}" for o in group})[:3]}
            for name, group in sorted(by_name.items())}


def held_summary(raw: dict) -> dict:
    closures = raw.pop("closures")
    return {**raw, "closures": len(closures), "closed_by": dict(Counter(c.how for c in closures)),
            "median_held_s": round(median([c.held_s for c in closures]), 1) if closures else None}


def acceptance(report: dict, limit_s: float) -> list[dict]:
    """One entry per acceptance point of issue 9 (the last one, 'other attacks', is ours)."""
    ordinary, attacks = report["ordinary"], report["attacks"]
    pages = ordinary["kinds"].get("page", {"p99_ms": float("nan"), "requests": 0})
    heavy = [a for a in attacks.values() if a["heavy"]]
    heavy_sent = sum(a["sent"] for a in heavy)
    heavy_ok = sum(n for a in heavy for status, n in a["by_status"].items()
                   if status.isdigit() and int(status) in HEAVY_ANSWERS)
    heavy_late = heavy_sent - min(heavy_ok, sum(a["within_limit"] for a in heavy))
    others = [a for a in attacks.values() if not a["heavy"]]
    other_bad = sum(n for a in others for s, n in a["by_status"].items() if not s.isdigit() or s == "500")
    other_late = sum(a["sent"] - a["within_limit"] for a in others)
    sent = sum(a["sent"] for a in attacks.values())
    answered = sum(n for a in attacks.values() for s, n in a["by_status"].items() if s.isdigit())
    rss = report["rss_mib"]
    deadline = f"{limit_s + ANSWER_GRACE_S:g} s"
    return [
        _point("0 errors for the ordinary clients",
               f"{ordinary['errors']} errors in {ordinary['requests']:,} requests",
               ordinary["errors"] == 0 and ordinary["requests"] > 0),
        _point("p99 of pages under 1 s",
               f"p99 {fmt_num(pages['p99_ms'], 1)} ms over {pages['requests']:,} pages",
               pages["requests"] > 0 and pages["p99_ms"] < PAGES_P99_S * 1000),
        _point(f"every heavy query answered 503/504 (or 429) within {deadline}",
               f"{heavy_ok} of {heavy_sent} answered so, {heavy_late} not in time or otherwise, "
               f"{report['attacks_unanswered']} unanswered at the end",
               heavy_sent > 0 and heavy_late == 0 and report["attacks_unanswered"] == 0),
        _point("no outbound connection",
               f"{report['outbound']['connections']} connections to the listener "
               f"({answered} of {sent} attacks were answered at all)",
               report["outbound"]["connections"] == 0),
        _point("RSS back within 10 % of where it started",
               f"start {rss['start']:.0f}, peak {rss['peak']:.0f}, end {rss['end']:.0f} MiB "
               f"({100 * (rss['end'] / rss['start'] - 1):+.1f} %)" if rss["start"] else "no RSS",
               bool(rss["start"]) and abs(rss["end"] / rss["start"] - 1) <= RSS_TOLERANCE),
        _point(f"other attacks answered within {deadline}, never 500 or a transport error",
               f"{sum(a['sent'] for a in others)} sent, {other_late} late, {other_bad} 500/transport errors",
               bool(others) and other_late == 0 and other_bad == 0),
    ]


def _point(name: str, measured: str, passed: bool) -> dict:
    return {"point": name, "measured": measured, "pass": bool(passed)}


def _commit() -> str:
    """Which server code ran: the commit of this tree (the server imports relgraph from its src/
    unless PYTHONPATH points elsewhere, e.g. at an exported older commit)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], capture_output=True, text=True, cwd=REPO).stdout.strip()

    if os.environ.get("PYTHONPATH"):
        here = git("rev-parse", "--short", "HEAD")
        return f"relgraph from PYTHONPATH={os.environ['PYTHONPATH']} (this tree: {here})"
    dirty = git("status", "--porcelain", "--", "src")
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes in src/" if dirty else "")


def summarise(raw: dict, *, args: argparse.Namespace, limit_s: float, limit_reported: bool, store: str,
              entities: dict, probes: list, setup_failures: list[str]) -> dict:
    rss = raw["rss"]
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M"), "commit": _commit(), "machine": machine(), "store": store,
        "settings": {"duration_s": args.duration, "clients": args.clients, "slow": args.slow,
                     "idle": args.idle,
                     "attack_every_s": args.heavy_every, "time_limit_s": limit_s,
                     "time_limit_reported_by_server": limit_reported, "env": args.env},
        "entities": entities, "mix": [p.name for p in probes], "setup_failures": setup_failures,
        "seconds": round(raw["seconds"], 1), "hard_stop": raw["hard_stop"],
        "load_generator": {"cpu_s": round(raw["client_cpu_s"], 1),
                           "cpu_percent_of_one_core": round(100 * raw["client_cpu_s"] / raw["seconds"])},
        "ordinary": ordinary_summary(raw["ordinary"], raw["ordinary_seconds"], args.clients, raw["started"]),
        "attacks": attack_summary(raw["attacks"], limit_s), "attacks_unanswered": raw["attacks_unanswered"],
        "slow": held_summary(raw["slow"]), "idle": held_summary(raw["idle"]),
        "outbound": {"connections": len(raw["outbound"]), "peers": [p for p, _ in raw["outbound"][:10]]},
        "rss_mib": {"start": rss["start"] / MiB, "peak": max(rss["peak"], rss["start"], rss["end"]) / MiB,
                    "end": rss["end"] / MiB, "samples": [round(s / MiB) for s in rss["samples"]]},
    }
    report["acceptance"] = acceptance(report, limit_s)
    return report


def _counts(counter: dict) -> str:
    return ", ".join(f"{key}×{n}" for key, n in sorted(counter.items()))


def print_report(report: dict) -> None:
    s = report["settings"]
    print(f"\nbench.safety {report['date']} at {report['commit']}, {report['store']}: {s['duration_s']:g} s, "
          f"{s['clients']} ordinary / {s['slow']} slow / {s['idle']} idle, "
          f"an attack every {s['attack_every_s']:g} s, time limit {s['time_limit_s']:g} s "
          f"({'reported by the server' if s['time_limit_reported_by_server'] else 'as set'})")
    ordinary = Table("Ordinary clients", ["kind", "requests", "errors", "p50 ms", "p99 ms", "max ms"])
    for kind, f in report["ordinary"]["kinds"].items():
        ordinary.add(kind, f"{f['requests']:,}", f["errors"],
                     *(fmt_num(f[k], 1) for k in ("p50_ms", "p99_ms", "max_ms")))
    o = report["ordinary"]
    ordinary.add("**all**", f"{o['requests']:,}", o["errors"], "", "", "")
    ordinary.notes += [f"{o['requests_per_s']:,} requests/s; load generator CPU "
                       f"{report['load_generator']['cpu_percent_of_one_core']} % of one core"]
    ordinary.notes += [f"error: {e}" for e in o["error_samples"]]
    ordinary.notes += [f"setup failure: {e}" for e in report["setup_failures"]]
    attacks = Table("Attacks", ["attack", "sent", "answers by status", "max s", "within limit + 2 s"])
    for name, a in report["attacks"].items():
        attacks.add(name, a["sent"], _counts(a["by_status"]), a["max_s"], a["within_limit"])
    held = Table("Held connections", ["kind", "count", "opened", "closed by server", "how", "median held s",
                                      "open at end"])
    for kind in ("slow", "idle"):
        h = report[kind]
        held.add(kind, h.get("clients", h.get("connections")), h["opened"], h["closures"],
                 _counts(h["closed_by"]) or "–", h["median_held_s"] or "–", h["still_open"])
    rss = report["rss_mib"]
    held.notes.append(f"outbound connections: {report['outbound']['connections']}; RSS of the server "
                      f"tree: start {rss['start']:.0f}, peak {rss['peak']:.0f}, end {rss['end']:.0f} MiB"
                      + ("; HARD STOP reached" if report["hard_stop"] else ""))
    for table in (ordinary, attacks, held):
        print("\n" + table.markdown())
    for point in report["acceptance"]:
        print(f"{'PASS' if point['pass'] else 'FAIL'}  {point['point']}: {point['measured']}")
