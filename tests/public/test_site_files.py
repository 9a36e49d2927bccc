"""Old links redirect; robots.txt, sitemaps and the Atom feed; the feed is advertised on every
page; friendly 404 and 500 pages in the site's look; the header's search form."""

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def test_an_old_slug_redirects_permanently(client):
    event = factories.event(slug="old-name")
    event.slug = "new-name"
    event.save()
    response = client.get("/events/old-name/")
    assert response.status_code == 301 and response["Location"] == "/events/new-name/"
    response = client.get("/events/old-name/cite.ris")
    assert response.status_code == 301 and response["Location"] == "/events/new-name/cite.ris"
    source = factories.source(slug="first")
    source.slug = "second"
    source.save()
    assert client.get("/sources/first/")["Location"] == "/sources/second/"


def test_an_old_slug_of_a_hidden_record_is_a_404(client):
    person = factories.person(slug="was", status="draft")
    person.slug = "is"
    person.save()
    assert client.get("/people/was/").status_code == 404


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_the_sitemap_lists_published_records_by_kind(client):
    event = factories.event(title="Visible")
    factories.event(slug="invisible", status="review")
    index = client.get("/sitemap.xml").content.decode()
    for section in ("pages", "event", "person", "source", "place", "media"):
        assert f"http://testserver/sitemap-{section}.xml" in index
    events = client.get("/sitemap-event.xml").content.decode()
    assert f"http://testserver{event.get_absolute_url()}" in events and "invisible" not in events
    assert "<lastmod>" in events
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_the_feed_lists_recently_published_records_and_every_page_links_it(client):
    factories.event(title="Newly published event", summary="What happened.")
    factories.person(name="Newly published person")
    factories.event(title="Still a draft", status="draft")
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "Event: Newly published event" in feed and "Person: Newly published person" in feed
    assert "What happened." in feed and "Still a draft" not in feed
    link = '<link rel="alternate" type="application/atom+xml"'
    for url in ("/", "/events/", "/events/timeline/", "/people/", "/no-such-page/"):
        assert link in client.get(url).content.decode(), url


def test_the_404_page_keeps_the_site_look(client):
    response = client.get("/events/no-such-event/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "This page is not in the archive" in page and 'class="site-header"' in page


def test_the_500_page_keeps_the_site_look_without_the_database(settings):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    settings.ROOT_URLCONF = "tests.public.failing_urls"
    response = Client(raise_request_exception=False).get("/fail/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page and 'class="site-header"' in page
    assert 'role="search"' in page


def test_every_page_has_the_search_form_skip_link_and_landmarks(client):
    page = client.get("/").content.decode()
    assert '<form role="search" class="site-search" action="/search/"' in page
    assert 'name="q"' in page and 'href="#main">Skip to content</a>' in page
    assert '<main id="main"' in page and '<nav class="site-nav" aria-label="Main">' in page
    assert "<footer" in page and 'href="http' not in page.split("<body>")[0].replace(
        'href="http://testserver', ""
    )  # nothing in <head> is loaded from another host
