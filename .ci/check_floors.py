"""Fail when an eval score falls below its pinned floor.

Usage: python .ci/check_floors.py FLOORS.json SECTION RESULT.json

FLOORS.json maps each eval (SECTION: claims, time, forecasts, figures, ...) to
dotted paths in that eval's JSON output and their minimum values, e.g.
{"claims": {"system.source.overlap.f1": 0.78}}. Floors only go up; lowering
one needs a stated reason in the commit message.
"""
import json
import sys


def lookup(tree: dict, dotted: str) -> float:
    for key in dotted.split("."):
        tree = tree[key]
    return float(tree)


def main(floors_path: str, section: str, result_path: str) -> int:
    floors = json.load(open(floors_path))[section]
    result = json.load(open(result_path))
    failed = 0
    for path, floor in floors.items():
        value = lookup(result, path)
        ok = value >= floor
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {section}: {path} = {value:.4f} (floor {floor})")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:4]))
