"""Only published records are indexed, returned and counted in facets."""

import pytest

from archive.models import Status
from archive.search.models import SearchDocument
from tests import factories

from .conftest import facet, search, titles

HIDDEN = [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]


@pytest.mark.parametrize("status", HIDDEN)
def test_it_never_indexes_or_returns_an_unpublished_record(client, world, status):
    factories.person(name="Hidden Aliyev", status=status)
    factories.event(title="Hidden Aliyev rally", status=status, places=[world["baku"]])
    factories.source(title="Hidden Aliyev memoir", status=status)
    data = search(client, "Hidden")
    assert data["total"] == 0 and data["results"] == []
    assert not SearchDocument.objects.filter(title__startswith="Hidden").exists()
    assert "Draft Aliyev" not in titles(client, "Aliyev")


@pytest.mark.parametrize("status", HIDDEN)
def test_it_never_counts_an_unpublished_place_or_person_in_facets(client, world, status):
    hidden_place = factories.place(name="Secret Square", status=status)
    hidden_person = factories.person(name="Secret Witness", status=status)
    world["protest"].places.add(hidden_place)
    factories.participation(world["protest"], hidden_person, role="witness")
    data = search(client, "Rally")
    assert data["total"] == 1
    assert "Secret Square" not in facet(data, "place")
    assert "Secret Witness" not in facet(data, "person")
    assert facet(data, "person") == {"Heydar Aliyev": 1}
    assert titles(client, "Secret") == []  # nor in the event's own text


def test_it_drops_a_published_record_when_it_is_withdrawn(client, world):
    assert "Heydar Aliyev" in titles(client, "Aliyev")
    person = world["aliyev"]
    person.status = Status.WITHDRAWN
    person.save(update_fields=["status", "updated_at"])
    data = search(client, "Aliyev")
    assert "Heydar Aliyev" not in [hit["title"] for hit in data["results"]]
    assert "Heydar Aliyev" not in facet(data, "person")
    # The rally stays, but no longer shows (or is found by) the withdrawn person's name.
    assert "Rally on Freedom Square" not in titles(client, "Алиев")
    assert titles(client, "Rally") == ["Rally on Freedom Square"]


def test_it_adds_a_record_when_it_is_published(client, world):
    draft = world["draft"]
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Draft Aliyev" in titles(client, "Aliyev")


def test_it_drops_a_deleted_record(client, world):
    world["book"].delete()
    assert titles(client, "Karabakh") == []


def test_staff_see_only_published_records_in_search_too(curator_client, world):
    assert "Draft Aliyev" not in titles(curator_client, "Aliyev")
