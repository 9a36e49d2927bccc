"""The other doors and the curators' side: permissions, stale proposals, inline rows, the
list's query count, imports and restoring a version."""

import io
import json

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from reversion.models import Version

from archive import lifecycle
from archive.models import Citation, ProposedChange, Status
from people.models import Person
from tests import factories
from tests.catalogue.admin_forms import add_inline_rows, form_data, inline_prefix

from .conftest import TOKEN, change_url, edit, rename

pytestmark = pytest.mark.django_db


def _review_url(proposal, action=""):
    return f"/admin/archive/proposedchange/{proposal.pk}/{action or 'change'}/"


def test_a_cataloguer_cannot_approve_or_reject(cataloguer_client):
    person = factories.person(name="Old Name")
    rename(cataloguer_client, person, f"Renamed {TOKEN}")
    proposal = ProposedChange.objects.get()
    assert cataloguer_client.post(_review_url(proposal, "approve")).status_code == 403
    assert cataloguer_client.post(_review_url(proposal, "reject")).status_code == 403
    proposal.refresh_from_db()
    assert proposal.is_pending
    assert Person.objects.get().name == "Old Name"


def test_a_second_edit_updates_the_pending_proposal(cataloguer_client):
    person = factories.person()
    rename(cataloguer_client, person, "First try")
    rename(cataloguer_client, person, f"Second {TOKEN}")
    proposal = ProposedChange.objects.get()
    assert f"Second {TOKEN}" in proposal.proposed_data


def test_a_stale_proposal_is_refused_and_says_so(cataloguer_client, curator_client):
    person = factories.person(name="Old Name")
    rename(cataloguer_client, person, f"Renamed {TOKEN}")
    proposal = ProposedChange.objects.get()
    rename(curator_client, person, "Curator's name")  # the record changes meanwhile
    page = curator_client.get(_review_url(proposal)).content.decode()
    assert "The record changed after this change was proposed" in page
    assert "Curator&#x27;s name" in page  # the diff is against the current state
    response = curator_client.post(_review_url(proposal, "approve"), follow=True)
    assert "changed after this proposal was made" in response.content.decode()
    assert Person.objects.get().name == "Curator's name"
    proposal.refresh_from_db()
    assert proposal.is_pending


def test_approval_goes_through_the_lifecycle(cataloguer_client, curator_client):
    person = factories.person(name="Old Name")
    rename(cataloguer_client, person, f"Renamed {TOKEN}")
    proposal = ProposedChange.objects.get()
    factories.person(name="Holder", slug="taken")
    data = proposal.proposed
    for item in data:
        if item["model"] == "people.person":
            item["fields"]["slug"] = "taken"  # as if another record took the slug meanwhile
    proposal.proposed_data = json.dumps(data)
    proposal.save()
    response = curator_client.post(_review_url(proposal, "approve"), follow=True)
    assert "already used by" in response.content.decode()
    assert Person.objects.get(pk=person.pk).name == "Old Name"


def test_inline_rows_are_proposed_shown_and_applied(cataloguer_client, curator_client):
    person = factories.person(name="Old Name")
    source = factories.source(title="The Baku Herald")
    url = change_url(person)
    response = cataloguer_client.get(url)
    data = add_inline_rows(
        form_data(response),
        inline_prefix(response, "citation"),
        [{"source": str(source.pk), "locator": "p. 4", "order": "0"}],
    )
    assert cataloguer_client.post(url, data).status_code == 302
    assert not Citation.objects.exists()
    proposal = ProposedChange.objects.get()
    page = curator_client.get(_review_url(proposal)).content.decode()
    assert "Citation added" in page and "The Baku Herald" in page and "p. 4" in page
    curator_client.post(_review_url(proposal, "approve"))
    assert [(c.source_id, c.locator) for c in Citation.objects.all()] == [(source.pk, "p. 4")]


def test_long_text_is_shown_as_a_word_diff(cataloguer_client, curator_client):
    text = "The demonstrators gathered in the square before dawn and waited for news. " * 3
    person = factories.person(summary=text) if hasattr(Person, "summary") else None
    if person is None:
        pytest.skip("no long text field")
    edit_data = {"summary": text.replace("before dawn", f"after {TOKEN}", 1)}
    edit(cataloguer_client, person, **edit_data)
    page = curator_client.get(_review_url(ProposedChange.objects.get())).content.decode()
    assert "<del>before dawn</del>" in page and f"<ins>after {TOKEN}</ins>" in page


def test_the_list_costs_the_same_queries_for_1_or_30_proposals(
    curator_client, django_assert_max_num_queries
):
    cataloguers = Group.objects.get(name="Cataloguers")

    def propose(n):
        for i in range(n):
            user = User.objects.create_user(f"c{ProposedChange.objects.count()}-{i}", is_staff=True)
            user.groups.add(cataloguers)
            record = factories.person()
            ProposedChange.objects.create(
                content_type=ContentType.objects.get_for_model(Person),
                object_id=record.pk,
                object_repr=str(record),
                proposed_by=user,
                proposed_data="[]",
                base_data="[]",
            )

    propose(1)
    curator_client.get("/admin/archive/proposedchange/")  # warm the caches
    with django_assert_max_num_queries(12) as one:
        assert curator_client.get("/admin/archive/proposedchange/?kind=person").status_code == 200
    propose(29)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = curator_client.get("/admin/archive/proposedchange/?kind=person")
    assert response.content.decode().count("/admin/archive/proposedchange/") >= 30


def test_import_records_refuses_a_cataloguers_change_to_a_published_record(cataloguer, tmp_path):
    published = factories.person(name="Published One", slug="published-one")
    factories.person(name="Draft One", slug="draft-one", status=Status.DRAFT)
    csv = tmp_path / "people.csv"
    csv.write_text(
        "slug,name\npublished-one,Renamed One\ndraft-one,Renamed Draft\n", encoding="utf-8"
    )
    out = io.StringIO()
    call_command(
        "import_records", "person", str(csv), "--user", "cataloguer", "--valid-rows-only",
        "-v0", stdout=out, stderr=out,
    )  # fmt: skip
    text = out.getvalue()
    expected = lifecycle.NEEDS_REVIEW % {"record": "Renamed One", "status": "published"}
    assert expected in text, text
    assert Person.objects.get(pk=published.pk).name == "Published One"
    assert Person.objects.get(slug="draft-one").name == "Renamed Draft"


def test_an_unchanged_row_of_a_published_record_imports_as_unchanged(cataloguer, tmp_path):
    factories.person(name="Published One", slug="published-one")
    csv = tmp_path / "people.csv"
    csv.write_text("slug,name\npublished-one,Published One\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_records", "person", str(csv), "--user", "cataloguer", stdout=out)
    assert "1 unchanged, 0 failed" in out.getvalue()


def test_restoring_a_version_of_a_published_record_becomes_a_proposal(
    cataloguer_client, curator_client
):
    person = factories.person(name="First Name")
    rename(curator_client, person, "Second Name")  # versions: the curator's save
    rename(curator_client, person, "Third Name")
    version = Version.objects.get_for_object(person).last()  # "Second Name"
    url = f"/admin/people/person/{person.pk}/history/{version.pk}/"
    data = form_data(cataloguer_client.get(url))
    response = cataloguer_client.post(url, data)
    assert response.status_code == 302
    assert Person.objects.get().name == "Third Name"
    proposal = ProposedChange.objects.get()
    assert "Second Name" in proposal.proposed_data
