"""Rights machines read: licences and rights statements seeded by their URIs, chosen in the
admin; every record's description carries a rights URI (JSON-LD `license`); a media item
without a rights statement is not published, and the refusal says why."""

import importlib
import json
import re

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError

from archive import registry
from archive.descriptions import NOT_EVALUATED
from archive.exports import jsonld
from archive.models import Licence, Status
from tests import factories
from tests.public.conftest import image

pytestmark = pytest.mark.django_db

CC = "https://creativecommons.org/"
RS = "http://rightsstatements.org/vocab/"
SEEDED = [
    f"{CC}publicdomain/zero/1.0/", f"{CC}publicdomain/mark/1.0/", f"{CC}licenses/by/4.0/",
    f"{CC}licenses/by-sa/4.0/", f"{CC}licenses/by-nc/4.0/", f"{CC}licenses/by-nc-sa/4.0/",
    f"{CC}licenses/by-nd/4.0/", f"{CC}licenses/by-nc-nd/4.0/",
    *(f"{RS}{code}/1.0/" for code in
      ("InC", "InC-EDU", "InC-NC", "NoC-NC", "NoC-OKLR", "NKC", "CNE", "UND")),
]  # fmt: skip


def test_it_seeds_every_licence_and_statement_once():
    stored = set(Licence.objects.values_list("uri", flat=True))
    assert set(SEEDED) <= stored
    count = Licence.objects.count()
    seed = importlib.import_module("archive.migrations.0010_seed_rights_statements")
    seed.forwards(django_apps, None)  # again: nothing new
    assert Licence.objects.count() == count
    assert Licence.objects.get(uri=f"{RS}NoC-OKLR/1.0/").name.startswith("No Copyright")


def _license_of(record) -> tuple[str, dict]:
    description = registry.description(record)
    return description.rights_url, jsonld.document(description)


def test_a_media_item_exports_its_licence():
    item = image(licence=Licence.objects.get(uri=f"{RS}InC-EDU/1.0/"))
    uri, document = _license_of(item)
    assert uri == f"{RS}InC-EDU/1.0/"
    assert document["mainEntity"]["license"] == uri


def test_a_source_exports_its_licence_or_says_it_was_not_evaluated(settings):
    licensed = factories.source(licence=Licence.objects.get(slug="cc-by"), rights="© A. Author")
    uri, document = _license_of(licensed)
    assert uri == f"{CC}licenses/by/4.0/"
    assert document["mainEntity"]["license"] == uri
    assert document["mainEntity"]["copyrightNotice"] == "© A. Author"
    # The work is not the archive's to license: no metadata licence is claimed for it.
    assert _license_of(factories.source())[0] == NOT_EVALUATED


@pytest.mark.parametrize(
    "maker", [factories.person, factories.event, factories.place, factories.organisation]
)
def test_other_records_export_the_metadata_licence(maker, settings):
    uri, document = _license_of(maker())
    assert uri == settings.METADATA_RIGHTS_URI == f"{CC}publicdomain/zero/1.0/"
    assert document["license"] == uri  # the ItemPage: the archive's description of it
    settings.METADATA_RIGHTS_URI = f"{CC}licenses/by/4.0/"
    assert _license_of(maker())[0] == f"{CC}licenses/by/4.0/"


def test_the_record_page_carries_it_in_its_json_ld(client):
    person = factories.person()
    html = client.get(person.get_absolute_url()).content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(found.group(1))["license"] == f"{CC}publicdomain/zero/1.0/"


def test_a_media_item_without_a_rights_statement_is_not_published():
    item = image(status=Status.DRAFT, licence=None)
    item.status = Status.PUBLISHED
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "cannot be published without a licence" in str(refused.value)
    assert "rights statement" in str(refused.value)
    item.licence = Licence.objects.create(name="Our terms", slug="our-terms")
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "the licence “Our terms” has no URI" in str(refused.value)
    item.licence = Licence.objects.get(slug="cc0")
    item.full_clean()


def test_a_curator_chooses_a_source_licence_in_the_admin(curator_client):
    source = factories.source()
    html = curator_client.get(f"/admin/archive/source/{source.pk}/change/").content.decode()
    assert 'name="licence"' in html
    assert "In Copyright" in html and "CC BY-NC-ND 4.0" in html
