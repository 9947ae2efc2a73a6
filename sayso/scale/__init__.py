"""Beyond one process: Apache Spark (:mod:`.spark`, ``sayso spark``) and loading its Parquet output
into a ledger (:mod:`.load`, ``sayso load``); :mod:`.units` cuts the input into tasks,
:mod:`.tables` is the output's layout. docs/spark.md has the whole story."""
