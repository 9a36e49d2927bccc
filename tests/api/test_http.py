"""What every API response carries: an ETag (304 on If-None-Match), CORS for GET from any
origin, and a clear JSON 429 for an anonymous client over its rate."""

import pytest
from django.core.cache import cache

from tests import factories

pytestmark = pytest.mark.django_db

URLS = ["/api/event/", "/api/event/{slug}/", "/api/schema/"]


@pytest.mark.parametrize("url", URLS)
def test_it_answers_304_to_a_matching_if_none_match(client, url):
    url = url.format(slug=factories.event().slug)
    response = client.get(url)
    assert response.status_code == 200
    etag = response["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_its_etag_changes_with_the_record(client):
    event = factories.event(title="Before")
    url = f"/api/event/{event.slug}/"
    etag = client.get(url)["ETag"]
    event.title = "After"
    event.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_it_allows_reading_from_any_origin(client, url):
    url = url.format(slug=factories.event().slug)
    response = client.get(url, HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in response["Access-Control-Allow-Methods"]


def test_its_errors_carry_cors_too(client):
    response = client.get("/api/event/missing/", HTTP_ORIGIN="https://example.org")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_it_throttles_an_anonymous_client_with_a_clear_429(client, settings):
    settings.API_ANON_RATE = "3/minute"
    cache.clear()
    for _ in range(3):
        assert client.get("/api/place/").status_code == 200
    response = client.get("/api/place/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "throttled" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    assert response["Access-Control-Allow-Origin"] == "*"


def test_it_throttles_staff_like_everyone(client, curator, settings):
    # The API reads no session: a logged-in curator is an anonymous client here.
    settings.API_ANON_RATE = "1/minute"
    cache.clear()
    client.force_login(curator)
    assert client.get("/api/place/").status_code == 200
    assert client.get("/api/place/").status_code == 429
