"""The package's shape, measured: module sizes, no import cycle, the runtime free of eval/training code."""
from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests import REPO

PACKAGE = REPO / "sayso"
MAX_LINES = 600
EVAL_ONLY = ("sayso.evaluate", "textacy")
"""What only the evaluation (``sayso eval``, the ``eval`` extra) may import."""
NEVER = ("training", "sklearn")
"""What no module of sayso imports (the training scripts and their extra)."""
EVAL_VIEWS = {"sayso.views.cli_eval"}
"""The one view of sayso.evaluate (its imports sit inside the eval commands)."""


def module_name(path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """Every module ``name`` imports (at any level, TYPE_CHECKING included), sayso's resolved to modules."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            target = ".".join(p for p in (base, node.module) if p)
            subs = {f"{target}.{alias.name}" for alias in node.names} & MODULES.keys()
            found |= subs or {target}
    return found


GRAPH = {name: {i for i in imports(name) if i in MODULES and i != name} for name in MODULES}


def test_no_module_over_600_lines():
    long = {name: n for name, p in MODULES.items() if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle():
    assert cycles(GRAPH) == []


def test_the_cycle_finder_finds_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def _starts(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_runtime_code_never_imports_evaluation_or_training():
    wrong = {name: sorted(i for i in imports(name) if _starts(i, NEVER)
                          or (_starts(i, EVAL_ONLY) and not _starts(name, ("sayso.evaluate",)) and name not in EVAL_VIEWS))
             for name in MODULES}
    assert {name: found for name, found in wrong.items() if found} == {}


def test_the_import_checks_see_lazy_imports():
    assert "sayso.evaluate.claims" in imports("sayso.views.cli_eval")  # inside a command function


def test_the_command_line_loads_without_evaluation_or_training_code():
    probe = ("import sys, sayso.views.cli, sayso.pipeline, sayso.ledger; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textacy', 'sklearn', 'training') "
             "or m.startswith('sayso.evaluate')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("stage", ["claims", "speakers", "times", "figures", "forecasts"])
def test_each_extraction_stage_is_one_sub_package(stage):
    assert f"sayso.extract.{stage}" in MODULES and MODULES[f"sayso.extract.{stage}"].name == "__init__.py"
    assert not (PACKAGE / "extract" / f"{stage}.py").exists()


def test_every_path_the_docs_name_exists():
    import re

    named = re.compile(r"(?<![\w./-])((?:sayso|tests|training|bench|\.ci)/[\w./*-]*)")
    missing = []
    for doc in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for n, line in enumerate(doc.read_text("utf-8").splitlines(), 1):
            for found in named.findall(line):
                path = found.rstrip(".,:;)*").split("::")[0]  # also a bold mark closing the path
                if not (any(REPO.glob(path)) if "*" in path else (REPO / path).exists()):
                    missing.append(f"{doc.name}:{n}: {path}")
    assert missing == []
