"""The harvest benchmark runs and reports what docs/benchmarks.md quotes."""

import io

import pytest
from django.core.management import call_command

from tests import factories

pytestmark = pytest.mark.django_db


def test_it_harvests_everything_and_prints_rate_queries_and_memory():
    for _ in range(5):
        factories.source()
    factories.place()
    out = io.StringIO()
    call_command("benchmark_oai", "--page-size", "2", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ListRecords oai_dc")
    assert "6 records (0 deleted) in 3 pages" in lines[0]
    assert "5 records (0 deleted) in 3 pages" in lines[1]  # edm: the sources only
    for line in lines:
        assert "records/s" in line and "queries per page" in line and "peak" in line
