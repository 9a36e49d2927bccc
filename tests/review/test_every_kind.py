"""Review before live, for every registered kind: a cataloguer's change to a published record
waits as a proposal and nothing public changes until a curator approves it."""

import pytest
from django.contrib.messages import get_messages
from django.utils.html import escape
from reversion.models import Version

from archive import lifecycle
from archive.models import ProposedChange, RecordChange, Status
from archive.search.models import SearchDocument

from .conftest import KINDS, TOKEN, change_url, name_field, public_outputs, rename

pytestmark = pytest.mark.django_db


def _stored(record):
    return type(record)._default_manager.get(pk=record.pk)


def _counts():
    return (Version.objects.count(), RecordChange.objects.count(), SearchDocument.objects.count())


@pytest.mark.parametrize("key", KINDS)
def test_a_cataloguers_edit_of_a_published_record_waits_then_goes_live(
    key, make_record, cataloguer_client, curator_client
):
    record = make_record(key)
    old_name = getattr(record, name_field(record))
    before, counts = public_outputs(record), _counts()

    response = rename(cataloguer_client, record, f"Renamed {TOKEN}")

    assert response.status_code == 302, response.content.decode()[:3000]
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(escape(lifecycle.IN_REVIEW_MESSAGE) in m for m in shown), shown
    assert getattr(_stored(record), name_field(record)) == old_name
    assert public_outputs(record) == before  # page, cite, API, feed, OAI, search
    assert _counts() == counts  # no version, change-log row or search entry
    proposal = ProposedChange.objects.get()
    assert proposal.is_pending and proposal.record == record

    review = curator_client.get(f"/admin/archive/proposedchange/{proposal.pk}/change/")
    assert old_name in review.content.decode() and f"Renamed {TOKEN}" in review.content.decode()

    response = curator_client.post(f"/admin/archive/proposedchange/{proposal.pk}/approve/")
    assert response.status_code == 302
    assert getattr(_stored(record), name_field(record)) == f"Renamed {TOKEN}"
    after = public_outputs(record)
    for url, text in after.items():
        if url.startswith(("/feed/", "/oai/")) and TOKEN not in before[url] and key == "media":
            continue  # media items are not in the feed or OAI-PMH's records of this kind
        assert TOKEN in text, url
    change = RecordChange.objects.latest("id")
    assert (change.object_id, change.action) == (record.pk, RecordChange.Action.UPDATE)
    comment = Version.objects.get_for_object(record).first().revision.comment
    assert "cataloguer" in comment and "curator" in comment
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.APPROVED
    assert proposal.reviewed_by.username == "curator"


@pytest.mark.parametrize("key", KINDS)
def test_rejecting_changes_nothing(key, make_record, cataloguer_client, curator_client):
    record = make_record(key)
    rename(cataloguer_client, record, f"Renamed {TOKEN}")
    before, counts = public_outputs(record), _counts()
    proposal = ProposedChange.objects.get()
    response = curator_client.post(
        f"/admin/archive/proposedchange/{proposal.pk}/reject/", {"comment": "Not sourced."}
    )
    assert response.status_code == 302
    assert public_outputs(record) == before and _counts() == counts
    proposal.refresh_from_db()
    assert (proposal.status, proposal.review_comment) == ("rejected", "Not sourced.")


@pytest.mark.parametrize("key", KINDS)
def test_a_cataloguers_edit_of_a_draft_saves_at_once(key, make_record, cataloguer_client):
    record = make_record(key, status=Status.DRAFT)
    response = rename(cataloguer_client, record, f"Renamed {TOKEN}")
    assert response.status_code == 302
    assert getattr(_stored(record), name_field(record)) == f"Renamed {TOKEN}"
    assert not ProposedChange.objects.exists()


@pytest.mark.parametrize("key", KINDS)
def test_a_curators_edit_of_a_published_record_saves_at_once(key, make_record, curator_client):
    record = make_record(key)
    response = rename(curator_client, record, f"Renamed {TOKEN}")
    assert response.status_code == 302
    assert getattr(_stored(record), name_field(record)) == f"Renamed {TOKEN}"
    assert TOKEN in public_outputs(record)[record.get_absolute_url()]
    assert not ProposedChange.objects.exists()


@pytest.mark.parametrize("key", ["person", "media"])
def test_a_withdrawn_record_waits_for_review_too(key, make_record, cataloguer_client):
    record = make_record(key, status=Status.WITHDRAWN)
    rename(cataloguer_client, record, f"Renamed {TOKEN}")
    assert getattr(_stored(record), name_field(record)) != f"Renamed {TOKEN}"
    assert ProposedChange.objects.pending().count() == 1


def test_the_form_tells_the_cataloguer_and_the_curator(
    make_record, cataloguer_client, curator_client
):
    record = make_record("person")
    rename(cataloguer_client, record, f"Renamed {TOKEN}")
    page = cataloguer_client.get(change_url(record)).content.decode()
    assert "Your proposed change of" in page
    page = curator_client.get(change_url(record)).content.decode()
    assert "1 proposed change(s) to this record wait for review" in page
