"""The import tests' fixtures, for the import preview tests."""

from tests.imports.conftest import places, run_import  # noqa: F401
