"""The stage table: versions declared once, model fingerprints, stale records extracted again."""
from __future__ import annotations

import shutil

import pytest

from sayso import stages
from sayso.extract.models import Models
from sayso.ledger import Ledger
from sayso.pipeline import extractor_versions, ingest, reextract
from tests import EXAMPLES

N_EXAMPLES = len(list(EXAMPLES.glob("*.txt")))
AS_OF = "2030-01-01"


def test_every_stage_is_a_package_of_extract_in_pipeline_order():
    import sayso.extract as extract

    names = [stage.name for stage in stages.STAGES]
    assert names == ["claims", "speakers", "times", "figures", "forecasts", "places", "events"]
    for stage in stages.STAGES:
        assert (stages.DATA_DIR.parent / "extract" / stage.name / "__init__.py").is_file()
        assert stage.version.startswith(f"{stage.name}.v")
        assert all(r in {"doc", "article date", *names[:names.index(stage.name)]} for r in stage.reads)
    assert extract.__name__ == "sayso.extract"


def test_a_stage_without_model_files_is_its_version_and_one_with_them_carries_their_fingerprint(tmp_path):
    assert stages.extractor("times") == stages.BY_NAME["times"].version
    shipped = stages.extractor("claims")
    assert shipped.startswith("claims.v") and len(shipped.split("+")[1]) == stages.FINGERPRINT_HEX
    assert Models().versions == Models.default().versions
    assert stages.extractor("claims", tmp_path) != shipped  # files absent
    assert Models(claim_filter=None).extractor("claims") not in (shipped, stages.extractor("claims", tmp_path))


def _resolve_one(ledger: Ledger) -> dict:
    forecast = ledger.forecasts(as_of=AS_OF)[0]
    ledger.resolve(forecast["id"], "false", "https://example.org/report", note="did not happen", who="test")
    return forecast


def _outcome(ledger: Ledger, key: str) -> str | None:
    return next(f["outcome"] for f in ledger.forecasts(as_of=AS_OF) if f["forecast_key"] == key)


def test_a_changed_model_file_marks_stored_records_stale_and_reingesting_replaces_them(tmp_path, nlp):
    data = tmp_path / "data"
    shutil.copytree(stages.DATA_DIR, data)
    before = Models(data)
    with Ledger(tmp_path / "ledger.db") as ledger:
        assert ingest([EXAMPLES], ledger, models=before).new == N_EXAMPLES
        forecast = _resolve_one(ledger)
        assert list(ledger.stale_articles(extractor_versions(before))) == []
        assert ingest([EXAMPLES], ledger, models=Models(data)).unchanged == N_EXAMPLES

        filter_file = stages.model_path("claim_filter", data)  # same weights, other bytes
        filter_file.write_bytes(filter_file.read_bytes() + b"\n")
        after = Models(data)
        assert after.extractor("claims") != before.extractor("claims")
        assert {s: v for s, v in after.versions.items() if s != "claims"} == {
            s: v for s, v in before.versions.items() if s != "claims"}
        assert len(list(ledger.stale_articles(extractor_versions(after)))) == N_EXAMPLES

        summary = reextract(ledger, models=after)
        assert (summary.updated, summary.new, summary.failed) == (N_EXAMPLES, 0, 0)
        assert list(ledger.stale_articles(extractor_versions(after))) == []
        claims = ledger.claims()
        assert claims and {c["extractor"] for c in claims} == {after.extractor("claims")}
        assert _outcome(ledger, forecast["forecast_key"]) == "false"  # the resolution is kept
        assert reextract(ledger, models=after).updated == 0  # nothing stale any more

        filter_file.write_bytes(filter_file.read_bytes() + b"\n")  # again, now by a plain ingest
        summary = ingest([EXAMPLES], ledger, models=Models(data))
        assert (summary.updated, summary.unchanged) == (N_EXAMPLES, 0)
        assert _outcome(ledger, forecast["forecast_key"]) == "false"
        assert ledger.counts()["resolutions"] == 1


@pytest.mark.parametrize("given", [{"claim_filter": None}, {"tagger": None}])
def test_models_handed_over_are_never_mistaken_for_the_files(given):
    assert Models(**given).extractor("claims") != Models().extractor("claims")


def test_unknown_models_are_refused():
    with pytest.raises(TypeError, match="unknown models"):
        Models(classifier=None)
