"""Draft → review → published (and withdrawn): curators publish, cataloguers cannot,
and the rule holds on the server, not only in the page."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from archive.lifecycle import FORBIDDEN_STATUS
from archive.models import Place, ProposedChange, Status
from events.models import Event
from tests import factories

from .admin_forms import form_data

pytestmark = pytest.mark.django_db


def _action(client, model_admin_url, action, records):
    return client.post(
        reverse(model_admin_url),
        {"action": action, "_selected_action": [str(r.pk) for r in records]},
        follow=True,
    )


def test_the_groups_exist_from_the_data_migration():
    curators = Group.objects.get(name="Curators")
    cataloguers = Group.objects.get(name="Cataloguers")
    curator_perms = set(curators.permissions.values_list("codename", flat=True))
    cataloguer_perms = set(cataloguers.permissions.values_list("codename", flat=True))
    assert {"publish_event", "delete_event", "publish_source", "delete_person"} <= curator_perms
    assert {"add_event", "change_event", "add_source", "change_person"} <= cataloguer_perms
    assert not {p for p in cataloguer_perms if p.startswith(("publish_", "delete_"))}


def test_it_moves_records_through_the_workflow_with_actions(curator_client):
    events = [factories.event(status=Status.DRAFT) for _ in range(3)]
    _action(curator_client, "admin:events_event_changelist", "mark_review", events)
    assert set(Event.objects.values_list("status", flat=True)) == {Status.REVIEW}
    response = _action(curator_client, "admin:events_event_changelist", "publish", events)
    assert "3 records published." in response.content.decode()
    assert Event.objects.published().count() == 3
    assert all(e.published_at for e in Event.objects.all())
    _action(curator_client, "admin:events_event_changelist", "withdraw", events[:1])
    assert Event.objects.get(pk=events[0].pk).status == Status.WITHDRAWN


def test_a_cataloguer_cannot_publish_with_the_action(cataloguer_client):
    event = factories.event(status=Status.REVIEW)
    response = _action(cataloguer_client, "admin:events_event_changelist", "publish", [event])
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.status == Status.REVIEW
    # The action is not even offered.
    page = cataloguer_client.get(reverse("admin:events_event_changelist"))
    actions = dict(page.context["action_form"].fields["action"].choices)
    assert "publish" not in actions and "withdraw" not in actions
    assert "mark_review" in actions


def test_a_cataloguer_cannot_publish_through_the_form(cataloguer_client):
    event = factories.event(status=Status.DRAFT)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(cataloguer_client.get(url))
    data["status"] = Status.PUBLISHED
    response = cataloguer_client.post(url, data)
    assert response.status_code == 200
    # The lifecycle's refusal (archive/lifecycle.py), the same words every door uses.
    assert escape(FORBIDDEN_STATUS % {"value": "published"}) in response.content.decode()
    event.refresh_from_db()
    assert event.status == Status.DRAFT


def test_a_cataloguer_can_send_to_review_but_not_withdraw(cataloguer_client):
    draft = factories.event(status=Status.DRAFT)
    url = reverse("admin:events_event_change", args=[draft.pk])
    data = form_data(cataloguer_client.get(url))
    data["status"] = Status.REVIEW
    assert cataloguer_client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW

    published = factories.event(status=Status.PUBLISHED)
    url = reverse("admin:events_event_change", args=[published.pk])
    page = cataloguer_client.get(url)
    assert "status" not in page.context["adminform"].form.fields  # read-only for them
    data = form_data(page)
    data["status"] = Status.WITHDRAWN  # a forged field is ignored, never applied
    data["title"] = "Corrected title"
    assert cataloguer_client.post(url, data).status_code == 302
    published.refresh_from_db()
    # A published record's change waits for a curator's review (tests/review/).
    assert published.status == Status.PUBLISHED and published.title != "Corrected title"
    proposed = ProposedChange.objects.get().proposed
    event = next(item for item in proposed if item["model"] == "events.event")
    assert (event["fields"]["status"], event["fields"]["title"]) == (
        Status.PUBLISHED, "Corrected title",
    )  # fmt: skip


def test_a_cataloguer_cannot_publish_by_adding_a_published_record(cataloguer_client):
    page = cataloguer_client.get(reverse("admin:archive_place_add"))
    data = form_data(page)
    data.update({"name": "Ganja", "slug": "ganja", "status": Status.PUBLISHED})
    response = cataloguer_client.post(reverse("admin:archive_place_add"), data)
    assert response.status_code == 200
    assert not Place.objects.filter(slug="ganja").exists()


def test_a_cataloguer_cannot_delete(cataloguer_client):
    event = factories.event(status=Status.DRAFT)
    response = cataloguer_client.post(
        reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_a_curator_publishes_through_the_form(curator_client):
    event = factories.event(status=Status.REVIEW)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(curator_client.get(url))
    data["status"] = Status.PUBLISHED
    assert curator_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED and event.published_at is not None
