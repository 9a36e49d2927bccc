"""Organisations in the admin: added and changed with their names, a cataloguer cannot
publish, sources take their publishers inline and events their organisations."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape
from reversion.models import Version

from archive.groups import CATALOGUERS, CURATORS
from archive.lifecycle import FORBIDDEN_STATUS
from archive.models import Status
from events.models import Involvement, Role
from people.models import Organisation, OrganisationType, Publication
from tests import factories
from tests.catalogue.admin_forms import add_inline_rows, form_data, inline_prefix

pytestmark = pytest.mark.django_db

ADD = "admin:people_organisation_add"


def test_the_groups_have_their_permissions():
    curators = set(Group.objects.get(name=CURATORS).permissions.values_list("codename", flat=True))
    cataloguers = set(
        Group.objects.get(name=CATALOGUERS).permissions.values_list("codename", flat=True)
    )
    assert {"publish_organisation", "delete_organisation", "add_involvement"} <= curators
    assert {"add_organisation", "change_organisation", "add_publication"} <= cataloguers
    assert "publish_organisation" not in cataloguers
    assert "delete_organisation" not in cataloguers


def test_a_curator_adds_and_publishes_an_organisation_with_name_variants(curator_client):
    baku = factories.place(name="Baku")
    data = form_data(curator_client.get(reverse(ADD)))
    data.update(
        {
            "name": "Soviet Army",
            "slug": "soviet-army",
            "status": Status.PUBLISHED,
            "organisation_type": OrganisationType.objects.get(slug="army").pk,
            "founded": "1946-02-25",
            "dissolved": "1992",
            "places": [baku.pk],
        }
    )
    prefix = inline_prefix(curator_client.get(reverse(ADD)), "organisationname")
    add_inline_rows(data, prefix, [{"name": "Советская армия", "language": "ru", "kind": "native"}])
    response = curator_client.post(reverse(ADD), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    army = Organisation.objects.get(slug="soviet-army")
    assert army.is_published and army.published_at is not None
    assert army.sort_name == "Soviet Army"
    assert army.dissolved_latest.year == 1992
    assert list(army.names.values_list("name", flat=True)) == ["Советская армия"]
    assert list(army.places.all()) == [baku]


def test_the_form_refuses_a_date_that_is_not_edtf(curator_client):
    data = form_data(curator_client.get(reverse(ADD)))
    data.update({"name": "Army", "slug": "army", "status": Status.DRAFT, "founded": "long ago"})
    response = curator_client.post(reverse(ADD), data)
    assert response.status_code == 200
    assert "not a valid EDTF date" in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_cataloguer_cannot_publish(cataloguer_client):
    data = form_data(cataloguer_client.get(reverse(ADD)))
    data.update({"name": "Ministry", "slug": "ministry", "status": Status.PUBLISHED})
    assert cataloguer_client.post(reverse(ADD), data).status_code == 200
    assert not Organisation.objects.filter(slug="ministry").exists()

    draft = factories.organisation(status=Status.DRAFT)
    url = reverse("admin:people_organisation_change", args=[draft.pk])
    data = form_data(cataloguer_client.get(url))
    data["status"] = Status.PUBLISHED
    response = cataloguer_client.post(url, data)
    assert response.status_code == 200
    # The lifecycle's refusal (archive/lifecycle.py), the same words every door uses.
    assert escape(FORBIDDEN_STATUS % {"value": "published"}) in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_the_list_shows_type_dates_and_status_and_searches_name_variants(curator_client):
    factories.organisation(
        name="Soviet Army", organisation_type="army", founded="1946", names=["Советская армия"]
    )
    factories.organisation(name="Other body")
    url = reverse("admin:people_organisation_changelist")
    page = curator_client.get(url, {"q": "Советская"}).content.decode()
    assert "Soviet Army" in page and "Other body" not in page
    assert "founded 1946" in page and "Army" in page
    assert curator_client.get(url, {"organisation_type__id__exact": 1}).status_code == 200
    assert curator_client.get(url, {"founded": "1940"}).status_code == 200


def test_the_source_form_takes_its_publisher_inline(curator_client):
    source = factories.source()
    newspaper = factories.organisation(name="Bakinsky Rabochy", organisation_type="newspaper")
    url = reverse("admin:archive_source_change", args=[source.pk])
    page = curator_client.get(url)
    data = form_data(page)
    add_inline_rows(
        data,
        inline_prefix(page, "publication"),
        [{"organisation": newspaper.pk, "role": "publisher", "order": 0}],
    )
    assert curator_client.post(url, data).status_code == 302
    assert Publication.objects.get(source=source).organisation == newspaper


def test_the_event_form_takes_its_organisations_inline(curator_client):
    event = factories.event()
    army = factories.organisation(name="Soviet Army")
    article = factories.source()
    url = reverse("admin:events_event_change", args=[event.pk])
    page = curator_client.get(url)
    data = form_data(page)
    role = Role.objects.get(slug="acting-unit")
    add_inline_rows(
        data,
        inline_prefix(page, "involvement"),
        [
            {
                "organisation": army.pk,
                "role": role.pk,
                "source": article.pk,
                "locator": "para. 7",
                "quotation": "troops attacked",
                "order": 0,
            }
        ],
    )
    assert curator_client.post(url, data).status_code == 302
    involvement = Involvement.objects.get(event=event)
    assert (involvement.organisation, involvement.role, involvement.locator) == (
        army,
        role,
        "para. 7",
    )
    # Versioned with the event: its latest revision holds the involvement.
    revision = Version.objects.get_for_object(event).first().revision
    assert revision.version_set.filter(object_id=str(involvement.pk)).exists()
