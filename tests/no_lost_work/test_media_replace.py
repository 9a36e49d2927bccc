"""Replacing the file of a saved item: a validation error keeps the new file (the page used to
fail reading a file not stored yet), the facts shown are the new file's, and the next save
stores it."""

import re

import pytest
from django.urls import reverse

from archive.media.ingest import ingest
from archive.models import Licence, Status
from tests.catalogue.admin_forms import form_data
from tests.media import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(db):
    return ingest(
        files.upload("old.jpg", files.image_bytes(size=(64, 48))),
        title="Barricade", alt_text="A square", credit_line="", status=Status.DRAFT,
        licence=Licence.objects.get(slug="cc-by"),
    )  # fmt: skip


def test_a_replacement_file_is_kept_after_a_validation_error(
    curator_client, item, django_capture_on_commit_callbacks
):
    url = reverse("admin:archive_mediaitem_change", args=[item.pk])
    data = form_data(curator_client.get(url))
    new = files.image_bytes(size=(20, 10))
    data.update(status=Status.PUBLISHED, file=files.upload("new.jpg", new))
    refused = curator_client.post(url, data)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "cannot be published without a credit line" in html
    assert "“new.jpg” is kept from your last try" in html
    assert "20 × 10 px" in html and "64 × 48 px" not in html  # the facts of the kept file
    assert "the file saved now, until you save" in html
    item.refresh_from_db()
    assert (item.width, item.height, item.original_filename) == (64, 48, "old.jpg")

    again = form_data(refused)
    again["credit_line"] = "Photo: the archive"
    with django_capture_on_commit_callbacks(execute=True):
        assert curator_client.post(url, again).status_code == 302
    item.refresh_from_db()
    assert (item.width, item.height, item.original_filename) == (20, 10, "new.jpg")
    assert re.fullmatch(r"[0-9a-f]{64}", item.sha256) and item.status == Status.PUBLISHED
