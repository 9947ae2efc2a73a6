"""Extractors: spaCy Doc + Article -> typed records with spans, one sub-package per stage.

The stages, in the order :mod:`sayso.pipeline` runs them and :mod:`sayso.stages` names and
versions them: ``claims`` (who said what), ``speakers`` (who they are), ``times`` (when),
``figures`` (which numbers, whose), ``forecasts`` (what will be). A stage reads the Doc,
the article and the records of the stages before it, and returns new records; it never
changes an earlier stage's. :mod:`.spans` holds the span helpers they share,
:mod:`.models` the trained models they are handed as one value.
"""
