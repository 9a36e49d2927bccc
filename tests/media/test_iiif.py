"""IIIF Presentation 3.0 manifests for published images and for event and person galleries."""

import json

import pytest
from django.urls import reverse

from archive.models import Status
from tests import factories

from . import files
from .iiif_spec import assert_valid_manifest

pytestmark = pytest.mark.django_db


def manifest_url(kind, slug):
    return reverse("media_files:iiif_manifest", kwargs={"kind": kind, "slug": slug})


def fetch(client, kind, slug):
    response = client.get(manifest_url(kind, slug))
    assert response.status_code == 200, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"].startswith("application/ld+json")
    assert "presentation/3/context.json" in response["Content-Type"]
    manifest = json.loads(response.content)
    assert_valid_manifest(manifest)
    return manifest


@pytest.fixture
def image(make_item):
    return make_item(
        "barricade.jpg", files.image_bytes(size=(2000, 1000)), title="Barricade on Tbilisi Avenue",
        caption="Buses across the avenue at dawn.", creator="A. Photographer",
        credit_line="Photo: A. Photographer / Test Archive", status=Status.PUBLISHED,
        date="1990-01-20",
    )  # fmt: skip


def test_a_published_image_has_a_manifest(client, image):
    manifest = fetch(client, "media", image.slug)
    assert manifest["id"] == "http://testserver" + manifest_url("media", image.slug)
    assert manifest["label"] == {"en": ["Barricade on Tbilisi Avenue"]}
    assert manifest["summary"] == {"en": ["Buses across the avenue at dawn."]}
    assert manifest["requiredStatement"] == {
        "label": {"en": ["Attribution"]},
        "value": {"en": ["Photo: A. Photographer / Test Archive"]},
    }
    assert manifest["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    assert manifest["thumbnail"][0]["id"] == "http://testserver" + image.thumbnail.jpg_url
    assert manifest["thumbnail"][0]["width"] == 320
    assert manifest["homepage"][0]["id"] == "http://testserver" + image.get_absolute_url()
    (canvas,) = manifest["items"]
    assert (canvas["width"], canvas["height"]) == (2000, 1000)
    body = canvas["items"][0]["items"][0]["body"]
    assert body["id"] == "http://testserver" + image.largest.jpg_url
    assert (body["format"], body["width"], body["height"]) == ("image/jpeg", 1600, 800)
    assert client.get(body["id"]).status_code == 200  # the image the viewer loads is there
    assert {"label": {"en": ["Creator"]}, "value": {"en": ["A. Photographer"]}} in manifest[
        "metadata"
    ]


def test_no_manifest_for_drafts_non_images_or_unknown_kinds(client, curator_client, make_item):
    draft = make_item("draft.jpg", status=Status.DRAFT)
    sound = make_item("talk.wav", files.wav_bytes(), status=Status.PUBLISHED)
    assert client.get(manifest_url("media", draft.slug)).status_code == 404
    assert curator_client.get(manifest_url("media", draft.slug)).status_code == 404
    assert client.get(manifest_url("media", sound.slug)).status_code == 404
    assert client.get(manifest_url("spaceship", draft.slug)).status_code == 404


def test_a_rights_uri_outside_the_allowed_sets_is_left_out(client, image):
    image.licence.uri = "https://example.org/our-terms"
    image.licence.save()
    manifest = fetch(client, "media", image.slug)
    assert "rights" not in manifest
    assert {"label": {"en": ["Licence"]}, "value": {"en": ["CC BY 4.0"]}} in manifest["metadata"]


def test_an_event_gallery_shows_its_published_images_only(client, image, make_item):
    hidden = make_item("hidden.jpg", files.image_bytes(size=(30, 30)), status=Status.DRAFT)
    sound = make_item("talk.wav", files.wav_bytes(), status=Status.PUBLISHED)
    second = make_item("second.png", files.image_bytes("PNG", size=(40, 60)),
                       status=Status.PUBLISHED, credit_line="Photo: B")  # fmt: skip
    event = factories.event(title="Black January", summary="The night of 19–20 January 1990.")
    event.media.set([image, hidden, sound, second])
    manifest = fetch(client, "event", event.slug)
    assert manifest["label"] == {"en": ["Black January"]}
    assert manifest["summary"] == {"en": ["The night of 19–20 January 1990."]}
    assert [c["label"]["en"][0] for c in manifest["items"]] == [image.title, second.title]
    assert manifest["requiredStatement"]["value"]["en"] == [image.credit_line, "Photo: B"]
    assert manifest["rights"] == "http://creativecommons.org/licenses/by/4.0/"  # one licence
    assert manifest["items"][1]["requiredStatement"]["value"] == {"en": ["Photo: B"]}
    assert manifest["homepage"][0]["id"].endswith(event.get_absolute_url())


def test_a_person_gallery_puts_the_portrait_first_once(client, image, make_item):
    portrait = make_item("portrait.jpg", files.image_bytes(size=(30, 40)), status=Status.PUBLISHED)
    person = factories.person(name="A Witness", portrait=portrait)
    person.media.set([image, portrait])
    manifest = fetch(client, "person", person.slug)
    assert [c["label"]["en"][0] for c in manifest["items"]] == [portrait.title, image.title]


def test_no_gallery_manifest_for_a_draft_record_or_one_without_images(client, image):
    draft_event = factories.event(status=Status.DRAFT)
    draft_event.media.add(image)
    assert client.get(manifest_url("event", draft_event.slug)).status_code == 404
    empty = factories.event()
    assert client.get(manifest_url("event", empty.slug)).status_code == 404


def test_a_gallery_manifest_needs_the_same_queries_for_1_or_20_images(
    client, make_item, django_assert_max_num_queries
):
    event = factories.event()
    event.media.add(
        make_item("first.jpg", files.image_bytes(size=(20, 20)), status=Status.PUBLISHED)
    )
    url = manifest_url("event", event.slug)
    with django_assert_max_num_queries(5) as one:
        client.get(url)
    for n in range(19):
        event.media.add(factories.media_item(width=100, height=80 + n, credit_line=f"C{n}"))
    with django_assert_max_num_queries(len(one.captured_queries)):
        manifest = json.loads(client.get(url).content)
    assert len(manifest["items"]) == 20
    assert_valid_manifest(manifest)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda m: m.pop("@context"),
        lambda m: m.update(type="Collection"),
        lambda m: m.update(label="Barricade"),  # a string, not a language map
        lambda m: m["items"][0].pop("width"),
        lambda m: m["items"][0]["items"][0].update(type="Page"),
        lambda m: m["items"][0]["items"][0]["items"][0].update(motivation="commenting"),
        lambda m: m["items"][0]["items"][0]["items"][0]["body"].pop("format"),
        lambda m: m.update(rights="https://example.org/terms"),
        lambda m: m.update(items=[]),
    ],
)
def test_the_spec_checks_catch_broken_manifests(client, make_item, break_it):
    image = make_item("small.jpg", files.image_bytes(size=(40, 30)), status=Status.PUBLISHED)
    manifest = json.loads(client.get(manifest_url("media", image.slug)).content)
    assert_valid_manifest(manifest)
    break_it(manifest)
    with pytest.raises((AssertionError, KeyError)):
        assert_valid_manifest(manifest)


def test_it_carries_rights_statements_and_each_canvas_its_own(client, image, make_item):
    from archive.models import Licence

    in_copyright = Licence.objects.get(uri="http://rightsstatements.org/vocab/InC/1.0/")
    other = make_item("other.png", files.image_bytes("PNG", size=(40, 60)),
                      status=Status.PUBLISHED, licence=in_copyright)  # fmt: skip
    assert fetch(client, "media", other.slug)["rights"] == in_copyright.uri
    event = factories.event()
    event.media.set([image, other])
    manifest = fetch(client, "event", event.slug)
    assert "rights" not in manifest  # two licences: each canvas says its own
    assert [canvas["rights"] for canvas in manifest["items"]] == [
        "http://creativecommons.org/licenses/by/4.0/",
        "http://rightsstatements.org/vocab/InC/1.0/",
    ]
