"""DESIGN.md's dependency direction: events → people → archive. `archive` imports neither
`people` nor `events`; `people` does not import `events`."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"archive": ("people", "events"), "people": ("events",)}


def _imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_an_app_never_imports_the_layers_above_it(app):
    offences = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for module in _imported_modules(path):
            if module.split(".")[0] in FORBIDDEN[app]:
                offences.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offences == []


def test_the_check_finds_an_offence(tmp_path):
    offender = tmp_path / "bad.py"
    offender.write_text("from events.models import Event\nimport people.models\n")
    assert list(_imported_modules(offender)) == ["events.models", "people.models"]
