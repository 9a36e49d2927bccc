"""PostgreSQL: a search asks for the memory its bitmaps need, for its own transaction only."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import search

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SET LOCAL work_mem is PostgreSQL's"
)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_search_memory_lasts_for_the_search_only(client, settings):
    # No rows needed (a transactional test may run after the browser tests have flushed the
    # vocabularies): a search that finds nothing opens its transaction all the same.
    settings.SEARCH_WORK_MEM = "48MB"
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        before = cursor.fetchone()[0]
    assert before != "48MB"
    with CaptureQueriesContext(connection) as queries:
        assert search(client, "zzqxj")["total"] == 0
    sql = [query["sql"] for query in queries]
    # BEGIN, the setting, the search, COMMIT: SET LOCAL ends with the search's transaction.
    assert sql[0] == "BEGIN" and sql[-1] == "COMMIT"
    assert sql[1] == "SELECT set_config('work_mem', '48MB', true)"
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == before


def test_a_malformed_search_memory_setting_stops_the_start(db):
    env = {**os.environ, "SEARCH_WORK_MEM": "64MB'; DROP TABLE search_document; --"}
    started = subprocess.run(
        [sys.executable, "-c", "import archive.settings"],
        env=env,
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
    )
    assert started.returncode != 0
    assert "SEARCH_WORK_MEM must be a size such as 64MB" in started.stderr
