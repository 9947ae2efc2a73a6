"""Training the claims extractor's models from PolNeAR **train** only (never dev or test).

Run from the checkout, with the ``train`` extra (scikit-learn) installed
(``pip install -e '.[train]'``; ``make setup`` installs it):

    python -m training.claims   # the cue lexicon and cue model -> sayso/data/claims_cues.json
    python -m training.tagger ../shared/evaldata/polnear/train   # the CRF -> claims_tagger.crfsuite
    python -m training.filter   # the claims filter -> claims_filter.json

A new model file changes the claims stage's extractor string (``sayso.stages``), so
``sayso ingest --reextract`` extracts the stored articles again. Nothing in ``sayso/``
imports this package.
"""
