"""Score the forecast extractor (and a cue-word baseline) against future-statements.

``evaluate_forecasts(path)`` reads the benchmark's JSON list (``dev.json``: one
object per article, ``original_text`` and the gold ``extracted`` statements),
runs the pipeline's extraction (``sayso.pipeline.extract``) on each article and
scores by sentence, because the gold statements carry no offsets and their
"Modality Evidence" is a paraphrase:

1. **align**: each gold statement goes to the article sentence whose content
   words best cover its Event Variable, Predicted Attribute, Magnitude, Modality
   Evidence and Predictor (the most shared words, each weighted by its rarity
   among the article's sentences and by its field, ``GOLD_FIELDS``; the first
   such sentence on a tie; none when fewer than ``MIN_ALIGN_WORDS`` are shared);
2. **find**: a prediction finds a statement when its span overlaps the
   statement's sentence; one prediction finds at most one statement and one
   statement is found at most once (maximum bipartite matching, pairs whose
   predictor agrees matched first);
3. recall = found statements / all statements, precision = predictions that
   find a statement / all predictions, predictor accuracy = found statements
   whose predicted predictor shares a content word with the gold one (the
   publication agrees with an empty, "article" or "unspecified" gold predictor).

The articles carry no date, so each is read as undated (``published=None``):
windows that need the article's date stay open. The baseline takes every
sentence with a word of ``BASELINE_CUE_WORDS`` as one forecast whose predictor
is the first person / organisation named in it (else the publication).
"""
from __future__ import annotations

import json
import math
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ..extract.forecasts.lexicon import BASELINE_CUE_WORDS
from ..records import Article

log = logging.getLogger(__name__)

# The gold fields aligned on, with the weight of their words: the evidence is the
# statement's own wording paraphrased; the predictor's name is often in other sentences too.
GOLD_FIELDS = {"Event Variable": 1.0, "Predicted Attribute": 1.0, "Magnitude / Predicted Value": 1.0,
               "Modality Evidence": 2.0, "Predictor": 0.5}
STEM_LENGTH = 6  # words are cut to this many letters ("intensify" = "intensification")
MIN_ALIGN_WORDS = 2  # a sentence sharing fewer content words with a statement is no alignment
PUBLICATION = "the publication"
# Gold predictor words that stand for the article itself (agree with PUBLICATION).
PUBLICATION_WORDS = frozenset({"article", "author", "publication", "unspecified", "none", "reporter",
                               "newspaper", "report", "wikinews", "unnamed", "source"})
# ... of which these name the article itself, whatever else the gold predictor says about it.
ARTICLE_WORDS = frozenset({"article", "publication", "wikinews", "newspaper", "reporter"})
BASELINE_PREDICTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
DEFAULT_FILE = "dev.json"
HEDGING_LEVELS = ("certain", "likely", "possible")
HALVES = {"even": 0, "odd": 1}  # the first article of each half, by index


@dataclass
class Gold:
    """One gold statement: its alignment words, predictor and certainty."""

    words: dict[str, float]  # content word -> weight of the field it came from
    predictor: str
    probability: float | None


@dataclass
class Prediction:
    start: int
    end: int
    predictor: str  # names of the predictor ("Oleksii Reznikov Reznikov"), or PUBLICATION
    hedging: str | None = None


# --- reading ---------------------------------------------------------------------

def read_statements(path: str | Path, limit: int | None = None) -> list[tuple[str, list[Gold]]]:
    """(article text, gold statements) per article of the benchmark file."""
    path = Path(path)
    if path.is_dir():
        path = path / DEFAULT_FILE
    items = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for item in items[:limit] if limit else items:
        text = item.get("original_text") or ""
        out.append((text, [_gold(s) for s in item.get("extracted") or [] if isinstance(s, dict)]))
    return out


def _gold(statement: dict) -> Gold:
    words: dict[str, float] = {}
    for name, weight in GOLD_FIELDS.items():
        for word in content_words(str(statement.get(name) or "")):
            words[word] = max(weight, words.get(word, 0.0))
    return Gold(words, str(statement.get("Predictor") or ""), _probability(statement.get("Modality")))


def _probability(value) -> float | None:
    """"70%" / 70 / 0.7 -> 0.7, "1%" -> 0.01 (a % sign always means hundredths); anything else -> None."""
    m = re.match(r"\s*(\d+(?:\.\d+)?)\s*(%?)", str(value)) if value is not None else None
    if not m:
        return None
    x = float(m.group(1))
    return x / 100 if m.group(2) or x > 1 else x


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words without stop words, plural "s" cut, at most ``STEM_LENGTH`` letters."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = (w.lower() for w in WORD.findall(text))
    return frozenset(_stem(w) for w in words if w not in STOP_WORDS)


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM_LENGTH]


# --- alignment and matching --------------------------------------------------------

def align(golds: list[Gold], sentences: list[frozenset[str]]) -> list[int | None]:
    """The index of the sentence that best covers each statement (None: no sentence does).

    Cover = the shared words weighted by their rarity among the article's sentences
    (inverse sentence frequency), so the predictor's name, repeated all over the
    article, does not outweigh the words of the predicted event."""
    weight = _rarity(sentences)
    out: list[int | None] = []
    for gold in golds:
        shared = [gold.words.keys() & words for words in sentences]
        # sorted: a float sum in set order would depend on the hash seed and could flip a tie
        scores = [sum(weight[w] * gold.words[w] for w in sorted(common)) for common in shared]
        best = max(range(len(scores)), key=lambda i: (scores[i], -i), default=None)
        out.append(best if best is not None and len(shared[best]) >= MIN_ALIGN_WORDS else None)
    return out


def _rarity(sentences: list[frozenset[str]]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for words in sentences:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    n = len(sentences)
    return {w: math.log((n + 1) / c) for w, c in counts.items()}


def predictor_agrees(predicted: str, gold: str) -> bool:
    """The predicted predictor shares a content word with the gold one. The publication agrees with a
    gold predictor made only of words for the article, or one that names the article itself with a
    qualifier ("Article estimate", "Article's author/implied by the context", "Article/General Opinion")."""
    gold_words = content_words(gold)
    if predicted == PUBLICATION:
        return gold_words <= content_words(" ".join(PUBLICATION_WORDS)) or bool(
            gold_words & content_words(" ".join(ARTICLE_WORDS)))
    return bool(content_words(predicted) & gold_words)


def match(golds: list[Gold], sentence_of: list[int | None], sentence_spans: list[tuple[int, int]],
          preds: list[Prediction]) -> dict[int, int]:
    """gold index -> prediction index, a maximum matching; predictor-agreeing pairs first."""
    edges = {g: [p for p, pred in enumerate(preds) if s is not None and _overlaps(pred, sentence_spans[s])]
             for g, s in enumerate(sentence_of)}
    agreeing = {g: [p for p in ps if predictor_agrees(preds[p].predictor, golds[g].predictor)]
                for g, ps in edges.items()}
    owner: dict[int, int] = {}  # prediction -> gold
    for graph in (agreeing, edges):
        for g in graph:
            if g not in owner.values():
                _augment(g, graph, owner, set())
    return {g: p for p, g in owner.items()}


def _augment(g: int, graph: dict[int, list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    for p in graph[g]:
        if p in seen:
            continue
        seen.add(p)
        if p not in owner or _augment(owner[p], graph, owner, seen):
            owner[p] = g
            return True
    return False


def _overlaps(pred: Prediction, bounds: tuple[int, int]) -> bool:
    return pred.start < bounds[1] and bounds[0] < pred.end


# --- predictions --------------------------------------------------------------------

def system_predictions(doc, article: Article) -> list[Prediction]:
    """The pipeline's own extraction (``sayso.pipeline.extract``): its forecasts, each with its
    predictor's names from the resolved entities."""
    from ..pipeline import extract

    extraction = extract(doc, article)
    names = {e.key: " ".join([e.name, *e.aliases]) for e in extraction.entities}
    return [Prediction(f.start, f.end, names.get(f.predictor_key or "", PUBLICATION), f.hedging)
            for f in extraction.forecasts]


def baseline_predictions(doc) -> list[Prediction]:
    """Every sentence holding a future cue word; predictor: the first name in it."""
    out = []
    for sent in doc.sents:
        if any(t.lower_ in BASELINE_CUE_WORDS for t in sent):
            names = [e.text for e in sent.ents if e.label_ in BASELINE_PREDICTOR_ENTS]
            out.append(Prediction(sent.start_char, sent.end_char, names[0] if names else PUBLICATION))
    return out


# --- scoring --------------------------------------------------------------------------

class Tally:
    """Counts for one system over many documents."""

    def __init__(self) -> None:
        self.golds = self.found = self.preds = self.agreeing = 0
        self.levels: dict[str, list[float]] = {level: [] for level in HEDGING_LEVELS}

    def add(self, golds: list[Gold], preds: list[Prediction], found: dict[int, int]) -> None:
        self.golds += len(golds)
        self.preds += len(preds)
        self.found += len(found)
        for g, p in found.items():
            self.agreeing += predictor_agrees(preds[p].predictor, golds[g].predictor)
            if preds[p].hedging in self.levels and golds[g].probability is not None:
                self.levels[preds[p].hedging].append(golds[g].probability)

    def result(self) -> dict:
        recall = self.found / self.golds if self.golds else 0.0
        precision = self.found / self.preds if self.preds else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "recall": round(recall, 4), "precision": round(precision, 4), "f1": round(f1, 4),
            "predictor_accuracy": round(self.agreeing / self.found, 4) if self.found else 0.0,
            "statements": self.golds, "predictions": self.preds, "found": self.found,
            "hedging": {level: _calibration(v) for level, v in self.levels.items()},
        }


def _calibration(probabilities: list[float]) -> dict:
    mean = round(sum(probabilities) / len(probabilities), 4) if probabilities else None
    return {"n": len(probabilities), "mean_gold_probability": mean}


def score_doc(doc, golds: list[Gold], preds: list[Prediction]) -> tuple[dict[int, int], int]:
    """The matching of one document and the number of its statements aligned to a sentence."""
    sents = list(doc.sents)
    sentence_of = align(golds, [content_words(s.text) for s in sents])
    spans = [(s.start_char, s.end_char) for s in sents]
    return match(golds, sentence_of, spans, preds), sum(s is not None for s in sentence_of)


def evaluate_forecasts(path: str | Path, limit: int | None = None, half: str | None = None) -> dict:
    """Recall, precision and predictor accuracy of sayso's forecasts and of the baseline;
    ``half="even"`` / ``"odd"`` scores only the articles of even / odd index (tune on one, check
    on the other)."""
    from ..nlp import parse

    items = read_statements(path, limit)
    if half in HALVES:
        items = items[HALVES[half]::2]
    system, baseline, aligned = Tally(), Tally(), 0
    for (text, golds), doc in zip(items, parse(text for text, _ in items)):
        preds = _safe_predictions(doc, Article(text=text, published=None))
        found, n_aligned = score_doc(doc, golds, preds)
        system.add(golds, preds, found)
        base = baseline_predictions(doc)
        baseline.add(golds, base, score_doc(doc, golds, base)[0])
        aligned += n_aligned
    out = system.result()
    base = {k: v for k, v in baseline.result().items() if k != "hedging"}
    return {**{k: out[k] for k in ("recall", "precision", "predictor_accuracy")}, "docs": len(items),
            "f1": out["f1"], "statements": out["statements"], "aligned": aligned,
            "predictions": out["predictions"], "found": out["found"], "hedging": out["hedging"],
            "baseline": base, "undated": True}


def _safe_predictions(doc, article: Article) -> list[Prediction]:
    try:
        return system_predictions(doc, article)
    except Exception:  # noqa: BLE001 - one bad article must not stop the evaluation
        log.debug("forecasts failed on one article", exc_info=True)
        return []


def format_report(result: dict) -> str:
    """A plain-text table of ``evaluate_forecasts`` (or ``evaluate_meantime``) output."""
    if result.get("format") == "meantime":
        from .forecasts_meantime import format_meantime

        return format_meantime(result)
    lines = [f"future-statements forecasts, {result['docs']} docs (undated), {result['statements']} "
             f"statements, {result['aligned']} aligned to a sentence",
             f"{'system':<10}{'recall':>8}{'precision':>11}{'F1':>7}{'predictor':>11}{'predictions':>13}"]
    for name, r in (("sayso", result), ("baseline", result["baseline"])):
        lines.append(f"{name:<10}{r['recall']:>8.3f}{r['precision']:>11.3f}{r['f1']:>7.3f}"
                     f"{r['predictor_accuracy']:>11.3f}{r['predictions']:>13}")
    lines.append("hedging -> mean gold probability: " + ", ".join(
        f"{level} {v['mean_gold_probability']} (n={v['n']})" for level, v in result["hedging"].items()))
    return "\n".join(lines)
