"""Public pages of organisations: browse with filters, the record page, cite downloads, and the
archive's lists that read the registry (sitemap, feed, cited-by)."""

import json

import pytest

from archive.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_it_lists_published_organisations_with_filters(client, army):
    factories.organisation(name="Hidden ministry", status=Status.DRAFT)
    factories.organisation(name="Old newspaper", organisation_type="newspaper", dissolved="1920")
    page = client.get("/organisations/").content.decode()
    assert "Soviet Army" in page and "Old newspaper" in page
    assert "Hidden ministry" not in page

    by_type = client.get("/organisations/?organisation_type=army").content.decode()
    assert "Soviet Army" in by_type and "Old newspaper" not in by_type
    by_place = client.get("/organisations/?place=baku").content.decode()
    assert "Soviet Army" in by_place and "Old newspaper" not in by_place
    # 1946–1992 overlaps 1990; an end in 1920 does not.
    by_years = client.get("/organisations/?year_from=1989&year_to=1990").content.decode()
    assert "Soviet Army" in by_years and "Old newspaper" not in by_years
    by_role = client.get("/organisations/?role=acting-unit").content.decode()
    assert "Soviet Army" in by_role and "Old newspaper" not in by_role
    refused = client.get("/organisations/?year_from=1990&year_to=1980")
    assert "The end year is before the start year." in refused.content.decode()


def test_its_page_shows_names_dates_units_events_and_publications(client, army):
    response = client.get("/organisations/soviet-army/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<span lang="ru" dir="auto" class="name">Советская армия</span>' in page
    assert "25 February 1946" in page and "1992" in page
    assert "Army" in page and 'href="/places/baku/"' in page
    assert 'href="/organisations/a-unit/"' in page  # its unit
    assert 'href="/events/troops-in-baku/"' in page and "Acting force or unit" in page
    assert 'href="/sources/a-bulletin/"' in page and "Publisher" in page
    assert 'href="/sources/the-article/"' in page  # footnotes and bibliography
    assert "the Soviet army" in page  # the involvement's quotation, in its footnote


def test_the_unit_names_its_army(client, army):
    page = client.get("/organisations/a-unit/").content.decode()
    assert 'Part of <a href="/organisations/soviet-army/"><bdi>Soviet Army</bdi></a>' in page


def test_an_old_slug_redirects(client, army):
    army.slug = "red-army"
    army.save()
    response = client.get("/organisations/soviet-army/")
    assert response.status_code == 301
    assert response["Location"] == "/organisations/red-army/"


def test_the_event_page_lists_the_organisation_with_its_role_and_footnote(client, army):
    page = client.get("/events/troops-in-baku/").content.decode()
    assert '<h2 id="organisations-h">Organisations</h2>' in page
    assert 'href="/organisations/soviet-army/"' in page and "Acting force or unit" in page
    assert "the Soviet army" in page


def test_a_draft_organisation_is_never_shown(client, curator, army):
    army.status = Status.DRAFT
    army.save()
    assert client.get("/organisations/soviet-army/").status_code == 404
    assert client.get("/organisations/soviet-army/cite.bib").status_code == 404
    assert "Soviet Army" not in client.get("/organisations/").content.decode()
    assert "soviet-army" not in client.get("/events/troops-in-baku/").content.decode()
    assert "Soviet Army" not in client.get("/sources/the-article/").content.decode()
    assert "Soviet Army" not in client.get("/places/baku/").content.decode()
    assert "soviet-army" not in client.get("/sitemap-organisation.xml").content.decode()
    client.force_login(curator)
    preview = client.get("/organisations/soviet-army/")
    assert preview.status_code == 200 and b"preview-banner" in preview.content


@pytest.mark.parametrize("fmt, opening", [("bib", "@"), ("ris", "TY  - "), ("json", "[")])
def test_it_offers_citation_downloads(client, army, fmt, opening):
    response = client.get(f"/organisations/soviet-army/cite.{fmt}")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith(opening) and "Soviet Army" in body
    assert "/organisations/soviet-army/" in body
    assert 'filename="soviet-army.' in response["Content-Disposition"]


def test_the_csl_download_cites_the_archive_page(client, army):
    item = json.loads(client.get("/organisations/soviet-army/cite.json").content)[0]
    assert item["title"] == "Soviet Army"
    assert item["URL"].endswith("/organisations/soviet-army/")


def test_the_sitemap_and_the_feed_list_it(client, army):
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-organisation.xml" in index
    section = client.get("/sitemap-organisation.xml").content.decode()
    assert "/organisations/soviet-army/" in section
    assert "/organisations/" in client.get("/sitemap-pages.xml").content.decode()
    assert "/organisations/soviet-army/" in client.get("/feed/").content.decode()


def test_the_cited_source_shows_the_involvement_in_cited_by(client, army):
    page = client.get("/sources/the-article/").content.decode()
    assert 'href="/events/troops-in-baku/"' in page
    assert "Soviet Army — Acting force or unit" in page
    assert 'href="/organisations/soviet-army/"' in page  # cited in its description


def test_the_published_source_names_its_publisher(client, army):
    page = client.get("/sources/a-bulletin/").content.decode()
    assert 'href="/organisations/soviet-army/"' in page


def test_the_place_page_lists_the_organisations_based_there(client, army):
    page = client.get("/places/baku/").content.decode()
    assert 'href="/organisations/soviet-army/"' in page
