import re

import pytest
from django.test import Client

from archive import registry
from archive.media.ingest import ingest
from archive.models import Licence, Status
from tests import factories
from tests.catalogue.admin_forms import form_data
from tests.media import files

KINDS = [kind.key for kind in registry.kinds()]
TOKEN = "Zanzibarquux"  # a word nothing else in the archive holds


def make_media(**fields):
    fields.setdefault("title", "A photograph")
    fields.setdefault("alt_text", "A red square")
    fields.setdefault("credit_line", "Photo: Test Archive")
    fields.setdefault("licence", Licence.objects.get(slug="cc-by"))
    fields.setdefault("status", Status.PUBLISHED)
    return ingest(files.upload("photo.jpg", files.image_bytes()), **fields)


MAKERS = {
    "event": factories.event,
    "person": factories.person,
    "source": factories.source,
    "organisation": factories.organisation,
    "place": factories.place,
    "media": make_media,
}


@pytest.fixture
def make_record(db):
    def make(key, **fields):
        return MAKERS[key](**fields)

    return make


def change_url(record) -> str:
    opts = record._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{record.pk}/change/"


def name_field(record) -> str:
    return "title" if hasattr(record, "title") else "name"


def edit(client, record, **changes):
    """Post the record's admin form with `changes`, as a browser would."""
    url = change_url(record)
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def rename(client, record, new_name: str):
    return edit(client, record, **{name_field(record): new_name})


def public_outputs(record) -> dict[str, str]:
    """What the public gets of `record`: its page (JSON-LD and meta tags in it), its
    citation downloads, the API, the feed, OAI-PMH and search."""
    anonymous = Client()
    key = registry.kind_for_model(type(record)).key
    page = record.get_absolute_url()
    urls = [
        page,
        f"{page}cite.bib",
        f"{page}cite.json",
        f"/api/{key}/{record.slug}/",
        "/feed/",
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
        f"/search/?q={TOKEN}",
    ]
    found = {}
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        found[url] = re.sub(r"<responseDate>[^<]*</responseDate>", "", text)
    return found
