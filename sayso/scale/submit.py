"""The ``spark-submit`` entry point of ``sayso spark`` (a file, as spark-submit wants one):

    spark-submit --master local[2] "$(python -c 'import sayso.scale.submit as m; print(m.__file__)')" \\
        news.jsonl out/ [--chunk 200 --field text=body ...]

The arguments are those of ``sayso spark`` (INPUT... OUTPUT and its options); the master and the
resources are spark-submit's. ``python -m sayso.scale.submit ...`` runs the same in local mode.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from sayso.views.cli import app

    app(["spark", *(sys.argv[1:] if argv is None else argv)], prog_name="sayso spark")


if __name__ == "__main__":  # pragma: no cover
    main()
