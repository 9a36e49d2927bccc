"""Lists filter with the browse pages' own FilterSets, sort by their sort choices and page with
a cursor that never skips nor repeats a record."""

import base64
from urllib.parse import urlencode

import pytest

from archive.models import SourceKind
from tests import factories

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def walk(client, url: str) -> list[str]:
    """Every slug of every page, following `next`."""
    found = []
    while url:
        body = client.get(url).json()
        found += [item["slug"] for item in body["results"]]
        url = body["next"]
    return found


def test_it_filters_with_the_browse_page_s_filters(client):
    early = factories.event(date="1905-03")
    late = factories.event(date="1990-01-20")
    assert slugs(client.get("/api/event/?year_from=1980")) == [late.slug]
    assert slugs(client.get("/api/event/?year_to=1910")) == [early.slug]
    book = factories.source(kind=SourceKind.objects.get(slug="book"))
    factories.source()
    assert slugs(client.get("/api/source/?kind=book")) == [book.slug]
    aliyev = factories.person(name="Aliyev", sort_name="Aliyev")
    factories.person(name="Zeynalov", sort_name="Zeynalov")
    assert slugs(client.get("/api/person/?letter=A")) == [aliyev.slug]


def test_it_filters_events_by_person_with_the_hooks_filters(client):
    person = factories.person()
    event = factories.event()
    factories.event()
    factories.participation(event, person)
    assert slugs(client.get(f"/api/event/?person={person.slug}")) == [event.slug]


@pytest.mark.parametrize(
    "query",
    ["year_from=abc", "year_from=1990&year_to=1980", "year_from=0", "kind=no-such-kind",
     "sort=nonsense"],
)  # fmt: skip
def test_it_refuses_a_bad_filter_with_a_400(client, query):
    response = client.get(f"/api/source/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()  # names the refused field


def test_it_sorts_by_the_browse_page_s_choices(client):
    b = factories.event(title="B", date="1950")
    a = factories.event(title="A", date="1990")
    c = factories.event(title="C", date="1900")
    undated = factories.event(title="D", date="")
    assert slugs(client.get("/api/event/?sort=title")) == [a.slug, b.slug, c.slug, undated.slug]
    assert slugs(client.get("/api/event/?sort=-title")) == [undated.slug, c.slug, b.slug, a.slug]
    assert slugs(client.get("/api/event/?sort=date")) == [c.slug, b.slug, a.slug, undated.slug]


@pytest.mark.parametrize("sort", ["title", "-title", "date", "-date"])
def test_its_cursor_pages_through_every_record_once(client, sort):
    made = [factories.event(title=f"Event {n % 7}", date=f"{1900 + n % 5}" if n % 3 else "")
            for n in range(23)]  # fmt: skip
    found = walk(client, f"/api/event/?{urlencode({'sort': sort, 'page_size': 4})}")
    assert sorted(found) == sorted(record.slug for record in made)
    assert len(found) == len(set(found))


def test_its_cursor_pages_back_too(client):
    for n in range(9):
        factories.place(name=f"Place {n}")
    first = client.get("/api/place/?page_size=4").json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert [item["slug"] for item in back["results"]] == [item["slug"] for item in first["results"]]


def test_it_caps_the_page_size(client):
    for _ in range(3):
        factories.place()
    assert len(slugs(client.get("/api/place/?page_size=2"))) == 2
    assert len(slugs(client.get("/api/place/?page_size=100000"))) == 3


@pytest.mark.parametrize("cursor", ["garbage", base64.b64encode(b"p=not-a-date").decode()])
def test_it_answers_a_bad_cursor_with_a_404(client, cursor):
    factories.event(date="1990")
    response = client.get(f"/api/event/?sort=date&cursor={cursor}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid cursor"}


def test_it_filters_and_documents_what_other_apps_add_to_a_kind_s_filters(client):
    # Events install "role" in people's FilterSet when it is made; the schema says so too.
    witness, other = factories.person(), factories.person()
    factories.participation(factories.event(), witness, role="witness")
    factories.participation(factories.event(), other)
    assert slugs(client.get("/api/person/?role=witness")) == [witness.slug]
    schema = client.get("/api/schema/?format=json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/person/"]["get"]["parameters"]}
    assert {"role", "letter", "lived_from", "sort", "cursor"} <= parameters
