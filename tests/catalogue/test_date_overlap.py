"""One date-overlap rule (archive.dates), and the three doors that filter by years agree on it:
the browse filter, the admin's decade filter and the search's date filter, open ends included."""

import pytest
from django.db import connection

from archive import dates
from archive.models import Source
from tests import factories
from tests.search.conftest import titles as search_titles

pytestmark = pytest.mark.django_db

# Source dates and whether each meets the 1990s: an open end reaches as far as it needs to;
# an undated record never matches.
DATED = {
    "Ledger inside": ("1993", True),
    "Ledger straddling": ("1987/1991", True),
    "Ledger last day": ("1999-12-31", True),
    "Ledger open since the eighties": ("1980/..", True),
    "Ledger open since 1995": ("1995/..", True),
    "Ledger open until 1995": ("../1995", True),
    "Ledger open until 1985": ("../1985", False),
    "Ledger open since 2001": ("2001/..", False),
    "Ledger seventies": ("1975", False),
    "Ledger undated": ("", False),
}
EXPECTED = sorted(title for title, (_, meets) in DATED.items() if meets)


@pytest.fixture
def ledgers(db):
    return [factories.source(title=title, date=date) for title, (date, _) in DATED.items()]


def test_it_finds_the_same_records_through_the_browse_filter(client, ledgers):
    response = client.get("/sources/", {"year_from": 1990, "year_to": 1999})
    assert sorted(s.title for s in response.context["object_list"]) == EXPECTED


def test_it_finds_the_same_records_through_the_admin_decade_filter(curator_client, ledgers):
    response = curator_client.get("/admin/archive/source/", {"decade": "1990"})
    assert response.status_code == 200
    assert sorted(s.title for s in response.context["cl"].result_list) == EXPECTED


def test_it_finds_the_same_records_through_the_search_date_filter(client, ledgers):
    assert sorted(search_titles(client, "ledger", **{"from": 1990, "to": 1999})) == EXPECTED


@pytest.mark.parametrize(
    ("start", "end"), [(1990, 1999), (1990, None), (None, 1985), (1996, 1996), (None, None)]
)
def test_it_writes_the_same_rule_for_the_orm_and_for_raw_sql(ledgers, start, end):
    by_orm = set(Source.objects.filter(dates.overlap_q("date_earliest", "date_latest", start, end)))
    condition, values = dates.overlap_sql("date_earliest", "date_latest", start, end)
    with connection.cursor() as cursor:
        table = Source._meta.db_table
        cursor.execute(f"SELECT id FROM {table} WHERE {condition or '1 = 1'}", values)
        by_sql = {row[0] for row in cursor.fetchall()}
    assert {s.pk for s in by_orm} == by_sql
    if start is None and end is None:
        assert len(by_sql) == len(DATED)  # no range: every record, the undated too


def test_it_matches_open_ends_and_never_undated_records(ledgers):
    met = Source.objects.filter(dates.overlap_q("date_earliest", "date_latest", 1990, 1999))
    assert sorted(met.values_list("title", flat=True)) == EXPECTED
    assert dates.overlap_sql("e", "l", 1990, None) == (
        "(e IS NOT NULL OR l IS NOT NULL) AND (l IS NULL OR l >= %s)",
        [dates.year_bounds(1990, None)[0]],
    )
