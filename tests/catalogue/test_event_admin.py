"""A curator catalogues an event in the admin: type, date, places, parent, relations,
participants, citations and claims inline."""

import pytest
from django.urls import reverse

from archive.models import Claim, ClaimAttribute
from events.models import Event, EventType, RelationType, Role
from tests import factories

from .admin_forms import add_inline_rows, form_data, inline_prefix

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    return {
        "source": factories.source(slug="a-report"),
        "other_source": factories.source(slug="another-report"),
        "baku": factories.place(name="Baku"),
        "parent": factories.event(title="The crisis"),
        "related": factories.event(title="The aftermath"),
        "person": factories.person(name="A witness"),
    }


def test_it_catalogues_an_event_with_everything_inline(curator_client, setting):
    add_url = reverse("admin:events_event_add")
    page = curator_client.get(add_url)
    data = form_data(page)
    data.update(
        {
            "title": "Night in Baku",
            "slug": "night-in-baku",
            "status": "draft",
            "event_type": str(EventType.objects.get(slug="military-operation").pk),
            "date": "1990-01-19/1990-01-20",
            "places": [str(setting["baku"].pk)],
            "parent": str(setting["parent"].pk),
            "description": "Troops entered the city [@a-report, p. 4].",
        }
    )
    add_inline_rows(
        data,
        inline_prefix(page, "participation"),
        [
            {
                "person": setting["person"].pk,
                "role": Role.objects.get(slug="witness").pk,
                "source": setting["source"].pk,
                "locator": "p. 5",
                "order": 0,
            }
        ],
    )
    add_inline_rows(
        data,
        inline_prefix(page, "eventrelation"),
        [
            {
                "relation_type": RelationType.objects.get(slug="led-to").pk,
                "to_event": setting["related"].pk,
            }
        ],
    )
    claim_rows = [
        {"attribute": ClaimAttribute.objects.get(slug="killed").pk, "value_number": "147",
         "source": setting["source"].pk, "locator": "p. 4", "quotation": "147 were killed"},
        {"attribute": ClaimAttribute.objects.get(slug="killed").pk, "value_number": "120",
         "value_lower": "100", "value_upper": "150", "source": setting["other_source"].pk},
    ]  # fmt: skip
    add_inline_rows(data, inline_prefix(page, "claim"), claim_rows)
    add_inline_rows(
        data,
        inline_prefix(page, "citation"),
        [{"source": setting["other_source"].pk, "locator": "ch. 2", "order": 5}],
    )

    response = curator_client.post(add_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="night-in-baku")
    assert event.date_earliest.isoformat() == "1990-01-19"
    assert event.date_latest.isoformat() == "1990-01-20"
    assert list(event.places.all()) == [setting["baku"]]
    assert event.parent == setting["parent"]
    assert event.relations_out.get().to_event == setting["related"]
    participation = event.participations.get()
    assert (participation.person, participation.role.slug) == (setting["person"], "witness")
    # Two claims of one attribute with different values: a disagreement, not an error.
    killed = Claim.objects.filter(object_id=event.pk, attribute__slug="killed")
    assert sorted(claim.value_number for claim in killed) == [120, 147]
    citations = {(c.source.slug, c.locator, c.from_text) for c in event.citations.all()}
    assert citations == {("a-report", "p. 4", True), ("another-report", "ch. 2", False)}


def test_it_refuses_a_claim_whose_bounds_do_not_hold(curator_client, setting):
    event = factories.event()
    url = reverse("admin:events_event_change", args=[event.pk])
    page = curator_client.get(url)
    data = add_inline_rows(
        form_data(page),
        inline_prefix(page, "claim"),
        [
            {
                "attribute": ClaimAttribute.objects.get(slug="killed").pk,
                "value_lower": "100",
                "value_upper": "50",
                "source": setting["source"].pk,
            }
        ],
    )
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert "The upper bound is below the lower bound." in response.content.decode()
    assert not event.claims.exists()


def test_it_refuses_an_event_that_is_part_of_itself(curator_client):
    event = factories.event()
    child = factories.event(parent=event)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(curator_client.get(url))
    data["parent"] = str(child.pk)
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert "An event cannot be part of itself." in response.content.decode()
    event.refresh_from_db()
    assert event.parent is None
