"""Score quotes, their speakers and cross-article identity against the Gender Gap Tracker's annotations.

``evaluate_speakers(folder)`` parses every GGT article once, runs sayso's pipeline (claims and
speakers) and textacy's ``direct_quotations`` (the baseline) on the same Docs, and scores both by
GGT's rules (docs/speakers.md, "How it is scored"):

- **a gold quote is found** when a predicted quote covers at least ``MATCH_MIN`` (30 %) of its
  characters and at least 30 % of the prediction lies inside it (the rule ggt-quotes' SOURCE.md
  states). GGT's own scorer (``evaluate_quotes.py``) asks only the first (coverage *above* 0.3);
  that looser score is reported too (``ggt_code_rule``). Gold quotes are taken in order, each with
  the remaining prediction that covers the largest share of it; a prediction finds one quote at most.
  Each content span of a claim is one predicted quote (GGT annotates ``"A," X said, "B"`` as two).
- **speaker accuracy**: of the found quotes, the share whose predicted canonical speaker (the name of
  the entity the claim's speaker resolved to) ends in the same word (last name) as GGT's ``reference``.
- scores for **all claims** and for **quote-like** claims only (quotation marks, or a speech cue:
  :func:`sayso.extract.claims.is_quote_like`; GGT does not annotate stance verbs such as "expects").
- **identity across articles**: the 50 articles go into one temporary ledger; B-cubed precision /
  recall / F1 of the ledger entity ids of the found quotes against GGT's references (a reference of
  two or more capitalised words names one person across all articles; any other reference, "officials",
  "she", one within its article). A found quote whose speaker has no entity is a cluster of its own.
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..extract.claims import is_quote_like
from ..link.entities import ascii_fold
from ..records import Article
from .ggt import GoldArticle, GoldQuote, read_ggt

MATCH_MIN = 0.3
"""Share of a gold quote a prediction must cover (and share of the prediction inside it)."""
GGT_PUBLISHED = {"quote_f1": 0.837, "speaker_accuracy": 0.865}
"""The GGT pipeline's own figures on its full annotated set (quote F1 83.7, speaker match 86.5)."""
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "co", "inc", "ltd", "llc", "llp", "corp", "plc"})
"""Words after a last name that are no name: generational suffixes, corporate suffixes ("Samsung
Electronics Co." ends in "Electronics", as "Samsung Electronics" does)."""
_WORD = re.compile(r"[a-z0-9]+")

Range = tuple[int, int]


@dataclass(frozen=True)
class Predicted:
    """One predicted quote: its character range, the canonical speaker name, the ledger entity id."""

    start: int
    end: int
    speaker: str | None
    entity: int | None = None
    quote_like: bool = True


def last_name(name: str | None) -> str | None:
    """The folded last word of a name ("Seamus O'Regan" -> "oregan"; "Martin Luther King Jr." -> "king";
    "Samsung Electronics Co." -> "electronics")."""
    if not name:
        return None
    folded = re.sub(r"'s\b", "", ascii_fold(name)).replace("'", "")  # "Trudeau's" -> trudeau
    words = _WORD.findall(folded)
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else None


def coverage(gold: Range, pred: Range) -> tuple[float, float]:
    """(share of gold covered by pred, share of pred inside gold)."""
    shared = max(0, min(gold[1], pred[1]) - max(gold[0], pred[0]))
    g, p = gold[1] - gold[0], pred[1] - pred[0]
    return (shared / g if g else 0.0), (shared / p if p else 0.0)


def _admits(gold: Range, pred: Range, rule: str) -> float:
    """The match score of a pair (share of gold covered) or 0 when the rule refuses it."""
    covered, inside = coverage(gold, pred)
    if rule == "ggt_code":
        return covered if covered > MATCH_MIN else 0.0
    return covered if covered >= MATCH_MIN and inside >= MATCH_MIN else 0.0


def match(gold: list[GoldQuote], pred: list[Predicted], rule: str = "source") -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, GGT's greedy way: gold quotes in order, each with the
    remaining prediction of the highest score."""
    remaining = list(range(len(pred)))
    pairs = []
    for gi, g in enumerate(gold):
        if g.start is None:
            continue
        scored = [(_admits((g.start, g.end), (pred[pi].start, pred[pi].end), rule), pi) for pi in remaining]
        scored = [(s, pi) for s, pi in scored if s > 0]
        if scored:
            best = max(scored, key=lambda sp: (sp[0], -sp[1]))[1]
            pairs.append((gi, best))
            remaining.remove(best)
    return pairs


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    found: int = 0
    speaker_right: int = 0

    def add(self, gold: list[GoldQuote], pred: list[Predicted], rule: str) -> list[tuple[int, int]]:
        pairs = match(gold, pred, rule)
        self.gold += len(gold)
        self.pred += len(pred)
        self.found += len(pairs)
        self.speaker_right += sum(speaker_right(gold[gi], pred[pi]) for gi, pi in pairs)
        return pairs

    def result(self) -> dict:
        p = self.found / self.pred if self.pred else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_right / self.found if self.found else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "speaker_accuracy": round(acc, 4),
                "gold": self.gold, "predicted": self.pred, "found": self.found,
                "speaker_right": self.speaker_right}


def speaker_right(gold: GoldQuote, pred: Predicted) -> bool:
    """The predicted canonical speaker shares the last name of GGT's reference."""
    want = last_name(gold.reference)
    return want is not None and last_name(pred.speaker) == want


def identity_key(article_id: str, gold: GoldQuote) -> str:
    """GGT's person across articles: a reference of two or more capitalised words; else per article."""
    words = gold.reference.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words if w.lower() not in ("de", "van", "von", "al")):
        return " ".join(_WORD.findall(ascii_fold(gold.reference)))
    return f"{article_id}:{gold.reference.lower()}"


def b_cubed(items: list[tuple[str, object]]) -> dict:
    """B-cubed precision / recall / F1 of (gold cluster, predicted cluster) items."""
    if not items:
        return {"p": 0.0, "r": 0.0, "f1": 0.0, "items": 0}
    by_gold: dict[str, list[int]] = {}
    by_pred: dict[object, list[int]] = {}
    for i, (g, p) in enumerate(items):
        by_gold.setdefault(g, []).append(i)
        by_pred.setdefault(p, []).append(i)
    p_sum = r_sum = 0.0
    for g, p in items:
        shared = len(set(by_gold[g]) & set(by_pred[p]))
        p_sum += shared / len(by_pred[p])
        r_sum += shared / len(by_gold[g])
    prec, rec = p_sum / len(items), r_sum / len(items)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4), "items": len(items)}


# -- the two systems -----------------------------------------------------------------------

def sayso_quotes(extraction, doc, ledger_ids: dict[tuple, int | None]) -> list[Predicted]:
    """Every content span of every claim, with its speaker's entity name and ledger entity id."""
    names = {e.key: e.name for e in extraction.entities}
    out = []
    for claim in extraction.claims:
        speaker = names.get(claim.speaker_key) if claim.speaker_key else None
        entity = ledger_ids.get(_claim_key(claim.content))
        quote_like = is_quote_like(doc, claim)
        out += [Predicted(s.start, s.end, speaker, entity, quote_like) for s in claim.content]
    return out


def _claim_key(parts) -> tuple:
    return tuple((s.start, s.end) if hasattr(s, "start") else tuple(s) for s in parts)


def textacy_quotes(doc) -> list[Predicted]:
    """textacy's direct quotations: the content's character range, the speaker's words as written."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except (ValueError, IndexError, KeyError, AttributeError):
        return []
    out = []
    for t in triples:
        if not t.content:
            continue
        start, last = t.content[0], t.content[-1]
        speaker = " ".join(tok.text for tok in t.speaker) or None
        out.append(Predicted(start.idx, last.idx + len(last.text), speaker))
    return out


def given_name_conflicts(ledger) -> list[dict]:
    """Person entities of the ledger whose full names disagree on the given name ("Bill Clinton" and
    "Hillary Clinton" in one entity; an initial agrees with the name it starts)."""
    from ..link.entities import person_name

    out = []
    for s in ledger.speakers(min_claims=0):
        if s["kind"] != "person":
            continue
        firsts = {person_name(n).first for n in [s["name"], *s["aliases"]]} - {None}
        full = {f for f in firsts if len(f) > 1}
        if len(full) > 1 or any(not any(g.startswith(f) for g in full) for f in firsts - full if full):
            out.append({"name": s["name"], "aliases": s["aliases"]})
    return out


def _store(ledger, extraction) -> dict[tuple, int | None]:
    """Store one extraction; content spans -> the ledger entity id of the claim's speaker."""
    ledger.store(extraction)
    rows = ledger.claims(article=extraction.article.id)
    return {tuple(tuple(p) for p in row["parts"]): row["speaker_id"] for row in rows}


def evaluate_speakers(folder: str | Path, limit: int | None = None) -> dict:
    """Quote P / R / F1 and speaker accuracy (all claims, quote-like claims, textacy) by GGT's rules,
    the looser rule of GGT's own scorer, and the B-cubed identity score of the ledger entities."""
    from ..ledger import Ledger
    from ..nlp import parse
    from ..pipeline import extract

    golds = read_ggt(folder, limit)
    tallies = {name: Tally() for name in ("all", "quote_like", "baseline",
                                          "code_all", "code_quote_like", "code_baseline")}
    identity: list[tuple[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "ggt.db") as ledger:
        for gold, doc in zip(golds, parse(g.text for g in golds)):
            article = Article(text=gold.text, url=f"ggt:{gold.id}", source=gold.outlet)
            extraction = extract(doc, article)
            preds = sayso_quotes(extraction, doc, _store(ledger, extraction))
            quotes, base = list(gold.quotes), textacy_quotes(doc)
            like = [p for p in preds if p.quote_like]
            pairs = tallies["all"].add(quotes, preds, "source")
            tallies["quote_like"].add(quotes, like, "source")
            tallies["baseline"].add(quotes, base, "source")
            tallies["code_all"].add(quotes, preds, "ggt_code")
            tallies["code_quote_like"].add(quotes, like, "ggt_code")
            tallies["code_baseline"].add(quotes, base, "ggt_code")
            identity += [(identity_key(gold.id, quotes[gi]),
                          preds[pi].entity if preds[pi].entity is not None else ("none", gold.id, gi))
                         for gi, pi in pairs]
        conflicts = given_name_conflicts(ledger)
    r = {name: t.result() for name, t in tallies.items()}
    return {
        "docs": len(golds),
        "system": {"all": r["all"], "quote_like": r["quote_like"]},
        "baseline": {"textacy": r["baseline"]},
        "identity": {"b_cubed": b_cubed(identity), "given_name_conflicts": conflicts},
        "ggt_code_rule": {"system": {"all": r["code_all"], "quote_like": r["code_quote_like"]},
                          "baseline": {"textacy": r["code_baseline"]}},
        "ggt_published": GGT_PUBLISHED,
    }


def format_report(result: dict) -> str:
    """A plain-text table of :func:`evaluate_speakers` output."""
    lines = [f"GGT quotes, {result['docs']} articles (match: >= 30 % of the gold quote and of the prediction)",
             f"{'system':<22}  P      R      F1     speaker acc.  found/gold  predicted"]

    def row(name: str, s: dict) -> str:
        return (f"{name:<22}  {s['p']:.3f}  {s['r']:.3f}  {s['f1']:.3f}  {s['speaker_accuracy']:.3f}"
                f"         {s['found']}/{s['gold']}     {s['predicted']}")

    lines += [row("sayso, all claims", result["system"]["all"]),
              row("sayso, quote-like", result["system"]["quote_like"]),
              row("textacy", result["baseline"]["textacy"])]
    code = result["ggt_code_rule"]
    lines += ["GGT's own scorer's rule (coverage of the gold quote > 30 % only):",
              row("sayso, all claims", code["system"]["all"]), row("sayso, quote-like", code["system"]["quote_like"]),
              row("textacy", code["baseline"]["textacy"])]
    b = result["identity"]["b_cubed"]
    lines.append(f"identity across articles (B-cubed over {b['items']} found quotes): "
                 f"P {b['p']:.3f}  R {b['r']:.3f}  F1 {b['f1']:.3f}; person entities whose names disagree "
                 f"on the given name: {len(result['identity']['given_name_conflicts'])}")
    pub = result["ggt_published"]
    lines.append(f"GGT's pipeline (published, its 98 articles): quote F1 {pub['quote_f1']}, "
                 f"speaker accuracy {pub['speaker_accuracy']}")
    return "\n".join(lines)
