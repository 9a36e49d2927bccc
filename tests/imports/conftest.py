import io
from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def run_import():
    """Run manage.py import_records; returns its output (raises CommandError on failure)."""

    def run(kind, path, *args):
        out = io.StringIO()
        call_command("import_records", kind, str(path), *args, "-v0", stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def places(db, run_import):
    run_import("place", DATA / "places.csv")
