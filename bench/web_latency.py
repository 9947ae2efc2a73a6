"""Web latency benchmark: p50 / p95 / max of every page and API call of ``sayso serve``.

    python bench/web_latency.py [--stories 20000] [--requests 40] [--corpus ../shared/evaldata/reuters21578]

Builds (once; cached under /tmp, reused by later runs) a ledger of the first 20,000
Reuters-21578 stories through the whole pipeline, starts a real ``sayso serve`` (uvicorn)
on 127.0.0.1, warms it with one request per route, then sends each route ``--requests``
requests one at a time, varying the article, speaker, search words and page, and prints
the latency percentiles per route (target: p95 < 200 ms). No timing is asserted.

A Reuters story without a body (a headline-only wire) is read as its title, and a story whose
text repeats an earlier one is skipped, so that the ledger holds 20,000 distinct articles (19,043
stories have a body). An interrupted build resumes: the ingest skips what is stored.
"""
from __future__ import annotations

import argparse
import html
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

from ingest_reuters import DEFAULT_CORPUS, FIELD, REUTERS_DATE, STORY  # bench/ is sys.path[0]

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("SAYSO_BENCH_CACHE", "/tmp/sayso-bench-web"))
TARGET_MS = 200
AS_OF = "1987-04-15"
"""Reuters-21578 runs from February to October 1987: forecasts on the board are due, open and resolved."""
SEARCH_WORDS = ("oil", "prices", "bank", "dollar", "trade deficit", "wheat", "growth", "interest rates",
                "shares", "loss", "japan", "coffee", "opec", "merger", "tax")


def read_stories(corpus: Path, limit: int) -> list[dict]:
    """The first ``limit`` stories with a body or at least a title, as JSONL-ready dicts; a story whose
    text repeats an earlier one is skipped (it would be the same article in the ledger)."""
    from sayso.records import content_hash

    stories, seen = [], set()
    for sgm in sorted(corpus.glob("reut2-*.sgm")):
        for raw in STORY.findall(sgm.read_bytes().decode("latin-1")):
            found = {k: (m.group(1) if (m := rx.search(raw)) else "") for k, rx in FIELD.items()}
            title = html.unescape(found["TITLE"]).strip()
            body = html.unescape(found["BODY"]).replace("\x03", "").strip() or title
            if not body:
                continue
            if content_hash(body) in seen:
                continue
            seen.add(content_hash(body))
            day = datetime.strptime(found["DATE"].strip().split()[0], REUTERS_DATE).date().isoformat()
            stories.append({"title": title, "text": body, "date": day, "source": "Reuters"})
            if len(stories) == limit:
                return stories
    return stories


def build_ledger(corpus: Path, n: int, rebuild: bool = False) -> Path:
    """The cached ledger of ``n`` stories (built through ``sayso ingest`` when missing)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"reuters-{n}.db"
    done = CACHE / f"reuters-{n}.done"
    if done.exists() and db.exists() and not rebuild:
        return db
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    stories = read_stories(corpus, n)
    jsonl = CACHE / f"reuters-{n}.jsonl"
    jsonl.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    print(f"building {db} from {len(stories)} stories (once; about 15-30 min on 2 cores)", file=sys.stderr)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sayso.views.cli", "ingest", str(jsonl), "--db", str(db), "--quiet"],
                   check=True, cwd=REPO)
    done.write_text(f"{len(stories)} stories in {time.perf_counter() - start:.0f} s\n", encoding="utf-8")
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    """``sayso serve`` on 127.0.0.1:port, waiting until it answers (its start-up groups the figures)."""
    import httpx

    env = {**os.environ, "SAYSO_TOKEN": "bench-token"}
    proc = subprocess.Popen([sys.executable, "-m", "sayso.views.cli", "serve", "--db", str(db), "--port", str(port),
                             "--as-of", AS_OF], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"sayso serve exited: {proc.stderr.read().decode()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/home", timeout=30)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("sayso serve did not answer within 60 s")


def samples(client, rng: random.Random, rounds: int) -> dict[str, list[str]]:
    """Route name -> the page paths to time (each varied: ids, speakers, words, pages)."""
    articles = client.get("/api/articles", params={"per_page": 100, "page": 3}).json()["items"]
    speakers = client.get("/api/speakers", params={"per_page": 100}).json()["items"]
    board = client.get("/api/forecasts", params={"per_page": 100, "as_of": AS_OF}).json()["results"]["items"]
    a_ids, s_ids, f_ids = [a["id"] for a in articles], [s["id"] for s in speakers], [f["id"] for f in board]
    names = [s["name"].strip() for s in speakers[:40]]

    def q(path: str, **params) -> str:
        return path + "?" + urlencode({k: v for k, v in params.items() if v is not None})

    pick = rng.choice
    routes = {
        "home": lambda: q("/", as_of=AS_OF),
        "search": lambda: q("/search", q=pick(SEARCH_WORDS), page=rng.randint(1, 3)),
        "search (speaker, dates, kind)": lambda: q("/search", q=pick(SEARCH_WORDS), speaker=pick(names),
                                                   since="1987-03", until="1987-09",
                                                   kind=pick(("direct", "indirect", None))),
        "search articles": lambda: q("/search", q=pick(SEARCH_WORDS), scope="articles", page=rng.randint(1, 3)),
        "articles": lambda: q("/articles", page=rng.randint(1, 50)),
        "article": lambda: f"/articles/{pick(a_ids)}",
        "speakers": lambda: q("/speakers", page=rng.randint(1, 20)),
        "speaker": lambda: f"/speakers/{pick(s_ids)}",
        "forecasts": lambda: q("/forecasts", as_of=AS_OF, status=pick(("due", "open", "no-deadline", None)),
                               page=rng.randint(1, 3)),
        "forecast": lambda: q(f"/forecasts/{pick(f_ids)}", as_of=AS_OF),
        "figures": lambda: q("/figures", page=rng.randint(1, 10)),
    }
    return {name: [make() for _ in range(rounds)] for name, make in routes.items()}


def api_path(path: str) -> str:
    return "/api/home" + path[1:] if path.startswith("/?") or path == "/" else "/api" + path


def time_routes(client, urls: dict[str, list[str]]) -> list[dict]:
    """Each route as a page and as its API call, one request at a time: p50, p95, max in ms."""
    rows = []
    for name, paths in urls.items():
        for kind in ("page", "api"):
            chosen = paths if kind == "page" else [api_path(p) for p in paths]
            client.get(chosen[0])  # warm this route
            times = []
            for path in chosen:
                start = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: HTTP {response.status_code} {response.text[:200]}")
            times.sort()
            rows.append({"route": name, "kind": kind, "n": len(times), "p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(times[max(0, math.ceil(0.95 * len(times)) - 1)], 1),
                         "max_ms": round(times[-1], 1)})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=40, help="requests per route and kind")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rebuild", action="store_true", help="build the cached ledger again")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    db = build_ledger(args.corpus, args.stories, args.rebuild)
    if args.build_only:
        return 0
    import httpx

    port = free_port()
    start = time.perf_counter()
    server = start_server(db, port)
    startup_s = time.perf_counter() - start
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            counts = client.get("/api/home").json()["counts"]
            rows = time_routes(client, samples(client, random.Random(14), args.requests))
    finally:
        server.terminate()
        server.wait(timeout=30)
    result = {"ledger": str(db), "counts": counts, "startup_s": round(startup_s, 1), "target_p95_ms": TARGET_MS,
              "routes": rows,
              "worst_p95_ms": max(r["p95_ms"] for r in rows)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
    return 0


def print_report(r: dict) -> None:
    c = r["counts"]
    print(f"ledger {r['ledger']}: {c['articles']} articles, {c['claims']} claims, {c['figures']} figures, "
          f"{c['forecasts']} forecasts; server up in {r['startup_s']} s (figure groups computed before the first answer)")
    print(f"{'route':32} {'kind':5} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for row in r["routes"]:
        flag = "" if row["p95_ms"] < r["target_p95_ms"] else "  over target"
        print(f"{row['route']:32} {row['kind']:5} {row['n']:4d} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
              f"{row['max_ms']:8.1f}{flag}")
    print(f"worst p95: {r['worst_p95_ms']} ms (target < {r['target_p95_ms']} ms)")


if __name__ == "__main__":
    sys.exit(main())
