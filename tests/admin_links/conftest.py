import pytest

from archive.media.ingest import ingest
from archive.models import Licence
from tests.media import files


@pytest.fixture
def media_item(db):
    """A media item ingested as the admin would, with its file stored (its form reads it)."""

    def make(status="published", name="photo.jpg"):
        return ingest(
            files.upload(name, files.image_bytes()),
            title=name,
            status=status,
            alt_text="A red square",
            credit_line="Photo: Test Archive",
            licence=Licence.objects.get(slug="cc-by"),
        )

    return make
