"""The Record base: slugs, old slugs remembered, publication time, claims' values."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from archive.models import Claim, ClaimAttribute, SlugRedirect, Status
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_changed_slug_is_remembered_and_a_slug_given_back_forgets_it():
    event = factories.event(slug="old-name")
    event.slug = "new-name"
    event.save()
    assert SlugRedirect.target_for(Event, "old-name") == event
    event.slug = "old-name"
    event.save()
    assert SlugRedirect.target_for(Event, "old-name") is None
    assert SlugRedirect.target_for(Event, "new-name") == event


def test_a_slug_is_made_from_the_title_when_left_empty():
    first = Event.objects.create(title="Night in Baku")
    second = Event.objects.create(title="Night in Baku")
    assert (first.slug, second.slug) == ("night-in-baku", "night-in-baku-2")


def test_published_at_is_set_once_on_first_publication():
    event = factories.event(status=Status.DRAFT)
    assert event.published_at is None
    event.status = Status.PUBLISHED
    event.save(update_fields=["status"])
    event.refresh_from_db()
    first = event.published_at
    assert first is not None
    event.status = Status.WITHDRAWN
    event.save()
    event.status = Status.PUBLISHED
    event.save()
    assert event.published_at == first


def test_published_and_visible_to():
    published = factories.event()
    draft = factories.event(status=Status.DRAFT)
    assert list(Event.objects.published()) == [published]
    assert set(Event.objects.visible_to(None)) == {published}

    class Staff:
        is_active = is_staff = True

    assert set(Event.objects.visible_to(Staff())) == {published, draft}


def test_claims_show_numbers_ranges_and_units():
    source, event = factories.source(), factories.event()
    exact = factories.claim(event, source, value="147")
    ranged = factories.claim(
        event, source, value_number=Decimal(120), value_lower=Decimal(100), value_upper=150
    )
    floor = factories.claim(event, source, value_lower=Decimal(1000))
    assert exact.value_display == "147 people"
    assert ranged.value_display == "about 120 people (between 100 and 150)"
    assert floor.value_display == "at least 1,000 people"
    assert exact.value_key != ranged.value_key
    assert exact.value_key == factories.claim(event, factories.source(), value="147.0").value_key


@pytest.mark.parametrize(
    ("attribute", "values", "field"),
    [
        ("killed", {}, "value_number"),
        ("killed", {"value_number": 5, "value_upper": 4}, "value_upper"),
        ("killed", {"value_number": 5, "value_lower": 6}, "value_lower"),
        ("ordered-by", {}, "value_text"),
        ("date", {}, "value_date"),
        ("date", {"value_date": "not a date"}, "value_date"),
    ],
)
def test_a_claim_without_a_fitting_value_is_invalid(attribute, values, field):
    claim = Claim(
        record=factories.event(),
        source=factories.source(),
        attribute=ClaimAttribute.objects.get(slug=attribute),
        **values,
    )
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert field in error.value.message_dict
