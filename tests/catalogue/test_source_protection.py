"""A cited source cannot be deleted out from under its citations and claims."""

import pytest
from django.urls import reverse

from archive.models import Source
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited_source():
    source = factories.source(title="The only witness")
    event = factories.event(title="Night in Baku")
    person = factories.person(name="Heydar Aliyev")
    factories.citation(event, source, locator="p. 4")
    factories.claim(person, source, attribute="role", value="speaker")
    return source


def test_deleting_a_cited_source_is_refused_with_what_cites_it(curator_client, cited_source):
    url = reverse("admin:archive_source_delete", args=[cited_source.pk])
    page = curator_client.get(url)
    text = page.content.decode()
    assert "would require deleting the following protected related objects" in text
    assert "cites “The only witness”, p. 4" in text
    assert "according to “The only witness”" in text

    response = curator_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert Source.objects.filter(pk=cited_source.pk).exists()


def test_the_bulk_delete_action_refuses_too(curator_client, cited_source):
    response = curator_client.post(
        reverse("admin:archive_source_changelist"),
        {"action": "delete_selected", "_selected_action": [cited_source.pk], "post": "yes"},
    )
    assert "protected related objects" in response.content.decode()
    assert Source.objects.filter(pk=cited_source.pk).exists()


def test_an_uncited_source_can_be_deleted_by_a_curator(curator_client):
    source = factories.source()
    response = curator_client.post(
        reverse("admin:archive_source_delete", args=[source.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Source.objects.filter(pk=source.pk).exists()


def test_deleting_a_record_deletes_its_citations_but_not_the_source(curator_client):
    source = factories.source()
    event = factories.event()
    factories.citation(event, source)
    curator_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    assert not source.cited_in.exists()
    assert Source.objects.filter(pk=source.pk).exists()
