"""The views: thin layers over the library that read the ledger and never re-extract.

``cli`` (the ``sayso`` command; ``cli_eval`` is its ``sayso eval`` group), ``formats``
(JSON Lines, CSV, JSON), ``tables`` (terminal tables), ``article`` (one article with its
claims marked), ``demo`` (the bundled examples into a fresh ledger). Every output builds
its dicts with :mod:`sayso.shapes`.
"""
