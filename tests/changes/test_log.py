"""The change log: publishing, changing, withdrawing and deleting records of every kind, by a
save, a delete or a bulk import; drafts never logged; one query per logged save."""

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.imports.run import import_dataset
from archive.models import RecordChange, Source, Status
from people.models import Person
from people.resources import PersonResource
from tests import factories

pytestmark = pytest.mark.django_db


def _actions(kind, pk):
    return list(
        RecordChange.objects.filter(kind=kind, object_id=pk).values_list("action", flat=True)
    )


@pytest.mark.parametrize(
    ("maker", "kind"),
    [
        (factories.source, "source"),
        (factories.place, "place"),
        (factories.media_item, "media"),
        (factories.person, "person"),
        (factories.event, "event"),
        (factories.organisation, "organisation"),
    ],
)
def test_it_logs_every_kind_through_its_life(maker, kind):
    record = maker(status=Status.DRAFT)
    record.save()
    assert _actions(kind, record.pk) == []  # a draft is never named
    record.status = Status.PUBLISHED
    record.save()
    record.save()
    record.status = Status.WITHDRAWN
    record.save()
    record.save()  # withdrawn stays out: nothing more
    record.status = Status.PUBLISHED
    record.save()
    pk = record.pk
    record.delete()
    assert _actions(kind, pk) == ["create", "update", "delete", "create", "delete"]
    assert RecordChange.objects.latest_for(kind, pk).action == "delete"
    assert RecordChange.objects.latest_for(kind, pk).slug == record.slug


def test_it_logs_a_record_loaded_from_the_database():
    source = factories.source()
    loaded = Source.objects.get(pk=source.pk)
    loaded.status = Status.DRAFT
    loaded.save()
    assert _actions("source", source.pk) == ["create", "delete"]


def test_it_asks_the_log_when_the_status_was_deferred():
    source = factories.source()
    deferred = Source.objects.only("pk", "slug").get(pk=source.pk)
    deferred.status = Status.REVIEW
    deferred.save()
    assert _actions("source", source.pk) == ["create", "delete"]


def test_it_forgets_nothing_of_a_deleted_draft():
    source = factories.source(status=Status.DRAFT)
    source.delete()
    assert not RecordChange.objects.exists()


def test_it_costs_one_query_per_logged_save_and_none_for_a_draft():
    published, draft = factories.source(), factories.source(status=Status.DRAFT)
    with CaptureQueriesContext(connection) as saving_draft:
        draft.save()
    with CaptureQueriesContext(connection) as saving_published:
        published.save()
    # (the search index costs a published record more queries: not this log's)
    logged = [q for q in saving_published.captured_queries if "recordchange" in q["sql"]]
    unlogged = [q for q in saving_draft.captured_queries if "recordchange" in q["sql"]]
    assert len(logged) == 1 and unlogged == []


def test_it_reads_deletions_and_changes_since():
    kept, withdrawn = factories.source(), factories.source()
    withdrawn.status = Status.WITHDRAWN
    withdrawn.save()
    assert list(RecordChange.objects.deletions().values_list("object_id", flat=True)) == [
        withdrawn.pk
    ]
    assert list(RecordChange.objects.current_deletions().values_list("object_id", flat=True)) == [
        withdrawn.pk
    ]
    first = RecordChange.objects.latest_for("source", kept.pk)
    assert RecordChange.objects.since(first.at).count() == 3


def test_it_logs_what_a_bulk_import_publishes_changes_and_withdraws(curator):
    def run(text):
        import_dataset(PersonResource, tablib.Dataset().load(text, format="csv"), user=curator)

    run("slug,name,status\npub,Published Person,published\ndraft,Draft Person,\n")
    run("slug,name,status\npub,Renamed Person,published\ndraft,Draft Person,\n")
    run("slug,name,status\npub,Renamed Person,withdrawn\n")
    pub = Person.objects.get(slug="pub")
    assert _actions("person", pub.pk) == ["create", "update", "delete"]
    assert not RecordChange.objects.filter(slug="draft").exists()


def test_a_new_slug_deletes_the_old_address_and_creates_the_new(client):
    source = factories.source(slug="old-address")
    source.slug = "new-address"
    source.save()
    changes = RecordChange.objects.filter(object_id=source.pk, kind="source")
    assert list(changes.values_list("action", "slug")) == [
        ("create", "old-address"),
        ("delete", "old-address"),
        ("create", "new-address"),
    ]
    assert RecordChange.objects.latest_for("source", source.pk).slug == "new-address"
    assert not RecordChange.objects.for_kind("source").current_deletions().exists()
    source.slug = "third-address"
    source.status = Status.WITHDRAWN
    source.save()  # withdrawn under its new slug: deleted as the public knew it
    assert RecordChange.objects.latest_for("source", source.pk).slug == "new-address"
