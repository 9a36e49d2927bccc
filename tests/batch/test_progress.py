"""A batch edit too big for one request runs in steps: each request applies chunks for a few
seconds, saves its position and answers a progress page that reloads itself, until done; one
revision for the whole batch, later edits refused, undo in steps too."""

import pytest
from django.urls import reverse
from reversion.models import Revision

from archive.batch import progress
from archive.models import BatchEdit, Licence, MediaItem
from events.models import Event
from tests import factories

from .test_admin import apply, preview, select

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_steps(monkeypatch):
    # Four records a chunk, one chunk a request: 30 records take eight requests.
    monkeypatch.setattr(progress, "STEP_CHUNK", 4)
    monkeypatch.setattr(progress, "TIME_BUDGET", 0.0)


def follow_progress(client, response, seen: list) -> object:
    """Reload the progress page as the browser's refresh does, until it redirects."""
    while response.status_code == 200:
        assert b'http-equiv="refresh"' in response.content
        seen.append((response.context["done"], response.context["total"]))
        response = client.get(response.context["progress_url"])
    assert response.status_code == 302
    return response


def test_a_batch_of_30_finishes_over_several_requests_in_one_revision(curator_client, small_steps):
    cc_by = Licence.objects.get(slug="cc-by")
    other = Licence.objects.exclude(pk=cc_by.pk).exclude(uri="").first()
    items = [
        factories.media_item(licence=other, credit_line="Museum", alt_text="A street")
        for _ in range(30)
    ]
    url = select(curator_client, MediaItem, items)
    previewed = preview(curator_client, url, "set:licence", value=cc_by.pk)
    assert previewed.context["report"].changed == 30
    revisions = Revision.objects.count()

    response = apply(curator_client, url, previewed)
    assert response.status_code == 200  # the progress page, not the end
    batch = BatchEdit.objects.get()
    assert batch.running and batch.position == 4
    assert MediaItem.objects.filter(licence=cc_by).count() == 4
    # Edited after the preview, before its chunk is reached: refused, not overwritten.
    late = items[-1]
    late.credit_line = "Edited meanwhile"
    late.save()
    # Its page, and undo, wait for the batch to finish.
    done_url = reverse("admin:archive_mediaitem_batch_done", args=[batch.pk])
    assert curator_client.get(done_url)["Location"].endswith(f"{batch.pk}/progress/")
    undo_url = reverse("admin:archive_mediaitem_batch_undo", args=[batch.pk])
    curator_client.post(undo_url)
    assert not BatchEdit.objects.filter(undoes=batch).exists()

    seen = []
    response = follow_progress(curator_client, response, seen)
    assert seen == [(4, 30), (8, 30), (12, 30), (16, 30), (20, 30), (24, 30), (28, 30)]
    assert response["Location"] == done_url
    batch.refresh_from_db()
    assert not batch.running and batch.position == 30
    assert (batch.changed, batch.unchanged, batch.refused) == (29, 0, 1)
    assert [records for records, _ in batch.report["chunks"]] == [4] * 7 + [2]
    assert MediaItem.objects.filter(licence=cc_by).count() == 29
    assert MediaItem.objects.get(pk=late.pk).licence == other
    # One revision holds every chunk's versions (and one more the state before it).
    assert batch.revision.version_set.count() == 29
    assert Revision.objects.count() == revisions + 2
    assert batch.before_revision.version_set.count() == 29
    assert b"29</strong> changed" in curator_client.get(done_url).content

    # Undo runs in steps too and takes every record back.
    response = curator_client.post(undo_url)
    assert response.status_code == 200
    response = follow_progress(curator_client, response, seen := [])
    assert seen[0] == (4, 29) and len(seen) == 7
    undone = BatchEdit.objects.get(undoes=batch)
    assert not undone.running and undone.changed == 29
    assert undone.revision.version_set.count() == 29
    assert MediaItem.objects.filter(licence=other).count() == 30


def test_only_who_started_a_batch_goes_on_with_it(curator_client, client, small_steps):
    from django.contrib.auth.models import User

    people = [factories.person(summary="a") for _ in range(10)]
    url = select(curator_client, people[0].__class__, people)
    response = apply(curator_client, url, preview(curator_client, url, "set:summary", value="b"))
    batch = BatchEdit.objects.get()
    assert batch.running
    other = User.objects.create_user("other", is_staff=True, is_superuser=True)
    client.force_login(other)
    assert client.get(response.context["progress_url"]).status_code == 403
    assert BatchEdit.objects.get().position == 4


def test_a_batch_that_changes_nothing_leaves_no_batch(curator_client, small_steps):
    people = [factories.person(summary="same") for _ in range(10)]
    url = select(curator_client, people[0].__class__, people)
    response = apply(curator_client, url, preview(curator_client, url, "set:summary", value="same"))
    response = follow_progress(curator_client, response, [])
    assert not BatchEdit.objects.exists()
    assert "/admin/people/person/" in response["Location"]


def test_places_added_in_steps_and_taken_back_in_steps(curator_client, small_steps):
    baku, ganja = factories.place(), factories.place()
    events = [factories.event(places=[ganja]) for _ in range(10)]
    events[0].places.add(baku)  # already there: unchanged
    url = select(curator_client, Event, events)
    response = apply(
        curator_client, url, preview(curator_client, url, "add:places", value=[baku.pk])
    )
    follow_progress(curator_client, response, seen := [])
    assert len(seen) == 2  # 4 records, 8 records, then done
    batch = BatchEdit.objects.get()
    assert (batch.changed, batch.unchanged) == (9, 1)
    assert all(baku in e.places.all() and ganja in e.places.all() for e in events)
    response = curator_client.post(reverse("admin:events_event_batch_undo", args=[batch.pk]))
    follow_progress(curator_client, response, [])
    assert [baku in e.places.all() for e in events] == [True] + [False] * 9


def test_a_value_deleted_during_the_run_stops_it_and_keeps_what_was_done(
    curator_client, small_steps
):
    licence = Licence.objects.create(name="Soon gone", slug="soon-gone", uri="https://x.test/l")
    items = [factories.media_item(credit_line="Museum", alt_text="A street") for _ in range(10)]
    url = select(curator_client, MediaItem, items)
    response = apply(
        curator_client, url, preview(curator_client, url, "set:licence", value=licence.pk)
    )
    assert MediaItem.objects.filter(licence=licence).count() == 4
    MediaItem.objects.filter(licence=licence).update(licence=None)
    licence.delete()
    response = curator_client.get(response.context["progress_url"], follow=True)
    batch = BatchEdit.objects.get()
    assert not batch.running and batch.position == 4 and batch.changed == 4
    assert "stopped after 4 of 10 records" in response.content.decode()


def test_a_request_applies_chunks_while_its_budget_lasts(curator_client, monkeypatch):
    monkeypatch.setattr(progress, "STEP_CHUNK", 4)
    monkeypatch.setattr(progress, "TIME_BUDGET", 60.0)
    people = [factories.person(summary="a") for _ in range(10)]
    url = select(curator_client, people[0].__class__, people)
    response = apply(curator_client, url, preview(curator_client, url, "set:summary", value="b"))
    assert response.status_code == 302  # done in the first request: three chunks
    batch = BatchEdit.objects.get()
    assert not batch.running and batch.changed == 10
    assert [records for records, _ in batch.report["chunks"]] == [4, 4, 2]
