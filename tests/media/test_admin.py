"""The media admin: upload with clear errors, previews and file facts, duplicates flagged,
publishing rules."""

import re

import pytest
from django.urls import reverse

from archive.models import MediaItem, Status

from . import files
from .conftest import stored_files

pytestmark = pytest.mark.django_db

ADD_URL = "admin:archive_mediaitem_add"


def management_forms(client, url) -> dict:
    page = client.get(url).content.decode()
    data = {}
    for prefix in re.findall(r'name="([^"]+)-TOTAL_FORMS"', page):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def form_data(client, url, **fields) -> dict:
    data = management_forms(client, url)
    empty = ["slug", "caption", "alt_text", "creator", "date", "date_text", "credit_line"]
    data.update(dict.fromkeys([*empty, "licence", "source"], ""))
    data.update(title="Barricade", status=Status.DRAFT)
    data.update(fields)
    if not data["slug"]:
        data["slug"] = re.sub(r"[^a-z0-9]+", "-", data["title"].lower()).strip("-")
    return data


def upload(client, name, data, **fields):
    url = reverse(ADD_URL)
    post = form_data(client, url, **fields)
    post["file"] = files.upload(name, data)
    return client.post(url, post, follow=True)


def test_a_curator_uploads_an_image_and_sees_its_facts(curator_client, licence):
    data = files.jpeg_with_orientation_and_gps(size=(640, 480))
    response = upload(curator_client, "barricade.jpg", data, licence=licence.pk)
    assert response.status_code == 200
    item = MediaItem.objects.get()
    assert (item.media_type, item.width, item.height) == ("image", 480, 640)
    assert item.derivatives.count() == 4
    page = curator_client.get(reverse("admin:archive_mediaitem_change", args=[item.pk]))
    html = page.content.decode()
    assert item.sha256 in html
    assert "480 × 640 px" in html
    assert "GPSLatitude" in html and "stripped from every public copy" in html
    assert "Not yet verified" in html  # fixity state
    assert item.display.jpg_url in html  # preview through the checked view
    assert "barricade.jpg" in html
    assert "/media/originals/" not in html  # never the storage URL, even for staff


def test_the_list_shows_thumbnails_and_fixity(curator_client, make_item):
    item = make_item("photo.jpg", files.image_bytes(size=(700, 350)))
    sound = make_item("sound.wav", files.wav_bytes())
    html = curator_client.get(reverse("admin:archive_mediaitem_changelist")).content.decode()
    assert f'src="{item.thumbnail.jpg_url}"' in html
    assert "700 × 350 px" in html
    assert "Not yet verified" in html
    assert sound.title in html


def test_the_list_needs_the_same_queries_for_1_or_30_items(
    curator_client, make_item, django_assert_max_num_queries
):
    from tests import factories

    make_item("photo.jpg")
    url = reverse("admin:archive_mediaitem_changelist")
    curator_client.get(url)
    with django_assert_max_num_queries(12) as one:
        curator_client.get(url)
    for n in range(30):
        factories.media_item(width=100 + n, height=50)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert curator_client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.jpg", files.image_bytes("PNG"), "content is a PNG image"),
        ("photo.jpg", files.HTML_PAGE, "HTML or XML markup"),
        ("logo.svg", files.SVG_WITH_SCRIPT, "SVG is refused"),
        ("cut.jpg", files.truncated_jpeg(), "corrupt or truncated"),
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 100, "does not accept"),
    ],
)
def test_a_refused_upload_is_a_form_error_and_stores_nothing(
    settings, cataloguer_client, name, data, message
):
    response = upload(cataloguer_client, name, data)
    html = response.content.decode()
    assert message in html
    assert "errorlist" in html
    assert not MediaItem.objects.exists()
    assert stored_files(settings) == []


def test_a_bomb_and_an_oversized_file_are_form_errors(settings, cataloguer_client):
    settings.MEDIA_MAX_IMAGE_PIXELS = 1000
    assert (
        "too large to process safely"
        in upload(cataloguer_client, "big.png", files.image_bytes("PNG")).content.decode()
    )
    settings.MEDIA_MAX_UPLOAD_BYTES = 50
    assert (
        "the largest accepted is 50"
        in upload(cataloguer_client, "big.wav", files.wav_bytes()).content.decode()
    )
    assert not MediaItem.objects.exists() and stored_files(settings) == []


def test_identical_bytes_are_flagged_with_a_link_to_the_first_item(curator_client, make_item):
    data = files.image_bytes(size=(50, 50))
    first = make_item("first.jpg", data, title="First upload")
    response = upload(curator_client, "again.jpg", data, title="Second upload")
    html = response.content.decode()
    first_url = reverse("admin:archive_mediaitem_change", args=[first.pk])
    assert "identical, byte for byte" in html
    assert f'<a href="{first_url}">First upload</a>' in html
    second = MediaItem.objects.get(title="Second upload")
    assert second.status == Status.DRAFT  # kept, as a draft nobody else sees
    page = curator_client.get(reverse("admin:archive_mediaitem_change", args=[second.pk]))
    assert f'<a href="{first_url}">First upload</a>' in page.content.decode()


def test_different_bytes_are_not_flagged(curator_client, make_item):
    make_item("first.jpg", files.image_bytes(size=(50, 50)))
    html = upload(curator_client, "other.jpg", files.image_bytes(size=(51, 50))).content.decode()
    assert "identical, byte for byte" not in html


def test_publishing_an_image_needs_alt_text_credit_and_licence(curator_client, licence):
    response = upload(curator_client, "photo.jpg", files.image_bytes(), status=Status.PUBLISHED)
    html = response.content.decode()
    assert "An image cannot be published without alt text." in html
    assert "cannot be published without a credit line." in html
    assert "cannot be published without a licence." in html
    assert not MediaItem.objects.exists()
    response = upload(
        curator_client, "photo.jpg", files.image_bytes(), status=Status.PUBLISHED,
        alt_text="A barricade of buses", credit_line="Photo: A. Person", licence=licence.pk,
    )  # fmt: skip
    assert MediaItem.objects.get().status == Status.PUBLISHED


def test_audio_needs_no_alt_text_to_be_published(curator_client, licence):
    upload(
        curator_client, "talk.wav", files.wav_bytes(), status=Status.PUBLISHED,
        credit_line="Recording: A. Person", licence=licence.pk,
    )  # fmt: skip
    assert MediaItem.objects.get().status == Status.PUBLISHED


def test_the_publish_action_refuses_what_is_not_ready(curator_client, make_item):
    ready = make_item("ready.jpg", status=Status.DRAFT)
    bare = make_item("bare.jpg", files.image_bytes(size=(9, 9)), status=Status.DRAFT,
                     alt_text="", credit_line="")  # fmt: skip
    response = curator_client.post(
        reverse("admin:archive_mediaitem_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, bare.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "“bare.jpg” was not published: An image cannot be published without alt text." in html
    assert "1 record published." in html
    assert dict(MediaItem.objects.values_list("title", "status")) == {
        "ready.jpg": Status.PUBLISHED,
        "bare.jpg": Status.DRAFT,
    }


def test_the_admin_lists_events_and_people_that_show_the_item(curator_client, make_item):
    from tests import factories

    item = make_item("photo.jpg")
    event = factories.event(title="Night of 19–20 January")
    event.media.add(item)
    person = factories.person(name="A Witness", portrait=item)
    html = curator_client.get(
        reverse("admin:archive_mediaitem_change", args=[item.pk])
    ).content.decode()
    assert reverse("admin:events_event_change", args=[event.pk]) in html
    assert "Night of 19–20 January" in html
    assert reverse("admin:people_person_change", args=[person.pk]) in html


def test_admin_actions_remake_derivatives_and_verify_fixity(curator_client, make_item):
    item = make_item("photo.jpg")
    old = set(item.derivatives.values_list("pk", flat=True))
    url = reverse("admin:archive_mediaitem_changelist")
    curator_client.post(url, {"action": "make_derivatives", "_selected_action": [item.pk]})
    assert not old & set(item.derivatives.values_list("pk", flat=True))
    response = curator_client.post(
        url, {"action": "verify_fixity", "_selected_action": [item.pk]}, follow=True
    )
    assert "1 of 1 verified." in response.content.decode()
    item.refresh_from_db()
    assert item.fixity == MediaItem.Fixity.OK


def test_a_failure_after_storing_leaves_no_record_and_no_file(
    settings, curator_client, monkeypatch
):
    def broken(item, **kwargs):
        raise OSError("storage went away")

    monkeypatch.setattr("archive.admin.media.ensure_derivatives", broken)
    response = upload(curator_client, "photo.jpg", files.image_bytes())
    assert "The file could not be stored: storage went away. Nothing was saved." in (
        response.content.decode()
    )  # a form error (tests/production/test_upload_faults.py), not a server error
    assert not MediaItem.objects.exists()
    assert stored_files(settings) == []
