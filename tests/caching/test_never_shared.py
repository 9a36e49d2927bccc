"""Staff, drafts and personal responses never come from, nor go into, the shared cache."""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from archive.models import Source, Status
from archive.page_cache import PageCacheMiddleware
from tests import factories

pytestmark = pytest.mark.django_db


def served_from_cache(client, url, django_assert_max_num_queries) -> bool:
    """A stored page costs one query (the generation); a rendered one many more."""
    with django_assert_max_num_queries(1000) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries) <= 1


def test_staff_never_get_a_cached_page_nor_fill_the_cache(
    page_cache, client, curator_client, django_assert_max_num_queries
):
    record = factories.source(title="Before")
    url = record.get_absolute_url()
    client.get(url)  # a visitor's page is stored
    staff_page = curator_client.get(url)
    assert staff_page["Cache-Control"] == "private, no-store"
    assert not served_from_cache(curator_client, url, django_assert_max_num_queries)

    page_cache.clear()
    curator_client.get(url)
    curator_client.get(url)
    assert not served_from_cache(client, url, django_assert_max_num_queries)  # staff stored none


def test_a_draft_preview_is_never_stored(page_cache, client, curator_client):
    record = factories.source(title="A draft only staff see", status=Status.DRAFT)
    url = record.get_absolute_url()
    preview = curator_client.get(url)
    assert preview.status_code == 200
    assert preview["Cache-Control"] == "private, no-store"
    visitor = client.get(url)
    assert visitor.status_code == 404
    assert b"A draft only staff see" not in visitor.content
    assert visitor["Cache-Control"] == "private, no-store"


def test_a_session_cookie_bypasses_the_cache(page_cache, client, django_assert_max_num_queries):
    url = factories.place().get_absolute_url()
    client.get(url)
    client.cookies["sessionid"] = "whatever-it-holds"
    assert not served_from_cache(client, url, django_assert_max_num_queries)


def test_a_query_string_is_neither_served_nor_stored(
    page_cache, client, django_assert_max_num_queries
):
    url = factories.place().get_absolute_url()
    client.get(url + "?utm_source=x")
    assert not served_from_cache(client, url + "?utm_source=x", django_assert_max_num_queries)


def test_a_response_that_sets_a_cookie_is_not_stored(page_cache):
    url = factories.source().get_absolute_url()
    calls = []

    def view_with_cookie(request):
        calls.append(request)
        response = HttpResponse("<p>with a token</p>")
        response.set_cookie("csrftoken", "secret")
        return response

    middleware = PageCacheMiddleware(view_with_cookie)
    first = middleware(RequestFactory().get(url))
    assert first["Cache-Control"] == "private, no-store"
    middleware(RequestFactory().get(url))
    assert len(calls) == 2  # rendered each time, never stored


def test_the_admins_publish_and_withdraw_actions_show_on_the_next_request(
    page_cache, client, curator_client
):
    record = factories.source(title="Published from the list", status=Status.DRAFT)
    url = record.get_absolute_url()
    assert client.get(url).status_code == 404
    changelist = reverse("admin:archive_source_changelist")
    for action, status in (("publish", 200), ("withdraw", 404)):
        done = curator_client.post(
            changelist, {"action": action, "_selected_action": [record.pk]}, follow=True
        )
        assert done.status_code == 200
        assert client.get(url).status_code == status
    assert Source.objects.get(pk=record.pk).status == Status.WITHDRAWN


def test_a_fresh_client_gets_the_stored_page(page_cache, client):
    url = factories.source(title="Shared by visitors").get_absolute_url()
    client.get(url)
    other = Client()
    assert b"Shared by visitors" in other.get(url).content
