"""Every registered kind as a list and a detail: the record's one description, its citations
and claims with their sources, its links as URLs; old slugs redirect."""

import dataclasses

import pytest

from archive import registry
from archive.models import SlugRedirect
from tests import factories

from .conftest import KINDS, make

pytestmark = pytest.mark.django_db


def test_it_serves_every_registered_kind():
    assert sorted(kind.key for kind in registry.kinds()) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_it_lists_published_records_of_each_kind(client, kind):
    record = make(kind)
    response = client.get(f"/api/{kind}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"next", "previous", "results"}
    (item,) = body["results"]
    assert item["kind"] == kind
    assert item["slug"] == record.slug
    assert item["api_url"] == f"http://testserver/api/{kind}/{record.slug}/"
    assert item["description"]["url"] == f"http://testserver{record.get_absolute_url()}"


@pytest.mark.parametrize("kind", KINDS)
def test_it_gives_each_kind_s_detail_as_its_description(client, rf, kind):
    record = make(kind)
    response = client.get(f"/api/{kind}/{record.slug}/")
    assert response.status_code == 200
    body = response.json()
    expected = registry.description(record, rf.get("/"))
    assert body["description"]["title"] == expected.title
    assert body["description"]["type"] == expected.type
    assert body["description"]["kind"] == kind
    assert body["citations"] == [] and body["claims"] == []


def test_it_gives_citations_and_claims_with_their_sources(client):
    event = factories.event()
    first, second = factories.source(title="Report A"), factories.source(title="Report B")
    factories.citation(event, first, locator="p. 4", quotation="They came at night.")
    factories.claim(event, first, value="21")
    factories.claim(event, second, value="25")  # a disagreement: both, each with its source
    body = client.get(f"/api/event/{event.slug}/").json()
    (cited,) = body["citations"]
    assert cited["locator"] == "p. 4" and cited["quotation"] == "They came at night."
    assert cited["source"] == {
        "slug": first.slug,
        "title": "Report A",
        "url": f"http://testserver{first.get_absolute_url()}",
        "api_url": f"http://testserver/api/source/{first.slug}/",
    }
    values = {(claim["value"], claim["source"]["title"]) for claim in body["claims"]}
    assert values == {("21 people", "Report A"), ("25 people", "Report B")}
    assert {claim["attribute_slug"] for claim in body["claims"]} == {"killed"}


def test_it_gives_links_to_other_records_as_urls(client):
    place = factories.place(name="Baku")
    event = factories.event(places=[place])
    body = client.get(f"/api/event/{event.slug}/").json()
    links = [link for link in body["description"]["links"] if link["kind"] == "place"]
    assert [link["url"] for link in links] == [f"http://testserver{place.get_absolute_url()}"]
    assert links[0]["title"] == "Baku"


@pytest.mark.parametrize("kind", KINDS)
def test_it_redirects_an_old_slug_permanently(client, kind):
    record = make(kind, slug=f"old-{kind}")
    record.slug = f"new-{kind}"
    record.save()
    assert SlugRedirect.target_for(type(record), f"old-{kind}") == record
    response = client.get(f"/api/{kind}/old-{kind}/")
    assert response.status_code == 301
    assert response["Location"] == f"http://testserver/api/{kind}/new-{kind}/"


def test_it_answers_an_unknown_slug_with_a_json_404(client):
    response = client.get("/api/event/no-such-event/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_it_is_read_only(client):
    event = factories.event()
    assert client.post("/api/event/", {}).status_code == 405
    assert client.delete(f"/api/event/{event.slug}/").status_code == 405


def test_its_description_is_the_one_every_output_derives_from(client, rf):
    place = factories.place(name="Baku")
    source = factories.source(title="Report", date="1990-01-21", language="en")
    event = factories.event(title="January", date="1990-01-19/1990-01-20", places=[place])
    factories.citation(event, source)
    body = client.get(f"/api/event/{event.slug}/").json()["description"]
    expected = dataclasses.asdict(registry.description(event, rf.get("/")))
    assert set(body) == set(expected)
    for name, value in expected.items():
        if value is None or isinstance(value, (str, bool, int, float, list)):
            assert body[name] == value, name
    assert {link["relation"] for link in body["links"]} >= {"place", "cites"}


@pytest.mark.parametrize("url", ["/api/event/", "/api/event/{slug}/"])
def test_its_browsable_pages_render(client, url):
    url = url.format(slug=factories.event().slug)
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
