"""Every change is a version: compare, restore (inline rows included), recover deleted."""

import pytest
from django.urls import reverse
from reversion.models import Version

from archive.models import Status
from events.models import Event
from people.models import Person, PersonName
from tests import factories

from .admin_forms import add_inline_rows, form_data, inline_prefix

pytestmark = pytest.mark.django_db


def _save_through_admin(client, record, **changes):
    url = reverse(
        f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk]
    )
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return data


def test_it_restores_an_earlier_version_with_its_inline_rows(curator_client):
    person = factories.person(name="Heydar Aliyev", status=Status.DRAFT)
    url = reverse("admin:people_person_change", args=[person.pk])
    page = curator_client.get(url)
    data = add_inline_rows(
        form_data(page),
        inline_prefix(page, "personname"),
        [{"name": "Heydər Əliyev", "language": "az", "script": "Latn", "kind": "native"}],
    )
    data["biography"] = "First biography."
    assert curator_client.post(url, data).status_code == 302
    first = Version.objects.get_for_object(person).first()

    page = curator_client.get(url)
    data = form_data(page)
    prefix = inline_prefix(page, "personname")
    data[f"{prefix}-0-DELETE"] = "on"
    data["biography"] = "Second biography."
    data["name"] = "H. Aliyev"
    assert curator_client.post(url, data).status_code == 302
    assert not PersonName.objects.filter(person=person).exists()

    history = curator_client.get(reverse("admin:people_person_history", args=[person.pk]))
    assert history.status_code == 200
    assert len(Version.objects.get_for_object(person)) == 2

    revision_url = reverse("admin:people_person_revision", args=[person.pk, first.pk])
    page = curator_client.get(revision_url)
    assert page.status_code == 200
    response = curator_client.post(revision_url, form_data(page))
    assert response.status_code == 302

    person.refresh_from_db()
    assert (person.name, person.biography) == ("Heydar Aliyev", "First biography.")
    assert list(person.names.values_list("name", flat=True)) == ["Heydər Əliyev"]


def test_it_recovers_a_deleted_record(curator_client):
    event = factories.event(title="Lost and found", status=Status.DRAFT)
    _save_through_admin(curator_client, event, summary="Kept in history.")
    delete_url = reverse("admin:events_event_delete", args=[event.pk])
    assert curator_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(title="Lost and found").exists()

    recover_list = curator_client.get(reverse("admin:events_event_recoverlist"))
    assert "Lost and found" in recover_list.content.decode()
    version = Version.objects.get_deleted(Event).get()
    recover_url = reverse("admin:events_event_recover", args=[version.pk])
    page = curator_client.get(recover_url)
    response = curator_client.post(recover_url, form_data(page))
    assert response.status_code == 302
    assert Event.objects.get(title="Lost and found").summary == "Kept in history."


def test_a_cataloguer_cannot_republish_by_restoring_a_version(cataloguer_client, curator_client):
    event = factories.event(title="Once public", status=Status.REVIEW)
    _save_through_admin(curator_client, event, status=Status.PUBLISHED)
    published_version = Version.objects.get_for_object(event).first()
    _save_through_admin(curator_client, event, status=Status.WITHDRAWN)

    revision_url = reverse("admin:events_event_revision", args=[event.pk, published_version.pk])
    assert cataloguer_client.get(revision_url).status_code == 403
    data = form_data(curator_client.get(revision_url))
    response = cataloguer_client.post(revision_url, data)
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == Status.WITHDRAWN


def test_a_change_through_the_admin_is_a_revision_with_the_user(curator_client, curator):
    person = factories.person()
    _save_through_admin(curator_client, person, summary="A summary.")
    version = Version.objects.get_for_object(person).first()
    assert version.revision.user == curator
    assert Person.objects.get(pk=person.pk).summary == "A summary."


def test_a_cataloguer_cannot_recover_a_deleted_published_record(cataloguer_client, curator_client):
    event = factories.event(title="Deleted while public", status=Status.REVIEW)
    _save_through_admin(curator_client, event, status=Status.PUBLISHED)
    curator_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    version = Version.objects.get_deleted(Event).get()
    recover_url = reverse("admin:events_event_recover", args=[version.pk])
    assert cataloguer_client.get(recover_url).status_code == 403
    assert not Event.objects.filter(title="Deleted while public").exists()
