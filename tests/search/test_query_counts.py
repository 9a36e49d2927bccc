"""A search costs the same number of queries whatever the number of results or facet values."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import PlaceName
from people.models import PersonName
from tests import factories

from .conftest import SESSION_QUERIES

FORMATS = ("html", "json", "csv")


def _world(n: int):
    places = [factories.place(name=f"Town {i}") for i in range(n)]
    people = [factories.person(name=f"Witness {i} Aliyev") for i in range(n)]
    for i in range(n):
        event = factories.event(title=f"Aliyev meeting {i}", date="1990-01-20", places=[places[i]])
        factories.participation(event, people[i])
        factories.source(title=f"Aliyev letter {i}", date=f"19{50 + i % 40}")


def _count(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", params)
    assert response.status_code == 200
    return len(queries)


def test_it_runs_the_same_queries_for_1_or_50_results(client, db):
    def counts():
        kinds = ["event", "person", "source"]
        return [_count(client, q="Aliyev", format=fmt, kind=kinds) for fmt in FORMATS]

    _world(1)
    few = counts()
    _world(49)
    many = counts()
    # Names spelt with ə for the e of "aliyev" (one lookup); every facet, the total and the
    # page's ids in one statement; then the page's rows.
    assert few == many == [SESSION_QUERIES + 3] * 3


def test_a_misspelt_name_costs_a_fixed_number_of_queries(client, db):
    _world(3)
    # ə spellings, facets, lexicon lookup, similar words (one per misspelt word), facets
    # again, the page.
    assert _count(client, q="Aliyevv") == SESSION_QUERIES + 6
    # No e, nothing similar: no spelling lookup, no second try, no page.
    assert _count(client, q="Zzzzyx") == SESSION_QUERIES + 3


def test_an_empty_query_runs_no_query(client, db):
    assert _count(client, q="!!!") == 0


def test_reindexing_a_record_costs_the_same_for_1_or_20_name_variants(db):
    place = factories.place(name="Ganja")
    person = factories.person(name="Nizami", birth_place=place)
    PersonName.objects.create(person=person, name="Nizami Ganjavi")
    with CaptureQueriesContext(connection) as one:
        person.save()
    for i in range(19):
        PersonName.objects.create(person=person, name=f"Nizami {i}")
        PlaceName.objects.create(place=place, name=f"Ganja {i}")
    with CaptureQueriesContext(connection) as twenty:
        person.save()
    assert len(one) == len(twenty)
