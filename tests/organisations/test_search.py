"""Organisations in the one search: found by any name in any script, their events found by
the organisation's names, and an organisation facet; drafts never indexed."""

import pytest

from archive.models import Status
from tests import factories
from tests.search.conftest import facet, search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    baku = factories.place(name="Baku")
    army = factories.organisation(
        name="Soviet Army",
        organisation_type="army",
        founded="1946",
        dissolved="1992",
        places=[baku],
        names=["Советская армия", "Sovet Ordusu"],
    )
    night = factories.event(title="Troops enter the city", date="1990-01-20")
    factories.involvement(night, army)
    factories.event(title="A quiet day", date="1990-02-01")
    factories.organisation(name="Secret Bureau", status=Status.DRAFT)
    return army


def test_it_finds_an_organisation_by_a_name_variant_in_another_script(client, world):
    for query in ("Soviet Army", "Советская армия", "sovetskaya armiya", "Sovet Ordusu"):
        assert "Soviet Army" in titles(client, query), query


def test_it_finds_an_event_by_its_organisations_name(client, world):
    found = titles(client, "Советская")
    assert "Troops enter the city" in found and "A quiet day" not in found


def test_it_filters_by_the_organisation_facet(client, world):
    data = search(client, "Soviet or quiet")
    assert facet(data, "organisation") == {"Soviet Army": 2}  # itself and its event
    filtered = titles(client, "Soviet or quiet", organisation=world.pk)
    assert set(filtered) == {"Soviet Army", "Troops enter the city"}


def test_it_never_indexes_a_draft(client, world):
    assert titles(client, "Secret Bureau") == []


def test_it_indexes_the_type_and_places_as_text(client, world):
    assert "Soviet Army" in titles(client, "army Baku")
