"""Print the claims of a fixed sample of Reuters-21578 stories for reading by hand (issue 10).

Stories from the *last* corpus file (reut2-021.sgm, never used for tuning), in file order, that
hold at least four claims, until ``--stories`` stories (20) are taken; each claim is printed with
its speaker phrase, the entity it resolved to and the content, so a reader can mark whether the
claim is an attribution and whether its speaker is right. Also ingests them into a temporary
ledger and lists entities that share a surname, to check no two people with different given names
share one.

    python bench/reuters_sample.py [--stories 20] > sample.txt
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_reuters import parse_story  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "evaldata" / "reuters21578"
STORY = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
MIN_CLAIMS = 4
MARKER = re.compile(r"^&\\t", re.M)
"""The later corpus files open paragraphs with a literal "&\\t" (an encoding artifact of the
collection, not news text): it becomes the four-space indent the other paragraphs have."""


def unwrap(text: str) -> str:
    """The corpus wraps lines at about 70 columns and indents each new paragraph: join the lines of
    a paragraph (sayso, like a newspaper page, takes a line break for a paragraph end)."""
    paragraphs = re.split(r"\n(?=\s{2,}|\S+\s*$)", text)
    return "\n".join(" ".join(line.strip() for line in p.split("\n")) for p in paragraphs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--file", default="reut2-021.sgm")
    args = parser.parse_args(argv)
    from sayso.ledger import Ledger
    from sayso.nlp import load
    from sayso.pipeline import extract
    from sayso.records import Article

    nlp = load()
    taken = []
    for raw in STORY.findall((CORPUS / args.file).read_bytes().decode("latin-1")):
        story = parse_story(raw)
        if not story:
            continue
        text = unwrap(MARKER.sub("    ", story["text"]))
        article = Article(text=text, title=story["title"], published=story["date"])
        ex = extract(nlp(article.text), article)
        if len(ex.claims) >= MIN_CLAIMS:
            taken.append(ex)
        if len(taken) >= args.stories:
            break
    n = 0
    for k, ex in enumerate(taken, 1):
        names = {e.key: e for e in ex.entities}
        print(f"=== story {k}: {ex.article.title!r} ({ex.article.published})")
        print(ex.article.text.strip())
        print("--- claims")
        for c in ex.claims:
            n += 1
            e = names.get(c.speaker_key)
            who = f"{e.name} [{e.kind}{', ' + e.role if e and e.role else ''}]" if e else "-"
            spk = c.speaker.text if c.speaker else "-"
            print(f"#{n} speaker={spk!r} -> {who} | cue={c.cue.text if c.cue else '-'!r} | {c.content_text[:160]!r}")
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "r.db") as ledger:
        for ex in taken:
            ledger.store(ex)
        people = [s for s in ledger.speakers(min_claims=0) if s["kind"] == "person"]
        by_surname: dict[str, list[str]] = {}
        for s in people:
            by_surname.setdefault(s["name"].split()[-1].lower(), []).append(s["name"])
        shared = {k: v for k, v in by_surname.items() if len(v) > 1}
        print(f"=== {n} claims in {len(taken)} stories; {len(people)} person entities; "
              f"entities sharing a surname: {shared or 'none'}")
        merged = [(s["name"], s["aliases"]) for s in people if len({a.split()[0] for a in s["aliases"] + [s["name"]]
                                                                      if len(a.split()) > 1}) > 1]
        print(f"person entities whose full names have different first words: {merged or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
