"""Drafts never leak through the API: no draft, review or withdrawn record of any kind in a
list, a detail (not even to staff), a redirect, a citation, a claim or the schema."""

import pytest

from tests import factories

from .conftest import KINDS, make

pytestmark = pytest.mark.django_db

NON_PUBLISHED = ["draft", "review", "withdrawn"]


@pytest.mark.parametrize("status", NON_PUBLISHED)
@pytest.mark.parametrize("kind", KINDS)
def test_it_never_shows_an_unpublished_record(client, curator_client, kind, status):
    hidden = make(kind, status=status, slug=f"secret-{kind}-{status}")
    shown = make(kind)
    listed = client.get(f"/api/{kind}/").json()
    assert [item["slug"] for item in listed["results"]] == [shown.slug]
    assert b"secret-" not in client.get(f"/api/{kind}/").content
    for viewer in (client, curator_client):
        response = viewer.get(f"/api/{kind}/{hidden.slug}/")
        assert response.status_code == 404
        assert b"secret-" not in response.content
    assert b"secret-" not in curator_client.get(f"/api/{kind}/").content


@pytest.mark.parametrize("status", NON_PUBLISHED)
@pytest.mark.parametrize("kind", KINDS)
def test_an_old_slug_of_an_unpublished_record_redirects_nowhere(client, kind, status):
    record = make(kind, slug=f"old-{kind}")
    record.slug = f"secret-{kind}"
    record.status = status
    record.save()
    response = client.get(f"/api/{kind}/old-{kind}/")
    assert response.status_code == 404
    assert b"secret-" not in response.content


@pytest.mark.parametrize("status", NON_PUBLISHED)
def test_it_names_no_unpublished_source_or_linked_record(client, status):
    secret_source = factories.source(status=status, title="Secret source")
    secret_place = factories.place(status=status, name="Secret place")
    event = factories.event(places=[secret_place])
    factories.citation(event, secret_source)
    factories.claim(event, secret_source, value="7")
    person = factories.person(status=status, name="Secret person")
    factories.participation(event, person)
    response = client.get(f"/api/event/{event.slug}/")
    assert response.status_code == 200
    body = response.json()
    assert body["citations"] == [] and body["claims"] == []
    assert b"Secret" not in response.content
    assert b"Secret" not in client.get("/api/event/").content


@pytest.mark.parametrize("kind", KINDS)
def test_the_schema_names_no_unpublished_record(client, kind):
    for status in NON_PUBLISHED:
        make(kind, status=status, slug=f"secret-{kind}-{status}")
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 200
    assert b"secret-" not in schema.content
    assert b"secret-" not in client.get("/api/docs/").content
