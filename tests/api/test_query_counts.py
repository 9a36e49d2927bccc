"""A list page's and a detail's query counts do not grow with the rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

from .conftest import KINDS, make

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def cited(record, n: int) -> None:
    for _ in range(n):
        source = factories.source()
        factories.citation(record, source)
        factories.claim(record, source, value="3")


@pytest.mark.parametrize("kind", KINDS)
def test_a_list_costs_the_same_for_1_and_50_records(client, kind, django_assert_max_num_queries):
    cited(make(kind), 2)
    one = queries(client, f"/api/{kind}/?page_size=100")
    for _ in range(49):
        cited(make(kind), 2)
    with django_assert_max_num_queries(one):
        body = client.get(f"/api/{kind}/?page_size=100").json()
    assert len(body["results"]) >= 50


@pytest.mark.parametrize("kind", KINDS)
def test_a_detail_costs_the_same_for_1_and_50_citations(
    client, kind, django_assert_max_num_queries
):
    few, many = make(kind), make(kind)
    cited(few, 1)
    cited(many, 50)
    one = queries(client, f"/api/{kind}/{few.slug}/")
    with django_assert_max_num_queries(one):
        body = client.get(f"/api/{kind}/{many.slug}/").json()
    assert len(body["citations"]) == 50 and len(body["claims"]) == 50


def test_an_event_with_50_places_and_people_costs_the_same(client, django_assert_max_num_queries):
    few, many = factories.event(), factories.event()
    factories.participation(few, factories.person())
    few.places.set([factories.place()])
    one = queries(client, f"/api/event/{few.slug}/")
    many.places.set([factories.place() for _ in range(50)])
    for _ in range(50):
        factories.participation(many, factories.person())
    with django_assert_max_num_queries(one):
        body = client.get(f"/api/event/{many.slug}/").json()
    assert len(body["description"]["links"]) >= 100
    with django_assert_max_num_queries(queries(client, "/api/event/")):
        client.get("/api/event/?page_size=100")
