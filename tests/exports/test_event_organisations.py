"""An event's one description names the organisations involved in it, as it names its people:
its JSON-LD makes the organiser its `organizer` and any other role what it is `about`, from
the rows the page already has; the feed describes them from rows prepared in bulk."""

import pytest

from archive import registry
from archive.description import Relation
from events.models import Event
from tests import factories

from .schemaorg import violations
from .test_jsonld_vocabulary import page_jsonld

pytestmark = pytest.mark.django_db


@pytest.fixture
def rally():
    event = factories.event(title="A rally")
    factories.involvement(
        event, factories.organisation(name="Popular Front", slug="popular-front"), role="organiser"
    )
    factories.involvement(event, factories.organisation(name="Soviet Army"))  # acting unit
    hidden = factories.organisation(name="A draft body", status="draft")
    factories.involvement(event, hidden, role="organiser")
    return event


def names(values) -> list[str]:
    return [value["name"] for value in values]


def test_its_json_ld_names_the_organiser_and_what_else_it_is_about(client, rally):
    data = page_jsonld(client, rally.get_absolute_url())
    event = data["mainEntity"]
    assert violations(data) == []
    assert names(event["organizer"]) == ["Popular Front"]
    assert event["organizer"][0]["@type"] == "Organization"
    assert "/organisations/popular-front/" in event["organizer"][0]["@id"]
    assert "Soviet Army" in names(event["about"])
    assert "A draft body" not in str(data)  # a draft never leaks


def test_the_feed_describes_them_from_rows_prepared_in_bulk(rally, django_assert_num_queries):
    kind = registry.kind("event")
    events = list(kind.prepare_description(Event.objects.published()))
    with django_assert_num_queries(0):
        descriptions = [registry.description(event) for event in events]
    (described,) = descriptions
    organisations = [
        (link.title, link.role)
        for link in described.links_of(Relation.PARTICIPANT)
        if link.kind == "organisation"
    ]
    assert organisations == [("Popular Front", "organiser"), ("Soviet Army", "acting-unit")]
