"""The cue lexicon and the small trained cue classifier.

``sayso/data/claims_cues.json`` (written by ``python -m training.claims`` from
PolNeAR train) holds ``lexicon`` (lemma -> how often PolNeAR train annotates it
as a cue) and, optionally, ``model`` (logistic-regression weights over sparse
string features of a candidate cue in context). Without the file, the
hand-curated lists of :mod:`..lexicon` are used alone.
"""
from __future__ import annotations

import json
import math
from itertools import repeat
from dataclasses import dataclass, field
from pathlib import Path

from .. import lexicon as cues
from .cue_features import cue_features

MODEL_FILE = "claims_cues.json"  # in the models' folder (``sayso/data``)
LOGIT_LIMIT = 30.0  # |z| beyond this is certainty either way (and keeps math.exp from overflowing)


def logistic(weights: dict[str, float], bias: float, features: list[str]) -> float:
    """P(yes) of a logistic regression over string features (absent features weigh 0); the weights
    are summed in the features' order, by ``map`` (a generator cost twice as much)."""
    z = bias + sum(map(weights.get, features, repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-LOGIT_LIMIT, min(LOGIT_LIMIT, z))))


@dataclass
class CueModel:
    lexicon: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    open_vocabulary: bool = False  # every verb is a candidate (training, or with a model)

    def is_candidate(self, tok) -> bool:
        if (self.open_vocabulary or self.weights) and tok.pos_ == "VERB":
            return True
        lemma = tok.lemma_.lower()
        if lemma in cues.REPORTING_VERBS or lemma in cues.STANCE_VERBS:
            return True
        return self.lexicon.get(lemma, 0.0) >= cues.MINED_CUE_MIN_PROB

    def probability(self, features: list[str]) -> float:
        return logistic(self.weights, self.bias, features)

    def score(self, tok, claim, pattern: str) -> float | None:
        """The model's probability that ``tok`` is a cue (None without a model)."""
        return self.probability(cue_features(tok, claim, pattern)) if self.weights else None


def load_cue_model(path: Path) -> CueModel:
    """The cue lexicon and model of the file ``path`` (the curated lists alone when it is missing)."""
    p = Path(path)
    if not p.is_file():
        return CueModel()
    data = json.loads(p.read_text(encoding="utf-8"))
    model = data.get("model", {})
    return CueModel(data.get("lexicon", {}), model.get("weights", {}), model.get("bias", 0.0))
