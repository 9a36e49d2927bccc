"""Batch edits through the admin test client: select, operation, preview (nothing written),
apply (one revision), undo from History; refusals in the lifecycle's words."""

from urllib.parse import urlencode

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from reversion.models import Revision, Version

from archive import lifecycle
from archive.models import BatchEdit, Licence, MediaItem, Status
from archive.search.models import SearchDocument
from events.models import Event
from people.models import Person
from tests import factories

pytestmark = pytest.mark.django_db


def batch_url(model, **query) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_batch") + "?" + urlencode(query)


def select(client, model, records, filters="") -> str:
    """Run the list action on `records` and return the batch page it redirects to."""
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    data = {
        "action": "batch_edit",
        helpers.ACTION_CHECKBOX_NAME: [r.pk for r in records],
        "select_across": "0",
        "index": "0",
    }
    response = client.post(f"{url}?{filters}" if filters else url, data)
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def preview(client, url, operation, **value):
    return client.post(url, {"operation": operation, "preview": "1", **value})


def apply(client, url, response):
    """Apply what `response` previewed, with the hidden fields its form carries."""
    posted = response.wsgi_request.POST
    data = {
        "operation": posted["operation"],
        "previewed_at": response.context["previewed_at"],
        "apply": "1",
    }
    if "value" in posted:
        data["value"] = posted.getlist("value")
    return client.post(url, data)


@pytest.fixture
def cc_by():
    return Licence.objects.get(slug="cc-by")


def test_it_sets_a_licence_on_media_items_in_one_revision_and_undoes_it(curator_client, cc_by):
    other = Licence.objects.exclude(pk=cc_by.pk).exclude(uri="").first()
    items = [
        factories.media_item(licence=other, credit_line="Museum", alt_text="A street")
        for _ in range(3)
    ]
    url = select(curator_client, MediaItem, items)
    page = curator_client.get(url + "&operation=set:licence")
    assert page.status_code == 200
    versions, revisions = Version.objects.count(), Revision.objects.count()

    response = preview(curator_client, url, "set:licence", value=cc_by.pk)
    report = response.context["report"]
    assert (report.changed, report.unchanged, report.refused) == (3, 0, 0)
    assert report.sample[0][1:] == (str(other), str(cc_by))
    assert "set licence to CC BY" in response.context["description"]
    # The preview writes nothing.
    assert (Version.objects.count(), Revision.objects.count()) == (versions, revisions)
    assert MediaItem.objects.filter(licence=cc_by).count() == 0

    response = apply(curator_client, url, response)
    assert response.status_code == 302
    assert MediaItem.objects.filter(licence=cc_by).count() == 3
    batch = BatchEdit.objects.get()
    assert batch.changed == 3
    assert batch.revision.comment.startswith("Batch edit: set licence to CC BY")
    assert batch.revision.version_set.count() == 3  # one revision holds the batch
    done = curator_client.get(response["Location"])
    assert b"Progress, chunk by chunk" in done.content and b"Undo this batch" in done.content

    # The record's History links the batch; its page offers undo.
    history = curator_client.get(reverse("admin:archive_mediaitem_history", args=[items[0].pk]))
    assert reverse("admin:archive_mediaitem_batch_done", args=[batch.pk]).encode() in (
        history.content
    )
    response = curator_client.post(reverse("admin:archive_mediaitem_batch_undo", args=[batch.pk]))
    assert response.status_code == 302
    assert MediaItem.objects.filter(licence=other).count() == 3
    undo = BatchEdit.objects.get(undoes=batch)
    assert undo.changed == 3 and undo.revision.version_set.count() == 3


def test_it_adds_and_removes_places_on_events_and_undo_takes_back_only_its_rows(
    curator_client,
):
    baku, ganja = factories.place(), factories.place()
    events = [factories.event(places=[ganja]) for _ in range(4)]
    events[0].places.add(baku)  # already there: unchanged
    url = select(curator_client, Event, events)
    response = preview(curator_client, url, "add:places", value=[baku.pk])
    report = response.context["report"]
    assert (report.changed, report.unchanged) == (3, 1)
    apply(curator_client, url, response)
    assert all(baku in e.places.all() and ganja in e.places.all() for e in events)

    batch = BatchEdit.objects.get()
    curator_client.post(reverse("admin:events_event_batch_undo", args=[batch.pk]))
    assert [baku in e.places.all() for e in events] == [True, False, False, False]
    assert all(ganja in e.places.all() for e in events)

    url = select(curator_client, Event, events)
    response = preview(curator_client, url, "remove:places", value=[ganja.pk])
    apply(curator_client, url, response)
    assert not any(ganja in e.places.all() for e in events)


def test_it_clears_a_field_on_people(curator_client):
    people = [factories.person(summary="Old summary") for _ in range(2)]
    url = select(curator_client, Person, people)
    response = preview(curator_client, url, "clear:summary")
    assert response.context["report"].changed == 2
    apply(curator_client, url, response)
    assert list(Person.objects.values_list("summary", flat=True)) == ["", ""]


def test_a_cataloguer_cannot_publish_nor_change_published_records(cataloguer_client):
    draft = factories.person(status=Status.DRAFT)
    published = factories.person(summary="x")
    url = select(cataloguer_client, Person, [draft, published])
    # Publishing is not offered; a forged request is refused record by record.
    form = cataloguer_client.get(url + "&operation=status").context["form"]
    assert [c[0] for c in form.fields["value"].choices] == ["draft", "review"]
    response = preview(cataloguer_client, url, "status", value="published")
    report = response.context["report"]
    assert (report.changed, report.unchanged, report.refused) == (0, 1, 1)
    assert lifecycle.FORBIDDEN_STATUS % {"value": "published"} in report.reasons

    response = preview(cataloguer_client, url, "set:summary", value="New")
    report = response.context["report"]
    assert (report.changed, report.refused) == (1, 1)
    message = lifecycle.PUBLISHED_NEEDS_CURATOR % {"kind": "person", "status": "published"}
    assert report.reasons == {message: 1}
    apply(cataloguer_client, url, response)
    assert Person.objects.get(pk=draft.pk).summary == "New"
    assert Person.objects.get(pk=published.pk).summary == "x"


def test_clearing_what_publishing_needs_is_refused_on_published_records(curator_client, cc_by):
    published = factories.media_item(licence=cc_by, credit_line="Museum", alt_text="A street")
    draft = factories.media_item(licence=cc_by, credit_line="Museum", status=Status.DRAFT)
    url = select(curator_client, MediaItem, [published, draft])
    response = preview(curator_client, url, "clear:credit_line")
    report = response.context["report"]
    assert (report.changed, report.refused) == (1, 1)
    assert "A media item cannot be published without a credit line." in report.reasons
    # A required field is not offered for clearing, and a forged request is not accepted.
    response = preview(curator_client, url, "clear:title")
    assert response.context["form"].fields["operation"]
    assert "report" not in response.context


def test_publishing_in_a_batch_indexes_and_logs_like_one_record(curator_client):
    people = [factories.person(status=Status.DRAFT) for _ in range(2)]
    url = select(curator_client, Person, people)
    response = preview(curator_client, url, "status", value="published")
    apply(curator_client, url, response)
    assert set(Person.objects.values_list("status", flat=True)) == {"published"}
    assert all(p.published_at for p in Person.objects.all())
    assert SearchDocument.objects.filter(object_id__in=[p.pk for p in people]).count() == 2


def test_records_changed_after_the_preview_are_reported_not_overwritten(curator_client):
    people = [factories.person(summary="a") for _ in range(2)]
    url = select(curator_client, Person, people)
    response = preview(curator_client, url, "set:summary", value="batch")
    people[1].summary = "edited meanwhile"
    people[1].save()
    apply(curator_client, url, response)
    batch = BatchEdit.objects.get()
    assert (batch.changed, batch.refused) == (1, 1)
    assert Person.objects.get(pk=people[1].pk).summary == "edited meanwhile"


def test_select_all_matching_across_pages_keeps_the_filter(curator_client, settings):
    drafts = [factories.person(status=Status.DRAFT) for _ in range(55)]  # two pages of 50
    factories.person(summary="untouched")  # published: outside the filter
    opts = Person._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    response = curator_client.post(
        f"{url}?status__exact=draft",
        {
            "action": "batch_edit",
            helpers.ACTION_CHECKBOX_NAME: [drafts[0].pk],
            "select_across": "1",
            "index": "0",
        },
    )
    batch_page = response["Location"]
    assert "ids" not in batch_page  # the selection is the query, not 55 keys
    response = preview(curator_client, batch_page, "set:summary", value="Batch")
    assert response.context["report"].changed == 55
    apply(curator_client, batch_page, response)
    assert Person.objects.filter(summary="Batch").count() == 55
    assert Person.objects.get(summary="untouched")


def test_the_preview_query_count_does_not_grow_with_the_selection(curator_client, cc_by):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(items) -> int:
        url = select(curator_client, MediaItem, items)
        with CaptureQueriesContext(connection) as captured:
            response = preview(curator_client, url, "set:licence", value=cc_by.pk)
        assert response.context["report"].changed == len(items)
        return len(captured)

    other = Licence.objects.exclude(pk=cc_by.pk).exclude(uri="").first()

    def make():  # its licence is shown in the sample: read with the records, not one by one
        return factories.media_item(licence=other, credit_line="Museum", alt_text="A street")

    one = queries_for([make()])
    # session, user, the selection's count and keys, the chunk's records (their licence and
    # source joined), the value's look-up: as many for 50 records as for one.
    assert queries_for([make() for _ in range(50)]) == one


def test_a_visitor_cannot_reach_the_batch_pages(client, visitor):
    client.force_login(visitor)
    response = client.get(batch_url(Person, ids="1"))
    assert response.status_code == 302  # to the admin's login
    assert not BatchEdit.objects.exists()


def test_it_sets_a_vocabulary_term_on_events_and_adds_media_to_people(curator_client):
    from events.models import EventType

    term = EventType.objects.first()
    events = [factories.event() for _ in range(2)]
    url = select(curator_client, Event, events)
    apply(curator_client, url, preview(curator_client, url, "set:event_type", value=term.pk))
    assert Event.objects.filter(event_type=term).count() == 2

    item = factories.media_item(alt_text="A street", credit_line="Museum")
    people = [factories.person() for _ in range(2)]
    url = select(curator_client, Person, people)
    apply(curator_client, url, preview(curator_client, url, "add:media", value=[item.pk]))
    assert all(list(p.media.all()) == [item] for p in people)


def test_undo_leaves_records_edited_after_the_batch_and_says_so(curator_client):
    people = [factories.person(summary="before") for _ in range(2)]
    url = select(curator_client, Person, people)
    apply(curator_client, url, preview(curator_client, url, "set:summary", value="batch"))
    batch = BatchEdit.objects.get()
    edited = Person.objects.get(pk=people[1].pk)
    edited.summary = "edited after the batch"
    edited.save()
    response = curator_client.post(
        reverse("admin:people_person_batch_undo", args=[batch.pk]), follow=True
    )
    undo = BatchEdit.objects.get(undoes=batch)
    assert (undo.changed, undo.refused) == (1, 1)
    assert Person.objects.get(pk=people[0].pk).summary == "before"
    assert Person.objects.get(pk=people[1].pk).summary == "edited after the batch"
    assert b"changed after the batch" in response.content
    # Once undone, a batch is not undone again.
    curator_client.post(reverse("admin:people_person_batch_undo", args=[batch.pk]))
    assert BatchEdit.objects.filter(undoes=batch).count() == 1


def test_apply_needs_the_signed_time_of_a_preview(curator_client):
    people = [factories.person(summary="a")]
    url = select(curator_client, Person, people)
    response = curator_client.post(
        url,
        {
            "operation": "set:summary",
            "value": "b",
            "apply": "1",
            "previewed_at": "2999-01-01T00:00:00+00:00",
        },
    )
    assert response.status_code == 403
    assert Person.objects.get().summary == "a" and not BatchEdit.objects.exists()
