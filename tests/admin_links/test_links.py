"""Links both ways in the admin: a media item's form attaches it to events and people, a
person's form adds them to events, and a source's form lists what cites it, linked."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.groups import CATALOGUERS
from events.models import Participation, Role
from tests import factories
from tests.catalogue.admin_forms import add_inline_rows, form_data, inline_prefix

pytestmark = pytest.mark.django_db


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def attach(client, record, model_name: str, rows: list[dict]):
    url = change_url(record)
    page = client.get(url)
    data = add_inline_rows(form_data(page), inline_prefix(page, model_name), rows)
    return client.post(url, data)


def test_a_media_item_is_attached_to_events_and_people_from_its_form(curator_client, media_item):
    item, event, person = media_item(), factories.event(), factories.person()
    url = change_url(item)
    page = curator_client.get(url)
    data = form_data(page)
    add_inline_rows(data, inline_prefix(page, "event_media"), [{"event": event.pk}])
    add_inline_rows(data, inline_prefix(page, "person_media"), [{"person": person.pk}])
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert list(event.media.all()) == [item]
    assert list(person.media.all()) == [item]
    # ...and the event's own form shows it: one relation, seen from both ends.
    assert item.title in curator_client.get(change_url(event)).content.decode()


def test_a_person_is_added_to_an_event_from_their_form(curator_client):
    person, event, source = factories.person(), factories.event(), factories.source()
    response = attach(
        curator_client,
        person,
        "participation",
        [{"event": event.pk, "role": Role.objects.get(slug="witness").pk,
          "source": source.pk, "locator": "p. 2", "order": 0}],
    )  # fmt: skip
    assert response.status_code == 302, response.context["errors"]
    participation = Participation.objects.get()
    assert (participation.event, participation.person, participation.source) == (
        event,
        person,
        source,
    )


def test_a_cataloguer_attaches_but_publishes_nothing_through_the_inlines(
    cataloguer_client, media_item
):
    item = media_item(status="draft")
    event = factories.event(status="draft")
    person = factories.person(status="draft")
    response = attach(cataloguer_client, item, "event_media", [{"event": event.pk}])
    assert response.status_code == 302
    response = attach(
        cataloguer_client,
        person,
        "participation",
        [{"event": event.pk, "role": Role.objects.get(slug="witness").pk, "order": 0}],
    )
    assert response.status_code == 302
    for record in (item, event, person):
        record.refresh_from_db()
        assert record.status == "draft"
    # Publishing the media item while attaching is refused, and the attachment with it.
    other = factories.event()
    url = change_url(item)
    page = cataloguer_client.get(url)
    data = add_inline_rows(
        form_data(page), inline_prefix(page, "event_media"), [{"event": other.pk}]
    )
    data["status"] = "published"
    response = cataloguer_client.post(url, data)
    assert response.status_code == 200
    assert not other.media.exists()
    item.refresh_from_db()
    assert item.status == "draft"


def test_without_the_right_to_change_events_the_inline_is_not_offered(media_item):
    user = User.objects.create_user("media-only", password="pw-for-tests-only", is_staff=True)
    cataloguers = Group.objects.get(name=CATALOGUERS)
    user.user_permissions.add(
        *cataloguers.permissions.filter(content_type__app_label="archive")
    )  # media, but no events nor people
    client = Client()
    client.force_login(user)
    item, event = media_item(), factories.event()
    page = client.get(change_url(item))
    assert page.status_code == 200
    with pytest.raises(KeyError):
        inline_prefix(page, "event_media")
    # A forged row is ignored: nothing is attached.
    data = form_data(page)
    data.update({"events_event_media-TOTAL_FORMS": "1", "events_event_media-INITIAL_FORMS": "0",
                 "events_event_media-0-event": str(event.pk)})  # fmt: skip
    client.post(change_url(item), data)
    assert not event.media.exists()


def test_a_source_lists_what_cites_it_with_links_drafts_included(curator_client):
    source = factories.source(title="A report")
    event = factories.event(title="Night in Baku")
    draft = factories.place(name="A draft place", status="draft")
    person = factories.person(name="A witness")
    factories.citation(event, source, locator="p. 4")
    factories.claim(draft, source, "place", "Baku", locator="p. 5")
    factories.participation(event, person, "witness", source=source, locator="p. 6")
    text = curator_client.get(change_url(source)).content.decode()
    assert f'href="{change_url(event)}">Night in Baku</a>' in text
    assert f'href="{change_url(draft)}">A draft place</a> (Draft)' in text
    assert "Claim “Place”: Baku, p. 5" in text
    assert "Participation" in text and "p. 6" in text


@pytest.mark.parametrize("rows", [1, 50])
def test_the_cited_by_list_costs_the_same_for_1_or_50_records(
    curator_client, django_assert_max_num_queries, rows
):
    source = factories.source()
    for _ in range(rows):
        event = factories.event()
        factories.citation(event, source)
        factories.claim(factories.place(), source, "place", "Baku")
        factories.participation(event, factories.person(), source=source)
    url = change_url(source)
    curator_client.get(url)  # warm caches (content types)
    with django_assert_max_num_queries(30):
        assert curator_client.get(url).status_code == 200


def test_a_media_item_form_costs_the_same_for_1_or_50_linked_records(curator_client, media_item):
    counts = []
    for rows in (1, 50):
        item = media_item(name=f"photo-{rows}.jpg")
        for _ in range(rows):
            factories.event().media.add(item)
            factories.person().media.add(item)
        with CaptureQueriesContext(connection) as queries:
            assert curator_client.get(change_url(item)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_person_form_costs_the_same_for_1_or_50_events(curator_client):
    counts = []
    for rows in (1, 50):
        person, source = factories.person(), factories.source()
        for _ in range(rows):
            factories.participation(factories.event(), person, source=source)
        with CaptureQueriesContext(connection) as queries:
            assert curator_client.get(change_url(person)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
