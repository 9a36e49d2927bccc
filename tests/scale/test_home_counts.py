"""The home page counts each kind's published records in one query, kept until something is
published or withdrawn: the next request after either shows the new count."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def counts(client) -> dict[str, str]:
    page = client.get("/").content.decode()
    found = re.findall(r'kind-name">([^<]+)</span> <span class="count">(\d+) published', page)
    return dict(found)


def count_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    return [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


def test_it_counts_published_records_of_every_kind(client):
    factories.event()
    factories.event()
    factories.event(status="draft")
    factories.person()
    assert counts(client) == {
        "Events": "2",
        "People": "1",
        "Organisations": "0",
        "Sources": "0",
        "Places": "0",
        "Media": "0",
    }


def test_it_counts_in_one_query_and_then_not_at_all(client):
    factories.event()
    assert len(count_queries(client)) == 1
    assert count_queries(client) == []


def test_a_publish_or_a_withdrawal_shows_on_the_next_request(client):
    event = factories.event(status="draft")
    assert counts(client)["Events"] == "0"
    event.status = "published"
    event.save()
    assert counts(client)["Events"] == "1"
    factories.person()
    assert counts(client)["People"] == "1"
    event.status = "withdrawn"
    event.save()
    assert counts(client)["Events"] == "0"
    person = factories.person()
    person.delete()
    assert counts(client)["People"] == "1"
