import pytest

from archive.media.ingest import ingest
from archive.models import Licence

from . import files


@pytest.fixture
def licence(db) -> Licence:
    return Licence.objects.get(slug="cc-by")  # from a data migration


@pytest.fixture
def make_item(db, licence):
    """Ingest a file as the admin would; publishable by default (alt text, credit, licence)."""

    def make(name="photo.jpg", data=None, **fields):
        data = files.image_bytes() if data is None else data
        fields.setdefault("title", name)
        fields.setdefault("alt_text", "A red square with a blue corner")
        fields.setdefault("credit_line", "Photo: Test Archive")
        fields.setdefault("licence", licence)
        return ingest(files.upload(name, data), **fields)

    return make


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
