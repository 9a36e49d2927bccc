"""The delete confirmation lists what goes with a record in sentences, at a constant cost."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


def confirmation(client, record) -> str:
    opts = record._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_event_delete_confirmation_reads_as_sentences(curator_client, demo):
    event = Event.objects.get(slug="heydar-aliyev-moscow-statement-1990")
    page = confirmation(curator_client, event)
    assert "Are you sure you want to delete" in page
    title = "Heydar Aliyev's statement in Moscow, 21 January 1990"
    assert f"Moscow — place of {title}" in page
    assert f"Heydar Aliyev — speaker in {title}" in page
    assert f"Representation of Azerbaijan in Moscow — host in {title}" in page
    assert f"{title} cites “Azerbaijan remembers January 20”" in page
    assert "object (" not in page


def test_media_and_people_relations_read_as_sentences(curator_client):
    person = factories.person(name="Heydər Əliyev")
    item = factories.media_item(title="Portrait in 1990")
    person.media.add(item)
    organisation = factories.organisation(name="Soviet Army")
    organisation.places.add(factories.place(name="Baku"))
    assert "Portrait in 1990 — media of Heydər Əliyev" in confirmation(curator_client, person)
    assert "Baku — place of Soviet Army" in confirmation(curator_client, organisation)
    source = factories.source(title="The only witness")
    factories.publication(organisation, source)
    page = confirmation(curator_client, source)
    assert "Soviet Army — publisher of “The only witness”" in page
    assert "object (" not in page


def queries_to_confirm(client, n) -> int:
    source = factories.source(title=f"Source for {n}")
    event = factories.event(title=f"Event with {n} of each")
    for i in range(n):
        event.places.add(factories.place(name=f"Place {n}-{i}"))
        factories.participation(event, factories.person(name=f"Person {n}-{i}"), role="witness")
        factories.citation(event, source, locator=f"p. {i}")
    with CaptureQueriesContext(connection) as captured:
        page = confirmation(client, event)
    assert f"Place {n}-0 — place of Event with {n} of each" in page
    return len(captured.captured_queries)


def test_the_confirmation_costs_the_same_for_1_and_50_rows(curator_client):
    assert queries_to_confirm(curator_client, 50) == queries_to_confirm(curator_client, 1)
