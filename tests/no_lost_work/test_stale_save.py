"""Two people editing one record: a save based on an outdated version is refused, with what
differs and a way to reapply one's own values; an up-to-date save goes through."""

import re

import pytest
import reversion
from django.urls import reverse

from archive.models import Status
from tests import factories
from tests.catalogue.admin_forms import add_inline_rows, form_data, inline_prefix

pytestmark = pytest.mark.django_db

REFUSED = "Someone else saved this record after you opened it"


@pytest.fixture
def record():
    with reversion.create_revision():  # its first version, as an import or the admin makes
        return factories.event(
            title="Black January", description="First text.", status=Status.DRAFT
        )


def _change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def _open(client, record) -> dict:
    page = client.get(_change_url(record))
    assert page.status_code == 200
    return form_data(page)


def test_a_save_on_an_outdated_version_is_refused_with_what_differs(
    curator_client, cataloguer_client, record
):
    mine = _open(curator_client, record)
    theirs = _open(cataloguer_client, record)
    theirs["description"] = "The cataloguer's text."
    assert cataloguer_client.post(_change_url(record), theirs).status_code == 302

    mine["title"] = "Black January 1990"
    response = curator_client.post(_change_url(record), mine)
    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSED in html and "(cataloguer)" in html
    assert "Description [en]: saved now “The cataloguer&#x27;s text.”, yours “First text.”" in html
    assert "Title [en]: saved now “Black January”, yours “Black January 1990”" in html
    assert 'value="Black January 1990"' in html  # the form kept what the curator typed
    assert re.search(r'type="checkbox" name="overwrite_theirs"', html)
    assert "old=" in html and "See everything they changed" in html
    record.refresh_from_db()
    assert (record.title, record.description) == ("Black January", "The cataloguer's text.")


def test_saving_again_without_the_checkbox_is_still_refused(
    curator_client, cataloguer_client, record
):
    mine = _open(curator_client, record)
    theirs = _open(cataloguer_client, record)
    theirs["description"] = "The cataloguer's text."
    cataloguer_client.post(_change_url(record), theirs)
    again = form_data(curator_client.post(_change_url(record), mine))
    assert REFUSED in curator_client.post(_change_url(record), again).content.decode()


def test_ticking_save_my_values_over_theirs_reapplies_them(
    curator_client, cataloguer_client, record
):
    mine = _open(curator_client, record)
    theirs = _open(cataloguer_client, record)
    theirs["description"] = "The cataloguer's text."
    cataloguer_client.post(_change_url(record), theirs)
    mine["title"] = "Black January 1990"
    refused = curator_client.post(_change_url(record), mine)
    again = form_data(refused)
    assert again["title"] == "Black January 1990"
    again["overwrite_theirs"] = "on"
    assert curator_client.post(_change_url(record), again).status_code == 302
    record.refresh_from_db()
    assert (record.title, record.description) == ("Black January 1990", "First text.")


def test_the_checkbox_does_not_cover_a_third_save_it_did_not_show(
    curator_client, cataloguer_client, record
):
    mine = _open(curator_client, record)
    theirs = _open(cataloguer_client, record)
    theirs["description"] = "Second."
    cataloguer_client.post(_change_url(record), theirs)
    again = form_data(curator_client.post(_change_url(record), mine))
    third = _open(cataloguer_client, record)
    third["description"] = "Third."
    cataloguer_client.post(_change_url(record), third)
    again["overwrite_theirs"] = "on"
    response = curator_client.post(_change_url(record), again)
    assert REFUSED in response.content.decode() and "Third." in response.content.decode()


def test_an_up_to_date_save_goes_through(curator_client, record):
    data = _open(curator_client, record)
    data["title"] = "Black January 1990"
    assert curator_client.post(_change_url(record), data).status_code == 302
    data = _open(curator_client, record)  # and again, from the new version
    data["title"] = "Black January, 1990"
    assert curator_client.post(_change_url(record), data).status_code == 302
    record.refresh_from_db()
    assert record.title == "Black January, 1990"


def test_an_inline_edit_by_someone_else_makes_the_form_outdated(
    curator_client, cataloguer_client, record
):
    source = factories.source(title="Pravda")
    mine = _open(curator_client, record)
    page = cataloguer_client.get(_change_url(record))
    theirs = form_data(page)
    prefix = inline_prefix(page, "citation")
    add_inline_rows(theirs, prefix, [{"source": source.pk, "locator": "p. 4", "order": 1}])
    assert cataloguer_client.post(_change_url(record), theirs).status_code == 302
    assert record.citations.count() == 1

    mine["summary"] = "Mine."
    html = curator_client.post(_change_url(record), mine).content.decode()
    assert REFUSED in html and "See everything they changed" in html
    compare = re.search(r'href="([^"]+/history/compare/\?old=\d+&amp;new=\d+)"', html).group(1)
    shown = curator_client.get(compare.replace("&amp;", "&")).content.decode()
    assert "Pravda" in shown and "added" in shown
    assert record.citations.count() == 1  # their row was not deleted by the outdated form


@pytest.mark.parametrize(
    "make",
    [
        lambda: factories.source(status=Status.DRAFT),
        lambda: factories.person(status=Status.DRAFT),
        lambda: factories.place(status=Status.DRAFT),
        lambda: factories.organisation(status=Status.DRAFT),
    ],
    ids=["source", "person", "place", "organisation"],
)
def test_every_kind_refuses_an_outdated_save(curator_client, cataloguer_client, make):
    record = make()
    mine = _open(curator_client, record)
    theirs = _open(cataloguer_client, record)
    assert cataloguer_client.post(_change_url(record), theirs).status_code == 302
    assert REFUSED in curator_client.post(_change_url(record), mine).content.decode()
