"""The training package runs as ``python -m training.<name>`` (no sys.path edits), and its shared fit."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests import REPO


@pytest.mark.parametrize("name", ["claims", "tagger", "filter"])
def test_each_script_runs_as_a_module(name):
    result = subprocess.run([sys.executable, "-m", f"training.{name}", "--help"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout and "--out" in result.stdout


def test_fit_logistic_keeps_the_weights_that_matter():
    pytest.importorskip("sklearn", reason="needs the train extra (scikit-learn)")
    from training.common import fit_logistic

    feats = [["bias", "cue=say"], ["bias", "cue=say"], ["bias", "cue=walk"], ["bias", "cue=walk"]] * 5
    labels = [1, 1, 0, 0] * 5
    model = fit_logistic(feats, labels, c_reg=1.0, max_iter=200, weight_min=0.01)
    assert model["weights"]["cue=say"] > 0 > model["weights"]["cue=walk"]
    assert set(model) == {"weights", "bias"}
