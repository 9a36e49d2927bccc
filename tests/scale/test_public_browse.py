"""Public browse pages at scale (archive/paging.py): the last page is read backwards from the
end and shows exactly the last records, in order, for every sort; a large list on PostgreSQL
shows an estimated count labelled as one, and its "last" page is the true last records; the
queries per page do not grow with the records."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import paging
from archive.models import Source
from archive.views import RecordListView
from tests import factories

pytestmark = pytest.mark.django_db

postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL estimates")
SORTS = ["", "title", "-title", "date", "-date"]


def sources(n: int) -> None:
    for i in range(n):
        # Titles and dates repeat: ties are broken by the primary key, both ways.
        factories.source(title=f"Source {i % 4}", date_earliest=datetime.date(1900 + i % 3, 1, 1))


def slugs(client, query: str) -> list[str]:
    response = client.get(f"/sources/?{query}")
    assert response.status_code == 200, query
    return [source.slug for source in response.context["object_list"]]


@pytest.mark.parametrize("sort", SORTS)
def test_every_page_read_backwards_shows_the_records_of_the_list_in_order(
    client, monkeypatch, sort
):
    sources(11)
    everything = slugs(client, f"sort={sort}")  # one page of 25
    monkeypatch.setattr(RecordListView, "paginate_by", 3)
    pages = [slugs(client, f"sort={sort}&page={n}") for n in (1, 2, 3, 4)]
    assert sum(pages, []) == everything  # pages 3 and 4 are read from the end
    assert slugs(client, f"sort={sort}&page=last") == everything[9:]


def test_pages_past_the_end_or_invalid_are_not_found(client, monkeypatch):
    sources(5)
    monkeypatch.setattr(RecordListView, "paginate_by", 3)
    for page in ("3", "0", "abc", "-1"):
        assert client.get(f"/sources/?page={page}").status_code == 404, page
    assert client.get("/sources/?page=last").status_code == 200


@postgresql
@pytest.mark.parametrize("sort", SORTS)
def test_a_large_list_is_counted_about_and_its_last_page_is_the_true_last(
    client, monkeypatch, sort
):
    sources(11)
    everything = slugs(client, f"sort={sort}")
    with connection.cursor() as cursor:
        cursor.execute(f'ANALYZE "{Source._meta.db_table}"')
    monkeypatch.setattr(paging, "EXACT_COUNT_UP_TO", 2)
    monkeypatch.setattr(RecordListView, "paginate_by", 3)
    html = client.get(f"/sources/?sort={sort}").content.decode()
    heading = re.search(r'<h2 id="results-h"[^>]*>(.*?)</h2>', html, re.S).group(1)
    assert "about" in heading and "sources" in heading
    assert 'page=last"' in html or "page=last&" in html
    assert slugs(client, f"sort={sort}&page=last") == everything[-3:]


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page_number", ["1", "last"])
def test_a_page_runs_as_many_queries_for_many_records_as_for_few(client, monkeypatch, page_number):
    monkeypatch.setattr(RecordListView, "paginate_by", 3)
    sources(7)
    few = queries(client, f"/sources/?page={page_number}")
    sources(20)
    assert queries(client, f"/sources/?page={page_number}") == few
