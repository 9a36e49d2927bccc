"""Visitors' record pages come from the page cache, and a change is visible on the very next
request: for every registered kind, with local memory and with Redis."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from archive import page_cache as page_cache_module
from archive import registry
from archive.models import PublicationGeneration, Status
from archive.page_cache import GENERATION_KEY, shared
from tests import factories
from tests.caching.conftest import MAKERS, rename

pytestmark = pytest.mark.django_db

KINDS = sorted(MAKERS)


def test_every_registered_kind_is_tested():
    assert {kind.key for kind in registry.kinds()} == set(MAKERS)


def make(key, **kwargs):
    return MAKERS[key](**kwargs)


@pytest.mark.parametrize("key", KINDS)
def test_second_visit_is_served_from_the_cache(key, page_cache, client, django_assert_num_queries):
    record = make(key)
    url = record.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    # The generation, read from the database, or none at all when a shared cache holds it.
    with django_assert_num_queries(0 if shared(page_cache) else 1):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Content-Security-Policy" in second


def test_a_cached_page_costs_the_same_with_fifty_citations(
    page_cache, client, django_assert_num_queries
):
    record = factories.event()
    for _ in range(50):
        factories.citation(record, factories.source())
    client.get(record.get_absolute_url())
    with django_assert_num_queries(0 if shared(page_cache) else 1):
        assert client.get(record.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("key", KINDS)
def test_conditional_requests_get_304(key, page_cache, client):
    record = make(key)
    # The generation moved a while ago, so the page can say since when it is unchanged.
    PublicationGeneration.objects.update(bumped_at=timezone.now() - timedelta(minutes=5))
    page_cache.delete(GENERATION_KEY)  # an update() tells no cache: forget its copy
    url = record.get_absolute_url()
    page = client.get(url)
    etag, modified = page["ETag"], page["Last-Modified"]

    by_etag = client.get(url, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == etag
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200

    rename(record, "Renamed since")  # the stored page is now another one
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 200
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 200


def test_two_changes_within_one_second_never_answer_304_to_the_older_page(
    page_cache, client, monkeypatch
):
    record = factories.source(title="First")
    url = record.get_absolute_url()
    # The page is asked for within the second the generation moved, however slow the machine.
    moved_at = page_cache_module.generation()[1]

    class SameSecond(datetime):
        @classmethod
        def now(cls, tz=None):
            return moved_at

    monkeypatch.setattr(page_cache_module, "datetime", SameSecond)
    page = client.get(url)
    assert "Last-Modified" not in page  # the generation moved this very second
    rename(record, "Second")
    assert b"Second" in client.get(url, headers={"If-None-Match": page["ETag"]}).content


@pytest.mark.parametrize("key", KINDS)
def test_edit_publish_withdraw_and_a_linked_record_show_on_the_next_request(
    key, page_cache, client
):
    record = make(key, status=Status.DRAFT)
    url = record.get_absolute_url()
    assert client.get(url).status_code == 404

    record.status = Status.PUBLISHED
    record.save()
    assert client.get(url).status_code == 200  # published: at once

    rename(record, "A title edited after the first visit")
    client.get(url)
    assert b"A title edited after the first visit" in client.get(url).content

    cited = factories.source(title="The cited source")
    factories.citation(record, cited)  # a new row about the record
    assert b"The cited source" in client.get(url).content
    rename(cited, "The cited source, renamed")  # another record, linked to this one
    assert b"The cited source, renamed" in client.get(url).content

    record.status = Status.WITHDRAWN
    record.save()
    assert client.get(url).status_code == 404


def test_a_record_deleted_is_gone_on_the_next_request(page_cache, client):
    record = factories.place()
    url = record.get_absolute_url()
    client.get(url)
    record.delete()
    assert client.get(url).status_code == 404


def test_bulk_writes_move_the_generation(page_cache, client):
    from archive.changes import log_bulk_writes
    from archive.models import Source

    record = factories.source(title="Before the batch")
    url = record.get_absolute_url()
    client.get(url)
    # A batch edit or an import: an UPDATE with no signal, then the change log in bulk.
    Source.objects.filter(pk=record.pk).update(title="After the batch")
    log_bulk_writes(Source, [Source.objects.get(pk=record.pk)])
    assert b"After the batch" in client.get(url).content


def test_a_shared_cache_is_told_the_new_generation_by_the_writer(settings):
    from django.core.cache import caches

    from archive import page_cache
    from tests.caching.conftest import BACKENDS

    settings.CACHES = {"default": BACKENDS["redis"]}
    cache = caches["default"]
    cache.clear()
    before = page_cache.generation()
    factories.source()
    after = cache.get(page_cache.GENERATION_KEY)
    assert after is not None and after[0] > before[0]
    assert page_cache.generation() == PublicationGeneration.objects.current()
    cache.clear()
