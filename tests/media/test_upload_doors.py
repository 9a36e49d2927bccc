"""Every upload door inspects a new file; the model refuses one that no door inspected; the
accepted file types are written once (archive.models.media.specs) and everything derives."""

import pytest
from django.core.exceptions import ValidationError

from archive.admin.media import MediaItemForm
from archive.media import specs as media_specs
from archive.media.ingest import inspect_upload
from archive.models import MediaItem
from archive.models.media import specs

from . import files


@pytest.mark.django_db
def test_it_refuses_a_new_file_no_door_inspected():
    item = MediaItem(
        title="Unchecked", slug="unchecked", file=files.upload("ok.jpg", files.HTML_PAGE)
    )
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "not checked" in " ".join(refused.value.message_dict["file"])


@pytest.mark.django_db
def test_it_accepts_a_file_once_the_upload_step_inspected_it():
    item = MediaItem(
        title="Checked", slug="checked", file=files.upload("ok.jpg", files.image_bytes())
    )
    inspect_upload(item)
    item.full_clean()
    assert (item.media_type, item.mime_type, item.width) == ("image", "image/jpeg", 64)


@pytest.mark.django_db
def test_it_refuses_a_hostile_file_in_the_upload_step():
    item = MediaItem(title="Page", slug="page", file=files.upload("page.jpg", files.HTML_PAGE))
    with pytest.raises(ValidationError) as refused:
        inspect_upload(item)
    assert "HTML or XML markup" in " ".join(refused.value.message_dict["file"])


def test_it_writes_the_accepted_types_once():
    assert media_specs.ACCEPTED is specs.ACCEPTED  # re-exported, not copied
    assert set(specs.ACCEPTED) == {t.mime for t in specs.FILE_TYPES}
    help_text = MediaItem._meta.get_field("file").help_text
    accept = MediaItemForm().fields["file"].widget.attrs["accept"].split(",")
    for file_type in specs.FILE_TYPES:
        assert file_type.short in help_text and file_type.short in specs.accepted_summary()
        assert file_type.mime in accept
        assert {f".{extension}" for extension in file_type.extensions} <= set(accept)
