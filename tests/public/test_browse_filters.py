"""Browse filters whose value is a record (a person, a place): a text box that takes a slug,
so that a page's size does not grow with the archive; a name instead of a slug lists the
candidates (published only) as links; a JSON endpoint feeds the script's suggestions."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Place, Status
from archive.recordfilters import SUGGESTIONS
from events.models import Event
from people.models import Person
from tests import factories

pytestmark = pytest.mark.django_db


def add_people_and_places(count: int, prefix: str = "bulk") -> None:
    """`count` published people and places, in bulk: the browse pages read only their rows."""
    Person.objects.bulk_create(
        Person(name=f"Bulk Person {n}", sort_name=f"Person {n}", slug=f"{prefix}-person-{n}",
               status=Status.PUBLISHED)
        for n in range(count)
    )  # fmt: skip
    Place.objects.bulk_create(
        Place(name=f"Bulk Place {n}", slug=f"{prefix}-place-{n}", status=Status.PUBLISHED)
        for n in range(count)
    )


def measure(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(response.content), len(queries.captured_queries)


@pytest.mark.parametrize("url", ["/events/", "/organisations/", "/people/"])
def test_the_browse_page_does_not_grow_with_the_people_and_places(client, url):
    factories.event(title="An event", places=[factories.place(slug="baku", name="Baku")])
    add_people_and_places(5)
    few_bytes, few_queries = measure(client, url)
    add_people_and_places(495, prefix="more")
    many_bytes, many_queries = measure(client, url)
    assert many_queries == few_queries
    # The page lists no person or place: only the people list's own 25 rows may change.
    if url != "/people/":
        assert abs(many_bytes - few_bytes) < 100, (few_bytes, many_bytes)
    page = client.get(url).content.decode()
    assert "Bulk Place 3" not in page and '<option value="more-' not in page


def test_a_slug_filters_and_names_the_chosen_record(client):
    baku, moscow = factories.place(slug="baku", name="Baku"), factories.place(name="Moscow")
    speaker = factories.person(slug="heydar-aliyev", name="Heydar Aliyev")
    speech = factories.event(title="A speech", places=[moscow])
    factories.event(title="A march", places=[baku])
    factories.participation(speech, speaker, role="speaker")
    page = client.get("/events/?person=heydar-aliyev").content.decode()
    assert "A speech" in page and "A march" not in page
    assert re.search(
        r'class="field-chosen"[^>]*><a href="/people/heydar-aliyev/">Heydar Aliyev', page
    )
    assert 'value="heydar-aliyev"' in page  # the slug stays in the box and the URL
    page = client.get("/events/?place=baku").content.decode()
    assert "A march" in page and "A speech" not in page
    org = factories.organisation(slug="the-army", name="The army")
    org.places.add(baku)
    factories.organisation(slug="the-paper", name="The paper")
    page = client.get("/organisations/?place=baku").content.decode()
    assert "The army" in page and "The paper" not in page


def test_the_chosen_record_costs_one_query(client):
    factories.person(slug="heydar-aliyev", name="Heydar Aliyev")
    client.get("/events/")  # warm caches (content types, vocabularies)
    with CaptureQueriesContext(connection) as plain:
        client.get("/events/")
    with CaptureQueriesContext(connection) as chosen:
        client.get("/events/?person=heydar-aliyev")
    # One query finds the person; the filtered list is a count and a page, as before.
    assert len(chosen.captured_queries) <= len(plain.captured_queries) + 1


def test_a_name_lists_published_candidates_as_links_that_set_the_filter(client):
    factories.person(slug="heydar-aliyev", name="Heydar Aliyev")
    factories.person(slug="ilham-aliyev", name="Ilham Aliyev")
    factories.person(slug="secret-aliyev", name="Secret Aliyev", status=Status.DRAFT)
    factories.person(slug="someone-else", name="Someone Else")
    factories.event(title="An event")
    response = client.get("/events/?person=Aliyev&year_from=1900")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the person you mean by “Aliyev”" in page
    links = re.findall(r'<a href="(\?[^"]+)">([^<]+)</a>', page)
    found = {name: href for href, name in links}
    assert {"Heydar Aliyev", "Ilham Aliyev"} <= set(found)
    assert "Secret Aliyev" not in page and "secret-aliyev" not in page
    assert "Someone Else" not in page
    # The link keeps the other filters and sets this one to the slug.
    assert "person=heydar-aliyev" in found["Heydar Aliyev"]
    assert "year_from=1900" in found["Heydar Aliyev"]
    assert "Nothing matches these filters" in page  # nothing is filtered by a guess


def test_names_are_found_across_spellings(client):
    factories.person(slug="heydar-aliyev", name="Heydar Əliyev")
    page = client.get("/events/?person=Aliyev").content.decode()
    assert "person=heydar-aliyev" in page


def test_an_unknown_slug_says_so_and_does_not_fail(client):
    factories.event(title="An event")
    response = client.get("/events/?person=no-such-person&place=nowhere-at-all")
    assert response.status_code == 200
    page = response.content.decode()
    assert "No published person matches “no-such-person”" in page
    assert "No published place matches “nowhere-at-all”" in page
    # A draft's slug is unknown to visitors too.
    factories.person(slug="draft-person", status=Status.DRAFT)
    page = client.get("/events/?person=draft-person").content.decode()
    assert "No published person matches “draft-person”" in page


def test_the_suggestions_are_bounded_and_published_only(client, django_assert_max_num_queries):
    for n in range(SUGGESTIONS + 5):
        factories.person(slug=f"mammadov-{n}", name=f"Mammadov {n}")
    factories.person(slug="draft-mammadov", name="Draft Mammadov", status=Status.DRAFT)
    with django_assert_max_num_queries(8):
        response = client.get("/suggest/person/?q=Mammadov")
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == SUGGESTIONS
    assert all(r["slug"].startswith("mammadov-") for r in results)
    assert {"slug", "name"} == set(results[0])
    assert client.get("/suggest/person/?q=").json() == {"results": []}
    assert client.get("/suggest/no-such-kind/?q=x").status_code == 404
    place = client.get("/suggest/place/?q=Mammadov").json()
    assert place == {"results": []}  # one kind at a time


def test_the_page_loads_the_suggestion_script_from_a_file(client):
    page = client.get("/events/").content.decode()
    assert re.search(r'<script src="/static/js/record-filter\.js[^"]*" defer></script>', page)
    assert 'data-suggest="/suggest/person/"' in page and 'data-suggest="/suggest/place/"' in page


def test_the_event_list_is_read_in_index_order_without_sorting():
    queryset = Event.objects.published()[:25]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test table is tiny: forbid the scans a big one would not choose, and see
            # that the index alone gives the order (no Sort node).
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            # Statistics left by other tests' ANALYZE may make a sort of a few rows look
            # cheaper; with sorting discouraged a Sort stays only if no index gives the order.
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "event_browse_idx" in plan and "Sort" not in plan, plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "event_browse_idx" in plan and "TEMP B-TREE" not in plan, plan


def test_a_name_being_typed_is_suggested_by_the_start_of_its_slug(client):
    factories.person(slug="heydar-aliyev", name="Heydar Aliyev")
    factories.person(slug="heydarov-draft", name="Heydarov", status=Status.DRAFT)
    results = client.get("/suggest/person/?q=Heyd").json()["results"]
    assert results == [{"slug": "heydar-aliyev", "name": "Heydar Aliyev"}]
    page = client.get("/organisations/?place=bak").content.decode()
    assert "No published place matches “bak”" in page
    factories.place(slug="baku", name="Baku")
    page = client.get("/organisations/?place=bak").content.decode()
    assert 'href="?place=baku"' in page


@pytest.mark.parametrize(
    "url", ["/events/?place=a%00b", "/events/?person=%00", "/organisations/?place=%00"]
)
def test_a_nul_character_in_a_record_filter_is_refused_not_a_server_error(client, db, url):
    # PostgreSQL refuses NUL in text: found by Schemathesis through the API's same filters.
    response = client.get(url)
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/events/?place=%25", "/api/event/?person=%25", "/api/organisation/?place=50%25"]
)
def test_a_percent_sign_in_a_record_filter_is_text_not_a_format(client, db, url):
    # Found by Schemathesis: "%" reached a "%"-formatted message (a TypeError, a 500).
    assert client.get(url).status_code < 500
