"""IIIF Change Discovery 1.0 for the manifests and the same activities for records: valid
against a schema of the spec's MUSTs, paged by keyset (no change skipped or repeated while new
ones arrive), constant queries per page, deletes and withdrawals, no drafts, clear 400s."""

import json
from pathlib import Path

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Status
from tests import factories
from tests.public.conftest import image

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "discovery-1.0.schema.json").read_text())
STREAMS = ["/iiif/discovery/", "/activity/"]


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    data = response.json()
    jsonschema.validate(data, SCHEMA)
    assert response["Access-Control-Allow-Origin"] == "*"
    return data


def _walk_back(client, collection_url):
    """Every activity, oldest first, as a harvester reads them: from `last`, by `prev`."""
    collection = _get(client, collection_url)
    url, pages = collection["last"]["id"], []
    while url:
        page = _get(client, url)
        assert page["partOf"]["id"] == collection["id"]
        pages.append(page["orderedItems"])
        url = page.get("prev", {}).get("id")
    return [item for items in reversed(pages) for item in items], collection


def _walk_forward(client, collection_url):
    url, found = _get(client, collection_url)["first"]["id"], []
    while url:
        page = _get(client, url)
        found += page["orderedItems"]
        url = page.get("next", {}).get("id")
    return found


def _summary(items):
    return [(item["type"], item["object"]["id"].split("testserver")[1]) for item in items]


def test_it_tells_the_life_of_a_record_and_its_manifest(client, settings):
    settings.ACTIVITY_PAGE_SIZE = 2
    picture = image(slug="picture")
    picture.caption = "Changed"
    picture.save()
    picture.status = Status.WITHDRAWN
    picture.save()
    source = factories.source(slug="letter")
    gone = source.pk
    source.delete()
    factories.source(slug="draft-only", status=Status.DRAFT)
    records, collection = _walk_back(client, "/activity/")
    assert _summary(records) == [
        ("Create", "/media/picture/"),
        ("Update", "/media/picture/"),
        ("Delete", "/media/picture/"),
        ("Create", "/sources/letter/"),
        ("Delete", "/sources/letter/"),
    ]
    assert collection["totalItems"] == 5
    assert records == _walk_forward(client, "/activity/")
    assert records[0]["object"]["type"] == "MediaObject"
    assert records[0]["endTime"].endswith("Z")
    manifests, _ = _walk_back(client, "/iiif/discovery/")
    # A withdrawn image's Create and Update no longer name it; its Delete does.
    assert _summary(manifests) == [("Delete", "/iiif/media/picture/manifest.json")]
    assert all(item["object"]["type"] == "Manifest" for item in manifests)
    assert gone and b"draft-only" not in client.get("/activity/page/").content


def test_it_lists_the_manifests_of_images_and_of_galleries(client):
    picture = image(slug="portrait")
    factories.person(slug="sitter", portrait=picture)
    factories.media_item(slug="sound", media_type="audio", mime_type="audio/mpeg", width=None)
    factories.place(slug="no-images")
    manifests, _ = _walk_back(client, "/iiif/discovery/")
    ids = [path for _, path in _summary(manifests)]
    assert "/iiif/media/portrait/manifest.json" in ids
    assert "/iiif/media/sound/manifest.json" not in ids
    assert not any("no-images" in path for path in ids)
    assert "/iiif/person/sitter/manifest.json" in ids  # a gallery of a record of people's
    assert client.get("/iiif/person/sitter/manifest.json").status_code == 200


def test_it_neither_skips_nor_repeats_while_changes_arrive(client, settings):
    settings.ACTIVITY_PAGE_SIZE = 3
    sources = [factories.source() for _ in range(7)]
    collection = _get(client, "/activity/")
    page = _get(client, collection["last"]["id"])
    for source in sources[:3]:
        source.save()  # three updates arrive between two pages
    seen = list(page["orderedItems"])
    while "prev" in page:
        page = _get(client, page["prev"]["id"])
        seen = page["orderedItems"] + seen
    assert len(seen) == 7 and all(item["type"] == "Create" for item in seen)
    assert len({item["object"]["id"] for item in seen}) == 7
    everything = _walk_forward(client, "/activity/")
    assert len(everything) == 10 and everything[:7] == seen


@pytest.mark.parametrize("stream", STREAMS)
def test_it_costs_the_same_queries_for_1_and_50_changes(client, stream):
    def cost():
        with CaptureQueriesContext(connection) as queries:
            client.get(f"{stream}page/")
            client.get(f"{stream}page/?after=0")
            client.get(stream)
        return len(queries)

    image()
    one = cost()
    for _ in range(49):
        image()
    assert cost() == one


@pytest.mark.parametrize("stream", STREAMS)
@pytest.mark.parametrize(
    "query", ["?after=x", "?before=-1", "?after=1&before=2", "?after=99999999999999999999"]
)
def test_it_answers_bad_pages_with_400(client, stream, query):
    response = client.get(f"{stream}page/{query}")
    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.parametrize("stream", STREAMS)
def test_an_empty_stream_is_valid(client, stream):
    collection = _get(client, stream)
    assert collection["totalItems"] == 0
    assert _get(client, collection["last"]["id"])["orderedItems"] == []
    assert _get(client, collection["first"]["id"])["orderedItems"] == []
