"""Score the figures extractor (and quantulum3 itself as the baseline) on quantulum3's own test cases,
and span P/R/F1 on the Quantity entities of re3d.

``evaluate_figures(path)`` reads quantities.json (a list of {"req": sentence, "res": [{"value", "unit",
"surface"}]}), parses every sentence once, runs sayso's extractor and quantulum3 (without its unit
classifier, as sayso runs it) on the same sentences, and scores, over the cases within scope:

- value accuracy: gold quantities whose overlapping prediction has the same value (a range: its
  midpoint, as quantulum3 writes ranges) within ``VALUE_REL_TOL``;
- unit accuracy: gold quantities whose overlapping prediction has the same unit (sayso's units
  mapped to quantulum3's names: a count -> "dimensionless", "percent" -> "percentage", an ISO code ->
  the currency's name);
- span P/R/F1: exact match of the surface (trimmed as in :mod:`scoring`), and overlap.

``evaluate_figures`` adds, under "re3d", ``evaluate_re3d`` on re3d's dev split when the re3d folder lies
beside the quantulum3 tests (../shared/evaldata/conflibert-cameo/re3d), so ``sayso eval figures`` reports
both and CI can hold floors on both.

Cases out of scope are those with a gold quantity sayso deliberately does not report as a figure
(see :func:`out_of_scope`): years, durations, counting units ("a dozen" is 12 to sayso) and numbers
that are part of a name. They are listed in the result and in docs/figures.md.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..records import Article
from .scoring import Counts, count_matches, trimmed_chars

VALUE_REL_TOL = 1e-6
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
                        "gigayear", "megayear", "kiloyear"})
COUNT_UNITS = frozenset({"dozen", "baker's dozen", "gross"})
YEAR_SURFACE_RE = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")
NAME_BEFORE_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][\w-]*|\w*\d\w*)\s$")
CURRENCY_NAMES = {"USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "yen", "RUB": "russian ruble",
                  "UAH": "ukrainian hryvnia"}
SYSTEM_UNIT_NAMES = {None: "dimensionless", "people": "dimensionless", "percent": "percentage"}
RE3D_LABEL = "Quantity"
RE3D_MONEY_LABEL = "Money"  # currency figures are scored against this label, not Quantity
MONEY_UNITS = frozenset({"cent"})
RE3D_DEFAULT_SPLIT = "dev.txt"
RE3D_BESIDE = Path("conflibert-cameo") / "re3d"

Item = dict  # {"start", "end", "value", "unit"}


# --------------------------------------------------------------------------- quantulum3 cases


def gold_items(case: dict) -> list[Item]:
    """Gold quantities with offsets: each surface found in order in the sentence (skipped if absent)."""
    text, items, pos = case["req"], [], 0
    for res in case["res"]:
        at = text.find(res["surface"], pos)
        at = text.find(res["surface"]) if at < 0 else at
        if at < 0:
            continue
        items.append({"start": at, "end": at + len(res["surface"]), "value": float(res["value"]),
                      "unit": res["unit"], "surface": res["surface"]})
        pos = at + len(res["surface"])
    return items


def out_of_scope(case: dict) -> str | None:
    """Why a quantulum3 case is outside what sayso calls a figure, or None."""
    text = case["req"]
    for res in case["res"]:
        surface, unit = res["surface"], res["unit"]
        if unit == "dimensionless" and YEAR_SURFACE_RE.match(surface):
            return f"year: {surface!r} is a date, not a figure"
        if unit in TIME_UNITS:
            return f"duration: {surface!r} belongs to the times stage"
        if unit in COUNT_UNITS:
            return f"counting unit: sayso reads {surface!r} as a number, not the unit {unit!r}"
        at = text.find(surface)
        if unit == "dimensionless" and at > 0 and NAME_BEFORE_RE.search(text[:at]):
            return f"name: {surface!r} is part of a name or model number"
    return None


def system_unit(unit: str | None) -> str:
    if unit in SYSTEM_UNIT_NAMES:
        return SYSTEM_UNIT_NAMES[unit]
    return CURRENCY_NAMES.get(unit, unit)


def system_items(doc, text: str) -> list[Item]:
    from ..extract.figures import extract_figures

    items = []
    for fig in extract_figures(doc, Article(text=text)):
        value = fig.value if fig.value is not None else _mid(fig.low, fig.high)
        items.append({"start": fig.start, "end": fig.end, "value": value, "unit": system_unit(fig.unit)})
    return items


def baseline_items(text: str) -> list[Item]:
    from ..extract.figures.quantulum import quantulum_parser

    try:
        quantities = quantulum_parser().parse(text)
    except Exception:  # noqa: BLE001 - the baseline failing on a case scores as finding nothing
        return []
    return [{"start": q.span[0], "end": q.span[1], "value": float(q.value), "unit": q.unit.name} for q in quantities]


def _mid(low, high):
    if low is None or high is None:
        return low if high is None else high
    return (low + high) / 2


def _same_value(gold: float, pred) -> bool:
    if pred is None:
        return False
    return abs(gold - pred) <= VALUE_REL_TOL * max(1.0, abs(gold))


def _best_overlap(gold: Item, preds: list[Item]) -> Item | None:
    best, best_shared = None, 0
    for pred in preds:
        shared = min(gold["end"], pred["end"]) - max(gold["start"], pred["start"])
        if shared > best_shared:
            best, best_shared = pred, shared
    return best


class Scorer:
    """Value / unit accuracy and span P/R/F1 of one system over many cases."""

    def __init__(self) -> None:
        self.n_gold = self.values = self.units = 0
        self.exact, self.overlap = Counts(), Counts()

    def add(self, text: str, gold: list[Item], pred: list[Item]) -> None:
        for g in gold:
            p = _best_overlap(g, pred)
            self.n_gold += 1
            self.values += bool(p and _same_value(g["value"], p["value"]))
            self.units += bool(p and str(p["unit"]).lower() == str(g["unit"]).lower())
        g_chars = [trimmed_chars(text, [(g["start"], g["end"])]) for g in gold]
        p_chars = [trimmed_chars(text, [(p["start"], p["end"])]) for p in pred]
        self.exact.add(count_matches(g_chars, p_chars, "exact"), len(gold), len(pred))
        self.overlap.add(count_matches(g_chars, p_chars, "overlap"), len(gold), len(pred))

    def result(self) -> dict:
        n = self.n_gold or 1
        return {"value_accuracy": round(self.values / n, 4), "unit_accuracy": round(self.units / n, 4),
                "span": self.exact.prf(), "span_overlap": self.overlap.prf(), "gold": self.n_gold}


def default_re3d(path: str | Path) -> Path | None:
    """re3d beside the quantulum3 tests in the evaldata folder (``../conflibert-cameo/re3d``), if there."""
    folder = Path(path).resolve().parent.parent / RE3D_BESIDE
    return folder if (folder / RE3D_DEFAULT_SPLIT).is_file() else None


def evaluate_figures(path: str | Path, limit: int | None = None, re3d: str | Path | None = None) -> dict:
    """sayso vs quantulum3 on quantulum3's test cases (in scope), plus the same over all cases, and
    (under "re3d") span P/R/F1 on re3d's Quantity entities: ``re3d`` or the folder beside ``path``."""
    result = evaluate_quantulum_cases(path, limit)
    re3d = re3d or default_re3d(path)
    if re3d is not None:
        result["re3d"] = evaluate_re3d(re3d, limit)
    return result


def evaluate_quantulum_cases(path: str | Path, limit: int | None = None) -> dict:
    """sayso vs quantulum3 on quantulum3's test cases (in scope), plus the same over all cases."""
    from ..nlp import parse

    cases = json.loads(Path(path).read_text("utf-8"))[:limit]
    scorers = {name: Scorer() for name in ("system", "baseline", "system_all", "baseline_all")}
    skipped = []
    for case, doc in zip(cases, parse(c["req"] for c in cases)):
        text, gold = case["req"], gold_items(case)
        pred = {"system": system_items(doc, text), "baseline": baseline_items(text)}
        reason = out_of_scope(case)
        if reason:
            skipped.append({"text": text, "reason": reason})
        for name in ("system", "baseline"):
            scorers[f"{name}_all"].add(text, gold, pred[name])
            if not reason:
                scorers[name].add(text, gold, pred[name])
    result = {name: s.result() for name, s in scorers.items()}
    return {"system": result["system"], "baseline": result["baseline"], "cases": len(cases) - len(skipped),
            "all_cases": {"cases": len(cases), "system": result["system_all"], "baseline": result["baseline_all"]},
            "out_of_scope": skipped}


# --------------------------------------------------------------------------- re3d


def _joins(prev: str, tok: str, nxt: str) -> bool:
    """re3d splits "8,000" and "2.5" into three tokens: glue them back."""
    return tok in (",", ".") and prev.isdigit() and nxt.isdigit() and (tok == "." or len(nxt) == 3)


def read_conll(path: Path, label: str = RE3D_LABEL) -> list[tuple[str, list[tuple[int, int]]]]:
    """re3d CoNLL (token TAB tag, blank line between sentences) -> (text, gold spans of ``label``)."""
    sentences, rows = [], []
    for line in path.read_text("utf-8").splitlines() + [""]:
        if line.strip():
            token, _, tag = line.partition("\t")
            rows.append((token, tag.strip()))
        elif rows:
            sentences.append(_sentence(rows, label))
            rows = []
    return sentences


def _sentence(rows: list[tuple[str, str]], label: str = RE3D_LABEL) -> tuple[str, list[tuple[int, int]]]:
    text, spans, glue = "", [], False
    for i, (token, tag) in enumerate(rows):
        nxt = rows[i + 1][0] if i + 1 < len(rows) else ""
        joined = _joins(rows[i - 1][0] if i else "", token, nxt)
        start = len(text) if (glue or joined or not text) else len(text) + 1
        text = text + token if (glue or joined or not text) else f"{text} {token}"
        glue = joined
        if tag == f"B-{label}" or (tag == f"I-{label}" and not spans):
            spans.append((start, len(text)))
        elif tag == f"I-{label}":
            spans[-1] = (spans[-1][0], len(text))
    return text, spans


def is_money(unit: str | None) -> bool:
    """A currency figure: an ISO code ("USD") or cents. re3d marks those Money, not Quantity."""
    return bool(unit) and (unit in MONEY_UNITS or (len(unit) == 3 and unit.isupper()))


def re3d_predictions(doc, text: str, with_qualifier: bool = False, money: bool = False) -> list[tuple[int, int]]:
    """sayso figure spans, without money (re3d's Money label) or, with ``money``, only money; with
    the qualifier in front when asked (re3d includes it only sometimes: "At least 10" but "More than
    [650,000]")."""
    from ..extract.figures import extract_figures
    from ..extract.figures.context import qualifier
    from ..extract.figures.numbers import Candidate

    spans = []
    for fig in extract_figures(doc, Article(text=text)):
        if is_money(fig.unit) != money:
            continue
        start = qualifier(Candidate(fig.start, fig.end, fig.value), text)[1] if with_qualifier else fig.start
        spans.append((start, fig.end))
    return spans


def evaluate_re3d(path: str | Path, limit: int | None = None) -> dict:
    """Span P/R/F1 (exact and overlap) of sayso's figures against re3d's Quantity entities."""
    from ..nlp import parse

    path = Path(path)
    path = path / RE3D_DEFAULT_SPLIT if path.is_dir() else path
    sentences = read_conll(path)[:limit]
    money_gold = [spans for _, spans in read_conll(path, RE3D_MONEY_LABEL)[:limit]]
    exact, overlap, money = Counts(), Counts(), Counts()
    for (text, gold), doc, cash in zip(sentences, parse(t for t, _ in sentences), money_gold):
        g = [trimmed_chars(text, [s]) for s in gold]
        p = [trimmed_chars(text, [s]) for s in re3d_predictions(doc, text)]
        exact.add(count_matches(g, p, "exact"), len(g), len(p))
        overlap.add(count_matches(g, p, "overlap"), len(g), len(p))
        g = [trimmed_chars(text, [s]) for s in cash]
        p = [trimmed_chars(text, [s]) for s in re3d_predictions(doc, text, money=True)]
        money.add(count_matches(g, p, "overlap"), len(g), len(p))
    return {"sentences": len(sentences), "gold": exact.n_gold, "span": exact.prf(), "span_overlap": overlap.prf(),
            "money_overlap": money.prf()}


def format_report(result: dict) -> str:
    """Plain-text table of ``evaluate_figures`` (and, under "re3d", ``evaluate_re3d``) output."""
    lines = []
    if "system" in result:
        lines += [f"quantulum3 cases within scope: {result['cases']} "
                  f"({len(result['out_of_scope'])} out of scope: see out_of_scope in --json, docs/figures.md)",
                  f"{'':<10}{'value':>7}{'unit':>7}   span P / R / F1 (exact)   overlap F1"]
        for name in ("system", "baseline"):
            s = result[name]
            lines.append(f"{name:<10}{s['value_accuracy']:>7.3f}{s['unit_accuracy']:>7.3f}   "
                         f"{s['span']['p']:.3f} / {s['span']['r']:.3f} / {s['span']['f1']:.3f}"
                         f"       {s['span_overlap']['f1']:.3f}")
    if "re3d" in result:
        r = result["re3d"]
        lines.append(f"re3d Quantity ({r['sentences']} sentences, {r['gold']} gold): span P/R/F1 "
                     f"{r['span']['p']:.3f} / {r['span']['r']:.3f} / {r['span']['f1']:.3f}, overlap F1 "
                     f"{r['span_overlap']['f1']:.3f}")
    return "\n".join(lines)
