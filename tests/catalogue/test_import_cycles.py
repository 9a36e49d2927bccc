"""No module-level import cycles in the project's apps, and models import nothing above them.

Read with `ast`, not by importing: an import inside a function is how a cycle hides, so the
cycle check reads module-level imports (the ones that run at import time), and the models
check reads every import, wherever it is written.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("archive", "people", "events")
# What `archive.models` may not import, even inside a function: the layers built on it.
ABOVE_MODELS = tuple(
    f"archive.{name}" for name in ("media", "search", "imports", "views", "exports", "admin")
)
# Offences known today, to be removed (the stale check below fails once they are). None: the
# media specs (plain data) live below the models, and an upload is inspected by its doors.
KNOWN: set[str] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def imports(module: str, path: Path, known, module_level: bool = True) -> set[str]:
    """Project modules `module` imports (at module level only, unless told otherwise)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if module_level:
        nodes, stack = [], list(tree.body)
        while stack:  # module level: the body, and inside if/try/with/class, not functions
            node = stack.pop()
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            nodes.append(node)
            stack.extend(ast.iter_child_nodes(node))
    else:
        nodes = list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, path, node)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in known:
                    found.add(submodule)  # `from archive.search import kinds`
                elif base in known:
                    found.add(base)
    found.discard(module)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _graph(modules) -> dict[str, set[str]]:
    graph = {}
    for module, path in modules.items():
        # A package's own __init__ runs before its modules: an edge from a module to the
        # package it lives in is not a cycle (Python has the package half-built already).
        graph[module] = {
            target
            for target in imports(module, path, modules)
            if not module.startswith(f"{target}.")
        }
    return graph


def test_no_module_level_import_forms_a_cycle():
    assert cycles(_graph(_modules())) == []


def test_models_import_nothing_above_them():
    modules = _modules()
    offences = []
    for module, path in modules.items():
        if module == "archive.models" or module.startswith("archive.models."):
            for target in imports(module, path, modules, module_level=False):
                if target.startswith(ABOVE_MODELS):
                    offences.append(f"{module} imports {target}")
    assert sorted(set(offences) - KNOWN) == []
    assert sorted(KNOWN - set(offences)) == [], "fixed: delete these KNOWN entries"


def test_the_cycle_check_finds_a_cycle():
    graph = {"a.registry": {"a.signals"}, "a.signals": {"a.indexer"}, "a.indexer": {"a.registry"}}
    graph["a.entry"] = {"a.registry"}
    assert cycles(graph) == [["a.indexer", "a.registry", "a.signals"]]


def test_it_reads_module_level_imports_only_for_cycles(tmp_path):
    package = tmp_path / "a"
    package.mkdir()
    path = package / "models.py"
    path.write_text(
        "from a import dates\n"
        "def clean():\n    from a.media import ingest\n"
        "class Item:\n    from a import specs\n"
    )
    known = {"a.dates", "a.media", "a.media.ingest", "a.specs", "a.models"}
    assert imports("a.models", path, known) == {"a.dates", "a.specs"}
    everywhere = imports("a.models", path, known, module_level=False)
    assert everywhere == {"a.dates", "a.specs", "a.media.ingest"}
