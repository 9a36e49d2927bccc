"""A claim's value reads the same in words everywhere: the admin list and inline, the public
page, the API and a source's "cited by" all read `Claim.value_display`."""

from decimal import Decimal

import pytest
from django.urls import reverse

from archive.claimvalues import number_in_words
from archive.models import ClaimAttribute
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("number", "lower", "upper", "words"),
    [
        (147, None, None, "147 people"),
        (None, 131, 147, "between 131 and 147 people"),
        (None, None, 300, "up to 300 people"),
        (None, 100, None, "at least 100 people"),
        (147, 131, 147, "about 147 people (between 131 and 147)"),
        (Decimal("1500.0000"), None, None, "1,500 people"),
        (Decimal("2.5"), None, None, "2.5 people"),
    ],
)
def test_it_puts_bounds_in_words(number, lower, upper, words):
    assert number_in_words(number, lower, upper, "people") == words


def test_a_claim_with_only_an_upper_bound_reads_as_one():
    event, source = factories.event(), factories.source()
    claim = factories.claim(event, source, "killed", value_upper=Decimal(300))
    assert claim.value_display == "up to 300 people"


def test_a_claim_naming_a_record_reads_as_its_name():
    person = factories.person(name="Mikhail Gorbachev", slug="mikhail-gorbachev")
    claim = factories.claim(
        factories.event(), factories.source(), "attributed-to", value_record=person
    )
    assert claim.value_display == "Mikhail Gorbachev"


def test_the_public_page_and_the_api_give_bounds_in_words(client):
    event, source = factories.event(), factories.source()
    factories.claim(event, source, "killed", value_upper=Decimal(300))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "up to 300 people" in page
    api = client.get(f"/api/event/{event.slug}/", HTTP_ACCEPT="application/json").json()
    assert [claim["value"] for claim in api["claims"]] == ["up to 300 people"]


def test_the_source_page_cited_by_gives_bounds_in_words(client):
    event, source = factories.event(), factories.source()
    factories.claim(event, source, "wounded", value_lower=Decimal(700), value_upper=744)
    assert "between 700 and 744 people" in client.get(source.get_absolute_url()).content.decode()


def test_the_admin_claim_list_gives_bounds_in_words(curator_client):
    event, source = factories.event(), factories.source()
    factories.claim(event, source, "killed", value_lower=Decimal(100))
    page = curator_client.get(reverse("admin:archive_claim_changelist")).content.decode()
    assert "at least 100 people" in page


def test_a_published_record_named_by_a_claim_is_linked_on_the_public_page(client):
    person = factories.person(name="Mikhail Gorbachev", slug="mikhail-gorbachev")
    event = factories.event()
    factories.claim(event, factories.source(), "attributed-to", value_record=person)
    page = client.get(event.get_absolute_url()).content.decode()
    assert f'<a href="{person.get_absolute_url()}">Mikhail Gorbachev</a>' in page


def test_a_draft_record_named_by_a_claim_is_not_shown_publicly(client):
    person = factories.person(name="A draft name", status="draft")
    event = factories.event()
    factories.claim(event, factories.source(), "attributed-to", value_record=person)
    assert "A draft name" not in client.get(event.get_absolute_url()).content.decode()


def test_the_migration_gave_every_attribute_a_kind_and_help():
    attributes = ClaimAttribute.objects.all()
    assert {a.value_kind for a in attributes} <= set(ClaimAttribute.ValueKind.values)
    killed = attributes.get(slug="killed")
    assert (killed.value_kind, bool(killed.description)) == ("number", True)
    assert attributes.get(slug="attributed-to").value_kind == "record"


def test_merging_people_moves_the_claims_that_name_the_merged_one(curator):
    from people.merge import merge

    survivor = factories.person(name="Mikhail Gorbachev")
    other = factories.person(name="M. Gorbachev")
    claim = factories.claim(
        factories.event(), factories.source(), "attributed-to", value_record=other
    )
    merge(survivor, other, user=curator)
    claim.refresh_from_db()
    assert claim.value_record == survivor


def test_the_public_page_costs_the_same_for_1_or_50_record_values(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for rows in (1, 50):
        event = factories.event()
        for _ in range(rows):
            factories.claim(
                event, factories.source(), "attributed-to", value_record=factories.person()
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(event.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
