"""Admin list pages: useful columns, search, filters, view on site, and a constant number of
queries whether a list shows 1 row or 50."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Licence, Status
from events.models import EventType
from tests import factories

pytestmark = pytest.mark.django_db


def _make_rows(kind: str, n: int) -> None:
    source = factories.source()
    parent_place = factories.place()
    parent_event = factories.event()
    licence = Licence.objects.first()
    for _ in range(n):
        if kind == "events_event":
            factories.event(event_type="protest", parent=parent_event, date="1990~")
        elif kind == "people_person":
            factories.person(birth_date="1923-05-10", death_date="2003")
        elif kind == "archive_source":
            cited = factories.source(date="1990-01")
            factories.citation(parent_event, cited)
        elif kind == "archive_place":
            factories.place(parent=parent_place)
        elif kind == "archive_mediaitem":
            factories.media_item(licence=licence, source=source)
        elif kind == "archive_citation":
            factories.citation(factories.person(), source, locator="p. 1")
        elif kind == "archive_claim":
            factories.claim(parent_event, source, value="147")


LISTS = [
    "events_event",
    "people_person",
    "archive_source",
    "archive_place",
    "archive_mediaitem",
    "archive_citation",
    "archive_claim",
]


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", LISTS)
def test_list_pages_run_a_constant_number_of_queries(
    curator_client, name, django_assert_max_num_queries
):
    url = reverse(f"admin:{name}_changelist")
    _make_rows(name, 1)
    with_one = _count_queries(curator_client, url)
    _make_rows(name, 49)
    # Session, user, permissions, the page of rows, filters' choices: never one per row.
    with django_assert_max_num_queries(with_one):
        response = curator_client.get(url)
    assert len(response.context["cl"].result_list) >= 50


@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [
        ("events_event", "?q=Baku", "Night in Baku"),
        ("people_person", "?q=Əliyev", "Heydar Aliyev"),  # found through a name variant
        ("archive_source", "?q=witness", "The only witness"),
        ("archive_place", "?q=Bakı", "Baku"),
    ],
)
def test_list_pages_search(curator_client, name, query, expected):
    factories.event(title="Night in Baku")
    factories.person(name="Heydar Aliyev", names=["Heydər Əliyev"])
    factories.source(title="The only witness")
    baku = factories.place(name="Baku")
    baku.names.create(name="Bakı", language="az")
    response = curator_client.get(reverse(f"admin:{name}_changelist") + query)
    assert expected in [str(row) for row in response.context["cl"].result_list]


def test_event_list_filters_by_status_type_and_decade(curator_client):
    factories.event(title="Protest of 1988", event_type="protest", date="1988")
    factories.event(title="Speech of 1990", event_type="speech", date="1990-01-21")
    factories.event(title="Draft", status=Status.DRAFT, date="1990")
    url = reverse("admin:events_event_changelist")

    def titles(query):
        response = curator_client.get(url + query)
        return sorted(str(row) for row in response.context["cl"].result_list)

    assert titles("?status__exact=draft") == ["Draft"]
    assert titles("?decade=1980") == ["Protest of 1988"]
    assert titles("?decade=1990") == ["Draft", "Speech of 1990"]
    protest = EventType.objects.get(slug="protest")
    assert titles(f"?event_type__id__exact={protest.pk}") == ["Protest of 1988"]
    assert titles("?decade=not-a-number") == ["Draft", "Protest of 1988", "Speech of 1990"]


def test_change_pages_link_to_the_public_page(curator_client):
    event = factories.event(slug="night-in-baku")
    response = curator_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert "View on site" in response.content.decode()
    view_on_site = response.context["original"] and reverse(
        "admin:view_on_site",
        args=[ContentType.objects.get_for_model(event).pk, event.pk],
    )
    assert view_on_site in response.content.decode()
    assert curator_client.get(view_on_site)["Location"].endswith("/events/night-in-baku/")


def test_links_to_other_records_use_autocomplete(curator_client):
    factories.place(name="Baku")
    response = curator_client.get(reverse("admin:events_event_add"))
    html = response.content.decode()
    for field in ("event_type", "places", "parent"):
        assert f'id="id_{field}"' in html
    assert html.count("admin-autocomplete") >= 3
    results = curator_client.get(
        reverse("admin:autocomplete"),
        {"term": "Bak", "app_label": "events", "model_name": "event", "field_name": "places"},
    )
    assert [r["text"] for r in results.json()["results"]] == ["Baku"]


def test_the_source_list_counts_what_cites_each_source(curator_client):
    source = factories.source(title="Counted")
    for _ in range(2):
        factories.citation(factories.event(), source)
    factories.claim(factories.person(), source, attribute="role", value="speaker")
    factories.citation(source, factories.source())  # the source itself citing another
    response = curator_client.get(reverse("admin:archive_source_changelist") + "?q=Counted")
    assert "2 citations</a>, 1 claims" in response.content.decode()
