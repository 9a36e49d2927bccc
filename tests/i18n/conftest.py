import pytest
from django.utils import translation

from tests.imports.conftest import places, run_import  # noqa: F401  (the import preview)


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request leaves its language active in the thread; the next test starts in English."""
    with translation.override("en"):
        yield
