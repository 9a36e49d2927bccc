"""The media form loses nothing: a chosen file survives a validation error, and publishing's
requirements are shown by the status field before saving."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from archive.media import stash
from archive.models import Licence, MediaItem, Status
from tests.media import files
from tests.media.conftest import stored_files
from tests.media.test_admin import form_data

pytestmark = pytest.mark.django_db


def _add_url():
    return reverse("admin:archive_mediaitem_add")


@pytest.fixture
def licence(db):
    return Licence.objects.get(slug="cc-by")


def _kept_token(html: str) -> str:
    found = re.search(r'name="stashed_upload" value="([^"]+)"', html)
    return found.group(1) if found else ""


def test_a_file_chosen_before_a_validation_error_is_kept_and_reused(
    curator_client, licence, settings, django_capture_on_commit_callbacks
):
    post = form_data(curator_client, _add_url(), status=Status.PUBLISHED, licence=licence.pk,
                     alt_text="A red square")  # fmt: skip
    post["file"] = files.upload("barricade.jpg", files.image_bytes(size=(64, 48)))
    refused = curator_client.post(_add_url(), post)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "cannot be published without a credit line" in html
    assert "“barricade.jpg” is kept from your last try" in html
    token = _kept_token(html)
    assert token and not MediaItem.objects.exists()
    assert any(name.startswith("upload-stash/") for name in stored_files(settings))

    # The curator fixes the credit line and saves, choosing no file again.
    again = form_data(curator_client, _add_url(), status=Status.PUBLISHED, licence=licence.pk,
                      alt_text="A red square", credit_line="Photo: the archive",
                      stashed_upload=token)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        saved = curator_client.post(_add_url(), again)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    item = MediaItem.objects.get()
    assert (item.original_filename, item.width, item.height) == ("barricade.jpg", 64, 48)
    assert item.sha256 and item.status == Status.PUBLISHED
    assert not [n for n in stored_files(settings) if n.startswith("upload-stash/")]


def test_a_refused_file_is_not_kept_and_the_form_says_nothing_was_kept(curator_client, settings):
    post = form_data(curator_client, _add_url())
    post["file"] = files.upload("notes.jpg", b"plain text, not an image")
    html = curator_client.post(_add_url(), post).content.decode()
    assert "is kept from your last try" not in html and not _kept_token(html)
    assert not [n for n in stored_files(settings) if n.startswith("upload-stash/")]


def test_a_newly_chosen_file_replaces_the_kept_one(curator_client, licence):
    post = form_data(curator_client, _add_url(), status=Status.PUBLISHED, licence=licence.pk,
                     alt_text="A red square")  # fmt: skip
    post["file"] = files.upload("first.jpg", files.image_bytes(size=(10, 10)))
    token = _kept_token(curator_client.post(_add_url(), post).content.decode())
    again = form_data(curator_client, _add_url(), stashed_upload=token, alt_text="x")
    again["file"] = files.upload("second.jpg", files.image_bytes(size=(20, 10)))
    assert curator_client.post(_add_url(), again).status_code == 302
    assert MediaItem.objects.get().original_filename == "second.jpg"


def test_an_unknown_or_forged_token_is_ignored(curator_client):
    post = form_data(curator_client, _add_url(), stashed_upload="../../etc/passwd-xxxxxxxxxxxxx")
    form = curator_client.post(_add_url(), post).context["adminform"].form
    assert "file" in form.errors and not MediaItem.objects.exists(), form.errors


def test_stale_kept_uploads_are_swept(settings):
    token = stash.keep(files.upload("old.jpg", files.image_bytes()))
    assert stash.fetch(token) is not None
    assert stash.sweep(max_age=timedelta(0)) == 1
    assert stash.fetch(token) is None


def test_the_status_field_lists_what_publishing_needs_before_saving(curator_client):
    html = curator_client.get(_add_url()).content.decode()
    help_ = re.search(r'id="id_status_helptext">(.*?)</div>', html, re.S)
    assert help_, "the status field has a help text"
    assert "To publish: credit line and licence." in help_.group(1)


def test_a_saved_image_lists_what_is_still_missing(curator_client, make_item):
    item = make_item("photo.jpg", credit_line="", alt_text="")
    html = curator_client.get(reverse("admin:archive_mediaitem_change", args=[item.pk])).content
    help_ = re.search(r'id="id_status_helptext">(.*?)</div>', html.decode(), re.S).group(1)
    assert "To publish: alt text, credit line and licence." in help_
    assert "Missing now: alt text and credit line." in help_


@pytest.fixture
def make_item(db, licence):
    from archive.media.ingest import ingest

    def make(name, **fields):
        fields = {"title": name, "alt_text": "A square", "credit_line": "Photo", **fields}
        return ingest(files.upload(name, files.image_bytes()), licence=licence, **fields)

    return make
