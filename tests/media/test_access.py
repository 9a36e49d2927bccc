"""Files go through a door that checks status: drafts stay hidden from visitors, URL guessing
included; staff see them; the storage's own URL is not served."""

import pytest
from django.urls import reverse

from archive.models import SlugRedirect, Status

from . import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(make_item):
    return make_item("photo.jpg", files.image_bytes(size=(700, 350)), status=Status.PUBLISHED)


@pytest.fixture
def draft(make_item):
    return make_item("secret.jpg", files.image_bytes(size=(700, 350)), status=Status.DRAFT)


def every_url(item) -> list[str]:
    return [item.original_url] + [url for r in item.renditions for url in (r.webp_url, r.jpg_url)]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_visitors_fetch_published_originals_and_derivatives(client, published):
    response = client.get(published.original_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Cache-Control"].startswith("public")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert 'filename="photo.jpg"' in response["Content-Disposition"]
    with published.file.open("rb") as stored:
        assert body(response) == stored.read()
    for rendition in published.renditions:
        webp = client.get(rendition.webp_url)
        assert webp.status_code == 200 and webp["Content-Type"] == "image/webp"
        assert body(webp)[8:12] == b"WEBP"
        assert client.get(rendition.jpg_url)["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_visitors_cannot_fetch_unpublished_files(client, visitor, draft, status):
    draft.status = status
    draft.save()
    for url in every_url(draft):
        assert client.get(url).status_code == 404, url
    client.force_login(visitor)  # a signed-in visitor who is not staff
    for url in every_url(draft):
        assert client.get(url).status_code == 404, url


def test_staff_fetch_unpublished_files_privately(cataloguer_client, draft):
    for url in every_url(draft):
        response = cataloguer_client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store"
        assert "Access-Control-Allow-Origin" not in response


def test_the_storage_url_is_not_served(client, cataloguer_client, draft, published):
    for item in (draft, published):
        assert client.get("/media/" + item.file.name).status_code == 404
        assert cataloguer_client.get("/media/" + item.file.name).status_code == 404
        for name in item.derivatives.values_list("file", flat=True):
            assert client.get("/media/" + name).status_code == 404


def test_guessing_sizes_formats_and_slugs_finds_nothing(client, published):
    slug = published.slug
    assert client.get(f"/media-files/{slug}/huge.jpg").status_code == 404
    assert client.get(f"/media-files/{slug}/thumb.png").status_code == 404
    assert client.get(f"/media-files/{slug}/large.jpg").status_code == 404  # too small for it
    assert client.get("/media-files/no-such-item/original").status_code == 404


def test_it_serves_byte_ranges_for_seeking(client, make_item):
    data = files.wav_bytes(seconds=0.2)
    item = make_item("talk.wav", data, status=Status.PUBLISHED)
    response = client.get(item.original_url, HTTP_RANGE="bytes=10-19")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 10-19/{len(data)}"
    assert response["Content-Length"] == "10"
    assert body(response) == data[10:20]
    tail = client.get(item.original_url, HTTP_RANGE="bytes=-5")
    assert body(tail) == data[-5:]
    open_ended = client.get(item.original_url, HTTP_RANGE="bytes=100-")
    assert body(open_ended) == data[100:]
    beyond = client.get(item.original_url, HTTP_RANGE=f"bytes={len(data)}-")
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{len(data)}"
    whole = client.get(item.original_url, HTTP_RANGE="lines=1-2")
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"


def test_pdfs_are_not_sandboxed_so_that_browsers_show_them(client, make_item):
    item = make_item("report.pdf", files.pdf_bytes(), status=Status.PUBLISHED)
    response = client.get(item.original_url)
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Security-Policy" not in response


def test_a_missing_derivative_is_made_on_first_request(client, published):
    published.derivatives.all().delete()
    response = client.get(published.thumbnail.webp_url)
    assert response.status_code == 200
    assert published.derivatives.count() == 4


def test_an_old_slug_redirects_to_the_file(client, published):
    old = published.slug
    published.slug = "renamed"
    published.save()
    assert SlugRedirect.objects.filter(old_slug=old).exists()
    response = client.get(reverse("media_files:original", kwargs={"slug": old}))
    assert response.status_code == 301
    assert response["Location"] == published.original_url
    response = client.get(f"/media-files/{old}/thumb.webp")
    assert response["Location"] == published.thumbnail.webp_url


def test_an_old_slug_of_a_draft_reveals_nothing(client, draft):
    old = draft.slug
    draft.slug = "renamed-draft"
    draft.save()
    assert client.get(f"/media-files/{old}/original").status_code == 404


def test_production_can_hand_the_bytes_to_nginx(client, settings, published, draft):
    settings.MEDIA_ACCEL_REDIRECT = "/protected-media/"
    response = client.get(published.original_url)
    # Visitors get the original's public copy (tests/media/test_private_metadata.py).
    public_copy = published.public_original.file.name
    assert response["X-Accel-Redirect"] == f"/protected-media/{public_copy}"
    assert response.content == b""
    assert client.get(draft.original_url).status_code == 404  # still checked first


def test_only_safe_methods_are_allowed(client, published):
    assert client.post(published.original_url).status_code == 405
    assert client.head(published.original_url).status_code == 200


def test_no_static_route_serves_media_even_in_debug(settings):
    import importlib

    from django.urls import Resolver404, clear_url_caches, resolve

    import archive.urls

    settings.DEBUG = True
    try:
        clear_url_caches()
        module = importlib.reload(archive.urls)
        with pytest.raises(Resolver404):
            resolve("/media/originals/0123456789abcdef.jpg", urlconf=module)
    finally:
        settings.DEBUG = False
        importlib.reload(archive.urls)
        clear_url_caches()
